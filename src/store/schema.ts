/**
 * @module store/schema
 * The store's tables, as Kysely types. One schema for both backends (SQLite embedded,
 * PostgreSQL); `migrations.ts` creates it.
 *
 * Documents are keyed by their content hash. Per-document layers keep the analysis's own
 * local ids (e1, m3, a2 …) next to the canonical entity id they were merged into, so a
 * document's analysis can be rebuilt exactly and cross-document queries join on one id.
 */
import type { Generated } from 'kysely';

export interface DocumentsTable {
  hash: string;
  doc_id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  dateline_place: string | null;
  dateline_country: string | null;
  language: string;
  text: string;
  /** The whole Contract 1 analysis as JSON text, so it can be served exactly as produced. */
  analysis: string;
  ingested_at: string;
}

/** One row per real-world actor across all documents. */
export interface EntitiesTable {
  id: Generated<number>;
  key: string;
  name: string;
  type: string;
  country: string | null;
  sector: string | null;
  doc_count: number;
  /** Mentions across all documents (migration 0003). */
  mention_count: Generated<number>;
}

export interface EntityAliasesTable {
  entity_id: number;
  alias: string;
}

export interface DocEntitiesTable {
  document_hash: string;
  local_id: string;
  entity_id: number;
  name: string;
  type: string;
  country: string | null;
  sector: string | null;
}

export interface MentionsTable {
  document_hash: string;
  local_id: string;
  start: number;
  end: number;
  text: string;
  type: string;
  kind: string;
  entity_id: number | null;
}

export interface TimesTable {
  document_hash: string;
  local_id: string;
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface AttributionsTable {
  document_hash: string;
  local_id: string;
  kind: string;
  source_text: string | null;
  source_entity_id: number | null;
  cue_text: string | null;
  content_start: number;
  content_end: number;
  content_text: string;
  parent: string | null;
  /** Canonical entity ids from the speaker outward through each relay, JSON array. */
  chain: string;
}

export interface EventsTable {
  document_hash: string;
  local_id: string;
  type: string;
  mode: string | null;
  trigger_text: string;
  trigger_start: number;
  date: string | null;
  date_inferred: number;
  location_entity_id: number | null;
  polarity: string;
  modality: string;
  claimed_in: string | null;
  /** Canonical claimant entity ids, JSON array, claimant first. */
  claimants: string;
}

export interface EventActorsTable {
  document_hash: string;
  event_local_id: string;
  role: 'source' | 'target';
  entity_id: number | null;
  code: string | null;
  sector: string | null;
  text: string;
}

export interface Database {
  documents: DocumentsTable;
  entities: EntitiesTable;
  entity_aliases: EntityAliasesTable;
  doc_entities: DocEntitiesTable;
  mentions: MentionsTable;
  times: TimesTable;
  attributions: AttributionsTable;
  events: EventsTable;
  event_actors: EventActorsTable;
}
