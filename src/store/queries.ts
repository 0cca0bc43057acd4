/**
 * @module store/queries
 * Queries the HTTP API needs beyond `Store`'s own: events with every filter an analyst asks
 * for (actor and role, country, type, dates, claimant, place), counts by date, an entity's
 * counterparts, the actor-to-actor graph and the places of events. Each is a function over
 * `store.db` (Kysely), so it runs the same on SQLite and PostgreSQL, and each is paged or
 * capped: nothing here loads a whole table.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Selectable } from 'kysely';
import type { Database, EventActorsTable } from './schema.js';
import { clampPage, jsonArrayHas, type Page, type PageOptions, type Store } from './store.js';

export interface EntityRef {
  id: number;
  name: string;
}

export interface EventActorItem {
  text: string;
  entityId: number | null;
  name: string | null;
  code: string | null;
  sector: string | null;
}

export interface EventItem {
  document: string;
  documentHash: string;
  id: string;
  type: string;
  mode: string | null;
  trigger: string;
  triggerStart: number;
  date: string | null;
  dateInferred: boolean;
  place: EntityRef | null;
  polarity: string;
  modality: string;
  claimedIn: string | null;
  source: EventActorItem[];
  target: EventActorItem[];
  claimants: EntityRef[];
}

export interface EventQuery extends PageOptions {
  /** Entity id, or an actor code `RUS` / `RUS-MIL`. */
  actor?: number | string;
  /** Which side the actor stands on. Default: either. */
  role?: 'source' | 'target';
  /** ISO alpha-3: an actor of that country, or an event placed in it. */
  country?: string;
  type?: string;
  since?: string;
  until?: string;
  claimant?: number;
  place?: number;
  /** Only events of one document (its hash). */
  document?: string;
}

const ACTOR_CODE = /^[A-Z]{3}(?:-[A-Z]{3})?$/;

type EventsQB = SelectQueryBuilder<Database, 'events' | 'documents', object>;

function filtered(store: Store, f: EventQuery): EventsQB {
  let q: EventsQB = store.db.selectFrom('events').innerJoin('documents', 'documents.hash', 'events.document_hash');
  if (f.type) q = q.where('events.type', '=', f.type.toUpperCase());
  if (f.since) q = q.where('events.date', '>=', f.since);
  // "until 2025-04-30" includes date-times on that day
  if (f.until) q = q.where('events.date', '<=', f.until.length === 10 ? f.until + 'T99' : f.until);
  if (f.place != null) q = q.where('events.location_entity_id', '=', f.place);
  if (f.document) q = q.where('events.document_hash', '=', f.document);
  if (f.claimant != null) q = q.where((eb) => jsonArrayHas(eb, 'events.claimants', f.claimant!));
  // Actor and country filters are semi-joins, `(hash, id) IN (SELECT …)`, evaluated once:
  // as correlated EXISTS, SQLite probes event_actors by the (unselective) code or entity
  // index for every event, which took seconds at a few thousand reports.
  const pair = (eb: ExpressionBuilder<Database, 'events' | 'documents'>) => eb.refTuple('events.document_hash', 'events.local_id');
  if (f.actor != null && f.actor !== '') {
    const code = typeof f.actor === 'string' && ACTOR_CODE.test(f.actor) ? f.actor.split('-') : null;
    const id = code ? null : Number(f.actor);
    let actors = store.db.selectFrom('event_actors').select(['event_actors.document_hash', 'event_actors.event_local_id']);
    if (f.role) actors = actors.where('event_actors.role', '=', f.role);
    if (code) {
      actors = actors.where('event_actors.code', '=', code[0]);
      if (code[1]) actors = actors.where('event_actors.sector', '=', code[1]);
    } else {
      actors = actors.where('event_actors.entity_id', '=', id!);
    }
    q = q.where((eb) => eb(pair(eb), 'in', actors.$asTuple('document_hash', 'event_local_id')));
  }
  if (f.country) {
    const country = f.country.toUpperCase();
    const actors = store.db.selectFrom('event_actors').select(['event_actors.document_hash', 'event_actors.event_local_id']).where('event_actors.code', '=', country);
    q = q.where((eb) =>
      eb.or([
        eb(pair(eb), 'in', actors.$asTuple('document_hash', 'event_local_id')),
        eb('events.location_entity_id', 'in', eb.selectFrom('entities').select('entities.id').where('entities.country', '=', country)),
      ]),
    );
  }
  return q;
}

async function namesOf(store: Store, ids: Iterable<number>): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  const out = new Map<number, string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await store.db.selectFrom('entities').select(['id', 'name']).where('id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

/**
 * Events matching every filter given, newest first, with their actors, place and claimants
 * resolved to canonical entities.
 *
 * @example
 * await findEvents(store, { actor: 'NOR-MIL', type: 'COERCE', since: '2025-01-01', limit: 20 });
 * await findEvents(store, { actor: 17, role: 'target' });
 */
export async function findEvents(store: Store, f: EventQuery = {}): Promise<Page<EventItem>> {
  const { limit, offset } = clampPage(f);
  const q = filtered(store, f);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .select([
      'documents.doc_id', 'documents.hash', 'events.local_id', 'events.type', 'events.mode', 'events.trigger_text', 'events.trigger_start',
      'events.date', 'events.date_inferred', 'events.location_entity_id', 'events.polarity', 'events.modality', 'events.claimed_in', 'events.claimants',
    ])
    .orderBy('events.date', 'desc')
    .orderBy('documents.doc_id')
    .orderBy('events.trigger_start')
    .limit(limit)
    .offset(offset)
    .execute();
  const actors: Selectable<EventActorsTable>[] = [];
  const hashes = [...new Set(rows.map((r) => r.hash))];
  for (let i = 0; i < hashes.length; i += 200) {
    actors.push(
      ...(await store.db
        .selectFrom('event_actors')
        .selectAll()
        .where('document_hash', 'in', hashes.slice(i, i + 200))
        .where('event_local_id', 'in', [...new Set(rows.map((r) => r.local_id))])
        .execute()),
    );
  }
  const claimants = new Map(rows.map((r) => [`${r.hash}/${r.local_id}`, JSON.parse(r.claimants) as number[]]));
  const names = await namesOf(store, [
    ...actors.flatMap((a) => (a.entity_id != null ? [a.entity_id] : [])),
    ...[...claimants.values()].flat(),
    ...rows.flatMap((r) => (r.location_entity_id != null ? [r.location_entity_id] : [])),
  ]);
  const ref = (id: number | null): EntityRef | null => (id == null ? null : { id, name: names.get(id) ?? String(id) });
  const actor = (a: (typeof actors)[number]): EventActorItem => ({
    text: a.text, entityId: a.entity_id, name: a.entity_id != null ? names.get(a.entity_id) ?? null : null, code: a.code, sector: a.sector,
  });
  return {
    items: rows.map((r) => {
      const mine = actors.filter((a) => a.document_hash === r.hash && a.event_local_id === r.local_id);
      return {
        document: r.doc_id, documentHash: r.hash, id: r.local_id, type: r.type, mode: r.mode, trigger: r.trigger_text,
        triggerStart: r.trigger_start, date: r.date, dateInferred: !!r.date_inferred, place: ref(r.location_entity_id),
        polarity: r.polarity, modality: r.modality, claimedIn: r.claimed_in,
        source: mine.filter((a) => a.role === 'source').map(actor),
        target: mine.filter((a) => a.role === 'target').map(actor),
        claimants: (claimants.get(`${r.hash}/${r.local_id}`) ?? []).map((id) => ref(id)!),
      };
    }),
    total, limit, offset,
  };
}

export interface DateCount {
  /** YYYY-MM-DD, or YYYY-MM when grouped by month. */
  date: string;
  count: number;
}

/**
 * How many events match the filter on each day (or month), for a timeline histogram.
 * Capped at `max` buckets, latest kept.
 *
 * @example
 * await eventDates(store, { actor: 'RUS' }, 'month'); // [{ date: '2025-04', count: 12 }, …]
 */
export async function eventDates(store: Store, f: EventQuery = {}, by: 'day' | 'month' = 'day', max = 2000): Promise<DateCount[]> {
  const width = by === 'month' ? 7 : 10;
  const bucket = sql<string>`substr(events.date, 1, ${sql.lit(width)})`;
  const rows = await filtered(store, f)
    .where('events.date', 'is not', null)
    .select([bucket.as('bucket'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(bucket)
    .orderBy(bucket, 'desc')
    .limit(max)
    .execute();
  return rows.map((r) => ({ date: r.bucket, count: Number(r.n) })).reverse();
}

export interface Counterpart {
  entity: EntityRef;
  /** Events where our entity is the source and this one the target. */
  as: { source: number; target: number };
  types: Record<string, number>;
  total: number;
}

/**
 * The actors an entity meets in events (either side), most frequent first.
 *
 * @example
 * const { items } = await counterparts(store, 17, { limit: 10 });
 */
export async function counterparts(store: Store, entityId: number, opts: PageOptions = {}): Promise<Page<Counterpart>> {
  const { limit, offset } = clampPage(opts);
  const pairs = store.db
    .selectFrom('event_actors as me')
    .innerJoin('event_actors as other', (j) =>
      j.onRef('other.document_hash', '=', 'me.document_hash').onRef('other.event_local_id', '=', 'me.event_local_id').onRef('other.role', '<>', 'me.role'),
    )
    .innerJoin('events', (j) => j.onRef('events.document_hash', '=', 'me.document_hash').onRef('events.local_id', '=', 'me.event_local_id'))
    .where('me.entity_id', '=', entityId)
    .where('other.entity_id', 'is not', null)
    .where('other.entity_id', '<>', entityId);
  const total = Number(
    (await store.db.selectFrom(pairs.select('other.entity_id').distinct().as('p')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const top = await pairs
    .select(['other.entity_id as id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('other.entity_id')
    .orderBy('n', 'desc')
    .orderBy('other.entity_id')
    .limit(limit)
    .offset(offset)
    .execute();
  const ids = top.map((r) => r.id!).filter((x) => x != null);
  const detail = ids.length
    ? await pairs.where('other.entity_id', 'in', ids).select(['other.entity_id as id', 'me.role', 'events.type', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['other.entity_id', 'me.role', 'events.type']).execute()
    : [];
  const names = await namesOf(store, ids);
  return {
    items: top.map((r) => {
      const mine = detail.filter((d) => d.id === r.id);
      const types: Record<string, number> = {};
      const as = { source: 0, target: 0 };
      for (const d of mine) {
        types[d.type] = (types[d.type] ?? 0) + Number(d.n);
        as[d.role === 'source' ? 'source' : 'target'] += Number(d.n);
      }
      return { entity: { id: r.id!, name: names.get(r.id!) ?? String(r.id) }, as, types, total: Number(r.n) };
    }),
    total, limit, offset,
  };
}

export interface GraphNode {
  /** `e17` for a canonical entity, `c:RUS-MIL` for an actor known only by its code. */
  key: string;
  entityId: number | null;
  label: string;
  code: string | null;
  sector: string | null;
  weight: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  total: number;
  types: Record<string, number>;
}

export interface GraphQuery {
  since?: string;
  until?: string;
  type?: string;
  country?: string;
  /** Most edges to return (heaviest first). */
  limit?: number;
}

/**
 * Actor-to-actor edges (source → target) with counts by event type over a date range; the
 * heaviest `limit` edges and the nodes they touch.
 *
 * @example
 * const { nodes, edges } = await actorGraph(store, { since: '2025-01-01', limit: 100 });
 */
export async function actorGraph(store: Store, g: GraphQuery = {}): Promise<{ nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }> {
  const limit = Math.min(Math.max(1, Math.floor(g.limit ?? 150)), 1000);
  let q = store.db
    .selectFrom('event_actors as s')
    .innerJoin('event_actors as t', (j) =>
      j.onRef('t.document_hash', '=', 's.document_hash').onRef('t.event_local_id', '=', 's.event_local_id'),
    )
    .innerJoin('events', (j) => j.onRef('events.document_hash', '=', 's.document_hash').onRef('events.local_id', '=', 's.event_local_id'))
    .where('s.role', '=', 'source')
    .where('t.role', '=', 'target')
    .where((eb) => eb.or([eb('s.entity_id', 'is not', null), eb('s.code', 'is not', null)]))
    .where((eb) => eb.or([eb('t.entity_id', 'is not', null), eb('t.code', 'is not', null)]));
  if (g.type) q = q.where('events.type', '=', g.type.toUpperCase());
  if (g.since) q = q.where('events.date', '>=', g.since);
  if (g.until) q = q.where('events.date', '<=', g.until.length === 10 ? g.until + 'T99' : g.until);
  if (g.country) {
    const c = g.country.toUpperCase();
    q = q.where((eb) => eb.or([eb('s.code', '=', c), eb('t.code', '=', c)]));
  }
  // An actor with an entity is keyed by it; one with only a code by code and sector.
  const sKey = sql<string>`CASE WHEN s.entity_id IS NOT NULL THEN 'e' || CAST(s.entity_id AS TEXT) ELSE 'c:' || s.code || coalesce('-' || s.sector, '') END`;
  const tKey = sql<string>`CASE WHEN t.entity_id IS NOT NULL THEN 'e' || CAST(t.entity_id AS TEXT) ELSE 'c:' || t.code || coalesce('-' || t.sector, '') END`;
  const rows = await q
    .select([sKey.as('sk'), tKey.as('tk'), 'events.type', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([sKey, tKey, 'events.type'])
    .execute();
  const edges = new Map<string, GraphEdge>();
  for (const r of rows) {
    if (r.sk === r.tk) continue;
    const k = `${r.sk}>${r.tk}`;
    const e = edges.get(k) ?? { source: r.sk, target: r.tk, total: 0, types: {} };
    e.total += Number(r.n);
    e.types[r.type] = (e.types[r.type] ?? 0) + Number(r.n);
    edges.set(k, e);
  }
  const sorted = [...edges.values()].sort((a, b) => b.total - a.total || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  const kept = sorted.slice(0, limit);
  const weight = new Map<string, number>();
  for (const e of kept) {
    weight.set(e.source, (weight.get(e.source) ?? 0) + e.total);
    weight.set(e.target, (weight.get(e.target) ?? 0) + e.total);
  }
  const entityIds = [...weight.keys()].filter((k) => k.startsWith('e')).map((k) => Number(k.slice(1)));
  const info = new Map<number, { name: string; country: string | null; sector: string | null }>();
  for (let i = 0; i < entityIds.length; i += 500) {
    for (const r of await store.db.selectFrom('entities').select(['id', 'name', 'country', 'sector']).where('id', 'in', entityIds.slice(i, i + 500)).execute()) {
      info.set(r.id, r);
    }
  }
  const nodes: GraphNode[] = [...weight.entries()].map(([key, w]) => {
    if (key.startsWith('e')) {
      const id = Number(key.slice(1));
      const e = info.get(id);
      return { key, entityId: id, label: e?.name ?? key, code: e?.country ?? null, sector: e?.sector ?? null, weight: w };
    }
    const [code, sector] = key.slice(2).split('-');
    return { key, entityId: null, label: key.slice(2), code: code || null, sector: sector ?? null, weight: w };
  });
  nodes.sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key));
  return { nodes, edges: kept, truncated: sorted.length > kept.length };
}

export interface PlaceCount {
  entityId: number;
  name: string;
  type: string;
  country: string | null;
  /** Where the analysis gave the place a point; null otherwise (draw it by country). */
  lat: number | null;
  lon: number | null;
  count: number;
  types: Record<string, number>;
}

/**
 * The places events happen in, with counts (the heaviest `limit`), for the map. Points come
 * from the `geo` the resolve layer puts on an entity, read from one stored analysis naming
 * the place.
 *
 * @example
 * const places = await eventPlaces(store, { type: 'ASSAULT' });
 */
export async function eventPlaces(store: Store, f: EventQuery = {}, limit = 300): Promise<PlaceCount[]> {
  const rows = await filtered(store, f)
    .where('events.location_entity_id', 'is not', null)
    .select(['events.location_entity_id as id', 'events.type', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['events.location_entity_id', 'events.type'])
    .execute();
  const by = new Map<number, { count: number; types: Record<string, number> }>();
  for (const r of rows) {
    const p = by.get(r.id!) ?? { count: 0, types: {} };
    p.count += Number(r.n);
    p.types[r.type] = (p.types[r.type] ?? 0) + Number(r.n);
    by.set(r.id!, p);
  }
  const top = [...by.entries()].sort((a, b) => b[1].count - a[1].count || a[0] - b[0]).slice(0, Math.min(limit, 1000));
  const ids = top.map(([id]) => id);
  const ents = new Map<number, { name: string; type: string; country: string | null }>();
  const where = new Map<number, { hash: string; local: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    for (const r of await store.db.selectFrom('entities').select(['id', 'name', 'type', 'country']).where('id', 'in', part).execute()) ents.set(r.id, r);
    const seen = await store.db
      .selectFrom('doc_entities')
      .select(['entity_id', (eb) => eb.fn.min('document_hash').as('hash')])
      .where('entity_id', 'in', part)
      .groupBy('entity_id')
      .execute();
    for (const r of seen) {
      const local = await store.db.selectFrom('doc_entities').select('local_id')
        .where('entity_id', '=', r.entity_id).where('document_hash', '=', String(r.hash)).executeTakeFirst();
      if (local) where.set(r.entity_id, { hash: String(r.hash), local: local.local_id });
    }
  }
  const geo = new Map<number, { lat: number; lon: number }>();
  for (const [id, w] of where) {
    const doc = await store.db.selectFrom('documents').select('analysis').where('hash', '=', w.hash).executeTakeFirst();
    if (!doc) continue;
    const analysis = JSON.parse(doc.analysis) as { entities: { id: string; geo?: { lat: number; lon: number } | null }[] };
    const g = analysis.entities.find((e) => e.id === w.local)?.geo;
    if (g && Number.isFinite(g.lat) && Number.isFinite(g.lon)) geo.set(id, { lat: g.lat, lon: g.lon });
  }
  return top.map(([id, p]) => {
    const e = ents.get(id);
    const g = geo.get(id);
    return { entityId: id, name: e?.name ?? String(id), type: e?.type ?? 'LOC', country: e?.country ?? null, lat: g?.lat ?? null, lon: g?.lon ?? null, ...p };
  });
}

/**
 * The canonical entity id each local entity of a stored document was merged into
 * (`{ e1: 17, e2: 4 }`), so a reader can link a mention to its entity page.
 */
export async function documentEntityIds(store: Store, hash: string): Promise<Record<string, number>> {
  const rows = await store.db.selectFrom('doc_entities').select(['local_id', 'entity_id']).where('document_hash', '=', hash).execute();
  return Object.fromEntries(rows.map((r) => [r.local_id, r.entity_id]));
}
