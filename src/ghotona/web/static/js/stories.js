// The stories page: stories (one real-world event across articles), newest first.
"use strict";

(() => {
  const form = document.getElementById("filters");
  const tbody = document.querySelector("#stories tbody");
  const more = document.getElementById("more");
  const start = G.params();
  G.options(form.elements.type, G.TYPES, (start.type || "").toUpperCase(), "any type");
  G.setForm(form, start);

  function row(s) {
    const reports = s.first_report === s.last_report ? s.first_report || "?" : (s.first_report || "?") + " – " + (s.last_report || "?");
    const src = s.source || {}, tgt = s.target || {};
    return G.el("tr", { "data-story": s.story },
      G.el("td", { class: "small" }, s.date ? G.date(s) : G.el("span", { class: "muted" }, "undated"),
        G.el("div", { class: "muted" }, "reported " + reports)),
      G.el("td", { class: "bn evidence" }, G.el("a", { href: G.page("story.html", { id: s.story }) }, G.excerpt(s.headline || s.story, 160)),
        s.status_summary ? G.el("div", { class: "muted small" }, s.status_summary) : null),
      G.el("td", {}, s.event_type ? G.typeBadge(s.event_type, 0) : ""),
      G.el("td", {}, G.pair(src.code || src.name ? src : null, tgt.code || tgt.name ? tgt : null)),
      G.el("td", { class: "num" }, s.n_articles),
      G.el("td", {}, G.el("span", { class: "num" }, s.n_outlets), (s.outlets || []).length ? G.el("div", { class: "muted small" }, s.outlets.join(", ")) : null));
  }

  G.pagedList({ form, tbody, more, path: "/stories", key: "stories", row, colspan: 6, empty: "No stories match.",
    pageName: "stories.html" });
})();
