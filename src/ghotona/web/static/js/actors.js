// The actors page: coded actors with their event counts.
"use strict";

(() => {
  const form = document.getElementById("filters");
  const tbody = document.querySelector("#actors tbody");
  const more = document.getElementById("more");
  G.setForm(form, G.params());

  function row(a) {
    return G.el("tr", { "data-code": a.code },
      G.el("td", {}, G.el("a", { class: "code", href: G.page("actor.html", { code: a.code }) }, a.code)),
      G.el("td", {}, a.label || "", a.names.length ? G.el("div", { class: "muted small" }, a.names.join(", ")) : null),
      G.el("td", { class: "num" }, a.n_events), G.el("td", { class: "num" }, a.n_as_source),
      G.el("td", { class: "num" }, a.n_as_target), G.el("td", { class: "num coop" }, a.cooperation),
      G.el("td", { class: "num conflict" }, a.conflict), G.el("td", { class: "num" }, a.mean_goldstein ?? "–"));
  }

  G.pagedList({ form, tbody, more, path: "/actors", key: "actors", row, colspan: 8, empty: "No actors match.",
    pageName: "actors.html" });
})();
