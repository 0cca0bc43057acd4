/**
 * `npm run bench:serve` — API latency over a store with thousands of reports. Fills a
 * temporary SQLite store with N copies of the store suite's two hand-written analyses (each
 * copy a distinct document: its text gets a number), starts the real server on an
 * ephemeral port, and times each list route (median and worst of 5 calls).
 *
 *   npm run bench:serve                  # 5,000 documents
 *   npm run bench:serve -- --docs 20000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open.js';
import { startServer } from '../src/serve/server.js';
import { hashText } from '../src/ingest/report.js';
import type { Analysis } from '../src/types.js';
import { reportA, reportB } from '../test/store/fixtures.js';

const args = process.argv.slice(2);
const i = args.indexOf('--docs');
const N = Number(i >= 0 ? args[i + 1] : 5000);

function copy(a: Analysis, n: number): Analysis {
  const text = `${a.document.text} [${n}]`;
  const day = String(1 + (n % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0');
  const events = a.events.map((v) => ({ ...v, date: `2024-${month}-${day}` }));
  return { ...a, events, document: { ...a.document, id: `${a.document.id}#${n}`, hash: hashText(text), text, published: `2024-${month}-${day}` } };
}

const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-serve-'));
try {
  const store = await openStore(join(dir, 'bench.db'));
  const t0 = performance.now();
  for (let n = 0; n < N; n++) await store.put(copy(n % 2 ? reportB : reportA, n));
  const fill = (performance.now() - t0) / 1000;
  console.log(`stored ${N} documents in ${fill.toFixed(1)} s (${(N / fill).toFixed(0)} docs/s)`);
  const server = await startServer({ db: '', store, port: 0, webDir: null });
  const berg = ((await (await fetch(server.url + '/entities?q=berg')).json()) as { items: { id: number }[] }).items[0].id;
  const routes = [
    '/documents?limit=50', '/documents?limit=50&offset=2400', '/documents?q=navy&limit=50', '/entities?limit=50',
    `/entities/${berg}`, '/attributions?source=Ola%20Berg&limit=50', '/attributions?text=smugglers&limit=50',
    '/events?limit=50', '/events?actor=NOR-MIL&type=COERCE&since=2024-03-01&until=2024-06-30', `/events?claimant=${berg}`,
    '/events/dates?by=month', '/graph', '/places', '/search?q=smugglers', '/search?q=talks%20follow&offset=100',
  ];
  console.log(`\n| route | median ms | worst ms | items/total |\n|---|---:|---:|---|`);
  for (const r of routes) {
    const times: number[] = [];
    let shape = '';
    for (let k = 0; k < 5; k++) {
      const s = performance.now();
      const res = await fetch(server.url + r);
      const body = (await res.json()) as { items?: unknown[]; total?: number; edges?: unknown[] };
      times.push(performance.now() - s);
      shape = body.items ? `${body.items.length}/${body.total ?? '-'}` : body.edges ? `${body.edges.length} edges` : String(res.status);
    }
    times.sort((a, b) => a - b);
    console.log(`| \`${r}\` | ${times[2].toFixed(1)} | ${times[4].toFixed(1)} | ${shape} |`);
  }
  await server.close();
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
