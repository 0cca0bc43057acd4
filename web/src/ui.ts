/**
 * @module web/ui
 * Small pieces the views share: a pager, filter forms bound to the URL hash, tables,
 * loading and error states.
 */
import { ApiError, type Page, typeColor } from './api.js';
import { h, type Child } from './dom.js';

/** "1–50 of 3,204" with previous/next; `go(offset)` loads another page. */
export function pager<T>(page: Page<T>, go: (offset: number) => void): HTMLElement {
  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = Math.min(page.offset + page.items.length, page.total);
  return h('div', { class: 'pager', 'data-testid': 'pager' },
    h('button', { type: 'button', disabled: page.offset === 0, onclick: () => go(Math.max(0, page.offset - page.limit)) }, '‹ Previous'),
    h('span', null, ` ${from.toLocaleString('en')}–${to.toLocaleString('en')} of ${page.total.toLocaleString('en')} `),
    h('button', { type: 'button', disabled: to >= page.total, onclick: () => go(page.offset + page.limit) }, 'Next ›'));
}

export interface Field {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'select';
  options?: readonly string[];
  placeholder?: string;
}

/** A filter form; submitting calls `apply` with the non-empty values. */
export function filterForm(fields: Field[], values: Record<string, string>, apply: (v: Record<string, string>) => void): HTMLFormElement {
  const inputs = fields.map((f) => {
    const input =
      f.type === 'select'
        ? h('select', { name: f.name }, h('option', { value: '' }, 'any'), (f.options ?? []).map((o) => h('option', { value: o, selected: values[f.name] === o }, o)))
        : h('input', { name: f.name, type: f.type ?? 'text', value: values[f.name] ?? '', placeholder: f.placeholder ?? '' });
    return h('label', null, h('span', null, f.label), input);
  });
  const form = h('form', { class: 'filters' }, inputs, h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', class: 'link', onclick: () => apply({}) }, 'Clear'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const out: Record<string, string> = {};
    for (const [k, v] of new FormData(form).entries()) if (typeof v === 'string' && v.trim()) out[k] = v.trim();
    apply(out);
  });
  return form;
}

export function table(headers: string[], rows: Child[][], testid?: string): HTMLTableElement {
  return h('table', { class: 'grid', 'data-testid': testid },
    h('thead', null, h('tr', null, headers.map((x) => h('th', null, x)))),
    h('tbody', null, rows.length ? rows.map((r) => h('tr', null, r.map((c) => h('td', null, c)))) : h('tr', null, h('td', { colspan: headers.length, class: 'muted' }, 'Nothing found.'))));
}

export function badge(type: string): HTMLElement {
  const el = h('span', { class: 'badge', 'data-type': type }, type);
  el.style.setProperty('--c', typeColor(type));
  return el;
}

export function loading(): HTMLElement {
  return h('div', { class: 'muted loading' }, 'Loading…');
}

export function errorBox(e: unknown): HTMLElement {
  const msg = e instanceof ApiError ? `${e.status}: ${e.message}` : (e as Error)?.message ?? String(e);
  return h('div', { class: 'error', role: 'alert' }, msg);
}

export function entityLink(id: number | null, label: string): Child {
  return id != null ? h('a', { href: `#/entity/${id}` }, label) : label;
}

/** A link to a report in the reader, optionally opening on one event or quote. */
export function docLink(hash: string, label: string, event?: string, quote?: string): HTMLAnchorElement {
  const q = event ? `?event=${encodeURIComponent(event)}` : quote ? `?quote=${encodeURIComponent(quote)}` : '';
  return h('a', { href: `#/doc/${encodeURIComponent(hash)}${q}` }, label);
}

export function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
