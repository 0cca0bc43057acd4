/**
 * @module attribute/rules
 * The attribution rules over tokens (no parse needed; the parse and POS tags sharpen noun
 * phrase edges when present). Candidates come from four families, tried in this order so
 * that a cue word is used once:
 *  1. direct quotes with a reporting clause after or before them, split quotes, and quotes
 *     that stand alone after an earlier speaker;
 *  2. prepositional cues: "according to X", "as per a report in X", "in a statement released by X";
 *  3. cue verbs and belief adjectives outside quotes: "X said (that) …", "…, X said", "said X",
 *     "X, who said …, …", "X is confident that …";
 *  4. quoted fragments governed by a cue verb: mixed quotes ("praised their “heroism”").
 * The stage (stage.ts) then nests them, resolves sources to entities and assigns ids.
 */
import type { Span, Token, WorkingDoc } from '../types.js';
import type { CueClass, CueLexicon } from './lexicon.js';
import { findQuotes, type Quote } from './quotes.js';
import { dominates } from '../nlp/parse/tree.js';

/** A found attribution before ids, nesting and entity resolution. */
export interface Candidate {
  kind: 'direct' | 'indirect' | 'mixed';
  source: Span | null;
  cue: Span | null;
  content: Span;
  parts?: Span[];
  by: string;
  cls?: CueClass | 'phrase';
  /** For "in a statement released by X": X issued a document that a later "the statement" points to. */
  issuer?: Span | null;
  /** The source was carried over from an earlier speaker (a stand-alone quote). */
  sourceCarried?: boolean;
  /** Where the source's entity is read when the source span itself does not name it ("X, who said": X). */
  sourceRef?: Span;
  /** Relay cues ("as per a report in X") whose content holds the rest of their sentence. */
  relay?: boolean;
  /** A model cue whose source the construction names plainly (a passive participle's agent): the source chooser leaves it. */
  sourceFixed?: boolean;
  /** A content whose span the construction fixes (the clause after "In a poll, …"): the start and end choosers leave it. */
  extentFixed?: boolean;
}

interface Cue { start: number; end: number; cls: CueClass; lemma: string }

const QUOTE_CHARS = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', '„', '‚', '「', '」', '『', '』', '‹', '›']);
/** Collective nouns that name a group of speakers on their own, with no plural ending. */
const COLLECTIVE_NOUNS = new Set(['police', 'staff', 'personnel', 'media', 'management']);
/** Forms of "read" that report a document's words after a quote ("…,” the note reads). */
const READ_FORMS = new Set(['read', 'reads']);
const TERMINAL = new Set(['.', '!', '?', '…', '...']);
/** Forms of "have", which introduce no quote before a colon ("Her answer has:"). */
const HAVE_FORMS = new Set(['have', 'has', 'had', 'having']);
/** Words that open a relative clause describing a speaker ("X, who chairs the panel, said"). */
const RELATIVE_OPENERS = new Set(['who', 'whose', 'which']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.']);
/** Penn tags that may sit inside a source noun phrase. */
const NP_TAGS = new Set(['DT', 'PDT', 'PRP', 'PRP$', 'NN', 'NNS', 'NNP', 'NNPS', 'JJ', 'JJR', 'JJS', 'CD', 'POS', 'HYPH', 'IN', 'VBN', 'VBG', 'NML']);
/** Words that are nouns at least as often as verbs: with a determiner before them they are nouns. */
const NOUNLIKE = new Set(['report', 'reports', 'claim', 'claims', 'note', 'notes', 'comment', 'comments', 'answer', 'question', 'object', 'cry', 'charge', 'charges', 'signal', 'hint', 'promise', 'promises', 'pledge', 'quote', 'estimate', 'estimates', 'post', 'posts', 'tweet', 'tweets', 'blog', 'demand', 'demands', 'protest', 'protests', 'dispute', 'challenge', 'forecast', 'reply', 'remark', 'remarks', 'attack', 'attacks', 'call', 'calls', 'label', 'brand', 'term', 'terms', 'plan', 'plans', 'need', 'needs', 'fear', 'fears', 'wish', 'doubt', 'doubts', 'hope', 'hopes', 'trust', 'aim', 'sense', 'show', 'find', 'counter', 'concern', 'warning', 'finding', 'findings', 'saying', 'feeling', 'understanding', 'thinking', 'showing', 'learning', 'hearing', 'meaning', 'statement', 'rip', 'knock', 'project', 'champion', 'figure', 'figures', 'decline', 'tout', 'aim', 'whisper', 'scream', 'shout', 'repeat', 'concede', 'review', 'study']);

/** Paragraph labels before a colon that are not speakers. */
const COLON_LABELS = new Set(['update', 'note', "editor's note", 'editor’s note', 'related', 'watch', 'read more', 'read', 'photo', 'photos', 'video', 'correction', 'clarification', 'source', 'sources', 'q', 'a', 'question', 'answer', 'listen', 'see also', 'also', 'disclosure', 'warning', 'breaking', 'exclusive', 'live', 'opinion', 'analysis', 'transcript', 'full transcript', 'subscribe']);
/** Words that open a non-restrictive relative clause after a comma. */
/** Words that open a sentence, never a vox-pop signature ("Or, as X put it: “…”"). */
const SIGNATURE_NON_OPENERS = new Set(['or', 'and', 'but', 'so', 'as', 'then', 'also', 'still', 'yet', 'now', 'here', 'there', 'the', 'a', 'an', 'this', 'that', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'to', 'of', 'said', 'says']);

/** Lower-case words a title may hold ("Legend in the Coal Fields"). */
const TITLE_FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'with', 'from', 'by', 'as', 'is', 'are', 'vs.', 'n’t', "n't"]);
/** Words before a title in marks: prepositions, possessives ("his", "KXTV’s") and nouns that name works. */
const TITLE_LEADS = new Set(['of', 'on', 'in', 'for', 'from', 'titled', 'entitled', 'called', 'dubbed', 'named', 'his', 'her', 'their', 'its', 'book', 'film', 'movie', 'song', 'show', 'album', 'column', 'article', 'op-ed', 'essay', 'headline', 'program', 'programme', 'series', 'campaign', 'ad', 'slogan', 'hashtag', 'segment', 'documentary', 'memo', 'report', "'s", '’s']);

/** Dashes that stand for a reporting verb in vox-pop layouts. */
const DASHES = new Set(['―', '—', '–', '--', '-']);

/**
 * Interview transcripts often open every turn with a quotation mark that is never closed
 * (`"WALLACE: …` ¶ `"PENCE: …`), so the quote finder would read the whole transcript as one
 * quotation. The opening mark of a paragraph that starts with an upper-case label and a colon
 * is blanked (same length, so offsets hold); the turn itself is read by the colon rule.
 */
function maskTranscriptMarks(text: string): string {
  return text.replace(/(^|\n)[ \t]*(["“'‘«„])(?=(?:[A-Z][A-Z.'’-]*\s?){1,4}:\s)/g, (m, _nl: string, mark: string) => m.slice(0, -mark.length) + ' ');
}

const RELATIVE_TAIL = new Set(['which', 'who', 'whom', 'whose', 'where']);
const lower = (t: Token) => t.text.toLowerCase();
/** Pronouns that can only be subjects. */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);
/** Words that open a time phrase or clause after a cue ("said after the meeting that ..."). */
const TIME_OPENERS = new Set(['after', 'before', 'during', 'since', 'until', 'following']);
const isCap = (s: string) => /^\p{Lu}/u.test(s);
const isWord = (s: string) => /[\p{L}\p{N}]/u.test(s);

/**
 * Finds attribution candidates in a working document.
 *
 * @example
 * findAttributions(doc, defaultLexicon()) // [{ kind: 'direct', source: {…'Putin'}, cue: {…'said'}, content: {…} }]
 */
export function findAttributions(doc: WorkingDoc, lex: CueLexicon): Candidate[] {
  return new Finder(doc, lex).run();
}

class Finder {
  readonly text: string;
  readonly toks: Token[];
  readonly low: string[];
  /** Token index → sentence index. */
  readonly sentOf: Int32Array;
  /** Token index → index of the quote it is inside (marks included), or -1. */
  readonly quoteOf: Int32Array;
  readonly quotes: Quote[];
  /** Token ranges [start, end) of every quote (marks included). */
  readonly qTok: { start: number; end: number; innerStart: number; innerEnd: number }[];
  readonly usedCue = new Set<number>();
  readonly usedQuote = new Set<number>();
  /** Token ranges of prepositional source phrases ("as per a report in X,"), skipped in content. */
  readonly phraseRanges: { start: number; end: number }[] = [];
  readonly out: Candidate[] = [];
  /** The POS layer, when one ran and looks sane (a half-trained tagger is ignored). */
  readonly pos: string[] | null;

  constructor(readonly doc: WorkingDoc, readonly lex: CueLexicon) {
    this.text = doc.text;
    this.toks = doc.tokens;
    this.pos = plausiblePos(doc.pos, doc.tokens.length);
    this.low = doc.tokens.map(lower);
    this.sentOf = new Int32Array(this.toks.length).fill(-1);
    doc.sentences.forEach((s, k) => { for (let i = s.tokenStart; i < s.tokenEnd; i++) this.sentOf[i] = k; });
    this.quotes = findQuotes(maskTranscriptMarks(doc.text));
    this.quoteOf = new Int32Array(this.toks.length).fill(-1);
    this.qTok = this.quotes.map((q, k) => {
      const start = this.tokAt(q.open);
      const end = this.tokAt(q.close - 1) + 1;
      for (let i = start; i < end; i++) this.quoteOf[i] = k;
      // marks may be two tokens ('' …'')
      const innerStart = Math.min(Math.max(start + 1, this.tokAt(q.inner.start)), end);
      const innerEnd = Math.max(Math.min(end - 1, this.tokAt(q.inner.end - 1) + 1), innerStart);
      return { start, end, innerStart, innerEnd };
    });
  }

  run(): Candidate[] {
    this.directQuotes();
    this.blockQuotes();
    this.colonTurns();
    this.prepositional();
    this.headline();
    this.cueVerbs();
    this.fragments();
    this.standalone();
    return this.out;
  }

  // ---------------------------------------------------------------- helpers

  /** Index of the token containing or starting after `offset`. */
  tokAt(offset: number): number {
    let lo = 0, hi = this.toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.toks[mid].end <= offset) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  span(startTok: number, endTok: number): Span {
    const start = this.toks[startTok].start;
    const end = this.toks[endTok - 1].end;
    return { start, end, text: this.text.slice(start, end) };
  }

  sentence(i: number) { return this.doc.sentences[this.sentOf[i]]; }

  /** Token i opens its sentence (or follows an opening quote mark or a paragraph break). */
  sentenceStartsAt(i: number): boolean {
    const s = this.sentence(i);
    if (s && s.tokenStart === i) return true;
    if (this.breakAfter(i - 1)) return true;
    const q = this.quoteOf[i - 1];
    return q >= 0 && this.qTok[q].innerStart === i;
  }

  isQuoteMark(i: number) { return QUOTE_CHARS.has(this.toks[i]?.text ?? ''); }

  /** True when a paragraph break lies between tokens i and i+1. */
  breakAfter(i: number): boolean {
    const a = this.toks[i], b = this.toks[i + 1];
    return !b || /\n/.test(this.text.slice(a.end, b.start));
  }

  /** The cue starting at token i, longest first. */
  cueAt(i: number): Cue | null {
    const entries = this.lex.byFirst.get(this.low[i]);
    if (!entries) return null;
    // a capitalised cue word inside a sentence is part of a name ("United States", "the Post")
    if (isCap(this.toks[i].text) && i > 0 && !this.sentenceStartsAt(i)) return null;
    for (const e of entries) {
      let j = i + 1;
      let ok = true;
      for (let w = 1; w < e.words.length; w++) {
        // "expressed (his) confidence", "called (on)"
        if (w === 1 && ['his', 'her', 'their', 'its', 'our', 'my', 'deep', 'strong', 'full'].includes(this.low[j]) && e.words.length > 1) j++;
        if (!e.words[w].has(this.low[j])) { ok = false; break; }
        j++;
      }
      if (ok) return { start: i, end: j, cls: e.cls, lemma: e.lemma };
    }
    return null;
  }

  /** A verb use of a cue word, not a noun ("the report", "a say") or an adjective ("the said agreement"). */
  verbUse(i: number): boolean {
    const prev = this.low[i - 1];
    if (prev === undefined) return true;
    const w = this.low[i];
    if (this.pos) {
      const tag = this.pos[i];
      if (tag && !tag.startsWith('VB') && !(tag === 'JJ' && this.lex.beliefAdjectives.has(w))) return false;
    }
    if (this.lex.determiners.has(prev) && prev !== 'that' && !['one', 'two', 'three', 'both', 'all', 'most', 'few', 'many', 'several', 'some', 'other'].includes(prev)) return false;
    if (w === 'said' && ['the', 'a', 'said'].includes(prev)) return false;
    if (NOUNLIKE.has(w) && (prev === "'s" || prev === '’s' || ['of', 'for', 'with', 'in', 'on', 'new', 'latest', 'recent', 'such'].includes(prev))) return false;
    return true;
  }

  /** Skips adverbs, time words, "in a statement" and source phrases from token i rightwards. */
  skipAdjuncts(i: number, end: number): number {
    for (;;) {
      if (i >= end) return i;
      const w = this.low[i];
      const r = this.phraseRanges.find((p) => p.start === i);
      if (r) { i = r.end; continue; }
      if (w === ',' && this.phraseRanges.some((p) => p.start === i + 1)) { i++; continue; }
      const ph = this.lex.adverbPhrases.find((p) => p.every((x, k) => this.low[i + k] === x));
      if (ph) { i += ph.length; continue; }
      if (this.lex.adverbs.has(w) || WEEKDAYS.has(w) || (/ly$/.test(w) && w.length > 4 && w !== 'only')) { i++; continue; }
      return i;
    }
  }

  /** Skips adverbs leftwards from token i (inclusive); returns the first non-adverb index. */
  skipAdjunctsLeft(i: number, limit: number): number {
    while (i >= limit) {
      const w = this.low[i];
      if ((this.lex.adverbs.has(w) && !['in', 'on', 'at', 'to', 'this'].includes(w)) || WEEKDAYS.has(w) || (/ly$/.test(w) && w.length > 4 && !isCap(this.toks[i].text))) { i--; continue; }
      // "on Monday", "last week"
      if ((w === 'on' || w === 'last' || w === 'this') && i + 1 < this.toks.length && WEEKDAYS.has(this.low[i + 1])) { i--; continue; }
      return i;
    }
    return i;
  }

  /** May token i sit inside a source noun phrase? */
  npToken(i: number, collected: number): boolean {
    const t = this.toks[i];
    const w = this.low[i];
    if (!isWord(t.text) && w !== "'s" && w !== '’s' && w !== '-' && w !== '&') return false;
    if (this.quoteOf[i] >= 0) return false;
    if (this.pos) {
      const tag = this.pos[i];
      if (tag && !NP_TAGS.has(tag)) return false;
    }
    if (this.lex.npInnerPrepositions.has(w)) return collected > 0 && w !== 'in' ? true : collected > 0 && isCap(this.toks[i + 1]?.text ?? '');
    if (this.lex.npBoundaries.has(w)) return false;
    if ((WEEKDAYS.has(w) || MONTHS.has(w)) && collected > 0) return false;
    if (this.lex.adverbs.has(w) && !this.lex.determiners.has(w)) return false;
    if (!isCap(t.text) && !this.pos && this.cueAt(i)) {
      // a cue word inside a noun phrase is a verb unless a determiner or a noun-like use
      // says otherwise ("the state news agency", "the report")
      const prev = this.low[i - 1];
      return (this.lex.determiners.has(prev) && prev !== 'that') || (NOUNLIKE.has(w) && collected > 0 && !/(ed|ing)$/.test(w));
    }
    if (!this.pos && !isCap(t.text) && /ed$/.test(w) && w.length > 4 && !['armed', 'united', 'elected', 'retired', 'embattled', 'unnamed'].includes(w)) return false;
    return true;
  }

  /** The noun phrase ending at token `last` (inclusive), walking left no further than `limit`. */
  npLeft(last: number, limit: number): { start: number; end: number } | null {
    let j = last;
    let n = 0;
    while (j >= limit && n < 10 && this.npToken(j, n)) { j--; n++; }
    let start = j + 1;
    // a phrase never starts with a preposition or a possessive marker
    while (start <= last && (this.lex.npInnerPrepositions.has(this.low[start]) || this.low[start] === "'s")) start++;
    if (start > last) return null;
    // "the money she [says]", "told reporters he [believes]": a subject pronoun is a phrase
    // of its own, the subject of the clause that follows it
    if (last > start && SUBJECT_PRONOUNS.has(this.low[last])) return { start: last, end: last + 1 };
    if (!this.headLike(start, last + 1)) return null;
    return { start, end: last + 1 };
  }

  /**
   * The bare speaker of a digest item ending at token `last` (inclusive): the noun phrase
   * there, begun after a dash the walk crossed ("late - More from the audit") and after a
   * leading "More from" / "From" ("the audit").
   */
  itemSpeaker(last: number, limit: number): { start: number; end: number } | null {
    const np = this.npLeft(this.skipAdjunctsLeft(last, limit), limit);
    if (!np) return null;
    let start = np.start;
    // (not a hyphen inside a word, "a 30-minute spree")
    const hyphen = (k: number) => k > 0 && this.toks[k - 1].end === this.toks[k].start && this.toks[k + 1]?.start === this.toks[k].end;
    for (let k = np.end - 1; k >= start; k--) if (DASHES.has(this.low[k]) && !hyphen(k)) { start = k + 1; break; }
    if (this.low[start] === 'more' && this.low[start + 1] === 'from') start += 2;
    else if (this.low[start] === 'from') start += 1;
    if (start >= np.end || !this.headLike(start, np.end)) return null;
    return { start, end: np.end };
  }

  /** The noun phrase starting at token `first`, up to `limit` (exclusive). */
  npRight(first: number, limit: number): { start: number; end: number } | null {
    let j = first;
    let n = 0;
    while (j < limit && n < 10 && this.npToken(j, n)) {
      // "said Putin on Monday": a time word ends the phrase
      if (n > 0 && (WEEKDAYS.has(this.low[j]) || this.low[j] === 'on')) break;
      // "He’s comparing": a contracted verb, not a possessive
      if ((this.low[j] === "'s" || this.low[j] === '’s') && !isCap(this.toks[j + 1]?.text ?? 'x')) break;
      j++; n++;
    }
    let end = j;
    while (end > first && this.lex.npInnerPrepositions.has(this.low[end - 1])) end--;
    if (end <= first) return null;
    if (!this.headLike(first, end)) return null;
    return { start: first, end };
  }

  /** A phrase that can name a source: a name, a pronoun, or a determiner and a noun. */
  headLike(start: number, end: number): boolean {
    let content = false;
    for (let i = start; i < end; i++) {
      const w = this.low[i];
      if (this.lex.determiners.has(w) && end - start === 1) return false;
      if (isCap(this.toks[i].text) || this.lex.pronouns.has(w) || !this.lex.determiners.has(w)) content = true;
    }
    // a lone lower-case word must be a pronoun, a plural/role noun ("officials", "sources") or
    // a collective one without a plural ending ("police", "staff")
    if (end - start === 1) {
      const w = this.low[start];
      const t = this.toks[start].text;
      if (!isCap(t) && !this.lex.pronouns.has(w) && !/s$/.test(w) && !/(man|woman|person|official|source|spokesperson)$/.test(w) && !COLLECTIVE_NOUNS.has(w)) return false;
      if (isCap(t) && i0IsSentenceStart(this, start) && this.lex.adverbs.has(w)) return false;
    }
    return content;
  }

  /** Content to the right of a cue: the rest of the sentence (without its final mark). */
  contentRight(from: number, sentEnd: number, addressee: boolean): { start: number; end: number } | null {
    let i = this.skipAdjuncts(from, sentEnd);
    while (i < sentEnd && (this.low[i] === ',' || this.low[i] === ':')) i = this.skipAdjuncts(i + 1, sentEnd);
    if (addressee) {
      // "told reporters (on Monday) that …": look for "that" close by; else skip the addressee phrase
      let k = i;
      while (k < sentEnd && k < i + 10 && this.low[k] !== 'that' && this.low[k] !== ',' && this.quoteOf[k] < 0) k++;
      if (this.low[k] === 'that') i = k;
      else {
        const np = this.npRight(i, sentEnd);
        if (np && np.end - np.start <= 4) i = np.end;
        i = this.skipAdjuncts(i, sentEnd);
        while (i < sentEnd && (this.low[i] === ',' || this.low[i] === ':')) i++;
      }
    }
    if (this.low[i] === 'that') i++;
    let end = sentEnd;
    while (end > i && (TERMINAL.has(this.toks[end - 1].text) || this.isClosingQuote(end - 1))) end--;
    // cut at ", according to X" or a trailing source phrase that ends the sentence
    const phrase = this.phraseRanges.find((p) => p.start > i && p.start < end);
    if (phrase) {
      let e = phrase.start;
      if (this.low[e - 1] === ',') e--;
      if (phrase.end >= end - 1) end = e;
    }
    // cut at a coordinated clause with its own speaker: ", and X said"
    for (let k = i + 2; k < end - 2; k++) {
      if ((this.low[k] === ';') || (this.low[k] === ',' && ['but', 'and', 'while', 'whereas'].includes(this.low[k + 1]) && this.subjectAndCue(k + 2, end))) { end = k; break; }
    }
    if (end - i < 1) return null;
    if (end - i === 1 && !isWord(this.toks[i].text)) return null;
    return { start: i, end };
  }

  /** A short noun phrase and a speech cue right after it ("and [the ministry] said"). */
  subjectAndCue(i: number, end: number): boolean {
    const np = this.npRight(i, end);
    if (!np || np.end - np.start > 5) return false;
    const k = this.skipAdjuncts(np.end, end);
    const c = this.cueAt(k);
    return !!c && c.cls === 'speech' && this.verbUse(k) && !this.lex.quoteOnly.has(c.lemma);
  }

  isClosingQuote(i: number): boolean {
    const q = this.quoteOf[i];
    return q >= 0 && i >= this.qTok[q].innerEnd;
  }

  push(c: Candidate) {
    // `According to X, “A. B.”` / `X told Y, “A. B.”` read as indirect: a content that opens
    // a quotation runs to the quotation's end, not to the end of its first sentence
    if (c.kind !== 'direct' && !c.parts) {
      const first = this.tokAt(c.content.start);
      const qk = this.quoteOf[first] >= 0 ? this.quoteOf[first] : this.quoteOf[first - 1];
      if (qk !== undefined && qk >= 0 && this.qTok[qk].innerStart >= first - 1 && this.qTok[qk].innerStart <= first + 1) {
        const quote = this.quotes[qk];
        if (quote.inner.end > c.content.end && quote.paragraphs.length === 1) {
          const start = c.content.start >= quote.open ? quote.inner.start : c.content.start;
          let end = quote.inner.end;
          while (end > start && /[,;:]/.test(this.text[end - 1])) end--;
          c = { ...c, content: { start, end, text: this.text.slice(start, end) } };
          this.usedQuote.add(qk);
        }
      }
    }
    this.out.push(c);
  }

  // ------------------------------------------------------------- 1. direct quotes

  /** The reporting clause right after a quote: `"…," NP said` / `"…," said NP`. */
  clauseAfter(qk: number): { cue: Cue; source: { start: number; end: number } | null; end: number } | null {
    const q = this.qTok[qk];
    let i = q.end;
    if (i >= this.toks.length || this.breakAfter(q.end - 1)) return null;
    // a quote that ends its own sentence ("…." He added) is followed by a new sentence;
    // "…?" he asked goes on in lower case
    const lastInner = this.low[q.innerEnd - 1];
    if (lastInner === '.') return null;
    // "…?" Clinton said: a capital after a question or exclamation may still open the
    // reporting clause, but only a name followed at once by its cue (checked below)
    const capAfterMark = (lastInner === '?' || lastInner === '!') && isCap(this.toks[i].text) && !this.cueAt(i);
    if (this.low[i] === ',' || this.low[i] === '—' || this.low[i] === '–') i++;
    // the window: up to a terminal, comma, colon, semicolon or another quote; a short
    // parenthesis after a name stays in ("Sen. Claire McCaskill (D-Mo.) said")
    let w = i;
    while (w < this.toks.length && w < i + 14 && !TERMINAL.has(this.toks[w].text) && ![',', ';', ':', '(', ')'].includes(this.low[w]) && this.quoteOf[w] < 0) {
      if (this.breakAfter(w)) { w++; break; }
      w++;
      if (this.low[w] === '(' && w > i) { const close = this.closingParen(w); if (close > 0) w = close + 1; }
    }
    for (let k = i; k < w && k < i + 14; k++) {
      // "“…,” the letter reads": a document's words are read, not said
      const cue = this.cueAt(k) ?? (READ_FORMS.has(this.low[k]) && k > i && this.lex.docNouns.has(this.low[k - 1]) ? { start: k, end: k + 1, cls: 'speech', lemma: 'read' } : null);
      if (!cue || this.usedCue.has(k)) continue;
      if (cue.cls !== 'speech' && cue.cls !== 'belief') continue;
      // a cue noun inside the speaker's phrase ("the agency report stated"): the verb after it is the cue
      if (k > i && !this.verbUse(k) && this.laterVerbCue(k + 1, w)) continue;
      if (k === i) {
        // inverted: `"…," said Putin` (or no source: `"…," said the statement` still a phrase)
        const np = this.npRight(this.skipAdjuncts(cue.end, w), w);
        return { cue, source: np, end: np ? np.end : cue.end };
      }
      let before = this.skipAdjunctsLeft(k - 1, i);
      // the name's parenthesis (party and state, age, affiliation) is part of the source
      const closeAt = this.low[before] === ')' ? before : -1;
      const paren = closeAt >= 0 ? this.openingParen(closeAt, i) : -1;
      if (paren > i) before = paren - 1;
      const np = this.npLeft(before, i);
      // after a question the clause must end at its cue ("…?” Clinton said. / said, “…"):
      // "Taxpayers said nothing would change" is a sentence of its own
      const nextAfterCue = this.skipAdjuncts(cue.end, this.toks.length);
      const clauseEnds = nextAfterCue >= this.toks.length || TERMINAL.has(this.toks[nextAfterCue].text) || this.low[nextAfterCue] === ',' || this.quoteOf[nextAfterCue] >= 0;
      if (np && np.start === i && !(capAfterMark && (paren > i || np.end !== k || !clauseEnds))) return { cue, source: paren > i ? { start: i, end: closeAt + 1 } : np, end: cue.end };
      return null;
    }
    // `"…," NP, an apposition or relative clause, said …`: the speaker's description set off
    // by commas before the cue, within the sentence and before any other quote
    if (capAfterMark) return null;
    const np = this.npRight(i, Math.min(this.toks.length, i + 10));
    if (np && this.low[np.end] === ',' && np.end + 1 < this.toks.length && this.opensApposition(np.end + 1)) {
      const sent = this.sentOf[i];
      for (let k = np.end + 2; k < this.toks.length && k < np.end + 40; k++) {
        // an abbreviation's full stop before a comma ends no sentence (", R-Ky., said")
        const stop = TERMINAL.has(this.toks[k].text) && !(this.low[k] === '.' && this.low[k + 1] === ',');
        if (this.sentOf[k] !== sent || this.quoteOf[k] >= 0 || stop || [';', ':'].includes(this.low[k]) || this.breakAfter(k - 1)) break;
        const cue = this.low[k - 1] === ',' ? this.cueAt(k) : null;
        if (!cue || this.usedCue.has(k) || cue.cls !== 'speech') continue;
        return { cue, source: np, end: cue.end };
      }
    }
    return null;
  }

  /** Whether a speech or belief cue in verb use starts in tokens [from, to). */
  laterVerbCue(from: number, to: number): boolean {
    for (let k = from; k < to; k++) {
      const c = this.cueAt(k);
      if (c && (c.cls === 'speech' || c.cls === 'belief') && this.verbUse(k) && !this.usedCue.has(k)) return true;
    }
    return false;
  }

  /** Whether token j opens an apposition or a relative clause ("the senator", "a spokesman", "who", "R-Fla."). */
  opensApposition(j: number): boolean {
    const w = this.low[j];
    return this.lex.determiners.has(w) || RELATIVE_OPENERS.has(w) || isCap(this.toks[j].text) || /^\d+$/.test(w);
  }

  /** The index of the ')' closing the '(' at token j within 8 tokens and the sentence, or -1. */
  closingParen(j: number): number {
    for (let k = j + 1; k < this.toks.length && k <= j + 8; k++) {
      if (this.sentOf[k] !== this.sentOf[j] || this.quoteOf[k] >= 0 || this.low[k] === '(') return -1;
      if (this.low[k] === ')') return k;
    }
    return -1;
  }

  /** The index of the '(' opening the ')' at token j within 8 tokens (not before `limit`), or -1. */
  openingParen(j: number, limit: number): number {
    for (let k = j - 1; k >= limit && k >= j - 8; k--) {
      if (this.sentOf[k] !== this.sentOf[j] || this.quoteOf[k] >= 0 || this.low[k] === ')') return -1;
      if (this.low[k] === '(') return k;
    }
    return -1;
  }

  /**
   * After a reporting clause, the rest of its sentence up to another quote: an apposition or
   * relative clause (`"A," said Ms. Ruiz, who chairs the panel, "B."`), an addressee, place or
   * occasion (`"A," he told Reuters in an interview. "B."`). Returns the index of the comma or
   * sentence mark right before that quote; else `from`. A speech cue on the way means the next
   * quote has a reporting clause of its own.
   */
  skipSpeakerTail(from: number): number {
    const sent = this.sentOf[from];
    for (let k = from + 1; k < this.toks.length && k < from + 30; k++) {
      // "…," I said, attempting to regroup. "…": the tail may end its sentence right before the quote
      if (TERMINAL.has(this.toks[k].text) && !this.breakAfter(k) && this.quoteOf[k + 1] >= 0 && this.qTok[this.quoteOf[k + 1]].start === k + 1) return k;
      if (this.sentOf[k] !== sent || this.breakAfter(k - 1) || TERMINAL.has(this.toks[k].text)) return from;
      if (this.quoteOf[k] >= 0) return this.qTok[this.quoteOf[k]].start === k && [',', ':'].includes(this.low[k - 1]) ? k - 1 : from;
      const c = this.cueAt(k);
      if (c && this.verbUse(k) && c.cls === 'speech' && k > from + 1) return from;
    }
    return from;
  }

  /** The reporting clause right before a quote: `NP said: "…"` / `Said NP, "…"`. */
  clauseBefore(qk: number): { cue: Cue; source: { start: number; end: number } | null; inverted: boolean; from: number } | null {
    const q = this.qTok[qk];
    let i = q.start - 1;
    // `He went on:` ¶ `“…”`: a colon at the end of a paragraph introduces the quote below it
    const colonAbove = i >= 0 && this.low[i] === ':' && this.breakAfter(i);
    if (i < 0 || (this.breakAfter(i) && !colonAbove)) return null;
    const sent = this.sentence(colonAbove ? i : q.start);
    const limit = Math.max(sent ? sent.tokenStart : 0, q.start - 25);
    let k = i;
    if (this.low[k] === ',' || this.low[k] === ':' || this.low[k] === '—') k--;
    // walk left over adjuncts to the cue
    const afterCue = k;
    for (let c = afterCue; c >= limit && c >= afterCue - 8; c--) {
      if (this.quoteOf[c] >= 0) return null;
      const cue = this.cueAt(c);
      if (!cue || this.usedCue.has(c) || !this.verbUse(c)) continue;
      if (cue.cls !== 'speech' && cue.cls !== 'belief' && cue.cls !== 'evidence') continue;
      // between the cue and the quote: only adjuncts, "that", an addressee, an inverted speaker
      let j = this.skipAdjuncts(cue.end, afterCue + 1);
      let inverted: { start: number; end: number } | null = null;
      if (j <= afterCue && this.lex.addressee.has(this.lex.lemmaOf.get(this.low[c]) ?? '')) {
        const np = this.npRight(j, afterCue + 1);
        if (np) j = this.skipAdjuncts(np.end, afterCue + 1);
      }
      if (j <= afterCue && this.low[j] === 'that') j++;
      const leftEdge = this.skipAdjunctsLeft(c - 1, limit);
      const np = leftEdge >= limit ? this.npLeft(leftEdge, limit) : null;
      const from = j;
      if (j <= afterCue && !np) {
        inverted = this.npRight(j, afterCue + 1);
        if (inverted) j = this.skipAdjuncts(inverted.end, afterCue + 1);
      }
      if (j <= afterCue) return null;
      return { cue, source: np ?? inverted, inverted: !np && !!inverted, from };
    }
    return null;
  }

  directQuotes() {
    for (let qk = 0; qk < this.quotes.length; qk++) {
      if (this.usedQuote.has(qk)) continue;
      const quote = this.quotes[qk];
      const q = this.qTok[qk];
      const innerToks = q.innerEnd - q.innerStart;
      const after = this.clauseAfter(qk);
      const before = after ? null : this.clauseBefore(qk);
      const lastInner = this.toks[q.innerEnd - 1]?.text ?? '';
      // a title in marks (`broadcast of “Fox News Sunday,”`, `his book “Coal Isn't the
      // Villain”`) names a work, it reports no words
      if (this.isTitle(qk)) continue;
      const speechLike = innerToks >= 3 || [',', '?', '!', '.'].includes(lastInner);
      if (after && speechLike) {
        this.useCue(after.cue);
        this.usedQuote.add(qk);
        const parts: Span[] = [...quote.paragraphs];
        let by = 'rule/direct-after';
        // split quote: `"A," he said, "B."`
        let e = this.skipSpeakerTail(after.end);
        // `"A," he said. "B."`: the next sentence's quote, with no clause of its own, goes on
        while (e < this.toks.length && [',', ':', '.'].includes(this.low[e])) e++;
        let next = this.quoteOf[e];
        let last = qk;
        while (next >= 0 && next === last + 1 && this.qTok[next].start === e && !this.breakAfter(e - 1) && !this.clauseAfter(next) && !this.clauseBefore(next)) {
          parts.push(...this.quotes[next].paragraphs);
          this.usedQuote.add(next);
          by = 'rule/direct-split';
          // and a further quote right after it in the same paragraph
          last = next;
          e = this.qTok[next].end;
          next = this.quoteOf[e] ?? -1;
        }
        // `However laudable the goal, the tax ''is a misguided approach,'' Mr. Burman said`: a
        // quote that completes a sentence begun outside the marks is a mixed attribution of
        // the whole sentence up to the reporting clause
        const lead = by === 'rule/direct-after' ? this.leadIn(q.start) : -1;
        if (lead >= 0) {
          const c = this.span(lead, q.innerEnd);
          if (/[,;:]$/.test(c.text)) { c.end--; c.text = c.text.slice(0, -1); }
          this.push({ kind: 'mixed', source: after.source ? this.span(after.source.start, after.source.end) : null, cue: this.span(after.cue.start, after.cue.end), content: c, by: 'rule/mixed-after', cls: after.cue.cls });
          continue;
        }
        this.push(this.directCandidate(parts, after.source, after.cue, by));
        continue;
      }
      if (before && (speechLike || innerToks >= 2)) {
        this.useCue(before.cue);
        this.usedQuote.add(qk);
        // `said that “we need more time” to decide`: the quote opens a clause that goes on
        // after it; the content is the clause (a mixed attribution), not the quote alone
        const sentQ = this.sentence(q.start);
        const lastIn = this.low[q.innerEnd - 1];
        // `saying he “will win”`: a name right before the quote, with no comma or colon, is the
        // subject of the quoted clause, not an inverted speaker
        const subjectBefore = before.inverted && ![',', ':'].includes(this.low[q.start - 1]);
        const runsOn = !!sentQ && q.end < sentQ.tokenEnd && isWord(this.toks[q.end].text) && !TERMINAL.has(lastIn) && lastIn !== ',' && !this.breakAfter(q.end - 1);
        if (sentQ && (runsOn || subjectBefore)) {
          let b = runsOn ? sentQ.tokenEnd : q.innerEnd;
          while (b > q.innerStart + 1 && (TERMINAL.has(this.toks[b - 1].text) || this.isClosingQuote(b - 1))) b--;
          // an inverted "speaker" is the clause's subject here ("said the senator can “…”")
          const c = this.span(before.inverted ? before.from : q.innerStart, b);
          const src = before.source && !before.inverted ? this.span(before.source.start, before.source.end) : null;
          this.push({ kind: 'mixed', source: src, cue: this.span(before.cue.start, before.cue.end), content: c, by: 'rule/mixed-before', cls: before.cue.cls });
          continue;
        }
        this.push(this.directCandidate([...quote.paragraphs], before.source, before.cue, 'rule/direct-before'));
        continue;
      }
      // "The senator, on Twitter: “…”": a colon after a bare speaker is the cue
      const colon = q.start - 1;
      const sent = this.sentence(q.start);
      if (!after && !before && speechLike && this.low[colon] === ':' && sent && !this.breakAfter(colon)) {
        let np = this.itemSpeaker(colon - 1, sent.tokenStart);
        // "Ann Lee and Bo Park: “…”": a pair of speakers, each a phrase of its own
        if (np && np.start >= sent.tokenStart + 2 && this.low[np.start - 1] === 'and') {
          const first = this.itemSpeaker(np.start - 2, sent.tokenStart);
          if (first && first.end === np.start - 1) np = { start: first.start, end: np.end };
        }
        // a digest's items run on in one paragraph: "… all along - More from Ann Lee: “…”",
        // "From the report: “…”"
        let lead = np ? np.start : -1;
        if (lead >= sent.tokenStart + 2 && this.low[lead - 1] === 'from' && this.low[lead - 2] === 'more') lead -= 2;
        else if (lead >= sent.tokenStart + 1 && this.low[lead - 1] === 'from' && (lead - 1 === sent.tokenStart || DASHES.has(this.low[lead - 2]))) lead -= 1;
        const afterDash = lead > sent.tokenStart && DASHES.has(this.low[lead - 1]);
        if (np && (lead === sent.tokenStart || afterDash) && np.end - np.start <= 8) {
          this.usedQuote.add(qk);
          this.push(this.directCandidate([...quote.paragraphs], np, { start: colon, end: colon + 1, cls: 'speech', lemma: ':' }, 'rule/direct-colon'));
          continue;
        }
      }
      if (!after && !before && (speechLike || innerToks >= 2)) this.voxPop(qk);
    }
  }

  /**
   * Vox-pop layouts, where a dash or colon stands for the reporting verb:
   * a paragraph that is a quote signed after a dash (`“…” ― Ana Ruiz, 41, Tucson`) and one
   * that opens with a person's description and a dash or colon before the quote
   * (`Ana Ruiz, 41, a nurse from Tucson ― “…”`, `Ana Ruiz, 41, Tucson: “…”`). The person is
   * the name before the first comma; the description (age, job, town) is not the speaker.
   */
  voxPop(qk: number) {
    const q = this.qTok[qk];
    const quote = this.quotes[qk];
    const n = this.toks.length;
    // signed after: the quote opens its paragraph, then a dash, a name and the paragraph's end
    if (q.start === 0 || this.breakAfter(q.start - 1)) {
      let d = q.end;
      while (d < n && [',', '.'].includes(this.low[d]) && !this.breakAfter(d - 1)) d++;
      if (d < n && !this.breakAfter(d - 1) && DASHES.has(this.low[d]) && !this.breakAfter(d)) {
        const np = this.signature(d + 1);
        if (np) {
          this.usedQuote.add(qk);
          this.push(this.directCandidate([...quote.paragraphs], np, { start: d, end: d + 1, cls: 'speech', lemma: this.low[d] }, 'rule/direct-signed'));
          return;
        }
      }
    }
    // described before: the paragraph opens with the person, then a dash or colon, then the quote
    const mark = q.start - 1;
    if (mark < 1 || !(DASHES.has(this.low[mark]) || this.low[mark] === ':') || this.breakAfter(mark)) return;
    let p = mark - 1;
    while (p > 0 && !this.breakAfter(p - 1) && mark - p <= 16) p--;
    if (p > 0 && !this.breakAfter(p - 1)) return;
    // the quote fills the rest of the paragraph (a headline "Name: ‘Phrase’ and more" is no turn)
    let t = q.end;
    while (t < this.toks.length && !this.breakAfter(t - 1) && TERMINAL.has(this.toks[t].text)) t++;
    if (t < this.toks.length && !this.breakAfter(t - 1)) return;
    const np = this.signature(p, mark);
    if (!np) return;
    this.usedQuote.add(qk);
    this.push(this.directCandidate([...quote.paragraphs], np, { start: mark, end: mark + 1, cls: 'speech', lemma: this.low[mark] }, 'rule/direct-described'));
  }

  /**
   * A person's signature from token `from` to the paragraph's end (or to `limit`): a name of
   * 1–5 capitalised words, then optionally ", age, job, town" (no verb, no quote, ≤ 16 tokens).
   * Returns the name's tokens, or null.
   */
  signature(from: number, limit?: number): { start: number; end: number } | null {
    let end = from;
    const n = this.toks.length;
    while (end < n && (limit === undefined || end < limit) && end - from < 24) {
      end++;
      if (this.breakAfter(end - 1)) break;
    }
    if (limit === undefined && !this.breakAfter(end - 1)) return null;
    let last = end;
    while (last > from && (this.low[last - 1] === '.' || this.isQuoteMark(last - 1))) last--;
    if (last - from < 1 || last - from > 16) return null;
    let k = from;
    while (k < last && k - from < 5 && (isCap(this.toks[k].text) || (k > from && ['.', '-', "'", '’'].includes(this.low[k])))) k++;
    if (k === from || (k < last && this.low[k] !== ',')) return null;
    const label = this.low.slice(from, k).join(' ');
    if (COLON_LABELS.has(label) || this.lex.pronouns.has(label) || SIGNATURE_NON_OPENERS.has(this.low[from])) return null;
    // a person's name is not set in capitals: "LOS ANGELES --" is a dateline, "POLLS WRONG:" a heading
    if (this.toks.slice(from, k).some((t) => /^\p{Lu}{2,}$/u.test(t.text))) return null;
    for (let i = from; i < last; i++) {
      if (this.quoteOf[i] >= 0 || TERMINAL.has(this.toks[i].text) && i < last - 1) return null;
      if (this.cueAt(i) && !isCap(this.toks[i].text)) return null;
      const tag = this.pos?.[i];
      if (tag && /^(VBD|VBZ|VBP|MD)$/.test(tag)) return null;
      if (this.cueAt(i) && this.verbUse(i)) return null;
    }
    return { start: from, end: k };
  }

  /**
   * The start of the words before a quote's opening mark that begin its sentence, when the
   * quote completes that sentence (`Using the tax ''is a misguided approach,'' X said`); -1
   * when the quote opens its sentence or paragraph, follows a colon, or the words before it
   * hold another quote or a reporting verb of their own.
   */
  leadIn(qStart: number): number {
    const sent = this.sentence(qStart);
    if (!sent || sent.tokenStart >= qStart || this.breakAfter(qStart - 1)) return -1;
    let s0 = sent.tokenStart;
    for (let k = qStart - 1; k > s0; k--) if (this.breakAfter(k - 1)) { s0 = k; break; }
    if ([':', ',', '—', '–', '(', ';'].includes(this.low[qStart - 1])) return -1;
    let words = 0;
    for (let k = s0; k < qStart; k++) {
      if (this.quoteOf[k] >= 0 || this.isQuoteMark(k)) return -1;
      if (isWord(this.toks[k].text)) words++;
      const cue = this.cueAt(k);
      if (cue && (cue.cls === 'speech' || cue.cls === 'belief') && this.verbUse(k)) return -1;
    }
    return words >= 2 ? s0 : -1;
  }

  /**
   * A paragraph that ends in an open reporting frame (`Limbaugh added:`) introduces the next
   * paragraph as a block quotation, set without marks: that paragraph is the speaker's words.
   * (A next paragraph that opens with a mark is a quote, read by `clauseBefore`.)
   */
  blockQuotes() {
    for (let c = 1; c + 1 < this.toks.length; c++) {
      if (this.low[c] !== ':' || !this.breakAfter(c) || this.usedCue.has(c) || this.isQuoteMark(c + 1) || this.quoteOf[c + 1] >= 0) continue;
      const sent = this.sentence(c);
      if (!sent) continue;
      let cue: Cue | null = null;
      for (let k = c - 1; k >= sent.tokenStart && k >= c - 4; k--) {
        const found = this.cueAt(k);
        if (found && !this.usedCue.has(k) && found.cls === 'speech' && this.skipAdjuncts(found.end, c) === c) { cue = found; break; }
      }
      if (!cue) continue;
      const left = this.skipAdjunctsLeft(cue.start - 1, sent.tokenStart);
      const np = left >= sent.tokenStart ? this.npLeft(left, sent.tokenStart) : null;
      if (!np) continue;
      let e = c + 1;
      while (e + 1 < this.toks.length && !this.breakAfter(e)) e++;
      let b = e + 1;
      while (b > c + 1 && TERMINAL.has(this.toks[b - 1].text)) b--;
      if (this.toks.slice(c + 1, b).filter((t) => isWord(t.text)).length < 4) continue;
      this.useCue(cue);
      this.push({ kind: 'direct', source: this.span(np.start, np.end), cue: this.span(cue.start, cue.end), content: this.span(c + 1, b), by: 'rule/block-quote', cls: 'speech' });
    }
  }

  /**
   * Whether quote qk is a title: 2–8 words, every one capitalised but short function words,
   * no sentence mark inside, and the word before it a preposition, article, possessive or
   * title noun ("of", "the", "his", "titled") rather than a reporting frame.
   */
  isTitle(qk: number): boolean {
    const q = this.qTok[qk];
    const words = this.toks.slice(q.innerStart, q.innerEnd).filter((t) => isWord(t.text));
    if (words.length < 2 || words.length > 8 || !isCap(words[0].text)) return false;
    if (this.toks.slice(q.innerStart, q.innerEnd).some((t) => ['.', '?', '!', ':', ';'].includes(t.text))) return false;
    if (!words.every((t) => isCap(t.text) || TITLE_FUNCTION_WORDS.has(t.text.toLowerCase()) || /^['’]/.test(t.text))) return false;
    const before = this.low[q.start - 1];
    return before !== undefined && !this.breakAfter(q.start - 1) && (TITLE_LEADS.has(before) || this.lex.determiners.has(before));
  }

  /** Quotes that stand alone (a whole sentence or paragraph) continue the last speaker. */
  standalone() {
    for (let qk = 0; qk < this.quotes.length; qk++) {
      if (this.usedQuote.has(qk)) continue;
      const q = this.qTok[qk];
      if (q.innerEnd - q.innerStart < 6) continue;
      const sent = this.sentence(q.start);
      const startsSentence = !sent || sent.tokenStart === q.start || (q.start > 0 && this.breakAfter(q.start - 1));
      let k = q.end;
      while (k < this.toks.length && TERMINAL.has(this.toks[k].text)) k++;
      const endsSentence = k >= this.toks.length || this.breakAfter(k - 1) || this.sentOf[k] !== this.sentOf[q.end - 1] || isCap(this.toks[k].text);
      if (!startsSentence || !endsSentence) continue;
      const prev = [...this.out].filter((c) => c.content.start < this.quotes[qk].open && c.source).sort((a, b) => b.content.start - a.content.start)[0];
      this.usedQuote.add(qk);
      const intro = this.colonIntro(q.start);
      if (intro) {
        this.push(this.directCandidate([...this.quotes[qk].paragraphs], intro.source, intro.cue, 'rule/direct-colon-intro'));
        continue;
      }
      const cand = this.directCandidate([...this.quotes[qk].paragraphs], null, null, 'rule/direct-standalone');
      if (prev && prev.source && this.quotes[qk].open - prev.content.end < 1500) {
        cand.source = prev.source;
        cand.sourceCarried = true;
      }
      this.push(cand);
    }
  }

  /**
   * A clause that ends in a colon right before a quote standing alone introduces it, whatever
   * its verb ("A teacher from the town echoed:", "The mayor notes:"): the clause's last verb,
   * at most six tokens before the colon with no comma or quote between, is the cue, and its
   * subject (from the parse) the speaker. Forms of "be" and "have" introduce no one ("The
   * answer is:"). Null where the parse gives no subject before the verb.
   */
  colonIntro(qs: number): { source: { start: number; end: number }; cue: Cue } | null {
    const c = qs - 1;
    const heads = this.doc.heads, rels = this.doc.deprels;
    if (c < 1 || this.low[c] !== ':' || this.quoteOf[c] >= 0 || !heads || !rels || !this.pos) return null;
    const sent = this.sentence(c - 1);
    if (!sent) return null;
    for (let v = c - 1; v >= Math.max(sent.tokenStart, c - 6); v--) {
      if (this.quoteOf[v] >= 0 || [',', ';', ':', '(', ')'].includes(this.low[v])) return null;
      if (!this.pos[v].startsWith('VB')) continue;
      if (this.lex.beForms.has(this.low[v]) || HAVE_FORMS.has(this.low[v])) return null;
      // a passive subject only where no passive auxiliary makes it one (the parser reads
      // "A fisherman echoed:" as a participle with a passive subject)
      const passive = heads.some((h, k) => h === v && rels[k] === 'aux:pass');
      let subj = -1;
      for (let k = sent.tokenStart; k < v; k++) if (heads[k] === v && (rels[k] === 'nsubj' || (rels[k] === 'nsubj:pass' && !passive))) subj = k;
      if (subj < 0) return null;
      const np = this.npLeft(subj, sent.tokenStart);
      if (!np) return null;
      // the subject's own modifiers after its head ("A teacher from the town")
      let end = np.end;
      for (let k = subj + 1; k < v; k++) if (dominates(this.doc, subj, k)) end = k + 1;
      return { source: { start: np.start, end }, cue: { start: v, end: v + 1, cls: 'speech', lemma: this.low[v] } };
    }
    return null;
  }

  useCue(c: Cue) { for (let i = c.start; i < c.end; i++) this.usedCue.add(i); }

  directCandidate(parts: Span[], source: { start: number; end: number } | null, cue: Cue | null, by: string): Candidate {
    // the comma before the reporting clause belongs to the frame, not to the words
    parts = parts.map((p) => (/[,;:]$/.test(p.text) ? { start: p.start, end: p.end - 1, text: p.text.slice(0, -1) } : p));
    const first = parts[0], last = parts[parts.length - 1];
    return {
      kind: 'direct',
      source: source ? this.span(source.start, source.end) : null,
      cue: cue ? this.span(cue.start, cue.end) : null,
      content: { start: first.start, end: last.end, text: this.text.slice(first.start, last.end) },
      parts: parts.length > 1 ? parts : undefined,
      by,
      cls: cue?.cls,
    };
  }

  /**
   * A paragraph that opens with a short name and a colon is that speaker's turn: interview
   * transcripts ("SMITH: We will win.") and headline style ("Senator: Deal Is Dead").
   * The whole paragraph after the colon is the content; the colon is the cue.
   */
  colonTurns() {
    for (let i = 0; i < this.toks.length; i++) {
      if (i > 0 && !this.breakAfter(i - 1)) continue;
      if (this.quoteOf[i] >= 0) continue;
      // a transcript turn may open with a quotation mark that is never closed (`"SMITH: …`)
      const opensWithMark = this.isQuoteMark(i) && !this.breakAfter(i);
      if (opensWithMark) i++;
      // the speaker: 1–5 capitalised words (a possessive or "of" may join them)
      let k = i;
      while (k < this.toks.length && k - i < 6 && (isCap(this.toks[k].text) || (k > i && ["'s", '’s', 'of', '.'].includes(this.low[k])))) k++;
      if (k === i || this.low[k] !== ':' || this.usedCue.has(k) || this.breakAfter(k)) continue;
      const label = this.low.slice(i, k).join(' ').replace(/ (['’]s)\b/g, '$1');
      if (COLON_LABELS.has(label) || /^\d/.test(label)) continue;
      // a speaker is named ("SMITH", "Sen. Ruiz"); a label that opens with an article, holds a
      // possessive or runs to four words is a heading ("The Latest: …", "Monday's Morning Email: …")
      if (this.lex.determiners.has(this.low[i]) || k - i >= 4 || this.low.slice(i, k).some((w) => w === "'s" || w === '’s')) continue;
      let e = k + 1;
      while (e < this.toks.length && !this.breakAfter(e)) e++;
      let b = e + 1;
      while (b > k + 1 && (TERMINAL.has(this.toks[b - 1].text) || (this.isQuoteMark(b - 1) && this.quoteOf[b - 1] < 0))) b--;
      if (b - (k + 1) < 2 || this.toks.slice(k + 1, b).filter((t) => isWord(t.text)).length < 2) continue;
      // a quoted turn is already a direct quote ("Smith: “…”")
      const qi = this.quoteOf[k + 1];
      if (qi >= 0 && this.usedQuote.has(qi)) continue;
      this.usedCue.add(k);
      const parts: Span[] = [this.span(k + 1, b)];
      // in a transcript whose turns open with a mark, a paragraph that opens with the same
      // unclosed mark and no label goes on with the same speaker's turn
      while (opensWithMark && e + 1 < this.toks.length && this.isQuoteMark(e + 1) && this.quoteOf[e + 1] < 0 && !this.breakAfter(e + 1)) {
        const p = e + 2;
        let pe = p;
        while (pe < this.toks.length && !this.breakAfter(pe)) pe++;
        if (this.low[p] === '(' || (pe + 1 - p <= 8 && this.toks.slice(p, pe + 1).some((t) => t.text === ':'))) break;
        if (/^[\p{Lu}.'’ -]+:/u.test(this.text.slice(this.toks[p].start, this.toks[pe].end))) break;
        let pb = pe + 1;
        while (pb > p && (TERMINAL.has(this.toks[pb - 1].text) || (this.isQuoteMark(pb - 1) && this.quoteOf[pb - 1] < 0))) pb--;
        if (pb - p < 2) break;
        parts.push(this.span(p, pb));
        e = pe;
      }
      const first = parts[0], last = parts[parts.length - 1];
      this.push({
        kind: 'direct',
        source: this.span(i, k),
        cue: this.span(k, k + 1),
        content: { start: first.start, end: last.end, text: this.text.slice(first.start, last.end) },
        parts: parts.length > 1 ? parts : undefined,
        by: 'rule/colon-turn',
        cls: 'speech',
      });
      i = e;
    }
  }

  // ------------------------------------------------------ 2. prepositional cues

  prepositional() {
    for (const sent of this.doc.sentences) {
      for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
        if (this.quoteOf[i] >= 0) continue;
        // "in a statement released by X": X issued the document
        if (this.low[i] === 'in' && this.lex.determiners.has(this.low[i + 1]) && this.lex.docNouns.has(this.low[i + 2])) {
          let j = i + 3;
          if (this.lex.issueVerbs.has(this.low[j]) && this.low[j + 1] === 'by') {
            const np = this.npRight(j + 2, sent.tokenEnd);
            if (np) {
              this.statementBy(sent, i, j + 2, np);
              i = np.end;
            }
          }
          continue;
        }
        const prep = this.lex.prepositional.find((p) => p.every((w, k) => this.low[i + k] === w));
        if (!prep) continue;
        // "per" alone is a rate ("per cent", "per day") unless a name or a document follows
        if (prep.length === 1 && !(isCap(this.toks[i + 1]?.text ?? '') || this.lex.docNouns.has(this.low[i + 2]))) continue;
        let j = i + prep.length;
        let docNoun = false;
        if (this.lex.determiners.has(this.low[j]) && this.lex.docNouns.has(this.low[j + 1])) {
          // "as per a report in X", "according to a statement released by X"
          let k = j + 2;
          if (this.lex.issueVerbs.has(this.low[k])) k++;
          if (['in', 'by', 'from', 'of', 'on'].includes(this.low[k])) { j = k + 1; docNoun = true; }
        }
        const np = this.npRight(j, sent.tokenEnd) ?? (docNoun ? null : null);
        let srcRange = np;
        if (!np) {
          // "according to the statement" (a document without an issuer)
          if (this.lex.determiners.has(this.low[j]) && this.lex.docNouns.has(this.low[j + 1])) srcRange = { start: j, end: j + 2 };
          else continue;
        }
        if (!srcRange) continue;
        const headWords = this.low.slice(srcRange.start, srcRange.end);
        if (headWords.some((w) => this.lex.nonSourceHeads.has(w))) continue;
        let phraseEnd = srcRange.end;
        // "as per a report in Yonhap, the state media of South Korea, that …": take in an apposition
        if (this.low[phraseEnd] === ',') {
          const app = this.lex.determiners.has(this.low[phraseEnd + 1]) ? this.npRight(phraseEnd + 1, sent.tokenEnd) : null;
          if (app && this.low[app.end] === ',' && app.end + 1 < sent.tokenEnd) phraseEnd = app.end;
        }
        this.phraseRanges.push({ start: i, end: phraseEnd });
        // the content: the sentence without the phrase and its commas
        let a = sent.tokenStart, b = sent.tokenEnd;
        while (b > a && TERMINAL.has(this.toks[b - 1].text)) b--;
        const left = { start: a, end: this.low[i - 1] === ',' ? i - 1 : i };
        const right = { start: this.low[phraseEnd] === ',' ? phraseEnd + 1 : phraseEnd, end: b };
        // a phrase closing the sentence ("…, according to the Alliance to Save Our Parks."):
        // words right after its noun phrase, with no comma between, are the rest of the
        // source's name or a clause on it, not a second part of the content
        if (left.end > left.start && right.start === srcRange.end && right.end > right.start) {
          srcRange = { start: srcRange.start, end: b };
          right.start = b;
        }
        const pieces = [left, right].filter((r) => r.end > r.start && this.low.slice(r.start, r.end).some((w) => isWord(w)));
        if (pieces.length === 0) continue;
        const spans = pieces.map((r) => this.span(r.start, r.end));
        const first = spans[0], last = spans[spans.length - 1];
        this.push({
          kind: 'indirect',
          source: this.span(srcRange.start, srcRange.end),
          cue: this.span(i, srcRange.start),
          content: { start: first.start, end: last.end, text: this.text.slice(first.start, last.end) },
          parts: spans.length > 1 ? spans : undefined,
          by: prep[0] === 'according' ? 'rule/according-to' : 'rule/as-per',
          cls: 'phrase',
          relay: true,
        });
        i = phraseEnd;
      }
    }
  }

  /** "In a statement released by X, (Y said) …": X relays what follows; X or Y issued it. */
  statementBy(sent: { tokenStart: number; tokenEnd: number }, i: number, npStartTok: number, np: { start: number; end: number }) {
    // "… released by the Kremlin on Monday," : the phrase runs on over time words to its comma
    let c = np.end;
    let k = c;
    while (k < sent.tokenEnd && k < c + 6 && this.low[k] !== ',' && !this.cueAt(k)) k++;
    if (this.low[k] === ',') c = k;
    this.phraseRanges.push({ start: i, end: c });
    if (this.low[c] === ',') c++;
    let b = sent.tokenEnd;
    while (b > c && TERMINAL.has(this.toks[b - 1].text)) b--;
    // only a phrase that opens (or closes) its sentence relays the rest of it
    if (b <= c) return;
    const content = this.span(c, b);
    this.push({
      kind: 'indirect',
      source: this.span(np.start, np.end),
      cue: this.span(i + 1, npStartTok),
      content,
      by: 'rule/statement-released-by',
      cls: 'phrase',
      issuer: this.span(np.start, np.end),
      relay: true,
    });
  }

  /**
   * A headline in title case ("Senator Praises Flood Relief Plan", "Mayor Says Budget Will
   * Pass"): taggers read its capitalised verbs as names, so a present-tense cue verb (…s) that
   * follows a capitalised subject is read here: source before it, content after it.
   */
  headline() {
    let end = 0;
    while (end < this.toks.length && !this.breakAfter(end)) end++;
    end++;
    if (end > 30 || end < 3) return;
    const words = this.toks.slice(0, end).filter((t) => /\p{L}{4,}/u.test(t.text));
    if (words.length < 3 || words.filter((t) => isCap(t.text)).length < 0.8 * words.length) return;
    for (let k = 1; k < end - 1; k++) {
      const w = this.low[k];
      if (!/s$/.test(w) || this.quoteOf[k] >= 0 || !isCap(this.toks[k].text)) continue;
      const entries = this.lex.byFirst.get(w);
      const e = entries?.find((x) => x.words.length === 1 && x.cls !== 'evidence');
      if (!e) continue;
      let b = end;
      while (b > k + 1 && (TERMINAL.has(this.toks[b - 1].text) || !isWord(this.toks[b - 1].text))) b--;
      let a = 0;
      while (a < k && !isWord(this.toks[a].text)) a++;
      const cue: Cue = { start: k, end: k + 1, cls: e.cls, lemma: e.lemma };
      // "Budget Deal Is Near, Senate Leader Says.": the speaker after a comma, the cue last
      if (b === k + 1) {
        let comma = k - 1;
        while (comma > a && this.low[comma] !== ',') comma--;
        if (comma - a < 2 || k - (comma + 1) < 1 || k - (comma + 1) > 6) return;
        this.useCue(cue);
        const made = this.indirect({ start: comma + 1, end: k }, cue, [{ start: a, end: comma }], 'rule/headline');
        if (/["“”«»„‘’']/.test(made.content.text)) made.kind = 'mixed';
        this.push(made);
        return;
      }
      if (b - (k + 1) < 1 || k - a < 1) return;
      this.useCue(cue);
      const made = this.indirect({ start: a, end: k }, cue, [{ start: k + 1, end: b }], 'rule/headline');
      if (/["“”«»„‘’']/.test(made.content.text)) made.kind = 'mixed';
      this.push(made);
      return;
    }
  }

  // ------------------------------------------------------------ 3. cue verbs

  cueVerbs() {
    for (const sent of this.doc.sentences) {
      for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
        if (this.quoteOf[i] >= 0 || this.usedCue.has(i)) continue;
        if (this.phraseRanges.some((p) => i >= p.start && i < p.end)) continue;
        let cue = this.cueAt(i);
        let adjective = false;
        if (!cue && this.lex.beliefAdjectives.has(this.low[i]) && this.lex.beForms.has(this.low[i - 1]) && this.low[i + 1] === 'that') {
          // "He is confident that …"
          cue = { start: i - 1, end: i + 1, cls: 'belief', lemma: this.low[i] };
          adjective = true;
        }
        if (!cue) continue;
        if (!adjective && !this.verbUse(i)) continue;
        // "continued:" introduces words; "will continue to grow" does not
        if (this.lex.quoteOnly.has(cue.lemma) && ![':', 'that'].includes(this.low[cue.end] ?? '')) continue;
        const made = this.fromCue(sent, cue);
        if (made) { this.useCue(cue); this.push(made); i = cue.end - 1; }
      }
    }
  }

  fromCue(sent: { tokenStart: number; tokenEnd: number }, cue: Cue): Candidate | null {
    const lemma = this.lex.lemmaOf.get(this.low[cue.start]) ?? cue.lemma;
    const next = this.skipAdjuncts(cue.end, sent.tokenEnd);
    const nextW = this.low[next];
    // which classes need what after them
    if (cue.cls === 'belief' || cue.cls === 'evidence' || cue.cls === 'evaluative') {
      const strongThat = nextW === 'that';
      const clauseLike = cue.cls === 'belief' && ['believe', 'think', 'hope', 'expect', 'fear', 'worry', 'suspect', 'doubt', 'assume', 'reckon', 'guess', 'wish', 'trust'].includes(lemma)
        && (this.lex.pronouns.has(nextW) || this.lex.determiners.has(nextW) || isCap(this.toks[next]?.text ?? ''));
      if (!strongThat && !clauseLike) return null;
      if (nextW === 'that' && (this.low[next + 1] === ',' || this.low[next + 1] === '.' || TERMINAL.has(this.toks[next + 1]?.text ?? ''))) return null;
    }
    if (cue.cls === 'intent') {
      if (!(nextW === 'to' || nextW === 'that' || cue.lemma.includes(' '))) return null;
    }
    // "is said to", "was reported that": a passive cue with no source
    const prevW = this.low[cue.start - 1];
    const passive = this.lex.beForms.has(prevW) && /ed$|said|told|known|thought|heard|seen|found/.test(this.low[cue.start]) && cue.cls !== 'belief';
    if (passive) {
      const itSubj = this.low[cue.start - 2] === 'it';
      if (!itSubj || nextW !== 'that') return null;
      const content = this.contentRight(cue.end, sent.tokenEnd, false);
      if (!content) return null;
      return this.indirect(null, cue, [content], 'rule/passive-no-source');
    }
    // the source on the left: "X said", "X, who said …"
    const leftEdge = this.skipAdjunctsLeft(cue.start - 1, sent.tokenStart);
    let np = leftEdge >= sent.tokenStart ? this.npLeft(leftEdge, sent.tokenStart) : null;
    let by = 'rule/indirect';
    if (!np && this.low[leftEdge] === ',') {
      // "North Korea, for the first time, confirmed": step over a parenthetical
      let c = leftEdge - 1;
      while (c > sent.tokenStart && this.low[c] !== ',' && leftEdge - c < 9) c--;
      // ", and the meeting ended early, said X": a coordinated clause, no parenthetical
      let verb = false;
      for (let k = c + 1; k < leftEdge && this.pos && !verb && ['and', 'but', 'or', 'yet', 'so'].includes(this.low[c + 1]); k++) verb = /^(VB|MD)/.test(this.pos[k]);
      if (this.low[c] === ',' && c > sent.tokenStart && !verb) np = this.npLeft(c - 1, sent.tokenStart);
    }
    if (!np && ['who', 'which'].includes(this.low[leftEdge]) && this.low[leftEdge - 1] === ',') {
      // "The minister, who said last week that taxes would rise, resigned": the antecedent speaks,
      // and the content ends at the relative clause's closing comma
      const ante = this.npLeft(leftEdge - 2, sent.tokenStart);
      if (ante) {
        const rc = this.contentRight(cue.end, sent.tokenEnd, this.lex.addressee.has(lemma));
        if (!rc) return null;
        let e = rc.start;
        while (e < rc.end && this.low[e] !== ',') e++;
        if (e <= rc.start) return null;
        // the source span is the relative pronoun (the clause's own subject); its entity is the antecedent's
        const made = this.indirect({ start: leftEdge, end: leftEdge + 1 }, cue, [{ start: rc.start, end: e }], 'rule/indirect-relative');
        made.sourceRef = this.span(ante.start, ante.end);
        return made;
      }
    }
    if (!np && ['and', 'but'].includes(this.low[leftEdge])) {
      // "He praised X and commended Y": the subject of the first verb
      const earlier = [...this.out].reverse().find((c) => c.cue && c.source && c.cue.start >= this.toks[sent.tokenStart].start && c.cue.end <= this.toks[cue.start].start);
      if (earlier?.source) {
        const s = this.tokAt(earlier.source.start);
        np = { start: s, end: this.tokAt(earlier.source.end - 1) + 1 };
        by = 'rule/indirect-coordinated';
      } else {
        // "He is comparing X and says Y": the sentence's subject, when it is a name or a pronoun
        const first = this.npRight(sent.tokenStart, leftEdge);
        if (first && first.end < leftEdge && first.end - first.start <= 4 && (isCap(this.toks[first.start].text) || this.lex.pronouns.has(this.low[first.start]))) {
          np = first;
          by = 'rule/indirect-coordinated';
        }
      }
    }
    if (np && np.end === cue.start && this.low[np.start] === 'that' ) np = null;
    const right = this.contentRight(cue.end, sent.tokenEnd, this.lex.addressee.has(lemma));
    if (np) {
      // "…, X said." : nothing (or only adjuncts) after the cue: the content is before the source
      if (!right || right.end - right.start < 1) {
        const trail = this.trailingContent(sent, np.start);
        if (!trail) return null;
        return this.indirect(np, cue, trail, 'rule/indirect-trailing');
      }
      // "A, X said, B."
      if (this.low[np.start - 1] === ',' && np.start - 1 > sent.tokenStart && [',', ':'].includes(this.low[this.skipAdjuncts(cue.end, sent.tokenEnd)])) {
        const trail = this.trailingContent(sent, np.start);
        if (trail) return this.indirect(np, cue, [...trail, right], 'rule/indirect-parenthetical');
      }
      if (cue.cls === 'speech' && right.end - right.start < 2 && nextW !== 'that') return null;
      // "wrote the letter to the adviser", "added another job title": a speech verb whose
      // object is a plain noun phrase (no verb, no quote) reports no words
      if (cue.cls === 'speech' && this.pos && right.end - right.start > 1) {
        let verb = false;
        for (let k = right.start; k < right.end && !verb; k++) verb = this.pos[k].startsWith('VB') || this.pos[k] === 'MD' || this.quoteOf[k] >= 0;
        if (!verb) return null;
      }
      const [c2, r2] = this.clauseEdges(cue, right);
      const made = this.indirect(np, c2, [r2], by);
      // "issued a statement saying …", "sent a letter to the board urging …": the noun phrase
      // before a participle cue hosts it rather than speaking; the parse's subject of the clause
      // above speaks (sourcesFromParse in stage.ts). A person or a pronoun right before the
      // participle is its subject ("footage of Trump saying …", "heard him saying …").
      if (by === 'rule/indirect' && this.participleHost(cue, np)) {
        made.source = null;
        made.by = 'rule/indirect+source/participle-host';
      }
      return made;
    }
    // inverted: "…, said X." / "said X, …"
    if (cue.cls === 'speech') {
      const inv = this.npRight(this.skipAdjuncts(cue.end, sent.tokenEnd), sent.tokenEnd);
      // a participle ("…, citing X") or a pronoun after the cue ("…, said she would") is no inverted speaker
      const participle = /ing$/.test(this.low[cue.start]) || (this.pos !== null && this.pos[cue.start] === 'VBG');
      // a noun phrase followed by its own verb is the reported clause's subject, not an
      // inverted speaker ("X, a spokesman for Y, said parents still want …"), and so is a
      // possessor ("X, a former aide, said Morrow's plan was …")
      let after = inv ? inv.end : -1;
      while (this.pos && after >= 0 && after < sent.tokenEnd && this.pos[after] === 'RB') after++;
      const clauseFollows = this.pos !== null && after >= 0 && after < sent.tokenEnd && (/^(VB|MD)/.test(this.pos[after]) || this.pos[after] === 'POS');
      // the parse's subject of the cue before it ("Ana Ruiz, 56, who chairs the panel, told
      // reporters …"): the noun phrase after the cue is an addressee or an object
      let subjectBefore = false;
      if (this.doc.heads && this.doc.deprels) {
        for (let k = sent.tokenStart; k < cue.start && !subjectBefore; k++) {
          const h = this.doc.heads[k];
          subjectBefore = h >= cue.start && h < cue.end && /^nsubj/.test(this.doc.deprels[k]);
        }
      }
      if (inv && this.low[cue.start - 1] === ',' && !participle && !clauseFollows && !subjectBefore && !(inv.end - inv.start === 1 && this.lex.pronouns.has(this.low[inv.start]))) {
        const trail = this.trailingContent(sent, cue.start);
        if (trail) return this.indirect(inv, cue, trail, 'rule/indirect-inverted');
      }
    }
    return null;
  }

  /**
   * A preposition right after the cue belongs to the cue ("boasted of", "asked about"), as
   * PolNeAR marks it. (Ending the content with the cue's clausal complement before a comma
   * was tried and measured neutral on overlap and worse on exact spans on PolNeAR train:
   * the annotation keeps trailing modifiers in the content.)
   */
  clauseEdges(cue: Cue, r: { start: number; end: number }): [Cue, { start: number; end: number }] {
    if (!this.pos) return [cue, r];
    let c = cue;
    // "said after the meeting that …", "said before he died that …": a time phrase on the cue
    // is no part of it, nor of what was said
    if (r.start === cue.end && TIME_OPENERS.has(this.low[r.start]) && this.doc.heads) {
      const heads = this.doc.heads;
      const h = heads[r.start];
      if (h > r.start && h < r.end) {
        let e = h;
        // the phrase's own words after its head, up to a complementiser, a comma or a clause
        const rels = this.doc.deprels!;
        for (let k = h + 1; k < r.end; k++) {
          if ([',', 'that'].includes(this.low[k]) || /^(acl|ccomp|advcl|parataxis)/.test(rels[k])) break;
          if (dominates(this.doc, h, k)) e = k; else break;
        }
        let st = e + 1;
        while (st < r.end && [',', 'that'].includes(this.low[st])) st++;
        if (st < r.end - 1) r = { start: st, end: r.end };
      }
    }
    if (r.start === cue.end && this.pos[r.start] === 'IN' && !['that', 'whether', 'if', 'because', 'as', 'while', 'although'].includes(this.low[r.start]) && r.end - r.start > 2) {
      c = { ...cue, end: cue.end + 1 };
      r = { start: r.start + 1, end: r.end };
    }
    // "She says X but argues Y", "He did not mention X but did note Y": a second verb of the
    // same form as the cue, after "and"/"but" with no subject of its own, is the speaker's
    // next act, not part of what was said
    const cueTag = this.pos[cue.start];
    if (/^VB[DZP]$/.test(cueTag)) {
      for (let k = r.start + 2; k < r.end - 1; k++) {
        if (!['and', 'but'].includes(this.low[k]) || this.quoteOf[k] >= 0) continue;
        let j = k + 1;
        while (j < r.end && (this.pos[j] === 'RB' || this.low[j] === ',')) j++;
        if (j < r.end && this.pos[j] === cueTag) {
          r = { start: r.start, end: this.low[k - 1] === ',' ? k - 1 : k };
          break;
        }
      }
    }
    r = this.cutTail(r);
    const heads = this.doc.heads;
    const rels = this.doc.deprels;
    if (!heads || !rels) return [c, r];
    // a participle clause on the cue ("He says X, calling them …") ends the content: it is
    // an attribution of its own
    let v = -1;
    for (let i = cue.start; i < cue.end; i++) if (this.pos[i].startsWith('VB')) { v = i; break; }
    if (v < 0) return [c, r];
    for (let k = r.start + 2; k < r.end; k++) {
      // (verbs coordinated with the cue were tried too: worse on exact spans on PolNeAR train)
      // (time and reason clauses on the cue, "…, as he faces a test", were tried: no gain on train)
      if (heads[k] !== v || rels[k] !== 'advcl' || this.pos[k] !== 'VBG') continue;
      // the left edge of k's clause, then the comma or conjunction before it
      let lo = k;
      for (let j = k - 1; j > r.start; j--) {
        let a = heads[j];
        let d = 0;
        while (a >= 0 && a !== k && d++ < 40) a = heads[a];
        if (a === k) lo = j; else break;
      }
      while (lo > r.start + 1 && [',', 'and', 'but', ';', '—'].includes(this.low[lo - 1])) lo--;
      while (lo < k && [',', 'and', 'but', ';', '—'].includes(this.low[lo])) lo++;
      if (lo - r.start >= 2) { r = { start: r.start, end: lo }; break; }
    }
    return [c, r];
  }

  /**
   * Ends an indirect content before a comma-set tail that is not part of what was said
   * (found by error analysis on PolNeAR train, where such tails are left out): a
   * non-restrictive relative clause that runs to the content's end (", which …", ", who …"),
   * a trailing source (", according to …", an attribution of its own) and a comma-set
   * participle of a cue verb (", saying …", ", claiming …"), the speaker's next act.
   */
  cutTail(r: { start: number; end: number }): { start: number; end: number } {
    const heads = this.doc.heads;
    const rels = this.doc.deprels;
    for (let k = r.start + 3; k < r.end - 1; k++) {
      if (this.low[k] !== ',' || this.quoteOf[k] >= 0) continue;
      const w = this.low[k + 1];
      let cut = (w === 'according' && this.low[k + 2] === 'to') || (/ing$/.test(w) && this.pos![k + 1] === 'VBG' && this.cueAt(k + 1) !== null);
      if (!cut && RELATIVE_TAIL.has(w)) {
        if (heads && rels) {
          // the relative clause must close the content: one token of it (the clause's verb)
          // hangs outside, on a word of the content before it; "the senator, who …, would vote" goes on
          let outside = 0;
          for (let j = k + 1; j < r.end; j++) {
            const h = heads[j];
            if (h >= k + 1 && h < r.end) continue;
            if (rels[j] === 'punct') continue;
            if (h >= r.start && h < k) outside++; // acl:relcl, or advcl by a misparse
            else outside += 2;
          }
          cut = outside === 1;
        } else {
          cut = !this.low.slice(k + 1, r.end - 1).includes(',');
        }
      }
      if (cut) return { start: r.start, end: k };
    }
    return r;
  }

  /** The content before ", X said": from the sentence start to the comma before `srcStart`. */
  trailingContent(sent: { tokenStart: number; tokenEnd: number }, srcStart: number): { start: number; end: number }[] | null {
    if (this.low[srcStart - 1] !== ',' && !this.isClosingQuote(srcStart - 1)) return null;
    let e = srcStart - 1;
    let s = sent.tokenStart;
    if (e - s < 2) return null;
    // a quote is a direct attribution of its own; the indirect reading needs plain text
    if (this.quoteOf[s] >= 0 && this.qTok[this.quoteOf[s]].end >= e) return null;
    return [{ start: s, end: e }];
  }

  /** The noun phrase subject of the clause that holds token w (a free relative's "what"), from the parse; null without one. */
  outerSubject(w: number, limit: number): { start: number; end: number } | null {
    const heads = this.doc.heads, rels = this.doc.deprels;
    if (!heads || !rels) return null;
    let v = heads[w];
    for (let step = 0; step < 3 && v >= 0; step++) {
      for (let k = limit; k < w; k++) {
        if (heads[k] !== v || rels[k] !== 'nsubj') continue;
        return this.npLeft(k, limit);
      }
      if (!['xcomp', 'conj', 'ccomp'].includes(rels[v])) break;
      v = heads[v];
    }
    return null;
  }

  /** Whether noun phrase np before participle cue `cue` hosts it rather than being its subject (see the indirect rule). */
  participleHost(cue: Cue, np: { start: number; end: number }): boolean {
    return this.pos !== null && this.pos[cue.start] === 'VBG' && !this.lex.beForms.has(this.low[cue.start - 1])
      && this.pos[np.end - 1] !== 'PRP' && !/PER$/.test(this.doc.nerTags?.[np.end - 1] ?? '');
  }

  indirect(np: { start: number; end: number } | null, cue: Cue, ranges: { start: number; end: number }[], by: string): Candidate {
    const spans = ranges.map((r) => this.span(r.start, r.end));
    const first = spans[0], last = spans[spans.length - 1];
    return {
      kind: 'indirect',
      source: np ? this.span(np.start, np.end) : null,
      cue: this.span(cue.start, cue.end),
      content: { start: first.start, end: last.end, text: this.text.slice(first.start, last.end) },
      parts: spans.length > 1 ? spans : undefined,
      by,
      cls: cue.cls,
    };
  }

  // ------------------------------------------------------ 4. quoted fragments

  fragments() {
    for (let qk = 0; qk < this.quotes.length; qk++) {
      if (this.usedQuote.has(qk)) continue;
      const quote = this.quotes[qk];
      const q = this.qTok[qk];
      // inside a found attribution's content: that one becomes mixed
      const holder = this.out
        .filter((c) => c.kind !== 'direct' && (c.parts ?? [c.content]).some((p) => p.start <= quote.open && quote.close <= p.end + 1))
        .sort((a, b) => (a.content.end - a.content.start) - (b.content.end - b.content.start))[0];
      if (holder) { holder.kind = 'mixed'; this.usedQuote.add(qk); continue; }
      // scare quotes and titles are not speech
      const prevW = this.low[q.start - 1];
      if (prevW === 'so-called' || prevW === 'dubbed' && false) continue;
      const words = this.toks.slice(q.innerStart, q.innerEnd).filter((t) => isWord(t.text));
      if (words.length === 0) continue;
      const titleCase = words.every((t) => isCap(t.text) || ['of', 'the', 'a', 'an', 'and', 'in', 'on', 'for', 'to', 'at'].includes(t.text));
      if (titleCase && words.length <= 8) continue;
      // a cue verb earlier in the same sentence, not yet used, governs the fragment
      const sent = this.sentence(q.start);
      if (!sent) continue;
      for (let c = q.start - 1; c >= sent.tokenStart && c >= q.start - 20; c--) {
        if (this.quoteOf[c] >= 0) break;
        if (['.', ';'].includes(this.low[c])) break;
        const cue = this.cueAt(c);
        if (!cue || this.usedCue.has(c) || !this.verbUse(c)) continue;
        const leftEdge = this.skipAdjunctsLeft(c - 1, sent.tokenStart);
        let np = leftEdge >= sent.tokenStart ? this.npLeft(leftEdge, sent.tokenStart) : null;
        let by = 'rule/mixed-fragment';
        if (!np && ['and', 'but'].includes(this.low[leftEdge])) {
          // "He praised X and commended Y for their “…”": the first verb's subject
          for (let k = sent.tokenStart; k < leftEdge; k++) {
            const c2 = this.cueAt(k);
            if (c2 && this.verbUse(k)) {
              const e = this.skipAdjunctsLeft(k - 1, sent.tokenStart);
              np = e >= sent.tokenStart ? this.npLeft(e, sent.tokenStart) : null;
              by = 'rule/mixed-coordinated';
              break;
            }
          }
        }
        if (!np) continue;
        // "denounced what it calls “…”", "urged voters to read what she called “…”": the
        // pronoun of the free relative is the subject of the clause around it, which names it
        if (np.end - np.start === 1 && this.lex.pronouns.has(this.low[np.start]) && this.low[np.start - 1] === 'what') {
          const outer = this.outerSubject(np.start - 1, sent.tokenStart);
          // … unless the resolve layer ties the pronoun to someone else ("Lee mocked what she called …")
          const entityIn = (a: number, b: number) => this.doc.mentions.find((m) => m.entity && m.start >= this.toks[a].start && m.end <= this.toks[b - 1].end)?.entity ?? null;
          const pe = entityIn(np.start, np.end);
          const oe = outer ? entityIn(outer.start, outer.end) : null;
          if (outer && !(pe && oe && pe !== oe)) np = outer;
        }
        this.useCue(cue);
        this.usedQuote.add(qk);
        // "issued a statement calling the test “a clear violation”": the clause above speaks
        const host = by === 'rule/mixed-fragment' && this.participleHost(cue, np);
        if (host) by += '+source/participle-host';
        this.push({
          kind: 'mixed',
          source: host ? null : this.span(np.start, np.end),
          cue: this.span(cue.start, cue.end),
          content: quote.inner,
          by,
          cls: cue.cls,
        });
        break;
      }
    }
  }
}

/**
 * A POS layer is used only when it has one tag a token and at least a third of them are
 * nouns, verbs, determiners or prepositions: a tagger that is missing its model must not
 * switch the rules off.
 */
function plausiblePos(pos: string[] | null, n: number): string[] | null {
  if (!pos || pos.length !== n || n === 0) return null;
  const common = pos.filter((t) => /^(NN|VB|DT|IN|PRP|JJ)/.test(t)).length;
  return common / n >= 0.33 ? pos : null;
}

function i0IsSentenceStart(f: Finder, i: number): boolean {
  const s = f.sentence(i);
  return !!s && s.tokenStart === i;
}
