import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import type { Store } from '../../src/store/store.js';
import { reportA, reportB } from '../store/fixtures.js';
import { reportX } from './helpers.js';

/** The PostgreSQL server the machine runs (CI too); override with DATELINE_TEST_PG. */
const url = process.env.DATELINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `dateline_serve_${process.pid}_${Date.now()}`;

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
const up = await reachable();
if (!up) console.warn(`serve/postgres: skipped, no PostgreSQL at ${url}`);

describe.skipIf(!up)('API over PostgreSQL (smoke)', () => {
  let store: Store;
  let server: RunningServer;
  beforeAll(async () => {
    store = await openStore(url, { schema });
    for (const a of [reportA, reportB, reportX]) await store.put(a);
    server = await startServer({ db: url, store, port: 0, webDir: null });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });
  const get = async (path: string) => (await fetch(server.url + path)).json() as Promise<any>;

  it('serves lists, an entity page, filtered events, the graph and full-text search', async () => {
    expect((await get('/documents')).total).toBe(3);
    const berg = (await get('/entities?q=berg')).items[0];
    const page = await get(`/entities/${berg.id}`);
    expect(page.quotes.total).toBe(2);
    expect(page.meets.items[0].entity.name).toBe('Finland');
    expect((await get('/events?country=FIN')).items.map((e: any) => e.type)).toEqual(['CONSULT']);
    expect((await get('/events/dates?by=month')).items).toHaveLength(2);
    expect((await get('/graph')).edges).toHaveLength(1);
    expect((await get('/places')).items).toHaveLength(2);
    const hits = await get('/search?q=intercepting%20smugglers');
    expect(hits.items.map((h: any) => h.kind).sort()).toEqual(['document', 'quote']);
    expect(hits.items[0].snippet).toContain('\u0002');
    expect((await get('/search?q=%22%29%28')).total).toBe(0);
  });
});
