// The actor network: a small force layout in plain JS over SVG. Drag a node to move it;
// click it (without dragging) to open the actor page.
"use strict";

const Network = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const svg = (tag, attrs) => {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
    return n;
  };

  function edgeColor(g) {
    if (g === null || g === undefined) return "#999";
    if (g >= 1) return "#2e7d32";
    if (g <= -1) return "#c62828";
    return "#8d6e63";
  }

  function layout(nodes, edges, width, height) {
    const byCode = new Map(nodes.map((n, i) => [n.code, n]));
    nodes.forEach((n, i) => {
      const a = (2 * Math.PI * i) / nodes.length;
      n.x = width / 2 + Math.cos(a) * width * 0.3;
      n.y = height / 2 + Math.sin(a) * height * 0.3;
      n.vx = 0; n.vy = 0;
    });
    const links = edges.map((e) => ({ s: byCode.get(e.source), t: byCode.get(e.target), e }));
    return { nodes, links };
  }

  function tick(sim, width, height, alpha) {
    const { nodes, links } = sim;
    const rest = Math.max(70, Math.min(width, height) / (1 + Math.sqrt(nodes.length) / 1.5));
    const push = rest * rest * 0.6;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = b.x - a.x, dy = b.y - a.y;
        const d2 = Math.max(dx * dx + dy * dy, 25);
        const f = (push * alpha) / d2;
        const d = Math.sqrt(d2);
        dx /= d; dy /= d;
        a.vx -= dx * f; a.vy -= dy * f; b.vx += dx * f; b.vy += dy * f;
      }
    }
    for (const l of links) {
      const dx = l.t.x - l.s.x, dy = l.t.y - l.s.y;
      const d = Math.max(1, Math.sqrt(dx * dx + dy * dy));
      const f = ((d - rest) / d) * 0.05 * alpha;
      l.s.vx += dx * f; l.s.vy += dy * f; l.t.vx -= dx * f; l.t.vy -= dy * f;
    }
    for (const n of nodes) {
      n.vx += (width / 2 - n.x) * 0.01 * alpha;
      n.vy += (height / 2 - n.y) * 0.01 * alpha;
      if (n.fixed) { n.vx = 0; n.vy = 0; continue; }
      n.vx *= 0.6; n.vy *= 0.6;
      n.x = Math.min(width - 20, Math.max(20, n.x + n.vx));
      n.y = Math.min(height - 20, Math.max(20, n.y + n.vy));
    }
  }

  function render(sim) {
    for (const l of sim.links) {
      l.line.setAttribute("x1", l.s.x); l.line.setAttribute("y1", l.s.y);
      l.line.setAttribute("x2", l.t.x); l.line.setAttribute("y2", l.t.y);
    }
    for (const n of sim.nodes) n.g.setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
  }

  function point(root, event) {
    const r = root.getBoundingClientRect();
    const vb = root.viewBox.baseVal;
    return [(event.clientX - r.left) * (vb.width / r.width), (event.clientY - r.top) * (vb.height / r.height)];
  }

  function makeDraggable(root, node, sim, kick, onOpen) {
    let start = null;
    node.g.addEventListener("pointerdown", (ev) => {
      start = [ev.clientX, ev.clientY];
      node.moved = false;
      node.fixed = true;
      node.g.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    node.g.addEventListener("pointermove", (ev) => {
      if (!start) return;
      if (Math.abs(ev.clientX - start[0]) + Math.abs(ev.clientY - start[1]) > 4) node.moved = true;
      if (!node.moved) return;
      [node.x, node.y] = point(root, ev);
      render(sim);
      kick();
    });
    node.g.addEventListener("pointerup", () => { start = null; });
    node.g.addEventListener("click", () => { if (!node.moved) onOpen(node); });
    node.g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onOpen(node); });
  }

  /** Draw the graph ({nodes, edges}) into `container`; `onOpen(node)` on a click. */
  function draw(container, graph, onOpen) {
    const width = Math.max(480, container.clientWidth || 900);
    const height = 560;
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "network", role: "img" });
    const title = svg("title", {});
    title.textContent = "actor network";
    root.append(title);
    const sim = layout(graph.nodes.map((n) => Object.assign({}, n)), graph.edges, width, height);
    const maxW = Math.max(1, ...graph.edges.map((e) => e.weight));
    const maxN = Math.max(1, ...graph.nodes.map((n) => n.n));
    for (const l of sim.links) {
      l.line = svg("line", { stroke: edgeColor(l.e.mean_goldstein), "stroke-width": 1 + 6 * Math.sqrt(l.e.weight / maxW),
        "stroke-opacity": 0.6, class: "edge" });
      const t = svg("title", {});
      t.textContent = `${l.e.source}–${l.e.target}: ${l.e.weight} events, mean Goldstein ${l.e.mean_goldstein ?? "–"}`;
      l.line.append(t);
      root.append(l.line);
    }
    let alpha = 1;
    let running = false;
    const step = () => {
      tick(sim, width, height, alpha);
      render(sim);
      alpha *= 0.985;
      if (alpha > 0.02) requestAnimationFrame(step); else { running = false; container.dataset.settled = "1"; }
    };
    const kick = () => {
      alpha = Math.max(alpha, 0.3);
      delete container.dataset.settled;
      if (!running) { running = true; requestAnimationFrame(step); }
    };
    for (const n of sim.nodes) {
      n.g = svg("g", { class: "node", tabindex: 0, role: "link", "data-code": n.code });
      const r = 8 + 22 * Math.sqrt(n.n / maxN);
      n.g.append(svg("circle", { r }));
      const label = svg("text", { "text-anchor": "middle", dy: 4 });
      label.textContent = n.code;
      const t = svg("title", {});
      t.textContent = `${n.label || n.code}: ${n.n} events`;
      n.g.append(label, t);
      root.append(n.g);
      makeDraggable(root, n, sim, kick, onOpen);
    }
    for (let i = 0; i < 150; i++) tick(sim, width, height, 1 - i / 160);  // settle before the first paint
    render(sim);
    alpha = 0.1;
    G.fill(container, root);
    kick();
    return sim;
  }

  return { draw };
})();
