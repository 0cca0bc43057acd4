/**
 * @module formats/timeml
 * `--from timeml` and `--to timeml` (Contract 2): TempEval-3 `.TE3input` / `.tml` files.
 *
 * Reading: the DCT's TIMEX3 value is the document date; `document.text` is the content of
 * `<TEXT>` with every tag removed and XML entities decoded (`&amp;` → `&`). What the writer
 * needs to put the file back together (the raw file and, for each character of the text,
 * where it sits in the raw file) travels in `carry`, as do the TIMEX3 tags the input already
 * had inside TEXT (`given`: the gold annotation of a `.tml` file, which the benchmark reads).
 *
 * Writing: the input comes back byte for byte, except inside TEXT, where the TIMEX3 tags the
 * input had are removed and ours are inserted (`<TIMEX3 tid="t1" type="DATE" value="…">`, plus
 * `mod` where TimeML has one). Other tags inside TEXT (EVENT, SIGNAL) stay where they were;
 * an expression that would cross one of them is left untagged (and a message says so), so
 * the output stays well-formed XML. The DCT's own TIMEX3 (`t0`) is outside TEXT and kept;
 * TLINKs that named removed TIMEX3 ids are left as they are.
 */
import type { AnalysisTime, DocumentMeta, Stage, TimeType } from '../types.js';
import type { InputFormat, OutputFormat } from './format.js';
import { InputError } from '../ingest/errors.js';
import { hashText, readDateline } from '../ingest/report.js';
import { tokenizeStage, sentenceStage } from '../nlp/stages.js';
import { timeStage } from '../time/index.js';

/** A TIMEX3 the input already had inside TEXT (offsets into `document.text`). */
export interface GivenTimex {
  start: number;
  end: number;
  tid: string | null;
  type: TimeType | null;
  value: string | null;
  mod: string | null;
}

/** What `--to timeml` needs to rebuild the input. */
export interface TimemlCarry {
  kind: 'timeml';
  raw: string;
  /** Raw offsets of the TEXT content: [contentStart, contentEnd). */
  contentStart: number;
  contentEnd: number;
  /** For each character i of the text: where it starts in `raw`, and where it ends. */
  rawStart: Int32Array;
  rawEnd: Int32Array;
  given: GivenTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(ent: string): string | null {
  if (ent[1] === '#') {
    const code = ent[2] === 'x' || ent[2] === 'X' ? parseInt(ent.slice(3, -1), 16) : parseInt(ent.slice(2, -1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : null;
  }
  const name = ent.slice(1, -1);
  return Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : null;
}

const attr = (tag: string, name: string): string | null => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? null;

/**
 * Reads one TimeML document.
 *
 * @example
 * const [p] = timemlInput.read(raw, { inputName: 'a.tml' });
 * p.document.published // '1998-01-20'
 */
export function readTimeml(raw: string, inputName: string, fallbackDate: string | null = null): { document: DocumentMeta; carry: TimemlCarry } {
  const open = /<TEXT(?:\s[^>]*)?>/.exec(raw);
  const close = raw.lastIndexOf('</TEXT>');
  if (!open || close < open.index) throw new InputError(inputName, 'is not TimeML (no <TEXT>…</TEXT>)');
  const contentStart = open.index + open[0].length;
  const contentEnd = close;
  const dctTag = /<DCT>\s*(<TIMEX3\b[^>]*>)/.exec(raw)?.[1];
  const dctValue = dctTag ? attr(dctTag, 'value') : null;
  const published = dctValue && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : fallbackDate;

  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const given: GivenTimex[] = [];
  const openTimex: { start: number; tag: string }[] = [];
  let i = contentStart;
  while (i < contentEnd) {
    const ch = raw[i];
    if (ch === '<') {
      const j = raw.indexOf('>', i);
      if (j < 0 || j >= contentEnd) throw new InputError(inputName, `has an unclosed tag in TEXT at offset ${i}`);
      const tag = raw.slice(i, j + 1);
      if (/^<TIMEX3\b/.test(tag) && !tag.endsWith('/>')) openTimex.push({ start: chars.length, tag });
      else if (/^<\/TIMEX3/.test(tag)) {
        const o = openTimex.pop();
        if (o) {
          given.push({
            start: o.start, end: chars.length, tid: attr(o.tag, 'tid'),
            type: attr(o.tag, 'type') as TimeType | null, value: attr(o.tag, 'value'), mod: attr(o.tag, 'mod'),
          });
        }
      }
      i = j + 1;
      continue;
    }
    if (ch === '&') {
      const semi = raw.indexOf(';', i);
      if (semi > i && semi - i < 12) {
        const dec = decodeEntity(raw.slice(i, semi + 1));
        if (dec != null) {
          for (const unit of dec.split('')) {
            chars.push(unit);
            starts.push(i);
            ends.push(semi + 1);
          }
          i = semi + 1;
          continue;
        }
      }
    }
    chars.push(ch);
    starts.push(i);
    ends.push(i + 1);
    i++;
  }
  const text = chars.join('');
  if (text.trim().length === 0) throw new InputError(inputName, 'has an empty TEXT');
  const rawStart = new Int32Array(starts.length + 1);
  rawStart.set(starts);
  rawStart[starts.length] = contentEnd;
  const rawEnd = Int32Array.from(ends);
  const docid = /<DOCID>([^<]*)<\/DOCID>/.exec(raw)?.[1]?.trim();
  const title = /<TITLE>([^<]*)<\/TITLE>/.exec(raw)?.[1]?.trim() ?? null;
  const hash = hashText(text);
  const document: DocumentMeta = {
    id: docid || (inputName === '-' ? hash : inputName.split(/[\\/]/).pop()!),
    hash,
    title,
    url: null,
    source: null,
    published,
    dateline: readDateline(text, 0),
    language: 'en',
    text,
  };
  return { document, carry: { kind: 'timeml', raw, contentStart, contentEnd, rawStart, rawEnd, given } };
}

export const timemlInput: InputFormat = {
  name: 'timeml',
  extensions: ['.tml', '.te3input', '.timeml'],
  read(raw, options) {
    const { document, carry } = readTimeml(raw, options.inputName, options.date ?? null);
    return [{ document, carry }];
  },
};

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Tags (other than TIMEX3) inside raw[a, b) are balanced. */
function balanced(raw: string, a: number, b: number): boolean {
  const stack: string[] = [];
  const tagRe = /<(\/?)([A-Za-z][\w.-]*)[^>]*?(\/?)>/g;
  tagRe.lastIndex = a;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(raw)) && m.index < b) {
    if (m[2] === 'TIMEX3' || m[3] === '/') continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]);
  }
  return stack.length === 0;
}

/**
 * Writes a TimeML document back with `times` as its TIMEX3 tags.
 *
 * @example
 * writeTimeml(carry, [{ id: 't1', start: 0, end: 6, text: 'Friday', type: 'DATE', value: '1998-08-07' }]).text
 */
export function writeTimeml(carry: TimemlCarry, times: readonly AnalysisTime[]): { text: string; skipped: AnalysisTime[] } {
  const { raw, contentStart, contentEnd, rawStart, rawEnd } = carry;
  const inserts: { at: number; order: number; s: string }[] = [];
  const skipped: AnalysisTime[] = [];
  let lastEnd = -1;
  const sorted = [...times].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const t of sorted) {
    if (t.end <= t.start || t.start < lastEnd || t.end > rawEnd.length) { skipped.push(t); continue; }
    const a = rawStart[t.start];
    const b = rawEnd[t.end - 1];
    if (!balanced(raw, a, b)) { skipped.push(t); continue; }
    const mod = t.mod ? ` mod="${escapeAttr(t.mod)}"` : '';
    inserts.push({ at: a, order: 1, s: `<TIMEX3 tid="${escapeAttr(t.id)}" type="${t.type}" value="${escapeAttr(t.value)}"${mod}>` });
    inserts.push({ at: b, order: 0, s: '</TIMEX3>' });
    lastEnd = t.end;
  }
  // at one offset, a closing tag goes before an opening one
  inserts.sort((x, y) => x.at - y.at || x.order - y.order);
  const parts: string[] = [raw.slice(0, contentStart)];
  let k = 0;
  let i = contentStart;
  let runStart = i;
  const flush = (to: number) => { if (to > runStart) parts.push(raw.slice(runStart, to)); };
  while (i < contentEnd) {
    if (k < inserts.length && inserts[k].at === i) {
      flush(i);
      while (k < inserts.length && inserts[k].at === i) parts.push(inserts[k++].s);
      runStart = i;
    }
    if (raw.charCodeAt(i) === 60 /* < */) {
      const j = raw.indexOf('>', i);
      if (/^<\/?TIMEX3\b/.test(raw.slice(i, i + 8))) {
        flush(i);
        i = j + 1;
        runStart = i;
        continue;
      }
      // copy the whole tag; no insertion point lies inside a tag
      i = j + 1;
      continue;
    }
    i++;
  }
  flush(contentEnd);
  while (k < inserts.length) parts.push(inserts[k++].s);
  parts.push(raw.slice(contentEnd));
  return { text: parts.join(''), skipped };
}

export const timemlOutput: OutputFormat = {
  name: 'timeml',
  extension: '.tml',
  requiresInput: 'timeml',
  stages(): Stage[] {
    // Times need tokens and sentences (tense and anchoring read them), nothing else.
    return [tokenizeStage, sentenceStage, timeStage];
  },
  write(results) {
    return results.map((r) => {
      const carry = r.input.carry as TimemlCarry | undefined;
      if (!carry || carry.kind !== 'timeml') throw new InputError(r.input.document.id, '--to timeml needs TimeML input');
      const { text, skipped } = writeTimeml(carry, r.doc.times);
      for (const t of skipped) r.doc.messages.push({ stage: 'timeml', reason: 'not tagged: it would cross another tag', start: t.start, end: t.end });
      return text;
    }).join('');
  },
};
