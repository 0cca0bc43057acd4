/**
 * @module cli/queries
 * The store's read commands: `entities`, `quotes`, `events`, `timeline`. Tables for people
 * by default; `--json` prints the same rows as JSON for machines.
 */
import type { Store, EntitySummary, QuoteRow, TimelineItem } from '../store/store.js';
import { findEvents, type EventItem, type EventQuery } from '../store/queries.js';
import { renderTable } from './table.js';
import type { CliIO } from './extract.js';
import { UsageError } from './errors.js';
import { isIsoDate } from '../ingest/decode.js';

export interface ListOptions {
  json?: boolean;
  limit?: string;
  offset?: string;
}

function page(opts: ListOptions) {
  const limit = opts.limit != null ? Number(opts.limit) : 50;
  const offset = opts.offset != null ? Number(opts.offset) : 0;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit ${opts.limit}: not a positive whole number`);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`--offset ${opts.offset}: not a whole number ≥ 0`);
  return { limit, offset };
}

function footer(shown: number, total: number, offset: number): string {
  if (total === 0) return '';
  if (shown === total) return `${total} in all\n`;
  return `${offset + 1}–${offset + shown} of ${total} (use --limit and --offset for more)\n`;
}

/** "Putin ← Kremlin", or "(report)" for the publisher's own voice. */
export function claimChain(e: EventItem): string {
  return e.claimants.map((c) => c.name).join(' ← ') || '(report)';
}

export function actorLabel(a: { name: string | null; text: string; code: string | null; sector: string | null }): string {
  const code = a.code ? `${a.code}${a.sector ? '-' + a.sector : ''}` : a.sector ?? '';
  return `${a.name ?? a.text}${code ? ` [${code}]` : ''}`;
}

export async function entitiesCommand(store: Store, opts: ListOptions & { type?: string; country?: string; name?: string }, io: CliIO) {
  const result = await store.entities({ ...page(opts), type: opts.type, country: opts.country, q: opts.name });
  if (opts.json) return io.stdout(JSON.stringify(result, null, 2) + '\n');
  if (result.total === 0) return io.stdout('No entities in the store yet (run `dateline ingest PATH`).\n');
  io.stdout(
    renderTable<EntitySummary>(result.items, [
      { header: 'Id', value: (e) => e.id, right: true },
      { header: 'Name', value: (e) => e.name },
      { header: 'Type', value: (e) => e.type },
      { header: 'Actor', value: (e) => (e.country ? e.country + (e.sector ? '-' + e.sector : '') : e.sector) },
      { header: 'Docs', value: (e) => e.documents, right: true },
      { header: 'Also called', value: (e) => e.aliases.filter((a) => a !== e.name).join('; ') },
    ]) + footer(result.items.length, result.total, result.offset),
  );
}

export async function quotesCommand(store: Store, opts: ListOptions & { speaker?: string }, io: CliIO) {
  const result = await store.quotes({ ...page(opts), speaker: opts.speaker });
  if (opts.json) return io.stdout(JSON.stringify(result, null, 2) + '\n');
  if (result.total === 0) {
    return io.stdout(opts.speaker ? `No quotes by "${opts.speaker}" in the store.\n` : 'No quotes in the store yet.\n');
  }
  io.stdout(
    renderTable<QuoteRow>(result.items, [
      { header: 'Date', value: (q) => q.published?.slice(0, 10) },
      { header: 'Speaker', value: (q) => q.speaker ?? '(unnamed)' },
      { header: 'Via', value: (q) => q.chain.slice(1).join(' ← ') },
      { header: 'Kind', value: (q) => q.kind },
      { header: 'Said', value: (q) => q.text },
      { header: 'Document', value: (q) => q.document },
    ]) + footer(result.items.length, result.total, result.offset),
  );
}

export async function eventsCommand(store: Store, opts: ListOptions & { actor?: string; type?: string; since?: string; until?: string }, io: CliIO) {
  for (const [flag, v] of [['--since', opts.since], ['--until', opts.until]] as const) {
    if (v != null && !isIsoDate(v)) throw new UsageError(`${flag} ${v}: not a date (YYYY-MM-DD)`);
  }
  const filter: EventQuery = { ...page(opts), type: opts.type, since: opts.since, until: opts.until };
  if (opts.actor) {
    // an actor code (RUS, RUS-MIL) as it is; anything else names an entity
    if (/^[A-Z]{3}(?:-[A-Z]{3})?$/.test(opts.actor)) filter.actor = opts.actor;
    else {
      const entity = await store.findEntity(opts.actor);
      if (!entity) throw new UsageError(`--actor ${opts.actor}: no such actor code or entity in the store`);
      filter.actor = entity.id;
    }
  }
  const result = await findEvents(store, filter);
  if (opts.json) return io.stdout(JSON.stringify(result, null, 2) + '\n');
  if (result.total === 0) return io.stdout('No events match.\n');
  io.stdout(
    renderTable<EventItem>(result.items, [
      { header: 'Date', value: (e) => (e.date ?? '?') + (e.dateInferred ? '*' : '') },
      { header: 'Type', value: (e) => e.type + (e.polarity === 'negative' ? ' (not)' : '') + (e.modality !== 'asserted' ? ` (${e.modality})` : '') },
      { header: 'Source', value: (e) => e.source.map(actorLabel).join(', ') },
      { header: 'Target', value: (e) => e.target.map(actorLabel).join(', ') },
      { header: 'Trigger', value: (e) => e.trigger },
      { header: 'Where', value: (e) => e.place?.name },
      { header: 'Claimed by', value: (e) => claimChain(e) },
      { header: 'Document', value: (e) => e.document },
    ]) + footer(result.items.length, result.total, result.offset) + (result.items.some((e) => e.dateInferred) ? '* date of the report: the text gives none\n' : ''),
  );
}

export async function timelineCommand(store: Store, ref: string, opts: ListOptions, io: CliIO) {
  const entity = await store.findEntity(ref);
  if (!entity) throw new UsageError(`no entity called "${ref}" in the store (try \`dateline entities --name ${JSON.stringify(ref)}\`)`);
  const { limit, offset } = page(opts);
  const items = (await store.timeline(entity.id, { limit: offset + limit })).slice(offset);
  if (opts.json) return io.stdout(JSON.stringify({ entity, items }, null, 2) + '\n');
  io.stdout(`${entity.name} (${entity.type}${entity.country ? ', ' + entity.country : ''}${entity.sector ? '-' + entity.sector : ''}) — ${entity.documents} document(s)\n\n`);
  if (items.length === 0) return io.stdout('Nothing on its timeline yet.\n');
  io.stdout(
    renderTable<TimelineItem>(items, [
      { header: 'Date', value: (i) => i.date },
      { header: 'Role', value: (i) => i.role },
      { header: 'What', value: (i) => i.summary },
      { header: 'Document', value: (i) => i.document },
    ]),
  );
}
