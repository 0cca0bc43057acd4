import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExtract } from '../../src/cli/extract.js';
import { conllInput, parseConll } from '../../src/formats/conll.js';

// Sentences written for this test, in CoNLL-2003 layout (token POS chunk NER).
const SAMPLE = [
  '-DOCSTART- -X- -X- O',
  '',
  'Angela NNP B-NP B-PER',
  'Merkel NNP I-NP I-PER',
  'visited VBD B-VP O',
  'Warsaw NNP B-NP B-LOC',
  '. . O O',
  '',
  'She PRP B-NP O',
  'left VBD B-VP O',
  '. . O O',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'Toyota NNP B-NP B-ORG',
  'rose VBD B-VP O',
  '',
].join('\n');

const run = (text: string, opts: { from?: string; to?: string } = { from: 'conll', to: 'conll' }) => {
  const dir = mkdtempSync(join(tmpdir(), 'conll-'));
  const file = join(dir, 'in.conll');
  writeFileSync(file, text);
  let out = '';
  let err = '';
  const rc = runExtract([file], opts, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, readStdin: () => Buffer.alloc(0) });
  return { rc, out, err };
};

describe('conll reader', () => {
  it('splits documents and sentences and takes tokens as given', () => {
    const docs = conllInput.read(SAMPLE, { inputName: 'in.conll' });
    expect(docs).toHaveLength(2);
    expect(docs[0].document.text).toBe('Angela Merkel visited Warsaw .\nShe left .');
    expect(docs[0].tokens!.map((t) => t.text)).toEqual(['Angela', 'Merkel', 'visited', 'Warsaw', '.', 'She', 'left', '.']);
    for (const t of docs[0].tokens!) expect(docs[0].document.text.slice(t.start, t.end)).toBe(t.text);
    expect(docs[0].sentences!.map((s) => [s.tokenStart, s.tokenEnd])).toEqual([[0, 5], [5, 8]]);
    expect(docs[1].document.id).toBe('in.conll#2');
  });

  it('keeps tokens that a tokenizer would split (no re-tokenising)', () => {
    const [doc] = conllInput.read("don't VB O\nU.S.-based JJ O\n", { inputName: 'x' });
    expect(doc.tokens!.map((t) => t.text)).toEqual(["don't", 'U.S.-based']);
  });

  it('reads a file without -DOCSTART- as one document', () => {
    expect(parseConll('a X O\n\nb X O\n')).toHaveLength(1);
  });

  it('gives each document its lines as split by line feeds, CR dropped, no trailing empty line', () => {
    const text = '-DOCSTART- -X- O\r\n\r\nOslo NNP B-LOC\r\n\r\n-DOCSTART- -X- O\n\nRain NN O\n\n';
    const docs = parseConll(text);
    expect(docs.map((d) => d.lines)).toEqual([
      ['-DOCSTART- -X- O', '', 'Oslo NNP B-LOC', ''],
      ['-DOCSTART- -X- O', '', 'Rain NN O', ''],
    ]);
    expect(docs.map((d) => d.source).join('')).toBe(text);
    // no final line feed: the last line is still a line; an empty file has no documents
    expect(parseConll('Rain NN O\n\nSnow NN O')[0].lines).toEqual(['Rain NN O', '', 'Snow NN O']);
    expect(parseConll('Rain NN O\n\nSnow NN O')[0].sentences).toEqual([['Rain'], ['Snow']]);
    expect(parseConll('')).toEqual([]);
  });

  it('rejects input with no token lines', () => {
    const r = run('-DOCSTART- -X- -X- O\n\n');
    expect(r.rc).toBe(1);
    expect(r.err).toMatch(/no CoNLL token lines/);
  });
});

describe('extract --from conll --to conll (Contract 2)', () => {
  it('prints every input line with one more column, an IOB2 tag', () => {
    const { rc, out } = run(SAMPLE);
    expect(rc).toBe(0);
    const inLines = SAMPLE.split('\n').slice(0, -1);
    const outLines = out.split('\n').slice(0, -1);
    expect(outLines).toHaveLength(inLines.length);
    let prev = 'O';
    outLines.forEach((line, i) => {
      if (inLines[i] === '') { expect(line).toBe(''); prev = 'O'; return; }
      expect(line.startsWith(inLines[i] + ' ')).toBe(true);
      const tag = line.slice(inLines[i].length + 1);
      expect(tag).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
      if (tag.startsWith('I-')) expect(prev.slice(2)).toBe(tag.slice(2));
      prev = tag;
    });
  });

  it('keeps tab-separated columns tab-separated', () => {
    const { out } = run('Paris\tNNP\nis\tVBZ\n');
    expect(out.split('\n')[0]).toMatch(/^Paris\tNNP\t\S+$/);
  });

  it('refuses --to conll from text input', () => {
    expect(() => run('Some text.', { from: 'text', to: 'conll' })).toThrow(/--from conll/);
  });
});
