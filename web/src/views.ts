/**
 * @module web/views
 * One function per page. Each takes the page's container and the parameters from the URL
 * hash, fetches one page of data, and renders it; filters and pages go back into the hash,
 * so every view is a link an analyst can share.
 */
import * as api from './api.js';
import type { Analysis, DocumentSummary, EntityPage, EntitySummary, EventItem, Page, QuoteRow, SearchHit } from './api.js';
import { h, marked, mount, type Child } from './dom.js';
import { paintBadges, reader } from './reader.js';
import { badge, clip, docLink, entityLink, errorBox, filterForm, loading, pager, table } from './ui.js';

export type Params = Record<string, string>;
export type Go = (path: string, params?: Params) => void;

async function guarded(el: HTMLElement, f: () => Promise<void>): Promise<void> {
  mount(el, loading());
  try {
    await f();
  } catch (e) {
    mount(el, errorBox(e));
  }
}

const num = (p: Params, k: string, d: number) => (p[k] && /^\d+$/.test(p[k]) ? Number(p[k]) : d);

export function documentsView(el: HTMLElement, p: Params, go: Go): Promise<void> {
  return guarded(el, async () => {
    const page = await api.get<Page<DocumentSummary>>('/documents', { q: p.q, limit: 25, offset: num(p, 'offset', 0) });
    mount(el,
      h('h2', null, 'Reports'),
      filterForm([{ name: 'q', label: 'Words', placeholder: 'in title or text' }], p, (v) => go('/', v)),
      table(['Published', 'Report', 'Dateline', 'Entities', 'Quotes', 'Events'],
        page.items.map((d) => [d.published ?? '—', h('div', null, docLink(d.hash, d.title ?? d.id), h('div', { class: 'muted snippet' }, clip(d.snippet, 160))),
          d.dateline ?? '—', d.entities, d.attributions, d.events]), 'documents'),
      pager(page, (offset) => go('/', { ...p, offset: String(offset) })));
  });
}

export function documentView(el: HTMLElement, id: string, p: Params = {}): Promise<void> {
  return guarded(el, async () => {
    const { analysis, entityIds } = await api.get<{ analysis: Analysis; entityIds: Record<string, number> }>(`/documents/${encodeURIComponent(id)}`);
    const view = reader(analysis, { entityIds, event: p.event, attribution: p.quote });
    mount(el, view);
    paintBadges(view);
    new MutationObserver(() => paintBadges(view)).observe(view, { childList: true, subtree: true });
  });
}

export function entitiesView(el: HTMLElement, p: Params, go: Go): Promise<void> {
  return guarded(el, async () => {
    const page = await api.get<Page<EntitySummary>>('/entities', { q: p.q, type: p.type, country: p.country, limit: 50, offset: num(p, 'offset', 0) });
    mount(el,
      h('h2', null, 'Entities'),
      filterForm([
        { name: 'q', label: 'Name' },
        { name: 'type', label: 'Type', type: 'select', options: ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'LAW', 'MISC'] },
        { name: 'country', label: 'Country', placeholder: 'RUS' },
      ], p, (v) => go('/entities', v)),
      table(['Name', 'Type', 'Country', 'Sector', 'Reports', 'Also written'],
        page.items.map((e) => [entityLink(e.id, e.name), e.type, e.country ?? '—', e.sector ?? '—', e.documents, clip(e.aliases.filter((x) => x !== e.name).join(' · '), 100)]), 'entities'),
      pager(page, (offset) => go('/entities', { ...p, offset: String(offset) })));
  });
}

function eventRows(items: EventItem[]): Child[][] {
  const actors = (list: EventItem['source']) =>
    list.length ? list.map((a, i) => [i ? ', ' : '', entityLink(a.entityId, a.name ?? a.text), a.code ? h('span', { class: 'muted' }, ` ${a.code}${a.sector ? '-' + a.sector : ''}`) : '']) : '—';
  return items.map((v) => [
    v.date ? (v.dateInferred ? h('span', { title: 'the report’s date: the sentence gives none' }, v.date + '*') : v.date) : '—',
    badge(v.type),
    h('span', null, actors(v.source)),
    h('span', null, docLink(v.documentHash, v.trigger, v.id), v.polarity === 'negative' ? ' (not)' : '', v.modality !== 'asserted' ? h('span', { class: 'muted' }, ` ${v.modality}`) : ''),
    h('span', null, actors(v.target)),
    v.place ? entityLink(v.place.id, v.place.name) : '—',
    v.claimants.length ? v.claimants.map((c, i) => [i ? ' ← ' : '', entityLink(c.id, c.name)]) : h('span', { class: 'muted' }, 'publisher'),
  ]);
}

const EVENT_HEAD = ['Date', 'Type', 'Source', 'Trigger', 'Target', 'Place', 'Claimed by'];

function quoteRows(items: QuoteRow[]): Child[][] {
  return items.map((q) => [
    q.published ?? '—',
    entityLink(q.speakerId, q.speaker ?? '(unnamed)'),
    q.cue ?? q.kind,
    h('div', null, h('q', null, clip(q.text, 240)), ' ', docLink(q.documentHash, '→ report', undefined, q.id)),
    q.chain.length > 1 ? q.chain.join(' ← ') : '—',
  ]);
}

export function entityView(el: HTMLElement, id: string, go: Go): Promise<void> {
  return guarded(el, async () => {
    const page = await api.get<EntityPage>(`/entities/${encodeURIComponent(id)}`, { limit: 20 });
    const e = page.entity;
    const more = (label: string, path: string, params: Params, total: number, shown: number) =>
      total > shown ? h('p', null, h('a', { href: '#', onclick: (ev: Event) => { ev.preventDefault(); go(path, params); } }, `All ${total} ${label} →`)) : null;
    mount(el,
      h('div', { class: 'entity-head' },
        h('h2', { 'data-testid': 'entity-name' }, e.name),
        h('div', { class: 'muted' }, [e.type, e.country, e.sector].filter(Boolean).join(' · '), ` · in ${e.documents} report${e.documents === 1 ? '' : 's'}`),
        e.aliases.length ? h('div', { class: 'aliases' }, 'Also: ', e.aliases.join(' · ')) : null),
      h('div', { class: 'cols' },
        h('section', null,
          h('h3', null, `What it did (${page.did.total})`),
          table(EVENT_HEAD, eventRows(page.did.items), 'did'),
          more('events as source', '/events', { actor: String(e.id), role: 'source' }, page.did.total, page.did.items.length),
          h('h3', null, `What was done to it (${page.doneTo.total})`),
          table(EVENT_HEAD, eventRows(page.doneTo.items), 'done-to'),
          more('events as target', '/events', { actor: String(e.id), role: 'target' }, page.doneTo.total, page.doneTo.items.length),
          h('h3', null, `Quotes (${page.quotes.total})`),
          table(['Published', 'Speaker', 'Cue', 'Said', 'Relayed by'], quoteRows(page.quotes.items), 'quotes'),
          more('quotes', '/quotes', { source: String(e.id) }, page.quotes.total, page.quotes.items.length)),
        h('section', null,
          h('h3', null, `Meets (${page.meets.total})`),
          table(['Actor', 'Events', 'As source / target', 'Types'], page.meets.items.map((m) => [
            entityLink(m.entity.id, m.entity.name), m.total, `${m.as.source} / ${m.as.target}`,
            h('span', null, Object.entries(m.types).map(([t, n]) => [badge(t), ` ${n} `])),
          ]), 'meets'),
          h('h3', null, 'Timeline'),
          h('ol', { class: 'timeline', 'data-testid': 'timeline' }, page.timeline.length
            ? page.timeline.map((t) => h('li', { class: 'tl-' + t.kind },
              h('span', { class: 'tl-date' }, t.date ?? '—'), ' ', h('span', { class: 'muted' }, t.role), ' ', docLink(t.documentHash, clip(t.summary, 140))))
            : h('li', { class: 'muted' }, 'Nothing dated yet.')))));
  });
}

export function quotesView(el: HTMLElement, p: Params, go: Go): Promise<void> {
  return guarded(el, async () => {
    const page = await api.get<Page<QuoteRow>>('/attributions', { source: p.source, claimant: p.claimant, text: p.text, limit: 50, offset: num(p, 'offset', 0) });
    mount(el,
      h('h2', null, 'Who said what'),
      filterForm([
        { name: 'source', label: 'Speaker', placeholder: 'name or id' },
        { name: 'claimant', label: 'Relayed by', placeholder: 'name or id' },
        { name: 'text', label: 'Words' },
      ], p, (v) => go('/quotes', v)),
      table(['Published', 'Speaker', 'Cue', 'Said', 'Relayed by'], quoteRows(page.items), 'attributions'),
      pager(page, (offset) => go('/quotes', { ...p, offset: String(offset) })));
  });
}

const EVENT_FIELDS = [
  { name: 'actor', label: 'Actor', placeholder: 'name, id or RUS-MIL' },
  { name: 'role', label: 'Role', type: 'select' as const, options: ['source', 'target'] },
  { name: 'country', label: 'Country', placeholder: 'UKR' },
  { name: 'type', label: 'Type', type: 'select' as const, options: api.PLOVER },
  { name: 'since', label: 'Since', type: 'date' as const },
  { name: 'until', label: 'Until', type: 'date' as const },
  { name: 'claimant', label: 'Claimed by' },
  { name: 'place', label: 'Place' },
];

export function eventsView(el: HTMLElement, p: Params, go: Go): Promise<void> {
  return guarded(el, async () => {
    const filter = { actor: p.actor, role: p.role, country: p.country, type: p.type, since: p.since, until: p.until, claimant: p.claimant, place: p.place, document: p.document };
    const [page, dates] = await Promise.all([
      api.get<Page<EventItem>>('/events', { ...filter, limit: 50, offset: num(p, 'offset', 0) }),
      api.get<{ items: { date: string; count: number }[] }>('/events/dates', { ...filter, by: p.by === 'day' ? 'day' : 'month' }),
    ]);
    const rows = table(EVENT_HEAD, eventRows(page.items), 'events');
    mount(el,
      h('h2', null, 'Events'),
      filterForm(EVENT_FIELDS, p, (v) => go('/events', v)),
      histogram(dates.items, (date) => go('/events', { ...p, since: date, until: date.length === 7 ? date + '-31' : date, offset: '0' })),
      rows,
      pager(page, (offset) => go('/events', { ...p, offset: String(offset) })));
  });
}

/** Events per month (or day) as bars; clicking a bar narrows to it. */
function histogram(items: { date: string; count: number }[], pick: (date: string) => void): HTMLElement {
  if (items.length === 0) return h('div', { class: 'muted' }, 'No dated events.');
  const max = Math.max(...items.map((i) => i.count));
  const shown = items.slice(-120);
  const total = shown.reduce((n, i) => n + i.count, 0);
  const bars = h('div', { class: 'histogram', 'data-testid': 'histogram' }, shown.map((i) => {
    const bar = h('button', { type: 'button', class: 'bar', title: `${i.date}: ${i.count}`, onclick: () => pick(i.date) }, h('span', { class: 'bar-label' }, i.date));
    bar.style.setProperty('--h', `${Math.max(4, Math.round((i.count / max) * 100))}%`);
    return bar;
  }));
  const unit = shown[0].date.length === 7 ? 'month' : 'day';
  return h('div', { class: 'histo-wrap' }, bars,
    h('div', { class: 'histo-axis muted' }, h('span', null, shown[0].date),
      h('span', null, `${total.toLocaleString('en')} dated events by ${unit}; busiest ${max} · click a bar to narrow`),
      h('span', null, shown[shown.length - 1].date)));
}

export function searchView(el: HTMLElement, p: Params, go: Go): Promise<void> {
  return guarded(el, async () => {
    if (!p.q) {
      mount(el, h('p', { class: 'muted' }, 'Type words in the search box.'));
      return;
    }
    const page = await api.get<Page<SearchHit>>('/search', { q: p.q, limit: 20, offset: num(p, 'offset', 0) });
    mount(el,
      h('h2', null, `Search: ${p.q}`),
      h('ol', { class: 'hits', 'data-testid': 'hits' }, page.items.map((hit) => h('li', null,
        h('div', null, h('span', { class: 'kind' }, hit.kind === 'quote' ? `quote${hit.speaker ? ' · ' + hit.speaker : ''}` : 'report'), ' ',
          docLink(hit.documentHash, hit.title ?? hit.document), h('span', { class: 'muted' }, hit.published ? ` · ${hit.published}` : '')),
        h('div', { class: 'snippet' }, marked(hit.snippet))))),
      page.total === 0 ? h('p', { class: 'muted' }, 'Nothing found.') : null,
      pager(page, (offset) => go('/search', { ...p, offset: String(offset) })));
  });
}

const TOKEN_KEY = 'dateline.token';

export function pasteView(el: HTMLElement): void {
  const area = h('textarea', { name: 'text', rows: 10, placeholder: 'Paste a report here. A first line like “date 2025-04-28” and a dateline “Moscow [Russia], April 28 :” are read.', 'data-testid': 'paste-text' });
  const date = h('input', { type: 'date', name: 'date', title: 'publication date, when the text gives none' });
  const token = h('input', { type: 'password', name: 'token', placeholder: 'token (if the server needs one)', value: sessionStorage.getItem(TOKEN_KEY) ?? '' });
  const out = h('div', { class: 'paste-out', 'data-testid': 'paste-out' });
  const status = h('div', { class: 'muted', role: 'status' });
  const body = () => ({ text: area.value, ...(date.value ? { date: date.value } : {}) });
  const analyse = async () => {
    mount(out, loading());
    try {
      const analysis = await api.post<Analysis>('/analyze', body());
      const view = reader(analysis);
      mount(out, view);
      paintBadges(view);
      new MutationObserver(() => paintBadges(view)).observe(view, { childList: true, subtree: true });
    } catch (e) {
      mount(out, errorBox(e));
    }
  };
  const store = async () => {
    if (token.value) sessionStorage.setItem(TOKEN_KEY, token.value);
    try {
      const r = await api.post<{ status: string; hash: string; id: string }>('/documents', body(), token.value || undefined);
      mount(status, r.status === 'stored' ? 'Stored: ' : 'Already held: ', docLink(r.hash, r.id));
    } catch (e) {
      mount(status, errorBox(e));
    }
  };
  mount(el,
    h('h2', null, 'Analyse a report'),
    h('div', { class: 'paste' }, area,
      h('div', { class: 'paste-actions' },
        h('label', null, 'Date ', date),
        h('button', { type: 'button', class: 'primary', onclick: analyse, 'data-testid': 'analyse' }, 'Analyse'),
        h('button', { type: 'button', onclick: store }, 'Store it'), token, status)),
    out);
}
