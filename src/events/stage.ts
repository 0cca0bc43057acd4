/**
 * @module events/stage
 * The events stage: PLOVER events with source and target actors, date, place, polarity,
 * modality and claimant, from the trigger lexicon (`data/lexicons/events/`) over the
 * sentence's tokens and the layers before it.
 *
 * How one sentence is read:
 * 1. Triggers: phrases ("held talks", "opened fire"), verbs and event nouns from the lexicon.
 * 2. Frames compose: a governing trigger takes the action after it ("threatened to ban" →
 *    THREATEN, "refused to deploy" → REJECT, "held talks" → CONSULT, "will give a grant" →
 *    AGREE with modality future), as PLOVER codes intentions, threats and refusals.
 * 3. Actors: from the dependency parse when there is one (`roles.ts`: nsubj, shared and
 *    controlled subjects, obl:agent, obj, typed prepositional and purpose-clause targets),
 *    else by position: the subject is the nearest actor left of the governing trigger outside a
 *    prepositional phrase, the target the first actor right of the action (the "by" actor
 *    of a passive is the source, the subject its target).
 * 4. Date from the sentence's time expression (else the report's date, `dateInferred`),
 *    place from the sentence's "in/at/near" place (else the dateline's), claimant from the
 *    innermost attribution holding the trigger; the same event told twice is merged.
 */
import type { AnalysisEvent, EventActor, Modality, Polarity, PloverType, Sentence, Stage, WorkingDoc } from '../types.js';
import { claimantsOf, innermostAttribution } from '../attribute/chain.js';
import { loadEventLexicon, type CompiledPhrase, type EventLexicon, type Frame, type TriggerEntry } from './lexicon.js';
import { actorPhrases, type ActorPhrase } from './actors.js';
import { lonePossessive, parseSubject, parseTarget } from './roles.js';

/** Options for building an events stage. */
export interface EventStageOptions {
  /** A compiled lexicon (default: the shipped one, loaded on first use). */
  lexicon?: EventLexicon;
}

interface Hit {
  i: number;
  j: number;
  kind: 'V' | 'N' | 'P';
  entries: TriggerEntry[];
  /** Token index of the content word (the verb, or the noun of a phrase). */
  head: number;
}

interface Candidate {
  type: PloverType;
  mode: string | null;
  context: string[];
  /** Trigger token range. */
  i: number;
  j: number;
  /** The governing hit (where the subject is sought) and the action hit (where objects are). */
  gov: Hit;
  act: Hit;
  modality: Modality;
  polarity: Polarity;
  rule: string;
  /** An intention's own type ("will give a grant": AID under AGREE). */
  intent: PloverType | null;
  /** Target forced by a frame ("urged Y to …", "Y must …"). */
  target: ActorPhrase | null;
}

const COOPERATIVE = new Set<PloverType>(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT']);
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'this', 'these', 'those', "'s", '’s', 'any', 'no', 'every', 'further', 'new', 'recent', 'first', 'latest', 'second', 'official', 'formal']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'who', 'which', 'that']);
const MODALS_FUTURE = new Set(['will', 'shall', "'ll", '’ll', 'wo']);
const MODALS_HYPO = new Set(['would', 'could', 'might', 'may', 'can', "'d"]);
const MUST = new Set(['must', 'should']);
const NEGATIONS = new Set(['not', "n't", '’t', 'never', 'no']);
const AUX = new Set(['do', 'does', 'did', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", "'re", "'ve", 'to', 'also', 'still', 'again', 'already', 'then', 'now', 'finally', 'later', 'reportedly', 'allegedly', 'repeatedly', 'once', 'just', 'jointly', 'formally', 'officially', 'always', 'routinely']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'get', 'got', 'gotten']);
const PREPS = new Set(['in', 'of', 'at', 'near', 'from', 'to', 'for', 'with', 'against', 'by', 'on', 'under', 'between', 'into', 'over', 'about', 'among', 'across', 'toward', 'towards', 'through', 'during', 'after', 'before', 'since', 'including', 'like', 'than', 'as', 'per']);
const CLAUSE_BREAK = new Set([';', ':', '—', '–', '(', ')', '"', '“', '”', 'but', 'while', 'whereas', 'although', 'though', 'because', 'unless', 'if', 'after', 'before', 'when', 'whom', 'who', 'which']);
const DENY = new Set(['deny', 'denies', 'denied', 'denying']);
const PLACE_PREPS = new Set(['in', 'at', 'near', 'into', 'outside', 'inside', 'across']);
const MONTHS_OR_DAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/** Lower-cased token texts, once per token list (every check below reads them, often twice). */
const lowered = new WeakMap<readonly { text: string }[], string[]>();
function lower(doc: WorkingDoc, i: number): string {
  let l = lowered.get(doc.tokens);
  if (!l || l.length !== doc.tokens.length) {
    l = doc.tokens.map((t) => t.text.toLowerCase());
    lowered.set(doc.tokens, l);
  }
  return l[i] ?? '';
}

/**
 * The lexicon's phrases by the forms of their first word, each list in lexicon order (so the
 * first phrase that matches is the one a scan over all phrases finds), built once per lexicon.
 */
const phraseIndex = new WeakMap<EventLexicon, Map<string, CompiledPhrase[]>>();
const NO_PHRASES: readonly CompiledPhrase[] = [];
function phrasesStartingWith(lex: EventLexicon, w: string): readonly CompiledPhrase[] {
  let index = phraseIndex.get(lex);
  if (!index) {
    index = new Map();
    for (const ph of lex.phrases) {
      for (const form of ph.words[0]) {
        const list = index.get(form);
        if (list) list.push(ph);
        else index.set(form, [ph]);
      }
    }
    phraseIndex.set(lex, index);
  }
  return index.get(w) ?? NO_PHRASES;
}

function isWord(doc: WorkingDoc, i: number): boolean {
  return /^[\p{L}][\p{L}'’-]*$/u.test(doc.tokens[i]?.text ?? '');
}

/** Previous token index skipping adverbs ("routinely", "flatly"), or -1. */
function prevContent(doc: WorkingDoc, i: number, floor: number): number {
  let k = i - 1;
  while (k >= floor && /ly$/i.test(doc.tokens[k].text) && k > floor) k--;
  return k;
}

/**
 * Whether the token at `i` reads as a verb here. The tagger's answer wins; without one,
 * the word's shape and its left neighbour decide (a bare "attack" after "an" is a noun,
 * after "to" or "will" a verb).
 */
function verbReading(doc: WorkingDoc, lex: EventLexicon, i: number, floor: number, actorEnds: Set<number>): boolean {
  if (posUsable(doc)) return /^(VB|MD)/.test(doc.pos![i] ?? '');
  const w = lower(doc, i);
  const lemma = lex.lemmaOf.get(w) ?? w;
  const p = prevContent(doc, i, floor);
  const prev = p >= floor ? lower(doc, p) : '';
  if (DETERMINERS.has(prev)) return false;
  const isNounToo = lex.nouns.has(w);
  if (w !== lemma && (w.endsWith('ed') || !w.endsWith('s') || !isNounToo) && !w.endsWith('ing')) {
    // A participle after a determiner is an adjective ("the wounded", "a besieged town").
    return true;
  }
  if (w.endsWith('ing')) return !isNounToo || !(prev === 'of' || prev === 'during' || prev === 'in' || DETERMINERS.has(prev));
  const verbish = MODALS_FUTURE.has(prev) || MODALS_HYPO.has(prev) || MUST.has(prev) || NEGATIONS.has(prev) || AUX.has(prev) || SUBJECT_PRONOUNS.has(prev) || actorEnds.has(p + 1);
  if (verbish) return true;
  if (isNounToo) return false;
  // A bare lemma with no verb context: a verb only after a plural subject noun ("Palestinians reject").
  return p >= floor && /s$/.test(prev) && /^\p{Lu}/u.test(doc.tokens[p].text);
}

/**
 * Whether the part-of-speech layer looks like Penn tags we can trust: a tagger still in the
 * making (one tag for everything) must not silence the word-shape reading.
 */
const posChecked = new WeakMap<WorkingDoc, boolean>();
function posUsable(doc: WorkingDoc): boolean {
  const known = posChecked.get(doc);
  if (known !== undefined) return known;
  let ok = false;
  if (doc.pos && doc.pos.length === doc.tokens.length && doc.pos.length > 0) {
    const sample = doc.pos.slice(0, 400);
    const open = sample.filter((t) => /^(NN|VB)/.test(t)).length;
    ok = new Set(sample).size >= Math.min(4, sample.length) && open >= 0.2 * sample.length;
  }
  posChecked.set(doc, ok);
  return ok;
}

function nounReading(doc: WorkingDoc, i: number): boolean {
  if (posUsable(doc)) return /^NN/.test(doc.pos![i] ?? '');
  return true;
}

/** Trigger hits of one sentence, longest first at each position, not overlapping. */
function findHits(doc: WorkingDoc, lex: EventLexicon, s: Sentence, actorEnds: Set<number>): Hit[] {
  const hits: Hit[] = [];
  const end = s.tokenEnd;
  for (let i = s.tokenStart; i < end; i++) {
    const w = lower(doc, i);
    let found: Hit | null = null;
    for (const ph of phrasesStartingWith(lex, w)) {
      if (ph.entry.kind === 'P' && !verbReading(doc, lex, i, s.tokenStart, actorEnds) && !/(ed|ing)$/.test(w) && !lex.verbs.has(w)) continue;
      let k = i + 1;
      let ok = true;
      for (let n = 1; n < ph.words.length && ok; n++) {
        // Up to three modifiers before the phrase's second word ("held their first talks").
        let gap = ph.entry.kind === 'P' && n === 1 ? 3 : 0;
        while (k < end && !ph.words[n].has(lower(doc, k)) && gap > 0 && isWord(doc, k) && !CLAUSE_BREAK.has(lower(doc, k)) && !lex.verbs.has(lower(doc, k)) && lower(doc, k) !== 'to') {
          k++;
          gap--;
        }
        if (k < end && ph.words[n].has(lower(doc, k))) k++;
        else ok = false;
      }
      if (ok) {
        found = { i, j: k, kind: ph.entry.kind, entries: [ph.entry], head: ph.entry.kind === 'P' ? i : k - 1 };
        break;
      }
    }
    if (!found) {
      const v = lex.verbs.get(w);
      const n = lex.nouns.get(w);
      if (v && verbReading(doc, lex, i, s.tokenStart, actorEnds)) found = { i, j: i + 1, kind: 'V', entries: v, head: i };
      else if (n && nounReading(doc, i)) found = { i, j: i + 1, kind: 'N', entries: n, head: i };
    }
    if (found) {
      hits.push(found);
      i = found.j - 1;
    }
  }
  return hits;
}

/** Modality and polarity from the words just before token `i` (after `floor`). */
function moodBefore(doc: WorkingDoc, i: number, floor: number): { modality: Modality; polarity: Polarity; must: number } {
  let modality: Modality = 'asserted';
  let polarity: Polarity = 'positive';
  let must = -1;
  for (let k = i - 1; k >= Math.max(floor, i - 4); k--) {
    const w = lower(doc, k);
    if (MODALS_FUTURE.has(w)) modality = 'future';
    else if (MODALS_HYPO.has(w)) modality = modality === 'asserted' ? 'hypothetical' : modality;
    else if (MUST.has(w)) must = k;
    else if (NEGATIONS.has(w)) polarity = 'negative';
    else if (w === 'going' && lower(doc, k + 1) === 'to') modality = 'future';
    else if (!AUX.has(w) && !/ly$/.test(w)) break;
  }
  for (let k = i - 1; k >= Math.max(floor, i - 6); k--) if (DENY.has(lower(doc, k))) polarity = 'negative';
  return { modality, polarity, must };
}

function firstEntry(h: Hit, pred: (e: TriggerEntry) => boolean): TriggerEntry | null {
  return h.entries.find(pred) ?? null;
}

/** Whether tokens (a, b) are free of clause breaks (a comma ends a clause unless "that" follows). */
function sameClause(doc: WorkingDoc, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const w = lower(doc, k);
    if (CLAUSE_BREAK.has(w) || w === '.' ) return false;
  }
  return true;
}

/**
 * Composes the hits of a sentence into candidates, right to left, so that a frame takes an
 * already composed action ("threatened to launch a new offensive").
 */
function compose(doc: WorkingDoc, s: Sentence, hits: Hit[], actors: ActorPhrase[]): Candidate[] {
  const out: Candidate[] = [];
  const used = new Set<number>();
  const byStart = new Map<number, Candidate>();
  for (let h = hits.length - 1; h >= 0; h--) {
    const hit = hits[h];
    const framed = firstEntry(hit, (e) => e.frame !== null);
    const own = firstEntry(hit, (e) => e.type !== null && e.frame === null) ?? firstEntry(hit, (e) => e.type !== null);
    const mood = moodBefore(doc, hit.i, s.tokenStart);
    let comp: Candidate | null = null;
    if (framed && h + 1 < hits.length) {
      const next = hits[h + 1];
      const c = byStart.get(next.i);
      const maxGap = framed.frame === 'light' ? 5 : 9;
      if (c && !used.has(next.i) && next.i - hit.j <= maxGap && sameClause(doc, hit.j, next.i)) {
        // A light verb takes a noun or phrase; "announced that it will withdraw" also composes.
        const between = [...Array(next.i - hit.j).keys()].map((k) => lower(doc, hit.j + k));
        const linked = framed.frame === 'light'
          ? next.kind !== 'V' || between.includes('that') || between.includes('to')
          : true;
        if (linked) comp = c;
      }
    }
    let cand: Candidate | null = null;
    if (framed && comp) {
      const f: Frame = framed.frame;
      let type: PloverType;
      let rule = `rule/events:${f}`;
      let intent: PloverType | null = comp.type;
      let modality = comp.modality === 'asserted' ? mood.modality : comp.modality;
      switch (f) {
        case 'agree': type = 'AGREE'; break;
        case 'threat': type = 'THREATEN'; modality = 'future'; break;
        case 'request': type = 'REQUEST'; break;
        case 'refuse': type = 'REJECT'; break;
        case 'accuse': type = 'ACCUSE'; intent = null; break;
        case 'commit': type = COOPERATIVE.has(comp.type) ? 'AGREE' : 'THREATEN'; modality = 'intended'; break;
        case 'plan': type = comp.type; modality = 'intended'; rule = `rule/events:plan`; intent = null; break;
        default: type = comp.type; intent = comp.intent; rule = comp.rule + `+${f}`; break;
      }
      if (f === 'plan' && framed.type === 'MOBILIZE' && !COOPERATIVE.has(comp.type)) type = 'MOBILIZE';
      // A frame's target is an actor between it and the action ("urged Iran to", "accused the US of").
      let target: ActorPhrase | null = comp.target;
      if (f === 'request' || f === 'accuse' || f === 'refuse' || f === 'threat') {
        const mid = actors.find((a) => a.tokStart >= hit.j && a.tokEnd <= comp!.i);
        if (mid) target = mid;
      }
      const keepMode = f === 'light' || f === 'aspect' || f === 'plan' || f === 'threat' || f === 'request' || f === 'refuse';
      cand = {
        type, mode: keepMode ? comp.mode : f === 'accuse' ? framed.mode : null,
        context: comp.context.length ? comp.context : framed.context,
        i: hit.i, j: comp.j, gov: hit, act: comp.act, modality,
        polarity: mood.polarity === 'negative' ? 'negative' : comp.polarity, rule, intent: type === comp.type ? comp.intent : intent, target,
      };
      used.add(comp.i);
      if (f === 'light' || f === 'aspect') cand.gov = hit;
    } else if (own) {
      cand = {
        type: own.type!, mode: own.mode, context: own.context, i: hit.i, j: hit.j, gov: hit, act: hit,
        modality: mood.modality, polarity: mood.polarity, rule: `rule/events:${hit.kind === 'N' ? 'noun' : hit.kind === 'P' ? 'phrase' : 'verb'}`,
        intent: null, target: null,
      };
      // "X must return Y" inside a report is a demand made of X.
      if (mood.must >= 0 && hit.kind !== 'N') {
        const subj = actors.find((a) => a.tokEnd === mood.must || a.tokEnd === mood.must - 1);
        if (subj) {
          cand = { ...cand, type: 'REQUEST', intent: own.type, target: subj, rule: 'rule/events:must', i: mood.must };
        }
      }
    }
    if (!cand) continue;
    // PLOVER codes a stated intention by what is intended: to help is AGREE, to harm THREATEN.
    if (cand.rule.startsWith('rule/events:verb') || cand.rule.startsWith('rule/events:phrase') || cand.rule.includes('+light') || cand.rule.includes('+aspect')) {
      if (cand.modality === 'future' || cand.modality === 'hypothetical') {
        const base = cand.type;
        if (cand.polarity === 'negative' && COOPERATIVE.has(base)) {
          cand = { ...cand, type: 'REJECT', intent: base, polarity: 'positive', rule: cand.rule + '+will-not' };
        } else if (cand.polarity === 'positive' && base !== 'AGREE' && base !== 'THREATEN' && base !== 'REQUEST' && base !== 'ACCUSE' && base !== 'REJECT') {
          cand = { ...cand, type: COOPERATIVE.has(base) ? 'AGREE' : 'THREATEN', intent: base, rule: cand.rule + '+intent' };
        }
      }
    }
    byStart.set(hit.i, cand);
  }
  for (const [i, c] of byStart) if (!used.has(i)) out.push(c);
  return out.sort((a, b) => a.i - b.i);
}

function actorSpan(doc: WorkingDoc, a: ActorPhrase): EventActor {
  const start = doc.tokens[a.tokStart].start;
  const end = doc.tokens[a.tokEnd - 1].end;
  return { start, end, text: doc.text.slice(start, end), entity: a.entity, code: a.code, sector: a.sector };
}

/** The actor phrase holding token `t`, if any. */
function actorAt(actors: ActorPhrase[], t: number): ActorPhrase | null {
  return actors.find((a) => a.tokStart <= t && t < a.tokEnd) ?? null;
}

/** Coordinated actors: "X and Y", "X, Y and Z" around `a`. */
function coordinated(doc: WorkingDoc, actors: ActorPhrase[], a: ActorPhrase): ActorPhrase[] {
  const out = [a];
  let cur = a;
  for (;;) {
    const next = actors.find((b) => b.tokStart > cur.tokEnd && b.tokStart - cur.tokEnd <= 2 &&
      // "X, Algeria's leading activist": a possessive after a comma opens an appositive, not a list.
      !(lower(doc, cur.tokEnd) === ',' && /^['’]s?$/.test(doc.tokens[b.tokEnd]?.text ?? '')) && [...Array(b.tokStart - cur.tokEnd).keys()].every((k) => ['and', ',', 'the', 'or'].includes(lower(doc, cur.tokEnd + k))) && [...Array(b.tokStart - cur.tokEnd).keys()].some((k) => ['and', ','].includes(lower(doc, cur.tokEnd + k))));
    if (!next) break;
    // "… raided the camp and arrested 23 people, the Justice Ministry said": a phrase after a
    // bare comma with a verb right after it opens a new clause (its subject), not a list.
    const gap = [...Array(next.tokStart - cur.tokEnd).keys()].map((k) => lower(doc, cur.tokEnd + k));
    if (!gap.includes('and') && !gap.includes('or') && /^(VB|MD)/.test(doc.pos?.[next.tokEnd] ?? '')) break;
    out.push(next);
    cur = next;
  }
  cur = a;
  for (;;) {
    const prev = [...actors].reverse().find((b) => b.tokEnd < cur.tokStart && cur.tokStart - b.tokEnd <= 2 && [...Array(cur.tokStart - b.tokEnd).keys()].every((k) => ['and', ',', 'the', 'or'].includes(lower(doc, b.tokEnd + k))) && [...Array(cur.tokStart - b.tokEnd).keys()].some((k) => ['and', ','].includes(lower(doc, b.tokEnd + k))));
    if (!prev) break;
    out.unshift(prev);
    cur = prev;
  }
  return out;
}

function inPP(doc: WorkingDoc, a: ActorPhrase, floor: number, actors: ActorPhrase[] = []): boolean {
  let k = a.tokStart - 1;
  while (k >= floor && (lower(doc, k) === 'the' || lower(doc, k) === 'a')) k--;
  if (k < floor || !PREPS.has(lower(doc, k))) return false;
  // "members of X", "one third of X", "thousands of X": the of-phrase of a word that is no
  // actor itself names who the whole phrase is.
  if (lower(doc, k) === 'of' && k - 1 >= floor && !actorAt(actors, k - 1) && /^[\p{L}\d][\p{L}\d,.-]*$/u.test(doc.tokens[k - 1].text) && !PREPS.has(lower(doc, k - 1))) {
    let h = k - 1;
    while (h > floor && !/^(,|;|:|and|but|that|which|who)$/.test(lower(doc, h - 1)) && h > k - 5) h--;
    // Only at the start of a clause: the phrase must not itself follow a preposition.
    return h > floor && PREPS.has(lower(doc, h - 1));
  }
  return true;
}

/** The subject left of token `t`: the nearest actor outside a prepositional phrase in the clause. */
function subjectLeft(doc: WorkingDoc, s: Sentence, actors: ActorPhrase[], t: number): ActorPhrase | null {
  let floor = s.tokenStart;
  for (let k = t - 1; k >= s.tokenStart; k--) {
    const w = lower(doc, k);
    if (w === ';' || w === '“' || (w === '"' && k < t - 1)) {
      floor = k + 1;
      break;
    }
  }
  const left = actors.filter((a) => a.tokEnd <= t && a.tokStart >= floor && !lonePossessive(doc, a));
  for (let n = left.length - 1; n >= 0; n--) {
    if (inPP(doc, left[n], floor, actors) || isTimeWord(doc, left[n])) continue;
    return appositiveHost(doc, actors, left[n], floor, t) ?? left[n];
  }
  return null;
}

/**
 * The actor an appositive describes: in "Pakistan, a key U.S. ally, has refused" or "X,
 * Algeria's leading activist, staged", the phrase between the commas only says who the
 * actor before them is; the subject is that actor. A host without a code of its own takes
 * the appositive's country ("X, Algeria's leading activist" is Algerian). Null when `a`
 * stands in no appositive closed before `t`.
 *
 * @example
 * appositiveHost(doc, actors, <U.S.>, s.tokenStart, indexOf('refused')) // <Pakistan>
 */
function appositiveHost(doc: WorkingDoc, actors: ActorPhrase[], a: ActorPhrase, floor: number, t: number): ActorPhrase | null {
  let c1 = -1;
  for (let k = a.tokStart - 1; k >= floor && a.tokStart - k <= 8; k--) {
    if (lower(doc, k) === ',') { c1 = k; break; }
    if (/^(and|or|that|which|who|said|says)$/.test(lower(doc, k))) return null;
  }
  if (c1 <= floor) return null;
  let c2 = -1;
  for (let k = a.tokEnd; k < t; k++) if (lower(doc, k) === ',') { c2 = k; break; }
  if (c2 < 0) return null;
  // The appositive opens with a determiner or a possessive name ("a key ally", "Algeria's leader").
  const opener = lower(doc, c1 + 1);
  const possessive = a.tokStart === c1 + 1 && /^['’]s?$/.test(doc.tokens[a.tokEnd]?.text ?? '');
  if (!/^(a|an|the)$/.test(opener) && !possessive) return null;
  const host = actors.find((b) => b.tokEnd === c1 && b.tokStart >= floor);
  if (!host || lonePossessive(doc, host) || inPP(doc, host, floor, actors)) return null;
  // Set on the phrase itself so the same actor is excluded from the target search.
  if (!host.code && a.code && /:PERSON/.test(host.by)) Object.assign(host, { code: a.code, by: host.by + '+appos' });
  return host;
}

/**
 * The subject of a verb without a parse. Beyond `subjectLeft`: a relative clause ("militants
 * that invaded") and a gerund after "for"/"by" ("thanked Y for helping") take the nearest
 * actor even inside a prepositional phrase; an infinitive's bare role subject ("sent troops
 * to fight") takes the country of the clause's own subject.
 */
function subjectFor(doc: WorkingDoc, s: Sentence, actors: ActorPhrase[], gov: Hit, hits: Hit[] = []): ActorPhrase | null {
  const p = prevContent(doc, gov.i, s.tokenStart);
  const prev = p >= s.tokenStart ? lower(doc, p) : '';
  const nearest = () => [...actors].reverse().find((a) => a.tokEnd <= gov.i && !isTimeWord(doc, a)) ?? null;
  // "X praised Y and commended Z": the actor before "and" is the first verb's object; both
  // verbs share the first one's subject.
  if (prev === 'and') {
    const a = nearest();
    if (a && a.tokEnd === p) {
      const earlier = [...hits].reverse().find((h) => h.kind !== 'N' && h.j <= a.tokStart && sameClause(doc, h.j, a.tokStart));
      const verbAt = earlier?.i ?? (posUsable(doc) ? [...Array(Math.max(0, a.tokStart - s.tokenStart)).keys()].map((k) => a.tokStart - 1 - k).find((k) => /^VB[DZP]$/.test(doc.pos![k] ?? '')) : undefined);
      if (verbAt !== undefined) {
        const first = subjectLeft(doc, s, actors, verbAt);
        if (first) return first;
      }
    }
  }
  if (prev === 'that' || prev === 'which' || prev === 'who') {
    const a = nearest();
    if (a && p - a.tokEnd <= 1) return a;
  }
  if ((prev === 'for' || prev === 'by') && /ing$/.test(lower(doc, gov.i))) return nearest();
  const subj = subjectLeft(doc, s, actors, gov.i);
  if (subj && !subj.named && !subj.code && prev === 'to' && subj.tokEnd === p) {
    const owner = subjectLeft(doc, s, actors, subj.tokStart);
    if (owner && owner.code) return { ...subj, code: owner.code, by: subj.by + '+owner' };
  }
  return subj;
}

/**
 * Whether a phrase may act. A possessive determiner alone ("their training") is an owner,
 * never the doer; a region, river or building does not act (it may only undergo: `passive`
 * callers pass it as a target).
 */
function actorLike(doc: WorkingDoc, a: ActorPhrase, asTarget: boolean): boolean {
  if (lonePossessive(doc, a)) return false;
  if (!asTarget && /:(LOC|FAC)$/.test(a.by)) return false;
  return true;
}

function isTimeWord(doc: WorkingDoc, a: ActorPhrase): boolean {
  return MONTHS_OR_DAYS.test(doc.tokens[a.tokStart].text);
}

/** The target right of token `t`: prefer one introduced by a preposition the type expects. */
function objectRight(doc: WorkingDoc, s: Sentence, actors: ActorPhrase[], t: number, type: PloverType, exclude: Set<ActorPhrase>, clauseOnly = false): ActorPhrase | null {
  let end = s.tokenEnd;
  for (let k = t; k < s.tokenEnd; k++) {
    const w = lower(doc, k);
    if (clauseOnly && (w === ',' || w === 'if' || w === 'when' || w === 'which' || w === 'who' || w === 'that' || w === 'after' || w === 'since' || w === 'as')) {
      end = k;
      break;
    }
    if (w === ';' || w === 'but' || w === 'while' || w === 'unless' || w === 'because' || (w === ',' && ['said', 'says', 'according', 'officials', 'police', 'sources'].includes(lower(doc, k + 1)))) {
      end = k;
      break;
    }
  }
  const hostile = !COOPERATIVE.has(type);
  const right = actors.filter((a) => a.tokStart >= t && a.tokEnd <= end && !exclude.has(a) && !isTimeWord(doc, a) && !lonePossessive(doc, a) &&
    // "fighting side by side with X", "alongside X": X is a partner, not a target.
    !(hostile && [1, 2, 3, 4].some((k) => ['alongside', 'shoulder', 'side'].includes(lower(doc, a.tokStart - k)))));
  if (!right.length) return null;
  const prefer = type === 'ASSAULT' || type === 'COERCE' || type === 'THREATEN' || type === 'PROTEST' || type === 'ACCUSE' ? ['against', 'on'] : type === 'AID' ? ['to', 'for'] : type === 'CONSULT' || type === 'COOPERATE' ? ['with'] : [];
  for (const a of right) {
    const p = a.tokStart - 1 >= 0 ? lower(doc, a.tokStart - 1 - (lower(doc, a.tokStart - 1) === 'the' ? 1 : 0)) : '';
    if (prefer.includes(p)) return a;
  }
  // A "by" actor belongs to a passive or a nominalisation, never the target.
  const first = right.find((a) => {
    const p = lower(doc, a.tokStart - 1);
    return p !== 'by';
  });
  return first ?? null;
}

/**
 * The actor subject of an "if"/"unless" clause hanging on one of `heads` ("… unless Baghdad
 * accepted"), or null.
 *
 * @example
 * conditionSubject(doc, actors, [indexOf('threatened')], s) // <Baghdad>
 */
function conditionSubject(doc: WorkingDoc, actors: ActorPhrase[], heads: number[], s: Sentence): ActorPhrase | null {
  if (!doc.heads || !doc.deprels) return null;
  // The parser sometimes turns the pair round, hanging the threat on the condition's verb
  // as its advcl ("X threatened … unless Y withdrew" with "withdrew" as root).
  const up = heads.map((h) => doc.heads![h]).filter((u, n) => u > heads[n] && /^advcl/.test(doc.deprels![heads[n]]));
  for (let v = s.tokenStart; v < s.tokenEnd; v++) {
    if (!up.includes(v) && (!heads.includes(doc.heads[v]) || !/^(advcl|ccomp|dep)/.test(doc.deprels[v]))) continue;
    let mark = false;
    let subj = -1;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      if (doc.heads[k] !== v) continue;
      if (doc.deprels[k] === 'mark' && /^(if|unless)$/.test(lower(doc, k))) mark = true;
      if (doc.deprels[k] === 'nsubj') subj = k;
    }
    if (!mark || subj < 0) continue;
    const a = actorAt(actors, subj);
    if (a && a.code && !lonePossessive(doc, a)) return a;
  }
  return null;
}

/** Actors from the dependency parse, when a parser ran: nsubj / obj / obl:agent of `head`. */
function parseActors(doc: WorkingDoc, actors: ActorPhrase[], head: number, s: Sentence): { subj: ActorPhrase | null; obj: ActorPhrase | null; agent: ActorPhrase | null; passive: boolean } {
  const none = { subj: null, obj: null, agent: null, passive: false };
  if (!doc.heads || !doc.deprels) return none;
  let subj: ActorPhrase | null = null;
  let obj: ActorPhrase | null = null;
  let agent: ActorPhrase | null = null;
  let passive = false;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    if (doc.heads[k] !== head) continue;
    const rel = doc.deprels[k];
    const a = actorAt(actors, k);
    if (rel === 'nsubj:pass') passive = true;
    if (!a) continue;
    if (rel === 'nsubj' || rel === 'nsubj:pass') subj = a;
    else if ((rel === 'obj' || rel === 'iobj') && !obj) obj = a;
    else if (rel === 'obl:agent' || (rel === 'obl' && lower(doc, a.tokStart - 1) === 'by')) agent = a;
  }
  return { subj, obj, agent, passive };
}

function isPassive(doc: WorkingDoc, hit: Hit, floor: number): boolean {
  const w = lower(doc, hit.head);
  if (!/(ed|en|wn|t)$/.test(w)) return false;
  // A reduced relative: "a statement released by the Kremlin", "refugees attacked by militias".
  if (lower(doc, hit.j) === 'by' && hit.kind === 'V') return true;
  for (let k = hit.head - 1; k >= Math.max(floor, hit.head - 3); k--) {
    const p = lower(doc, k);
    if (BE.has(p)) return true;
    if (!/ly$/.test(p) && p !== 'not' && p !== "n't" && p !== 'been') return false;
  }
  return false;
}

/** Event date, time id and whether it was inferred, for a trigger in sentence `s`. */
function dateFor(doc: WorkingDoc, s: Sentence, start: number): { time: string | null; date: string | null; inferred: boolean } {
  const inSentence = doc.times.filter((t) => t.start >= s.start && t.end <= s.end && (t.type === 'DATE' || t.type === 'TIME') && /^\d{4}(-\d{2}(-\d{2})?)?/.test(t.value));
  if (inSentence.length) {
    const best = inSentence.reduce((a, b) => (Math.abs(a.start - start) <= Math.abs(b.start - start) ? a : b));
    const m = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(best.value)!;
    return { time: best.id, date: m[0], inferred: false };
  }
  return { time: null, date: doc.context.documentDate, inferred: true };
}

/** The place of an event: an "in/at/near" place in the sentence, else the dateline's. */
function placeFor(doc: WorkingDoc, s: Sentence, triggerStart: number): string | null {
  const places = doc.mentions.filter((m) => m.start >= s.start && m.end <= s.end && m.entity && (m.type === 'LOC' || m.type === 'GPE' || m.type === 'FAC'));
  const introduced = places.filter((m) => {
    const before = doc.text.slice(Math.max(s.start, m.start - 12), m.start).toLowerCase().trim().split(/\s+/);
    const w = before[before.length - 1] === 'the' ? before[before.length - 2] : before[before.length - 1];
    return w !== undefined && PLACE_PREPS.has(w);
  });
  if (introduced.length) return introduced.reduce((a, b) => (Math.abs(a.start - triggerStart) <= Math.abs(b.start - triggerStart) ? a : b)).entity;
  const dl = doc.context.dateline;
  if (!dl) return null;
  const inDateline = doc.mentions.find((m) => m.start >= dl.start && m.end <= dl.end && m.entity && (m.type === 'GPE' || m.type === 'LOC'));
  if (inDateline) return inDateline.entity;
  const key = dl.place.toLowerCase();
  const ent = doc.entities.find((e) => e.name.toLowerCase() === key || e.aliases.some((a) => a.toLowerCase() === key));
  return ent?.id ?? null;
}

function actorKey(list: EventActor[]): string {
  return list.map((a) => a.entity ?? `${a.code ?? '?'}/${a.sector ?? '?'}`).sort().join('+');
}

/**
 * Builds an events stage.
 *
 * @example
 * const engine = createEngine({ stages: [...defaultStages(), createEventStage()] });
 * engine.analyseText('date 2025-03-02 Russian forces attacked Ukraine on Sunday.').events[0].type // 'ASSAULT'
 */
export function createEventStage(options: EventStageOptions = {}): Stage {
  let lexicon = options.lexicon ?? null;
  return {
    name: 'events',
    run(doc: WorkingDoc) {
      lexicon ??= loadEventLexicon();
      runEvents(doc, lexicon);
    },
  };
}

/** The default events stage (the shipped lexicon, loaded on first use). */
export const eventStage: Stage = createEventStage();

/** Fills `doc.events` from the sentences and earlier layers. */
export function runEvents(doc: WorkingDoc, lex: EventLexicon): void {
  const events: AnalysisEvent[] = [];
  for (const s of doc.sentences) {
    if (s.tokenEnd <= s.tokenStart) continue;
    const allActors = actorPhrases(doc, lex, s);
    const actorEnds = new Set(allActors.map((a) => a.tokEnd));
    const hits = findHits(doc, lex, s, actorEnds).filter((h) => !allActors.some((a) => a.tokStart <= h.i && h.j <= a.tokEnd && a.named));
    const cands = compose(doc, s, hits, allActors);
    for (const c of cands) {
      const gov = c.gov;
      const act = c.act;
      // Actors that say nothing (no entity, country or sector: "Motherland") or lie inside
      // the trigger itself ("sent troops") play no role in it.
      const actors = allActors.filter((a) => (a.code || a.sector || (a.entity && !/:(LOC|FAC|MISC)$/.test(a.by))) && !(a.tokStart >= c.i && a.tokEnd <= c.j && !(c.i <= gov.i && gov.j <= a.tokStart)));
      const parsed = parseActors(doc, actors, gov.head, s);
      const parsedAct = act === gov ? parsed : parseActors(doc, actors, act.head, s);
      let source: ActorPhrase[] = [];
      let target: ActorPhrase[] = [];
      const passive0 = gov.kind !== 'N' && isPassive(doc, gov, s.tokenStart);
      if (gov.kind === 'N' && act.kind === 'N') {
        // Nominalisation: "Russia's invasion of Ukraine", "talks between X and Y", "an attack by X on Y".
        const before = actors.find((a) => a.tokEnd === gov.i || (a.tokEnd + 1 === gov.i && /^(['’]s|')$/.test(doc.tokens[a.tokEnd].text)) || (a.tokEnd < gov.i && gov.i - a.tokEnd <= 2 && [...Array(gov.i - a.tokEnd).keys()].every((k) => /^(['’]s|a|an|the|new|\p{Ll}+(al|ic|ed|ive|ary))$/u.test(doc.tokens[a.tokEnd + k].text))));
        const nextTok = lower(doc, c.j);
        const after = actors.find((a) => a.tokStart > c.j - 1 && a.tokStart <= c.j + 2);
        const byAfter = actors.find((a) => a.tokStart > c.j && a.tokStart <= c.j + 6 && lower(doc, a.tokStart - 1) === 'by');
        if (nextTok === 'between' && after) source = coordinated(doc, actors, after);
        else {
          if (before) source = [before];
          if (byAfter) source = coordinated(doc, actors, byAfter);
          if (after && after !== byAfter && ['of', 'against', 'on', 'with', 'to', 'for', 'into', 'from'].includes(nextTok)) target = coordinated(doc, actors, after);
        }
        if (!source.length && !target.length) continue;
      } else {
        // The parse first: when it names the subject (actor or not), no guessing by position.
        const ps = parseSubject(doc, actors, gov.head, s);
        // "is prepared to", "is committed to": a frame verb before an infinitive is no passive.
        const framedInf = gov.entries.some((e) => e.frame !== null) && lower(doc, gov.j) === 'to';
        const passive = (passive0 || ps.passive) && !framedInf;
        // The parse's subject first, then the position's; a place never acts (it may undergo).
        let subj = [ps.actor, ps.actor && actorLike(doc, ps.actor, passive) ? null : subjectFor(doc, s, actors, gov, hits)]
          .find((a): a is ActorPhrase => !!a && actorLike(doc, a, passive)) ?? null;
        const agent = ps.agent ?? parsed.agent ?? (passive ? actors.find((a) => a.tokStart > act.j - 1 && a.tokStart <= act.j + 3 && lower(doc, a.tokStart - 1) === 'by') ?? null : null);
        // "an order given by X": the noun the participle follows is what undergoes it; when
        // that noun is no actor, there is no target to look for.
        const pb = prevContent(doc, gov.i, s.tokenStart);
        if (passive && lower(doc, gov.j) === 'by' && pb >= s.tokenStart && /^NN/.test(doc.pos?.[pb] ?? '') && !actorAt(actors, pb)) subj = null;
        if (passive) {
          if (agent && actorLike(doc, agent, false)) source = coordinated(doc, actors, agent);
          if (subj) target = coordinated(doc, actors, subj);
        } else {
          if (subj) source = coordinated(doc, actors, subj);
          const excl = new Set<ActorPhrase>(source);
          let obj: ActorPhrase | null = c.target;
          if (!obj) {
            let pt = parseTarget(doc, actors, act.head, c.type, s, excl);
            if (!pt.actor && act !== gov) {
              const pg = parseTarget(doc, actors, gov.head, c.type, s, excl);
              if (pg.actor || !pt.found) pt = pg;
            }
            // Without a parsed actor, the nearest actor to the right in the same clause; a
            // parsed object that is no actor keeps the search inside the clause ("invaded our
            // territory, in … the Treaty" finds nothing; "blocked streets in Hong Kong" does).
            obj = pt.actor ?? objectRight(doc, s, actors, c.j, c.type, excl, pt.found);
          }
          if (obj && lonePossessive(doc, obj) && !obj.entity) obj = null;
          if (obj && !excl.has(obj)) target = coordinated(doc, actors, obj);
        }
        if (c.target && !target.includes(c.target)) target = coordinated(doc, actors, c.target);
        // "X threatened to … unless Y accepts": a threat is aimed at whoever must comply, the
        // subject of its condition, when the action itself names no one else.
        if (c.type === 'THREATEN' && target.every((a) => source.some((b) => b.code === a.code))) {
          const cond = conditionSubject(doc, actors, [gov.head, act.head], s);
          if (cond && !source.some((b) => b.code && b.code === cond.code)) target = coordinated(doc, actors, cond);
        }
        if (!source.length && !target.length) continue;
        // A light verb standing alone ("an order given by X") is its own event only with a
        // receiver: giving is aid when someone is given to.
        if (c.rule === 'rule/events:verb' && gov.entries.some((e) => e.frame === 'light') && !target.length) continue;
        // Releasing or returning is an event only when someone is released ("released a statement" is not).
        if (c.mode === 'release' && !target.length) continue;
      }
      // An event needs someone identifiable: a lone unresolved name ("our Motherland") is
      // too little to code.
      if (![...source, ...target].some((a) => a.code || a.sector) && !(source.length && target.length)) continue;
      const trigStart = doc.tokens[c.i].start;
      const trigEnd = doc.tokens[c.j - 1].end;
      const when = dateFor(doc, s, trigStart);
      const claim = innermostAttribution(doc, trigStart, trigEnd);
      const ev: AnalysisEvent & { intent?: PloverType; also?: { start: number; end: number; text: string }[] } = {
        id: '',
        type: c.type,
        mode: c.mode,
        context: c.context,
        trigger: { start: trigStart, end: trigEnd, text: doc.text.slice(trigStart, trigEnd) },
        source: source.map((a) => actorSpan(doc, a)),
        target: target.filter((t) => !source.includes(t)).map((a) => actorSpan(doc, a)),
        time: when.time,
        date: when.date,
        dateInferred: when.inferred,
        location: placeFor(doc, s, trigStart),
        polarity: c.polarity,
        modality: c.modality,
        claimedIn: claim?.id ?? null,
        claimants: claim ? claimantsOf(doc, claim.id) : [],
        by: c.rule,
      };
      if (c.intent && c.intent !== c.type) ev.intent = c.intent;
      events.push(ev);
    }
  }
  doc.events = mergeRepeats(events);
  doc.events.forEach((e, n) => (e.id = `v${n + 1}`));
}

/**
 * The same event told twice is one event: same type, polarity, source and target actors,
 * and dates that agree (or one of them only inferred). The first telling keeps its trigger;
 * later ones are listed in `also`.
 */
function mergeRepeats(events: AnalysisEvent[]): AnalysisEvent[] {
  const out: (AnalysisEvent & { also?: { start: number; end: number; text: string }[] })[] = [];
  for (const e of events) {
    const same = out.find((o) =>
      o.type === e.type && o.polarity === e.polarity && o.modality === e.modality &&
      actorKey(o.source) === actorKey(e.source) && actorKey(o.target) === actorKey(e.target) &&
      (o.date === e.date || o.dateInferred || e.dateInferred) &&
      (o.source.length > 0 || o.target.length > 0));
    if (!same) {
      out.push(e);
      continue;
    }
    (same.also ??= []).push(e.trigger);
    if (same.dateInferred && !e.dateInferred) {
      same.date = e.date;
      same.time = e.time;
      same.dateInferred = false;
    }
    same.location ??= e.location;
    // Keep the claimants of the telling that names a claimant, if the first did not.
    if (!same.claimedIn && e.claimedIn) {
      same.claimedIn = e.claimedIn;
      same.claimants = e.claimants;
    }
  }
  return out;
}
