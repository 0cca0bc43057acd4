/**
 * @module time/candidate
 * What recognisers (chrono-node's parsers and our own rules) hand to the refiners: a span
 * and a `resolve` function that computes the TIMEX3 value once the expression's context is
 * known (document date, tense of the governing verb, dates mentioned before it).
 */
import type { TimeType } from '../types.js';
import type { Ymd } from './calendar.js';
import type { Tense } from './tense.js';

/** The last date of each granularity that the text mentioned before an expression. */
export interface Mentioned {
  /** `si`: the sentence it was named in. */
  day?: { p: Ymd; id: string; si?: number };
  month?: { y: number; m: number; id: string; si?: number };
  /** `stated`: the text gave the year in so many words ("May 2010", not "last May"); `si` as above. */
  year?: { y: number; id: string; si?: number; stated?: boolean };
  quarter?: { y: number; q: number; id: string };
  /** The last calendar value named, whatever its granularity ("Until then" refers to it). */
  latest?: { value: string; id: string; si?: number };
}

/** What `resolve` can read. */
export interface ResolveEnv {
  /** The document date, or null (values then stay underspecified: `XXXX-XX-XX`). */
  dct: Ymd | null;
  /** Tense of the governing verb, computed on demand (it costs a sentence scan). */
  tense(): Tense | null;
  /** Dates mentioned earlier in the text. */
  last: Mentioned;
  /** The quarter an earnings report's "the quarter", "the period" and "a year ago" refer to:
   *  one named in the same sentence, else the first the report named, else the last named. */
  quarterRef?: { y: number; q: number; id: string };
  /** Index of the expression's sentence (to tell how recent `last.day` is). */
  sentence?: number;
  /** True when the expression's sentence talks of a quarter ("third-quarter profit …"). */
  quarterContext: boolean;
}

/** A resolved expression. */
export interface Resolved {
  type: TimeType;
  value: string;
  mod?: string | null;
  /** Parts of the value the text stated ("year", "month", "day", "quantity", …). */
  stated: string[];
  /** Parts taken from the anchor or the tense. */
  inferred: string[];
  /** 'dct', the id of an earlier time, or null when nothing was needed. */
  anchor: string | null;
  /** False for a value that is a shifted copy of another ("a year ago"), which later
   *  expressions must not anchor on. */
  remember?: boolean;
  /** The month a value of another granularity lies in, for later "the same month" ("the last
   *  week of February" is a week of February). */
  month?: { y: number; m: number };
}

/** A recognised, not yet resolved, time expression. */
export interface Candidate {
  start: number;
  end: number;
  /** Provenance, e.g. `rule/duration` or `chrono/ENWeekdayParser`. */
  by: string;
  /** Breaks ties between candidates of the same span (higher wins). */
  priority: number;
  /** A `mod` a refiner found around the expression (early/late, about, more than). */
  mod?: string | null;
  /** Day part added by a refiner ("Monday morning" → MO). */
  dayPart?: string | null;
  /** The expression is a set ("Tuesday nights"). */
  plural?: boolean;
  resolve(env: ResolveEnv): Resolved | null;
}
