/**
 * @module store/store
 * The analysis store: one class over Kysely, so SQLite (embedded default) and PostgreSQL
 * run the same queries. Every write of a document is one transaction: the store never
 * holds half a document. Entities are merged across documents under a canonical key.
 */
import { Kysely, Migrator, sql, type ExpressionBuilder, type Insertable, type Transaction } from 'kysely';
import type { Analysis, AnalysisEntity } from '../types.js';
import type { Database } from './schema.js';
import { migrationProvider, type Dialect } from './migrations.js';
import { entityKey } from './keys.js';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface PageOptions {
  limit?: number;
  offset?: number;
}

export interface PutResult {
  status: 'stored' | 'held';
  hash: string;
  id: string;
}

export interface DocumentSummary {
  hash: string;
  id: string;
  title: string | null;
  published: string | null;
  dateline: string | null;
  snippet: string;
  entities: number;
  attributions: number;
  events: number;
}

export interface EntitySummary {
  id: number;
  name: string;
  type: string;
  country: string | null;
  sector: string | null;
  documents: number;
  aliases: string[];
}

export interface QuoteRow {
  document: string;
  documentHash: string;
  published: string | null;
  id: string;
  kind: string;
  speaker: string | null;
  speakerId: number | null;
  /** Canonical names from the speaker outward through each relay. */
  chain: string[];
  cue: string | null;
  text: string;
  parent: string | null;
}

export interface TimelineItem {
  date: string | null;
  kind: 'event' | 'quote';
  document: string;
  documentHash: string;
  summary: string;
  role: string;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

export function clampPage(p: PageOptions): { limit: number; offset: number } {
  const limit = Math.min(Math.max(1, Math.floor(p.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const offset = Math.max(0, Math.floor(p.offset ?? 0));
  return { limit, offset };
}

/**
 * @example
 * const store = await openStore('dateline.db');
 * await store.put(engine.analyseText(text));
 * const { items } = await store.entities({ limit: 10 });
 */
export class Store {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>, dialect: Dialect) {
    this.db = db;
    this.dialect = dialect;
  }

  /** Brings the schema up to date. Safe to call on every open. */
  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.dialect) });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async has(hash: string): Promise<boolean> {
    const row = await this.db.selectFrom('documents').select('hash').where('hash', '=', hash).executeTakeFirst();
    return !!row;
  }

  /**
   * Stores one analysis in one transaction. A document already held (same text hash) is a
   * no-op that reports `held`.
   */
  async put(analysis: Analysis): Promise<PutResult> {
    const d = analysis.document;
    if (await this.has(d.hash)) return { status: 'held', hash: d.hash, id: d.id };
    try {
      await this.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('documents')
          .values({
            hash: d.hash,
            doc_id: d.id,
            title: d.title,
            url: d.url,
            source: d.source,
            published: d.published,
            dateline_place: d.dateline?.place ?? null,
            dateline_country: d.dateline?.country ?? null,
            language: d.language,
            text: d.text,
            analysis: JSON.stringify(analysis),
            ingested_at: new Date().toISOString(),
          })
          .execute();
        const canonical = await this.mergeEntities(tx, analysis);
        const canon = (local: string | null | undefined) => (local ? canonical.get(local) ?? null : null);
        const chunks = <T>(rows: T[], f: (part: T[]) => Promise<unknown>) => insertInChunks(rows, f);

        await chunks(
          analysis.mentions.map((m) => ({
            document_hash: d.hash, local_id: m.id, start: m.start, end: m.end, text: m.text, type: m.type, kind: m.kind,
            entity_id: canon(m.entity),
          })),
          (part) => tx.insertInto('mentions').values(part).execute(),
        );
        const mentionCounts = new Map<number, number>();
        for (const m of analysis.mentions) {
          const id = canon(m.entity);
          if (id != null) mentionCounts.set(id, (mentionCounts.get(id) ?? 0) + 1);
        }
        // One statement for all of the report's entities; ids and counts are integers this
        // method computed, so they are inlined as literals (typed, unlike bare parameters).
        await insertInChunks([...mentionCounts], (part) =>
          tx
            .updateTable('entities')
            .set({ mention_count: sql<number>`mention_count + CASE id ${sql.join(part.map(([id, n]) => sql`WHEN ${sql.lit(id)} THEN ${sql.lit(n)}`), sql` `)} END` })
            .where('id', 'in', part.map(([id]) => id))
            .execute(),
        );
        await chunks(
          analysis.times.map((t) => ({
            document_hash: d.hash, local_id: t.id, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value,
          })),
          (part) => tx.insertInto('times').values(part).execute(),
        );
        const byId = new Map(analysis.attributions.map((a) => [a.id, a]));
        await chunks(
          analysis.attributions.map((a) => ({
            document_hash: d.hash, local_id: a.id, kind: a.kind,
            source_text: a.source?.text ?? null, source_entity_id: canon(a.source?.entity),
            cue_text: a.cue?.text ?? null, content_start: a.content.start, content_end: a.content.end,
            content_text: a.content.text, parent: a.parent,
            chain: JSON.stringify(relayChain(a.id, byId).map((id) => canon(id)).filter((x) => x != null)),
          })),
          (part) => tx.insertInto('attributions').values(part).execute(),
        );
        await chunks(
          analysis.events.map((v) => ({
            document_hash: d.hash, local_id: v.id, type: v.type, mode: v.mode, trigger_text: v.trigger.text,
            trigger_start: v.trigger.start, date: v.date, date_inferred: v.dateInferred ? 1 : 0,
            location_entity_id: canon(v.location), polarity: v.polarity, modality: v.modality,
            claimed_in: v.claimedIn, claimants: JSON.stringify(v.claimants.map((c) => canon(c)).filter((x) => x != null)),
          })),
          (part) => tx.insertInto('events').values(part).execute(),
        );
        await chunks(
          analysis.events.flatMap((v) =>
            (['source', 'target'] as const).flatMap((role) =>
              v[role].map((a) => ({
                document_hash: d.hash, event_local_id: v.id, role, entity_id: canon(a.entity), code: a.code, sector: a.sector, text: a.text,
              })),
            ),
          ),
          (part) => tx.insertInto('event_actors').values(part).execute(),
        );
      });
    } catch (e) {
      // Another writer stored the same document between our check and our insert.
      if (isUniqueViolation(e) && (await this.has(d.hash))) return { status: 'held', hash: d.hash, id: d.id };
      throw e;
    }
    return { status: 'stored', hash: d.hash, id: d.id };
  }

  /**
   * Upserts the analysis's entities under their canonical keys; returns local id → canonical id.
   * A few statements per document whatever its size (one upsert, one doc_entities insert, one
   * aliases insert, in chunks), not one round trip per entity: over PostgreSQL each statement
   * is a network round trip.
   */
  private async mergeEntities(tx: Transaction<Database>, analysis: Analysis): Promise<Map<string, number>> {
    // Only an entity the text names ("Putin", "the Kremlin") can be the same actor as one in
    // another report. One known only by a role or a count ("the government", "two people")
    // stays this document's own: its key carries the document hash.
    const named = new Set(analysis.mentions.filter((m) => m.entity && (m.kind === 'name' || m.kind === 'metonym')).map((m) => m.entity));
    // Two local entities of one report may share a key. They are folded here, before the
    // upsert, because one statement may not update a row twice (PostgreSQL refuses), and so
    // the report counts once in doc_count. The fold keeps what the upsert keeps across
    // reports: the first type, the better name (see betterName), the first known codes.
    const byKey = new Map<string, { key: string; name: string; type: string; country: string | null; sector: string | null; locals: AnalysisEntity[] }>();
    for (const e of analysis.entities) {
      const key = named.has(e.id) ? entityKey(e) : `${entityKey(e)}|${analysis.document.hash}`;
      const group = byKey.get(key);
      if (!group) {
        byKey.set(key, { key, name: e.name, type: e.type, country: e.country, sector: e.sector, locals: [e] });
        continue;
      }
      if (betterName(e.name, group.name)) group.name = e.name;
      group.country ??= e.country;
      group.sector ??= e.sector;
      group.locals.push(e);
    }
    const idByKey = new Map<string, number>();
    await insertInChunks([...byKey.values()], async (part) => {
      const rows = await tx
        .insertInto('entities')
        .values(part.map((g) => ({ key: g.key, name: g.name, type: g.type, country: g.country, sector: g.sector, doc_count: 1 })))
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            doc_count: eb('entities.doc_count', '+', 1),
            // keep the fullest name seen, but a name in capitals (a dateline's "GENEVA", a
            // headline's) gives way to any written in mixed case; fill codes a later report knows
            name: sql<string>`CASE
              WHEN entities.name = upper(entities.name) AND excluded.name <> upper(excluded.name) THEN excluded.name
              WHEN excluded.name = upper(excluded.name) AND entities.name <> upper(entities.name) THEN entities.name
              WHEN length(excluded.name) > length(entities.name) THEN excluded.name
              ELSE entities.name END`,
            country: sql<string | null>`COALESCE(entities.country, excluded.country)`,
            sector: sql<string | null>`COALESCE(entities.sector, excluded.sector)`,
          })),
        )
        .returning(['id', 'key'])
        .execute();
      for (const r of rows) idByKey.set(r.key, r.id);
    });

    const map = new Map<string, number>();
    const docEntities: Insertable<Database['doc_entities']>[] = [];
    const aliases = new Map<string, { entity_id: number; alias: string }>();
    for (const group of byKey.values()) {
      const id = idByKey.get(group.key);
      if (id == null) throw new Error(`store: the upsert returned no id for entity key ${group.key}`);
      for (const e of group.locals) {
        map.set(e.id, id);
        docEntities.push({ document_hash: analysis.document.hash, local_id: e.id, entity_id: id, name: e.name, type: e.type, country: e.country, sector: e.sector });
        for (const alias of [e.name, ...e.aliases]) aliases.set(`${id}\u0000${alias}`, { entity_id: id, alias });
      }
    }
    await insertInChunks(docEntities, (part) => tx.insertInto('doc_entities').values(part).execute());
    await insertInChunks([...aliases.values()], (part) =>
      tx.insertInto('entity_aliases').values(part).onConflict((oc) => oc.columns(['entity_id', 'alias']).doNothing()).execute(),
    );
    return map;
  }

  // -------------------------------------------------------------------------- queries

  async countDocuments(): Promise<number> {
    const r = await this.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async listDocuments(opts: PageOptions & { q?: string } = {}): Promise<Page<DocumentSummary>> {
    const { limit, offset } = clampPage(opts);
    let q = this.db.selectFrom('documents');
    if (opts.q) q = q.where((eb) => eb.or([eb('text', 'like', `%${opts.q}%`), eb('title', 'like', `%${opts.q}%`)]));
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .select([
        'hash', 'doc_id', 'title', 'published', 'dateline_place',
        sql<string>`substr(text, 1, 240)`.as('head'),
        (eb) => eb.selectFrom('doc_entities').whereRef('doc_entities.document_hash', '=', 'documents.hash').select((e2) => e2.fn.countAll<number>().as('n')).as('n_entities'),
        (eb) => eb.selectFrom('attributions').whereRef('attributions.document_hash', '=', 'documents.hash').select((e2) => e2.fn.countAll<number>().as('n')).as('n_attributions'),
        (eb) => eb.selectFrom('events').whereRef('events.document_hash', '=', 'documents.hash').select((e2) => e2.fn.countAll<number>().as('n')).as('n_events'),
      ])
      .orderBy('published', 'desc')
      .orderBy('doc_id')
      .limit(limit)
      .offset(offset)
      .execute();
    return {
      items: rows.map((r) => ({
        hash: r.hash, id: r.doc_id, title: r.title, published: r.published, dateline: r.dateline_place,
        snippet: r.head.replace(/\s+/g, ' ').trim(),
        entities: Number(r.n_entities ?? 0), attributions: Number(r.n_attributions ?? 0), events: Number(r.n_events ?? 0),
      })),
      total, limit, offset,
    };
  }

  /** A stored analysis by its document id or hash. */
  async getAnalysis(idOrHash: string): Promise<Analysis | null> {
    const row = await this.db
      .selectFrom('documents')
      .select('analysis')
      .where((eb) => eb.or([eb('hash', '=', idOrHash), eb('doc_id', '=', idOrHash)]))
      .executeTakeFirst();
    return row ? (JSON.parse(row.analysis) as Analysis) : null;
  }

  async entities(opts: PageOptions & { q?: string; type?: string; country?: string } = {}): Promise<Page<EntitySummary>> {
    const { limit, offset } = clampPage(opts);
    let q = this.db.selectFrom('entities');
    if (opts.type) q = q.where('type', '=', opts.type.toUpperCase());
    if (opts.country) q = q.where('country', '=', opts.country.toUpperCase());
    if (opts.q) {
      const like = `%${opts.q.toLowerCase()}%`;
      q = q.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['name']), 'like', like),
          eb('id', 'in', eb.selectFrom('entity_aliases').select('entity_id').where(sql`lower(alias)`, 'like', like)),
        ]),
      );
    }
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q.selectAll().orderBy('doc_count', 'desc').orderBy('mention_count', 'desc').orderBy('name').limit(limit).offset(offset).execute();
    const aliases = await this.aliasesOf(rows.map((r) => r.id));
    return {
      items: rows.map((r) => ({
        id: r.id, name: r.name, type: r.type, country: r.country, sector: r.sector, documents: Number(r.doc_count),
        aliases: aliases.get(r.id) ?? [],
      })),
      total, limit, offset,
    };
  }

  async entity(id: number): Promise<EntitySummary | null> {
    const r = await this.db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    const aliases = await this.aliasesOf([r.id]);
    return { id: r.id, name: r.name, type: r.type, country: r.country, sector: r.sector, documents: Number(r.doc_count), aliases: aliases.get(r.id) ?? [] };
  }

  /** Finds an entity by id, exact name or alias (case-insensitive), then by partial name. */
  async findEntity(ref: string): Promise<EntitySummary | null> {
    if (/^\d+$/.test(ref)) return this.entity(Number(ref));
    const lower = ref.toLowerCase();
    const exact = await this.db
      .selectFrom('entities')
      .select('id')
      .where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['name']), '=', lower),
          eb('id', 'in', eb.selectFrom('entity_aliases').select('entity_id').where(sql`lower(alias)`, '=', lower)),
        ]),
      )
      .orderBy('doc_count', 'desc')
      .executeTakeFirst();
    if (exact) return this.entity(exact.id);
    const page = await this.entities({ q: ref, limit: 1 });
    return page.items[0] ?? null;
  }

  private async aliasesOf(ids: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (ids.length === 0) return out;
    const rows = await this.db.selectFrom('entity_aliases').select(['entity_id', 'alias']).where('entity_id', 'in', ids).orderBy('alias').execute();
    for (const r of rows) {
      const list = out.get(r.entity_id) ?? [];
      list.push(r.alias);
      out.set(r.entity_id, list);
    }
    return out;
  }

  private async namesOf(ids: number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return out;
    const rows = await this.db.selectFrom('entities').select(['id', 'name']).where('id', 'in', unique).execute();
    for (const r of rows) out.set(r.id, r.name);
    return out;
  }

  /** Attributions (quotes), optionally by speaker (entity id, name or alias) or text. */
  async quotes(opts: PageOptions & { speaker?: string; claimant?: number; text?: string } = {}): Promise<Page<QuoteRow>> {
    const { limit, offset } = clampPage(opts);
    let q = this.db.selectFrom('attributions').innerJoin('documents', 'documents.hash', 'attributions.document_hash');
    if (opts.speaker) {
      const speaker = await this.findEntity(opts.speaker);
      if (!speaker) return { items: [], total: 0, limit, offset };
      q = q.where('attributions.source_entity_id', '=', speaker.id);
    }
    if (opts.claimant != null) q = q.where((eb) => jsonArrayHas(eb, 'attributions.chain', opts.claimant!));
    if (opts.text) q = q.where(sql`lower(attributions.content_text)`, 'like', `%${opts.text.toLowerCase()}%`);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .select([
        'documents.doc_id', 'documents.hash', 'documents.published', 'attributions.local_id', 'attributions.kind',
        'attributions.source_text', 'attributions.source_entity_id', 'attributions.cue_text', 'attributions.content_text',
        'attributions.parent', 'attributions.chain', 'attributions.content_start',
      ])
      .orderBy('documents.published', 'desc')
      .orderBy('documents.doc_id')
      .orderBy('attributions.content_start')
      .limit(limit)
      .offset(offset)
      .execute();
    const claimantFiltered = rows;
    const names = await this.namesOf(claimantFiltered.flatMap((r) => [...(JSON.parse(r.chain) as number[]), ...(r.source_entity_id ? [r.source_entity_id] : [])]));
    return {
      items: claimantFiltered.map((r) => ({
        document: r.doc_id, documentHash: r.hash, published: r.published, id: r.local_id, kind: r.kind,
        speaker: r.source_entity_id ? names.get(r.source_entity_id) ?? r.source_text : r.source_text,
        speakerId: r.source_entity_id,
        chain: (JSON.parse(r.chain) as number[]).map((id) => names.get(id) ?? String(id)),
        cue: r.cue_text, text: r.content_text, parent: r.parent,
      })),
      total, limit, offset,
    };
  }

  /** What an entity did, had done to it, and said, in date order. */
  async timeline(entityId: number, opts: PageOptions = {}): Promise<TimelineItem[]> {
    const { limit } = clampPage({ limit: opts.limit ?? MAX_LIMIT });
    const evs = await this.db
      .selectFrom('event_actors')
      .innerJoin('events', (j) => j.onRef('events.document_hash', '=', 'event_actors.document_hash').onRef('events.local_id', '=', 'event_actors.event_local_id'))
      .innerJoin('documents', 'documents.hash', 'events.document_hash')
      .select(['events.date', 'events.type', 'events.trigger_text', 'events.polarity', 'events.modality', 'event_actors.role', 'documents.doc_id', 'documents.hash', 'events.local_id'])
      .where('event_actors.entity_id', '=', entityId)
      .limit(limit)
      .execute();
    const qs = await this.db
      .selectFrom('attributions')
      .innerJoin('documents', 'documents.hash', 'attributions.document_hash')
      .select(['documents.published', 'documents.doc_id', 'documents.hash', 'attributions.kind', 'attributions.content_text', 'attributions.cue_text'])
      .where('attributions.source_entity_id', '=', entityId)
      .limit(limit)
      .execute();
    const items: TimelineItem[] = [
      ...dedupe(evs, (e) => `${e.hash}/${e.local_id}/${e.role}`).map((e) => ({
        date: e.date, kind: 'event' as const, document: e.doc_id, documentHash: e.hash, role: e.role,
        summary: `${e.type}${e.polarity === 'negative' ? ' (negated)' : ''}${e.modality !== 'asserted' ? ` (${e.modality})` : ''}: ${e.trigger_text}`,
      })),
      ...qs.map((q) => ({
        date: q.published ? q.published.slice(0, 10) : null, kind: 'quote' as const, document: q.doc_id, documentHash: q.hash, role: 'speaker',
        summary: `${q.cue_text ?? q.kind}: ${q.content_text.length > 160 ? q.content_text.slice(0, 157) + '…' : q.content_text}`,
      })),
    ];
    items.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.document.localeCompare(b.document));
    return items.slice(0, limit);
  }
}

/**
 * True where a compact JSON array of integers (as `put` writes it: "[3,17]") holds `id`.
 * A LIKE on the four positions an element can take works the same on both backends.
 */
export function jsonArrayHas(eb: ExpressionBuilder<any, any>, column: string, id: number) {
  const col = sql.ref(column);
  return eb.or([
    eb(col, '=', `[${id}]`),
    eb(col, 'like', `[${id},%`),
    eb(col, 'like', `%,${id},%`),
    eb(col, 'like', `%,${id}]`),
  ]);
}

function dedupe<T>(rows: T[], key: (r: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = key(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Local attribution ids' sources from the innermost outward: [own source, parent's, …]. */
function relayChain(id: string, byId: Map<string, Analysis['attributions'][number]>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let cur: string | null = id;
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    const a = byId.get(cur);
    if (!a) break;
    if (a.source?.entity) out.push(a.source.entity);
    cur = a.parent;
  }
  return out;
}

/** SQLite caps bound parameters per statement; insert big layers in slices. */
/**
 * Whether `candidate` should replace `held` as an entity's name: mixed case beats capitals
 * (a dateline's "GENEVA"), then the longer wins. The same order as the upsert's SQL CASE,
 * with SQLite's ASCII-only upper() (so "ERDOĞAN" counts as capitals, "Erdoğan" does not).
 */
function betterName(candidate: string, held: string): boolean {
  const capitals = (s: string) => s === asciiUpper(s);
  if (capitals(held) !== capitals(candidate)) return capitals(held);
  return candidate.length > held.length;
}

function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (w) => w.toUpperCase());
}

async function insertInChunks<T>(rows: T[], insert: (part: T[]) => Promise<unknown>, size = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(err?.message ?? '');
}
