// The actors page: coded actors with their event counts.
"use strict";

(() => {
  const form = document.getElementById("filters");
  const tbody = document.querySelector("#actors tbody");
  const more = document.getElementById("more");
  G.setForm(form, G.params());
  let cursor = null;
  let query = {};

  function row(a) {
    return G.el("tr", { "data-code": a.code },
      G.el("td", {}, G.el("a", { class: "code", href: G.page("actor.html", { code: a.code }) }, a.code)),
      G.el("td", {}, a.label || "", a.names.length ? G.el("div", { class: "muted small" }, a.names.join(", ")) : null),
      G.el("td", { class: "num" }, a.n_events), G.el("td", { class: "num" }, a.n_as_source),
      G.el("td", { class: "num" }, a.n_as_target), G.el("td", { class: "num coop" }, a.cooperation),
      G.el("td", { class: "num conflict" }, a.conflict), G.el("td", { class: "num" }, a.mean_goldstein ?? "–"));
  }

  async function next() {
    const data = await G.api("/actors", Object.assign({}, query, cursor ? { cursor } : {}));
    for (const a of data.actors) tbody.append(row(a));
    if (!tbody.children.length) tbody.append(G.el("tr", {}, G.el("td", { colspan: 8 }, "No actors match.")));
    cursor = data.next_cursor;
    more.hidden = !cursor;
  }

  function load() {
    query = G.formValues(form);
    cursor = null;
    tbody.replaceChildren();
    history.replaceState(null, "", G.page("actors.html", query));
    G.run(next);
  }

  more.addEventListener("click", () => G.run(next));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  load();
})();
