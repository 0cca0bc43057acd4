/**
 * @module attribute/quotes
 * Finds quoted passages in a text: every common style of marks (straight and curly double,
 * curly and straight single, guillemets both ways, German „…“, CJK 「…」), quotes nested in
 * quotes (only the outer closer is looked for), quotes that run over paragraphs — news
 * style opens each paragraph again and closes only at the end — and doubled apostrophes
 * (''…''), which some archives (the New York Times' among them) use for double quotes.
 */
import type { Span } from '../types.js';

export interface Quote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark. */
  close: number;
  /** The words inside the marks (first paragraph's start to last paragraph's end). */
  inner: Span;
  /** One piece per paragraph for a quote that runs over several. */
  paragraphs: Span[];
}

/** Opening mark → the marks that close it. */
const CLOSERS: Record<string, string> = {
  '“': '”', '"': '"', '‘': '’', '«': '»', '»': '«', '„': '“”', '‚': '‘’', '「': '」', '『': '』', "'": "'", '‹': '›',
};

/** The other style's closer, for a double-quote opener that finds none of its own. */
const MIXED_CLOSER: Record<string, string> = { '"': '”', '“': '"' };

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function canOpen(text: string, i: number): boolean {
  const c = text[i];
  const prev = text[i - 1];
  const next = text[i + 1];
  if (isSpace(next)) return false;
  if (c === "'" || c === '‘') {
    // an apostrophe inside or after a word is not an opening mark ("rock 'n' roll" aside)
    return (prev === undefined || /[\s(\[{—–"“]/.test(prev)) && isWordChar(next);
  }
  if (c === '»') return !isWordChar(prev);
  return true;
}

function canClose(text: string, i: number, opener: string): boolean {
  const c = text[i];
  const prev = text[i - 1];
  const next = text[i + 1];
  if (isSpace(prev) && c !== '"') return false;
  if (c === '’' || c === "'") {
    // "it’s", "don't": an apostrophe followed by a letter is inside a word
    if (isWordChar(next)) return false;
    if (opener === "'" && isSpace(prev)) return false;
  }
  if (c === '"' && isSpace(prev) && !isSpace(next)) return false; // looks like an opener
  return true;
}

/** A paragraph break: a newline followed by optional spaces and another newline, or one newline. */
function paragraphEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end, text: text.slice(start, end) };
}

/**
 * Every quotation in `text`, in order. Unclosed marks are dropped (they are apostrophes,
 * inch marks or typos more often than quotes).
 *
 * @example
 * findQuotes('“We won,” he said.')[0].inner.text // 'We won,'
 */
export function findQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (text.startsWith("''", i) && text[i + 2] !== "'") {
      const q = doubledApostrophes(text, i);
      if (q) { out.push(q); i = q.close; continue; }
      i += 2;
      continue;
    }
    // a closing curly mark that opens a paragraph is a mistyped opener (”…” ― A. Name)
    const c = text[i] === '”' && (i === 0 || text[i - 1] === '\n') && !isSpace(text[i + 1]) ? '“' : text[i];
    if (!(c in CLOSERS) || !canOpen(text, i)) { i++; continue; }
    const opener = c;
    const closers = CLOSERS[c];
    const paragraphs: Span[] = [];
    let pieceStart = i + 1;
    let j = i + 1;
    let closedAt = -1;
    let paraEnd = paragraphEnd(text, j);
    while (j < n) {
      if (j >= paraEnd) {
        // end of a paragraph inside an open quote: it goes on only if the next paragraph
        // opens with the same mark
        let k = j;
        while (k < n && /\s/.test(text[k])) k++;
        if (k < n && text[k] === opener && opener !== "'" ) {
          paragraphs.push(trimSpan(text, pieceStart, j));
          pieceStart = k + 1;
          j = k + 1;
          paraEnd = paragraphEnd(text, j);
          continue;
        }
        break;
      }
      const d = text[j];
      if (closers.includes(d) && canClose(text, j, opener)) { closedAt = j; break; }
      j++;
    }
    // mixed styles ("…” or “…"), common in edited copy: a straight or curly double opener
    // that finds no closer of its own style in its paragraph takes the other style's
    if (closedAt < 0 && paragraphs.length === 0 && MIXED_CLOSER[opener]) {
      for (let k = i + 1; k < paraEnd; k++) if (text[k] === MIXED_CLOSER[opener] && canClose(text, k, opener)) { closedAt = k; break; }
    }
    if (closedAt < 0) { i++; continue; }
    paragraphs.push(trimSpan(text, pieceStart, closedAt));
    const first = paragraphs[0];
    const last = paragraphs[paragraphs.length - 1];
    if (last.end > first.start) {
      out.push({
        open: i,
        close: closedAt + 1,
        inner: { start: first.start, end: last.end, text: text.slice(first.start, last.end) },
        paragraphs,
      });
    }
    i = closedAt + 1;
  }
  return out;
}

/**
 * A quote in doubled apostrophes opening at i (''…''), over paragraphs that each open again
 * with '' like the other styles; null when the mark cannot open or never closes.
 */
function doubledApostrophes(text: string, i: number): Quote | null {
  const prev = text[i - 1];
  if (isSpace(text[i + 2]) || (prev !== undefined && !/[\s(\[{—–]/.test(prev))) return null;
  const paragraphs: Span[] = [];
  let pieceStart = i + 2;
  let j = i + 2;
  let paraEnd = paragraphEnd(text, j);
  while (j < text.length) {
    if (j >= paraEnd) {
      let k = j;
      while (k < text.length && /\s/.test(text[k])) k++;
      if (!text.startsWith("''", k)) return null;
      paragraphs.push(trimSpan(text, pieceStart, j));
      pieceStart = k + 2;
      j = k + 2;
      paraEnd = paragraphEnd(text, j);
      continue;
    }
    if (text.startsWith("''", j) && !isSpace(text[j - 1]) && !isWordChar(text[j + 2])) {
      paragraphs.push(trimSpan(text, pieceStart, j));
      const first = paragraphs[0];
      const last = paragraphs[paragraphs.length - 1];
      if (last.end <= first.start) return null;
      return { open: i, close: j + 2, inner: { start: first.start, end: last.end, text: text.slice(first.start, last.end) }, paragraphs };
    }
    j++;
  }
  return null;
}
