// The events page: a filterable, searchable table with cursor pagination.
"use strict";

(() => {
  const form = document.getElementById("filters");
  const table = G.eventTable("events");
  const more = document.getElementById("more");
  const chips = document.getElementById("active");
  document.getElementById("table").append(table);
  const start = G.params();
  G.options(form.elements.type, G.TYPES, (start.type || "").toUpperCase(), "any type");
  G.options(form.elements.status, G.STATUSES, start.status || "", "any status");
  G.setForm(form, start);

  function chip(name, label) {
    const field = form.elements[name];
    if (!field.value) return null;
    return G.el("span", { class: "chip" }, label + ": " + field.value, " ",
      G.el("button", { type: "button", class: "chip-x", "aria-label": "remove " + label,
        onclick: () => { field.value = ""; load(); } }, "×"));
  }

  function load() {
    const query = G.formValues(form);
    history.replaceState(null, "", G.page("index.html", query));
    G.fill(chips, chip("story", "story"), chip("dyad", "dyad"));
    G.run(() => G.loadEvents(table, more, query));
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  form.addEventListener("reset", () => setTimeout(load, 0));
  load();
})();
