/**
 * @module web/dom
 * The only way the UI builds DOM: elements from tag names, and strings always as text
 * nodes. Nothing here (or anywhere in the UI) assigns innerHTML, so report text that looks
 * like markup shows as the characters it is.
 */

export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

function setAttrs(el: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/**
 * @example
 * h('a', { href: '#/entity/3', class: 'ent' }, 'Vladimir Putin')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element; same rules as {@link h}. */
export function s(tag: string, attrs?: Attrs | null, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Replaces an element's children. */
export function mount(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/**
 * A search snippet with hits between U+0002 and U+0003 as text with <mark>s.
 *
 * @example
 * marked('the \u0002navy\u0003 said') // [ 'the ', <mark>navy</mark>, ' said' ]
 */
export function marked(snippet: string): Child[] {
  const out: Child[] = [];
  const re = /\u0002([^\u0003]*)\u0003/g;
  let last = 0;
  for (let m; (m = re.exec(snippet)); ) {
    out.push(snippet.slice(last, m.index), h('mark', null, m[1]));
    last = m.index + m[0].length;
  }
  out.push(snippet.slice(last).replace(/[\u0002\u0003]/g, ''));
  return out;
}
