/**
 * @module web/main
 * The shell: navigation, the search box, and a router over the URL hash
 * (`#/doc/HASH`, `#/entity/17`, `#/events?type=ASSAULT` …), so the API's own paths never
 * collide with the UI's.
 */
import './style.css';
import { h, mount } from './dom.js';
import { graphView } from './graph.js';
import { mapView } from './map.js';
import { documentView, documentsView, entitiesView, entityView, eventsView, pasteView, quotesView, searchView, type Params } from './views.js';

const NAV: [string, string][] = [
  ['/', 'Reports'], ['/entities', 'Entities'], ['/quotes', 'Quotes'], ['/events', 'Events'], ['/graph', 'Network'], ['/map', 'Map'], ['/paste', 'Analyse'],
];

function parseHash(): { path: string; params: Params } {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { path: path || '/', params: Object.fromEntries(new URLSearchParams(query)) };
}

function go(path: string, params: Params = {}): void {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== '' && !(v === '0'))).toString();
  location.hash = '#' + path + (q ? '?' + q : '');
}

const searchInput = h('input', { type: 'search', name: 'q', placeholder: 'Search reports and quotes', 'aria-label': 'search', 'data-testid': 'search' });
const searchForm = h('form', { class: 'search', role: 'search' }, searchInput);
searchForm.addEventListener('submit', (ev) => {
  ev.preventDefault();
  if (searchInput.value.trim()) go('/search', { q: searchInput.value.trim() });
});
const navEl = h('nav', null, NAV.map(([path, label]) => h('a', { href: '#' + path, 'data-path': path }, label)));
const main = h('main', { id: 'view' });
mount(document.getElementById('app')!, h('header', null, h('a', { class: 'brand', href: '#/' }, 'dateline'), navEl, searchForm), main);

function route(): void {
  const { path, params } = parseHash();
  const top = '/' + (path.split('/')[1] ?? '');
  for (const a of navEl.querySelectorAll('a')) a.classList.toggle('active', a.dataset.path === top || (top === '/doc' && a.dataset.path === '/'));
  const [, section, id] = path.split('/');
  const arg = id ? decodeURIComponent(id) : '';
  if (section === 'doc' && arg) void documentView(main, arg, params);
  else if (section === 'entity' && arg) void entityView(main, arg, go);
  else if (section === 'entities') void entitiesView(main, params, go);
  else if (section === 'quotes') void quotesView(main, params, go);
  else if (section === 'events') void eventsView(main, params, go);
  else if (section === 'graph') void graphView(main, params, go);
  else if (section === 'map') void mapView(main, params, go);
  else if (section === 'search') {
    searchInput.value = params.q ?? '';
    void searchView(main, params, go);
  } else if (section === 'paste') pasteView(main);
  else void documentsView(main, params, go);
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();
