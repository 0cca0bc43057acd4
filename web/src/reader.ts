/**
 * @module web/reader
 * The report reader: the text with the analysis laid over it (entity mentions, times,
 * attributions as source–cue–content, event triggers and their actors), layer toggles, and
 * a side panel for the selected item. The text is cut at every span boundary into runs;
 * each run is a <span> holding a text node, marked with the layers that cover it.
 */
import type { Analysis } from './api.js';
import { typeColor } from './api.js';
import { h, mount, type Child } from './dom.js';

type Kind = 'mention' | 'time' | 'source' | 'cue' | 'content' | 'trigger' | 'actor';

interface Item {
  kind: Kind;
  start: number;
  end: number;
  /** The analysis object's id (m3, t1, a2, v1). */
  id: string;
  /** The layer the kind belongs to, for the toggles. */
  layer: Layer;
}

type Layer = 'entities' | 'times' | 'attributions' | 'events';
const LAYERS: { key: Layer; label: string }[] = [
  { key: 'entities', label: 'Entities' },
  { key: 'times', label: 'Times' },
  { key: 'attributions', label: 'Attributions' },
  { key: 'events', label: 'Events' },
];

/** When runs overlap, a click picks the most specific item. */
const PRIORITY: Record<Kind, number> = { trigger: 0, cue: 1, mention: 2, time: 3, actor: 4, source: 5, content: 6 };

export interface ReaderOptions {
  /** Local entity id → canonical entity id, for links to entity pages (stored reports). */
  entityIds?: Record<string, number>;
  /** Open with this event (local id) or attribution selected. */
  event?: string;
  attribution?: string;
}

/**
 * Renders a report reader for one analysis.
 *
 * @example
 * document.body.append(reader(analysis, { entityIds }));
 */
export function reader(a: Analysis, opts: ReaderOptions = {}): HTMLElement {
  const text = a.document.text;
  const entityIds = opts.entityIds ?? {};
  const entity = new Map(a.entities.map((e) => [e.id, e]));
  const attribution = new Map(a.attributions.map((x) => [x.id, x]));
  const time = new Map(a.times.map((t) => [t.id, t]));
  const mention = new Map(a.mentions.map((m) => [m.id, m]));
  const event = new Map(a.events.map((v) => [v.id, v]));

  const items: Item[] = [];
  const add = (kind: Kind, layer: Layer, id: string, span: { start: number; end: number } | null | undefined) => {
    if (!span) return;
    const start = Math.max(0, Math.min(text.length, span.start));
    const end = Math.max(start, Math.min(text.length, span.end));
    if (end > start) items.push({ kind, layer, id, start, end });
  };
  for (const m of a.mentions) add('mention', 'entities', m.id, m);
  for (const t of a.times) add('time', 'times', t.id, t);
  for (const x of a.attributions) {
    add('source', 'attributions', x.id, x.source);
    add('cue', 'attributions', x.id, x.cue);
    for (const p of x.content.parts?.length ? x.content.parts : [x.content]) add('content', 'attributions', x.id, p);
  }
  for (const v of a.events) {
    add('trigger', 'events', v.id, v.trigger);
    for (const actor of [...v.source, ...v.target]) add('actor', 'events', v.id, actor);
  }

  const on = new Set<Layer>(['entities', 'times', 'attributions', 'events']);
  let selected: { kind: Kind; id: string } | null = null;

  // Runs between consecutive boundaries, each with the items covering it.
  const cuts = [...new Set([0, text.length, ...items.flatMap((i) => [i.start, i.end])])].sort((x, y) => x - y);
  const byStart = [...items].sort((x, y) => x.start - y.start);
  const runs: { start: number; end: number; items: Item[]; el: HTMLSpanElement }[] = [];
  let k = 0;
  const open: Item[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i];
    const end = cuts[i + 1];
    while (k < byStart.length && byStart[k].start <= start) open.push(byStart[k++]);
    for (let j = open.length - 1; j >= 0; j--) if (open[j].end <= start) open.splice(j, 1);
    const covering = open.filter((it) => it.start <= start && it.end >= end);
    runs.push({ start, end, items: covering, el: h('span', null, text.slice(start, end)) });
  }

  const textEl = h('div', { class: 'reader-text', 'data-testid': 'reader-text' }, runs.map((r) => r.el));
  const panel = h('aside', { class: 'panel', 'data-testid': 'panel' });

  const visible = (it: Item) => on.has(it.layer);
  const isSelected = (it: Item) => {
    if (!selected) return false;
    if (selected.kind === 'mention' && it.kind === 'mention') {
      const me = mention.get(selected.id);
      const other = mention.get(it.id);
      return it.id === selected.id || (!!me?.entity && me.entity === other?.entity);
    }
    if (['source', 'cue', 'content'].includes(selected.kind)) return ['source', 'cue', 'content'].includes(it.kind) && it.id === selected.id;
    if (selected.kind === 'trigger' || selected.kind === 'actor') return (it.kind === 'trigger' || it.kind === 'actor') && it.id === selected.id;
    return it.kind === selected.kind && it.id === selected.id;
  };

  const paint = () => {
    for (const r of runs) {
      const classes = new Set<string>();
      for (const it of r.items) {
        if (!visible(it)) continue;
        if (it.kind === 'actor' && !(selected && isSelected(it))) continue; // actors show with their event
        classes.add('l-' + it.kind);
        if (it.kind === 'mention') classes.add('t-' + (mention.get(it.id)?.type ?? 'MISC'));
        if (isSelected(it)) classes.add('sel');
      }
      r.el.className = [...classes].join(' ');
      const trig = r.items.find((it) => it.kind === 'trigger' && visible(it));
      if (trig) r.el.dataset.event = event.get(trig.id)?.type ?? '';
      else delete r.el.dataset.event;
      const ment = r.items.find((it) => it.kind === 'mention' && visible(it));
      if (ment) r.el.dataset.mention = ment.id;
      else delete r.el.dataset.mention;
    }
  };

  textEl.addEventListener('click', (ev) => {
    const target = ev.target as HTMLElement;
    const run = runs.find((r) => r.el === target);
    if (!run) return;
    const choices = run.items.filter((it) => visible(it) && it.kind !== 'actor').sort((x, y) => PRIORITY[x.kind] - PRIORITY[y.kind] || x.end - x.start - (y.end - y.start));
    select(choices[0] ? { kind: choices[0].kind, id: choices[0].id } : null);
  });

  const entityLink = (local: string | null | undefined, fallback: string): Child => {
    if (!local) return fallback;
    const e = entity.get(local);
    const canonical = entityIds[local];
    const label = e?.name ?? fallback;
    return canonical != null ? h('a', { href: `#/entity/${canonical}`, class: 'entity-link' }, label) : label;
  };
  const pick = (kind: Kind, id: string, label: Child) =>
    h('a', { href: '#', class: 'pick', onclick: (ev: Event) => { ev.preventDefault(); select({ kind, id }); } }, label);
  const row = (label: string, ...value: Child[]) => h('div', { class: 'kv' }, h('span', { class: 'k' }, label), h('span', { class: 'v' }, ...value));
  const by = (x: { by?: string }) => (x.by ? row('by', h('code', null, x.by)) : null);

  /** "Putin ← KCNA ← Yonhap": who said it, then who relays them, outward. */
  const chain = (id: string | null): Child[] => {
    const out: Child[] = [];
    const seen = new Set<string>();
    let last: string | null = null;
    for (let cur = id; cur && !seen.has(cur); cur = attribution.get(cur)?.parent ?? null) {
      seen.add(cur);
      const x = attribution.get(cur);
      if (!x) break;
      const who = x.source?.entity ?? x.source?.text ?? null;
      // one voice relaying itself ("the EU said, in a statement by its service") shows once
      if (who != null && who === last) continue;
      last = who;
      if (out.length) out.push(' ← ');
      out.push(pick('content', x.id, x.source ? (x.source.entity ? entity.get(x.source.entity)?.name ?? x.source.text : x.source.text) : '(unnamed)'));
    }
    return out;
  };

  const eventLine = (v: Analysis['events'][number]): Child =>
    h('li', null,
      h('span', { class: 'badge', 'data-type': v.type }, v.type), ' ',
      pick('trigger', v.id, v.trigger.text), ' ',
      v.source.map((x) => x.text).join(', ') || '—', ' → ', v.target.map((x) => x.text).join(', ') || '—',
      v.date ? ` (${v.date})` : '');

  const details = (): Child => {
    if (!selected) return overview();
    const { kind, id } = selected;
    if (kind === 'mention') {
      const m = mention.get(id)!;
      const e = m.entity ? entity.get(m.entity) : null;
      const mentions = e ? a.mentions.filter((x) => x.entity === e.id) : [m];
      const involved = e ? a.events.filter((v) => [...v.source, ...v.target].some((x) => x.entity === e.id)) : [];
      const said = e ? a.attributions.filter((x) => x.source?.entity === e.id) : [];
      return [
        h('h3', null, 'Entity'),
        h('div', { class: 'big', 'data-testid': 'panel-title' }, entityLink(m.entity, m.text)),
        row('type', e?.type ?? m.type), row('country', e?.country ?? '—'), row('sector', e?.sector ?? '—'),
        row('mention', `“${m.text}” (${m.kind})`), by(m),
        e?.aliases.length ? row('aliases', e.aliases.join(' · ')) : null,
        row('mentions', String(mentions.length)),
        said.length ? [h('h4', null, 'Says'), h('ul', null, said.map((x) => h('li', null, pick('content', x.id, clip(x.content.text, 120)))))] : null,
        involved.length ? [h('h4', null, 'Events'), h('ul', null, involved.map(eventLine))] : null,
        m.entity && entityIds[m.entity] != null ? h('p', null, h('a', { href: `#/entity/${entityIds[m.entity]}`, class: 'button' }, 'Open entity page →')) : null,
      ];
    }
    if (kind === 'time') {
      const t = time.get(id)!;
      return [h('h3', null, 'Time'), h('div', { class: 'big' }, t.text), row('type', t.type), row('value', h('code', null, t.value)),
        t.mod ? row('mod', t.mod) : null, t.anchor ? row('anchor', t.anchor) : null, by(t)];
    }
    if (kind === 'source' || kind === 'cue' || kind === 'content') {
      const x = attribution.get(id)!;
      const claimed = a.events.filter((v) => v.claimedIn === x.id);
      const nested = a.attributions.filter((y) => y.parent === x.id);
      return [
        h('h3', null, `Attribution (${x.kind})`),
        row('source', x.source ? entityLink(x.source.entity, x.source.text) : h('em', null, 'not named')),
        row('cue', x.cue?.text ?? '—'),
        h('blockquote', { 'data-testid': 'quote-content' }, x.content.text),
        row('claim chain', ...chain(x.id)),
        x.parent ? row('inside', pick('content', x.parent, `${attribution.get(x.parent)?.source?.text ?? 'an attribution'}’s report`)) : null,
        nested.length ? [h('h4', null, 'Relays'), h('ul', null, nested.map((y) => h('li', null, pick('content', y.id, clip(y.content.text, 100)))))] : null,
        claimed.length ? [h('h4', null, 'Events claimed here'), h('ul', null, claimed.map(eventLine))] : null,
        by(x),
      ];
    }
    const v = event.get(id)!;
    const actors = (list: typeof v.source) =>
      list.length ? list.map((x, i) => [i ? ', ' : '', entityLink(x.entity, x.text), x.code ? ` [${x.code}${x.sector ? '-' + x.sector : ''}]` : '']) : ['—'];
    return [
      h('h3', null, 'Event'),
      h('div', { class: 'big' }, h('span', { class: 'badge', 'data-type': v.type }, v.type), ' ', v.trigger.text),
      row('source', ...actors(v.source).flat()), row('target', ...actors(v.target).flat()),
      row('date', v.date ? `${v.date}${v.dateInferred ? ' (report date, inferred)' : ''}` : '—'),
      row('place', v.location ? entityLink(v.location, v.location) : '—'),
      row('polarity', v.polarity), row('modality', v.modality), v.mode ? row('mode', v.mode) : null,
      v.context.length ? row('context', v.context.join(', ')) : null,
      row('claimed by', ...(v.claimedIn ? chain(v.claimedIn) : [h('em', null, 'the publisher')])),
      by(v),
    ];
  };

  const overview = (): Child => [
    h('h3', null, 'In this report'),
    h('p', { class: 'muted' }, 'Click a highlighted word to see what the analysis says about it.'),
    h('h4', null, `Entities (${a.entities.length})`),
    h('ul', { class: 'compact' }, a.entities.slice(0, 60).map((e) => {
      const m = a.mentions.find((x) => x.entity === e.id);
      return h('li', null, m ? pick('mention', m.id, e.name) : e.name, h('span', { class: 'muted' }, ` ${e.type}${e.country ? ' · ' + e.country : ''}`));
    })),
    h('h4', null, `Attributions (${a.attributions.length})`),
    h('ul', { class: 'compact' }, a.attributions.slice(0, 60).map((x) =>
      h('li', null, h('b', null, x.source?.text ?? '?'), ' ', pick('content', x.id, clip(x.content.text, 80))))),
    h('h4', null, `Events (${a.events.length})`),
    h('ul', { class: 'compact' }, a.events.slice(0, 60).map(eventLine)),
  ];

  const select = (sel: { kind: Kind; id: string } | null) => {
    selected = sel;
    paint();
    mount(panel, details());
    if (sel) {
      const first = runs.find((r) => r.items.some((it) => isSelected(it)));
      requestAnimationFrame(() => first?.el.scrollIntoView({ block: 'nearest' }));
    }
  };

  const toggles = h('div', { class: 'toggles' },
    LAYERS.map((l) => {
      const n = l.key === 'entities' ? a.mentions.length : l.key === 'times' ? a.times.length : l.key === 'attributions' ? a.attributions.length : a.events.length;
      return h('label', { class: 'toggle l-key-' + l.key },
        h('input', { type: 'checkbox', checked: true, onchange: (ev: Event) => {
          if ((ev.target as HTMLInputElement).checked) on.add(l.key);
          else on.delete(l.key);
          paint();
        } }),
        ` ${l.label} (${n})`);
    }));

  const d = a.document;
  const head = h('div', { class: 'doc-head' },
    h('h2', { 'data-testid': 'doc-title' }, d.title ?? d.id),
    h('div', { class: 'muted' },
      d.published ? `Published ${d.published}` : 'No date',
      d.dateline ? ` · Dateline ${d.dateline.place}${d.dateline.country ? ' [' + d.dateline.country + ']' : ''}` : '',
      d.source ? ` · ${d.source}` : '',
      ` · ${a.sentences.length} sentences`),
    d.url && /^https?:\/\//i.test(d.url) ? h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, d.url) : null);

  const root = h('div', { class: 'reader' }, h('div', { class: 'reader-main' }, head, toggles, textEl), panel);
  if (opts.event && event.has(opts.event)) select({ kind: 'trigger', id: opts.event });
  else if (opts.attribution && attribution.has(opts.attribution)) select({ kind: 'content', id: opts.attribution });
  else select(null);
  return root;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** Colours for event badges come from the type; set as a CSS custom property. */
export function paintBadges(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('.badge[data-type]')) el.style.setProperty('--c', typeColor(el.dataset.type ?? ''));
}
