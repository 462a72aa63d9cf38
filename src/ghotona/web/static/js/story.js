// The story page: the story's mentions, one card per article (outlet).
"use strict";

(() => {
  const id = G.params().id || "";

  function eventItem(e) {
    return G.el("li", { "data-event": e.event_id },
      G.typeBadge(e.event_type, e.quad_class), " ", G.date(e), " ", G.el("span", { class: "status status-" + e.status }, e.status),
      G.pair(e.source, e.target),
      G.el("blockquote", { class: "bn" },
        G.el("a", { href: G.page("article.html", { id: e.article_id, event: e.event_id }) }, e.evidence.sentence)));
  }

  function card(m) {
    return G.el("section", { class: "card", "data-article": m.article_id },
      G.el("h3", {}, G.el("span", { class: "outlet" }, m.outlet || "unknown outlet"), " ",
        G.el("a", { class: "bn", href: G.page("article.html", { id: m.article_id }) }, m.title || m.article_id)),
      G.el("p", { class: "muted small" }, m.published ? "published " + m.published : "publication date unknown",
        m.url ? G.el("span", {}, " · ", G.el("a", { href: m.url, rel: "noopener noreferrer" }, "original")) : null),
      G.el("ul", { class: "event-list" }, m.events.map(eventItem)));
  }

  function copies(list) {
    return G.el("section", { class: "card" }, G.el("h3", {}, "Copies of these articles in other outlets"),
      G.el("ul", {}, list.map((c) => G.el("li", {}, G.el("span", { class: "outlet" }, c.outlet || "unknown outlet"), " ",
        c.published || "", " ", c.url ? G.el("a", { href: c.url, rel: "noopener noreferrer" }, "original") : c.article_id,
        G.el("span", { class: "muted small" }, " · copy of " + c.copy_of)))));
  }

  async function load() {
    const s = await G.api("/stories/" + encodeURIComponent(id));
    const first = s.mentions.length && s.mentions[0].events.length ? s.mentions[0].events[0] : null;
    const who = (a) => (a && (a.name || a.code)) || "—";
    G.fill(document.getElementById("title"), first
      ? first.event_type + ": " + who(first.source) + " → " + who(first.target) : "Story " + s.story);
    const dates = s.first_report ? (s.first_report === s.last_report ? s.first_report : s.first_report + " – " + s.last_report) : "dates unknown";
    G.fill(document.getElementById("summary"), s.n_events + " mentions in " + s.n_articles + " articles from " +
      (s.outlets.length || "unknown") + " outlets" + (s.outlets.length ? " (" + s.outlets.join(", ") + ")" : "") +
      " · reported " + dates, s.status_summary ? G.el("div", {}, "Status: " + s.status_summary) : null);
    G.fill(document.getElementById("mentions"), s.mentions.map(card), s.copies.length ? copies(s.copies) : null);
  }

  G.run(load);
})();
