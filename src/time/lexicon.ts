/**
 * @module time/lexicon
 * The time layer's word lists, read from `data/time/lexicon.json` (sources in the README
 * beside it). Loaded when a tagger is created, never into a process-wide mutable registry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface VagueEntry {
  words: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
}

/** The shape of `data/time/lexicon.json`. */
export interface TimeLexicon {
  months: Record<string, number>;
  weekdays: Record<string, number>;
  numbers: Record<string, number>;
  vagueNumbers: string[];
  ordinals: Record<string, number>;
  units: Record<string, string>;
  seasons: Record<string, string>;
  dayParts: Record<string, string>;
  pointMods: Record<string, string>;
  quantityMods: Record<string, string>;
  vague: VagueEntry[];
  spelledYears: { tens: Record<string, number>; ones: Record<string, number> };
  decadeWords: Record<string, number>;
  holidays: Record<string, string>;
  futureCues: string[];
  /** Words that point ahead after a present "is/are" ("is scheduled to"), back after "was/had been". */
  plannedCues: string[];
  pastIrregular: string[];
  /** Tokens that join two clauses ("and", "but", "or", ";"), matched in any case. */
  coordinators: string[];
  /** Verbs of a reporting clause ("…, officials said"; "…, according to the ministry"), any case. */
  reportingVerbs: string[];
  /** Verbs (and "is/are/am") whose "to"-infinitive points ahead ("plans to meet Monday"). */
  intentVerbs: string[];
  /** Base forms of scheduled-event verbs, trusted after a plural subject ("ministers meet Monday"). */
  scheduledBase: string[];
  /** Third-person forms of scheduled-event verbs the untagged check trusts ("the trial opens Tuesday"). */
  scheduledFinite: string[];
  /** Simple-present forms (VBZ/VBP) of scheduled-event verbs: in news they tell of a plan. */
  scheduledPresent: string[];
  /** -ing forms of scheduled-event verbs: after a present "be" they tell of a plan. */
  scheduledIng: string[];
  /** Present forms of verbs of forecast ("Analysts expect a recovery in the second half"): what
   *  they govern lies ahead. Optional (an older lexicon without it has none). */
  forecastPresent?: string[];
  /** Prepositions that place an event noun before the clause's own event ("comes after talks"), any case. */
  precedingPreps: string[];
  /** Capitalised words that, after a weekday, make it part of a name ("the Sunday Times",
   *  "Monday Night Football"): `words` may follow one of the `lead` words ("Sunday Morning Herald"). */
  weekdayNameWords: { lead: string[]; words: string[] };
}

/** Finds `data/time/lexicon.json` from here upwards (works from `src/` and from `dist/`). */
function lexiconPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'data', 'time', 'lexicon.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('time: data/time/lexicon.json not found');
}

/**
 * Reads the lexicon (a fresh object each call: callers may extend their copy freely).
 *
 * @example
 * const lex = loadTimeLexicon();
 * lex.months['sept'] // 9
 */
export function loadTimeLexicon(): TimeLexicon {
  return JSON.parse(readFileSync(lexiconPath(), 'utf8')) as TimeLexicon;
}

/** A regex alternation of words, longest first, with spaces matching any white space. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}
