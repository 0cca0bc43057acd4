/**
 * Shared by the API and browser tests: a real SQLite store in a temporary folder holding
 * the store suite's hand-written analyses, behind a real server on an ephemeral port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { startServer, type RunningServer, type ServeOptions } from '../../src/serve/server.js';
import type { Store } from '../../src/store/store.js';
import { analysisOf, reportA, reportB } from '../store/fixtures.js';

/** A report whose text looks like markup: it must come back, and show, as text. */
export const hostileText = 'Kyiv, May 5 : Officials said <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> appeared in a leaflet.';

export const reportX = analysisOf(hostileText, '2025-05-05', 'x.txt', (t) => ({
  sentences: [{ start: 0, end: t.length, text: t }],
  entities: [{ id: 'e1', name: 'Kyiv', type: 'GPE', country: 'UKR', sector: null, aliases: ['Kyiv'] }],
  mentions: [{ id: 'm1', start: 0, end: 4, text: 'Kyiv', type: 'GPE', entity: 'e1', kind: 'name' }],
  times: [],
  attributions: [],
  events: [],
}));

export interface Fixture {
  store: Store;
  server: RunningServer;
  url: string;
  close(): Promise<void>;
}

/** Starts a server over a fresh store holding reports A, B and X. */
export async function startFixture(opts: Partial<ServeOptions> = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-serve-'));
  const store = await openStore(join(dir, 'test.db'));
  for (const a of [reportA, reportB, reportX]) await store.put(a);
  const server = await startServer({ db: '', store, port: 0, host: '127.0.0.1', webDir: null, ...opts });
  return {
    store,
    server,
    url: server.url,
    close: async () => {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
