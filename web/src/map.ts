/**
 * @module web/map
 * Where events happen, drawn offline: country shapes from world-atlas (Natural Earth,
 * 1:110m) projected with d3-geo into SVG paths, shaded by event count, with points for
 * places the analysis located. No tiles, no network.
 */
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import * as api from './api.js';
import type { Place } from './api.js';
import { h, mount, s } from './dom.js';
import { badge, errorBox, filterForm, loading, table } from './ui.js';
import type { Go, Params } from './views.js';

const W = 960;
const H = 500;

let countries: FeatureCollection<Geometry, { name: string }> | null = null;
function shapes() {
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  countries ??= feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  return countries;
}

export function mapView(el: HTMLElement, p: Params, go: Go): Promise<void> {
  mount(el, loading());
  return (async () => {
    try {
      const { items } = await api.get<{ items: Place[] }>('/places', { type: p.type, since: p.since, until: p.until, actor: p.actor, limit: 300 });
      const byCountry = new Map<string, number>();
      for (const pl of items) if (pl.numeric) byCountry.set(pl.numeric, (byCountry.get(pl.numeric) ?? 0) + pl.count);
      const max = Math.max(1, ...byCountry.values());
      const projection = geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' });
      const path = geoPath(projection);
      const shade = (n: number) => `rgba(201, 42, 42, ${(0.15 + 0.75 * Math.sqrt(n / max)).toFixed(2)})`;
      const countryEls = shapes().features.map((f) => {
        const n = byCountry.get(String(f.id)) ?? 0;
        return s('path', { d: path(f) ?? '', class: 'country', fill: n ? shade(n) : '#e9ecef' }, s('title', null, `${f.properties.name}${n ? ': ' + n + ' events' : ''}`));
      });
      const points = items.filter((pl) => pl.lat != null && pl.lon != null).map((pl) => {
        const xy = projection([pl.lon!, pl.lat!]);
        if (!xy) return null;
        return s('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 6 * Math.sqrt(pl.count / Math.max(...items.map((i) => i.count)))).toFixed(1),
          class: 'place', onclick: () => go('/events', { place: String(pl.entityId) }) }, s('title', null, `${pl.name}: ${pl.count}`));
      });
      const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': 'map of event places', 'data-testid': 'map' },
        s('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }),
        s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }),
        countryEls, points);
      mount(el,
        h('h2', null, 'Where events happen'),
        filterForm([
          { name: 'type', label: 'Type', type: 'select', options: api.PLOVER }, { name: 'actor', label: 'Actor' },
          { name: 'since', label: 'Since', type: 'date' }, { name: 'until', label: 'Until', type: 'date' },
        ], p, (v) => go('/map', v)),
        h('div', { class: 'figure' }, svg),
        table(['Place', 'Country', 'Events', 'Types'], items.slice(0, 100).map((pl) => [
          h('a', { href: `#/events?place=${pl.entityId}` }, pl.name), pl.country ?? '—', pl.count,
          h('span', null, Object.entries(pl.types).map(([t, n]) => [badge(t), ` ${n} `])),
        ]), 'places'));
    } catch (e) {
      mount(el, errorBox(e));
    }
  })();
}
