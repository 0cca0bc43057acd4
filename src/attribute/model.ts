/**
 * @module attribute/model
 * A trained cue detector over the dependency parse, and the parse-derived spans it reads.
 *
 * The rules (rules.ts) read the constructions news style marks plainly (quotes, "said",
 * "according to"). Much attribution is less marked: stances and intentions with a noun-phrase
 * content ("wants a wall", "criticized the plan", "called for an inquiry"), poll findings,
 * beliefs. Whether such a word is a cue depends on the word and on its clause, which an
 * averaged perceptron learns from features of the parse (the word, its lemma and tag, its
 * relation, which dependents it has, its subject). The spans of a detected cue come from the
 * parse: content = its clausal or object dependents' subtrees, source = its subject.
 *
 * The model file (`models/attribution/cue.json`, built by `scripts/train-attribution.ts`)
 * holds feature weights only; it is optional: without it only the rules run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span, WorkingDoc } from '../types.js';
import type { CueLexicon } from './lexicon.js';
import { findQuotes } from './quotes.js';
import { children, subtreeTokens } from '../nlp/parse/tree.js';
import type { Candidate } from './rules.js';
import { defaultStance, STANCE_BONUS } from './stance.js';

/**
 * A binary averaged-perceptron model over hashed features: each feature's name
 * ("w=said", "lk=say|ccomp") is hashed (FNV-1a, 32 bits) into one of 2^bits buckets, and the
 * score of a token is the sum of its features' bucket weights. Hashing the names on the fly,
 * without building them, keeps the stage free of string allocation and map lookups.
 */
export interface CueModel {
  version: number;
  /** Decision threshold on the score (0 unless the trainer chose another). */
  threshold: number;
  /** log2 of the number of buckets. */
  bits: number;
  weights: Float32Array;
}

/**
 * The serialised form of {@link CueModel}: `weights` maps bucket indices (version 2) or
 * feature names (version 1, hashed on load) to weights; buckets not listed weigh 0.
 */
export interface CueModelFile {
  version: number;
  threshold: number;
  bits?: number;
  trainedOn: string;
  scores?: Record<string, number>;
  weights: Record<string, number>;
}

/** Buckets of the shipped model: 2^21 (8 MB of floats at run time; the file lists the non-zero ones). Fewer buckets make more unseen features collide with trained ones. */
export const HASH_BITS = 21;
const FNV_OFFSET = 0x811c9dc5;

function fnv(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/**
 * The bucket of a feature name, the same that {@link cueFeatureIds} computes without building it.
 *
 * @example
 * featureBucket('w=said', 20) // an integer in [0, 2^20)
 */
export function featureBucket(name: string, bits: number): number {
  return (fnv(FNV_OFFSET, name) >>> 0) & ((1 << bits) - 1);
}

/** Where features go: a name is tpl, or tpl=a, tpl=a|b, tpl=a|b|c. */
export interface FeatureSink {
  f(tpl: string, a?: string, b?: string, c?: string): void;
}

export class NameSink implements FeatureSink {
  readonly out: string[] = [];
  f(tpl: string, a?: string, b?: string, c?: string) {
    this.out.push(a === undefined ? tpl : tpl + '=' + a + (b === undefined ? '' : '|' + b + (c === undefined ? '' : '|' + c)));
  }
}

export class HashSink implements FeatureSink {
  readonly out: number[] = [];
  constructor(readonly mask: number) {}
  f(tpl: string, a?: string, b?: string, c?: string) {
    let h = fnv(FNV_OFFSET, tpl);
    if (a !== undefined) {
      h = fnv(fnv(h, '='), a);
      if (b !== undefined) {
        h = fnv(fnv(h, '|'), b);
        if (c !== undefined) h = fnv(fnv(h, '|'), c);
      }
    }
    this.out.push((h >>> 0) & this.mask);
  }
}

/** Tags of words that may be cues: verbs, nouns ("the poll", "his statement"), adjectives ("confident"). */
const CANDIDATE_TAG = /^(VB|NN|JJ)/;
/** Relations whose subtree is a cue's content. */
const CONTENT_RELS = new Set(['ccomp', 'xcomp', 'obj', 'iobj', 'obl', 'advcl', 'csubj', 'nmod', 'acl']);
/** Prepositions under which an oblique holds a stance's content ("criticized X for Y", "warned about Y"). */
/** Prepositions of phrasal stance verbs ("respond to", "point to", "seize on", "lean toward"). */
const PHRASAL_CASES = new Set(['to', 'on', 'toward', 'towards', 'at', 'into', 'with']);
/** Prepositions of an oblique that sets the time or place of an act, not what it is about. */
const CIRCUMSTANCE_CASES = new Set(['during', 'since', 'amid', 'throughout', 'following', 'at']);
/** Nouns of the occasion or medium of an act of speaking ("in an interview", "in a statement"). */
const DAY_NOUNS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekend', 'today', 'tonight']);
/** Nouns of a channel or programme something is said "on" ("on her Facebook page", "on the show"). */
const ON_NOUNS = new Set(['show', 'program', 'programme', 'page', 'feed', 'account', 'broadcast', 'air', 'radio', 'television', 'stage', 'podcast', 'website', 'blog', 'channel', 'episode', 'segment', 'floor']);

/**
 * An oblique under case word `cs` with head k that only dates the act or names the channel it
 * went out on. ("in 2012" is not one: on train it cut more right contents than it fixed.)
 */
function whenOrWhere(ctx: CueContext, k: number, cs: string): boolean {
  const w = ctx.low[k];
  const rels = ctx.doc.deprels!;
  if (cs === 'on') {
    if (DAY_NOUNS.has(w) || ON_NOUNS.has(w)) return true;
    // "on Wednesday's broadcast of …", "on Sunday night"
    return children(ctx.doc, k).some((m) => m < k && DAY_NOUNS.has(ctx.low[m]) && rels[m] !== 'case');
  }
  return false;
}

const MEDIUM_NOUNS = new Set(['interview', 'interviews', 'statement', 'statements', 'speech', 'speeches', 'tweet', 'tweets', 'email', 'emails', 'letter', 'letters', 'post', 'posts', 'remarks', 'debate', 'debates', 'rally', 'rallies', 'address', 'appearance', 'op-ed', 'column', 'conference', 'hearing', 'hearings', 'meeting', 'session', 'testimony', 'video', 'message', 'memo', 'filing', 'release', 'broadcast', 'episode', 'campaign']);
const CONTENT_CASES = new Set(['for', 'about', 'over', 'against', 'of', 'as', 'that', 'whether']);
/** Clausal content: when a cue has one, its objects before it are addressees ("told reporters that …"). */
/**
 * Light verbs, whose object noun carries the meaning ("take a shot at", "make the case for",
 * "pay tribute to"): such a noun is part of the cue, not of the content.
 */
const LIGHT_VERBS = new Set(['take', 'takes', 'took', 'taken', 'taking', 'make', 'makes', 'made', 'making', 'raise', 'raises', 'raised', 'raising', 'pay', 'pays', 'paid', 'paying', 'express', 'expresses', 'expressed', 'expressing', 'voice', 'voices', 'voiced', 'voicing', 'launch', 'launches', 'launched', 'launching', 'unleash', 'unleashes', 'unleashed', 'unleashing', 'level', 'levels', 'leveled', 'levelled', 'leveling', 'levelling', 'have', 'has', 'had', 'having', 'set', 'sets', 'setting', 'cast', 'casts', 'casting', 'give', 'gives', 'gave', 'given', 'giving', 'offer', 'offers', 'offered', 'offering', 'lodge', 'lodged', 'file', 'filed', 'hurl', 'hurled', 'turn', 'turns', 'turned', 'turning']);
/** Prepositions that link a light verb's noun to what it is about. */
const LIGHT_CASES = new Set(['at', 'about', 'of', 'for', 'to', 'against', 'on', 'toward', 'towards', 'over', 'with']);
/** Markers of an adverbial clause that is a cue's content ("whether …", "for releasing …"). */
const ADVCL_CONTENT_MARKS = new Set(['to', 'that', 'if', 'whether', 'for', 'about', 'against', 'of']);
const PREPOSITION_MARKS = new Set(['for', 'about', 'against', 'of']);
const CLAUSAL = new Set(['ccomp', 'xcomp', 'csubj']);
const SUBJECT_RELS = new Set(['nsubj', 'csubj']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
const QUOTE_MARK = /^["“”‘’'«»„]$/;

/** What the features of one document need, computed once. */
export interface CueContext {
  doc: WorkingDoc;
  lex: CueLexicon;
  low: string[];
  /** Token → inside a quotation (marks included). */
  inQuote: Uint8Array;
  /** Token → sentence index. */
  sentOf: Int32Array;
}

/** Prepares a document for {@link cueFeatures}; null without a POS layer and a parse. */
export function cueContext(doc: WorkingDoc, lex: CueLexicon): CueContext | null {
  if (!doc.pos || !doc.heads || !doc.deprels || doc.pos.length !== doc.tokens.length) return null;
  const low = doc.tokens.map((t) => t.text.toLowerCase());
  const inQuote = new Uint8Array(doc.tokens.length);
  let k = 0;
  for (const q of findQuotes(doc.text)) {
    while (k < doc.tokens.length && doc.tokens[k].end <= q.open) k++;
    for (let i = k; i < doc.tokens.length && doc.tokens[i].start < q.close; i++) inQuote[i] = 1;
  }
  const sentOf = new Int32Array(doc.tokens.length).fill(-1);
  doc.sentences.forEach((s, n) => { for (let i = s.tokenStart; i < s.tokenEnd; i++) sentOf[i] = n; });
  return { doc, lex, low, inQuote, sentOf };
}

/** Whether token i is a candidate cue (a verb, noun or adjective word). */
export function isCueCandidate(ctx: CueContext, i: number): boolean {
  return CANDIDATE_TAG.test(ctx.doc.pos![i]) && /\p{L}/u.test(ctx.low[i]);
}

/** A crude lemma for features: the lexicon's, else the word without a regular ending. */
export function lemma(ctx: CueContext, w: string): string {
  const l = ctx.lex.lemmaOf.get(w);
  if (l) return l;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

// per-lexicon caches: features ask for the same words' classes many times
const classCache = new WeakMap<CueLexicon, Map<string, string>>();

export function lexClass(ctx: CueContext, w: string): string {
  let cache = classCache.get(ctx.lex);
  if (!cache) { cache = new Map(); classCache.set(ctx.lex, cache); }
  let c = cache.get(w);
  if (c === undefined) {
    const e = ctx.lex.byFirst.get(w);
    // phrases added after the model was trained do not change what it saw ("put it")
    const seen = e?.filter((x) => !ctx.lex.unseenByModel.has(x.lemma));
    c = seen?.length ? [...new Set(seen.map((x) => x.cls))].sort().join('|') : '-';
    cache.set(w, c);
  }
  return c;
}

/** The kind of a noun phrase headed by token j, for features: pronoun, name, noun. */
export function npKind(ctx: CueContext, j: number): string {
  const tag = ctx.doc.pos![j];
  if (tag === 'PRP') return 'prp';
  if (tag.startsWith('NNP')) return 'name';
  if (tag.startsWith('NN')) return 'noun';
  if (RELATIVE.has(ctx.low[j])) return 'rel';
  return tag;
}

/**
 * The features of candidate cue token i, by name (for inspection; the model uses
 * {@link cueFeatureIds}, which hashes the same names).
 *
 * @example
 * cueFeatures(ctx, saidIndex) // ['b', 'w=said', 'l=say', 't=VBD', 'r=root', 'k=ccomp', …]
 */
export function cueFeatures(ctx: CueContext, i: number): string[] {
  const sink = new NameSink();
  emitFeatures(ctx, i, sink);
  return sink.out;
}

/**
 * The hashed features (bucket indices) of candidate cue token i.
 *
 * @example
 * cueFeatureIds(ctx, saidIndex, 20) // [52318, 1022, …]
 */
export function cueFeatureIds(ctx: CueContext, i: number, bits: number): number[] {
  const sink = new HashSink((1 << bits) - 1);
  emitFeatures(ctx, i, sink);
  return sink.out;
}

function emitFeatures(ctx: CueContext, i: number, f: FeatureSink): void {
  const { doc, low } = ctx;
  const pos = doc.pos!;
  const heads = doc.heads!;
  const rels = doc.deprels!;
  const w = low[i];
  const l = lemma(ctx, w);
  const t = pos[i];
  const r = rels[i] ?? '-';
  const h = heads[i];
  f.f('b');
  f.f('w', w);
  f.f('l', l);
  f.f('t', t);
  f.f('r', r);
  f.f('lc', lexClass(ctx, w));
  f.f('lt', l, t.slice(0, 2));
  f.f('q', ctx.inQuote[i] ? '1' : '0');
  f.f('rt', r, t);
  const p1 = low[i - 1] ?? '<s>';
  const n1 = low[i + 1] ?? '</s>';
  f.f('p1', p1);
  f.f('n1', n1);
  f.f('n2', low[i + 2] ?? '</s>');
  f.f('l_n1', l, n1);
  f.f('l_p1', l, p1);
  if (h >= 0) {
    f.f('h', lemma(ctx, low[h]), r);
    f.f('ht', pos[h], r);
    f.f('hlc', lexClass(ctx, low[h]), r);
  }
  const kids = children(doc, i);
  let subj = -1;
  const kr = new Set<string>();
  for (const c of kids) {
    const cr = rels[c];
    kr.add(cr);
    if (SUBJECT_RELS.has(cr.split(':')[0]) && subj < 0) subj = c;
    if (cr === 'ccomp' || cr === 'advcl' || cr === 'xcomp' || cr === 'acl') {
      const marks = children(doc, c).filter((m) => rels[m] === 'mark').map((m) => low[m]).join('_') || '-';
      f.f('km', cr, marks);
      f.f('lkm', l, cr, marks);
    }
    if (cr === 'obl' || cr === 'nmod') {
      const cs = children(doc, c).filter((m) => rels[m] === 'case').map((m) => low[m]).join('_') || '-';
      f.f('kc', cr, cs);
      f.f('lkc', l, cs);
    }
    if (cr === 'obj') f.f('ko', npKind(ctx, c));
    if (cr === 'nmod:poss') f.f('kposs', npKind(ctx, c));
  }
  for (const cr of kr) { f.f('k', cr); f.f('lk', l, cr); }
  f.f('ks', [...kr].filter((x) => KS_RELS.has(x)).sort().join(','));
  if (subj >= 0) {
    const sk = npKind(ctx, subj);
    f.f('s', sk);
    f.f('ls', l, sk);
    f.f('sw', low[subj]);
  } else { f.f('s', 'none'); f.f('ls', l, 'none'); }
  // a cue inside another cue's clause: PolNeAR gives each token one attribution
  let a = h;
  let depth = 0;
  let under = '-';
  while (a >= 0 && depth++ < 8) {
    if (lexClass(ctx, low[a]) !== '-' && /^VB/.test(pos[a])) { under = lexClass(ctx, low[a]); break; }
    a = heads[a];
  }
  f.f('under', under);
}

/** Relations whose presence, as a set, is one feature. */
const KS_RELS = new Set(['ccomp', 'xcomp', 'obj', 'nsubj', 'nsubj:pass', 'obl', 'advcl', 'csubj', 'mark', 'cop', 'aux:pass']);

/** The score of a list of feature buckets. */
export function scoreFeatures(model: CueModel, ids: number[]): number {
  let s = 0;
  for (const k of ids) s += model.weights[k];
  return s;
}

/** The weight of one feature, by name. */
export function featureWeight(model: CueModel, name: string): number {
  return model.weights[featureBucket(name, model.bits)];
}

/** Builds a model from its file form (version 1 files, keyed by name, are hashed on load). */
export function cueModelFromFile(file: CueModelFile): CueModel {
  const bits = file.bits ?? HASH_BITS;
  const weights = new Float32Array(1 << bits);
  for (const [key, w] of Object.entries(file.weights)) {
    const k = file.version >= 2 ? Number(key) : featureBucket(key, bits);
    weights[k] += w;
  }
  return { version: file.version, threshold: file.threshold, bits, weights };
}

let cached: CueModel | null | undefined;

/**
 * The shipped cue model (models/attribution/cue.json), read once; null when absent.
 *
 * @example
 * const m = defaultCueModel(); // null before `npm run train:attribution`
 */
export function defaultCueModel(): CueModel | null {
  if (cached !== undefined) return cached;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.resolve(here, '../../models/attribution/cue.json');
  cached = existsSync(file) ? cueModelFromFile(JSON.parse(readFileSync(file, 'utf8')) as CueModelFile) : null;
  return cached;
}

// ----------------------------------------------------------------- spans from the parse

/** Token range [start, end) trimmed of edge punctuation, "that" and quote marks. */
function trimRange(ctx: CueContext, s: number, e: number): [number, number] {
  const skip = (j: number) => /^[,;:—–\-.!?()]$/.test(ctx.low[j]) || QUOTE_MARK.test(ctx.low[j]);
  while (s < e && (skip(s) || (ctx.low[s] === 'that' && ctx.doc.deprels![s] === 'mark'))) s++;
  while (e > s && skip(e - 1)) e--;
  return [s, e];
}

/** A passive verb's "by" phrase: obl:agent, or an obl with "by" under a participle. */
export function isAgent(ctx: CueContext, v: number, k: number): boolean {
  const rel = ctx.doc.deprels![k];
  if (rel === 'obl:agent') return true;
  return rel === 'obl' && ctx.doc.pos![v] === 'VBN' && children(ctx.doc, k).some((m) => ctx.low[m] === 'by' && ctx.doc.deprels![m] === 'case');
}

/** The subject of cue token c: its own, or through xcomp/conj heads ("He decided to …", "… and said"). */
export function subjectOf(ctx: CueContext, c: number): number {
  const rels = ctx.doc.deprels!;
  const heads = ctx.doc.heads!;
  let v = c;
  for (let step = 0; step < 3 && v >= 0; step++) {
    const s = children(ctx.doc, v).find((k) => rels[k] === 'nsubj' || rels[k] === 'csubj');
    if (s !== undefined) {
      // "X, who said …": the relative pronoun (antecedentOf gives X)
      return s;
    }
    // a passive cue's source is its "by" agent ("was criticized by X")
    const agent = children(ctx.doc, v).find((k) => isAgent(ctx, v, k));
    if (agent !== undefined) return agent;
    // "…, calling it X": a participle clause shares its head's subject
    const walk = ['xcomp', 'conj'].includes(rels[v]) || (rels[v] === 'advcl' && !children(ctx.doc, v).some((k) => rels[k] === 'mark' && ctx.low[k] !== 'to'));
    if (!walk) break;
    v = heads[v];
  }
  // a participle read as a reduced relative ("About 6 in 10 men supported X" parsed as
  // "men [supported X]"): with no by-agent, the noun it hangs on is its subject
  if (rels[c] === 'acl' && heads[c] >= 0 && heads[c] < c && /^VB[DN]$/.test(ctx.doc.pos![c]) && /^(NN|CD|PRP)/.test(ctx.doc.pos![heads[c]])) return heads[c];
  // "…, Mr. Ruiz said in an interview": a speaker the parse hung elsewhere (vocative, apposition)
  const sp = trailingSpeaker(ctx, c);
  if (sp >= 0) return sp;
  // a noun cue: its possessor ("Trump's statement", "his plan")
  const poss = children(ctx.doc, c).find((k) => rels[k] === 'nmod:poss');
  if (poss !== undefined) return poss;
  // otherwise the nearest clause above with a subject before the cue ("He went on to criticize …")
  let a = heads[c];
  for (let step = 0; step < 4 && a >= 0; step++) {
    const s = children(ctx.doc, a).find((k) => (rels[k] === 'nsubj' || rels[k] === 'csubj') && k < c);
    if (s !== undefined) return s;
    a = heads[a];
  }
  return -1;
}

const PERFECT_AUX = new Set(['has', 'have', 'had']);
const SPEAKER_TAGS = /^(NNP|NNPS|NN|NNS|DT|PRP|JJ|POS|CD)$/;

/**
 * A verb cue right after ", NP" (no verb in the phrase, at most 8 words, the comma right
 * before it): the phrase's head token (its last word), or -1. Reads "…, Mr. Ruiz said" where
 * the parse made the name a vocative or an apposition of the clause before.
 */
export function trailingSpeaker(ctx: CueContext, c: number): number {
  const pos = ctx.doc.pos!;
  // "…, X said", or "…, X has learned" (a perfect's auxiliary between)
  let last = c - 1;
  if (pos[c] === 'VBN') { while (last >= 0 && PERFECT_AUX.has(ctx.low[last])) last--; if (last === c - 1) return -1; }
  else if (!/^VB[DZP]$/.test(pos[c])) return -1;
  let j = last;
  const sent = ctx.sentOf[c];
  while (j >= 0 && ctx.sentOf[j] === sent && j > last - 8 && SPEAKER_TAGS.test(pos[j]) && ctx.low[j] !== ',') j--;
  if (j === last || j < 0 || ctx.low[j] !== ',' || ctx.sentOf[j] !== sent) return -1;
  // a pronoun or name alone, or a phrase ending in a noun
  if (!/^(NN|PRP|CD)/.test(pos[last])) return -1;
  return last;
}

/**
 * The antecedent of a relative pronoun that is a subject ("the senator, who said …": the
 * senator), or -1: the pronoun is the source span PolNeAR-style, the antecedent its entity.
 */
export function antecedentOf(ctx: CueContext, s: number): number {
  if (s < 0 || !RELATIVE.has(ctx.low[s])) return -1;
  const heads = ctx.doc.heads!;
  const v = heads[s];
  if (v < 0 || ctx.doc.deprels![v] !== 'acl:relcl') return -1;
  return heads[v];
}

/**
 * The source of cue token c from the parse, as token ranges: the source span and, for a
 * relative pronoun, its antecedent's span (where the entity is read); null without a subject.
 *
 * @example
 * parseSource(ctx, sayingIndex) // { source: [0, 2], ref: null } for "The mayor left, saying …"
 */
export function parseSource(ctx: CueContext, c: number): { source: [number, number]; ref: [number, number] | null } | null {
  const subj = subjectOf(ctx, c);
  if (subj < 0) return null;
  const source = sourceRange(ctx, subj, c);
  if (source[1] <= source[0]) return null;
  // a phrase opening with a preposition is no subject ("after 55 percent", "to a group"), and
  // a dateline ("WASHINGTON —") is where the story was filed, not who spoke
  if (ctx.doc.pos![source[0]] === 'IN' || isDateline(ctx, source[0], source[1])) return null;
  const ante = antecedentOf(ctx, subj);
  const ref = ante >= 0 ? sourceRange(ctx, ante, ante < c ? subj : c) : null;
  return { source, ref: ref && ref[1] > ref[0] ? ref : null };
}

/** Tokens [a, b) in capitals at a paragraph's start, followed by a dash, comma or parenthesis. */
export function isDateline(ctx: CueContext, a: number, b: number): boolean {
  const { doc } = ctx;
  const before = doc.text.slice(Math.max(0, doc.tokens[a].start - 2), doc.tokens[a].start);
  if (a > 0 && !/\n\s*$/.test(before)) return false;
  for (let k = a; k < b; k++) if (/\p{Ll}/u.test(doc.tokens[k].text)) return false;
  return /^[—–\-(,]/.test(doc.tokens[b]?.text ?? '');
}

/** The noun phrase span of a source head: its subtree without clauses after it. */
export function sourceRange(ctx: CueContext, s: number, cue: number): [number, number] {
  const rels = ctx.doc.deprels!;
  let lo = s;
  let hi = s;
  for (const k of children(ctx.doc, s)) {
    if (['acl:relcl', 'acl', 'appos', 'parataxis', 'punct', 'conj', 'cc'].includes(rels[k]) && k > s) continue;
    const [a, b] = subtreeTokens(ctx.doc, k);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  if (s < cue) hi = Math.min(hi, cue - 1);
  const [a, b] = trimRange(ctx, lo, hi + 1);
  return [a, b];
}

/**
 * The content of cue token c from the parse: the hull of its content dependents after it,
 * within its sentence; null when it has none.
 */
function contentRange(ctx: CueContext, c: number, subj: number): [number, number] | null {
  const rels = ctx.doc.deprels!;
  const sent = ctx.doc.sentences[ctx.sentOf[c]];
  if (!sent) return null;
  let lo = Infinity;
  let hi = -1;
  const kids = children(ctx.doc, c);
  const clausal = kids.some((k) => k > c && CLAUSAL.has(rels[k]));
  for (const k of kids) {
    if (k < c || k === subj || isAgent(ctx, c, k)) continue;
    if (clausal && !CLAUSAL.has(rels[k]) && !(rels[k] === 'obj' && kids.some((x) => x > k && rels[x] === 'xcomp'))) continue;
    const rel = rels[k];
    const base = rel.split(':')[0];
    if (!CONTENT_RELS.has(base) || rel === 'obl:tmod' || rel === 'obl:agent' || rel === 'nmod:poss' || rel === 'obl:npmod') continue;
    if (base === 'obl' || base === 'nmod') {
      const cs = children(ctx.doc, k).filter((m) => rels[m] === 'case').map((m) => ctx.low[m]);
      // after an object, any oblique stays in the content ("praised X on defense")
      if (!cs.some((x) => CONTENT_CASES.has(x)) && hi < 0) continue;
      // … but not one that says when or where the act happened ("attacked X during the debate",
      // "has mentioned X since Monday", "praised X at a rally"), nor the occasion or medium it
      // happened in ("criticized X in an interview", "in a statement"): those are the reporter's
      // ("took a swipe at X" keeps its "at": a light verb's noun links to the content with it)
      if (hi >= 0 && base === 'obl' && cs.length > 0 && cs.every((x) => CIRCUMSTANCE_CASES.has(x) && !(LIGHT_VERBS.has(ctx.low[c]) && LIGHT_CASES.has(x)))) continue;
      if (hi >= 0 && base === 'obl' && cs.length === 1 && cs[0] === 'in' && MEDIUM_NOUNS.has(ctx.low[k])) continue;
      // nor the day or the channel it happened on ("criticized X on Tuesday", "on Sunday's
      // broadcast of …", "on her Facebook page")
      if (hi >= 0 && base === 'obl' && cs.length === 1 && whenOrWhere(ctx, k, cs[0])) continue;
    }
    // ", writing “…”": a participle clause set off by a comma is an act of its own
    if (base === 'advcl' && ctx.doc.pos![k] === 'VBG') {
      const first = subtreeTokens(ctx.doc, k)[0];
      if (ctx.low[first] === ',' || ctx.low[first - 1] === ',') continue;
    }
    if (base === 'advcl') {
      const marks = children(ctx.doc, k).filter((m) => rels[m] === 'mark').map((m) => ctx.low[m]);
      // "isn't saying if …", "called for releasing …", "warned against cutting …": a clause
      // marked by what a stance takes is its content; "because", "while", "after" … are not
      if (marks.some((x) => !ADVCL_CONTENT_MARKS.has(x))) continue;
    }
    const [a, b] = subtreeTokens(ctx.doc, k);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  if (hi < 0) {
    // "X was endorsed by Y", "His views were echoed by Z": a passive cue with an agent and
    // nothing after it attributes its subject, and the agent is the source
    const sp = kids.find((k) => k < c && rels[k] === 'nsubj:pass');
    if (sp !== undefined && kids.some((k) => k > c && isAgent(ctx, c, k))) {
      const [a, b] = subtreeTokens(ctx.doc, sp);
      const [ta, tb] = trimRange(ctx, Math.max(a, sent.tokenStart), Math.min(b + 1, c));
      if (tb > ta) return [ta, tb];
    }
    // "The bill, opposed by House Republicans, …", "a view echoed by every expert": a passive
    // participle set after a noun, with an agent and nothing after it, attributes that noun
    if (reducedPassive(ctx, c) >= 0) {
      const [ta, tb] = sourceRange(ctx, ctx.doc.heads![c], c);
      if (tb > ta) return [ta, tb];
    }
    // "an approach several candidates have embraced", "a rate which Senator Lee proposed": a
    // relative clause whose object is the gap is about the noun it describes (or, as PolNeAR
    // marks it, the relative pronoun that stands for it)
    const rel = objectRelative(ctx, c);
    if (rel >= 0) {
      if (rel !== c) return [rel, rel + 1];
      const [ta, tb] = sourceRange(ctx, ctx.doc.heads![c], c);
      if (tb > ta) return [ta, tb];
    }
    const before = contentBefore(ctx, c, subj, sent.tokenStart);
    if (before) return before;
    // "responded to X", "pointed to X", "seized on X": a verb whose one oblique after it
    // carries a preposition such verbs take is about that oblique
    const obls = kids.filter((k) => k > c && rels[k] === 'obl');
    if (obls.length === 1 && /^VB/.test(ctx.doc.pos![c])) {
      const cs = children(ctx.doc, obls[0]).filter((m) => rels[m] === 'case').map((m) => ctx.low[m]);
      if (cs.length === 1 && PHRASAL_CASES.has(cs[0])) {
        const [a, b] = subtreeTokens(ctx.doc, obls[0]);
        let lo2 = Math.max(a, c + 1);
        if (rels[lo2] === 'case') lo2++;
        const [ta, tb] = trimRange(ctx, lo2, Math.min(b + 1, sent.tokenEnd));
        if (tb > ta) return [ta, tb];
      }
    }
    return null;
  }
  lo = Math.max(lo, c + 1, sent.tokenStart);
  hi = Math.min(hi, sent.tokenEnd - 1);
  // a light verb's object noun belongs to the cue ("took a shot at X", "made no mention of X",
  // "raised questions about X"): the content is what the noun's preposition governs
  if (LIGHT_VERBS.has(ctx.low[c])) {
    const o = kids.find((k) => k > c && rels[k] === 'obj');
    if (o !== undefined && /^NNS?$/.test(ctx.doc.pos![o]) && subtreeTokens(ctx.doc, o)[0] <= lo) {
      // the preposition follows the noun at once; its phrase hangs on the noun or, by the
      // parse's choice, on the verb
      const m = rels[o + 1] === 'case' && LIGHT_CASES.has(ctx.low[o + 1]) ? ctx.doc.heads![o + 1] : -1;
      const onNoun = m > o + 1 && ctx.doc.heads![m] === o && rels[m].startsWith('nmod');
      const onVerb = m > o + 1 && ctx.doc.heads![m] === c && rels[m].startsWith('obl');
      if ((onNoun || onVerb) && children(ctx.doc, o).every((k) => k < o || k === m)) lo = o + 2;
    }
  }
  // a preposition that opens the content belongs to the cue ("would vote for X", "spoke about X")
  if (lo < hi && rels[lo] === 'case' && ctx.doc.heads![lo] > lo) lo++;
  // … and one marking a gerund ("called for releasing X": content "releasing X")
  else if (lo < hi && rels[lo] === 'mark' && PREPOSITION_MARKS.has(ctx.low[lo]) && ctx.doc.pos![ctx.doc.heads![lo]] === 'VBG') lo++;
  const [a, b] = trimRange(ctx, lo, hi + 1);
  return b > a ? [a, b] : null;
}

/**
 * A passive participle c set after the noun it describes, with a "by" agent ("The bill,
 * opposed by House Republicans, …", "a view echoed by every expert"): its agent token, else -1.
 * The noun is what the agent holds a view of (the content), the agent who holds it.
 */
export function reducedPassive(ctx: CueContext, c: number): number {
  const { doc } = ctx;
  const h = doc.heads![c];
  if (doc.deprels![c] !== 'acl' || doc.pos![c] !== 'VBN' || h < 0 || h >= c || ctx.sentOf[h] !== ctx.sentOf[c] || !/^(NN|PRP|CD)/.test(doc.pos![h])) return -1;
  return children(doc, c).find((k) => k > c && isAgent(ctx, c, k)) ?? -1;
}

/**
 * A relative clause verb c whose object is the gap ("the plan several senators have backed",
 * "a rate which Senator Lee proposed"; not "the senator who backed it"): the relative pronoun
 * that is its object, c itself when the clause has none, else -1. Called only for a cue with
 * no content after it.
 */
export function objectRelative(ctx: CueContext, c: number): number {
  const { doc } = ctx;
  const h = doc.heads![c];
  if (doc.deprels![c] !== 'acl:relcl' || !doc.pos![c].startsWith('VB') || h < 0 || h >= c || ctx.sentOf[h] !== ctx.sentOf[c] || !/^(NN|PRP|CD|DT)/.test(doc.pos![h])) return -1;
  if (ctx.inQuote[h]) return -1;
  const kids = children(doc, c);
  // a subject relative ("who backed it") or a clause with no subject of its own
  if (!kids.some((k) => k < c && /^(nsubj|csubj)/.test(doc.deprels![k]) && !RELATIVE.has(ctx.low[k]))) return -1;
  // the clause ends with the cue ("… the party warned about in 2013" has its content after it)
  if (kids.some((k) => k > c && /^(obl|obj|iobj|ccomp|xcomp|advcl|compound:prt)$/.test(doc.deprels![k].replace(/:(?!prt).*$/, '')))) return -1;
  const obj = kids.find((k) => k < c && doc.deprels![k] === 'obj' && RELATIVE.has(ctx.low[k]));
  // "the things that X has said": a bare "that" is no content in Contract 1 (it opens clauses)
  if (obj !== undefined && ctx.low[obj] === 'that') return -1;
  return obj ?? c;
}

/**
 * The parse-derived spans of cue token c, as token ranges [start, end): content (null when the
 * cue has no content dependent) and source (null when it has no subject).
 *
 * @example
 * spansForCue(ctx, wantsIndex) // { content: [5, 9], source: [0, 2] }
 */
export function spansForCue(ctx: CueContext, c: number): { content: [number, number] | null; source: [number, number] | null } {
  const subj = subjectOf(ctx, c);
  const content = contentRange(ctx, c, subj);
  let source: [number, number] | null = null;
  if (subj >= 0) {
    const r = sourceRange(ctx, subj, c);
    if (r[1] > r[0]) source = r;
  }
  return { content, source };
}

/**
 * Content before its cue ("The talks failed, he said"): a clausal dependent before the cue,
 * or, for a cue attached as parataxis, the sentence up to the cue's own clause.
 */
function contentBefore(ctx: CueContext, c: number, subj: number, sentStart: number): [number, number] | null {
  const rels = ctx.doc.deprels!;
  const heads = ctx.doc.heads!;
  let range: [number, number] | null = null;
  const k = children(ctx.doc, c).find((x) => x < c && x !== subj && (rels[x] === 'ccomp' || rels[x] === 'parataxis'));
  // the cue's own clause starts at its leftmost dependent other than the content (and punctuation)
  let ownLo = c;
  for (const x of children(ctx.doc, c)) if (x !== k && rels[x] !== 'punct') ownLo = Math.min(ownLo, subtreeTokens(ctx.doc, x)[0]);
  const stop = Math.min(c, subj >= 0 ? subtreeTokens(ctx.doc, subj)[0] : c, ownLo);
  if (k !== undefined) {
    const [a, b] = subtreeTokens(ctx.doc, k);
    let e = Math.min(b + 1, stop);
    // "…, Mr. Ruiz said": a noun phrase after the content's last comma, with no verb, is the speaker, not content
    const sp = trailingSpeaker(ctx, c);
    if (sp >= 0) e = Math.min(e, subtreeTokens(ctx.doc, sp)[0]);
    range = [Math.max(a, sentStart), e];
  } else if ((rels[c] === 'parataxis' || rels[c] === 'ccomp' || (rels[c] === 'advcl' && trailingSpeaker(ctx, c) >= 0)) && heads[c] >= sentStart && heads[c] < c) {
    range = [sentStart, stop];
  }
  if (!range) return null;
  const [a, b] = trimRange(ctx, range[0], range[1]);
  return b - a >= 2 ? [a, b] : null;
}

const tokSpan = (doc: WorkingDoc, a: number, b: number): Span => {
  const start = doc.tokens[a].start;
  const end = doc.tokens[b - 1].end;
  return { start, end, text: doc.text.slice(start, end) };
};

/** A model cue scoring above this may be a sibling act inside a rule's content (see {@link siblingOf}). */
const SIBLING_SCORE = 10;
/** Words between a sibling act and the content it ends ("…, and also warned"). */
const SIBLING_JOINS = new Set(['and', 'but', ',', 'also', 'then']);

/**
 * The rules' indirect or mixed candidates whose content holds cue token i while the parse
 * hangs i on their cue (through up to three conj, advcl or parataxis links): "The mayor said
 * the budget would pass and warned against delays" — "warned" is the mayor's second act, not
 * part of what she said.
 */
function siblingOf(ctx: CueContext, i: number, existing: Candidate[]): Candidate[] {
  const { doc } = ctx;
  const tok = doc.tokens[i];
  return existing.filter((c) => {
    if (!c.cue || c.kind === 'direct' || !(c.content.start <= tok.start && tok.end <= c.content.end)) return false;
    const ct = doc.tokens.findIndex((t) => t.start >= c.cue!.start);
    let v = i;
    for (let step = 0; step < 3 && v >= 0; step++) {
      if (!['conj', 'advcl', 'parataxis'].includes(doc.deprels![v])) return false;
      const h = doc.heads![v];
      if (h >= ct && h >= 0 && doc.tokens[h].start < c.cue!.end) return true;
      v = h;
    }
    return false;
  });
}

/**
 * What a stance verb adds to the cue model's score of token i: {@link STANCE_BONUS} for a verb
 * of the stance lexicon ("backed", "chastised") that has a subject, else 0. The model has seen
 * many such verbs too rarely to score them over its threshold.
 *
 * @example
 * stanceBonus(ctx, backedIndex) // 8 in "The union backed the plan."
 */
export function stanceBonus(ctx: CueContext, i: number): number {
  if (!ctx.doc.pos![i].startsWith('VB')) return 0;
  const st = defaultStance();
  if (st.evidenceVerbs.has(ctx.low[i]) && !st.verbs.has(ctx.low[i])) {
    // "the poll shows X", "records show that …", "recent polls showing X": a finding verb
    // counts only when a document, count or study is what reports it; not a participle that
    // only places the noun ("records found in the archive")
    if (ctx.doc.pos![i] === 'VBN' && ctx.doc.deprels![i] === 'acl') return 0;
    const s = subjectOf(ctx, i);
    const h = ctx.doc.deprels![i] === 'acl' ? ctx.doc.heads![i] : -1;
    return (s >= 0 && st.evidenceNouns.has(ctx.low[s])) || (h >= 0 && h < i && st.evidenceNouns.has(ctx.low[h])) ? STANCE_BONUS : 0;
  }
  if (!st.verbs.has(ctx.low[i])) return 0;
  return subjectOf(ctx, i) >= 0 ? STANCE_BONUS : 0;
}

/**
 * Attribution candidates from the cue model: every candidate token the model scores over its
 * threshold, with a content from the parse, that the rules did not already find (its cue is
 * not one of theirs and its content does not mostly overlap one of theirs).
 *
 * @example
 * modelCandidates(doc, lex, defaultCueModel()!, ruleCandidates) // [{ cue: 'wants', content: 'a wall', … }]
 */
export function modelCandidates(doc: WorkingDoc, lex: CueLexicon, model: CueModel, existing: Candidate[]): Candidate[] {
  const ctx = cueContext(doc, lex);
  if (!ctx) return [];
  const out: Candidate[] = [];
  const cues = existing.filter((c) => c.cue).map((c) => c.cue!);
  const taken = (s: number, e: number) => cues.some((c) => c.start < e && s < c.end);
  const overlapsContent = (sp: Span, size: (a: number, b: number) => number) => [...existing, ...out].some((c) => (c.parts ?? [c.content]).some((p) => {
    const inter = Math.min(p.end, sp.end) - Math.max(p.start, sp.start);
    return inter > 0.5 * size(p.end - p.start, sp.end - sp.start);
  }));
  for (let i = 0; i < doc.tokens.length; i++) {
    if (ctx.inQuote[i] || !isCueCandidate(ctx, i)) continue;
    const tok = doc.tokens[i];
    if (taken(tok.start, tok.end)) continue;
    const s = scoreFeatures(model, cueFeatureIds(ctx, i, model.bits)) + stanceBonus(ctx, i);
    if (s <= model.threshold) continue;
    const subj = subjectOf(ctx, i);
    const cr = contentRange(ctx, i, subj);
    if (!cr) continue;
    // "made the remarks on Friday": the object names an act of speaking, not what was said
    if (anaphoricAct(ctx, i)) continue;
    let content = tokSpan(doc, cr[0], cr[1]);
    // a content mostly inside one already found is dropped, nested ones included (letting
    // confident nested cues through was tried: no gain on the first half of dev)
    // a confident cue that the parse makes a sibling act of a rule's cue ("said X and warned
    // against Y", "…, warning that Z") is an attribution of its own, even inside that rule's
    // content; every content that swallowed it then ends before it
    const sibling = s > SIBLING_SCORE && siblingOf(ctx, i, existing).length > 0;
    for (const c of sibling ? existing : []) {
      if (!c.cue || c.kind === 'direct' || c.parts || !(c.content.start <= tok.start && tok.end <= c.content.end)) continue;
      // before the act's own subject and conjunction ("…, but he refuses …")
      let k = i;
      for (const d of children(doc, i)) if (d < i) k = Math.min(k, subtreeTokens(doc, d)[0]);
      k--;
      while (k > 0 && SIBLING_JOINS.has(ctx.low[k])) k--;
      if (doc.tokens[k].end <= c.content.start) continue;
      c.content = { start: c.content.start, end: doc.tokens[k].end, text: doc.text.slice(c.content.start, doc.tokens[k].end) };
    }
    if (!sibling && overlapsContent(content, Math.min)) continue;
    // a passive cue's subject is part of what is attributed ("X was expected to win")
    let parts: Span[] | undefined;
    const sp = children(doc, i).find((k) => k < i && doc.deprels![k] === 'nsubj:pass');
    if (sp !== undefined && cr[0] > i) {
      const [a, b] = subtreeTokens(doc, sp);
      const [ta, tb] = trimRange(ctx, a, Math.min(b + 1, i));
      if (tb > ta) {
        parts = [tokSpan(doc, ta, tb), content];
        content = { start: parts[0].start, end: content.end, text: doc.text.slice(parts[0].start, content.end) };
      }
    }
    let source: Span | null = null;
    let sourceRef: Span | undefined;
    const ps = parseSource(ctx, i);
    if (ps) {
      source = tokSpan(doc, ps.source[0], ps.source[1]);
      if (ps.ref) sourceRef = tokSpan(doc, ps.ref[0], ps.ref[1]);
    }
    // "The bill, opposed by House Republicans": the agent, without its "by", is the source,
    // which the source chooser (trained before this reading) leaves as it is
    const agent = !cr || cr[1] > i ? -1 : reducedPassive(ctx, i);
    if (agent >= 0) {
      const [a, b] = sourceRange(ctx, agent, -1);
      const a2 = doc.pos![a] === 'IN' ? a + 1 : a;
      if (b > a2) source = tokSpan(doc, a2, b);
    }
    const hasQuote = /["“”«»„]/.test(content.text);
    out.push({
      kind: hasQuote ? 'mixed' : 'indirect',
      source,
      cue: { start: tok.start, end: tok.end, text: tok.text },
      content,
      ...(parts ? { parts } : {}),
      by: 'model/attribution-cue@2',
      ...(sourceRef ? { sourceRef } : {}),
      ...(agent >= 0 ? { sourceFixed: true } : {}),
    });
  }
  return out;
}

/** Light verbs that report an act of speaking through a noun ("made the remarks", "issued a statement"). */
const LIGHT_SPEECH_VERBS = new Set(['make', 'makes', 'made', 'making', 'issue', 'issues', 'issued', 'issuing', 'deliver', 'delivers', 'delivered', 'delivering', 'repeat', 'repeats', 'repeated', 'repeating']);
/** Nouns naming something said, whose words a light verb's object does not give by itself. */
const SPEECH_ACT_NOUNS = new Set(['comment', 'comments', 'remark', 'remarks', 'statement', 'statements', 'criticism', 'criticisms', 'claim', 'claims', 'assertion', 'assertions', 'allegation', 'allegations', 'accusation', 'accusations', 'announcement', 'announcements', 'speech', 'speeches', 'address', 'declaration', 'reference', 'references', 'observation', 'observations', 'pledge', 'promise', 'promises', 'threat', 'threats', 'apology', 'joke', 'jokes', 'quip', 'argument', 'arguments', 'point', 'points']);
/** What after such a noun gives what was said: "remarks about X", "a statement that …", "a claim of X". */
const SPEECH_COMPLEMENT_CASES = new Set(['about', 'of', 'on', 'that', 'to', 'against', 'for', 'over', 'regarding', 'concerning', 'with', 'in']);

/**
 * Whether model cue i is a light verb whose object only names an act of speaking ("He made
 * the remarks on Tuesday", "The ministry issued a statement"): the words said are elsewhere
 * (before, or in the next sentence), so the object is no content. An object with a complement
 * ("made a claim that …", "delivered remarks about X") or a quotation still is one.
 */
export function anaphoricAct(ctx: CueContext, i: number): boolean {
  const { doc } = ctx;
  if (!LIGHT_SPEECH_VERBS.has(ctx.low[i]) || !doc.pos![i].startsWith('VB')) return false;
  const obj = children(doc, i).find((k) => doc.deprels![k] === 'obj');
  if (obj === undefined || !SPEECH_ACT_NOUNS.has(ctx.low[obj])) return false;
  const rels = doc.deprels!;
  for (const k of children(doc, obj)) {
    if (k < obj) continue;
    if (['acl', 'acl:relcl', 'ccomp', 'appos'].includes(rels[k]) || ctx.inQuote[k]) return false;
    if (children(doc, k).some((m) => rels[m] === 'case' && SPEECH_COMPLEMENT_CASES.has(ctx.low[m]))) return false;
    if (rels[k] === 'punct' && /^[:"“‘']/.test(doc.tokens[k].text)) return false;
  }
  // what was said hung on the verb instead ("made the point that …", "delivered a speech … about X")
  for (const k of children(doc, i)) {
    if (k <= obj) continue;
    if (rels[k] === 'ccomp' || ctx.inQuote[k]) return false;
    if (children(doc, k).some((m) => (rels[m] === 'case' || rels[m] === 'mark') && ['about', 'that', 'regarding', 'concerning'].includes(ctx.low[m]))) return false;
  }
  // a colon or quotation right after ("made the following remarks: …")
  const after = subtreeTokens(doc, obj)[1] + 1;
  if (after < doc.tokens.length && (doc.tokens[after].text === ':' || ctx.inQuote[after])) return false;
  return true;
}
