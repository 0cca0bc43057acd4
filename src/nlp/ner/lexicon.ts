/**
 * @module nlp/ner/lexicon
 * What the tagger knows about words beyond the labelled data, keyed by hashes (no word
 * strings are shipped):
 * - a word-cluster path per word (hierarchical clusters learned from unlabelled news text by
 *   `scripts/build-clusters.ts`), used at several prefix lengths like Brown clusters;
 * - how often the word is capitalised in the middle of a sentence in running news text
 *   (tells a name from an ordinary word in ALL-CAPS headlines and at sentence starts);
 * - gazetteer phrases (countries, demonyms, cities, capitals, states and provinces, personal
 *   names, organisations, airlines) from npm data packages and lists extracted from them,
 *   matched as token sequences.
 */
import { HashIndex, mix, strHash } from './hash.js';
import { readBin, writeBin } from './binfile.js';

/** Gazetteer kinds, one bit each. */
export const GAZ = {
  PERSON_NAME: 1,
  COUNTRY: 2,
  DEMONYM: 4,
  CITY: 8,
  CAPITAL: 16,
  BIG_CITY: 32,
  /** first-level divisions of countries: states, provinces, regions (country-region-data) */
  REGION: 64,
  // (128 is GAZ_PREFIX)
  /** organisations: banks, insurers, oil, car, telecom, retail, hotel, postal, power and rail
   * companies (name-suggestion-index brands and operators, models/ner/orgs-nsi.txt) */
  ORG: 256,
  /** airlines, current and defunct (OpenFlights, models/ner/airlines.txt) */
  AIRLINE: 512,
} as const;
/** Bit positions below this may be gazetteer kinds (bit 7 is `GAZ_PREFIX`). */
export const GAZ_BITS = 10;
/** Marks a phrase hash that begins a longer gazetteer phrase. */
export const GAZ_PREFIX = 128;
/** All gazetteer-kind bits. */
export const GAZ_MASK = ((1 << GAZ_BITS) - 1) & ~GAZ_PREFIX;

/** The lookup key of a word: lower case, digits folded to 0, curly apostrophes straight. */
export function normKey(word: string): string {
  return word.toLowerCase().replace(/[0-9]/g, '0').replace(/[’‘]/g, "'");
}

/** Hash of a token sequence as the gazetteer stores it (fold of `strHash(normKey(t))`). */
export function phraseStep(h: number, wordKeyHash: number): number {
  return mix(h ^ 0x2f1a, wordKeyHash);
}
export const PHRASE_SEED = 0x51ed270b;

/** Capitalisation buckets: 0 unseen, 1 mostly lower, 2 mixed, 3 mostly capitalised, 4 always. */
export function capsBucket(cap: number, total: number): number {
  if (total < 2) return 0;
  const r = cap / total;
  return r < 0.1 ? 1 : r < 0.6 ? 2 : r < 0.97 ? 3 : 4;
}

export class Lexicon {
  constructor(
    readonly words: HashIndex,
    readonly cluster: Uint32Array,
    readonly caps: Uint8Array,
    readonly phrases: HashIndex,
    /** gazetteer bits per phrase (Uint16 once a kind above bit 7 is present) */
    readonly phraseMask: Uint8Array | Uint16Array,
    readonly maxPhraseLen: number,
    /** exchange-clustering classes per word (see `xclassOf`), parallel to `cluster` */
    readonly xclass: Uint32Array = new Uint32Array(0),
  ) {}

  /** An empty lexicon (the tagger still works, with less to go on). */
  static empty(): Lexicon {
    return new Lexicon(new HashIndex(16), new Uint32Array(0), new Uint8Array(0), new HashIndex(16), new Uint8Array(0), 1);
  }

  /** Cluster path with a leading 1 bit (0 when the word has none) for a word key hash. */
  clusterOf(keyHash: number): number {
    const r = this.words.get(keyHash);
    return r < 0 ? 0 : this.cluster[r];
  }
  /**
   * Flat exchange-clustering classes of a word key hash, packed: bits 0–11 the fine class + 1,
   * bits 12–23 the coarse class + 1 (0 when the word has none).
   */
  xclassOf(keyHash: number): number {
    const r = this.words.get(keyHash);
    return r < 0 || r >= this.xclass.length ? 0 : this.xclass[r];
  }
  capsOf(keyHash: number): number {
    const r = this.words.get(keyHash);
    return r < 0 ? 0 : this.caps[r];
  }
  /** Gazetteer bits of a phrase hash (0 when absent). */
  phraseOf(phraseHash: number): number {
    const r = this.phrases.get(phraseHash);
    return r < 0 ? 0 : this.phraseMask[r];
  }

  static load(file: string): Lexicon {
    const { meta, arrays } = readBin(file);
    const wordKeys = arrays.wordKeys as Uint32Array;
    const words = new HashIndex(wordKeys.length);
    for (let i = 0; i < wordKeys.length; i++) words.set(wordKeys[i], i);
    const phraseKeys = arrays.phraseKeys as Uint32Array;
    const phrases = new HashIndex(phraseKeys.length);
    for (let i = 0; i < phraseKeys.length; i++) phrases.set(phraseKeys[i], i);
    return new Lexicon(words, arrays.cluster as Uint32Array, arrays.caps as Uint8Array, phrases,
      arrays.phraseMask as Uint8Array | Uint16Array, Number(meta.maxPhraseLen ?? 4), (arrays.xclass as Uint32Array | undefined) ?? new Uint32Array(0));
  }

  /** Writes a lexicon built by `scripts/build-clusters.ts`. */
  static save(file: string, meta: Record<string, unknown>, words: Map<number, { cluster: number; caps: number; xclass?: number }>,
    phrases: Map<number, number>, maxPhraseLen: number): void {
    const wordKeys = new Uint32Array(words.size);
    const cluster = new Uint32Array(words.size);
    const caps = new Uint8Array(words.size);
    const xclass = new Uint32Array(words.size);
    let i = 0;
    for (const [k, v] of [...words].sort((a, b) => a[0] - b[0])) { wordKeys[i] = k; cluster[i] = v.cluster; caps[i] = v.caps; xclass[i] = v.xclass ?? 0; i++; }
    const phraseKeys = new Uint32Array(phrases.size);
    // one byte per phrase while every mask fits (a lexicon without the later kinds keeps its bytes)
    const phraseMask = [...phrases.values()].some((v) => v > 255) ? new Uint16Array(phrases.size) : new Uint8Array(phrases.size);
    i = 0;
    for (const [k, v] of [...phrases].sort((a, b) => a[0] - b[0])) { phraseKeys[i] = k; phraseMask[i] = v; i++; }
    writeBin(file, { ...meta, maxPhraseLen }, { wordKeys, cluster, caps, phraseKeys, phraseMask, xclass });
  }
}

/**
 * The lexicon builder's own tokenizer for unlabelled text and gazetteer names, kept here (not
 * `src/nlp/tokenize.ts`) so that the shipped lexicon depends only on this module and the
 * data: a tokenizer change elsewhere must not silently change the model. It follows the same
 * conventions (PTB/CoNLL): hyphenated and inner-apostrophe words stay whole, the possessive
 * and clitics split off, dotted abbreviations and numbers with separators stay whole.
 *
 * @example
 * lexTokens("Côte d'Ivoire's U.S. envoy") // ['Côte', "d'Ivoire", "'s", 'U.S.', 'envoy']
 */
export function lexTokens(text: string): string[] {
  const out: string[] = [];
  LEX_TOKEN.lastIndex = 0;
  for (const m of text.matchAll(LEX_TOKEN)) {
    const t = m[0];
    const clitic = /^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m))$/iu.exec(t);
    if (clitic && /\p{L}/u.test(clitic[1])) { out.push(clitic[1], clitic[2]); } else out.push(t);
  }
  return out;
}
const LEX_TOKEN = new RegExp([
  String.raw`\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?(?![\p{L}])`,
  String.raw`(?:\p{L}\.){2,}`,
  // titles and name abbreviations keep their period, as in CoNLL ("St. Louis", "Mr. Kim")
  String.raw`\b(?:[SMF]t|Jr|Sr|Mrs?|Ms|Dr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Co|Corp|Inc|Ltd|Bros|Ave|Rd)\.`,
  String.raw`['’](?:[sS]|[rR][eE]|[vV][eE]|[lL][lL]|[dD]|[mM])(?![\p{L}])`,
  String.raw`[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*`,
  String.raw`\.{2,}|…|-{2,}|—|–`,
  String.raw`[^\s]`,
].join('|'), 'gu');

export { strHash };
