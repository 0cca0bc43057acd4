/**
 * @module web/graph
 * The actor network: who does what to whom over a date range, drawn as SVG with a small
 * force layout computed up front (no animation, no library). The API caps the edges, so
 * the layout stays quadratic in a few hundred nodes at most.
 */
import * as api from './api.js';
import type { GraphEdge, GraphNode } from './api.js';
import { h, mount, s } from './dom.js';
import { badge, entityLink, errorBox, filterForm, loading } from './ui.js';
import type { Go, Params } from './views.js';

const W = 900;
const H = 600;

/** Spring-electrical layout, deterministic (nodes start on a circle in weight order). */
export function layout(nodes: GraphNode[], edges: GraphEdge[], iterations = 300): Map<string, { x: number; y: number }> {
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({ x: Math.cos((2 * Math.PI * i) / n) * 200, y: Math.sin((2 * Math.PI * i) / n) * 200 }));
  const index = new Map(nodes.map((node, i) => [node.key, i]));
  const links = edges.map((e) => [index.get(e.source)!, index.get(e.target)!] as const).filter(([a, b]) => a != null && b != null);
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
  for (let it = 0; it < iterations; it++) {
    const t = 40 * (1 - it / iterations) + 1;
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01;
        const dy = pos[i].y - pos[j].y || 0.01;
        const d2 = dx * dx + dy * dy;
        const f = (k * k) / d2;
        disp[i].x += dx * f; disp[i].y += dy * f;
        disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = d / k;
      disp[a].x -= dx * f; disp[a].y -= dy * f;
      disp[b].x += dx * f; disp[b].y += dy * f;
    }
    for (let i = 0; i < n; i++) {
      disp[i].x -= pos[i].x * 0.02; disp[i].y -= pos[i].y * 0.02; // gravity keeps islands near
      const d = Math.sqrt(disp[i].x ** 2 + disp[i].y ** 2) || 1;
      pos[i].x += (disp[i].x / d) * Math.min(d, t);
      pos[i].y += (disp[i].y / d) * Math.min(d, t);
    }
  }
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((W - 200) / (x1 - x0 || 1), (H - 80) / (y1 - y0 || 1), 3);
  // centre the drawing: a small graph should not hug the top-left corner
  const ox = (W - (x1 - x0) * scale) / 2;
  const oy = (H - (y1 - y0) * scale) / 2;
  const screen = pos.map((p) => ({ x: ox + (p.x - x0) * scale, y: oy + (p.y - y0) * scale }));
  separate(screen);
  return new Map(nodes.map((node, i) => [node.key, screen[i]]));
}

/**
 * Pushes apart nodes whose circles or labels would overlap on screen. The force layout keeps
 * linked nodes close, and scaling a wide drawing down can put two of them (and their labels)
 * on top of each other, where neither can be read or clicked.
 */
function separate(at: { x: number; y: number }[], minDx = 90, minDy = 26, rounds = 60): void {
  for (let r = 0; r < rounds; r++) {
    let moved = false;
    for (let i = 0; i < at.length; i++) {
      for (let j = i + 1; j < at.length; j++) {
        const dx = at[j].x - at[i].x;
        const dy = at[j].y - at[i].y;
        if (Math.abs(dx) >= minDx || Math.abs(dy) >= minDy) continue;
        // move apart along the axis that needs the smaller push
        const pushY = (minDy - Math.abs(dy)) / 2 + 0.5;
        const pushX = (minDx - Math.abs(dx)) / 2 + 0.5;
        if (pushY <= pushX) {
          const s = dy >= 0 ? 1 : -1;
          at[i].y -= s * pushY; at[j].y += s * pushY;
        } else {
          const s = dx >= 0 ? 1 : -1;
          at[i].x -= s * pushX; at[j].x += s * pushX;
        }
        moved = true;
      }
    }
    for (const p of at) {
      p.x = Math.min(W - 120, Math.max(20, p.x));
      p.y = Math.min(H - 16, Math.max(16, p.y));
    }
    if (!moved) break;
  }
}

export function graphView(el: HTMLElement, p: Params, go: Go): Promise<void> {
  mount(el, loading());
  return (async () => {
    try {
      const g = await api.get<{ nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }>('/graph', { since: p.since, until: p.until, type: p.type, country: p.country, limit: p.limit ?? 120 });
      const form = filterForm([
        { name: 'since', label: 'Since', type: 'date' }, { name: 'until', label: 'Until', type: 'date' },
        { name: 'type', label: 'Type', type: 'select', options: api.PLOVER }, { name: 'country', label: 'Country', placeholder: 'PRK' },
      ], p, (v) => go('/graph', v));
      if (g.nodes.length === 0) {
        mount(el, h('h2', null, 'Actor network'), form, h('p', { class: 'muted' }, 'No events with both a source and a target in this range.'));
        return;
      }
      const at = layout(g.nodes, g.edges);
      const maxEdge = Math.max(...g.edges.map((e) => e.total));
      const maxNode = Math.max(...g.nodes.map((n) => n.weight));
      const side = h('aside', { class: 'panel', 'data-testid': 'graph-panel' }, h('p', { class: 'muted' }, 'Click an actor to see its edges.'));
      const byKey = new Map(g.nodes.map((n) => [n.key, n]));
      const dominant = (e: GraphEdge) => Object.entries(e.types).sort((a, b) => b[1] - a[1])[0][0];
      const edgeEls = g.edges.map((e) => {
        const a = at.get(e.source)!;
        const b = at.get(e.target)!;
        const line = s('line', {
          x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'edge', stroke: api.typeColor(dominant(e)),
          'stroke-width': (1 + 5 * (e.total / maxEdge)).toFixed(1), 'marker-end': 'url(#arrow)',
        }, s('title', null, `${byKey.get(e.source)?.label} → ${byKey.get(e.target)?.label}: ` + Object.entries(e.types).map(([t, n]) => `${t} ${n}`).join(', ')));
        return { e, line };
      });
      const show = (node: GraphNode) => {
        for (const { e, line } of edgeEls) line.classList.toggle('dim', e.source !== node.key && e.target !== node.key);
        const out = g.edges.filter((e) => e.source === node.key);
        const inc = g.edges.filter((e) => e.target === node.key);
        const list = (edges: GraphEdge[], other: 'source' | 'target') => h('ul', { class: 'compact' }, edges.map((e) => {
          const o = byKey.get(e[other])!;
          return h('li', null, entityLink(o.entityId, o.label), ': ', Object.entries(e.types).map(([t, n]) => [badge(t), ` ${n} `]));
        }));
        mount(side, h('h3', null, entityLink(node.entityId, node.label)), h('div', { class: 'muted' }, [node.code, node.sector].filter(Boolean).join('-')),
          h('h4', null, `Does to (${out.length})`), list(out, 'target'), h('h4', null, `Done to it by (${inc.length})`), list(inc, 'source'),
          node.entityId != null ? h('p', null, h('a', { href: `#/events?actor=${node.entityId}` }, 'Its events →')) : null);
      };
      const nodeEls = g.nodes.map((n) => {
        const c = at.get(n.key)!;
        const r = 4 + 10 * Math.sqrt(n.weight / maxNode);
        return s('g', { class: 'node', transform: `translate(${c.x.toFixed(1)},${c.y.toFixed(1)})`, onclick: () => show(n), 'data-key': n.key },
          s('circle', { r: r.toFixed(1), class: 'sector-' + (n.sector ?? 'none') }),
          s('text', { x: (r + 3).toFixed(1), y: 4 }, n.label));
      });
      const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'graph', role: 'img', 'aria-label': 'actor network', 'data-testid': 'graph' },
        s('defs', null, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 22, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' },
          s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#666' }))),
        edgeEls.map((x) => x.line), nodeEls);
      mount(el, h('h2', null, 'Actor network'), form,
        g.truncated ? h('p', { class: 'muted' }, 'Showing the heaviest edges only; narrow the range or type to see the rest.') : null,
        h('div', { class: 'with-panel' }, h('div', { class: 'figure' }, svg), side));
    } catch (e) {
      mount(el, errorBox(e));
    }
  })();
}
