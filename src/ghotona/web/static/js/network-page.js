// The network page: filters, the force-layout graph and a plain list of its actors.
"use strict";

(() => {
  const form = document.getElementById("filters");
  const start = G.params();
  G.options(form.elements.type, G.TYPES, (start.type || "").toUpperCase(), "any type");
  G.options(form.elements.status, G.STATUSES, start.status || "", "any status");
  G.setForm(form, start);
  const open = (node) => { location.href = G.page("actor.html", { code: node.code }); };

  async function load() {
    const q = G.formValues(form);
    history.replaceState(null, "", G.page("network.html", q));
    const graph = await G.api("/network", q);
    const box = document.getElementById("graph");
    if (!graph.nodes.length) G.fill(box, G.el("p", { class: "muted" }, "No events between coded actors in this range."));
    else Network.draw(box, graph, open);
    G.fill(document.getElementById("nodes"), graph.nodes.map((n) =>
      G.el("li", {}, G.el("a", { href: G.page("actor.html", { code: n.code }) }, n.code), " ", n.label || "",
        G.el("span", { class: "muted" }, " · " + n.n))));
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); G.run(load); });
  G.run(load);
})();
