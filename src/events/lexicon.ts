/**
 * @module events/lexicon
 * The trigger lexicon (`data/lexicons/events/triggers.tsv`) compiled for matching: verb
 * lemmas are expanded to their inflected forms (regular rules plus `irregular-verbs.tsv`),
 * nouns to their plurals, phrases to word sequences whose first word is an inflected verb.
 * A lexicon is a value built from data; nothing can add to a built one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLOVER_TYPES, type PloverType } from '../types.js';

/** How a trigger governs a following action (see the lexicon README, "Frames"). */
export type Frame = 'commit' | 'agree' | 'threat' | 'request' | 'refuse' | 'accuse' | 'plan' | 'light' | 'aspect' | null;

/** One lexicon entry: a word or phrase and what it signals. */
export interface TriggerEntry {
  kind: 'V' | 'N' | 'P';
  /** The pattern as written in the data file ("hold talks"). */
  pattern: string;
  /** The PLOVER type, or null for a pure light/aspect verb with no event of its own. */
  type: PloverType | null;
  mode: string | null;
  context: string[];
  frame: Frame;
}

/** A phrase compiled to word alternatives: `words[0]` holds the verb's forms. */
export interface CompiledPhrase {
  entry: TriggerEntry;
  words: ReadonlySet<string>[];
}

export interface FallbackActor {
  kind: 'body' | 'place' | 'role';
  words: string[];
  code: string | null;
  sector: string | null;
}

export interface EventLexicon {
  /** Lower-cased word form → verb entries (in file order). */
  verbs: ReadonlyMap<string, TriggerEntry[]>;
  /** Lower-cased form → noun entries; multi-word nouns are in `phrases`. */
  nouns: ReadonlyMap<string, TriggerEntry[]>;
  /** Phrases and multi-word nouns, longest first. */
  phrases: readonly CompiledPhrase[];
  /** Fallback actor words, longest first. */
  actors: readonly FallbackActor[];
  /** Every inflected form of each verb lemma ("be" → was, were …), for cue checks. */
  lemmaOf: ReadonlyMap<string, string>;
}

/** The repository root: the nearest folder above this module holding `package.json`. */
function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'data'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** The folder of the shipped event lexicon. */
export function defaultLexiconDir(): string {
  return path.join(repoRoot(), 'data', 'lexicons', 'events');
}

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

const VOWEL = /[aeiou]/;

/**
 * Regular inflections of an English verb lemma, with consonant doubling for short CVC stems
 * ("ban" → banned, banning) since the lexicon has many of them.
 *
 * @example
 * verbForms('ban') // ['ban', 'bans', 'banned', 'banning', …]
 */
export function verbForms(lemma: string, irregular: ReadonlyMap<string, string[]> = new Map()): string[] {
  const out = new Set<string>([lemma]);
  const l = lemma;
  if (/(s|x|z|ch|sh)$/.test(l)) out.add(l + 'es');
  else if (/[^aeiou]y$/.test(l)) out.add(l.slice(0, -1) + 'ies');
  else out.add(l + 's');
  let past: string;
  let ing: string;
  if (l.endsWith('e')) {
    past = l + 'd';
    ing = l.endsWith('ee') ? l + 'ing' : l.slice(0, -1) + 'ing';
  } else if (/[^aeiou]y$/.test(l)) {
    past = l.slice(0, -1) + 'ied';
    ing = l + 'ing';
  } else {
    past = l + 'ed';
    ing = l + 'ing';
    // Doubling: one syllable ending consonant-vowel-consonant (ban, stab, plan), or a
    // final stressed syllable we cannot tell apart: add both spellings (both are harmless).
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(l) && !/[wxy]$/.test(l)) {
      const d = l + l[l.length - 1];
      out.add(d + 'ed');
      out.add(d + 'ing');
      if ((l.match(new RegExp(VOWEL.source, 'g')) ?? []).length === 1) {
        past = d + 'ed';
        ing = d + 'ing';
      }
    }
  }
  out.add(past);
  out.add(ing);
  for (const f of irregular.get(l) ?? []) out.add(f);
  return [...out];
}

/** Plural (and possessive-free) forms of a noun. */
export function nounForms(noun: string): string[] {
  const out = new Set<string>([noun]);
  if (noun.endsWith('s')) return [...out];
  if (/(x|z|ch|sh)$/.test(noun)) out.add(noun + 'es');
  else if (/[^aeiou]y$/.test(noun)) out.add(noun.slice(0, -1) + 'ies');
  else out.add(noun + 's');
  return [...out];
}

function asType(s: string): PloverType | null {
  if (s === '-' || s === '') return null;
  if ((PLOVER_TYPES as readonly string[]).includes(s)) return s as PloverType;
  throw new Error(`events lexicon: unknown PLOVER type "${s}"`);
}

/**
 * Loads and compiles the lexicon in `dir` (default: the shipped one).
 *
 * @example
 * const lex = loadEventLexicon();
 * lex.verbs.get('invaded')?.[0].type // 'ASSAULT'
 */
export function loadEventLexicon(dir: string = defaultLexiconDir()): EventLexicon {
  const irregular = new Map<string, string[]>();
  const lemmaOf = new Map<string, string>();
  for (const r of rows(path.join(dir, 'irregular-verbs.tsv'))) {
    irregular.set(r[0].trim(), [r[1]?.trim(), r[2]?.trim()].filter((x): x is string => !!x));
  }
  const verbs = new Map<string, TriggerEntry[]>();
  const nouns = new Map<string, TriggerEntry[]>();
  const phrases: CompiledPhrase[] = [];
  const add = (m: Map<string, TriggerEntry[]>, k: string, e: TriggerEntry) => {
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  };
  for (const r of rows(path.join(dir, 'triggers.tsv'))) {
    const [kind, pattern, type, mode, context, frame] = r.map((x) => (x ?? '').trim());
    if (kind !== 'V' && kind !== 'N' && kind !== 'P') continue;
    const entry: TriggerEntry = {
      kind,
      pattern,
      type: asType(type),
      mode: mode || null,
      context: context ? context.split(/[,;]\s*/).filter(Boolean) : [],
      frame: (frame || null) as Frame,
    };
    const words = pattern.toLowerCase().split(/\s+/);
    if (kind === 'V' && words.length === 1) {
      for (const f of verbForms(words[0], irregular)) {
        add(verbs, f, entry);
        lemmaOf.set(f, words[0]);
      }
    } else if (kind === 'N' && words.length === 1) {
      for (const f of nounForms(words[0])) add(nouns, f, entry);
    } else {
      const compiled = words.map((w, i) => {
        if (kind === 'P' && i === 0) return new Set(verbForms(w, irregular));
        if (i === words.length - 1 || kind === 'P') return new Set(nounForms(w));
        return new Set([w]);
      });
      phrases.push({ entry, words: compiled });
    }
  }
  phrases.sort((a, b) => b.words.length - a.words.length);
  const actors: FallbackActor[] = [];
  for (const r of rows(path.join(dir, 'actors-fallback.tsv'))) {
    const [kind, words, code, sector] = r.map((x) => (x ?? '').trim());
    if (kind !== 'body' && kind !== 'place' && kind !== 'role') continue;
    actors.push({ kind, words: words.split(/\s+/), code: code || null, sector: sector || null });
  }
  actors.sort((a, b) => b.words.length - a.words.length);
  return { verbs, nouns, phrases, actors, lemmaOf };
}
