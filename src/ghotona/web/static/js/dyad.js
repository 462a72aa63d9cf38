// The dyad page: events between two actors in both directions over time.
"use strict";

(() => {
  const p = G.params();
  const a = (p.a || "").toUpperCase();
  const b = (p.b || "").toUpperCase();
  const form = document.getElementById("controls");
  const table = G.eventTable("events");
  document.getElementById("table").append(table);
  G.setForm(form, p);

  function typeRow(t) {
    return G.el("tr", {}, G.el("td", {}, G.typeBadge(t.event_type, 0)),
      G.el("td", { class: "num" }, t.a_to_b), G.el("td", { class: "num" }, t.b_to_a), G.el("td", { class: "num" }, t.mutual));
  }

  async function load() {
    const q = G.formValues(form);
    history.replaceState(null, "", G.page("dyad.html", Object.assign({ a, b }, q)));
    const d = await G.api("/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b), q);
    const la = d.a.label || a, lb = d.b.label || b;
    document.title = a + " ⇄ " + b + " · ghotona";
    G.fill(document.getElementById("title"),
      G.el("a", { href: G.page("actor.html", { code: a }) }, la), " ⇄ ", G.el("a", { href: G.page("actor.html", { code: b }) }, lb));
    document.getElementById("swap").setAttribute("href", G.safeHref(G.page("dyad.html", Object.assign({}, q, { a: b, b: a }))));
    G.fill(document.getElementById("h-ab"), a + " → " + b);
    G.fill(document.getElementById("h-ba"), b + " → " + a);
    Chart.draw(document.getElementById("chart"), d.buckets, {
      title: a + " and " + b + " over time", interval: d.interval, upLabel: a + " → " + b, downLabel: b + " → " + a,
      up: [{ key: "a_to_b", label: a + " → " + b, color: "#00897b" }, { key: "mutual", label: "mutual (meetings, talks)", color: "#7e57c2" }],
      down: [{ key: "b_to_a", label: b + " → " + a, color: "#ef6c00" }],
      lines: [{ key: "mean_goldstein_a_to_b", label: "Goldstein " + a + " → " + b, color: "#004d40" },
              { key: "mean_goldstein_b_to_a", label: "Goldstein " + b + " → " + a, color: "#bf360c" }],
    });
    G.fill(document.querySelector("#types tbody"), d.types.map(typeRow));
    await G.loadEvents(table, document.getElementById("more"), { dyad: a + "," + b, since: q.since, until: q.until });
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); G.run(load); });
  G.run(load);
})();
