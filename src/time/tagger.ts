/**
 * @module time/tagger
 * The time tagger: chrono-node's candidates and our rules' candidates go through a short,
 * readable list of refiners, then are resolved in text order so that "the previous day"
 * can lean on the last date mentioned.
 *
 * 1. `selectLongest`: overlapping candidates → the longest (ties: the more specific rule);
 * 2. `attachModifiers`: "early", "the end of", "about", "more than" before an expression,
 *    "morning"/"night" after a day → mod and day part, with the extent widened as TimeML does;
 * 3. resolve each, in order, against the document date, the tense, and earlier dates.
 */
import type { AnalysisTime, Sentence, Token } from '../types.js';
import { addDays, dayValue, parseYmd, toDays, weekValue, type Ymd } from './calendar.js';
import type { Candidate, Mentioned, ResolveEnv } from './candidate.js';
import { chronoCandidates, createTimemlChrono } from './chrono.js';
import { alternation, loadTimeLexicon, type TimeLexicon } from './lexicon.js';
import { buildRules, findRuleCandidates, lastCompletedQuarter, OVER_AS_MORE_THAN } from './rules.js';
import { governingTense, tenseCues, type Tense } from './tense.js';

/** What the tagger reads: the text, the anchor, and the earlier layers it may use. */
export interface TagInput {
  text: string;
  /** YYYY-MM-DD, or null. */
  documentDate: string | null;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  /** Penn tags, when a POS stage ran. */
  pos: readonly string[] | null;
}

export interface TimeTaggerOptions {
  /** Use chrono-node's parsers (default true; false gives our rules alone). */
  chrono?: boolean;
  /** A lexicon to use instead of `data/time/lexicon.json`. */
  lexicon?: TimeLexicon;
}

export interface TimeTagger {
  tag(input: TagInput): AnalysisTime[];
}

/** Overlapping candidates: keep the longest; on equal spans the higher priority. */
export function selectLongest(cands: Candidate[]): Candidate[] {
  const order = [...cands].sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const taken: Candidate[] = [];
  for (const c of order) {
    if (taken.every((t) => c.end <= t.start || c.start >= t.end)) taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/**
 * Creates a tagger (compiles the rules once; the tagger itself holds no state between
 * documents).
 *
 * @example
 * const tagger = createTimeTagger();
 * tagger.tag({ text: 'He left on Monday.', documentDate: '2025-04-30', tokens, sentences, pos: null })
 * // [{ id: 't1', text: 'Monday', type: 'DATE', value: '2025-04-28', … }]
 */
export function createTimeTagger(options: TimeTaggerOptions = {}): TimeTagger {
  const lex = options.lexicon ?? loadTimeLexicon();
  const rules = buildRules(lex);
  const chronoInstance = options.chrono === false ? null : createTimemlChrono(lex);
  const cues = tenseCues(lex);
  // ("late on Tuesday", "early on Monday": the wires' way of saying "late Tuesday")
  const pointMod = new RegExp(`(?:^|[^\\p{L}])(${alternation(Object.keys(lex.pointMods))})(?:\\s+|-|(?<=(?:early|late|earlier|later))\\s+on\\s+)$`, 'iu');
  const quantMod = new RegExp(`(?:^|[^\\p{L}])(${alternation(Object.keys(lex.quantityMods))})\\s+$`, 'iu');
  const quantStart = new RegExp(`^(?:${alternation(Object.keys(lex.quantityMods))})\\s`, 'iu');
  const dayPartAfter = new RegExp(`^\\s+(${alternation(Object.keys(lex.dayParts))})(s?)(?![\\p{L}])`, 'iu');

  function attachModifiers(text: string, cands: Candidate[]): void {
    for (let i = 0; i < cands.length; i++) {
      const c = cands[i];
      const floor = i > 0 ? cands[i - 1].end : 0;
      const ceil = i + 1 < cands.length ? cands[i + 1].start : text.length;
      const isDuration = c.by === 'rule/duration' || c.by === 'rule/duration-adjective';
      const isAgo = c.by === 'rule/duration-point';
      const before = text.slice(Math.max(floor, c.start - 24), c.start);
      const span = text.slice(c.start, c.end);
      if (!isDuration && !/^(?:early|late|mid|the\s+(?:end|beginning|start|middle))/i.test(span)) {
        const pm = pointMod.exec(before);
        if (pm && !c.mod) {
          c.mod = lex.pointMods[pm[1].toLowerCase().replace(/\s+/g, ' ')];
          c.start = c.start - before.length + pm.index + pm[0].toLowerCase().indexOf(pm[1].toLowerCase());
        }
      }
      const before2 = text.slice(Math.max(floor, c.start - 24), c.start);
      const qm = quantMod.exec(before2);
      // "over the past two weeks", and "over" after an amount ("raise $500 billion over 10
      // years", "rose 8 percent over three years"): a preposition spreading the amount across
      // the stretch, not "more than"
      const overThe = qm && /^over$/i.test(qm[1]) && (/^(?:the|its|their)\s/i.test(span)
        || (isDuration && !OVER_AS_MORE_THAN.test(text.slice(Math.max(0, c.start - before2.length + qm.index - 16), c.start - before2.length + qm.index)))
        || /(?:\d|%|\bpercent|\bmillion|\bbillion|\btrillion)\s*$/i.test(text.slice(Math.max(0, c.start - before2.length + qm.index - 12), c.start - before2.length + qm.index)));
      // "get around Wednesday's ruling": before a possessive the word is a preposition of the
      // noun phrase, not an approximation of the time
      const possessive = /^['’]s\b/.test(text.slice(c.end, c.end + 3));
      // "over at least five years": the span has its own modifier; "over" is a preposition
      const hasOwn = quantStart.test(span);
      // "worried about the future", "talking about now", "thought about every day": before a
      // vague reference or a set, "about"/"around" is a preposition, never an approximation
      const prepAbout = qm && !isDuration && !isAgo && /^(?:about|around)$/i.test(qm[1])
        && /^(?:(?:the\s+)?(?:future|past|present|long|short|near)\b|now|today|tonight|tomorrow|yesterday|these\s+days|then|recent|every|each)/i.test(span);
      if (qm && !overThe && !possessive && !hasOwn && !prepAbout && !c.mod && (isDuration || isAgo || /^(?:about|around|approximately|roughly|circa)$/i.test(qm[1]))) {
        c.mod = lex.quantityMods[qm[1].toLowerCase().replace(/\s+/g, ' ')];
        c.start = c.start - before2.length + qm.index + qm[0].toLowerCase().indexOf(qm[1].toLowerCase());
      }
      // "the week of March 6" names the (ISO) week that holds the day, as TIMEX3 writes weeks
      const weekFrom = Math.max(floor, c.start - 16);
      const weekOf = /\bthe\s+week\s+of\s+$/i.exec(text.slice(weekFrom, c.start));
      if (weekOf && !c.mod && !c.dayPart) {
        const inner = c.resolve;
        c.start = weekFrom + weekOf.index;
        c.by = 'rule/week-of';
        c.resolve = (env) => {
          const r = inner(env);
          const p = r && r.type === 'DATE' ? parseYmd(/^\d{4}-\d\d-\d\d$/.test(r.value) ? r.value : null) : null;
          return r && p ? { ...r, value: weekValue(p), stated: [...r.stated, 'week'] } : r;
        };
      }
      // "the day before last Tuesday", "the day after Christmas": one day off the named day
      const dayFrom = Math.max(floor, c.start - 20);
      const dayOff = /\b(?:the\s+)?(day)\s+(before|after)\s+$/i.exec(text.slice(dayFrom, c.start));
      if (dayOff && !c.mod && !c.dayPart && !weekOf) {
        const inner = c.resolve;
        const step = dayOff[2].toLowerCase() === 'before' ? -1 : 1;
        // the corpus (and TIMEX2 practice) starts the extent at "day", leaving the article out
        c.start = dayFrom + dayOff.index + dayOff[0].toLowerCase().indexOf('day');
        c.by = 'rule/day-before-after';
        c.resolve = (env) => {
          const r = inner(env);
          const p = r && r.type === 'DATE' ? parseYmd(/^\d{4}-\d\d-\d\d$/.test(r.value) ? r.value : null) : null;
          return r && p ? { ...r, value: dayValue(addDays(p, step)), stated: [...r.stated, 'offset'] } : r;
        };
      }
      if (c.by.startsWith('chrono/') && !c.dayPart) {
        const dp = dayPartAfter.exec(text.slice(c.end, Math.min(ceil, c.end + 14)));
        if (dp && /^[A-Z]/.test(span)) {
          c.dayPart = lex.dayParts[dp[1].toLowerCase()];
          c.plural = dp[2] === 's';
          c.end += dp[0].length;
        }
      }
    }
  }

  function tag(input: TagInput): AnalysisTime[] {
    const { text } = input;
    const dct = parseYmd(input.documentDate);
    const cands = findRuleCandidates(rules, text);
    if (chronoInstance) cands.push(...chronoCandidates(chronoInstance, text, dct));
    // a capitalised time phrase that is all of a quotation is a title ("CBS's ''60 Minutes''",
    // "the ''Today'' show", "the movie '13 Hours'"), not a time
    const chosen = selectLongest(cands).filter((c) => !(/^[\p{Lu}\d]/u.test(text.slice(c.start, c.start + 1))
      && /(?:''|``|"|“|‘|(?:^|\s)['’])$/u.test(text.slice(Math.max(0, c.start - 2), c.start))
      && /^[.,]?(?:''|"|”|['’](?!\p{L}))/u.test(text.slice(c.end, c.end + 3))));
    attachModifiers(text, chosen);

    const out: AnalysisTime[] = [];
    const last: Mentioned = {};
    let si = 0;
    let tokenCursor = 0;
    const quarterCache = new Map<number, boolean>();
    let reportQuarter: Mentioned['quarter'];
    let quarterSentence = -1;
    for (const c of chosen) {
      while (si + 1 < input.sentences.length && input.sentences[si].end <= c.start) si++;
      const sentence: Sentence | undefined = input.sentences[si];
      while (tokenCursor < input.tokens.length && input.tokens[tokenCursor].end <= c.start) tokenCursor++;
      const startTok = tokenCursor;
      let endTok = startTok;
      while (endTok < input.tokens.length && input.tokens[endTok].start < c.end) endTok++;
      let tense: Tense | null | undefined;
      // An earnings report is about one quarter, the first it names ("third-quarter net
      // income rose …"); later "the quarter", "the 1989 period", "a year ago" refer to it, not
      // to a quarter named in passing ("after a flat second quarter", "in the 1988 period",
      // "into the fourth quarter"), unless that one was named in the same sentence.
      const quarterRef = last.quarter && quarterSentence === si ? last.quarter : reportQuarter ?? last.quarter;
      const env: ResolveEnv = {
        dct,
        last,
        quarterRef,
        sentence: si,
        tense: () => {
          if (tense === undefined) {
            tense = sentence && input.tokens.length
              ? governingTense({ tokens: input.tokens, pos: input.pos, from: sentence.tokenStart, to: sentence.tokenEnd }, startTok, Math.max(endTok, startTok + 1), cues)
              : null;
          }
          return tense;
        },
        quarterContext: sentence ? quarterContextOf(text, sentence, si, quarterCache) : false,
      };
      const r = c.resolve(env);
      if (!r) continue;
      const id = `t${out.length + 1}`;
      out.push({
        id, start: c.start, end: c.end, text: text.slice(c.start, c.end),
        type: r.type, value: r.value, mod: r.mod ?? c.mod ?? null,
        stated: r.stated, inferred: r.inferred, anchor: r.anchor, by: c.by,
      });
      if ((r.type === 'DATE' || r.type === 'TIME') && r.remember !== false) {
        remember(last, r.value, id, si, r.stated.includes('year') && !r.inferred.includes('year'));
        if (r.month) last.month = { ...r.month, id, si };
        if (/^\d{4}-Q\d$/.test(r.value) && last.quarter) {
          quarterSentence = si;
          // a later report in a round-up ("Separately, X reported third-quarter profit …")
          // moves the reference on; a comparison or a forecast (an earlier quarter, or one not
          // yet over by the report's date) does not
          const q = last.quarter;
          const done = dct ? lastCompletedQuarter(dct) : null;
          const key = (x: { y: number; q: number }) => x.y * 4 + x.q;
          if (!reportQuarter || (key(q) > key(reportQuarter) && (!done || key(q) <= key(done)))) reportQuarter = q;
        }
      }
    }
    dateClockFromNextDay(text, out);
    clockRangeOvernight(text, out);
    weekdayRangeInOrder(text, out);
    weekdayFromParenthesis(text, out);
    const withParts = clockInDayPart(text, out);
    const withAnaphora = theTimeTold(text, withParts, input.sentences, dct);
    return mergeDayPartWithDay(text, withAnaphora);
  }

  return Object.freeze({ tag });
}

/** What may stand between a clock time and the day it belongs to: a zone or "local time", a
 *  parenthesised conversion ("(0735 GMT)"), a comma, "on". */
const CLOCK_TO_DAY = /^\s*(?:(?:local\s+time|[A-Z]{2,4})\s*)?(?:\([^()]{1,24}\)\s*)?,?\s*(?:on\s+)?$/;

/**
 * "at 3:30 p.m. local time on Wednesday", "at about 10:35 a.m. (0735 GMT) Friday": a clock time
 * whose day the text names just after it, in an expression of its own, is on that day (chrono
 * merges only the plain "3:30 p.m. Wednesday").
 */
function dateClockFromNextDay(text: string, out: AnalysisTime[]): void {
  for (let i = 0; i + 1 < out.length; i++) {
    const t = out[i];
    const next = out[i + 1];
    if (t.type !== 'TIME' || t.stated?.includes('day') || t.stated?.includes('weekday')) continue;
    const clock = /^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)(T\d\d(?::\d\d)?)$/.exec(t.value);
    if (!clock) continue;
    // "at 4 in the morning (4 a.m. EDT Thursday)": a parenthesised restatement with its day
    const restated = next.type === 'TIME' && /^\s*(?:(?:local\s+time|[A-Z]{2,4})\s*)?\($/.test(text.slice(t.end, next.start)) && (next.stated?.includes('weekday') || next.stated?.includes('day'))
      ? /^(\d{4}-\d\d-\d\d)T/.exec(next.value)?.[1] : undefined;
    if (restated) { out[i] = { ...t, value: restated + clock[1], anchor: next.id }; continue; }
    // "from 7 a.m. to 8 p.m. on Sunday": the first end of a range of clock times is on the day
    // of the second
    const rangeEnd = next.type === 'TIME' && /^\s*(?:-|–|to|until|till|through)\s*$/i.test(text.slice(t.end, next.start)) && (next.stated?.includes('weekday') || next.stated?.includes('day'))
      ? /^(\d{4}-\d\d-\d\d)T/.exec(next.value)?.[1] : undefined;
    if (rangeEnd) { out[i] = { ...t, value: rangeEnd + clock[1], anchor: next.id }; continue; }
    if (next.type !== 'DATE' || !/^\d{4}-\d\d-\d\d$/.test(next.value)) continue;
    if (!CLOCK_TO_DAY.test(text.slice(t.end, next.start))) continue;
    out[i] = { ...t, value: next.value + clock[1], anchor: next.id };
  }
}

/**
 * "a curfew from 7pm to 6am", "from midnight until 06:00": a range of clock times whose end is
 * earlier in the day than its start runs overnight, so its end is on the next day (when the text
 * named no day for it).
 */
function clockRangeOvernight(text: string, out: AnalysisTime[]): void {
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (a.type !== 'TIME' || b.type !== 'TIME' || b.stated?.includes('day') || b.stated?.includes('weekday')) continue;
    if (!/^\s*(?:-|–|to|until|till|through)\s*$/i.test(text.slice(a.end, b.start))) continue;
    const ca = /^(\d{4}-\d\d-\d\d)T(\d\d)(?::(\d\d))?$/.exec(a.value);
    const cb = /^(\d{4}-\d\d-\d\d)T(\d\d)(?::(\d\d))?$/.exec(b.value);
    if (!ca || !cb || ca[1] !== cb[1]) continue;
    if (+cb[2] * 60 + +(cb[3] ?? 0) >= +ca[2] * 60 + +(ca[3] ?? 0)) continue;
    const p = parseYmd(cb[1]);
    if (!p) continue;
    out[i + 1] = { ...b, value: dayValue(addDays(p, 1)) + b.value.slice(10), anchor: a.id };
  }
}

/**
 * "from Thursday through Sunday", "Monday-Friday": the end of a range of weekdays comes after
 * its start, whichever way each weekday alone would have gone (in a Friday report "the festival
 * runs from Thursday through Sunday" ends on the coming Sunday).
 */
function weekdayRangeInOrder(text: string, out: AnalysisTime[]): void {
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    // (a weekday with a clock, "from 10 p.m. Friday until 4 a.m. Saturday", counts too)
    const bare = (t: AnalysisTime) => (t.type === 'DATE' || t.type === 'TIME') && /^\d{4}-\d\d-\d\d(?:T|$)/.test(t.value) && !!t.stated?.includes('weekday') && !t.stated?.includes('day');
    if (!bare(a) || !bare(b)) continue;
    const joint = text.slice(a.end, b.start);
    // ("begins on Monday and ends on Thursday", "opens Monday and runs through Friday": the
    // second end of an event's run, said with a verb of ending, is not before the first)
    const ending = /^\s*,?\s*(?:and|,)\s+(?:(?:will|is\s+to|is\s+due\s+to|should)\s+)?(?:ends?|ending|runs?|running|lasts?|lasting|continues?|continuing|closes?|closing|concludes?|concluding|finish(?:es)?|finishing|wraps?\s+up|wrapping\s+up)(?:\s+(?:on|through|thru|until|till|to))?\s*$/i.test(joint);
    if (!ending && !/^\s*(?:-|–|through|thru|to|until|till)\s*$/i.test(joint)) continue;
    // "to" joins a range only after "from" ("from Monday to Friday"; not "moved Monday to Friday")
    if (/^\s*to\s*$/i.test(joint) && !/\bfrom\s+$/i.test(text.slice(Math.max(0, a.start - 8), a.start))) continue;
    const pa = parseYmd(a.value.slice(0, 10));
    const pb = parseYmd(b.value.slice(0, 10));
    if (!pa || !pb) continue;
    const gap = toDays(pb) - toDays(pa);
    // the end before the start goes a week on; in a plain range ("from 10 p.m. Friday until 4
    // a.m. Saturday"), an end more than six days after the start a week back ("opened Friday
    // and runs through Sunday" is a run still going on: the end stays ahead)
    const shift = gap < 0 ? 7 : gap > 6 && !ending ? -7 : 0;
    if (!shift) continue;
    out[i + 1] = { ...b, value: dayValue(addDays(pb, shift)) + b.value.slice(10), anchor: a.id };
  }
}

/**
 * "on Monday (March 17)", "Tuesday (Nov. 4)": a weekday whose date follows in parentheses is
 * that date, when the two agree (the weekday alone was placed by the tense, which errs).
 */
function weekdayFromParenthesis(text: string, out: AnalysisTime[]): void {
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (a.type !== 'DATE' || b.type !== 'DATE' || !/^\s*\(\s*$/.test(text.slice(a.end, b.start))) continue;
    if (isBareWeekday(a) && isDay(b) && sameWeekday(b.value, a.text)) {
      out[i] = { ...a, value: b.value, anchor: b.id };
    } else if (isBareWeekday(b) && isDay(a) && sameWeekday(a.value, b.text)) {
      // and the other way round: "tomorrow (Thursday)", "March 5 (Thursday)": the weekday
      // restates the day just given
      out[i + 1] = { ...b, value: a.value, anchor: a.id };
    }
  }
}

function isBareWeekday(t: AnalysisTime): boolean {
  return !!t.stated?.includes('weekday') && !t.stated.includes('day');
}

function isDay(t: AnalysisTime): boolean {
  return /^\d{4}-\d\d-\d\d$/.test(t.value);
}

/** Does the calendar day `value` (YYYY-MM-DD) fall on the weekday named in `weekdayText`? */
function sameWeekday(value: string, weekdayText: string): boolean {
  const p = parseYmd(value);
  const wd = WEEKDAY_NUMBER.exec(weekdayText);
  if (!p || !wd) return false;
  const n = (new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay() + 6) % 7 + 1;
  return n === WEEKDAYS.indexOf(wd[1].toLowerCase().slice(0, 3)) + 1;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEKDAY_NUMBER = /\b(mon|tue|wed|thu|fri|sat|sun)/i;

/** Ids t1… in text order after expressions were added or merged; anchors follow (a merged
 *  expression's swallowed id, given in `into`, points at the expression it went into). */
function renumberInOrder(list: AnalysisTime[], into: Map<string, string> = new Map()): AnalysisTime[] {
  list.sort((a, b) => a.start - b.start);
  const ids = new Map<string, string>();
  list.forEach((t, i) => ids.set(t.id, `t${i + 1}`));
  for (const [gone, kept] of into) if (ids.has(kept)) ids.set(gone, ids.get(kept)!);
  return list.map((t) => ({ ...t, id: ids.get(t.id)!, anchor: t.anchor && t.anchor !== 'dct' ? ids.get(t.anchor) ?? t.anchor : t.anchor }));
}

const SMALL_HOURS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
/** A bare hour before a part of the day ("at 8 tonight", "until nine this evening"); not after "by" or
 *  "about", which more often mark an amount ("shares rose by 5 this morning"). */
const BARE_HOUR_BEFORE = /(?:^|[^\p{L}\p{N}])(?:at|until|till|before|after|from)\s+((\d{1,2})(?:[:.](\d\d))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+$/iu;

/**
 * "9 o'clock tonight", "at 8 tonight", "at 7:30 this evening", "6 this morning": an hour said
 * without a.m. or p.m. before a part of a day is on that day and in that part of it (evening
 * and night hours are p.m.); TimeML tags the phrase whole, as it does "10 a.m. Friday".
 */
function clockInDayPart(text: string, out: AnalysisTime[]): AnalysisTime[] {
  let changed = false;
  const into = new Map<string, string>();
  const list: AnalysisTime[] = [];
  const pm = (h: number, part: string) => (part === 'EV' && h >= 1 && h <= 11) || (part === 'NI' && h >= 5 && h <= 11) || (part === 'AF' && h >= 1 && h <= 6) ? h + 12 : h;
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    const part = /^(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)$/.exec(t.value);
    if (!part || t.type !== 'TIME') { list.push(t); continue; }
    const prev = list[list.length - 1];
    const gap = prev ? text.slice(prev.end, t.start) : '';
    const clock = prev && prev.type === 'TIME' ? /^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T(\d\d):(\d\d)$/.exec(prev.value) : null;
    if (prev && clock && /^\s+$/.test(gap) && !/noon|midnight/i.test(prev.text) && !prev.stated?.includes('day') && !prev.stated?.includes('weekday')) {
      // "8 p.m. tonight": the hour already says which half of the day
      const h = /(?:\b|\d)[ap]\.?m\b/i.test(prev.text) ? +clock[1] : pm(+clock[1], part[2]);
      list[list.length - 1] = { ...prev, end: t.end, text: text.slice(prev.start, t.end), value: `${part[1]}T${String(h).padStart(2, '0')}:${clock[2]}`, anchor: t.anchor, stated: [...(prev.stated ?? []), 'day-part'], inferred: t.inferred };
      into.set(t.id, prev.id);
      changed = true;
      continue;
    }
    const floor = prev ? prev.end : 0;
    const bare = BARE_HOUR_BEFORE.exec(text.slice(Math.max(floor, t.start - 24), t.start));
    if (bare) {
      const h0 = bare[2] != null ? +bare[2] : SMALL_HOURS[bare[1].toLowerCase()];
      const min = bare[3] ?? '00';
      if (h0 >= 1 && h0 <= 12 && +min < 60) {
        const start = t.start - (bare[0].length - bare[0].toLowerCase().lastIndexOf(bare[1].toLowerCase()));
        list.push({ ...t, start, text: text.slice(start, t.end), value: `${part[1]}T${String(pm(h0, part[2])).padStart(2, '0')}:${min}`, stated: [...(t.stated ?? []), 'hour', 'minute'] });
        changed = true;
        continue;
      }
    }
    list.push(t);
  }
  return changed ? renumberInOrder(list, into) : out;
}

/** Words after "at the time" that end the phrase: it refers back rather than heading a clause. */
const TIME_ENDS = /^\s*(?:[,.;:!?)'"”’—–]|$|-{1,2}\s)/;
/** "saying at the time he was willing": after a verb of saying, a pronoun starts what was said. */
const SAID_BEFORE = /\b(?:said|saying|says|say|told|telling|added|adding|stated|declared|insisted|wrote|noted|explained)\s+$/i;

/**
 * "at the time", "at that time" refer back to the time the text has just told of (a date or
 * time in the same sentence or the one before); both corpora tag the phrase as PAST_REF when
 * that time is past. "During that time" after a stretch just named ("a five-year effort. During
 * that time, …") is that stretch. With nothing to refer to, or before a clause of its own ("at
 * the time the plant was built"), the phrase is left untagged.
 */
function theTimeTold(text: string, out: AnalysisTime[], sentences: readonly Sentence[], dct: Ymd | null): AnalysisTime[] {
  if (!/\b(?:the|that)\s+time\b/i.test(text)) return out;
  const added: AnalysisTime[] = [];
  const re = /\b(at|during|in|over|throughout)\s+((?:the|that)\s+time)\b/gi;
  const sentenceOf = (pos: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid].start <= pos) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  for (let m: RegExpExecArray | null; (m = re.exec(text)); ) {
    const start = m.index + m[0].length - m[2].length;
    const end = m.index + m[0].length;
    if (out.some((t) => t.start < end && start < t.end)) continue;
    const after = text.slice(end, end + 24);
    const ends = TIME_ENDS.test(after);
    const at = m[1].toLowerCase() === 'at';
    if (!ends && !(at && /^\s+(?:he|she|they|it|we|i)\s/i.test(after) && SAID_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)))) continue;
    const si = sentences.length ? sentenceOf(start) : 0;
    let ante: AnalysisTime | undefined;
    for (let k = out.length - 1; k >= 0; k--) {
      if (out[k].end <= m.index) { ante = out[k]; break; }
    }
    if (!ante || (sentences.length && si - sentenceOf(ante.start) > 1)) continue;
    if (at) {
      if (ante.type !== 'DATE' && ante.type !== 'TIME') continue;
      if (!dct || !isBefore(ante.value, dct)) continue;
      added.push({ id: `n${added.length}`, start, end, text: text.slice(start, end), type: 'DATE', value: 'PAST_REF', mod: null, stated: [], inferred: ['reference'], anchor: ante.id, by: 'rule/the-time' });
    } else if (/^that\s/i.test(m[2]) && ante.type === 'DURATION' && /^P\d/.test(ante.value)) {
      added.push({ id: `n${added.length}`, start, end, text: text.slice(start, end), type: 'DURATION', value: ante.value, mod: null, stated: [], inferred: ['duration'], anchor: ante.id, by: 'rule/the-time' });
    }
  }
  return added.length ? renumberInOrder([...out, ...added]) : out;
}

/** Whether a calendar value (day, month, year, week, quarter) lies wholly before the day `dct`. */
function isBefore(value: string, dct: Ymd): boolean {
  const day = dayValue(dct);
  if (/^\d{4}-W\d\d/.test(value)) return value.slice(0, 8) < weekValue(dct);
  const q = /^(\d{4})-Q(\d)/.exec(value);
  if (q) return +q[1] * 4 + +q[2] < dct.y * 4 + Math.ceil(dct.m / 3);
  const cal = /^\d{4}(?:-\d\d(?:-\d\d)?)?/.exec(value)?.[0];
  return !!cal && cal < day.slice(0, cal.length);
}

/**
 * "mid-afternoon yesterday", "this morning Monday": a part of the day followed at once by the
 * day it belongs to is one TIME of that day (TimeML tags the phrase whole); so is a month and
 * day followed by "of last year". Ids are renumbered and anchors follow.
 */
function mergeDayPartWithDay(text: string, out: AnalysisTime[]): AnalysisTime[] {
  let merged = false;
  const kept: AnalysisTime[] = [];
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    const next = out[i + 1];
    const part = /T(MO|AF|EV|NI)$/.exec(t.value);
    // "June 16th of last year": the month and day take the year named after them
    const ofYear = next && /^\s+of\s+$/.test(text.slice(t.end, next.start)) && /^(?:last|this|next)\s+year$/i.test(next.text) && /^\d{4}$/.test(next.value);
    if (ofYear && t.type === 'DATE' && /^\d{4}-\d\d-\d\d$/.test(t.value) && !t.stated?.includes('year')) {
      kept.push({ ...t, end: next.end, text: text.slice(t.start, next.end), value: next.value + t.value.slice(4), anchor: next.anchor, stated: [...(t.stated ?? []), 'year'], inferred: (t.inferred ?? []).filter((x) => x !== 'year') });
      merged = true;
      i++;
      continue;
    }
    if (part && next && t.type === 'TIME' && !t.stated?.includes('day') && !t.stated?.includes('weekday')
      && next.type === 'DATE' && /^\d{4}-\d\d-\d\d$/.test(next.value) && /^\s+$/.test(text.slice(t.end, next.start))
      && /^(?:yesterday|today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$/i.test(next.text)) {
      kept.push({ ...t, end: next.end, text: text.slice(t.start, next.end), value: `${next.value}T${part[1]}`, anchor: next.anchor, stated: [...(t.stated ?? []), ...(next.stated ?? [])] });
      merged = true;
      i++;
      continue;
    }
    kept.push(t);
  }
  if (!merged) return out;
  const ids = new Map<string, string>();
  kept.forEach((t, i) => ids.set(t.id, `t${i + 1}`));
  // the swallowed day's id now points at the merged expression
  for (let i = 0; i < out.length; i++) if (!ids.has(out[i].id)) ids.set(out[i].id, ids.get(out[i - 1].id)!);
  return kept.map((t) => ({ ...t, id: ids.get(t.id)!, anchor: t.anchor && t.anchor !== 'dct' ? ids.get(t.anchor) ?? t.anchor : t.anchor }));
}

/** Whether a sentence talks of quarters (then "a year earlier" is the year-ago quarter). */
function quarterContextOf(text: string, s: Sentence, si: number, cache: Map<number, boolean>): boolean {
  let v = cache.get(si);
  if (v === undefined) {
    v = /\bquarter(?!\s+of\s+(?:a|the|its|all)\b)|\bquarterly\b/i.test(text.slice(s.start, s.end));
    cache.set(si, v);
  }
  return v;
}

/** Records a resolved value as the last mentioned date of each granularity it has. */
function remember(last: Mentioned, value: string, id: string, si?: number, yearStated = false): void {
  if (/^\d{4}(?:-|$)/.test(value)) last.latest = { value, id, si };
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const p: Ymd = { y: +m[1], m: +m[2], d: +m[3] };
    last.day = { p, id, si };
    last.month = { y: p.y, m: p.m, id, si };
    last.year = { y: p.y, id, si, stated: yearStated };
    return;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    last.month = { y: +m[1], m: +m[2], id, si };
    last.year = { y: +m[1], id, si, stated: yearStated };
    return;
  }
  if ((m = /^(\d{4})-Q(\d)$/.exec(value))) {
    last.quarter = { y: +m[1], q: +m[2], id };
    last.year = { y: +m[1], id, si, stated: yearStated };
    return;
  }
  if ((m = /^(\d{4})(?:$|-(?:SP|SU|FA|WI|H[12])$)/.exec(value))) last.year = { y: +m[1], id, si, stated: yearStated };
}
