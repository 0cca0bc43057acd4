import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, REPO } from '../helpers.js';
import type { Analysis } from '../../src/types.js';
import { expectValidAnalysis } from '../contract.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dateline-extract-'));

describe('dateline extract (Contract 2)', () => {
  it('reads a report with a seed-style header and dateline from a file', async () => {
    const dir = tmp();
    const file = join(dir, 'r.txt');
    writeFileSync(file, 'date 2025-04-28 Moscow [Russia], April 28 : The minister said talks would resume.\n');
    const r = await cli(['extract', file]);
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as Analysis;
    expectValidAnalysis(a);
    expect(a.document).toMatchObject({ id: 'r.txt', published: '2025-04-28', language: 'en' });
    expect(a.document.dateline).toMatchObject({ place: 'Moscow', country: 'RUS', text: 'Moscow [Russia], April 28 :' });
    expect(a.document.text).toBe(readFileSync(file, 'utf8'));
  });

  it('takes --date for a report without a header, from standard input', async () => {
    const r = await cli(['extract', '-', '--date', '2024-01-02'], 'The council met on Tuesday.');
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as Analysis;
    expect(a.document.published).toBe('2024-01-02');
    expect(a.document.dateline).toBeNull();
    expect(a.document.id).toBe(a.document.hash);
  });

  it('writes one analysis a line for JSONL input, in input order, with the input ids', async () => {
    const r = await cli(['extract', join(REPO, 'examples', '05_feed_items.jsonl'), '--to', 'jsonl']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Analysis);
    expect(lines.map((a) => a.document.id)).toEqual(['feed-0001', 'feed-0002']);
    expect(lines[0].document).toMatchObject({ published: '2025-05-12', title: 'Kenya and Ethiopia sign power deal' });
    lines.forEach(expectValidAnalysis);
  });

  it('gives valid Contract 1 for every example', async () => {
    const dir = join(REPO, 'examples');
    for (const f of readdirSync(dir)) {
      const r = await cli(['extract', join(dir, f), '--to', 'jsonl']);
      expect(r.status, f).toBe(0);
      for (const line of r.stdout.trim().split('\n')) expectValidAnalysis(JSON.parse(line));
    }
  });

  it('writes one file per input with --out, named after the input', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'a.txt'), 'Officials met in Paris on May 3, 2021.');
    writeFileSync(join(dir, 'b.txt'), 'Talks ended without a deal.');
    const r = await cli(['extract', join(dir, 'a.txt'), join(dir, 'b.txt'), '--out', out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['a.json', 'b.json']);
  });

  it('reports a bad file on one line, goes on with the rest, and exits 1', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3]));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
    writeFileSync(join(dir, 'cut.jsonl'), '{"id":"1","text":"Fine."}\n{"id":"2","text":"Cut of');
    writeFileSync(join(dir, 'good.txt'), 'The ministry said the border was calm.');
    const files = ['bin.txt', 'empty.txt', 'latin1.txt', 'cut.jsonl', 'good.txt', 'missing.txt'].map((f) => join(dir, f));
    const r = await cli(['extract', ...files, '--to', 'jsonl']);
    expect(r.status).toBe(1);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toEqual([
      `dateline extract: ${files[0]}: looks binary (it contains NUL bytes), not text`,
      `dateline extract: ${files[1]}: is empty`,
      `dateline extract: ${files[2]}: is not valid UTF-8 text`,
      `dateline extract: ${files[3]}:2: is truncated (the last JSON line does not close)`,
      `dateline extract: ${files[5]}: does not exist`,
    ]);
    // nothing half-written: only the good file's analysis, whole
    const out = r.stdout.trim().split('\n');
    expect(out).toHaveLength(1);
    expect((JSON.parse(out[0]) as Analysis).document.id).toBe('good.txt');
  });

  it('rejects bad usage with exit 2', async () => {
    expect((await cli(['extract', '--to', 'xml'], 'x')).status).toBe(2);
    expect((await cli(['extract', '--date', '2025-13-40'], 'x')).status).toBe(2);
    const r = await cli(['extract', '--from', 'yaml'], 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--from yaml: unknown format/);
  });

  it('names JSONL records whose fields are wrong', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'f.jsonl'), '{"id":"1","text":"ok"}\n{"id":"2","text":"x","date":"yesterday"}\n');
    const r = await cli(['extract', join(dir, 'f.jsonl'), '--to', 'jsonl']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`dateline extract: ${join(dir, 'f.jsonl')}:2: has a "date" that is not YYYY-MM-DD\n`);
    expect(r.stdout).toBe('');
  });
});
