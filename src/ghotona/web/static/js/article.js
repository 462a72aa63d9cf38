// The article page: the cleaned text with every evidence sentence highlighted by its
// offsets (code points, as the API counts them); the selected event stands out.
"use strict";

(() => {
  const p = G.params();
  const id = p.id || "";
  let current = p.event || "";

  /** [start, end) in code points of each span; falls back to a search when offsets drifted. */
  function locate(chars, text, span) {
    if (span.offsets_match) return [span.start, span.end];
    const at = text.indexOf(span.sentence);
    if (at < 0) return null;
    const start = Array.from(text.slice(0, at)).length;
    return [start, start + Array.from(span.sentence).length];
  }

  function segments(text, spans) {
    const chars = Array.from(text);
    const ranges = [];
    for (const s of spans) {
      const r = locate(chars, text, s);
      if (r && r[0] < r[1]) ranges.push({ start: r[0], end: Math.min(r[1], chars.length), id: s.event_id });
    }
    const cuts = [...new Set([0, chars.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort((x, y) => x - y);
    const out = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      const ids = ranges.filter((r) => r.start <= a && b <= r.end).map((r) => r.id);
      out.push({ text: chars.slice(a, b).join(""), ids });
    }
    return out;
  }

  function render(text, spans) {
    const box = document.getElementById("text");
    G.fill(box, segments(text, spans).map((seg) => seg.ids.length
      ? G.el("mark", { class: "evidence", "data-events": seg.ids.join(" "), title: seg.ids.length + " event(s)" }, seg.text)
      : seg.text));
  }

  function select(eventId, scroll) {
    current = eventId;
    for (const m of document.querySelectorAll("mark.evidence")) {
      m.classList.toggle("current", m.dataset.events.split(" ").includes(eventId));
    }
    for (const li of document.querySelectorAll("#event-list li")) li.classList.toggle("current", li.dataset.event === eventId);
    const first = document.querySelector("mark.evidence.current");
    if (first && scroll) first.scrollIntoView({ block: "center" });
  }

  function item(e) {
    return G.el("li", { "data-event": e.event_id, tabindex: 0, onclick: () => select(e.event_id, true),
      onkeydown: (ev) => { if (ev.key === "Enter") select(e.event_id, true); } },
      G.typeBadge(e.event_type, e.quad_class), " ", G.date(e), " ",
      G.el("span", { class: "status status-" + e.status }, e.status),
      G.pair(e.source, e.target),
      e.attributed_to ? G.el("div", { class: "muted small" }, "according to " + e.attributed_to) : null,
      e.story ? G.el("div", { class: "small" }, G.el("a", { href: G.page("story.html", { id: e.story }) }, "story " + e.story)) : null);
  }

  async function load() {
    const data = await G.api("/articles/" + encodeURIComponent(id));
    const a = data.article;
    document.title = (a.title || a.article_id) + " · ghotona";
    G.fill(document.getElementById("title"), a.title || a.article_id);
    G.fill(document.getElementById("meta"), [a.outlet, a.published ? "published " + a.published : "publication date unknown",
      a.article_id].filter(Boolean).join(" · "),
      a.url ? G.el("span", {}, " · ", G.el("a", { href: a.url, rel: "noopener noreferrer" }, "original")) : null);
    render(a.text, data.evidence);
    G.fill(document.getElementById("event-list"), data.events.length ? data.events.map(item)
      : G.el("li", { class: "muted" }, "No events were coded in this article."));
    if (current) select(current, true);
  }

  G.run(load);
})();
