// A hand-written SVG chart: stacked bars above the axis (cooperation), below it (conflict)
// and mean-Goldstein lines on a -10..+10 right axis. Labels are text nodes only.
"use strict";

const Chart = (() => {
  const NS = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  const sum = (row, series) => series.reduce((acc, s) => acc + (row[s.key] || 0), 0);

  function ticks(max) {
    const step = Math.max(1, Math.ceil(max / 4));
    const out = [];
    for (let v = step; v <= max; v += step) out.push(v);
    return out;
  }

  function axes(g, box, m, spec) {
    const y = (v) => box.mid - (v / m) * box.half;
    g.append(svg("line", { x1: box.left, x2: box.right, y1: box.mid, y2: box.mid, class: "axis" }));
    for (const v of ticks(m)) {
      for (const sign of [1, -1]) {
        g.append(svg("line", { x1: box.left, x2: box.right, y1: y(sign * v), y2: y(sign * v), class: "grid" }));
        g.append(svg("text", { x: box.left - 6, y: y(sign * v) + 4, class: "tick", "text-anchor": "end" }, String(v)));
      }
    }
    if (spec.lines && spec.lines.length) {
      for (const gv of [-10, -5, 0, 5, 10]) {
        g.append(svg("text", { x: box.right + 6, y: box.mid - (gv / 10) * box.half + 4, class: "tick gold" }, String(gv)));
      }
      g.append(svg("text", { x: box.right + 6, y: box.top - 4, class: "tick gold" }, "Goldstein"));
    }
    g.append(svg("text", { x: box.left + 4, y: box.top - 6, class: "tick axis-label" }, "▲ " + (spec.upLabel || "")));
    g.append(svg("text", { x: box.left + 4, y: box.bottom + 14, class: "tick axis-label" }, "▼ " + (spec.downLabel || "")));
  }

  function bars(g, rows, box, m, spec) {
    const band = (box.right - box.left) / rows.length;
    const width = Math.min(48, Math.max(1, band * 0.78));
    rows.forEach((row, i) => {
      const x = box.left + i * band + (band - width) / 2;
      const group = svg("g", { class: "bar", "data-period": row.period });
      const tip = [row.period].concat([...spec.up, ...spec.down].map((s) => s.label + ": " + (row[s.key] || 0)));
      for (const line of spec.lines || []) if (row[line.key] !== null && row[line.key] !== undefined) tip.push(line.label + ": " + row[line.key]);
      group.append(svg("title", {}, tip.join("\n")));
      let acc = 0;
      for (const s of spec.up) {
        const v = row[s.key] || 0;
        const h = (v / m) * box.half;
        if (v) group.append(svg("rect", { x, y: box.mid - (acc / m) * box.half - h, width, height: h, fill: s.color }));
        acc += v;
      }
      acc = 0;
      for (const s of spec.down) {
        const v = row[s.key] || 0;
        const h = (v / m) * box.half;
        if (v) group.append(svg("rect", { x, y: box.mid + (acc / m) * box.half, width, height: h, fill: s.color }));
        acc += v;
      }
      g.append(group);
    });
    return band;
  }

  function lines(g, rows, box, band, spec) {
    for (const line of spec.lines || []) {
      const points = [];
      rows.forEach((row, i) => {
        const v = row[line.key];
        if (v === null || v === undefined) return;
        points.push([box.left + (i + 0.5) * band, box.mid - (v / 10) * box.half]);
      });
      if (points.length > 1) {
        g.append(svg("polyline", { points: points.map((p) => p.join(",")).join(" "), fill: "none", stroke: line.color, "stroke-width": 2, class: "gline" }));
      }
      for (const [x, y] of points) g.append(svg("circle", { cx: x, cy: y, r: 3, fill: line.color }));
    }
  }

  function labels(g, rows, box, band) {
    const every = Math.max(1, Math.ceil(rows.length / 10));
    rows.forEach((row, i) => {
      if (i % every) return;
      g.append(svg("text", { x: box.left + (i + 0.5) * band, y: box.bottom + 28, class: "tick", "text-anchor": "middle" }, row.period));
    });
  }

  function legend(spec) {
    const items = [...spec.up, ...spec.down, ...(spec.lines || [])].map((s) =>
      G.el("span", { class: "legend-item" }, G.el("span", { class: "swatch", "data-color": s.color }), s.label));
    const box = G.el("div", { class: "legend" }, items);
    // Colours are set through the CSSOM (no inline style attributes under the CSP).
    box.querySelectorAll(".swatch").forEach((node) => { node.style.background = node.dataset.color; });
    return box;
  }

  /** The period after `period` (YYYY-MM-DD) for a day, week or month interval. */
  function nextPeriod(period, interval) {
    const d = new Date(period + "T00:00:00Z");
    if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (interval === "week" ? 7 : 1));
    return d.toISOString().slice(0, 10);
  }

  /** Insert empty periods so that bars stand at their place in time (at most 2000). */
  function fillGaps(rows, interval) {
    if (!interval || rows.length < 2) return rows;
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    const out = [];
    for (let p = rows[0].period; p <= rows[rows.length - 1].period && out.length < 2000; p = nextPeriod(p, interval)) {
      out.push(byPeriod.get(p) || { period: p });
    }
    return out.length < 2000 ? out : rows;
  }

  /** Draw `rows` ([{period, ...}]) into `container` following `spec` ({up, down, lines, interval}). */
  function draw(container, sparse, spec) {
    const rows = fillGaps(sparse, spec.interval);
    const width = Math.max(360, container.clientWidth || 800);
    const height = 300;
    const box = { left: 40, right: width - 70, top: 26, bottom: height - 44 };
    box.mid = (box.top + box.bottom) / 2;
    box.half = (box.bottom - box.top) / 2;
    const m = Math.max(1, ...rows.map((r) => Math.max(sum(r, spec.up), sum(r, spec.down))));
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "chart", role: "img" });
    root.append(svg("title", {}, spec.title || "chart"));
    const g = svg("g", {});
    root.append(g);
    axes(g, box, m, spec);
    if (rows.length) {
      const band = bars(g, rows, box, m, spec);
      lines(g, rows, box, band, spec);
      labels(g, rows, box, band);
    } else {
      g.append(svg("text", { x: (box.left + box.right) / 2, y: box.mid - 8, "text-anchor": "middle", class: "muted" }, "no dated events in this range"));
    }
    G.fill(container, root, legend(spec));
  }

  return { draw };
})();
