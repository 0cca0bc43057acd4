/**
 * @module resolve/countries
 * Country names, alternative spellings, demonyms and capitals → ISO 3166-1 alpha-3, built
 * from the `world-countries` npm package (ODbL-1.0 data, see models/README.md) and loaded
 * once per process on first use. Lookups are case-insensitive on a normalised key.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from './lexicon.js';

const require = createRequire(import.meta.url);

export interface CountryRecord {
  cca3: string;
  cca2: string;
  name: string;
  official: string;
  capitals: string[];
  /** English demonyms ("North Korean"). */
  demonyms: string[];
  region: string;
  latlng: [number, number] | null;
}

export interface CountryIndex {
  byCode: ReadonlyMap<string, CountryRecord>;
  /** Normalised name, official name or English alternative spelling → record. */
  byName: ReadonlyMap<string, CountryRecord>;
  byDemonym: ReadonlyMap<string, CountryRecord>;
  byCapital: ReadonlyMap<string, CountryRecord>;
}

/** Lower-case, fold diacritics, straight apostrophes, single spaces, no leading "the". */
export function normaliseName(s: string): string {
  // plain ASCII words (most tokens): only the case changes
  const plain = plainAscii(s);
  if (plain !== null) return plain;
  // memoised: every stage normalises the same few hundred names per document, and the
  // Unicode normalisation and regexes dominate the lookups
  const hit = normalised.get(s);
  if (hit !== undefined) return hit;
  const out = normaliseUncached(s);
  if (normalised.size >= 200_000) normalised.clear(); // bound memory on very long runs
  normalised.set(s, out);
  return out;
}
const normalised = new Map<string, string>();

/**
 * `normaliseUncached(s)` for strings of ASCII letters, digits, straight apostrophes, hyphens
 * and single inner spaces, where the diacritics, quotes, punctuation and space steps change
 * nothing; null for any other string.
 */
function plainAscii(s: string): string | null {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return null;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 45) continue;
    if (c === 32 && s.charCodeAt(i - 1) !== 32) continue;
    return null;
  }
  const lower = s.toLowerCase();
  return lower.startsWith('the ') ? lower.slice(4) : lower;
}

function normaliseUncached(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' -]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

let cached: CountryIndex | null = null;

/** The process-wide read-only country index (data, not a registry: nothing can add to it). */
export function countryIndex(): CountryIndex {
  if (cached) return cached;
  type Raw = {
    cca3: string; cca2: string; name: { common: string; official: string };
    altSpellings: string[]; capital?: string[]; region: string; latlng?: number[];
    demonyms?: { eng?: { m: string; f: string } }; independent?: boolean;
  };
  const raw = require('world-countries') as Raw[] | { default: Raw[] };
  const list: Raw[] = Array.isArray(raw) ? raw : raw.default;
  const byCode = new Map<string, CountryRecord>();
  const byName = new Map<string, CountryRecord>();
  const byDemonym = new Map<string, CountryRecord>();
  const byCapital = new Map<string, CountryRecord>();
  // Independent states first, so "Korea" style clashes go to the state, not a territory.
  const ordered = [...list].sort((a, b) => Number(b.independent ?? false) - Number(a.independent ?? false));
  for (const c of ordered) {
    const rec: CountryRecord = {
      cca3: c.cca3,
      cca2: c.cca2,
      name: c.name.common,
      official: c.name.official,
      capitals: c.capital ?? [],
      demonyms: c.demonyms?.eng ? [...new Set([c.demonyms.eng.m, c.demonyms.eng.f])] : [],
      region: c.region,
      latlng: c.latlng && c.latlng.length === 2 ? [c.latlng[0], c.latlng[1]] : null,
    };
    byCode.set(rec.cca3, rec);
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3 && /^[\p{Script=Latin}\s'’,.()-]+$/u.test(s))];
    for (const n of names) {
      const key = normaliseName(n);
      if (key && !byName.has(key)) byName.set(key, rec);
    }
    // "Bosnian, Herzegovinian": each part is a demonym of its own
    for (const d of rec.demonyms.flatMap((x) => x.split(/,\s*/))) {
      const key = normaliseName(d);
      if (key && !byDemonym.has(key)) byDemonym.set(key, rec);
    }
    for (const cap of rec.capitals) {
      // "Washington D.C." is "Washington" in a dateline: also index the name without
      // trailing initials.
      for (const form of [cap, cap.replace(/(?:\s+(?:\p{Lu}\.)+)+$/u, '')]) {
        const key = normaliseName(form);
        if (key && !byCapital.has(key)) byCapital.set(key, rec);
      }
    }
  }
  // Short forms and altSpellings world-countries lists only as two-letter codes (cca2
  // codes are excluded above because "US"/"IN"/"IT" clash with English words).
  for (const [alias, code] of COMMON_SHORT_FORMS) {
    const rec = byCode.get(code);
    if (rec) byName.set(normaliseName(alias), rec);
  }
  for (const [demonym, code] of COMMON_DEMONYMS) {
    const rec = byCode.get(code);
    if (rec) byDemonym.set(normaliseName(demonym), rec);
  }
  for (const [capital, code] of COMMON_CAPITALS) {
    const rec = byCode.get(code);
    if (rec) byCapital.set(normaliseName(capital), rec);
  }
  // former and older names ("Rhodesia", "Katmandu"), as data (`data/lexicons/places/former-names.tsv`)
  const formerFile = path.join(dataDir(), 'places', 'former-names.tsv');
  if (existsSync(formerFile)) {
    for (const line of readFileSync(formerFile, 'utf8').split(/\r?\n/)) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [form, kind, code] = line.split('\t').map((x) => x.trim());
      const rec = byCode.get(code);
      const key = normaliseName(form);
      if (!rec || !key) continue;
      const map = kind === 'demonym' ? byDemonym : kind === 'capital' ? byCapital : byName;
      if (!map.has(key)) map.set(key, rec);
    }
  }
  cached = { byCode, byName, byDemonym, byCapital };
  return cached;
}

/**
 * Names news uses that world-countries lacks or files under another country. Written for
 * this project; each is an ordinary English usage.
 */
const COMMON_SHORT_FORMS: ReadonlyArray<[string, string]> = [
  ['U.S.', 'USA'], ['US', 'USA'], ['U.S.A.', 'USA'], ['America', 'USA'], ['United States of America', 'USA'],
  ['UK', 'GBR'], ['U.K.', 'GBR'], ['Britain', 'GBR'], ['Great Britain', 'GBR'],
  ['DPRK', 'PRK'], ['D.P.R.K.', 'PRK'], ['South Korea', 'KOR'], ['Republic of Korea', 'KOR'], ['ROK', 'KOR'],
  ['Russian Federation', 'RUS'], ['UAE', 'ARE'], ['PRC', 'CHN'], ["People's Republic of China", 'CHN'],
  ['Holland', 'NLD'], ['Czech Republic', 'CZE'], ['Ivory Coast', 'CIV'], ['Burma', 'MMR'],
  ['Congo', 'COD'], ['DRC', 'COD'], ['Vatican', 'VAT'], ['Palestine', 'PSE'], ['Gaza', 'PSE'],
  ['West Bank', 'PSE'], ['Taiwan', 'TWN'], ['Syria', 'SYR'], ['Iran', 'IRN'], ['Laos', 'LAO'],
  ['Macedonia', 'MKD'], ['Bosnia', 'BIH'], ['Herzegovina', 'BIH'], ['Serbia', 'SRB'], ['Kosovo', 'XKX'], ['Swaziland', 'SWZ'], ['Trinidad', 'TTO'], ['Zaire', 'COD'], ['Soviet Union', 'RUS'], ['USSR', 'RUS'], ['Yugoslavia', 'SRB'], ['Kampuchea', 'KHM'], ['East Timor', 'TLS'], ['Turkey', 'TUR'], ['Türkiye', 'TUR'],
];

/** Demonyms news uses that world-countries spells otherwise or lacks. */
const COMMON_DEMONYMS: ReadonlyArray<[string, string]> = [
  ['Kyrgyz', 'KGZ'], ['American', 'USA'], ['British', 'GBR'], ['Palestinian', 'PSE'], ['Congolese', 'COD'],
  ['Emirati', 'ARE'], ['Saudi', 'SAU'], ['Filipino', 'PHL'], ['Bosnian', 'BIH'], ['Serb', 'SRB'], ['Croat', 'HRV'],
  ['Kosovar', 'XKX'], ['Burmese', 'MMR'], ['Afghan', 'AFG'], ['Taiwanese', 'TWN'], ['Czech', 'CZE'], ['Soviet', 'RUS'], ['Yugoslav', 'SRB'], ['Zairean', 'COD'], ['Zairian', 'COD'], ['Sri Lankan', 'LKA'], ['Sierra Leonean', 'SLE'], ['Trinidadian', 'TTO'],
];

/** Capitals as news writes them ("Washington", not "Washington D.C."). */
const COMMON_CAPITALS: ReadonlyArray<[string, string]> = [
  ['Washington', 'USA'], ['Kiev', 'UKR'], ['Tel Aviv', 'ISR'], ['Ankara', 'TUR'], ['Kathmandu', 'NPL'],
  ['New Delhi', 'IND'], ['Beijing', 'CHN'], ['Rangoon', 'MMR'],
];

/** Looks up a country by name, alternative spelling or ISO code. */
export function countryByName(name: string): CountryRecord | null {
  const idx = countryIndex();
  if (/^[A-Z]{3}$/.test(name)) return idx.byCode.get(name) ?? null;
  return idx.byName.get(normaliseName(name)) ?? null;
}
