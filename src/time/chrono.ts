/**
 * @module time/chrono
 * chrono-node, configured for TimeML: its parsers find the calendar dates, weekdays and
 * clock times ("Nov. 4, 1998", "Saturday, April 18", "3 p.m. EST Wednesday"), and our
 * refiner drops what TimeML would not tag ("may" the verb, "Sun" the newspaper, "1/2" the
 * fraction). We keep only the components chrono says the text *stated* (`isCertain`) and
 * infer the rest ourselves, because TimeML infers differently from chrono: the year of
 * "Sept. 15" is the one nearest the document date, and a bare "Monday" looks back or
 * forward by the tense of its verb, not always forward.
 *
 * Date ranges ("from May 1 to May 3") stay two expressions, as TimeML annotates them, so
 * chrono's range-merging refiner is left out.
 */
// The English locale only: the package root loads every language's parsers (266 modules,
// about 0.3 s of every `extract`'s start-up); its `casual` is this same object.
import * as chrono from 'chrono-node/en';
import type { Candidate, ResolveEnv, Resolved } from './candidate.js';
import { dayValue, monthValue, toDays, weekdayNear, type Ymd } from './calendar.js';
import { alternation, type TimeLexicon } from './lexicon.js';

/** The chrono parsers we use, by class name (chrono's English casual configuration has more). */
const KEEP_PARSERS = new Set([
  'ENYearMonthDayParser', 'ISOFormatParser', 'SlashDateFormatParser', 'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENTimeExpressionParser', 'ENYearMonthNameParser',
  'ENCasualTimeParser',
]);
/** Refiners left out: TimeML keeps range ends apart, and never moves a date forward by default. */
const DROP_REFINERS = new Set(['ENMergeDateRangeRefiner', 'ForwardDateRefiner']);

const SHORT_WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/i;
const WEEKDAY_WORD = /\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*/i;
const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/i;
const DAY_PARTS: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };
const CLOCK = /\d:\d\d|(?:\b|(?<=\d))[ap]\.?m\b|noon|midnight|o['’]clock/i;
/** chrono merges "night of Oct. 23" into one result that holds no certain day; TimeML tags the date. */
const DAYPART_OF = /^(?:this\s+)?(?:morning|afternoon|evening|night)(?:\s*,\s*|\s+)(?:(?:of|on)\s+)?(?=\S)/i;
/** Words that, capitalised after a weekday, make it part of a name ("the Sunday Times", "the
 *  Sunday Morning Herald", "Saturday Night Live", "Monday Night Football"): the lexicon's
 *  `weekdayNameWords`, compiled once per chrono instance. */
function weekdayNamePattern(names: TimeLexicon['weekdayNameWords']): RegExp {
  return new RegExp(`^\\s+(?:(?:${alternation(names.lead)})\\s+)?(?:${alternation(names.words)})\\b`);
}
/** "ahead of (the vote on)", "in the run-up to", "in advance of": a preposition placing what
 *  follows after the clause's event, with at most a short noun phrase between it and the time
 *  (not the comparative "well ahead of Friday's close"). */
const AHEAD_OF = /(?<!\b(?:well|far|way|just|slightly|comfortably|narrowly|points?|percent|\d)\s+)\b(?:ahead\s+of|in\s+the\s+run-?up\s+to|in\s+advance\s+of|in\s+preparation\s+for)\s+(?:(?:the|a|this|next|an)\s+)?(?:[\p{L}-]+['’]s\s+)?(?:[\p{L}-]+\s+){0,3}?(?:(?:on|of|for)\s+)?$/iu;
/** The joint of a range of clock times ("9 a.m. to 5 p.m.", "10:00-11:30"): group 1 is the first end. */
const CLOCK_RANGE = /^(.*?(?:\d|[ap]\.?m\.?|noon))\s*(?:-|–|to|until|till|through)\s*(?=\d|noon|midnight)/i;
const PREFIX = /^(at|on|in|by|from|since|until|till|around|about|this|the)\s+/i;

/**
 * A refiner that drops what TimeML would not tag: lower-case month and weekday words (in news
 * they are verbs and nouns: "may", "march", "sun"), bare abbreviations, fractions read as
 * dates, and numbers read as clock times without a clock ("at 5").
 */
export function timemlFilterRefiner(namedAfterWeekday: RegExp): chrono.Refiner {
  return {
    refine(context, results) {
      return results.filter((r) => {
        const text = r.text.replace(PREFIX, '');
        const tags = r.tags();
        const start = r.start;
        const hasDate = start.isCertain('weekday') || start.isCertain('day') || start.isCertain('month');
        if (DAYPART_OF.test(text)) return true; // "night of Oct. 23": re-read without the day part below
        // ("5 a.m. this morning": a clock time merged with a casual part of the day is kept)
        if (tags.has('parser/ENCasualTimeParser') && !hasDate && !/noon|midnight/i.test(text) && !(start.isCertain('hour') && CLOCK.test(text))) return false;
        if (start.isCertain('weekday')) {
          const w = WEEKDAY_WORD.exec(text);
          if (w && !/^[A-Z]/.test(w[0])) return false;
          // "the Sunday Times", "Monday Night Football": a weekday opening the name of a paper or
          // a programme
          if (w && !start.isCertain('day')) {
            const at = r.index + (r.text.length - text.length) + w.index + w[0].length;
            if (namedAfterWeekday.test(context.text.slice(at, at + 32))) return false;
            // "Super Tuesday" is a day of its own (rule/super-tuesday); a later one, "Super Tuesday
            // II", has no fixed day and keeps chrono's nearest Tuesday (often the report's day); a
            // clock chrono ran on into, "on Super Tuesday. 8:55 p.m.", keeps the clock
            if (!start.isCertain('hour') && /(?<![\p{L}\p{N}])Super\s+$/u.test(context.text.slice(Math.max(0, at - w[0].length - 8), at - w[0].length))
              && !/^\s*(?:I{1,3}|[23]|Two|Three)(?![\p{L}\p{N}])/u.test(context.text.slice(at, at + 8))) return false;
            // "the first Friday of each month": a weekday of a recurring set, no date
            if (/^\s+of\s+(?:each|every)\s+(?:month|week|year|quarter)\b/i.test(context.text.slice(at, at + 32))) return false;
          }
          // ("Wed Mar 13, 2013 3:45pm EDT": a wire timestamp, the short weekday before its date)
          if (w && SHORT_WEEKDAY.test(w[0]) && text[w.index + w[0].length] !== '.' && !(start.isCertain('day') && start.isCertain('month'))) return false;
        }
        if (start.isCertain('month')) {
          const mw = MONTH_WORD.exec(text);
          if (mw && !/^[A-Z]/.test(mw[0])) return false;
        }
        if (/^\d{1,2}\/\d{1,2}$/.test(text)) return false; // "1/2": a fraction or a score
        // "Feb 48.7, March 13.2, Apr 10.0": a month before a decimal figure in a table, no date
        if (/^\p{L}{3,9}\.?\s+\d{1,2}$/u.test(r.text) && /^\.\d/.test(context.text.slice(r.index + r.text.length, r.index + r.text.length + 2))) return false;
        // chrono reads "weekend" as its Saturday; TIMEX3 writes the weekend as a week's WE, which
        // rule/weekend gives
        if (/^(?:the\s+)?weekend$/i.test(text)) return false;
        // "High Noon" (the film), "high noon comes today": the idiom for a showdown, no clock time
        if (/^noon\b/i.test(text) && /\bhigh\s+$/i.test(context.text.slice(Math.max(0, r.index - 6), r.index))) return false;
        if (start.isCertain('hour') && !start.isCertain('day') && !start.isCertain('weekday') && !/[:.]\d\d|[ap]\.?m\b|noon|midnight|o['’]clock/i.test(text)) return false;
        return true;
      });
    },
  };
}

/**
 * A chrono instance for TimeML (one per tagger; chrono instances are not shared), with the
 * lexicon's `weekdayNameWords` for the filter.
 *
 * @example
 * const c = createTimemlChrono(loadTimeLexicon());
 * c.parse('on Nov. 4, 1998', new Date(1998, 0, 20, 12))[0].text // 'Nov. 4, 1998'
 */
export function createTimemlChrono(lex: Pick<TimeLexicon, 'weekdayNameWords'>): chrono.Chrono {
  const base = chrono.casual.clone();
  const parsers = base.parsers.filter((p) => KEEP_PARSERS.has(p.constructor.name));
  const refiners = base.refiners.filter((r) => !DROP_REFINERS.has(r.constructor.name));
  return new chrono.Chrono({ parsers, refiners: [...refiners, timemlFilterRefiner(weekdayNamePattern(lex.weekdayNameWords))] });
}

/** The month-day's year nearest the anchor (within six months either side). */
function nearestYear(dct: Ymd, m: number, d: number): number {
  const diff = (m - dct.m) * 31 + (d - dct.d);
  if (diff > 183) return dct.y - 1;
  if (diff < -183) return dct.y + 1;
  return dct.y;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether an "until"/"till" before `start` closes a state told in the past perfect ("Until
 *  Thursday, they had not named him") or is a "not until" ("it was not until Tuesday that …"):
 *  then, with a past verb, the limit has passed. Reads the sentence around `start`. */
function untilPerfect(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 160), start);
  if (!/\b(?:until|till)\s+(?:on\s+)?$/i.test(before)) return false;
  if (/\b(?:not|n't)\s+(?:up\s+)?(?:until|till)\s+(?:on\s+)?$/i.test(before)) return true;
  const head = before.slice(Math.max(...['. ', '! ', '? ', '\n\n'].map((m) => before.lastIndexOf(m))) + 1);
  const after = text.slice(start, start + 160);
  const stop = after.search(/[.!?](?:\s|$)/);
  return /\b(?:had|'d)\b/i.test(head + ' ' + (stop < 0 ? after : after.slice(0, stop)));
}

/** Turns chrono's results into candidates whose values are computed the TimeML way. */
export function chronoCandidates(c: chrono.Chrono, text: string, dct: Ymd | null): Candidate[] {
  const ref = dct ? new Date(dct.y, dct.m - 1, dct.d, 12) : new Date(2000, 0, 1, 12);
  const out: Candidate[] = [];
  const results: { r: chrono.ParsedResult; shift: number }[] = [];
  for (const r of c.parse(text, ref)) {
    // "(08:30 GMT) on Sunday": chrono merges a time with the day after the parenthesis that
    // closes it; the day is an expression of its own (the time keeps the day's date)
    const close = /^[^()]*\)/.exec(r.text);
    if (close) {
      results.push({ r, shift: 0 });
      const from = r.index + close[0].length;
      for (const q of c.parse(text.slice(from, r.index + r.text.length), ref)) results.push({ r: q, shift: from });
      continue;
    }
    // "from 9 a.m. to 5 p.m.": chrono reads a range of clock times as one result; TimeML tags
    // its two ends apart
    const span = r.end && r.start.isCertain('hour') && r.end.isCertain('hour') ? CLOCK_RANGE.exec(r.text) : null;
    if (span) {
      for (const part of [{ from: r.index, to: r.index + span[1].length }, { from: r.index + span[0].length, to: r.index + r.text.length }]) {
        for (const q of c.parse(text.slice(part.from, part.to), ref)) results.push({ r: q, shift: part.from });
      }
      continue;
    }
    const dp = DAYPART_OF.exec(r.text);
    if (!dp) { results.push({ r, shift: 0 }); continue; }
    // re-read what follows "night of" on its own, at its place in the text
    const from = r.index + dp[0].length;
    for (const q of c.parse(text.slice(from, r.index + r.text.length), ref)) {
      if (!DAYPART_OF.test(q.text)) results.push({ r: q, shift: from });
    }
  }
  for (const { r, shift } of results) {
    let start = r.index + shift;
    let mod: string | null = null;
    let t = r.text;
    const closed = /^([^()]*?)\s*\)/.exec(t);
    if (closed) t = closed[1];
    // "tomorrow (Thursday)": chrono may start a result at the opening parenthesis
    const opened = /^[([]\s*/.exec(t);
    if (opened) { start += opened[0].length; t = t.slice(opened[0].length); }
    let pm: RegExpExecArray | null;
    while ((pm = PREFIX.exec(t)) && !/^this$/i.test(pm[1]) && !/^the$/i.test(pm[1])) {
      if (/around|about/i.test(pm[1])) mod = 'APPROX';
      start += pm[0].length;
      t = t.slice(pm[0].length);
    }
    // "from March 3 to 5": TimeML tags the two ends of a range apart (the bare second day is
    // rule/coordinated-day's); the candidate is the first
    const range = r.end ? /\s*(?:-|–|to|through)\s*\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?$/i.exec(t) : null;
    if (range && /\d$/.test(t.slice(0, range.index))) t = t.slice(0, range.index);
    // "the 19th of November": the article belongs to the expression, as in "the third quarter"
    if (/^\d{1,2}(?:st|nd|rd|th)\s+of\s/i.test(t) && /(?:^|[^\p{L}])the\s+$/iu.test(text.slice(Math.max(0, start - 5), start))) {
      const the = /the\s+$/i.exec(text.slice(Math.max(0, start - 5), start))!;
      start -= the[0].length;
      t = text.slice(start, start + the[0].length + t.length);
    }
    // "26-27 March": the range's end carries the month; its first day is a date of its own
    const le = r.end ? /^(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to)\s*(?=\d{1,2}(?:st|nd|rd|th)?\s+\p{L})/u.exec(t) : null;
    const leStart = start;
    if (le) { start += le[0].length; t = t.slice(le[0].length); }
    const s = le && r.end ? r.end : r.start;
    const get = (k: chrono.Component) => (s.isCertain(k) ? s.get(k) : null);
    const month = get('month');
    // "September 14 and 18, 2010", "Oct. 5 or 6, 2012": the first day of a pair takes the year
    // written after the second
    const pairYear = s.isCertain('year') || !s.isCertain('day') ? null
      : /^\s*(?:and|or|&|-|–|to|through)\s*\d{1,2}(?:st|nd|rd|th)?,?\s+((?:1[6-9]|20)\d\d)(?![\p{N}])/u.exec(text.slice(start + t.length, start + t.length + 24));
    const year = get('year') ?? (pairYear ? +pairYear[1] : null);
    const dayOf = get('day');
    const wd = get('weekday');
    let hour = get('hour');
    if (hour != null && !CLOCK.test(t)) {
      // "Jan. 1, 1990 at 1", "6.43, on Friday": a number chrono read as a clock time
      const w = WEEKDAY_WORD.exec(t) ?? MONTH_WORD.exec(t);
      if (!w || (!s.isCertain('weekday') && !s.isCertain('month'))) continue;
      if (w.index > 0) { start += w.index; t = t.slice(w.index); }
      // ("Oct. 17 after 16 days": the number and the preposition chrono read as a clock go)
      const cut = /(?:\s*,?\s*(?:(?:at|after|before|by|until|till|from|around|about)\s+)?\d{1,2}(?:\.\d\d)?)$/.exec(t);
      // (not the day of the month itself: "midday on February 27")
      const dayItself = !!cut && s.isCertain('day') && dayOf != null && /^\s+\d{1,2}$/.test(cut[0]) && +cut[0] === dayOf && MONTH_WORD.test(t.slice(0, cut.index));
      if (cut && cut.index > 0 && !/\d{4}$/.test(t) && !dayItself) t = t.slice(0, cut.index);
      hour = null;
    }
    const minute = get('minute') ?? 0;
    // "this coming Monday", "this past Friday": chrono leaves "this" (and "coming") out
    if (wd != null && !s.isCertain('day')) {
      const lead = /\bthis\s+(?:(?:coming|past)\s+)?$/i.exec(text.slice(Math.max(0, start - 12), start));
      if (lead && (/^(?:coming|past)\s/i.test(t) || /\s(?:coming|past)\s+$/i.test(lead[0]))) {
        start -= lead[0].length;
        t = text.slice(start, start + lead[0].length + t.length);
      }
    }
    const dir = /\b(last|past|previous)\b/i.test(t) ? -1 : /\b(next|coming)\b/i.test(t) ? 1 : /\bthis\b/i.test(t) ? 0 : null;
    const casualPart = /\b(morning|afternoon|evening|night)\b/i.exec(t)?.[1].toLowerCase();
    // chrono tags most results with their parser; its weekday and ISO parsers leave no tag
    const untagged = s.isCertain('weekday') && !s.isCertain('day') ? 'ENWeekdayParser' : /^\d{4}-\d\d-\d\d/.test(t) ? 'ISOFormatParser' : 'ENCasualParsers';
    const by = `chrono/${[...r.tags()].find((x) => x.startsWith('parser/'))?.slice(7) ?? untagged}`;
    const resolve = (env: ResolveEnv, cand: Candidate & { ahead?: boolean; ended?: boolean; nineEleven?: boolean; lean?: 'past' | 'future' | 'possessive' | null; untilPerfect?: boolean; dayOverride?: number; through?: boolean }): Resolved | null => {
      const stated: string[] = [];
      const inferred: string[] = [];
      let date: string;
      let anchor: string | null = null;
      const dctNow = env.dct;
      const day = cand.dayOverride ?? dayOf;
      if (month != null && day != null) {
        stated.push('month', 'day');
        if (year == null && month === 9 && day === 11 && cand.nineEleven) {
          // "the Sept. 11 attacks": the name news gives the 2001 attacks
          return { type: 'DATE', value: '2001-09-11', stated: [...stated, 'name'], inferred: ['year'], anchor: null, mod: null };
        }
        if (year != null) {
          stated.push('year');
          date = dayValue({ y: year, m: month, d: day });
        } else if (dctNow) {
          inferred.push('year');
          anchor = 'dct';
          // the tense says which way a yearless date lies; without one, the nearest year
          // (only a date two months or more the wrong way round is moved: tense checks err)
          const gap = month * 31 + day - (dctNow.m * 31 + dctNow.d);
          const after = gap > 0;
          // (beyond six months the tense still decides: "the year ended March 31" in a November
          // report is this year's March, not next year's)
          const cue = cand.lean === 'future' && cand.untilPerfect && env.tense() === 'past' ? 'past' : cand.lean ?? null;
          const tense0 = Math.abs(gap) >= 60 ? cue ?? env.tense() : null;
          // the present tense says nothing about which year ("is payable Jan. 2")
          const tense = tense0 === 'present' ? null : tense0;
          // a period that "ended" on a day after the report's lies in the year before ("the
          // second quarter ended Oct. 31" in an October 27 report)
          const y = cand.ended ? (after ? dctNow.y - 1 : dctNow.y)
            : tense === 'past' && after ? dctNow.y - 1 : tense === 'future' && !after ? dctNow.y + 1 : tense ? dctNow.y : nearestYear(dctNow, month, day);
          date = dayValue({ y, m: month, d: day });
        } else date = `XXXX-${pad(month)}-${pad(day)}`;
        if (wd != null) stated.push('weekday');
      } else if (month != null) {
        stated.push('month');
        if (year != null) stated.push('year');
        date = monthValue(year ?? dctNow?.y ?? null, month);
        if (year == null) inferred.push('year');
      } else if (wd != null) {
        stated.push('weekday');
        if (cand.plural) return { type: 'SET', value: `XXXX-WXX-${wd}${cand.dayPart ? 'T' + cand.dayPart : ''}`, stated: ['weekday', 'frequency'], inferred: [], anchor: null, mod: null };
        if (!dctNow) date = `XXXX-WXX-${wd}`;
        else {
          let p: Ymd;
          if (dir === -1) p = weekdayNear(dctNow, wd, -1, true);
          else if (dir === 1) p = weekdayNear(dctNow, wd, 1, true);
          else if (dir === 0) {
            // "this Monday": the one of the report's week, unless it has gone by and the verb looks
            // ahead ("They will meet this Monday" in a Wednesday report is the coming one); a past
            // verb does not move a day still ahead back ("procedures detailed … to be followed
            // this Friday", "By this Friday, sources estimated …")
            p = weekdayNear(dctNow, wd, 0);
            if (toDays(p) < toDays(dctNow) && env.tense() === 'future') p = weekdayNear(dctNow, wd, 1, true);
          }
          // "as soon as Tuesday", "as early as Tuesday": a limit that lies ahead
          // "until Thursday" looks ahead, but not in a state the past perfect closes ("Until
          // Thursday, they had not named him", "had not been told until Monday"): the limit lies
          // before the report
          else if (cand.lean === 'future' && cand.untilPerfect && env.tense() === 'past') p = weekdayNear(dctNow, wd, -1);
          else if (cand.ahead || cand.lean === 'future') p = weekdayNear(dctNow, wd, 1);
          // "runs through Sunday", "will continue through Friday": the end of a stretch that is
          // still going on lies ahead ("lasted through Sunday" does not)
          else if (cand.through && env.tense() !== 'past') p = weekdayNear(dctNow, wd, 1);
          else if (cand.lean === 'past') p = weekdayNear(dctNow, wd, -1);
          else if (cand.lean === 'possessive') {
            // mostly an event the report looks back on, but "Monday night's debate" in a Sunday
            // report is tomorrow's: the coming day wins when it is one or two days off
            // (three days ahead when the clause looks ahead: "Trump will use Monday's encounter"
            // in a Friday report)
            const ahead = weekdayNear(dctNow, wd, 1, true);
            const gap = toDays(ahead) - toDays(dctNow);
            p = gap <= 2 || (gap <= 3 && env.tense() === 'future') ? ahead : weekdayNear(dctNow, wd, -1);
          }
          else p = weekdayNear(dctNow, wd, env.tense() === 'future' ? 1 : -1);
          date = dayValue(p);
          inferred.push('year', 'month', 'day');
          anchor = 'dct';
        }
      } else if (cand.dayPart && !/\b(?:this|tonight|today)\b/i.test(t) && env.last.day && env.last.day.si != null && env.sentence != null && env.sentence - env.last.day.si <= 1) {
        // "a swiftly called, late-afternoon meeting" after "on Friday": a bare part of the day
        // belongs to the day the text is telling of (named in this sentence or the one before)
        date = dayValue(env.last.day.p);
        inferred.push('year', 'month', 'day');
        anchor = env.last.day.id;
      } else {
        date = dayValue(dctNow);
        inferred.push('year', 'month', 'day');
        anchor = dctNow ? 'dct' : null;
      }
      if (hour != null) {
        stated.push('hour', 'minute');
        // TIMEX3 (after TIDES) writes midnight as hour 24 of the day it ends ("midnight Friday"
        // is the end of Friday), not hour 0 of the day after
        if (hour === 0 && minute === 0 && /\bmidnight\b/i.test(t)) return { type: 'TIME', value: `${date}T24`, stated, inferred, anchor, mod: null };
        return { type: 'TIME', value: `${date}T${pad(hour)}:${pad(minute)}`, stated, inferred, anchor, mod: null };
      }
      if (cand.dayPart && /^\d{4}-\d\d-\d\d$|^XXXX/.test(date)) {
        stated.push('day-part');
        return { type: 'TIME', value: `${date}T${cand.dayPart}`, stated, inferred, anchor, mod: null };
      }
      return { type: 'DATE', value: date, stated, inferred, anchor, mod: null };
    };
    const trailing = /[\s,;:)）]+$/.exec(t)?.[0].length ?? 0;
    const cand: Candidate & { ahead?: boolean; ended?: boolean; nineEleven?: boolean; lean?: 'past' | 'future' | 'possessive' | null; untilPerfect?: boolean; dayOverride?: number; through?: boolean } = {
      ended: /\b(?:quarter|year|period|half|months|weeks)\s+ended\s+$/i.test(text.slice(Math.max(0, start - 20), start)),
      nineEleven: /^\s+(?:terrorist\s+|terror\s+)?(?:attacks?|hijackers?|hijackings|commission)\b/i.test(text.slice(start + t.length - trailing, start + t.length - trailing + 30)),
      ahead: /\bas\s+(?:soon|early)\s+as\s+$/i.test(text.slice(Math.max(0, start - 20), start)),
      // words right before a date that say which way it lies: "effective Feb. 1", "payable
      // Jan. 2" look ahead, "since Oct. 23" back
      lean: /\b(?:effective|payable|due(?:\s+(?:out|back|in))?|starting|beginning|expiring|until|till)\s+(?:at\s+(?:the\s+)?(?:least|earliest)\s+)?(?:on\s+)?$/i.test(text.slice(Math.max(0, start - 32), start)) ? 'future'
        // "ahead of Sunday's vote", "in the run-up to the election on Sunday": the event the
        // clause prepares for has not come yet (a weekday only: a yearless date's year is left to
        // the tense, "came under pressure ahead of the realignment on January 11" in March)
        : s.isCertain('weekday') && !s.isCertain('day') && AHEAD_OF.test(text.slice(Math.max(0, start - 60), start)) ? 'future'
        : /\bsince\s+(?:(?:shortly|just|soon|immediately)\s+)?(?:(?:after|before)\s+)?(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 36), start)) ? 'past'
        // "earlier Sunday": earlier than the report's telling, so not ahead of it
        : /^earlier\s/i.test(t) || /\bearlier\s+(?:on\s+)?$/i.test(text.slice(Math.max(0, start - 12), start)) ? 'past'
        // a possessive weekday names an event the report looks back on ("Friday's trading",
        // "Wednesday's ruling"); the clause's verb tells nothing about it
        : s.isCertain('weekday') && !s.isCertain('day') && /^['’]s\b/.test(text.slice(start + t.length - trailing, start + t.length - trailing + 3)) ? 'possessive' : null,
      untilPerfect: untilPerfect(text, start),
      through: /\b(?:through|thru)\s+$/i.test(text.slice(Math.max(0, start - 10), start)),
      start,
      end: start + t.length - trailing,
      by,
      priority: 1,
      mod,
      dayPart: casualPart ? DAY_PARTS[casualPart] : null,
      resolve: (env) => resolve(env, cand),
    };
    if (le && month != null && dayOf != null && +le[1] < dayOf) {
      const first: typeof cand = { ...cand, start: leStart, end: leStart + le[1].length, dayOverride: +le[1], resolve: (env) => resolve(env, first) };
      out.push(first);
    }
    out.push(cand);
  }
  return out;
}
