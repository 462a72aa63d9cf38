// The actor page: timeline of cooperation vs conflict, counterparts, events.
"use strict";

(() => {
  const code = (G.params().code || "").toUpperCase();
  const form = document.getElementById("controls");
  const table = G.eventTable("events");
  document.getElementById("table").append(table);
  G.setForm(form, G.params());

  const spec = {
    title: "events per period: cooperation above the axis, conflict below",
    upLabel: "cooperation", downLabel: "conflict",
    up: [{ key: "verbal_cooperation", label: "verbal cooperation", color: "#81c784" },
         { key: "material_cooperation", label: "material cooperation", color: "#2e7d32" }],
    down: [{ key: "verbal_conflict", label: "verbal conflict", color: "#ef9a9a" },
           { key: "material_conflict", label: "material conflict", color: "#c62828" }],
    lines: [{ key: "mean_goldstein", label: "mean Goldstein", color: "#1565c0" }],
  };

  function partnerRow(p) {
    return G.el("tr", {},
      G.el("td", {}, G.el("a", { href: G.page("actor.html", { code: p.code }) }, p.code), " ", p.label || ""),
      G.el("td", { class: "num" }, p.n),
      G.el("td", { class: "num" }, p.mean_goldstein ?? "–"),
      G.el("td", {}, G.el("a", { href: G.page("dyad.html", { a: code, b: p.code }) }, code + " ⇄ " + p.code)));
  }

  async function load() {
    const q = G.formValues(form);
    history.replaceState(null, "", G.page("actor.html", Object.assign({ code }, q)));
    const t = await G.api("/actors/" + encodeURIComponent(code) + "/timeline", q);
    document.title = code + " · ghotona";
    G.fill(document.getElementById("title"), t.label && t.label !== code ? t.label + " (" + code + ")" : code);
    G.fill(document.getElementById("names"), t.names.length ? "Named as: " + t.names.join(", ") : "",
      " · " + t.n_events + " events in the chart");
    Chart.draw(document.getElementById("chart"), t.buckets, Object.assign({ interval: t.interval }, spec));
    G.fill(document.getElementById("excluded"), t.n_excluded
      ? t.n_excluded + " events are not in the chart: undated, or dated less precisely than a " + t.interval + "." : "");
    G.fill(document.querySelector("#partners tbody"), t.partners.map(partnerRow));
    const filters = { actor: code, since: q.since, until: q.until };
    document.getElementById("all-events").setAttribute("href", G.safeHref(G.page("index.html", filters)));
    await G.loadEvents(table, document.getElementById("more"), filters);
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); G.run(load); });
  G.run(load);
})();
