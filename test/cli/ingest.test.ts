import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, REPO } from '../helpers.js';
import { openStore } from '../../src/store/open.js';

describe('dateline ingest and the store queries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-ingest-'));
  const db = join(dir, 'store.db');

  it('ingests a folder recursively and reports what it stored', async () => {
    const r = await cli(['ingest', '--db', db, '--no-progress', join(REPO, 'examples')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/5 file\(s\), 6 new document\(s\), 0 already held, 0 bad/);
  });

  it('treats reports it already holds as no-ops', async () => {
    const r = await cli(['ingest', '--db', db, '--no-progress', join(REPO, 'examples')]);
    expect(r.stdout).toMatch(/0 new document\(s\), 6 already held/);
  });

  it('skips a bad file with a one-line error and stores the rest of the batch', async () => {
    const batch = join(dir, 'batch');
    mkdirSync(join(batch, 'sub'), { recursive: true });
    writeFileSync(join(batch, 'a_bad.txt'), Buffer.from([0xc3, 0x28, 0x41]));
    writeFileSync(join(batch, 'sub', 'b_good.txt'), 'date 2023-09-01 The mayor of Lyon said the bridge would reopen in October.');
    writeFileSync(join(batch, 'c_cut.jsonl'), '{"id":"k1","text":"Fine text."}\n{"id":"k2","text":"cut');
    const r = await cli(['ingest', '--db', db, '--no-progress', batch]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `dateline ingest: ${join(batch, 'a_bad.txt')}: is not valid UTF-8 text`,
      `dateline ingest: ${join(batch, 'c_cut.jsonl')}:2: is truncated (the last JSON line does not close)`,
    ]);
    expect(r.stdout).toMatch(/3 file\(s\), 1 new document\(s\), 0 already held, 2 bad/);
    // the truncated file's good first line was not stored either: a file is taken whole or not at all
    const store = await openStore(db);
    expect(await store.countDocuments()).toBe(7);
    expect(await store.getAnalysis('k1')).toBeNull();
    await store.close();
  });

  it('prints tables by default and JSON with --json', async () => {
    const table = await cli(['quotes', '--db', db]);
    expect(table.status).toBe(0);
    const json = await cli(['events', '--db', db, '--json']);
    expect(JSON.parse(json.stdout)).toHaveProperty('items');
    const ents = await cli(['entities', '--db', db, '--json', '--limit', '3']);
    expect(JSON.parse(ents.stdout).limit).toBe(3);
  });

  it('refuses bad dates and limits, and unknown entities, with exit 2', async () => {
    expect((await cli(['events', '--db', db, '--since', 'last week'])).status).toBe(2);
    expect((await cli(['entities', '--db', db, '--limit', 'ten'])).status).toBe(2);
    const r = await cli(['timeline', '--db', db, 'Nobody Whatsoever']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no entity called "Nobody Whatsoever"/);
  });
});
