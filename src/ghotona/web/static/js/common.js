// Shared helpers of the ghotona web UI. Data never goes through innerHTML: every string
// from the API becomes a text node (el(), text()), and links are built from encoded parts.
"use strict";

const G = (() => {
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  const STATUSES = ["occurred", "planned", "alleged", "denied", "hypothetical"];
  const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  /** Create an element; string children become text nodes, never markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
      else if (key === "href") node.setAttribute("href", safeHref(value));
      else node.setAttribute(key, String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Replace the children of `node` (safe: text nodes or elements only). */
  function fill(node, ...children) {
    node.replaceChildren();
    return append(node, children);
  }

  /** Only same-site relative links and http(s) URLs; anything else (javascript:, data:) becomes "#". */
  function safeHref(value) {
    const s = String(value);
    if (/^[a-z]+\.html(\?|$)/.test(s) || s.startsWith("/") && !s.startsWith("//")) return s;
    try {
      const url = new URL(s);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : "#";
    } catch (_e) {
      return "#";
    }
  }

  function page(name, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") qs.set(k, v);
    const s = qs.toString();
    return name + (s ? "?" + s : "");
  }

  function params() {
    return Object.fromEntries(new URLSearchParams(location.search).entries());
  }

  class ApiError extends Error {
    constructor(message, status) { super(message); this.status = status; }
  }

  async function api(path, query) {
    const url = page(path, query);
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await response.json(); } catch (_e) { body = null; }
    if (!response.ok) {
      throw new ApiError(body && body.error ? body.error : "request failed (" + response.status + ")", response.status);
    }
    return body;
  }

  function showError(error) {
    const box = document.getElementById("error");
    if (!box) return;
    box.hidden = false;
    fill(box, error instanceof Error ? error.message : String(error));
    document.body.dataset.state = "error";
  }

  function ready() {
    document.body.dataset.state = "ready";
  }

  /** Run an async page loader, showing its errors in the page. */
  function run(loader) {
    document.body.dataset.state = "loading";
    const box = document.getElementById("error");
    if (box) box.hidden = true;
    Promise.resolve().then(loader).then(ready, showError);
  }

  function actorLink(actor) {
    if (!actor) return el("span", { class: "muted" }, "—");
    const name = actor.name || actor.label || "";
    const wrap = el("span", { class: "actor" });
    if (actor.code) wrap.append(el("a", { class: "code", href: page("actor.html", { code: actor.code }) }, actor.code));
    if (name) wrap.append(" ", el("span", { class: "name" }, name));
    if (actor.text) wrap.append(el("span", { class: "bn small" }, actor.text));
    return wrap;
  }

  /** "source → target" as a two-column block (used in lists and cards). */
  function pair(source, target) {
    return el("div", { class: "pair" }, actorLink(source), el("span", { class: "arrow" }, "→"), actorLink(target));
  }

  function date(event) {
    if (!event.date) return el("span", { class: "muted" }, "undated");
    const precision = event.date_precision && event.date_precision !== "day" ? " (" + event.date_precision + ")" : "";
    return el("span", { class: "date", title: event.date_text || "" }, event.date + precision);
  }

  function typeBadge(type, quad) {
    const cls = quad >= 3 ? "badge conflict" : quad >= 1 ? "badge coop" : "badge";
    return el("span", { class: cls, title: QUAD[quad] || "" }, type);
  }

  function excerpt(text, max) {
    const chars = Array.from(text || "");
    return chars.length > max ? chars.slice(0, max).join("") + "…" : chars.join("");
  }

  /** One table row of an event (shared by the events, actor, dyad and story pages). */
  function eventRow(e) {
    const s = e.source, t = e.target;
    const dyad = s && t && s.code && t.code && s.code !== t.code
      ? el("a", { class: "dyad-link", href: page("dyad.html", { a: s.code, b: t.code }), title: "dyad" }, "⇄") : null;
    const art = e.article || {};
    return el("tr", { "data-event": e.event_id },
      el("td", {}, date(e)),
      el("td", {}, typeBadge(e.event_type, e.quad_class)),
      el("td", {}, actorLink(s)),
      el("td", {}, dyad, " ", actorLink(t)),
      el("td", {}, el("span", { class: "status status-" + e.status }, e.status)),
      el("td", { class: "bn evidence" },
        el("a", { href: page("article.html", { id: e.article_id, event: e.event_id }) }, excerpt(e.evidence.sentence, 180))),
      el("td", { class: "small" }, art.outlet || "", art.published ? el("div", { class: "muted" }, art.published) : null));
  }

  function eventTable(id) {
    return el("table", { id: id || "events", class: "events" },
      el("thead", {}, el("tr", {}, ["Date", "Type", "Source", "Target", "Status", "Evidence", "Outlet"]
        .map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}));
  }

  /** Fill an events table from /events with `query`, with a "load more" button for the cursor. */
  async function loadEvents(table, more, query) {
    const tbody = table.querySelector("tbody");
    tbody.replaceChildren();
    let cursor = null;
    async function next() {
      more.disabled = true;
      const data = await api("/events", Object.assign({}, query, cursor ? { cursor } : {}));
      for (const e of data.events) tbody.append(eventRow(e));
      cursor = data.next_cursor;
      more.hidden = !cursor;
      more.disabled = false;
      table.dataset.count = String(tbody.children.length);
      if (!tbody.children.length) tbody.append(el("tr", { class: "empty" }, el("td", { colspan: 7 }, "No events match.")));
    }
    more.onclick = () => run(next);
    await next();
  }

  function options(select, values, current, anyLabel) {
    fill(select, el("option", { value: "" }, anyLabel), values.map((v) => el("option", { value: v, selected: v === current }, v)));
  }

  /** Read a form's named fields into an object (empty fields dropped). */
  function formValues(form) {
    const out = {};
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim() !== "") out[k] = String(v).trim();
    return out;
  }

  function setForm(form, values) {
    for (const field of form.elements) if (field.name && values[field.name] !== undefined) field.value = values[field.name];
  }

  // A filtered list paged by the API's cursor: the form's values query `path`, each item of
  // `data[key]` becomes a row; "more" fetches the next page; the URL keeps the filters.
  function pagedList({ form, tbody, more, path, key, row, colspan, empty, pageName }) {
    let cursor = null;
    let query = {};
    async function next() {
      const data = await api(path, Object.assign({}, query, cursor ? { cursor } : {}));
      for (const item of data[key]) tbody.append(row(item));
      if (!tbody.children.length) tbody.append(el("tr", {}, el("td", { colspan }, empty)));
      cursor = data.next_cursor;
      more.hidden = !cursor;
    }
    function load() {
      query = formValues(form);
      cursor = null;
      tbody.replaceChildren();
      history.replaceState(null, "", page(pageName, query));
      run(next);
    }
    more.addEventListener("click", () => run(next));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
    load();
  }

  return { TYPES, STATUSES, QUAD, el, append, fill, safeHref, page, params, api, run, showError, actorLink, pair, date,
    typeBadge, excerpt, eventRow, eventTable, loadEvents, options, formValues, setForm, pagedList };
})();

// The site header, built once here for every page (the pages hold an empty <header class="top">).
const NAV = [["index.html", "events", "Events"], ["stories.html", "stories", "Stories"],
  ["actors.html", "actors", "Actors"], ["network.html", "network", "Network"], ["/docs", null, "API"]];

document.addEventListener("DOMContentLoaded", () => {
  const header = document.querySelector("header.top");
  if (!header) return;
  const brand = document.createElement("a");
  brand.className = "brand";
  brand.href = "index.html";
  const bn = document.createElement("span");
  bn.className = "bn";
  bn.textContent = "ঘটনা";
  brand.append(bn, " ghotona");
  const nav = document.createElement("nav");
  const current = document.body.dataset.page;
  for (const [href, key, label] of NAV) {
    const link = document.createElement("a");
    link.href = href;
    link.textContent = label;
    if (key) link.dataset.nav = key;
    if (key && key === current) link.setAttribute("aria-current", "page");
    nav.append(link);
  }
  header.replaceChildren(brand, nav);
});
