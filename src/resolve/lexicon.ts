/**
 * @module resolve/lexicon
 * The actor lexicons (`data/lexicons/actors/*.tsv`): role words → sector, sector-giving
 * modifiers, named organisations, office holders and metonymic buildings. Loaded once per
 * directory on first use and read-only afterwards (data, not a registry).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../types.js';
import { normaliseName } from './countries.js';

export type RoleKind = 'person' | 'group' | 'org';

/** A role or title phrase ("prime minister", "troops", "state news agency"). */
export interface RoleEntry {
  phrase: string;
  /** Normalised tokens of the phrase. */
  words: string[];
  /** Null for a head that names an institution of no one sector ("agency"). */
  sector: string | null;
  kind: RoleKind;
  /** Weak heads ("leader", "official") yield to a sector-giving modifier ("rebel leader"). */
  strong: boolean;
}

/** A named actor from the lexicon: an organisation, an office holder or a metonymic seat. */
export interface NamedEntry {
  name: string;
  aliases: string[];
  type: EntityType;
  country: string | null;
  sector: string | null;
  source: 'organisation' | 'leader' | 'metonym';
  /** The office of a leader ("president"). */
  role: string | null;
  /** Years in office of a leader, [from, to]; `to` null while in office. Null when not given. */
  years?: [number, number | null] | null;
  /** For an international body (sector IGO/NGO) and its office holders: the second code
   * PLOVER gives such an actor, for what the body or its people do (GOV for a governing organ
   * or its head, MIL for a peacekeeping force, JUD for a court, REF for a refugee agency, HLH
   * for medical relief). Null when the body has none of these roles. */
  subSector?: string | null;
}

export interface ActorLexicon {
  /** Normalised phrase → role. */
  roles: ReadonlyMap<string, RoleEntry>;
  /** Longest role phrase, in words. */
  roleMaxWords: number;
  /** Normalised modifier word → sector. */
  modifiers: ReadonlyMap<string, string>;
  /** Normalised name or alias → entry. Acronym aliases keep their case in `exactCase`. */
  named: ReadonlyMap<string, NamedEntry>;
  /** Aliases that must match with their exact case (short all-capital acronyms: "WHO", "IS"). */
  exactCase: ReadonlySet<string>;
  /** Keys of name forms written with a lower-case last word ("UN refugee agency"), which match
   * although a name usually ends in a capital. */
  lowerEnding: ReadonlySet<string>;
  /** The last words of those forms ("agency"), to ask `lowerEnding` only when one ends a span. */
  lowerEndingWords: ReadonlySet<string>;
  /** Surnames of office holders that all name one country ("Putin"; "Bush": both USA), → the
   * most recent holder. Surnames shared across countries ("Kim", "Hussein") are left out. */
  surnames: ReadonlyMap<string, NamedEntry>;
  /** Every holder of each surname in `surnames`, so a document date can choose among them. */
  surnameHolders: ReadonlyMap<string, readonly NamedEntry[]>;
  /** Every office of each office holder (by normalised name), most recent first. */
  offices: ReadonlyMap<string, readonly NamedEntry[]>;
}

/**
 * The office a lexicon leader held in a year (or nearest to it); other entries unchanged.
 *
 * @example
 * officeInYear(actorLexicon(), jensStoltenberg, 2008).country // 'NOR' (2016: null, IGO)
 */
export function officeInYear(lex: ActorLexicon, entry: NamedEntry, year: number | null): NamedEntry {
  if (entry.source !== 'leader' || year === null) return entry;
  const all = lex.offices.get(wordsOf(entry.name).join(' '));
  if (!all || all.length < 2) return entry;
  return nearestInYear(all, year) ?? entry;
}

function nearestInYear(entries: readonly NamedEntry[], year: number): NamedEntry | null {
  let best: NamedEntry | null = null;
  let bestGap = Infinity;
  for (const e of entries) {
    if (!e.years) continue;
    const [from, to] = e.years;
    const gap = year < from ? from - year : to !== null && year > to ? year - to : 0;
    if (gap < bestGap) { best = e; bestGap = gap; }
  }
  return best;
}

/** "1999-2019" → [1999, 2019]; "2022-" → [2022, null]; "" → null. */
function parseYears(s: string | undefined): [number, number | null] | null {
  const m = /^(\d{4})\s*-\s*(\d{4})?$/.exec(s ?? '');
  if (!m) return null;
  return [Number(m[1]), m[2] ? Number(m[2]) : null];
}

/**
 * The holder of a surname in office (or nearest to office) in a year; without a year, the most
 * recent holder. Null when the surname is not a unique-country office-holder surname.
 *
 * @example
 * leaderBySurname(actorLexicon(), 'bush', 1991)?.name // 'George H. W. Bush'
 */
export function leaderBySurname(lex: ActorLexicon, surname: string, year: number | null = null): NamedEntry | null {
  const holders = lex.surnameHolders.get(surname);
  if (!holders) return null;
  if (year === null) return lex.surnames.get(surname) ?? null;
  const best = nearestInYear(holders, year);
  return best ?? lex.surnames.get(surname) ?? null;
}

let foundDataDir: string | null = null;

/** The folder holding `data/lexicons`, found by walking up from this module (works from src and dist). */
export function dataDir(): string {
  // found once per process: callers ask on every document (`actorLexicon()`'s default), and
  // the walk is file-system calls
  if (foundDataDir) return foundDataDir;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'data', 'lexicons');
    if (existsSync(path.join(candidate, 'actors'))) return (foundDataDir = candidate);
    dir = path.dirname(dir);
  }
  throw new Error('resolve: data/lexicons/actors not found above ' + fileURLToPath(import.meta.url));
}

/** Rows of a TSV file, comment lines (#) and blank lines skipped. */
export function readTsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));
}

const cache = new Map<string, ActorLexicon>();

/** Splits a phrase into the word keys the matcher compares ("Jong-un" → "jong un"). */
export function wordsOf(s: string): string[] {
  return normaliseName(s).replace(/-/g, ' ').split(' ').filter(Boolean);
}

/**
 * The actor lexicon read from `dir` (default: the project's `data/lexicons`).
 *
 * @example
 * actorLexicon().roles.get('prime minister') // { sector: 'GOV', kind: 'person', strong: true, … }
 */
export function actorLexicon(dir: string = dataDir()): ActorLexicon {
  const hit = cache.get(dir);
  if (hit) return hit;
  const a = (f: string) => path.join(dir, 'actors', f);
  const roles = new Map<string, RoleEntry>();
  let roleMaxWords = 1;
  for (const [phrase, sector, kind, strength] of readTsv(a('roles.tsv'))) {
    const words = wordsOf(phrase);
    // '-': a word that names an institution but not its sector ("agency": news, weather or
    // spy agency); the sector comes from a modifier, an appositive or the antecedent
    roles.set(words.join(' '), { phrase, words, sector: sector === '-' ? null : sector, kind: kind as RoleKind, strong: strength !== 'weak' });
    roleMaxWords = Math.max(roleMaxWords, words.length);
  }
  const modifiers = new Map<string, string>();
  for (const [word, sector] of readTsv(a('modifiers.tsv'))) modifiers.set(normaliseName(word), sector);

  const named = new Map<string, NamedEntry>();
  const exactCase = new Set<string>();
  const lowerEnding = new Set<string>();
  const add = (entry: NamedEntry) => {
    for (const form of [entry.name, ...entry.aliases]) {
      const key = wordsOf(form).join(' ');
      if (!key || named.has(key)) continue;
      named.set(key, entry);
      if (/^[A-Z0-9.&-]{1,5}$/.test(form)) exactCase.add(form.replace(/\./g, ''));
      if (/\s\p{Ll}+$/u.test(form)) lowerEnding.add(key);
    }
  };
  const list = (s: string | undefined) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);
  for (const [name, aliases, type, country, sector, second] of readTsv(a('organisations.tsv'))) {
    add({ name, aliases: list(aliases), type: type as EntityType, country: country || null, sector: sector || null, source: 'organisation', role: null, subSector: second || null });
  }
  for (const [name, aliases, type, country, sector] of readTsv(a('metonyms.tsv'))) {
    add({ name, aliases: list(aliases), type: type as EntityType, country: country || null, sector: sector || null, source: 'metonym', role: null });
  }
  // Korean, Chinese, Vietnamese and Cambodian names put the family name first; others last.
  // A `surname` column overrides ("-": never match the surname alone, e.g. "May", "Major").
  const FAMILY_FIRST = new Set(['PRK', 'KOR', 'CHN', 'VNM', 'KHM', 'TWN', 'SGP']);
  const offices = new Map<string, NamedEntry[]>();
  const surnameOf = new Map<string, string>();
  for (const [name, aliases, country, sector, role, years, surnameCol] of readTsv(a('leaders.tsv'))) {
    // the head of an international body (UN secretary-general, NATO secretary-general) is
    // coded as the body in its governing role; its prosecutors as its judiciary
    const subSector = !country && (sector === 'IGO' || sector === 'NGO') ? (/prosecutor|judge|court|tribunal/i.test(role ?? '') ? 'JUD' : 'GOV') : null;
    const entry: NamedEntry = { name, aliases: list(aliases), type: 'PERSON', country: country || null, sector: sector || null, source: 'leader', role: role || null, years: parseYears(years), subSector };
    const key = wordsOf(name).join(' ');
    offices.set(key, [...(offices.get(key) ?? []), entry]);
    if (!surnameOf.has(key)) {
      const w = name.split(/\s+/);
      surnameOf.set(key, surnameCol === '-' ? '' : surnameCol || (w.length < 2 ? '' : FAMILY_FIRST.has(country) ? w[0] : w[w.length - 1]));
    }
  }
  // a person's most recent office answers when there is no date; the name forms of all rows count
  const latestFirst = (x: NamedEntry, y: NamedEntry) => (y.years?.[0] ?? 0) - (x.years?.[0] ?? 0);
  for (const [key, list_] of offices) {
    list_.sort(latestFirst);
    const aliases = [...new Set(list_.flatMap((e) => e.aliases))];
    for (const e of list_) e.aliases = aliases;
    add(list_[0]);
    void key;
  }
  const surnameCount = new Map<string, NamedEntry[]>();
  for (const [key, s] of surnameOf) {
    if (s.length < 4 || /^(Pope|XIV|XVI|II|III|Jr\.?|Sr\.?)$/.test(s)) continue;
    const latest = offices.get(key)![0];
    // "al-Assad" is also written "Assad"
    for (const form of new Set([s, s.replace(/^(al|el|ad|as|ash|an|ar|at|az)-/i, '')])) {
      const k = normaliseName(form);
      const had = surnameCount.get(k) ?? [];
      if (!had.includes(latest)) surnameCount.set(k, [...had, latest]);
    }
  }
  const surnames = new Map<string, NamedEntry>();
  const surnameHolders = new Map<string, NamedEntry[]>();
  for (const [k, people] of surnameCount) {
    if (named.has(k) || k.length < 4) continue;
    // a surname of people of different countries ("Kim", "Hussein") says nothing alone
    if (new Set(people.map((e) => e.country ?? '')).size !== 1) continue;
    surnames.set(k, [...people].sort(latestFirst)[0]);
    surnameHolders.set(k, people.flatMap((e) => offices.get(wordsOf(e.name).join(' '))!));
  }
  const lowerEndingWords = new Set([...lowerEnding].map((k) => k.split(' ').pop()!));
  const lex: ActorLexicon = { roles, roleMaxWords, modifiers, named, exactCase, lowerEnding, lowerEndingWords, surnames, surnameHolders, offices };
  cache.set(dir, lex);
  return lex;
}
