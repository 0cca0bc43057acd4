/**
 * `extract --from conll --to conll` on odd input, and the tagger's fast paths (slot table,
 * per-word arena, feature cache cleared between documents) giving the same tags as a fresh
 * tagger. Sentences written for these tests.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExtract } from '../../src/cli/extract.js';
import { MODEL_DIR } from '../../src/nlp/ner/index.js';
import { FeatureExtractor, prepareDoc } from '../../src/nlp/ner/features.js';
import { Lexicon } from '../../src/nlp/ner/lexicon.js';
import { PerceptronModel } from '../../src/nlp/ner/model.js';
import { SlotTable, mix } from '../../src/nlp/ner/hash.js';

const hasModel = existsSync(join(MODEL_DIR, 'model.bin'));

const run = (content: string | Buffer, name = 'in.conll') => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-conll-'));
  const file = join(dir, name);
  writeFileSync(file, content);
  let out = '';
  let err = '';
  const rc = runExtract([file], { from: 'conll', to: 'conll' }, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, readStdin: () => Buffer.alloc(0) });
  return { rc, out, err, file };
};

const IOB2 = /^(O|[BI]-(PER|ORG|LOC|MISC))$/;

describe('extract --from conll --to conll on odd input', () => {
  it('an empty file: exit 1, one line naming the file, nothing on stdout', () => {
    const r = run('', 'empty.conll');
    expect(r.rc).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toContain(r.file);
  });

  it('-DOCSTART- lines and blank lines only: exit 1, one line naming the file', () => {
    const r = run('-DOCSTART- -X- -X- O\n\n-DOCSTART- -X- -X- O\n\n', 'docstart.conll');
    expect(r.rc).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toContain(r.file);
    expect(r.err).toMatch(/no CoNLL token lines/);
  });

  it('bytes that are not UTF-8: exit 1, one line naming the file', () => {
    const r = run(Buffer.from([0xff, 0xfe, 0x41, 0x0a]), 'latin.conll');
    expect(r.rc).toBe(1);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toContain(r.file);
  });

  it.skipIf(!hasModel)('non-ASCII tokens and CRLF line ends: every token line comes back once, as given, with one IOB2 tag', () => {
    const lines = ['Łukasz NNP', 'Fabiański NNP', 'flew VBD', 'to TO', 'Gdańsk NNP', 'on IN', 'Monday NNP', '. .', '', 'Zürich NNP', 'won VBD', '. .'];
    const r = run(lines.join('\r\n') + '\r\n');
    expect(r.rc).toBe(0);
    const out = r.out.split('\n').slice(0, -1);
    expect(out).toHaveLength(lines.length);
    out.forEach((line, i) => {
      if (lines[i] === '') { expect(line).toBe(''); return; }
      expect(line.startsWith(lines[i] + ' ')).toBe(true);
      expect(line.slice(lines[i].length + 1)).toMatch(IOB2);
    });
    const tag = (w: string) => out.find((l) => l.startsWith(w + ' '))!.split(' ').pop();
    expect(tag('Gdańsk')).toBe('B-LOC');
    expect(tag('Łukasz')).toBe('B-PER');
    expect(tag('flew')).toBe('O');
    expect(tag('on')).toBe('O');
  });
});

describe('slot table (the merged models\' feature rows)', () => {
  it('finds every key at a slot of its own and nothing for other keys', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => mix(7, i));
    const t = new SlotTable(keys);
    expect(t.size).toBe(5000);
    expect(t.capacity).toBeGreaterThanOrEqual(5000 / 0.8);
    const slots = new Set(keys.map((k) => t.get(k)));
    expect(slots.size).toBe(5000);
    for (const s of slots) { expect(s).toBeGreaterThanOrEqual(0); expect(s).toBeLessThan(t.capacity); expect(t.rows[s]).toBe(s); }
    expect(t.get(mix(8, 1))).toBe(-1);
    expect(t.get(mix(7, 5000))).toBe(-1);
  });

  it('keeps a key given twice once', () => {
    const t = new SlotTable([mix(1, 1), mix(1, 1), mix(1, 2)]);
    expect(t.size).toBe(2);
  });
});

describe.skipIf(!hasModel)('feature cache cleared between documents', () => {
  const words = ['Chancellor', 'Olaf', 'Scholz', 'flew', 'to', 'Warsaw', 'on', 'Monday', '.', 'Scholz', 'met', 'Donald', 'Tusk', '.'];
  const ranges: [number, number][] = [[0, 9], [9, 14]];

  it('tags the same after the cache is cleared, also a document prepared before the clear', () => {
    const fx = new FeatureExtractor(Lexicon.load(join(MODEL_DIR, 'lexicon.bin')));
    const { model } = PerceptronModel.load(join(MODEL_DIR, 'model.bin'), fx);
    const first = Array.from(model.tag(prepareDoc(fx, words, ranges)));
    expect(first.some((c) => c !== 0)).toBe(true);
    const stale = prepareDoc(fx, words, ranges);
    const gen = fx.generation;
    fx.clearCache();
    expect(fx.generation).toBe(gen + 1);
    expect(stale.gen).not.toBe(fx.generation); // its entry ids belong to the old cache
    expect(Array.from(model.tag(prepareDoc(fx, ['Tusk', 'said', '.'], [[0, 3]])))).toHaveLength(3);
    expect(Array.from(model.tag(stale))).toEqual(first);
    expect(Array.from(model.tag(prepareDoc(fx, words, ranges)))).toEqual(first);
  });

  it('gives two merged passes the same tags as a fresh tagger after a clear', () => {
    const fx = new FeatureExtractor(Lexicon.load(join(MODEL_DIR, 'lexicon.bin')));
    const a = PerceptronModel.load(join(MODEL_DIR, 'model.bin'), fx).model;
    const b = PerceptronModel.load(join(MODEL_DIR, 'model.bin'), fx).model; // a lone first pass, own rows
    b.slot = 1;
    const alone = Array.from(b.tag(prepareDoc(fx, words, ranges)));
    const c = PerceptronModel.load(join(MODEL_DIR, 'model2.bin'), fx).model;
    c.slot = 1;
    PerceptronModel.shareRows(a, c);
    fx.clearCache();
    expect(Array.from(a.tag(prepareDoc(fx, words, ranges)))).toEqual(alone);
  });
});
