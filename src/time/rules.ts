/**
 * @module time/rules
 * Our own recognisers, for what chrono-node does not cover or covers with the wrong
 * granularity for TIMEX3: durations (`P3D`, `PXY`), sets, relative weeks, months, quarters
 * and years (`2025-W16`, `2025-Q1`), fiscal forms, seasons, decades and centuries, spelled
 * years, month names alone, vague references (`PRESENT_REF`), and the days anchored on an
 * earlier date ("the previous day").
 *
 * Rules are data: a name, a reason, an example, a pattern and a `make` that turns a match
 * into a candidate (or rejects it, e.g. "may" the verb). The patterns are compiled from the
 * lexicon when a rule set is built; nothing is memoised at module level.
 */
import type { TimeType } from '../types.js';
import {
  addDays, addMonths, dayValue, durationValue, monthValue, quarterOf, quarterValue, SEASONS,
  seasonOf, shiftCycle, weekValue, weekdayNear, yearValue, type Ymd,
} from './calendar.js';
import type { Candidate, ResolveEnv, Resolved } from './candidate.js';
import { alternation, type TimeLexicon } from './lexicon.js';

/** One recognition rule. */
export interface TimeRule {
  readonly name: string;
  /** Why the rule exists, in a line. */
  readonly reason: string;
  readonly pattern: RegExp;
  /** One candidate, or several for a match that holds more than one expression ("2005-2010"). */
  make(m: RegExpExecArray, text: string): Candidate | Candidate[] | null;
}

// (an apostrophe inside a word blocks a match, "rock'n'roll"; an opening quotation mark,
// ''Six months ago'' or 'Six months ago', does not)
const B = String.raw`(?<![\p{L}\p{N}-]|[\p{L}\p{N}]['’])`;
const E = String.raw`(?![\p{L}\p{N}])`;

/** Words that, right before a number-less "a year", make it a rate ("$5 a year") → SET. */
const RATE_BEFORE = /(?:\d|%|\bpercent|\bcents?|\bdollars?|\btimes|\bonce|\btwice|\bthrice|\bhours|\bmiles|\btons|\bbarrels|\bunits|\bpeople|\bmillion|\bbillion)\s*$/i;
/** Words that, right before a number-less "a year", make it a duration ("for a year"). */
/**
 * Words before "over" that make it "more than" ("for over a week", "just over an hour", "took
 * over three years", at a clause's start: "Over 20 years, …" is read as the amount). After
 * anything else, a verb or a noun, "over" is the preposition spreading an event across the
 * stretch ("cut 1,000 jobs over three years", "can be used over three years"): no mod.
 */
export const OVER_AS_MORE_THAN = /(?:^|[.,;:!?()—–-]\s*|(?:^|[^\p{L}])(?:for|in|of|after|within|than|just|well|slightly|little|spent|spend|spends|spending|took|take|takes|taking|taken|lasted|last|lasts|lasting|waited|wait|waits|waiting|been|be|is|are|was|were|since|at|by|during)\s+)$/iu;
const DURATION_BEFORE = /\b(?:for|in|within|than|after|over|about|nearly|almost|least|of|by|past|only|just|barely|spent|spend|spends|spending|took|take|takes|taking|lasted|last|lasts|lasting|waited|long\s+as|another|half|through|during|around|up to|roughly|some)\s+$/i;
/** Year numbers are only years when the words around them say so (not "2000 people"). */
const YEAR_PREV_OK = /(?:['’]s\s+|\b(?:its|his|their|our|that|in|of|since|until|till|by|before|after|during|from|through|to|for|between|and|or|the|fiscal|year|than|around|about|circa|early|late|mid|spring|summer|fall|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december|end|start|beginning|middle)\s+|[(,;:—–-]\s*|^\s*|\n\s*)$/i;
const YEAR_NEXT_CAPITAL = /^\s+\p{Lu}/u;
const YEAR_NEXT_OK = /^(?:\s*[.,;:)!?'"”’—–]|\s*$|\s+(?:and|or|to|through|when|as|was|were|is|are|had|has|have|after|before|season|budget|budgets|election|elections|campaign|levels?|figures|results|fiscal|model|because|but|compared|with|for|in|on|at|by|from|until|the|a|an|that|which|while|than|amid|following|under|it|he|she|they|we|i|there|this|his|her|its|their|census|olympics|games|world|war|crisis|earthquake|attack|attacks|bombing|bombings|deal|agreement|accord|plan|law|act|report|survey|study|period|quarter|levels|rate|rates|estimate|estimates|forecast|peak|high|low|total|sales|earnings|profit|revenue|loss|losses|net|and)\b)/i;
const YEAR_BAD_NEXT = /^\s*(?:%|percent|per\s+cent|GMT|EST|EDT|UTC|hours|hrs)\b/i;

/** Capitalised words after which a year is still a year ("January 1990", "Christmas 1998",
 *  "Sales Rise In 1987"). */
const NAME_BEFORE_YEAR_OK = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Spring|Summer|Fall|Autumn|Winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Thanksgiving|Day|Eve|Fiscal|Year|Calendar|Model|Class|In|Of|Since|Until|Till|By|Before|After|During|From|Through|To|For|And|Or|Than|Around|About|Circa|Early|Late|Mid|End|Start|Beginning|Middle|The|Its|His|Her|Their|Our|That|This|Between|Census|Budget|Election|Elections|Season|Olympics|Games)$/;

/** The TIMEX3 granularity a duration unit maps to when it becomes a point ("two weeks ago"). */
function pointBack(env: ResolveEnv, unit: string, n: number | null, sign: -1 | 1, from: Ymd | null): string {
  if (n == null) return sign < 0 ? 'PAST_REF' : 'FUTURE_REF';
  const k = Math.round(n) * sign;
  switch (unit) {
    case 'D': return dayValue(from ? addDays(from, k) : null);
    case 'W': case 'WE': return weekValue(from ? addDays(from, 7 * k) : null);
    case 'FN': return weekValue(from ? addDays(from, 14 * k) : null);
    case 'M': return from ? monthValue(addMonths(from, k).y, addMonths(from, k).m) : 'XXXX-XX';
    case 'Q': {
      if (!from) return 'XXXX-QX';
      const s = shiftCycle(from.y, quarterOf(from.m), k, 4);
      return quarterValue(s.y, s.i);
    }
    case 'Y': {
      if (!from) return 'XXXX';
      if ((env.quarterContext || env.quarterRef) && Math.abs(k) === 1) {
        // "profit rose from $X a year earlier": the year-ago quarter, not the year.
        const ref = k < 0 ? yearAgoBase(env, from) : env.quarterRef ?? lastCompletedQuarter(from);
        return quarterValue(ref.y + k, ref.q);
      }
      return yearValue(from.y + k);
    }
    case 'DE': return from ? String(Math.floor((from.y + 10 * k) / 10)) : 'XXX';
    case 'CE': return from ? String(Math.floor((from.y + 100 * k) / 100)) : 'XX';
    default: return dayValue(from);
  }
}

/**
 * The quarter a "year-ago" phrase counts back from: the last quarter mentioned, unless that
 * one already lies a year or more before the report's latest completed quarter (it is then the
 * year-ago quarter itself, as "the 1988 period … year-ago"), in which case the same quarter.
 */
function yearAgoBase(env: ResolveEnv, from: Ymd): { y: number; q: number } {
  const lc = lastCompletedQuarter(env.dct ?? from);
  const ref = env.quarterRef;
  if (!ref) return lastCompletedQuarter(from);
  return lc.y * 4 + lc.q - (ref.y * 4 + ref.q) >= 4 ? { y: ref.y + 1, q: ref.q } : ref;
}

/** The last quarter that has ended by `p` (what "the quarter" means in an earnings report). */
export function lastCompletedQuarter(p: Ymd): { y: number; q: number } {
  const s = shiftCycle(p.y, quarterOf(p.m), -1, 4);
  return { y: s.y, q: s.i };
}

/** The position of an expression in its text, from its id (`t12` → 12): which of two was named later. */
function idOrder(id: string): number {
  return Number(/\d+$/.exec(id)?.[0] ?? -1);
}

function res(type: TimeType, value: string, stated: string[], inferred: string[], anchor: string | null, mod: string | null = null): Resolved {
  return { type, value, stated, inferred, anchor, mod };
}

/**
 * The day of a holiday in year `y`, from its lexicon spec: `MM-DD` (fixed), `MM-W-N` (the
 * Nth weekday W of month MM; N `L` = the last), `MM-W-N@D` (counted from day D: US Election
 * Day is the first Tuesday on or after November 2), `easter±K` (K days from Western Easter).
 *
 * @example
 * holidayDate('11-4-4', 1999) // { y: 1999, m: 11, d: 25 } (Thanksgiving)
 */
export function holidayDate(spec: string, y: number): Ymd {
  const e = /^easter([+-]\d+)$/.exec(spec);
  if (e) return addDays(easter(y), +e[1]);
  const f = /^(\d\d)-(\d)-(\d|L)(?:@(\d+))?$/.exec(spec);
  if (!f) {
    const [mm, dd] = spec.split('-').map(Number);
    return { y, m: mm, d: dd };
  }
  const mm = +f[1];
  const wd = +f[2];
  if (f[3] === 'L') {
    const last = { y, m: mm, d: new Date(Date.UTC(y, mm, 0)).getUTCDate() };
    return weekdayNear(last, wd, -1);
  }
  const first = weekdayNear({ y, m: mm, d: f[4] ? +f[4] : 1 }, wd, 1);
  return addDays(first, 7 * (+f[3] - 1));
}

/** Western Easter Sunday (the anonymous Gregorian computus). */
function easter(y: number): Ymd {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** Builds the rule set from a lexicon. */
export function buildRules(lex: TimeLexicon): TimeRule[] {
  const numWords = Object.keys(lex.numbers);
  const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const ones = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const NUM = `\\d+(?:\\s+1/2|½)|\\d+(?:\\.\\d+)?|(?:${tens.join('|')})[- ](?:${ones.join('|')})|${alternation([...numWords, ...lex.vagueNumbers])}`;
  const UNIT = alternation(Object.keys(lex.units));
  const UNIT_SING = alternation(Object.keys(lex.units).filter((u) => !/s$/.test(u) || u === 'hrs'));
  const MODQ = alternation(Object.keys(lex.quantityMods));
  const MONTH_FULL = alternation(Object.keys(lex.months).filter((m) => m.length > 3 || m === 'may'));
  const WEEKDAY_FULL = alternation(Object.keys(lex.weekdays).filter((w) => w.endsWith('day')));
  const ORD = alternation(Object.keys(lex.ordinals));
  const SEASON = alternation(Object.keys(lex.seasons));
  const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)`;
  // "nineteen ninety-four" after a month or season (broadcast transcripts spell years out)
  const SP_TENS = alternation(Object.keys(lex.spelledYears.tens).filter((w) => lex.spelledYears.tens[w] >= 20));
  const SP_ONES = alternation(Object.keys(lex.spelledYears.ones));
  const SPELLED = `nineteen[- ](?:${SP_TENS})(?:[- ](?:${SP_ONES}))?`;
  /** "1994" or "nineteen ninety-four" → 1994. */
  const yearOf = (s: string): number => {
    if (/^\d/.test(s)) return +s;
    const parts = s.toLowerCase().split(/[- \s]+/);
    return 1900 + (lex.spelledYears.tens[parts[1]] ?? 0) + (parts[2] ? lex.spelledYears.ones[parts[2]] ?? 0 : 0);
  };

  const parseNum = (s: string | undefined): number | null => {
    if (!s) return 1;
    const w = s.toLowerCase().replace(/\s+/g, ' ');
    if (/^\d/.test(w)) return parseFloat(w);
    if (w in lex.numbers) return lex.numbers[w];
    const compound = /^(\w+)[- ](\w+)$/.exec(w);
    if (compound && compound[1] in lex.numbers && compound[2] in lex.numbers) return lex.numbers[compound[1]] + lex.numbers[compound[2]];
    return null; // several, a few …
  };
  const unitOf = (s: string) => lex.units[s.toLowerCase()];
  const re = (src: string) => new RegExp(src, 'giu');
  const cand = (start: number, end: number, by: string, resolve: Candidate['resolve'], priority = 1): Candidate => ({ start, end, by, priority, resolve });

  const rules: TimeRule[] = [];

  // "two years", "the past three months", "about 20 minutes", "a year ago", "six weeks earlier"
  rules.push({
    name: 'rule/duration',
    reason: 'a quantity of a time unit is a DURATION; with ago/earlier/later it is a point',
    pattern: re(`${B}(?:(${MODQ})\\s+)?(?:(the|its|their|his|her|our|this|that|these|those)\\s+)?(?:(past|last|next|first|coming|previous|following|final|latest|initial|remaining|ensuing|preceding|succeeding|year-earlier|year-ago|comparable)\\s+)?((?:${NUM})(?:\\s+and\\s+a\\s+half|-and-a-half)?)(?:\\s+|(?<=-and-a-half)-)(?:(more|additional|other|straight|consecutive|full|trading|business|calendar|long|short|further)\\s+)?(${UNIT})(\\s+and\\s+a\\s+half)?(?:\\s+or\\s+so)?(?:\\s+(ago|back(?!\\s+(?:to|in|into|from|home|then|when)\\b)|earlier|before|later|after|from\\s+now|hence|old|or\\s+so|in\\s+a\\s+row))?${E}`),
    make(m, text) {
      const [all, modq, det, adj, numS, , unitS, half, suffix0] = m;
      const suffix = suffix0?.toLowerCase().replace(/\s+/g, ' ');
      if (suffix === 'old') return null; // ages are not times
      const unit = unitOf(unitS);
      // "2 1/2 years", "a minute and a half": the half is added to the quantity
      // "2 1/2 years", "seven and a half years", "a minute and a half"
      const halfBefore = /(?:1\/2|½|\s+and\s+a\s+half|-and-a-half)$/i.test(numS);
      const num0 = parseNum(numS.replace(/\s*(?:1\/2|½)$|\s+and\s+a\s+half$|-and-a-half$/i, ''));
      const num = num0 != null && (half || halfBefore) ? num0 + 0.5 : num0;
      const numL = numS.toLowerCase();
      const single = numL === 'a' || numL === 'an' || numL === 'one';
      let end = m.index + all.length;
      let suffixKind: 'ago' | 'rel-back' | 'rel-fwd' | 'fwd' | null = null;
      let signalled = !!half;
      // ("two years back", "a few months back": the spoken form of "ago")
      if (suffix === 'ago' || suffix === 'back') suffixKind = 'ago';
      else if (suffix === 'from now' || suffix === 'hence') suffixKind = 'fwd';
      else if ((suffix === 'earlier' || suffix === 'later') && (unit === 'Y' || unit === 'Q')) suffixKind = suffix === 'earlier' ? 'rel-back' : 'rel-fwd';
      else if (suffix === 'earlier' || suffix === 'later') {
        // "three days later", "an hour earlier": TimeBank tags the quantity as a DURATION and
        // leaves "later" as a signal; only the year-ago forms of earnings reports are points.
        signalled = true;
        end = m.index + all.slice(0, all.toLowerCase().lastIndexOf(suffix0!.toLowerCase())).trimEnd().length;
      }
      else if (suffix === 'before' || suffix === 'after') {
        // "two days after the attack": TimeML tags "two days" and calls "after" a signal;
        // only a clause-final "the day before" is a point of its own.
        if (/^\s*[.,;:!?]/.test(text.slice(end, end + 3))) suffixKind = suffix === 'before' ? 'rel-back' : 'rel-fwd';
        else {
          // "a month after Qantas suspended …", "one year after he was killed": the quantity
          // is a duration even when it is a single unit
          signalled = true;
          end = m.index + all.slice(0, all.toLowerCase().lastIndexOf(suffix0!.toLowerCase())).trimEnd().length;
        }
      }
      if (/^(?:1[5-9]|20)\d\d$/.test(numS)) return null; // "the 1988 quarter" is a year
      // "at about 2200 hrs", "by 0600 hours": a four-digit clock (rule/clock-zone), no duration
      if (unit === 'H' && /^(?:[01]\d|2[0-3])[0-5]\d$/.test(numS) && (numS[0] === '0' || /(?:^|[^\p{L}])(?:at|about|around|by|until|till|from|before|after|since)\s+$/iu.test(text.slice(Math.max(0, m.index + m[0].indexOf(numS) - 10), m.index + m[0].indexOf(numS))))) return null;
      // "a bonus equal to six months of base pay", "three months of imports": an amount
      // measured in time, not a stretch of time
      if (!suffixKind && /^\s+of\s+(?:\p{L}+\s+)?(?:pay|salary|salaries|wages|income|rent|severance|supply|supplies|production|output|imports|exports|sales|revenue|earnings)\b/iu.test(text.slice(end, end + 40))) return null;
      if (single && unit === 'Q' && !suffixKind) return null; // "a quarter of the vote"
      // "for a second straight day", "a second time", "a second term": the ordinal, not one
      // second (a second is a time only before a signal or the clause's end: "A second later",
      // "Wait a second.", "for a second, he hesitated")
      if (single && unit === 'S' && /^second$/i.test(unitS) && !suffix && /^\s+\p{L}/u.test(text.slice(end, end + 3))
        && !/^\s+(?:or|and|of|too|longer|more|before|after|later|earlier|ago|until|when|while|then|in|on|at|to|he|she|it|they|we|i)\b/i.test(text.slice(end, end + 12))) return null;
      if (!modq && !det && !adj && !suffixKind && !signalled && single) {
        const before = text.slice(Math.max(0, m.index - 24), m.index);
        if (RATE_BEFORE.test(before)) return null; // a SET rule takes "$5 a year"
        // ("The vote is a week away": the stretch still to run)
        if (!DURATION_BEFORE.test(before) && !/^\s+away\b/i.test(text.slice(end, end + 8))) return null;
      }
      if (numL === 'some' && !suffixKind && !det) {
        // "some days" is too vague to be an annotator's duration unless it is plural
        if (!/s$/i.test(unitS)) return null;
      }
      // "over the past two weeks": "over" is a preposition there, not "more than"
      // and after an amount ("raise $500 billion over 10 years", "rose 8% over three years"): it
      // spreads the amount across the stretch
      const prepOver = !!modq && /^over$/i.test(modq) && (!!det || /(?:\d|%|\bpercent|\bmillion|\bbillion|\btrillion)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))
        || (!suffixKind && !OVER_AS_MORE_THAN.test(text.slice(Math.max(0, m.index - 16), m.index))));
      // "expected to last several weeks", "will last a year": "last" is the verb, not "the last"
      // (a bare "last two days" after anything but a preposition is the verb: "start on April 2
      // and last two days")
      const verbLast = !!adj && adj.toLowerCase() === 'last' && !det && !modq
        && !/(?:^|[^\p{L}])(?:in|over|for|during|of|within|from|through|throughout|since|at|on|by|the|past|these|those)\s+$/iu.test(text.slice(Math.max(0, m.index - 12), m.index))
        && /\p{L}\s+$/u.test(text.slice(Math.max(0, m.index - 12), m.index));
      // "a loan following five months of negotiations": without an article "following" (and
      // "preceding") is the preposition, not the adjective of "the following five months"
      const prepFollowing = !!adj && /^(?:following|preceding)$/i.test(adj) && !det && !modq;
      // a possessive belongs to the noun phrase, not to the time ("his seven and a half years in
      // office" is tagged "seven and a half years", as "its fourth quarter" is "fourth quarter")
      const possessive = !modq && !!det && /^(?:its|their|his|her|our)$/i.test(det);
      const start = prepOver ? m.index + modq!.length + (/^\s+/.exec(m[0].slice(modq!.length))?.[0].length ?? 0)
        : verbLast || prepFollowing ? m.index + adj!.length + (/^\s+/.exec(m[0].slice(adj!.length))?.[0].length ?? 0)
        : possessive ? m.index + det!.length + (/^\s+/.exec(m[0].slice(det!.length))?.[0].length ?? 0)
        : m.index;
      const mod = modq && !prepOver ? lex.quantityMods[modq.toLowerCase().replace(/\s+/g, ' ')] : suffix === 'or so' ? 'APPROX' : null;
      if (suffixKind) {
        return cand(start, end, 'rule/duration-point', (env) => {
          const back = suffixKind === 'ago' || suffixKind === 'rel-back';
          let from: Ymd | null = env.dct;
          let anchor: string | null = env.dct ? 'dct' : null;
          if ((suffixKind === 'rel-back' || suffixKind === 'rel-fwd') && env.last.day && unit === 'D') {
            from = env.last.day.p;
            anchor = env.last.day.id;
          }
          // "a year later", "two years earlier" count from the time the narrative is at (the
          // last year it named), as "ago" counts from the report's date; earnings reports'
          // "a year earlier" keeps to the reported quarter (pointBack)
          if ((suffixKind === 'rel-back' || suffixKind === 'rel-fwd') && unit === 'Y' && env.last.year && !env.quarterContext && !env.quarterRef) {
            from = { y: env.last.year.y, m: 6, d: 15 };
            anchor = env.last.year.id;
          }
          if ((unit === 'H' || unit === 'MIN' || unit === 'S') && num != null) {
            return res('DATE', dayValue(from), ['quantity', 'unit'], ['day'], anchor, mod);
          }
          const value = pointBack(env, unit, num, back ? -1 : 1, from);
          const vague = num == null;
          return { ...res('DATE', value, ['quantity', 'unit', 'direction'], vague ? [] : ['year'], vague ? null : anchor, mod), remember: unit === 'D' };
        }, 2);
      }
      const adjL = adj?.toLowerCase();
      const value = durationValue(num == null ? null : num, unit);
      // "the past two months" anchors its duration on the DCT, "the first nine months" on a
      // reporting year; both are still durations in TimeML.
      void adjL;
      return cand(start, end, 'rule/duration', () => res('DURATION', value, ['quantity', 'unit'], [], null, mod), 2);
    },
  });

  // "for years", "within weeks", "for the first time in decades"
  rules.push({
    name: 'rule/bare-plural-duration',
    // (and after a verb of lasting or spending: "could take years", "the trial could last weeks")
    reason: 'a bare plural unit after for/within/over/in/after is a DURATION of unknown length (PXY)',
    pattern: re(`(?=years|months|weeks|days|decades|centuries|hours|minutes)(?<=${B}(?:for|within|over|in|after|(?:will|would|could|may|might|can|should|to)\\s+last|lasts|lasted|lasting|take|takes|took|taking|taken|spent|spend|spends|spending|waited|wait|waits|waiting)\\s+)(years|months|weeks|days|decades|centuries|hours|minutes)(?:\\s+or\\s+(?:years|months|weeks|days))?(?![\\p{L}\\p{N}-])`),
    make(m, text) {
      // "in days to come" and "over days of talks" read the same; "in hours" after a number is part of an amount
      if (/\d\s+(?:for|within|over|in|after)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
      const unit = unitOf(m[1]);
      return cand(m.index, m.index + m[0].length, 'rule/bare-plural-duration', () => res('DURATION', durationValue(null, unit), ['unit'], [], null), 1);
    },
  });

  // "just months ago", "years ago": a bare plural unit before "ago" (TimeBank tags "months ago"
  // as a DURATION of unknown length ending at the report's date, PXM)
  rules.push({
    name: 'rule/bare-plural-ago',
    reason: 'a bare plural unit before "ago" is a DURATION of unknown length (PXY)',
    // ("just days away", "months away": the stretch still to run, without "away" in the extent)
    pattern: re(`(?=(?:years|months|weeks|days|decades)\\s+(?:ago|away))(?<![\\p{L}\\p{N}'’-]|(?:the|these|those|some|many|few|several|of|recent|past|\\d|${alternation(numWords)})\\s+)(years|months|weeks|days|decades)\\s+(ago|away)${E}`),
    make(m) {
      const unit = unitOf(m[1]);
      const end = m[2].toLowerCase() === 'away' ? m.index + m[1].length : m.index + m[0].length;
      return cand(m.index, end, 'rule/bare-plural-ago', () => res('DURATION', durationValue(null, unit), ['unit'], [], null), 1);
    },
  });

  // "over the years", "in the early years", "In the years that followed": a stretch of unknown
  // length; "the weeks before the shooting", "the months after the vote" are placed by an event
  // whose date the text may not give, and are left alone
  rules.push({
    name: 'rule/the-plural-duration',
    reason: 'a definite plural unit after over/in/during/through is a DURATION of unknown length (PXY)',
    pattern: re(`${B}(?:over|in|during|through|throughout)\\s+(the\\s+(?:(?:early|intervening|ensuing)\\s+)?(years|months|weeks|decades))(?![\\p{L}\\p{N}-])(?!\\s+(?:before|after|of|since|preceding|following|leading|prior|between|when|ahead)\\b|\\s*['’])`),
    make(m) {
      const unit = unitOf(m[2]);
      return cand(m.index + m[0].length - m[1].length, m.index + m[0].length, 'rule/the-plural-duration', () => res('DURATION', durationValue(null, unit), ['unit'], [], null), 1);
    },
  });

  // "4 in the morning", "at midday"
  const HOUR_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
  rules.push({
    name: 'rule/clock-day-part',
    reason: 'an hour with "in the morning/afternoon/evening" or "midday" is a clock TIME of the anchor day',
    pattern: re(`${B}(?:(\\d{1,2}|${HOUR_WORDS.join('|')})(?:\\s+o['’]clock)?\\s+in\\s+the\\s+(morning|afternoon|evening|night)|(?<=\\bat\\s+)(midday))${E}`),
    make(m) {
      let h = 12;
      if (m[1]) {
        h = /^\d/.test(m[1]) ? +m[1] : HOUR_WORDS.indexOf(m[1].toLowerCase()) + 1;
        if (h < 1 || h > 12) return null;
        const part = m[2].toLowerCase();
        if (part === 'morning') h = h === 12 ? 0 : h;
        else if (!(part === 'night' && h < 5) && h !== 12) h += 12; // "2 in the night" stays 02
      }
      const hh = String(h).padStart(2, '0');
      return cand(m.index, m.index + m[0].length, 'rule/clock-day-part', (env) => {
        const base = env.dct;
        return res('TIME', `${dayValue(base)}T${hh}:00`, ['hour'], ['year', 'month', 'day'], base ? 'dct' : null);
      }, 2);
    },
  });

  // "at 0600 GMT", "1430 local time": the wires' four-digit clock with its zone; not a
  // parenthesised conversion of a time just given ("10:35 a.m. (0735 GMT)"), which the corpora
  // leave untagged
  rules.push({
    name: 'rule/clock-zone',
    reason: 'a four-digit clock time with a zone (GMT, UTC, local time) is a TIME of the anchor day',
    pattern: /(?=[0-2]\d[0-5]\d)(?<![\p{L}\p{N}$£€.,:/-])([01]\d|2[0-3])([0-5]\d)(?:\s*(?:(GMT|gmt|UTC|[ECMP][SD]T|BST|CES?T|JST|Z(?=\W)|local\s+time)|h(?:rs|ours)?(?:\s+(GMT|gmt|UTC|[ECMP][SD]T|BST|CES?T|JST|local\s+time))?))?(?![\p{L}\p{N}])/gu,
    make(m, text) {
      if (/\(\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) return null;
      // "from 0600 until 1800", "between 0800 and 2000": the end of a range of clocks is one too
      const rangeEnd = /(?:^|[^\p{L}\p{N}])(?:from|between)\s+0\d[0-5]\d\s*(?:-|–|to|until|till|and)\s*$/iu.test(text.slice(Math.max(0, m.index - 30), m.index));
      // "at 2200 hrs", "by 0600 hours": with no zone, the clock only after a preposition of a
      // point ("2200 hours of work" is an amount)
      if (!m[3] && !m[4] && !rangeEnd && !/(?:^|[^\p{L}])(?:at|about|around|by|until|till|from|before|after|since|between)\s+$/iu.test(text.slice(Math.max(0, m.index - 9), m.index))) return null;
      // "at 0900 on Friday", "by 0600": a bare four-digit clock only with its leading zero (no
      // amount is written so; "closed at 1410 on Monday" is an index level) or as a range's end,
      // and not as part of a longer figure or an amount ("0800 123 456", "0900.5", "0900 feet")
      if (m[0].length === 4) {
        if (m[1][0] !== '0' && !rangeEnd) return null;
        if (/^(?:[.,:/-]\d|\s*\d|\s+(?:feet|ft|foot|metres|meters|miles|km|points?|pct|percent)\b|\s*%)/i.test(text.slice(m.index + 4, m.index + 14))) return null;
      }
      const hh = m[1];
      const mm = m[2];
      return cand(m.index, m.index + m[0].length, 'rule/clock-zone', (env) => res('TIME', `${dayValue(env.dct)}T${hh}:${mm}`, ['hour', 'minute'], ['year', 'month', 'day'], env.dct ? 'dct' : null), 3);
    },
  });

  // "day-long", "decades-long": a unit-long adjective with no number
  rules.push({
    name: 'rule/unit-long',
    reason: 'a unit-long adjective is a DURATION of one unit, or of an unknown number of them when plural',
    pattern: re(`${B}(hour|day|week|month|year|decade|centur(?:y|ie))(s?)-long${E}`),
    make(m) {
      const unit = unitOf(m[1].toLowerCase().replace(/ie$/, 'y'));
      if (!unit) return null;
      return cand(m.index, m.index + m[0].length, 'rule/unit-long', () => res('DURATION', durationValue(m[2] ? null : 1, unit), ['unit'], [], null), 1);
    },
  });

  // "two-year", "10-year", "24-hour" (adjectives: "a two-year plan")
  rules.push({
    name: 'rule/duration-adjective',
    reason: 'a hyphenated quantity-unit adjective is a DURATION (but "46-year-old" is an age)',
    pattern: re(`${B}(${NUM.replace(/\[- \]/g, '-')}|several|multi)-(${UNIT_SING})(?![\\p{L}\\p{N}]|-old|-long)`),
    make(m) {
      const num = m[1].toLowerCase() === 'several' || m[1].toLowerCase() === 'multi' ? null : parseNum(m[1]);
      if (m[1].toLowerCase() === 'a' || m[1].toLowerCase() === 'an') return null;
      const unit = unitOf(m[2]);
      if (unit === 'Q' || unit === 'WE') return null;
      const value = durationValue(num, unit);
      return cand(m.index, m.index + m[0].length, 'rule/duration-adjective', () => res('DURATION', value, ['quantity', 'unit'], [], null));
    },
  });

  // "this week", "last month", "next year", "the current quarter", "the following year"
  rules.push({
    name: 'rule/relative-unit',
    reason: 'a deictic determiner and a calendar unit name one week/month/quarter/year around the anchor',
    pattern: re(`${B}(?:(the)\\s+)?(this|last|next|past|coming|previous|following|current|same|that|prior|upcoming|preceding|this\\s+past|latest|most\\s+recent)\\s+(?:(fiscal|calendar)\\s+)?(week|month|year|quarter|decade|century|weekend)(?![\\p{L}\\p{N}-])`),
    make(m, text) {
      if (/^\p{Lu}/u.test(m[4])) return null; // "This Week With David Brinkley": a title
      const the = !!m[1];
      // "the last decade of the 20th century", "the last week of the campaign", "the past year
      // of his life": a part of something else named after "of", not the unit before the report
      if (the && /^(?:last|past|final|first)$/i.test(m[2]) && /^\s+of\s+(?:the|his|her|its|their|this|that)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
      // "this quarter's loss" in an earnings report: the results are those of the quarter
      // reported, which is over
      const resultsOfThisQuarter = !m[1] && /^this$/i.test(m[2]) && /^quarter$/i.test(m[4]) && /^['’]s\s/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
      const dir = m[2].toLowerCase().replace(/\s+/g, ' ');
      const unit = m[4].toLowerCase();
      const start = m.index;
      const end = m.index + m[0].length;
      // "the latest (fiscal) year" is the last one completed, like "last year"; "the latest
      // quarter" is the quarter rule's (it knows the report's quarter)
      const latest = dir === 'latest' || dir === 'most recent';
      if (latest && (!the || unit === 'quarter' || unit === 'weekend')) return null;
      // "the past year", "the last decade", even "over the past year": TimeBank and AQUAINT
      // annotate these as the previous calendar unit (DATE 1997), like "last year", not as a
      // DURATION, so they fall through to the shift below.
      let shift = 0;
      let anchored = false;
      if (['last', 'past', 'previous', 'prior', 'preceding', 'this past', 'latest', 'most recent'].includes(dir)) shift = -1;
      // "the past week" is the seven days up to the report, which annotators give the
      // report's own week
      if (the && (dir === 'past' || dir === 'last') && unit === 'week') shift = 0;
      else if (['next', 'coming', 'upcoming', 'following'].includes(dir)) shift = 1;
      if (the && ['previous', 'prior', 'preceding', 'following', 'next', 'same'].includes(dir)) anchored = true;
      if (dir === 'that') anchored = true;
      if (the && dir === 'next') anchored = true;
      return cand(start, end, 'rule/relative-unit', (env) => {
        if (resultsOfThisQuarter && env.quarterRef) return res('DATE', quarterValue(env.quarterRef.y, env.quarterRef.q), ['unit', 'direction'], ['quarter'], env.quarterRef.id);
        let ref = env.dct;
        let anchor: string | null = env.dct ? 'dct' : null;
        if (anchored) {
          if (unit === 'year' && env.last.year) { ref = { y: env.last.year.y, m: 6, d: 15 }; anchor = env.last.year.id; }
          else if (unit === 'month' && env.last.month) { ref = { y: env.last.month.y, m: env.last.month.m, d: 15 }; anchor = env.last.month.id; }
          else if ((unit === 'week' || unit === 'weekend') && env.last.day) { ref = env.last.day.p; anchor = env.last.day.id; }
          else if (unit === 'quarter' && env.last.quarter) { ref = { y: env.last.quarter.y, m: env.last.quarter.q * 3 - 1, d: 15 }; anchor = env.last.quarter.id; }
        }
        const stated = ['unit', 'direction'];
        if (!ref) {
          const under: Record<string, string> = { week: 'XXXX-WXX', weekend: 'XXXX-WXX-WE', month: 'XXXX-XX', year: 'XXXX', quarter: 'XXXX-QX', decade: 'XXX', century: 'XX' };
          return res('DATE', shift < 0 ? 'PAST_REF' : shift > 0 ? 'FUTURE_REF' : under[unit] ?? 'PRESENT_REF', stated, [], null);
        }
        let value: string;
        switch (unit) {
          case 'week': value = weekValue(addDays(ref, 7 * shift)); break;
          case 'weekend': {
            let k = shift;
            if (shift === 0 && dir !== 'that' && dir !== 'same') {
              // "this weekend" in a Monday report, told in the past tense, is the one just gone
              const wd = (new Date(Date.UTC(ref.y, ref.m - 1, ref.d)).getUTCDay() + 6) % 7 + 1;
              if (wd < 5 && env.tense() === 'past') k = -1;
            }
            value = weekValue(addDays(ref, 7 * k)) + '-WE';
            break;
          }
          case 'month': { const p = addMonths(ref, shift); value = monthValue(p.y, p.m); break; }
          case 'year': value = yearValue(ref.y + shift); break;
          case 'quarter': { const s = shiftCycle(ref.y, quarterOf(ref.m), shift, 4); value = quarterValue(s.y, s.i); break; }
          case 'decade': value = String(Math.floor(ref.y / 10) + shift); break;
          default: value = String(Math.floor(ref.y / 100) + shift); break;
        }
        return res('DATE', value, stated, [unit === 'year' ? 'year' : 'calendar'], anchor);
      }, 2);
    },
  });

  // "the weekend"
  rules.push({
    name: 'rule/weekend',
    reason: '"the weekend" in news is the nearest weekend, the past one when told in the past tense',
    // (a bare "weekend" before a noun, "Weekend talks failed", "weekend violence", is the same
    // weekend; not after a word that makes it another one, "a weekend trip", "every weekend")
    pattern: re(`${B}(?:the\\s+weekend|weekend(?=\\s+\\p{Ll}))${E}`),
    make(m, text) {
      if (!/^the/i.test(m[0]) && /(?:^|[^\p{L}])(?:a|an|one|every|each|per)\s+(?:[\p{L}-]+\s+)?$|(?:^|[^\p{L}])(?:this|that|last|next|of|and|or)\s+$|['’]s\s+$/iu.test(text.slice(Math.max(0, m.index - 24), m.index))) return null;
      // "The Weekend Edition", "Weekend Update": a programme's name
      if (/Weekend$/.test(m[0]) && /^\s+\p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
      // "since the weekend" looks back whatever the verb
      const since = /\bsince\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index));
      return cand(m.index, m.index + m[0].length, 'rule/weekend', (env) => {
        if (!env.dct) return res('DATE', 'XXXX-WXX-WE', ['unit'], [], null);
        const wd = (new Date(Date.UTC(env.dct.y, env.dct.m - 1, env.dct.d)).getUTCDay() + 6) % 7 + 1;
        // Monday to Thursday: the weekend gone unless the verb looks ahead; on a Friday the
        // coming one unless the verb looks back; on the weekend itself, that weekend
        const t = wd <= 5 ? (since ? 'past' : env.tense()) : null;
        const k = wd < 5 ? (t !== 'future' ? -1 : 0) : wd === 5 && t === 'past' ? -1 : 0;
        return res('DATE', weekValue(addDays(env.dct, 7 * k)) + '-WE', ['unit'], ['week'], 'dct');
      });
    },
  });

  // "today", "yesterday morning", "tonight", "last night", "this afternoon"
  rules.push({
    name: 'rule/day-relative',
    reason: 'deictic day words are offsets from the document date',
    pattern: re(`${B}(?:(today|yesterday|tomorrow|tonight|the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow)(?:\\s+(morning|afternoon|evening|night))?|(this|last|tomorrow|yesterday)\\s+(morning|afternoon|evening|night))${E}`),
    make(m, text) {
      const word = (m[1] ?? m[3]).toLowerCase().replace(/\s+/g, ' ');
      const part = (m[2] ?? m[4])?.toLowerCase();
      if (word === 'last' && part !== 'night' && part !== 'evening') return null; // "last morning" is odd
      // "USA Today", "VOA Today": a capitalised "Today" after a capitalised word inside a
      // sentence ends a name (a paper, a programme)
      // "a brighter tomorrow", "a better today": the noun of hopes, no day
      if ((word === 'tomorrow' || word === 'today') && !part && /\ban?\s+(?:\p{L}+er|bright|new|different|good)\s+$/iu.test(text.slice(Math.max(0, m.index - 20), m.index))) return null;
      // "CBS This Morning", "The Tonight Show": a capitalised day word after a capitalised word
      // inside a sentence ends a programme's name
      if (/^T(?:his\s+(?:Morning|Afternoon|Evening)|onight)$/.test(m[0]) && /\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(Math.max(0, m.index - 20), m.index)) && !/(?:^|[.!?:"“”'’]\s*)\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(Math.max(0, m.index - 20), m.index))) return null;
      if (m[1] === 'TODAY' && /\p{Lu}{2,}\s+$/u.test(text.slice(Math.max(0, m.index - 10), m.index))) return null; // "USA TODAY"
      if (/^T(?:oday|ODAY)$/.test(m[1] ?? '') && /\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(Math.max(0, m.index - 20), m.index)) && !/(?:^|[.!?:"“”'’]\s*)\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(Math.max(0, m.index - 20), m.index))) return null;
      if ((word === 'today' || word === 'tomorrow') && !part) {
        // the generic sense, "nowadays" / "the future", is no day: "today's youth", "in
        // today's world", "many of today's computers", "the people of tomorrow"
        const end = m.index + m[0].length;
        const after = text.slice(end, end + 24);
        const before = text.slice(Math.max(0, m.index - 16), m.index);
        if (/^['’]s\s+(?:world|youth|society|generation|generations|young|kids|children|teenagers|students|parents|families|culture|standards|technology)\b/i.test(after)) return null;
        if (/\b(?:many|most|all|some|much)\s+of\s+$/i.test(before) && /^['’]s\s/.test(after)) return null;
        if (word === 'tomorrow' && /\p{L}\s+of\s+$/u.test(before) && !/^['’]s/.test(after)) return null;
      }
      const offset: Record<string, number> = { today: 0, tonight: 0, this: 0, yesterday: -1, last: -1, tomorrow: 1, 'the day before yesterday': -2, 'the day after tomorrow': 2 };
      const dp = part ? lex.dayParts[part] : word === 'tonight' ? 'NI' : null;
      const n = offset[word];
      return cand(m.index, m.index + m[0].length, 'rule/day-relative', (env) => {
        const day = dayValue(env.dct ? addDays(env.dct, n) : null);
        return res(dp ? 'TIME' : 'DATE', dp ? `${day}T${dp}` : day, dp ? ['offset', 'day-part'] : ['offset'], ['year', 'month', 'day'], env.dct ? 'dct' : null);
      }, 2);
    },
  });

  // "Dealers placed buy orders in the morning", "In the evening, he spoke"
  rules.push({
    name: 'rule/narrative-day-part',
    reason: 'a bare part of the day after a preposition is a part of the day the text is telling of',
    pattern: re(`(?=the\\s)(?<=${B}(?:in|during|by|until|through)\\s+)the\\s+(morning|afternoon|evening)(?!\\s+(?:of|after|before)\\b)${E}`),
    make(m) {
      const dp = lex.dayParts[m[1].toLowerCase()];
      return cand(m.index, m.index + m[0].length, 'rule/narrative-day-part', (env) => {
        // only where a day was named in this sentence or the one before; otherwise the phrase is
        // generic ("she works in the morning") and left untagged
        const day = env.last.day;
        if (!day || day.si == null || env.sentence == null || env.sentence - day.si > 1) return null;
        return res('TIME', `${dayValue(day.p)}T${dp}`, ['day-part'], ['year', 'month', 'day'], day.id);
      }, 1);
    },
  });

  // "the previous day", "the next morning", "that day", "the same day", "the day before."
  rules.push({
    name: 'rule/anchored-day',
    reason: 'a day named from another day is resolved against the last date the text mentioned',
    pattern: re(`${B}(?:(the\\s+(?:previous|preceding|following|next|same|prior|very\\s+same)|that(?:\\s+(?:same|very))?)\\s+(day|morning|afternoon|evening|night)|the\\s+day\\s+(before|after)(?=\\s*[.,;:!?]))${E}`),
    make(m) {
      const which = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      const part = m[2]?.toLowerCase();
      let shift = 0;
      if (/previous|preceding|prior/.test(which) || m[3]?.toLowerCase() === 'before') shift = -1;
      else if (/following|next/.test(which) || m[3]?.toLowerCase() === 'after') shift = 1;
      const dp = part && part !== 'day' ? lex.dayParts[part] : null;
      const demonstrative = /^that\b/.test(which);
      return cand(m.index, m.index + m[0].length, 'rule/anchored-day', (env) => {
        const month = env.last.month;
        const near = (si: number | undefined) => si != null && env.sentence != null && env.sentence - si <= 1;
        // a day still ahead of the report is no antecedent of one told in the past ("on Election
        // Day, I will vote for …" … "At a breakfast the following morning, Cruz said …"): a month
        // named after it (if any) is what the text went back to
        const dayAhead = !!env.last.day && !!env.dct && dayValue(env.last.day.p) > dayValue(env.dct) && env.tense() === 'past';
        const named = dayAhead ? undefined : env.last.day;
        // the date just told of (in this sentence or the one before) is a month ("killed last
        // October … crossed out that same day"): the day is one of that month, which one
        // unknown (TIMEX3 `1998-10-XX`)
        // (a month still ahead of the report is no antecedent of a day told in the past: "'not
        // going to be over in February or March,' … The strategy outlined that day")
        const monthAhead = !!month && !!env.dct && month.y * 12 + month.m > env.dct.y * 12 + env.dct.m;
        const monthJustTold = month && (near(month.si) || (dayAhead && idOrder(month.id) > idOrder(env.last.day!.id))) && (!named || idOrder(month.id) > idOrder(named.id)) && !(monthAhead && env.tense() === 'past');
        // "that day" points back at a day the text has told of; in a text that has named no day
        // (nor just a month) it is a generic one ("On days when prices tumble, … trades made
        // that day"), no date a reader could give
        if ((demonstrative || dayAhead) && !named && !monthJustTold) return null;
        if (monthJustTold && month) {
          return res(dp ? 'TIME' : 'DATE', `${monthValue(month.y, month.m)}-XX${dp ? `T${dp}` : ''}`, ['offset'], ['year', 'month'], month.id);
        }
        const base = named?.p ?? env.dct;
        const anchor = named?.id ?? (env.dct ? 'dct' : null);
        const day = dayValue(base ? addDays(base, shift) : null);
        return res(dp ? 'TIME' : 'DATE', dp ? `${day}T${dp}` : day, ['offset'], ['year', 'month', 'day'], anchor);
      }, 2);
    },
  });

  // "Today is the eighth day of Desert Shield", "It's the second day of an offensive"
  rules.push({
    name: 'rule/nth-day-today',
    reason: 'an ordinal day said of today is the report\'s day',
    pattern: re(`(?=the\\s)(?<=${B}(?:today\\s+is|it\\s+is|it['’]s|this\\s+is)\\s+)the\\s+(${ORD})\\s+(?:straight\\s+|consecutive\\s+|full\\s+)?day${E}`),
    make(m) {
      return cand(m.index, m.index + m[0].length, 'rule/nth-day-today', (env) => res('DATE', dayValue(env.dct), ['ordinal'], ['year', 'month', 'day'], env.dct ? 'dct' : null), 1);
    },
  });

  // "they will have to live without it for a while"
  rules.push({
    name: 'rule/a-while',
    reason: '"for a while" measures a stretch of time of no stated unit (TIMEX3 PXX)',
    pattern: re(`(?=quite\\s|a\\s)(?<=${B}for\\s+)(?:quite\\s+)?a\\s+while(?![\\p{L}\\p{N}-])(?!\\s+(?:ago|back|longer|now)\\b)`),
    make(m) {
      return cand(m.index, m.index + m[0].length, 'rule/a-while', () => res('DURATION', 'PXX', ['vague'], [], null), 1);
    },
  });

  // "Until then, the stock remains convertible", "By then the rebels had left"
  rules.push({
    name: 'rule/anaphoric-then',
    reason: '"then" after a preposition of a limit refers back to the last date the text named',
    // "since then" opens a stretch up to now, which the corpora (3 of 3) leave untagged like
    // the adverb "then" of a sequence ("and then")
    pattern: re(`(?=then)(?<=${B}(?:until|till|by|before)\\s+)then(?![\\p{L}\\p{N}-])`),
    make(m) {
      return cand(m.index, m.index + m[0].length, 'rule/anaphoric-then', (env) => {
        const latest = env.last.latest;
        // the date must have just been told of (this sentence or the one before): "then" after a
        // clause of its own ("only when a woman can run … will it be over. Until then, …")
        // refers to that clause's event, not to a date named further back
        if (!latest || latest.si == null || env.sentence == null || env.sentence - latest.si > 1) return null;
        return res(/T/.test(latest.value) ? 'TIME' : 'DATE', latest.value, [], ['year', 'month', 'day'], latest.id);
      }, 1);
    },
  });

  // "the summit on April 24 and 25", "from March 3 to 5", "Oct. 5-6, 1998": the second day of
  // a pair or range is a date of its own, in the month (and year) of the first
  const MONTH_ANY = alternation(Object.keys(lex.months));
  rules.push({
    name: 'rule/coordinated-day',
    reason: 'a bare day number joined to a month-day ("April 24 and 25") is a day of that month',
    // (matched forward from the month: a leading lookbehind would be tried at every position)
    pattern: new RegExp(`${B}(?:${MONTH_ANY})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:and|or|to|through|-|–)\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(${YEAR}))?(?![\\p{L}\\p{N}])(?:(?<=\\d[-–]\\d{1,2}(?:,?\\s+\\d{4})?)|(?=\\s*(?:[.,;:)!?'"”’]|$)|\\s+(?:in|at|on|and|or|when|as|for|of|this|next|last|with|before|after|to)\\b))`, 'giud'),
    make(m) {
      const first = +m[1];
      const day = +m[2];
      // "on Jan. 6 and 25 people died" reads the number as a count: the second day follows
      // the first, and a count is mostly followed by its noun (the lookahead above; a range
      // written "14-15" is a range whatever follows)
      if (day <= first || day > 31) return null;
      const monthWord = /^([\p{L}]+)/u.exec(m[0]);
      const mm = monthWord ? lex.months[monthWord[1].toLowerCase()] : undefined;
      if (!mm) return null;
      const year = m[3] ? +m[3] : null;
      const from = m.indices![2][0];
      return cand(from, m.index + m[0].length, 'rule/coordinated-day', (env) => {
        const prev = env.last.day;
        // the first day's year (the first day was read just before); else the stated one
        const y = year ?? (prev && prev.p.m === mm && prev.p.d === first ? prev.p.y : null);
        if (y == null) return env.dct ? null : res('DATE', `XXXX-${String(mm).padStart(2, '0')}-${String(day).padStart(2, '0')}`, ['month', 'day'], [], null);
        return res('DATE', dayValue({ y, m: mm, d: day }), year ? ['year', 'month', 'day'] : ['month', 'day'], year ? [] : ['year'], year ? null : prev!.id);
      }, 2);
    },
  });

  // "the second quarter ended Oct. 31", "the fiscal year ending June 30, 1990": a period's end
  const ENDED_MONTH = new RegExp(`^\\s+(ended|ending)\\s+(?:in\\s+)?(${alternation(Object.keys(lex.months))})\\.?(?:\\s+(?:\\d{1,2})(?!\\d))?(?:,?\\s+(${YEAR}))?`, 'i');
  const ENDED_DATE = new RegExp(`^\\s+(ended|ending)\\s+(${alternation(Object.keys(lex.months))})\\.?\\s+(\\d{1,2})(?!\\d)(?:,?\\s+(${YEAR}))?`, 'i');
  /** The year of a period's stated end: the year written, else for "ended" the last such day by
   *  the report's date (a fiscal second quarter "ended Oct. 31" in an October 27 report is the
   *  year before's), for "ending" the next. */
  const endYear = (e: RegExpExecArray, dct: Ymd | null): number | null => {
    if (e[4]) return +e[4];
    if (!dct) return null;
    const mm = lex.months[e[2].toLowerCase()];
    const dd = +e[3];
    const after = mm * 31 + dd > dct.m * 31 + dct.d;
    if (e[1].toLowerCase() === 'ended') return after ? dct.y - 1 : dct.y;
    return after ? dct.y : dct.y + 1;
  };
  /** "the comparable year-ago quarter, the second quarter ended Oct. 31": an apposition names the quarter. */
  const QUARTER_APPOSITION = new RegExp(`^\\s*,\\s+(?:the\\s+|its\\s+)?(?:fiscal[- ])?(${ORD})[- ](?:fiscal[- ])?quarter(?![\\p{L}-])`, 'iu');

  // "the last half of 1989", "the final quarter of the year": the year's second half, fourth
  // quarter (not "the last quarter" alone, which is the one before the report's)
  rules.push({
    name: 'rule/last-part-of-year',
    reason: 'the last half or quarter of a named year is its second half or fourth quarter; its first two quarters its first half',
    // "the first two quarters of 1990" is the year's first half
    pattern: re(`${B}(?:(${MODQ})\\s+)?the\\s+(?:(last|final)\\s+(half|quarter)|(first|last|final)\\s+two\\s+quarters)\\s+of\\s+(?:fiscal\\s+)?(?:(${YEAR})|(the|this)\\s+year)${E}`),
    make(m) {
      // ("through at least the first two quarters of 1990": the modifier stays in the extent, as
      // the duration rule would keep it, and becomes the mod)
      const mod = m[1] ? lex.quantityMods[m[1].toLowerCase().replace(/\s+/g, ' ')] ?? null : null;
      const half = m[3]?.toLowerCase() === 'half' || !!m[4];
      const which = half && m[4]?.toLowerCase() === 'first' ? 1 : 2;
      const named = m[5] ? +m[5] : null;
      return cand(m.index, m.index + m[0].length, 'rule/last-part-of-year', (env) => {
        const y = named ?? env.dct?.y ?? null;
        return res('DATE', half ? `${yearValue(y)}-H${which}` : quarterValue(y, 4), ['unit', named ? 'year' : 'ordinal'], named ? [] : ['year'], named || !env.dct ? null : 'dct', mod);
      }, 2);
    },
  });

  // "the third quarter", "third-quarter", "the year-ago quarter", "the first half of 1998"
  const QUAL = '(?:latest|current|recent|year-ago|year-earlier|comparable|corresponding|same|fiscal|previous|prior|flat|strong|weak|final|most\\s+recent)';
  rules.push({
    name: 'rule/quarter',
    reason: 'financial news names quarters and halves; without a year they are the reported ones',
    pattern: re(`${B}(?:(the|its|their|a|this\\s+year's|last\\s+year's|next\\s+year's|(?:the\\s+|(?:fiscal\\s+)?(?=\\d{4}['’]s\\s))(${YEAR})(?:['’]s)?)\\s+)?((?:${QUAL}[- ]){0,3})(?:(${ORD})[- ](?:fiscal[- ])?)?(quarter|half|period)(?!-)(?:(?:(?<=quarter|half)\\s+|\\s+of\\s+)(?:fiscal\\s+)?(${YEAR})|(?:(?<=quarter|half)\\s+of)?\\s+(last\\s+year|this\\s+year|next\\s+year)|\\s+of\\s+(the|this)\\s+year)?${E}`),
    make(m, text) {
      const det = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      const detYear = m[2] ? +m[2] : null;
      const qual = (m[3] ?? '').toLowerCase();
      const ord = m[4]?.toLowerCase();
      const kind = m[5].toLowerCase();
      const ofYear = m[6] ? +m[6] : null;
      // "the first half of this year" is this year's; "… of the year" the one the report is about
      const relYear = m[7]?.toLowerCase().replace(/\s+/g, ' ') ?? (m[8]?.toLowerCase() === 'this' ? 'this year' : undefined);
      const n = ord ? lex.ordinals[ord] : null;
      if (kind === 'half' && (n == null || n > 2)) return null;
      // a half of a game ("the first half ended 0 – 0", "two minutes into the second half"): a
      // bare half in a sports report is no half of a year
      if (kind === 'half' && !m[6] && !m[7] && !m[8] && !m[2] && !/fiscal/i.test(m[0])
        && /\b(?:scored|scoring|goals?|goalkeeper|minutes?|match|game|half-?time|penalty|referee|scoreboard|kick-?off|striker|\d+\s*[–-]\s*\d+)\b/i.test(text.slice(Math.max(0, m.index - 150), m.index + m[0].length + 150))) return null;
      // "the second half of the decade", "the first half of the game": no half of a year
      if (kind === 'half' && /^\s+of\s+(?!(?:the\s+|this\s+|fiscal\s+|calendar\s+)?(?:year|\d{4}))/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) return null;
      if (kind === 'quarter' && n != null && n > 4) return null;
      if (kind === 'period' && !/year-ago|year-earlier|comparable|corresponding|same|latest/.test(qual) && detYear == null) return null;
      if (kind === 'quarter' && !det && !qual && n == null) return null;
      if (det === 'a' && n == null && !qual) return null;
      if (kind === 'period' && n != null) return null;
      // "the same period a year earlier", "the same quarter last year": the year-ago one
      const sameYearAgo = /same/.test(qual) && /^\s+(?:a|one)\s+year\s+(?:earlier|ago|before)\b|^\s+(?:of\s+)?last\s+year\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24));
      const yearAgo0 = /year-ago|year-earlier|comparable|corresponding/.test(qual) || det === "last year's" || relYear === 'last year';
      // The article and possessive belong to the noun phrase, not to the time: TimeBank tags
      // "a third-quarter loss" and "its fourth quarter" without them; a hyphenated quarter
      // used as an adjective ("the third-quarter results") leaves out "the" as well.
      const adjective = /-(?:fiscal-)?quarter$/i.test(m[0]) && !ofYear && !relYear;
      const dropDet = det === 'a' || det === 'its' || det === 'their' || (det === 'the' && adjective);
      const qStart = dropDet ? m.index + m[0].indexOf(m[1]) + m[1].length + (/^\s+/.exec(m[0].slice(m[0].indexOf(m[1]) + m[1].length))?.[0].length ?? 0) : m.index;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
      // the term of a comparison ("expect this quarter to be better than the fourth quarter")
      // is a quarter already reported, whatever the forecast around it
      const compared = /(?:^|[^\p{L}])(?:than|compared\s+(?:with|to)|against|versus|vs\.?)\s+$/iu.test(text.slice(Math.max(0, m.index - 16), m.index));
      const ahead = (env: ResolveEnv) => !compared && env.tense() === 'future';
      // a quarter with its end date: the year is the end date's (fiscal quarters are not the
      // calendar's: "its fourth quarter ended June 30")
      const ended = kind === 'quarter' && n != null ? ENDED_DATE.exec(after) : null;
      // "the quarter ending in March", "the quarter ended June 30": with no ordinal, and no
      // quarter named before, a quarter that ends with a calendar quarter's last month is that
      // calendar quarter
      const endedMonth = kind === 'quarter' && n == null && !qual.trim() ? ENDED_MONTH.exec(after) : null;
      const appos = kind !== 'half' && n == null && /year-ago|year-earlier|comparable|corresponding/.test(qual) ? QUARTER_APPOSITION.exec(after) : null;
      const apposEnded = appos ? ENDED_DATE.exec(after.slice(appos[0].length)) : null;
      return cand(qStart, m.index + m[0].length, 'rule/quarter', (env) => {
        const dct = env.dct;
        // (only once the report has named a quarter: "the same period a year ago" after "the
        // four weeks ended February 27" is no quarter at all)
        const yearAgo = yearAgo0 || (sameYearAgo && env.quarterRef != null);
        if (ended && ofYear == null && detYear == null && !relYear && !det?.includes('year')) {
          const ey = endYear(ended, dct);
          if (ey != null) return res('DATE', quarterValue(ey, n!), ['unit', 'quarter', 'end'], ['year'], dct ? 'dct' : null);
        }
        // (a report that named its fiscal quarter, "fiscal first quarter", keeps that one: the
        // company's quarters need not be the calendar's)
        if (endedMonth && !env.quarterRef && ofYear == null && detYear == null && !relYear && det === 'the') {
          const mm = lex.months[endedMonth[2].toLowerCase()];
          if (mm % 3 === 0 && dct) {
            const y = endedMonth[3] ? +endedMonth[3]
              : endedMonth[1].toLowerCase() === 'ended' ? (mm > dct.m ? dct.y - 1 : dct.y) : (mm < dct.m ? dct.y + 1 : dct.y);
            return res('DATE', quarterValue(y, mm / 3), ['unit', 'end'], ['year'], 'dct');
          }
        }
        if (appos && apposEnded && ofYear == null && detYear == null) {
          const ey = endYear(apposEnded, dct);
          if (ey != null) return { ...res('DATE', quarterValue(ey, lex.ordinals[appos[1].toLowerCase()]), ['unit', 'quarter', 'end'], ['year'], dct ? 'dct' : null), remember: false };
        }
        let y: number | null = ofYear ?? detYear ?? null;
        const stated = ['unit'];
        const inferred: string[] = [];
        if (y != null) stated.push('year');
        if (kind === 'half') {
          // a second half still ahead of the report is the year before's, unless the clause looks
          // ahead ("expects to close the deal in the second half of the year" in a March report)
          if (y == null) { y = dct ? dct.y - (dct.m <= 6 && n === 2 && !ahead(env) ? 1 : 0) : null; inferred.push('year'); }
          if (det === "this year's" || relYear === 'this year') y = dct?.y ?? null;
          if (yearAgo && y != null) y -= 1;
          return res('DATE', `${yearValue(y)}-H${n}`, [...stated, 'half'], inferred, dct ? 'dct' : null);
        }
        let q = n;
        let anchor: string | null = dct ? 'dct' : null;
        if (q == null) {
          // "the quarter", "the latest period": the quarter the report is about
          // "the latest / most recent quarter" is the last one completed by the report's date,
          // even after a forecast has named the current one ("fourth-quarter sales … fell in
          // the latest quarter").
          const latest = /latest|most\s+recent/.test(qual) && dct != null;
          const ref = latest ? lastCompletedQuarter(dct) : env.quarterRef ?? (dct ? lastCompletedQuarter(dct) : null);
          if (!ref) return res('DATE', 'XXXX-QX', stated, [], null);
          if (env.quarterRef && !latest) anchor = env.quarterRef.id;
          if (/current/.test(qual) && dct) { q = quarterOf(dct.m); y = dct.y; }
          else { q = ref.q; y = y ?? ref.y; }
          inferred.push('quarter');
        } else if (y == null) {
          if (det === "this year's" || relYear === 'this year') y = dct?.y ?? null;
          else if (det === "next year's" || relYear === 'next year') y = dct ? dct.y + 1 : null;
          else if (yearAgo && env.quarterRef) y = env.quarterRef.y;
          else if (dct) y = q > quarterOf(dct.m) && !ahead(env) ? dct.y - 1 : dct.y;
          inferred.push('year');
        }
        if (yearAgo && y != null && det !== "last year's" && relYear !== 'last year') {
          return { ...res('DATE', quarterValue(y - 1, q), stated, inferred, anchor), remember: false };
        }
        else if ((det === "last year's" || relYear === 'last year') && y != null && ofYear == null && detYear == null) y = (n == null ? y : dct?.y ?? y + 1) - 1;
        return res('DATE', quarterValue(y, q), n != null ? [...stated, 'quarter'] : stated, inferred, anchor);
      }, 2);
    },
  });

  // "on the 15th", "by the 3rd": a day of the month the text is telling of (or the report's)
  rules.push({
    name: 'rule/day-of-month',
    reason: 'an ordinal day alone is that day of the month just told of, or of the report\'s month',
    pattern: /(?=[obustfa])(?<![\p{L}\p{N}])(?:on|by|until|till|since|from|before|after)\s+(the\s+(\d{1,2})(?:st|nd|rd|th))(?![\p{L}\p{N}])/giu,
    make(m, text) {
      const day = +m[2];
      if (day < 1 || day > 31) return null;
      const end = m.index + m[0].length;
      // "on the 15th floor", "since the 19th century", "by the 3rd of May" (chrono's)
      if (!/^\s*(?:[.,;:!?)]|$|\s(?:and|or|to|through|at|when|as|after|before|until|of\s+(?:this|that|the|last|next)\s+month)\b)/i.test(text.slice(end, end + 30))) return null;
      const start = m.index + m[0].length - m[1].length;
      // "the 1st of next month": one expression, in that month
      const ofMonth = /^\s+of\s+(this|that|the|last|next)\s+month(?![\p{L}])/iu.exec(text.slice(end, end + 24));
      const shift = ofMonth ? ({ last: -1, next: 1 } as Record<string, number>)[ofMonth[1].toLowerCase()] ?? 0 : null;
      return cand(start, end + (ofMonth && ofMonth[1].toLowerCase() !== 'that' && ofMonth[1].toLowerCase() !== 'the' ? ofMonth[0].length : 0), 'rule/day-of-month', (env) => {
        const dct = env.dct;
        if (shift != null && dct && ofMonth![1].toLowerCase() !== 'that' && ofMonth![1].toLowerCase() !== 'the') {
          return res('DATE', dayValue({ ...addMonths({ y: dct.y, m: dct.m, d: 1 }, shift), d: day }), ['day', 'month'], ['year'], 'dct');
        }
        const told = env.last.month && env.last.month.si != null && env.sentence != null && env.sentence - env.last.month.si <= 1 ? env.last.month : null;
        if (told) return res('DATE', dayValue({ y: told.y, m: told.m, d: day }), ['day'], ['year', 'month'], told.id);
        if (!dct) return res('DATE', `XXXX-XX-${String(day).padStart(2, '0')}`, ['day'], [], null);
        const t = env.tense();
        let p = { y: dct.y, m: dct.m, d: day };
        if (t === 'past' && day > dct.d) p = { ...addMonths({ y: dct.y, m: dct.m, d: 1 }, -1), d: day };
        else if (t === 'future' && day < dct.d) p = { ...addMonths({ y: dct.y, m: dct.m, d: 1 }, 1), d: day };
        return res('DATE', dayValue(p), ['day'], ['year', 'month'], 'dct');
      });
    },
  });

  // "Q4", "Q1 2013", "3Q", "H1 2012", "FY2013": the abbreviations business news uses for
  // quarters, halves and fiscal years (capital letters only: "q4" is no quarter)
  rules.push({
    name: 'rule/quarter-abbrev',
    reason: 'Q4 / 3Q / H1 / FY2013 name quarters, halves and fiscal years as the spelled-out forms do',
    pattern: new RegExp(`(?=[QHF1-4])${B}(?:(?:Q([1-4])|([1-4])Q|H([12]))(?:\\s+(?:of\\s+)?(?:fiscal\\s+|FY\\s*)?((?:19|20)\\d\\d)|\\s*['’](\\d\\d))?|FY\\s*-?((?:19|20)\\d\\d|['’]?\\d\\d))${E}`, 'gu'),
    make(m, text) {
      const q = m[1] ?? m[2];
      const h = m[3];
      const yS = m[4] ?? (m[5] ? `20${m[5]}` : undefined);
      // without a year, only where a time goes ("in Q4", "the Q4 figures", "Q4 profit"), not a
      // seat or a model ("Seat 4Q", "the Audi Q5" has no quarter 5 anyway)
      if (m[6] == null && yS == null
        && !/(?:^|[^\p{L}])(?:in|the|its|their|for|of|during|through|and|or|to|from|by|a|since|until)\s+$/iu.test(text.slice(Math.max(0, m.index - 8), m.index))
        && !/^\s+(?:results|earnings|profits?|sales|revenues?|loss(?:es)?|figures|growth|numbers|guidance|output|GDP)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 14))) return null;
      if (m[6] != null) {
        const d = m[6].replace(/^['’]/, '');
        const y = d.length === 4 ? +d : 2000 + +d;
        return cand(m.index, m.index + m[0].length, 'rule/quarter-abbrev', () => res('DATE', yearValue(y), ['year'], [], null), 2);
      }
      return cand(m.index, m.index + m[0].length, 'rule/quarter-abbrev', (env) => {
        const dct = env.dct;
        let y = yS != null ? +yS : null;
        const inferred: string[] = [];
        if (y == null) {
          inferred.push('year');
          if (dct) {
            const ahead = q != null ? +q > quarterOf(dct.m) : +h! === 2 && dct.m <= 6;
            y = ahead && env.tense() !== 'future' ? dct.y - 1 : dct.y;
          }
        }
        if (h != null) return res('DATE', `${yearValue(y)}-H${h}`, ['unit', 'half', ...(yS ? ['year'] : [])], inferred, yS ? null : dct ? 'dct' : null);
        return res('DATE', quarterValue(y, +q!), ['unit', 'quarter', ...(yS ? ['year'] : [])], inferred, yS ? null : dct ? 'dct' : null);
      }, 2);
    },
  });

  // "2005-2010", "the 2012-13 season", "in 1990–95": a range of years is its two ends, each
  // a year of its own (as "from 2005 to 2010" is)
  rules.push({
    name: 'rule/year-range',
    reason: 'a hyphenated range of years is two years',
    pattern: /(?=[12])(?<![\p{L}\p{N}$£€.,:/-])((?:1[6-9]|20)\d\d)\s*[-–]\s*((?:1[6-9]|20)\d\d|\d\d)(?![\p{N}%-]|\.\d|\s*(?:%|percent|per\s+cent|votes?|points?|\p{Lu}))/gu,
    make(m) {
      const y1 = +m[1];
      const y2 = m[2].length === 2 ? Math.floor(y1 / 100) * 100 + +m[2] : +m[2];
      if (y2 <= y1 || y2 - y1 > 60) return null; // a score or a count, not a span of years
      const s2 = m.index + m[0].length - m[2].length;
      return [
        cand(m.index, m.index + m[1].length, 'rule/year-range', () => res('DATE', yearValue(y1), ['year'], [], null), 2),
        cand(s2, s2 + m[2].length, 'rule/year-range', () => res('DATE', yearValue(y2), ['year'], m[2].length === 2 ? ['century'] : [], null), 2),
      ];
    },
  });

  // "the 2014 fiscal year", "its 1987 financial year": the year with its unit is one expression
  // (as "fiscal year 1999" is below, and "the current fiscal year" in the corpora, article and all)
  rules.push({
    name: 'rule/year-fiscal-year',
    reason: 'a year before "fiscal/financial/calendar year" names that (fiscal) year',
    pattern: re(`${B}(?:(the)\\s+)?(${YEAR})\\s+(?:fiscal|financial|calendar|budget|tax)\\s+year(?![\\p{L}\\p{N}-])`),
    make(m, text) {
      if (/[$£€#]\s*$|\d[.,]?$/.test(text.slice(Math.max(0, m.index - 3), m.index))) return null;
      const y = +m[2];
      return cand(m.index, m.index + m[0].length, 'rule/year-fiscal-year', () => res('DATE', String(y), ['year'], [], null), 2);
    },
  });

  // "fiscal 1998", "fiscal year 1999", "the year 2000", "mid-1998", "early 1999", "1998",
  // "the post-1959 politics", "pre-1990 rules" (a year with its prefix: after or before it)
  rules.push({
    name: 'rule/year',
    reason: 'a four-digit number is a year only where the words around it say so',
    pattern: re(`${B}(?:(fiscal\\s+year|fiscal|calendar\\s+year|calendar|the\\s+year|model\\s+year)\\s+)?(?:(early|late|mid)(?:-|\\s+)|(pre|post|end|start)-)?(${YEAR}|1[0-4]\\d\\d)(?![\\p{L}\\p{N}]|,\\d|\\.\\d|-\\d|:\\d|/\\d)`),
    make(m, text) {
      const prefix = m[1];
      const pm = m[2]?.toLowerCase();
      const side = m[3]?.toLowerCase();
      const y = +m[4];
      const start = m.index;
      if (y < 1500 && (prefix || pm || side)) return null;
      const end = m.index + m[0].length;
      const before = text.slice(Math.max(0, start - 30), start);
      const after = text.slice(end, end + 40);
      if (/[$£€#]\s*$|\bNo\.\s*$|\bnumber\s+$|\d[.,]?$/i.test(before)) return null;
      if (YEAR_BAD_NEXT.test(after)) return null;
      if (!prefix && !pm && !side) {
        // "a venture called Orion 1980", "Windows 2000", "Vision 2030", "Euro 2016": after a
        // capitalised name word inside a sentence, a year number is part of the name (not after
        // a month, season, weekday or holiday, nor a title-case function word of a headline)
        // (only where the name goes on after the year, "Volvo 1986 Lease Finance Corp", or was
        // introduced as one, "a venture called Orion 1980"; "Carter in Iowa 1976" is a year, and
        // so is an event's, "the Sochi 2014 Winter Olympics")
        const named = /(?:^|[^\p{L}.!?:"“”'’(]\s*)(?<![.!?]\s)\b(\p{Lu}\p{Ll}+)\s+$/u.exec(before);
        if (named && !NAME_BEFORE_YEAR_OK.test(named[1]) && !/(?:^|[.!?:"“”]\s*|\n\s*|\s[-–—]\s+)\p{Lu}\p{Ll}+\s+$/u.test(before)
          && ((/^\s+\p{Lu}\p{Ll}/u.test(after) && !/^\s+(?:Olympics?|Games|Winter|Summer|World|Cup|Elections?|Census|Budget|Summit|Championships?|Open|Expo|Season|Campaign|Crisis|War)\b/.test(after)) || /\b(?:called|named|dubbed|designated|known\s+as|titled|entitled)\s+(?:\p{Lu}\p{Ll}+\s+)+$/u.test(before))) return null;
        const nextOk = YEAR_NEXT_OK.test(after) || YEAR_NEXT_CAPITAL.test(after);
        if (!YEAR_PREV_OK.test(before) && !nextOk) return null;
        const detNoun = /(?:\b(?:a|an|the|that|this|its|his|her|their|our)|\p{L}['’]s)\s+$/iu.test(before) && y >= 1900 && y <= 2039 && y % 100 !== 0;
        if (/^\s+[a-z]+/.test(after) && !detNoun && !nextOk && !/\b(?:in|since|until|till|by|before|after|during|from|through|of|early|late|mid)\s+$/i.test(before)) return null;
        if (y < 1800 && !/\b(?:in|since|until|by|before|after|from|of)\s+$/i.test(before)) return null;
        // ("did so in 1415", "since 1066": before 1500 only after a preposition and at a clause's end)
        if (y < 1500 && !/^\s*(?:[.,;:)!?]|$)|^\s+(?:and|when|until|to)\b/.test(after)) return null;
        // "a survey of 1709 schoolchildren", "of 1500 people": before 1900 and before a plural
        // noun a four-digit number is a count
        if (y < 1900 && /^\s+[a-z]+(?:s|ren|people)\b/.test(after) && !YEAR_NEXT_OK.test(after)) return null;
      }
      // "end-2014", "start-2015" (news wires' hyphenated forms) are the year's end and start
      const mod = pm ? lex.pointMods[pm] : side ? ({ post: 'AFTER', pre: 'BEFORE', end: 'END', start: 'START' } as Record<string, string>)[side] : null;
      return cand(start, end, 'rule/year', () => res('DATE', String(y), ['year'], [], null, mod), 1);
    },
  });

  // "nineteen ninety-six", "two thousand one"
  const TENS_SP = alternation(Object.keys(lex.spelledYears.tens));
  const ONES_SP = alternation(Object.keys(lex.spelledYears.ones));
  rules.push({
    name: 'rule/spelled-year',
    reason: 'broadcast transcripts spell years out',
    pattern: re(`${B}(?:the\\s+year\\s+)?(?:nineteen[- ](${TENS_SP})(?:[- ](${ONES_SP}))?|two\\s+thousand(?:\\s+and)?(?:[- ](${ONES_SP}|${TENS_SP}))?)${E}`),
    make(m) {
      let y: number;
      if (m[0].toLowerCase().includes('nineteen') && m[1]) {
        y = 1900 + lex.spelledYears.tens[m[1].toLowerCase()] + (m[2] ? lex.spelledYears.ones[m[2].toLowerCase()] : 0);
        if (lex.spelledYears.tens[m[1].toLowerCase()] < 20 && m[2]) return null;
      } else {
        const k = m[3]?.toLowerCase();
        y = 2000 + (k ? lex.spelledYears.ones[k] ?? lex.spelledYears.tens[k] : 0);
        if (!k && !/the\s+year/i.test(m[0])) return null; // "two thousand" is usually a number
      }
      return cand(m.index, m.index + m[0].length, 'rule/spelled-year', () => res('DATE', String(y), ['year'], [], null));
    },
  });

  // "the 1990s", "the late '80s", "the nineties", "the 20th century"
  const DECW = alternation(Object.keys(lex.decadeWords));
  rules.push({
    name: 'rule/decade',
    reason: 'decades and centuries are TIMEX3 values of three and two digits',
    pattern: re(`${B}(?:the\\s+)?(?:(early|late|mid)[- ]?)?(?:(1\\d|20)(\\d)0['’]?s|['’](\\d)0['’]?s|(?:nineteen[- ])?(${DECW})|(${ORD}|\\d{1,2}(?:st|nd|rd|th))[- ]century)${E}`),
    make(m) {
      const mod = m[1] ? lex.pointMods[m[1].toLowerCase()] : null;
      let value: string;
      // "the 1800s", "the early 1900s" name a century (1800–1899), as "the 19th century"
      // does; "the 2000s" stays the decade it is mostly said of
      if (m[2]) value = m[3] === '0' && m[2] !== '20' ? m[2] : m[2] + m[3];
      else if (m[4]) value = '19' + m[4];
      else if (m[5]) {
        if (!/^the\s/i.test(m[0]) && !m[1]) return null; // "in his sixties" is an age
        value = '19' + lex.decadeWords[m[5].toLowerCase()];
      } else {
        const o = m[6].toLowerCase();
        const n = lex.ordinals[o] ?? parseInt(o, 10);
        if (!n || n > 22) return null;
        value = String(n - 1).padStart(2, '0');
      }
      return cand(m.index, m.index + m[0].length, 'rule/decade', () => res('DATE', value, ['decade'], [], null, mod), 2);
    },
  });

  const PAIR_SEASON_YEAR = new RegExp(`^\\s*(?:and|or)\\s+(?:the\\s+)?(?:early\\s+|late\\s+)?(?:${SEASON})\\s+(?:of\\s+)?(${YEAR})(?![\\p{L}\\p{N}])`, 'iu');
  // "this summer", "last fall", "the winter of 1994", "in spring"
  rules.push({
    name: 'rule/season',
    reason: 'a season is a time only with a determiner, a year or a preposition ("spring" the noun is not)',
    pattern: re(`(?:${B}(the|this|that|last|next|this\\s+past|this\\s+coming|early|late|mid|the\\s+early|the\\s+late)[- ]+)?(?<![\\p{L}])(${SEASON})(?:\\s+(?:of\\s+)?(${YEAR}|${SPELLED}))?${E}`),
    make(m, text) {
      const det = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      const sw = m[2];
      const season = lex.seasons[sw.toLowerCase()];
      const start = m.index;
      const end = m.index + m[0].length;
      // "the spring and summer of 1970": the first season of a pair takes the year after the second
      const pair = m[3] ? null : PAIR_SEASON_YEAR.exec(text.slice(end, end + 40));
      const y = m[3] ? yearOf(m[3]) : pair ? +pair[1] : null;
      const before = text.slice(Math.max(0, start - 12), start);
      if (!det && y == null && !/\b(?:in|during|by|until|since|through|this|last|next)\s+$/i.test(before)) return null;
      if (/^\p{Lu}/u.test(sw) && /\p{Lu}[\p{L}]*\s+$/u.test(before)) return null; // "Arab Spring", "Palm Springs"
      // "the fall of Berlin", "the spring was wet" (a noun); "last fall in his home" is a time
      const deictic = det === 'last' || det === 'next' || det === 'this' || det === 'this past' || det === 'this coming';
      if (y == null && !deictic && /^\s+(?:of|in|to|from|was|is|will|would|has|had)\b/i.test(text.slice(end, end + 8))) return null;
      const mod = det && /early|late|mid/.test(det) ? lex.pointMods[det.replace('the ', '')] : null;
      return cand(start, end, 'rule/season', (env) => {
        if (y != null) return res('DATE', `${y}-${season}`, ['year', 'season'], [], null, mod);
        const dct = env.dct;
        // "In the summer of 2010 he left. That fall, he returned.": the season of the year just
        // told of (named in this sentence or the one before); with none, no time to give it
        const ty = env.last.year;
        const toldYear = ty?.stated && ty.si != null && env.sentence != null && env.sentence - ty.si <= 1 ? ty : null;
        if (det === 'that') return toldYear ? res('DATE', `${toldYear.y}-${season}`, ['season'], ['year'], toldYear.id, mod) : null;
        if (!dct) return res('DATE', `XXXX-${season}`, ['season'], [], null, mod);
        // "He moved to Paris in 2009 and, in the spring, opened a shop": told in the past, a
        // season with no year of its own is in the year just told of, when that lies before
        if ((det === 'the' || !det) && toldYear && toldYear.y < dct.y && env.tense() === 'past') return res('DATE', `${toldYear.y}-${season}`, ['season'], ['year'], toldYear.id, mod);
        const cur = SEASONS.indexOf(seasonOf(dct.m) as (typeof SEASONS)[number]);
        const want = SEASONS.indexOf(season as (typeof SEASONS)[number]);
        // the year a season "belongs" to: December counts with the following winter
        const baseY = dct.m === 12 ? dct.y + 1 : dct.y;
        let yy = baseY;
        if (det === 'last' || det === 'this past') yy = want < cur ? baseY : baseY - 1;
        else if (det === 'next' || det === 'this coming') yy = want > cur ? baseY : baseY + 1;
        else if (det !== 'this' && want !== cur) {
          const t = env.tense();
          if (t === 'past' && want > cur) yy = baseY - 1;
          else if (t === 'future' && want < cur) yy = baseY + 1;
        }
        return res('DATE', `${yy}-${season}`, ['season'], ['year'], 'dct', mod);
      }, 2);
    },
  });

  const PAIR_MONTH_YEAR = new RegExp(`^\\s*(and|or|to|through|-|–)\\s*(${alternation(Object.keys(lex.months))})\\.?,?\\s+(?:of\\s+)?(${YEAR})(?![\\p{L}\\p{N}])`, 'iu');
  // "Mar 2013", "Sept. 2012": a month's abbreviation only before a year
  const MONTH_ABBR = alternation(Object.keys(lex.months).filter((k) => k.length <= 4 && k !== 'may' && k !== 'june' && k !== 'july'));
  // "January", "last April", "early September", "mid-November", "June last year"
  rules.push({
    name: 'rule/month',
    reason: 'a month name alone is a month of the year the anchor and the tense point to',
    pattern: re(`${B}(?:(last|next|this|this\\s+past|this\\s+coming|early|late|mid|the\\s+middle\\s+of|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|end(?=-)|start(?=-))(?:-|\\s+))?((?:${MONTH_ABBR})\\.?(?=,?\\s+(?:of\\s+)?${YEAR}(?![\\p{L}\\p{N}]))|${MONTH_FULL})(?!\\s*\\.?\\s*\\d{1,2}(?!\\d))(?:,?\\s+(?:of\\s+)?(last\\s+year|this\\s+year|next\\s+year|${YEAR}|${SPELLED}))?${E}`),
    make(m, text) {
      const pre = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      const mw = m[2];
      const start = m.index;
      const monthStart = start + m[0].indexOf(mw, m[1] ? m[1].length : 0);
      if (!/^\p{Lu}/u.test(mw)) return null; // "march", "may": verbs and nouns
      const before = text.slice(Math.max(0, monthStart - 16), monthStart);
      const lower = mw.toLowerCase().replace(/\.$/, '');
      // "The March accession": after an article, a month used as a modifier of a common noun
      const attributive = /\bthe\s+$/i.test(before) && /^\s+[a-z]/.test(text.slice(start + m[0].length, start + m[0].length + 3)) && !/^\s+of\b/i.test(text.slice(start + m[0].length, start + m[0].length + 5));
      if ((lower === 'may' || lower === 'march') && !pre && !m[3] && !attributive && !/\b(?:in|since|until|till|by|during|from|through|to|of|before|after|between|and|or|early|late|mid|last|next|this|each|every)\s+$/i.test(before)) return null;
      const month = lex.months[lower];
      const yS0 = m[3]?.toLowerCase().replace(/\s+/g, ' ');
      // "in March and April 2013", "March or April of 2013": the first month of a pair takes the
      // year written after the second
      const pairYear = !yS0 && !pre ? PAIR_MONTH_YEAR.exec(text.slice(start + m[0].length, start + m[0].length + 40)) : null;
      // (a range that runs into the next year, "from November to April 1987", starts the year before)
      const pairY = pairYear ? +pairYear[3] - (!/^(?:and|or)$/i.test(pairYear[1]) && lex.months[mw.toLowerCase().replace(/\.$/, '')] > lex.months[pairYear[2].toLowerCase()] ? 1 : 0) : null;
      const yS = yS0 ?? (pairY != null ? String(pairY) : undefined);
      // "loans through January", "conclude by May", "until March": a limit set from the
      // report's date lies ahead of it, whatever the tense of the verb that set it; not "this
      // year through August", "the 12 months through January" (a stretch up to now) nor an
      // opening "By March, …" of a narrative
      const limit = !pre && !yS && /(?:^|[^\p{L}])(?:through|until|till|by)\s+$/u.test(before) && !/\b(?:year|years|months|weeks|days|quarters?|period|half)\s+(?:through|until|till)\s+$/i.test(text.slice(Math.max(0, monthStart - 24), monthStart)) && !/(?:^|[.!?]\s+)By\s+$/.test(before);
      // ("end-March", "start-June": news wires' hyphenated forms)
      const mod = pre === 'end' ? 'END' : pre === 'start' ? 'START' : pre && lex.pointMods[pre] ? lex.pointMods[pre] : null;
      // "joined in May 2010 and left in August", "from November 2009 to March": a bare month
      // joined to a date whose year the same sentence stated is in that year (a range's end
      // that comes round again is in the year after)
      const joined = !pre || !/^(?:last|next|this)/.test(pre)
        ? /(?:^|[^\p{L}])(?:(?:and|or|but|then)(?:\s+[\p{Ll}]+){0,3}?\s+(?:in|on|by|since|until|during|from|through|before|after)\s+$|(?:and|or|but|then)\s+$|(to|through|thru|until|till|-|–)\s*(?:(?:in|on|by|since|until|during|from|through|before|after)\s+)?$)/u.exec(text.slice(Math.max(0, start - 40), start))
        : null;
      return cand(start, start + m[0].length, 'rule/month', (env) => {
        const dct = env.dct;
        if (yS && /^(?:\d|nineteen)/.test(yS)) return res('DATE', monthValue(yearOf(yS), month), ['year', 'month'], [], null, mod);
        const told = env.last.year;
        // (not a plan ahead of an earlier year: "rose in 2010 and is expected to rise in August")
        if (joined && !yS && told?.stated && told.si != null && told.si === env.sentence && !(dct && told.y < dct.y && env.tense() === 'future')) {
          const from = env.last.month && env.last.month.id === told.id ? env.last.month.m : null;
          const y = joined[1] && from != null && month < from ? told.y + 1 : told.y;
          return res('DATE', monthValue(y, month), ['month'], ['year'], told.id, mod);
        }
        if (!dct) return res('DATE', monthValue(null, month), ['month'], [], null, mod);
        let y = dct.y;
        if (yS === 'last year') y = dct.y - 1;
        else if (yS === 'next year') y = dct.y + 1;
        // ("last February" in a March report is a year back: the month just ended would be "last month")
        else if (pre === 'last') y = month < dct.m - 1 ? dct.y : dct.y - 1;
        else if (pre === 'this past') y = month < dct.m ? dct.y : dct.y - 1;
        else if (pre === 'next' || pre === 'this coming') y = month > dct.m ? dct.y : dct.y + 1;
        else if (limit) {
          if (month < dct.m) y = dct.y + 1;
        }
        else if (pre !== 'this' && !yS) {
          // A past verb puts a month well after the document's in the year before, a future
          // one a month well before it in the year after (plans reported in the past tense
          // often name the next few months: "aides pressed for a role at the convention in
          // July", "progressives wrote that it lets them win a mandate in November" three
          // months ahead, and tense checks err); with no tense to go on, the month nearest the
          // document date.
          const t = env.tense();
          if (t === 'past' && month - dct.m > 3) y = dct.y - 1;
          else if (t === 'future' && dct.m - month > 3) y = dct.y + 1;
          else if (t !== 'past' && t !== 'future') {
            if (month - dct.m > 6) y = dct.y - 1;
            else if (dct.m - month > 6) y = dct.y + 1;
          }
        }
        return res('DATE', monthValue(y, month), yS ? ['month', 'year'] : ['month'], yS ? [] : ['year'], 'dct', mod);
      }, 1);
    },
  });

  // "January-March", "the April-June quarter": a hyphenated pair of months is two months (the
  // hyphen hides the second from the month rule), and one that spans a calendar quarter before
  // "quarter" or "period" is that quarter
  rules.push({
    name: 'rule/month-hyphen-range',
    reason: 'a hyphenated month range names two months; before "quarter" the calendar quarter they span',
    pattern: re(`(?=\\p{Lu})${B}(?:(the|its|their)\\s+)?(${MONTH_FULL})\\s*[-–]\\s*(${MONTH_FULL})(?:,?\\s+(${YEAR}))?(\\s+(?:quarter|period)(?:\\s+of\\s+(${YEAR}))?)?${E}`),
    make(m) {
      const [all, det, m1w, m2w, yS0, unitS, yOf] = m;
      const yS = yS0 ?? yOf;
      const m1 = lex.months[m1w.toLowerCase()];
      const m2 = lex.months[m2w.toLowerCase()];
      if (!/^\p{Lu}/u.test(m1w) || !/^\p{Lu}/u.test(m2w) || m1 === m2) return null;
      const named = yS ? +yS : null;
      if (unitS && m2 - m1 === 2 && m1 % 3 === 1) {
        const q = (m1 + 2) / 3;
        // (the article belongs to the time, as in "the third quarter"; a possessive does not)
        const start = det && det.toLowerCase() !== 'the' ? m.index + det.length + 1 : m.index;
        return cand(start, m.index + all.length, 'rule/month-hyphen-quarter', (env) => {
          const dct = env.dct;
          if (named != null) return res('DATE', quarterValue(named, q), ['month', 'year'], [], null);
          if (!dct) return res('DATE', `XXXX-Q${q}`, ['month'], [], null);
          // a quarter not yet begun is last year's unless the clause looks ahead
          const y = m1 > dct.m && env.tense() !== 'future' ? dct.y - 1 : dct.y;
          return res('DATE', quarterValue(y, q), ['month'], ['year'], 'dct');
        }, 2);
      }
      // the second month alone ("January-March 2012": with the year; the month rule gives the
      // first its year from the pair): it follows the first, in its year or the next
      const at = m.index + all.lastIndexOf(m2w);
      if (named != null && !unitS) return cand(at, m.index + all.length, 'rule/month-hyphen-range', () => res('DATE', monthValue(named, m2), ['month', 'year'], [], null), 1);
      return cand(at, at + m2w.length, 'rule/month-hyphen-range', (env) => {
        const first = env.last.month;
        if (!first) return res('DATE', monthValue(env.dct?.y ?? null, m2), ['month'], ['year'], env.dct ? 'dct' : null);
        return res('DATE', monthValue(first.y + (m2 < first.m ? 1 : 0), m2), ['month'], ['year'], first.id);
      }, 1);
    },
  });

  // "year-earlier profit", "the year-ago results"
  rules.push({
    name: 'rule/year-ago',
    reason: 'in earnings reports "year-ago"/"year-earlier" name the same period a year before',
    pattern: re(`${B}(?:the\\s+)?year-(?:ago|earlier)(?![\\p{L}-])`),
    make(m) {
      // "the year-ago results": the article belongs to the noun ("year-ago" is the time)
      const start = m.index + (/^the\s+/i.exec(m[0])?.[0].length ?? 0);
      return cand(start, m.index + m[0].length, 'rule/year-ago', (env) => {
        if (!env.dct) return res('DATE', 'XXXX', ['offset'], [], null);
        if (env.quarterContext || env.quarterRef) {
          const ref = yearAgoBase(env, env.dct);
          return { ...res('DATE', quarterValue(ref.y - 1, ref.q), ['offset'], ['year', 'quarter'], env.quarterRef?.id ?? 'dct'), remember: false };
        }
        return res('DATE', yearValue(env.dct.y - 1), ['offset'], ['year'], 'dct');
      });
    },
  });

  // "the first week of March", "the last week of June 2013": an ordinal week of a month is the
  // ISO week that holds most of those seven days (the week of the 4th for the first, of the
  // month's 4th-last day for the last)
  rules.push({
    name: 'rule/week-of-month',
    reason: 'an ordinal week of a named month is an ISO week',
    pattern: re(`(?=the\\s+(?:first|second|third|fourth|last|final)\\s+week)${B}the\\s+(first|second|third|fourth|last|final)\\s+week\\s+(?:of|in)\\s+(${MONTH_FULL})(?:,?\\s+(${YEAR}))?${E}`),
    make(m) {
      const ord = m[1].toLowerCase();
      const month = lex.months[m[2].toLowerCase()];
      const yS = m[3] ? +m[3] : null;
      if (!/^\p{Lu}/u.test(m[2])) return null;
      return cand(m.index, m.index + m[0].length, 'rule/week-of-month', (env) => {
        const d = env.dct;
        let y = yS;
        if (y == null) {
          if (!d) return res('DATE', 'XXXX-WXX', ['week'], [], null);
          y = d.y;
          const t = env.tense();
          if (t === 'past' && month - d.m > 3) y -= 1;
          else if (t === 'future' && d.m - month > 3) y += 1;
          else if (t !== 'past' && t !== 'future') y += month - d.m > 6 ? -1 : d.m - month > 6 ? 1 : 0;
        }
        const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
        const n = ({ first: 1, second: 2, third: 3, fourth: 4 } as Record<string, number>)[ord];
        const day = n ? 4 + 7 * (n - 1) : last - 3;
        return { ...res('DATE', weekValue({ y, m: month, d: day }), yS ? ['week', 'month', 'year'] : ['week', 'month'], yS ? [] : ['year'], yS ? null : d ? 'dct' : null), month: { y, m: month } };
      }, 3);
    },
  });

  // "the year before last", "the week after next": two units from the report's
  rules.push({
    name: 'rule/unit-before-last',
    reason: '"the year before last" is two years back, "the week after next" two weeks ahead',
    pattern: re(`(?=the\\s+(?:week|month|year)\\s+(?:before|after))${B}the\\s+(week|month|year)\\s+(before\\s+last|after\\s+next)${E}`),
    make(m) {
      const unit = m[1].toLowerCase();
      const k = /^before/i.test(m[2]) ? -2 : 2;
      return cand(m.index, m.index + m[0].length, 'rule/unit-before-last', (env) => {
        const d = env.dct;
        if (!d) return res('DATE', k < 0 ? 'PAST_REF' : 'FUTURE_REF', ['unit', 'direction'], [], null);
        const p = addMonths(d, unit === 'month' ? k : 0);
        const value = unit === 'week' ? weekValue(addDays(d, 7 * k)) : unit === 'month' ? monthValue(p.y, p.m) : yearValue(d.y + k);
        return res('DATE', value, ['unit', 'direction'], ['calendar'], 'dct');
      }, 3);
    },
  });

  // "by end-year", "a mid-year review", "at end-month": news wires' hyphenated forms of "the
  // end (middle) of the year (month)", the report's own
  rules.push({
    name: 'rule/end-unit',
    reason: '"end-year", "mid-year", "end-month" are the end or middle of the report\'s year or month',
    pattern: re(`(?=(?:end|mid)-(?:year|month))${B}(end|mid)-(year|month)(?![\\p{L}\\p{N}-])`),
    make(m) {
      const mod = m[1].toLowerCase() === 'end' ? 'END' : 'MID';
      const month = m[2].toLowerCase() === 'month';
      return cand(m.index, m.index + m[0].length, 'rule/end-unit', (env) => {
        const d = env.dct;
        const value = month ? (d ? monthValue(d.y, d.m) : 'XXXX-XX') : yearValue(d?.y ?? null);
        return res('DATE', value, ['unit'], ['calendar'], d ? 'dct' : null, mod);
      }, 1);
    },
  });

  // "for the year", "the year ended June 30", "the end of the month", "later in the day", "year-end"
  rules.push({
    name: 'rule/the-unit',
    reason: '"the year" is a DURATION after for/during or before "ended"; after "the end of" it is the current one',
    pattern: re(`${B}(?:the\\s+(?:(fiscal|full|calendar)\\s+)?(year|month|week|day|decade|century)|(year)(?:[- ]|['’]s\\s+)end)(?![\\p{L}\\p{N}-])`),
    make(m, text) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (m[3]) {
        return cand(start, end, 'rule/the-unit', (env) => res('DATE', yearValue(env.dct?.y ?? null), ['unit'], ['year'], env.dct ? 'dct' : null, 'END'));
      }
      const unit = m[2].toLowerCase();
      // "the Year of the Woman", "the Day of the Dead", "the Decade of Action": a capitalised unit
      // inside a sentence names an occasion, not a calendar unit
      if (/^\p{Lu}/u.test(m[2]) && /^\s+of\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return null;
      const before = text.slice(Math.max(0, start - 30), start);
      const after = text.slice(end, end + 12);
      const u = lex.units[unit];
      // "(for) the week of March 6" is a point, the week of that date (made in the tagger)
      if (unit === 'week' && /^\s+of\s+(?:\p{Lu}|\d)/u.test(after)) return null;
      // "down from $450 million the year before", "the week earlier": one unit before the last
      // one the text named (or the report's)
      const prior = /^\s+(before|earlier)(?![\p{L}])/iu.exec(after);
      if (prior && (unit === 'year' || unit === 'month' || unit === 'week') && !/\b(?:of|for|during|over|through|throughout)\s+$/i.test(before) && /^\s*(?:[.,;:!?)]|$)/.test(text.slice(end + prior[0].length, end + prior[0].length + 2))) {
        return cand(start, end + prior[0].length, 'rule/the-unit', (env) => {
          let value: string;
          let anchor: string | null = env.dct ? 'dct' : null;
          if (unit === 'year') {
            const y = env.last.year?.y ?? env.dct?.y ?? null;
            if (env.last.year) anchor = env.last.year.id;
            value = yearValue(y == null ? null : y - 1);
          } else if (unit === 'month') {
            const base = env.last.month ? { y: env.last.month.y, m: env.last.month.m, d: 15 } : env.dct;
            if (env.last.month) anchor = env.last.month.id;
            const p = base ? addMonths(base, -1) : null;
            value = p ? monthValue(p.y, p.m) : 'XXXX-XX';
          } else {
            const base = env.last.day?.p ?? env.dct;
            if (env.last.day) anchor = env.last.day.id;
            value = weekValue(base ? addDays(base, -7) : null);
          }
          return res('DATE', value, ['unit', 'offset'], ['calendar'], anchor);
        }, 2);
      }
      // "the year ended June 30", "the year to (or through) February": a stretch closed by a date
      const bounded = /^\s+(?:ended|ending|ends|to\s+date)\b/i.test(after) || (unit === 'year' && /^\s+(?:to|through)\s+(?:the\s+end\s+of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(text.slice(end, end + 30)));
      // "results for the year" / "for the full year" with no end date named is the year the
      // report is about, a DATE (TimeBank's earnings reports); "the year ended June 30" and
      // "throughout the year" measure a stretch of time
      const forTheYear = unit === 'year' && !bounded && /\bfor\s+$/i.test(before);
      if (!forTheYear && (bounded || /\b(?:for|during|over|through|throughout)\s+$/i.test(before))) {
        if (unit === 'decade' || unit === 'century') return null; // "over the decade": left to the reader
        if (unit === 'day' && !/\b(?:for|during|throughout)\s+$/i.test(before)) return null;
        return cand(start, end, 'rule/the-unit', () => res('DURATION', durationValue(1, u), ['unit'], [], null), 1);
      }
      const framed = /\b(?:end|beginning|start|middle|rest|remainder|close|half|months|weeks|days|quarters)\s+of\s+$/i.test(before);
      // "later in the day", "earlier in the week": the current one
      const inDay = /\b(?:earlier|later)\s+in\s+$/i.test(before);
      if (!framed && !inDay && !forTheYear && (unit !== 'year' || /\bof\s+$/i.test(before))) return null;
      return cand(start, end, 'rule/the-unit', (env) => {
        const d = env.dct;
        // "During a speech on Wednesday … earlier in the day": the day the text is telling of,
        // when it was named in this sentence or the one before (as for a bare part of the day)
        const told = env.last.day;
        if (inDay && unit === 'day' && told && told.si != null && env.sentence != null && env.sentence - told.si <= 1) {
          return res('DATE', dayValue(told.p), ['unit'], ['year', 'month', 'day'], told.id);
        }
        // "He founded the firm in May 2001. By the end of the year, …": told in the past, the
        // year (month) is the one the text has just told of, named in this sentence or the one
        // before, when that lies before the report's
        const recent = (si: number | undefined) => si != null && env.sentence != null && env.sentence - si <= 1;
        if (framed && d && env.tense() === 'past') {
          const ty = env.last.year;
          if (unit === 'year' && ty?.stated && recent(ty.si) && ty.y < d.y) return res('DATE', yearValue(ty.y), ['unit'], ['calendar'], ty.id);
          const tm = env.last.month;
          if (unit === 'month' && tm && recent(tm.si) && tm.y * 12 + tm.m < d.y * 12 + d.m) return res('DATE', monthValue(tm.y, tm.m), ['unit'], ['calendar'], tm.id);
        }
        // "For the full year, profit rose" in a February report on the fourth quarter: the
        // year the reported quarter closed, not the report's
        const q4 = env.quarterRef;
        if (forTheYear && d && q4 && q4.q === 4 && q4.y === d.y - 1 && env.tense() !== 'future') {
          return res('DATE', yearValue(q4.y), ['unit'], ['calendar'], q4.id);
        }
        const value = unit === 'year' ? yearValue(d?.y ?? null) : unit === 'month' ? (d ? monthValue(d.y, d.m) : 'XXXX-XX') : unit === 'week' ? weekValue(d)
          // "by the end of the decade", "the middle of the century": the current one
          : unit === 'decade' ? (d ? String(Math.floor(d.y / 10)) : 'XXX') : unit === 'century' ? (d ? String(Math.floor(d.y / 100)) : 'XX') : dayValue(d);
        return res('DATE', value, ['unit'], ['calendar'], d ? 'dct' : null);
      }, 1);
    },
  });

  // "the previous Friday", "the following Monday"
  rules.push({
    name: 'rule/anchored-weekday',
    reason: 'a weekday named from another date is the one before or after the last date mentioned',
    pattern: re(`${B}the\\s+(previous|preceding|prior|following|next)\\s+(${WEEKDAY_FULL})${E}`),
    make(m) {
      const back = /previous|preceding|prior/i.test(m[1]);
      const wd = lex.weekdays[m[2].toLowerCase()];
      return cand(m.index, m.index + m[0].length, 'rule/anchored-weekday', (env) => {
        const base = env.last.day?.p ?? env.dct;
        if (!base) return res('DATE', `XXXX-WXX-${wd}`, ['weekday'], [], null);
        const p = weekdayNear(base, wd, back ? -1 : 1, true);
        return res('DATE', dayValue(p), ['weekday', 'direction'], ['year', 'month', 'day'], env.last.day?.id ?? 'dct');
      }, 2);
    },
  });

  // "Super Tuesday": the day of a US presidential election year's largest set of primaries, a
  // named day (not the Tuesday of the report's week); since 2000 the first Tuesday of March but
  // for 2008's February 5, before it the second Tuesday of March (1988-96)
  rules.push({
    name: 'rule/super-tuesday',
    reason: '"Super Tuesday" is a named day of a presidential election year',
    pattern: /(?<![\p{L}\p{N}])(?:((?:19|20)\d\d)\s+)?Super\s+Tuesday(?:,?\s+((?:19|20)\d\d))?(?![\p{L}\p{N}])/gu,
    make(m, text) {
      // ("Super Tuesday II", "Super Tuesday 3": later sets of primaries, with no fixed day)
      if (/^\s*(?:I{1,3}|[23]|Two|Three)(?![\p{L}\p{N}])/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return null;
      // ("the 1988 Super Tuesday", "Super Tuesday 2008": that year's)
      const named = m[1] ? +m[1] : m[2] ? +m[2] : null;
      return cand(m.index, m.index + m[0].length, 'rule/super-tuesday', (env) => {
        let y: number;
        if (named != null) y = named;
        else if (!env.dct) return res('DATE', 'XXXX-XX-XX', ['month', 'day'], [], null);
        else {
          const r = env.dct.y % 4;
          // (the election year: the report's, the next one in the year before it unless told
          // in the past, else the last one)
          y = r === 0 ? env.dct.y : r === 3 && env.tense() !== 'past' ? env.dct.y + 1 : env.dct.y - r;
        }
        const known: Record<number, string> = { 2008: '02-05' };
        let md = known[y];
        if (!md) {
          const first = 1 + (2 - new Date(Date.UTC(y, 2, 1)).getUTCDay() + 7) % 7; // first Tuesday of March
          md = `03-${String(y < 2000 ? first + 7 : first).padStart(2, '0')}`;
        }
        return res('DATE', `${y}-${md}`, ['month', 'day'], named != null ? [] : ['year'], named != null ? null : 'dct');
      }, 3);
    },
  });

  // "Christmas", "New Year's Day", "Thanksgiving", "last Easter"
  rules.push({
    name: 'rule/holiday',
    reason: 'holidays are days of the anchor year: fixed dates, nth weekdays of a month, or Easter-based',
    // ("Christmas Day 1950", "Easter of 2012": a year after it is the holiday's year)
    pattern: re(`${B}(?:(last|next|this|the)\\s+)?(${alternation(Object.keys(lex.holidays))})(\\s+week(?:end)?)?(?:,?\\s+(?:of\\s+)?(${YEAR}))?${E}`),
    make(m, text) {
      if (!/^\p{Lu}/u.test(m[2])) return null;
      // "as Easter week began", "Christmas week": the (ISO) week that holds the day
      const week = !!m[3];
      // "the Easter weekend", "Labor Day weekend": the weekend of the holiday (for a Monday
      // holiday the one just before it)
      const weekend = /end$/i.test(m[3] ?? '');
      const weekOf = (p: Ymd) => weekend ? `${weekValue(addDays(p, (new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay() + 6) % 7 === 0 ? -2 : 0))}-WE` : weekValue(p);
      // "Easter Island", "Christmas Island", "the Easter Rising": a holiday word opening a name
      // (a time word may follow: "Easter week", "Christmas morning")
      const next = /^\s+(\p{Lu}\p{L}*)/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 20));
      if (next && !/^(?:Day|Eve|Week|Weekend|Holiday|Holidays|Season|Monday|Sunday|Morning|Night|Mass|Vigil|Service|Services|Message|Address)$/.test(next[1])) return null;
      // "illustrator Johnnie Christmas": a one-word holiday after a name inside a sentence is a surname
      if (!m[1] && !/\s/.test(m[2]) && /\p{Lu}\p{L}+\s+$/u.test(text.slice(Math.max(0, m.index - 20), m.index)) && !/(?:^|[.!?:"“”'’]\s*)\p{Lu}\p{L}+\s+$/u.test(text.slice(Math.max(0, m.index - 20), m.index)) && !/\b(?:Merry|Happy|Last|Next|This)\s+$/.test(text.slice(Math.max(0, m.index - 8), m.index))) return null;
      // "Christmas trees", "Christmas cards": things named for the holiday, not the day
      if (/^\s+(?:trees?|cards?|lights|decorations|ornaments|carols|songs?|sweaters?|stockings?|markets?|bonus(?:es)?|specials?|movies?|films?|albums?|candy)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return null;
      const spec = lex.holidays[m[2].toLowerCase().replace(/\s+/g, ' ').replace('’', "'")];
      if (!spec) return null;
      // ("the Easter weekend" is tagged with its article, as "the weekend" is; "the Christmas
      // holidays" leaves it out)
      const the = m[1]?.toLowerCase() === 'the';
      const dir = the ? undefined : m[1]?.toLowerCase();
      const named = m[4] && !dir ? +m[4] : null;
      const from = the && !weekend ? m.index + m[0].indexOf(m[2]) : m.index;
      return cand(from, m.index + m[0].length, 'rule/holiday', (env) => {
        if (named != null) return res('DATE', week ? weekOf(holidayDate(spec, named)) : dayValue(holidayDate(spec, named)), ['month', 'day', 'year'], [], null);
        const fixed = /^\d\d-\d\d$/.test(spec);
        if (!env.dct) return res('DATE', fixed ? `XXXX-${spec}` : 'XXXX-XX-XX', ['month', 'day'], [], null);
        const dct = env.dct;
        const at = (y: number) => holidayDate(spec, y);
        let y = dct.y;
        const days = (p: Ymd) => Date.UTC(p.y, p.m - 1, p.d) / 86400000;
        const gap = days(at(y)) - days(dct);
        if (dir === 'last') { if (gap >= 0) y -= 1; }
        else if (dir === 'next') { if (gap <= 0) y += 1; }
        // ("As Election Day nears" in a February report of an election year: that year's; US
        // federal elections fall in even years)
        else if (dir !== 'this' && spec === '11-2-1@2' && gap > 0 && dct.y % 2 === 0 && env.tense() !== 'past') { /* this year's */ }
        else if (dir !== 'this' && Math.abs(gap) > 183) y += gap > 0 ? -1 : 1; // the nearest one
        else if (dir !== 'this' && Math.abs(gap) >= 60) {
          // the tense still turns one two months or more the wrong way round ("he died on
          // Christmas Day" in a September report); nearer ones stay (tense checks err)
          const t = env.tense();
          if (t === 'past' && gap > 0) y -= 1;
          else if (t === 'future' && gap < 0) y += 1;
        }
        if (week) return res('DATE', weekOf(at(y)), ['week'], ['year'], 'dct');
        return res('DATE', dayValue(at(y)), ['month', 'day'], ['year'], 'dct');
      });
    },
  });

  // "now", "currently", "recently", "the future", "soon"
  for (const entry of lex.vague) {
    rules.push({
      name: 'rule/vague',
      reason: 'vague references are PRESENT_REF, PAST_REF or FUTURE_REF',
      pattern: re(`${B}(${alternation(entry.words.split('|'))})(?![\\p{L}\\p{N}-])`),
      make(m, text) {
        const w = m[1].toLowerCase();
        if (w === 'soon' && /\bas\s+$/i.test(text.slice(Math.max(0, m.index - 4), m.index))) return null; // "as soon as"
        if (w === 'soon' && /^\s+as\b/i.test(text.slice(m.index + 4, m.index + 8))) return null;
        // "soon after the attack", "shortly before noon": a signal relating two times, not a time
        if ((w === 'soon' || w === 'shortly') && /^\s+(?:after|before|afterwards?|thereafter)\b/i.test(text.slice(m.index + w.length, m.index + w.length + 14))) return null;
        if (m[1] === 'Now' && /^\s*,/.test(text.slice(m.index + 3, m.index + 6))) return null; // "Now, …" opens a turn
        if (m[1] === 'Now' && /^\s+for\b/.test(text.slice(m.index + 3, m.index + 8))) return null; // "Now for the weather": a broadcast's link
        // "every now and again", "now and then": a frequency idiom, not the present
        if (w === 'now' && (/^\s+and\s+(?:again|then)\b/i.test(text.slice(m.index + 3, m.index + 15)) || /\bevery\s+$/i.test(text.slice(Math.max(0, m.index - 7), m.index)))) return null;
        // "Back to the Future", "Ghosts of the Past": a capitalised "Future"/"Past" inside a sentence is a title's
        if ((w === 'the future' || w === 'the past') && /^[Tt]he\s+\p{Lu}/u.test(m[1]) && /\p{L}/u.test(text.slice(Math.max(0, m.index - 3), m.index))) return null;
        // "the future of student loans", "the future of our peoples": a fate, not a time
        if (w === 'the future' && /^\s+of\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return null;
        // "in the past nine elections", "the past few decisions": "past" the adjective of a count
        if (w === 'the past' && /^\s+(?:\d|few|several|couple|many|dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|year|month|week|decade|century|day|quarter)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
        if (w === 'current') {
          // the adjective is a time only when it places a state at the present ("the current
          // weakness", "his current position"): not the accounting or electrical noun senses,
          // not "then current" (a past present), and not an adjective without a noun after it
          const next = text.slice(m.index + 7, m.index + 40);
          if (!/^\s+\p{L}/u.test(next) || /^\s+(?:account|accounts|assets|liabilities|affairs|events|flows?|and|or|in|of|is|was)\b/i.test(next)) return null;
          if (/\bthen\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) return null;
        }
        // "soon" told in the past ("He was soon released", "a trickle that soon became a flood")
        // means shortly after the narrated event, not a time ahead of the report: no FUTURE_REF
        const afterNarrated = w === 'soon' || w === 'shortly';
        return cand(m.index, m.index + m[0].length, 'rule/vague', (env) => (afterNarrated && env.tense() === 'past' ? null : res(entry.type, entry.value, [], [], null)), 0);
      },
    });
  }

  // "twice a year", "three times a week", "once a month", "every two weeks": a frequency
  // named with its count is a SET, the phrase whole (as the TimeML guidelines tag "twice a week")
  rules.push({
    name: 'rule/set-count',
    reason: 'a count per unit, or every n units, is a SET',
    pattern: re(`${B}(?:(once|twice|thrice|(?:${NUM})\\s+times)\\s+(?:a|an|per|every|each)\\s+(${UNIT_SING})|every\\s+((?:${NUM}))\\s+(${UNIT}))${E}`),
    make(m) {
      if (m[1]) {
        const u = lex.units[m[2].toLowerCase()];
        if (!u) return null;
        return cand(m.index, m.index + m[0].length, 'rule/set-count', () => res('SET', durationValue(1, u), ['frequency'], [], null), 3);
      }
      const n = parseNum(m[3]);
      const u = unitOf(m[4]) ?? null;
      // "every few minutes", "every several years": a SET of an unstated number of units
      if (n == null && u && /^(?:a\s+)?(?:few|several)$/i.test(m[3]) && /s$/i.test(m[4])) {
        return cand(m.index, m.index + m[0].length, 'rule/set-count', () => res('SET', durationValue(null, u), ['frequency'], [], null), 3);
      }
      if (n == null || !u || !Number.isInteger(n) || n < 2) return null;
      return cand(m.index, m.index + m[0].length, 'rule/set-count', () => res('SET', durationValue(n, u), ['frequency'], [], null), 3);
    },
  });

  // "daily", "every year", "each Thursday", "$5 a year", "Tuesdays"
  rules.push({
    name: 'rule/set',
    reason: 'frequencies are SETs',
    pattern: re(`${B}(?:(daily|weekly|monthly|yearly|hourly|nightly|biweekly|annually|semi-?annually|bi-?annually|quarterly)|(every|each|per|a)\\s+(other\\s+)?(${UNIT_SING}|${WEEKDAY_FULL}|${MONTH_FULL}|${SEASON}|morning|afternoon|evening)|(${WEEKDAY_FULL})s)${E}`),
    make(m, text) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (m[1]) {
        // ("semi-annually", "bi-annually": twice a year, as "biannual" is)
        const w = m[1].toLowerCase().replace(/^(semi|bi)-/, '$1').replace(/^biannually$/, 'semiannually');
        const value: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', yearly: 'P1Y', annually: 'P1Y', hourly: 'PT1H', quarterly: 'P3M', nightly: 'P1D', biweekly: 'P2W', semiannually: 'P6M' };
        const before = text.slice(Math.max(0, start - 12), start);
        // "the Communist Party daily Granma": a newspaper; "average daily volume": a statistic
        if (/\p{Lu}\p{L}*\s+$|\baverage\s+$/u.test(before) && /^\s+\p{L}/u.test(text.slice(end, end + 3))) return null;
        // "in today's Handelsblatt daily,": a paper's name before "daily" (not a weekday or a
        // month: "said Thursday daily output …")
        // (after an article or a possessive: "a Hong Kong daily", "The Milan daily", "today's
        // Handelsblatt daily"; not "leave Heathrow daily")
        const named = /(?:\b(?:a|an|the|The|A|An)|['’]s)\s+(?:\p{Lu}\p{L}+\s+){0,2}(\p{Lu}\p{L}+)\s+$/u.exec(text.slice(Math.max(0, start - 40), start));
        // ("The People's Daily", "China Daily": a capitalised "Daily" inside a sentence is a paper)
        if (/^\p{Lu}/u.test(m[1]) && /\p{L}['’]?s?\s+$/u.test(text.slice(Math.max(0, start - 4), start)) && !/[.!?:"“]\s*$/.test(text.slice(Math.max(0, start - 3), start))) return null;
        if (w === 'daily' && named && !/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/.test(named[1])) return null;
        // "to rise 8.5% annually", "10,000 units annually": a rate, which the corpora leave
        // untagged as they do "$5 a year"
        if ((w === 'annually' || w === 'yearly') && RATE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return null;
        // a frequency adjective before a noun ("a daily rally", "his weekly radio address") is a
        // SET in TimeML; financial "quarterly dividend", "monthly payments" are not annotated
        if (/^(?:monthly|quarterly|annually|semiannually)$/.test(w) && /^\s+[a-z]+/.test(text.slice(end, end + 20)) && !/^\s+(?:and|or|in|on|at|for|to|by|since|until|basis|through)\b/.test(text.slice(end, end + 20))) return null;
        return cand(start, end, 'rule/set', () => res('SET', value[w], ['frequency'], [], null));
      }
      // m[5]: a plural weekday ("Tuesdays"), the pattern's last group
      if (m[5]) {
        const wd = lex.weekdays[m[5].toLowerCase()];
        if (!/^\p{Lu}/u.test(m[5])) return null;
        return cand(start, end, 'rule/set', () => res('SET', `XXXX-WXX-${wd}`, ['weekday', 'frequency'], [], null));
      }
      const q = m[2].toLowerCase();
      const what = m[4];
      const wl = what.toLowerCase();
      // "$5 a year", "15 million instructions per second": rates, which TimeBank leaves untagged
      if (q === 'a') return null;
      if (q === 'per' && ['S', 'MIN', 'H'].includes(lex.units[wl] ?? '')) return null;
      const k = m[3] ? 2 : 1;
      let value: string;
      if (wl in lex.units) value = durationValue(k, lex.units[wl]);
      else if (wl in lex.weekdays) value = `XXXX-WXX-${lex.weekdays[wl]}`;
      else if (wl in lex.months) { if (!/^\p{Lu}/u.test(what)) return null; value = `XXXX-${String(lex.months[wl]).padStart(2, '0')}`; }
      else if (wl in lex.seasons) value = `XXXX-${lex.seasons[wl]}`;
      else value = `XXXX-XX-XXT${lex.dayParts[wl]}`;
      return cand(start, end, 'rule/set', () => res('SET', value, ['frequency'], [], null), 2);
    },
  });

  return rules;
}

/**
 * Runs every rule over the text.
 *
 * @example
 * const rules = buildRules(loadTimeLexicon());
 * findRuleCandidates(rules, 'Profit rose in the third quarter.').map(c => c.by) // ['rule/quarter']
 */
export function findRuleCandidates(rules: readonly TimeRule[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.pattern.exec(text))) {
      if (m[0].length === 0) { rule.pattern.lastIndex++; continue; }
      const c = rule.make(m, text);
      if (Array.isArray(c)) { for (const x of c) if (x.end > x.start) out.push(x); }
      else if (c && c.end > c.start) out.push(c);
    }
  }
  return out;
}

/** Re-exported for the chrono side: a weekday's date by tense. */
export { weekdayNear };
