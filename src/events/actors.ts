/**
 * @module events/actors
 * The actor phrases of a sentence, as the events stage sees them: each names its entity and
 * actor code (country + sector). The resolve layer decides who a mention is (`actorForSpan`);
 * where it has left a span without a mention (or has not run), a small fallback reads
 * country names, demonyms and capitals (from `resolve/countries`) and the fallback words in
 * `data/lexicons/events/actors-fallback.tsv`, so the stage works on its own.
 * A role noun next to a name ("Israeli soldiers", "police in Lagos") widens the phrase and
 * gives the sector.
 */
import type { Sentence, WorkingDoc } from '../types.js';
import { actorForSpan } from '../resolve/lookup.js';
import { countryIndex, normaliseName } from '../resolve/countries.js';
import type { EventLexicon, FallbackActor } from './lexicon.js';

/** One actor phrase in a sentence: a token range and what it resolves to. */
export interface ActorPhrase {
  /** Token range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  /** Token where the name itself starts (after any title or role words). */
  entity: string | null;
  code: string | null;
  sector: string | null;
  /** True when a name (not a role word alone) anchors it. */
  named: boolean;
  /** Where the code came from. */
  by: string;
  /** The resolve layer's kind for the mention that anchors it (name, nominal, pronoun, metonym), else null. */
  kind?: string | null;
}

const PREP_JOIN = new Set(['in', 'of', 'from']);
const MENTION_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP', 'LOC', 'FAC', 'MISC']);
/** Sectors that a role word may override on a country-level name ("Israeli" + "soldiers"). */
const COUNTRY_LEVEL = new Set(['GPE', 'NORP', 'LOC']);

function lower(doc: WorkingDoc, i: number): string {
  return doc.tokens[i]?.text.toLowerCase() ?? '';
}

/**
 * The fallback actors by their first word, each list in lexicon order (so the first that
 * matches is the one a scan over all of them finds): roles by the lower-cased word (matched
 * without case), bodies and places by the word as written (matched with case). Built once per
 * lexicon.
 */
interface ActorIndex { roles: Map<string, FallbackActor[]>; named: Map<string, FallbackActor[]> }
const actorIndexes = new WeakMap<EventLexicon, ActorIndex>();
const NO_ACTORS: readonly FallbackActor[] = [];
function actorIndex(lex: EventLexicon): ActorIndex {
  let index = actorIndexes.get(lex);
  if (index) return index;
  index = { roles: new Map(), named: new Map() };
  for (const a of lex.actors) {
    const [map, key] = a.kind === 'role' ? [index.roles, (a.words[0] ?? '').toLowerCase()] : [index.named, a.words[0] ?? ''];
    const list = map.get(key);
    if (list) list.push(a);
    else map.set(key, [a]);
  }
  actorIndexes.set(lex, index);
  return index;
}
/** Fallback bodies and places whose first word is token i's text, in lexicon order. */
function namedStartingAt(doc: WorkingDoc, lex: EventLexicon, i: number): readonly FallbackActor[] {
  const t = doc.tokens[i];
  return t ? actorIndex(lex).named.get(t.text) ?? NO_ACTORS : NO_ACTORS;
}

/** A word that may stand between a name and its role noun ("Israeli riot police"), never a verb form. */
function modifierWord(doc: WorkingDoc, lex: EventLexicon, i: number): boolean {
  const t = doc.tokens[i].text;
  if (/^['’]s$/.test(t)) return true;
  if (!/^[\p{L}-]+$/u.test(t)) return false;
  const w = t.toLowerCase();
  if (w === 'and' || w === 'or' || w === 'to' || w === 'the') return false;
  const lemma = lex.lemmaOf.get(w);
  return !(lemma && lemma !== w) && !/(ed|ing)$/.test(w);
}

function isCap(s: string): boolean {
  // ASCII answered from the code (only A–Z are upper-case letters there); asked per token, often
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(s);
}

function matchWords(doc: WorkingDoc, i: number, end: number, words: string[], caseSensitive: boolean): boolean {
  if (i + words.length > end) return false;
  for (let k = 0; k < words.length; k++) {
    const t = doc.tokens[i + k].text;
    if (caseSensitive ? t !== words[k] : t.toLowerCase() !== words[k].toLowerCase()) return false;
  }
  return true;
}

/** Country by a name, demonym or capital over tokens [i, j), or null. */
function countryAt(doc: WorkingDoc, i: number, j: number): { code: string; capital: boolean } | null {
  const idx = countryIndex();
  const raw = doc.text.slice(doc.tokens[i].start, doc.tokens[j - 1].end);
  const key = normaliseName(raw);
  if (!key) return null;
  const byName = idx.byName.get(key);
  if (byName) return { code: byName.cca3, capital: false };
  const stem = key.replace(/-.*$/, '');
  const dem = idx.byDemonym.get(key) ?? idx.byDemonym.get(stem) ?? (key.endsWith('s') ? idx.byDemonym.get(key.slice(0, -1)) : undefined);
  if (dem) return { code: dem.cca3, capital: false };
  const cap = idx.byCapital.get(key);
  if (cap) return { code: cap.cca3, capital: true };
  return null;
}

function roleAt(doc: WorkingDoc, lex: EventLexicon, i: number, end: number): { len: number; actor: FallbackActor } | null {
  const t = doc.tokens[i];
  if (!t) return null;
  for (const a of actorIndex(lex).roles.get(t.text.toLowerCase()) ?? NO_ACTORS) {
    if (matchWords(doc, i, end, a.words, false)) return { len: a.words.length, actor: a };
  }
  return null;
}

/** Whether a role word (one or more tokens) ends phrase `a` ("Foreign Minister"). */
function roleEndsAt(doc: WorkingDoc, lex: EventLexicon, a: ActorPhrase): boolean {
  for (let i = a.tokStart; i < a.tokEnd; i++) {
    const r = roleAt(doc, lex, i, a.tokEnd);
    if (r && i + r.len === a.tokEnd) return true;
  }
  return false;
}

/** The first body, metonym or country named inside tokens [a, b), with a role word's sector. */
function fallbackInside(doc: WorkingDoc, lex: EventLexicon, a: number, b: number): { code: string | null; sector: string | null } | null {
  let sector: string | null = null;
  for (let i = a; i < b; i++) {
    const r = roleAt(doc, lex, i, b);
    if (r) sector ??= r.actor.sector;
  }
  for (let i = a; i < b; i++) {
    if (!isCap(doc.tokens[i].text)) continue;
    for (const f of namedStartingAt(doc, lex, i)) {
      if (matchWords(doc, i, b, f.words, true)) return { code: f.code, sector: f.sector ?? sector };
    }
    for (let n = Math.min(5, b - i); n >= 1; n--) {
      if (!isCap(doc.tokens[i + n - 1].text)) continue;
      const c = countryAt(doc, i, i + n);
      if (c) return { code: c.code, sector: sector ?? (c.capital ? 'GOV' : null) };
    }
  }
  return null;
}

/**
 * Folds the title phrase at `phrases[k]` into the person's phrase right after it: the span
 * starts at the title, the person's resolved codes stay and the title's fill only what is
 * missing.
 */
function titleIntoPerson(phrases: ActorPhrase[], k: number): void {
  const title = phrases[k];
  const person = phrases[k + 1];
  person.tokStart = title.tokStart;
  person.code ??= title.code;
  person.sector ??= title.sector;
  person.by += '+title';
  phrases.splice(k, 1);
}

/**
 * The actor phrases of one sentence, in text order, not overlapping.
 *
 * @example
 * actorPhrases(doc, lex, doc.sentences[0]) // [{ tokStart: 1, tokEnd: 3, code: 'ISR', sector: 'MIL', … }]
 */
export function actorPhrases(doc: WorkingDoc, lex: EventLexicon, s: Sentence): ActorPhrase[] {
  const out: ActorPhrase[] = [];
  const taken = new Uint8Array(s.tokenEnd - s.tokenStart);
  const tokIndex = (offset: number, fromEnd: boolean) => {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = doc.tokens[i];
      if (!fromEnd && t.start >= offset) return i;
      if (fromEnd && t.end >= offset) return i + 1;
    }
    return -1;
  };
  // 1. Mentions from the resolve layer.
  for (const m of doc.mentions) {
    if (m.start < s.start || m.end > s.end || !MENTION_TYPES.has(m.type)) continue;
    const a = tokIndex(m.start, false);
    const b = tokIndex(m.end, true);
    if (a < 0 || b <= a) continue;
    if (taken.subarray(a - s.tokenStart, b - s.tokenStart).some((x) => x)) continue;
    const ref = actorForSpan(doc, m.start, m.end);
    taken.fill(1, a - s.tokenStart, b - s.tokenStart);
    let code = ref.code;
    let sector = ref.sector;
    let by = `resolve:${m.type}`;
    if (!ref.entity || (!code && (m.type === 'NORP' || m.type === 'MISC' || m.type === 'ORG'))) {
      // A name the resolve layer has not (yet) resolved: read its words ourselves.
      const fb = fallbackInside(doc, lex, a, b);
      if (fb) ({ code, sector, by } = { code: fb.code, sector: sector ?? fb.sector, by: `fallback:${m.type}` });
    }
    out.push({ tokStart: a, tokEnd: b, entity: ref.entity, code, sector, named: true, by, kind: m.kind });
  }
  // 2. Fallback names where no mention lies.
  const free = (i: number, n: number) => {
    for (let k = i; k < i + n; k++) if (k >= s.tokenEnd || taken[k - s.tokenStart]) return false;
    return true;
  };
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (!free(i, 1) || !isCap(doc.tokens[i].text)) continue;
    let hit: { len: number; code: string | null; sector: string | null; by: string } | null = null;
    for (const a of namedStartingAt(doc, lex, i)) {
      if (free(i, a.words.length) && matchWords(doc, i, s.tokenEnd, a.words, true)) {
        hit = { len: a.words.length, code: a.code, sector: a.sector, by: `fallback:${a.kind}` };
        break;
      }
    }
    if (!hit) {
      for (let n = Math.min(5, s.tokenEnd - i); n >= 1; n--) {
        if (!free(i, n)) continue;
        // Names end on a capitalised word ("Republic of Korea"), never on "of".
        if (!isCap(doc.tokens[i + n - 1].text)) continue;
        const c = countryAt(doc, i, i + n);
        if (c) {
          hit = { len: n, code: c.code, sector: c.capital ? 'GOV' : null, by: c.capital ? 'fallback:capital' : 'fallback:country' };
          break;
        }
      }
    }
    if (!hit) continue;
    taken.fill(1, i - s.tokenStart, i + hit.len - s.tokenStart);
    out.push({ tokStart: i, tokEnd: i + hit.len, entity: null, code: hit.code, sector: hit.sector, named: true, by: hit.by });
  }
  out.sort((a, b) => a.tokStart - b.tokStart);
  // 3. Role words widen a name ("Israeli soldiers", "forces in Guinea") or stand alone.
  const roles: ActorPhrase[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (!free(i, 1)) continue;
    const r = roleAt(doc, lex, i, s.tokenEnd);
    if (!r) continue;
    const end = i + r.len;
    const sector = r.actor.sector;
    // A name just before (up to two modifier words between: "Israeli riot police").
    const before = out.find((p) => p.tokEnd <= i && i - p.tokEnd <= 2 && [...Array(i - p.tokEnd).keys()].every((k) => free(p.tokEnd + k, 1) && modifierWord(doc, lex, p.tokEnd + k)));
    if (before) {
      before.tokEnd = end;
      if (sector && (!before.sector || before.by.startsWith('fallback:country') || COUNTRY_LEVEL.has(before.by.slice(8)))) before.sector = sector;
      taken.fill(1, i - s.tokenStart, end - s.tokenStart);
      i = end - 1;
      continue;
    }
    // A name just after through "in/of/from" ("security forces in Guinea").
    const after = out.find((p) => p.tokStart === end + 1 && PREP_JOIN.has(doc.tokens[end].text.toLowerCase()));
    if (after) {
      after.tokStart = i;
      if (sector) after.sector = sector;
      taken.fill(1, i - s.tokenStart, end - s.tokenStart);
      i = end - 1;
      continue;
    }
    if (sector) roles.push({ tokStart: i, tokEnd: end, entity: null, code: null, sector, named: false, by: 'fallback:role' });
    taken.fill(1, i - s.tokenStart, end - s.tokenStart);
    i = end - 1;
  }
  // Coordinated names share a following role word: "Hungarian and Romanian officials".
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k];
    const b = out[k + 1];
    if (b.tokStart - a.tokEnd === 1 && doc.tokens[a.tokEnd].text.toLowerCase() === 'and' && !a.sector && b.sector && b.tokEnd - b.tokStart > 1) {
      a.sector = b.sector;
    }
  }
  // A title phrase before a person's name is that person: "North Korean leader Kim Jong-un"
  // is Kim (the phrase's head), not North Korea.
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k];
    const b = out[k + 1];
    if (b.tokStart !== a.tokEnd || !b.by.endsWith(':PERSON') || b.kind === 'pronoun' || a.by.endsWith(':PERSON')) continue;
    if (!roleAt(doc, lex, a.tokEnd - 1, a.tokEnd) && !(a.tokEnd - a.tokStart > 1 && roleEndsAt(doc, lex, a))) continue;
    titleIntoPerson(out, k);
    k--;
  }
  const all = [...out, ...roles].sort((a, b) => a.tokStart - b.tokStart);
  // A lone role word right before a person's name, or set off from it by commas, is that
  // person: "Opposition leader Marta Lindqvist demanded", "The regional president,
  // Ines Carvajal, has defended". The phrase becomes the person's, with the codes the resolve
  // layer gave the person: the role word's own sector is a guess ("leader" reads GOV, an
  // opposition leader is not). A plural role ("soldiers, Ana Ruiz …") names someone else.
  for (let k = 0; k + 1 < all.length; k++) {
    const a = all[k];
    const b = all[k + 1];
    if (a.by !== 'fallback:role' || !b.by.startsWith('resolve:PERSON') || b.kind === 'pronoun') continue;
    if (/S$/.test(doc.pos?.[a.tokEnd - 1] ?? '')) continue;
    const adjacent = b.tokStart === a.tokEnd;
    const afterName = doc.tokens[b.tokEnd];
    const appositive = b.tokStart === a.tokEnd + 1 && doc.tokens[a.tokEnd].text === ','
      && (b.tokEnd === s.tokenEnd || afterName?.text === ',' || /^[.;:]$/.test(afterName?.text ?? ''));
    if (!adjacent && !appositive) continue;
    titleIntoPerson(all, k);
    k--;
  }
  // "its soldiers": a phrase owned by a resolved pronoun takes the owner's country.
  for (const a of all) {
    if (a.code || a.tokEnd - a.tokStart < 2) continue;
    const t = doc.tokens[a.tokStart];
    if (!/^(its|their|his|her|our)$/i.test(t.text)) continue;
    const owner = actorForSpan(doc, t.start, t.end);
    if (owner.code) {
      a.code = owner.code;
      a.by += '+owner';
    }
  }
  // "the Armed Forces of the Russian Federation": a phrase without a country takes the
  // country of the name it is "of", and spans it.
  for (let k = 0; k + 1 < all.length; k++) {
    const a = all[k];
    const b = all[k + 1];
    if (a.code || !b.code || b.tokStart - a.tokEnd > 2 || lower(doc, a.tokEnd) !== 'of') continue;
    if (b.tokStart - a.tokEnd === 2 && lower(doc, a.tokEnd + 1) !== 'the') continue;
    a.code = b.code;
    a.tokEnd = b.tokEnd;
    a.named = true;
    a.by += '+of';
    all.splice(k + 1, 1);
  }
  // "Fatima Keita, Mali's leading lawyer, …": a person the resolve layer could not place
  // takes the country of a possessive appositive right after the name.
  for (let k = 0; k + 1 < all.length; k++) {
    const a = all[k];
    const b = all[k + 1];
    if (a.code || !/:PERSON/.test(a.by) || !b.code || b.tokStart !== a.tokEnd + 1 || lower(doc, a.tokEnd) !== ',') continue;
    if (!/^['’]s?$/.test(doc.tokens[b.tokEnd]?.text ?? '')) continue;
    a.code = b.code;
    a.by += '+appos';
  }
  return all;
}
