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
  sector: string;
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
  /** Surnames of office holders that are unique in the lexicon ("Putin"), → entry. */
  surnames: ReadonlyMap<string, NamedEntry>;
}

/** The folder holding `data/lexicons`, found by walking up from this module (works from src and dist). */
export function dataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'data', 'lexicons');
    if (existsSync(path.join(candidate, 'actors'))) return candidate;
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
    roles.set(words.join(' '), { phrase, words, sector, kind: kind as RoleKind, strong: strength !== 'weak' });
    roleMaxWords = Math.max(roleMaxWords, words.length);
  }
  const modifiers = new Map<string, string>();
  for (const [word, sector] of readTsv(a('modifiers.tsv'))) modifiers.set(normaliseName(word), sector);

  const named = new Map<string, NamedEntry>();
  const exactCase = new Set<string>();
  const add = (entry: NamedEntry) => {
    for (const form of [entry.name, ...entry.aliases]) {
      const key = wordsOf(form).join(' ');
      if (!key || named.has(key)) continue;
      named.set(key, entry);
      if (/^[A-Z0-9.&-]{1,5}$/.test(form)) exactCase.add(form.replace(/\./g, ''));
    }
  };
  const list = (s: string | undefined) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);
  for (const [name, aliases, type, country, sector] of readTsv(a('organisations.tsv'))) {
    add({ name, aliases: list(aliases), type: type as EntityType, country: country || null, sector: sector || null, source: 'organisation', role: null });
  }
  for (const [name, aliases, type, country, sector] of readTsv(a('metonyms.tsv'))) {
    add({ name, aliases: list(aliases), type: type as EntityType, country: country || null, sector: sector || null, source: 'metonym', role: null });
  }
  const surnameCount = new Map<string, NamedEntry[]>();
  for (const [name, aliases, country, sector, role] of readTsv(a('leaders.tsv'))) {
    const entry: NamedEntry = { name, aliases: list(aliases), type: 'PERSON', country: country || null, sector: sector || null, source: 'leader', role: role || null };
    add(entry);
    // Korean, Chinese and Vietnamese names put the family name first; others last. Only a
    // surname no other office holder shares is kept ("Kim" is shared: left out).
    const w = name.split(/\s+/);
    const familyFirst = country === 'PRK' || country === 'KOR' || country === 'CHN' || country === 'VNM';
    for (const s of [familyFirst ? w[0] : w[w.length - 1]]) {
      if (s.length < 4 || w.length < 2 || /^(Pope|XIV)$/.test(s)) continue;
      const k = normaliseName(s);
      surnameCount.set(k, [...(surnameCount.get(k) ?? []), entry]);
    }
  }
  const surnames = new Map<string, NamedEntry>();
  for (const [k, entries] of surnameCount) if (entries.length === 1 && !named.has(k)) surnames.set(k, entries[0]);
  const lex: ActorLexicon = { roles, roleMaxWords, modifiers, named, exactCase, surnames };
  cache.set(dir, lex);
  return lex;
}
