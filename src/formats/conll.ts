/**
 * @module formats/conll
 * `--from conll` and `--to conll` (Contract 2): CoNLL-2003 style columns, `-DOCSTART-`
 * between documents, a blank line between sentences. The first column is the token, taken
 * as given (never re-tokenised); the document text is the tokens joined by spaces, one
 * sentence a line, so every token has offsets. The writer prints the input lines again
 * with one more column: the predicted IOB2 tag.
 */
import type { DocumentMeta, Sentence, Token } from '../types.js';
import type { InputFormat, OutputFormat, ParsedInput } from './format.js';
import { hashText } from '../ingest/report.js';
import { InputError } from '../ingest/errors.js';
import { nerStage } from '../nlp/ner/stage.js';

/** One CoNLL document: its sentences' token columns and the raw lines to write back. */
export interface ConllDoc {
  /**
   * every input line of the document (its -DOCSTART- line, token lines, blank lines), a
   * trailing CR dropped; split from `source` when asked for
   */
  readonly lines: string[];
  /**
   * the document's part of the input text, each line with its line feed (the last one of the
   * file without): one string kept per document rather than one per line, which a whole run
   * over a file would otherwise keep alive (and the young generation copy) until it is written
   */
  source: string;
  /** per sentence, its tokens (the first column of each line) */
  sentences: string[][];
}

/**
 * Calls `f` with each line of a document's `source` (a trailing CR dropped); the segment
 * after the last line feed is a line only when it is not empty, as with `split('\n')` and a
 * dropped trailing ''.
 */
function eachLine(src: string, f: (line: string) => void): void {
  const n = src.length;
  let from = 0;
  while (from < n) {
    let nl = src.indexOf('\n', from);
    if (nl < 0) nl = n;
    let line = src.slice(from, nl);
    from = nl + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    f(line);
  }
}

function makeDoc(source: string, sentences: string[][]): ConllDoc {
  return {
    source, sentences,
    get lines() { const out: string[] = []; eachLine(this.source, (l) => out.push(l)); return out; },
  };
}

const isDocStart = (line: string) => line.startsWith('-DOCSTART-');
const firstColumnSlow = (line: string): string => {
  const m = /^\s*(\S+)/.exec(line);
  return m ? m[1] : '';
};
/** ASCII whitespace as `\s` knows it (tab, line feed, vertical tab, form feed, CR, space). */
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
/**
 * The first whitespace-separated column ('' for a blank line): a scan of char codes for
 * ASCII lines, the regex where a non-ASCII character could be Unicode whitespace.
 */
const firstColumn = (line: string): string => {
  const n = line.length;
  let i = 0;
  let c = 0;
  while (i < n && isAsciiSpace(c = line.charCodeAt(i))) i++;
  if (i === n) return '';
  if (c >= 128) return firstColumnSlow(line);
  let j = i + 1;
  while (j < n) {
    c = line.charCodeAt(j);
    if (isAsciiSpace(c)) break;
    if (c >= 128) return firstColumnSlow(line);
    j++;
  }
  return line.slice(i, j);
};

/**
 * Splits CoNLL text into documents (a file without `-DOCSTART-` is one document). Other
 * columns stay in `lines`; `conllColumns` gives a document's token lines split.
 *
 * @example
 * parseConll('-DOCSTART- -X- O\n\nEU NNP B-ORG\nrejects VBZ O\n')[0].sentences[0] // ['EU', 'rejects']
 */
export function parseConll(text: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let cur: ConllDoc | null = null;
  let curStart = 0;
  let sent: string[] | null = null;
  const n = text.length;
  let from = 0;
  while (from < n) {
    const lineStart = from;
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = n;
    let raw = text.slice(from, nl);
    from = nl + 1;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (isDocStart(raw)) {
      if (cur) cur.source = text.slice(curStart, lineStart);
      cur = makeDoc('', []);
      curStart = lineStart;
      docs.push(cur);
      sent = null;
      continue;
    }
    if (!cur) { cur = makeDoc('', []); curStart = lineStart; docs.push(cur); }
    // '' exactly when the line is blank (`\s` and `trim` know the same whitespace)
    const tok = firstColumn(raw);
    if (tok === '') { sent = null; continue; }
    if (!sent) { sent = []; cur.sentences.push(sent); }
    sent.push(tok);
  }
  if (cur) cur.source = text.slice(curStart, n);
  return docs;
}

/** Each sentence's token lines split into columns (for training and evaluation). */
export function conllColumns(doc: ConllDoc): string[][][] {
  const out: string[][][] = [];
  let sent: string[][] | null = null;
  for (const line of doc.lines) {
    if (isDocStart(line)) continue;
    if (line.trim() === '') { sent = null; continue; }
    if (!sent) { sent = []; out.push(sent); }
    sent.push(line.trim().split(/\s+/));
  }
  return out;
}

/** Document text, tokens and sentences for one CoNLL document's token column. */
export function conllToTokens(sentences: string[][]): { text: string; tokens: Token[]; sentences: Sentence[] } {
  const tokens: Token[] = [];
  const sents: Sentence[] = [];
  // each sentence's text is its tokens joined by spaces, the document's their lines joined
  // by line feeds (no array of separators and tokens to join, no slicing back)
  const lines = new Array<string>(sentences.length);
  let pos = 0;
  for (let s = 0; s < sentences.length; s++) {
    if (s > 0) pos += 1;
    const startTok = tokens.length;
    const start = pos;
    const sent = sentences[s];
    for (let i = 0; i < sent.length; i++) {
      if (i > 0) pos += 1;
      const t = sent[i];
      tokens.push({ start: pos, end: pos + t.length, text: t });
      pos += t.length;
    }
    const line = sent.join(' ');
    lines[s] = line;
    sents.push({ start, end: pos, text: line, tokenStart: startTok, tokenEnd: tokens.length });
  }
  return { text: lines.join('\n'), tokens, sentences: sents };
}

export const conllInput: InputFormat = {
  name: 'conll',
  extensions: ['.conll', '.conll03', '.iob', '.bio'],
  read(text, options) {
    const docs = parseConll(text);
    if (!docs.some((d) => d.sentences.length > 0)) throw new InputError(options.inputName, 'has no CoNLL token lines');
    const base = options.inputName === '-' ? 'stdin' : options.inputName.split(/[\\/]/).pop() ?? 'conll';
    return docs.map((d, k): ParsedInput => {
      const { text: docText, tokens, sentences } = conllToTokens(d.sentences);
      const hash = hashText(docText);
      const document: DocumentMeta = {
        id: docs.length === 1 ? base : `${base}#${k + 1}`,
        hash, title: null, url: null, source: null,
        published: options.date ?? null, dateline: null, language: 'en', text: docText,
      };
      return { document, tokens, sentences, carry: d };
    });
  },
};

export const conllOutput: OutputFormat = {
  name: 'conll',
  extension: '.conll',
  requiresInput: 'conll',
  stages: () => [nerStage],
  write(results) {
    const out: string[] = [];
    for (const r of results) {
      const d = r.input.carry as ConllDoc;
      const tags = r.doc.nerTags ?? [];
      let k = 0;
      eachLine(d.source, (line) => {
        if (line === '' || line.trim() === '') { out.push(line); return; }
        const sep = line.indexOf('\t') >= 0 ? '\t' : ' ';
        out.push(line + sep + (isDocStart(line) ? 'O' : (tags[k++] ?? 'O')));
      });
    }
    return out.join('\n') + (out.length ? '\n' : '');
  },
};
