/**
 * @module cli/demo
 * `dateline demo` (what `npm start` runs): ingests the bundled `examples/` into the store
 * and prints what it found — documents, top actors, quotes by speaker, events by date.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { existsSync } from 'node:fs';
import type { Store } from '../store/store.js';
import type { CliIO } from './extract.js';
import { runIngest } from './ingest.js';
import { renderTable } from './table.js';
import { actorLabel, claimChain } from './queries.js';
import { findEvents } from '../store/queries.js';

/** The examples folder shipped with the package (src/cli → ../../examples; dist/cli likewise). */
export function examplesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', '..', 'examples');
}

export async function demoCommand(store: Store, dbName: string, io: CliIO): Promise<number> {
  const dir = examplesDir();
  if (!existsSync(dir)) {
    io.stderr(`dateline demo: ${dir}: the examples folder is missing\n`);
    return 1;
  }
  io.stdout(`Ingesting ${relative(process.cwd(), dir) || dir} into ${dbName} …\n`);
  const s = await runIngest([dir], {}, store, io);
  io.stdout(`${s.files} file(s): ${s.stored} new, ${s.held} already held, ${s.failed} bad — ${s.seconds.toFixed(2)} s\n\n`);

  const docs = await store.listDocuments({ limit: 20 });
  io.stdout(`DOCUMENTS (${docs.total})\n`);
  io.stdout(
    renderTable(docs.items, [
      { header: 'Published', value: (d) => d.published?.slice(0, 10) },
      { header: 'Document', value: (d) => d.id },
      { header: 'Dateline', value: (d) => d.dateline },
      { header: 'Entities', value: (d) => d.entities, right: true },
      { header: 'Quotes', value: (d) => d.attributions, right: true },
      { header: 'Events', value: (d) => d.events, right: true },
    ]) + '\n',
  );

  const actors = await store.entities({ limit: 12 });
  io.stdout(`TOP ACTORS (${actors.total} in all)\n`);
  io.stdout(
    renderTable(actors.items, [
      { header: 'Name', value: (e) => e.name },
      { header: 'Type', value: (e) => e.type },
      { header: 'Actor', value: (e) => (e.country ? e.country + (e.sector ? '-' + e.sector : '') : e.sector) },
      { header: 'Docs', value: (e) => e.documents, right: true },
    ]) + '\n',
  );

  const quotes = await store.quotes({ limit: 1000 });
  // Each speaker's example: a direct quote if there is one, else their longest reported words
  // (a stance like "condemned the strike" is an attribution too, but says little on its own).
  const bySpeaker = new Map<string, { n: number; first: string; direct: boolean }>();
  for (const q of quotes.items) {
    const who = q.speaker ?? '(unnamed)';
    const cur = bySpeaker.get(who) ?? { n: 0, first: q.text, direct: q.kind === 'direct' };
    cur.n++;
    const direct = q.kind === 'direct';
    if ((direct && !cur.direct) || (direct === cur.direct && q.text.length > cur.first.length)) {
      cur.first = q.text;
      cur.direct = direct;
    }
    bySpeaker.set(who, cur);
  }
  const speakers = [...bySpeaker.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, 12);
  io.stdout(`QUOTES BY SPEAKER (${quotes.total} attributions)\n`);
  io.stdout(
    renderTable(speakers, [
      { header: 'Speaker', value: ([w]) => w },
      { header: 'Quotes', value: ([, v]) => v.n, right: true },
      { header: 'For example', value: ([, v]) => v.first },
    ]) + '\n',
  );

  const events = await findEvents(store, { limit: 25 });
  io.stdout(`EVENTS BY DATE (${events.total})\n`);
  io.stdout(
    renderTable(events.items, [
      { header: 'Date', value: (e) => (e.date ?? '?') + (e.dateInferred ? '*' : '') },
      { header: 'Type', value: (e) => e.type + (e.polarity === 'negative' ? ' (not)' : '') },
      { header: 'Source', value: (e) => e.source.map(actorLabel).join(', ') },
      { header: 'Target', value: (e) => e.target.map(actorLabel).join(', ') },
      { header: 'Claimed by', value: (e) => claimChain(e) },
    ]),
  );
  io.stdout(`\nNext: dateline entities | dateline quotes --speaker NAME | dateline events --actor CODE | dateline timeline NAME  (all take --db ${dbName})\n`);
  return 0;
}
