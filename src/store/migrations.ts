/**
 * @module store/migrations
 * Schema migrations, in code and in order, for both backends. Add a migration; never edit
 * one that has shipped. Dialect differences: the auto-increment key (0001) and full-text
 * search (0002: FTS5 on SQLite, tsvector on PostgreSQL).
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('documents')
          .addColumn('hash', 'text', (c) => c.primaryKey())
          .addColumn('doc_id', 'text', (c) => c.notNull())
          .addColumn('title', 'text')
          .addColumn('url', 'text')
          .addColumn('source', 'text')
          .addColumn('published', 'text')
          .addColumn('dateline_place', 'text')
          .addColumn('dateline_country', 'text')
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('analysis', 'text', (c) => c.notNull())
          .addColumn('ingested_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('documents_published').on('documents').column('published').execute();

        let entities = db.schema.createTable('entities');
        entities =
          dialect === 'postgres'
            ? entities.addColumn('id', 'serial', (c) => c.primaryKey())
            : entities.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
        await entities
          .addColumn('key', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('country', 'text')
          .addColumn('sector', 'text')
          .addColumn('doc_count', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex('entities_name').on('entities').column('name').execute();

        await db.schema
          .createTable('entity_aliases')
          .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
          .addColumn('alias', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('entity_aliases_pk', ['entity_id', 'alias'])
          .execute();
        await db.schema.createIndex('entity_aliases_alias').on('entity_aliases').column('alias').execute();

        const perDoc = (name: string) =>
          db.schema.createTable(name).addColumn('document_hash', 'text', (c) => c.notNull().references('documents.hash').onDelete('cascade'));

        await perDoc('doc_entities')
          .addColumn('local_id', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('country', 'text')
          .addColumn('sector', 'text')
          .addPrimaryKeyConstraint('doc_entities_pk', ['document_hash', 'local_id'])
          .execute();
        await db.schema.createIndex('doc_entities_entity').on('doc_entities').column('entity_id').execute();

        await perDoc('mentions')
          .addColumn('local_id', 'text', (c) => c.notNull())
          .addColumn('start', 'integer', (c) => c.notNull())
          .addColumn('end', 'integer', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'integer')
          .addPrimaryKeyConstraint('mentions_pk', ['document_hash', 'local_id'])
          .execute();

        await perDoc('times')
          .addColumn('local_id', 'text', (c) => c.notNull())
          .addColumn('start', 'integer', (c) => c.notNull())
          .addColumn('end', 'integer', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('times_pk', ['document_hash', 'local_id'])
          .execute();

        await perDoc('attributions')
          .addColumn('local_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('source_text', 'text')
          .addColumn('source_entity_id', 'integer')
          .addColumn('cue_text', 'text')
          .addColumn('content_start', 'integer', (c) => c.notNull())
          .addColumn('content_end', 'integer', (c) => c.notNull())
          .addColumn('content_text', 'text', (c) => c.notNull())
          .addColumn('parent', 'text')
          .addColumn('chain', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('attributions_pk', ['document_hash', 'local_id'])
          .execute();
        await db.schema.createIndex('attributions_source').on('attributions').column('source_entity_id').execute();

        await perDoc('events')
          .addColumn('local_id', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('mode', 'text')
          .addColumn('trigger_text', 'text', (c) => c.notNull())
          .addColumn('trigger_start', 'integer', (c) => c.notNull())
          .addColumn('date', 'text')
          .addColumn('date_inferred', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('location_entity_id', 'integer')
          .addColumn('polarity', 'text', (c) => c.notNull())
          .addColumn('modality', 'text', (c) => c.notNull())
          .addColumn('claimed_in', 'text')
          .addColumn('claimants', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('events_pk', ['document_hash', 'local_id'])
          .execute();
        await db.schema.createIndex('events_date').on('events').column('date').execute();
        await db.schema.createIndex('events_type').on('events').column('type').execute();

        await perDoc('event_actors')
          .addColumn('event_local_id', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'integer')
          .addColumn('code', 'text')
          .addColumn('sector', 'text')
          .addColumn('text', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('event_actors_event').on('event_actors').columns(['document_hash', 'event_local_id']).execute();
        await db.schema.createIndex('event_actors_entity').on('event_actors').column('entity_id').execute();
        await db.schema.createIndex('event_actors_code').on('event_actors').column('code').execute();
      },
    },
    // Full-text search over report text (with title) and quote content, for the API's /search.
    // SQLite: one FTS5 table kept in step by triggers, so every writer of documents and
    // attributions feeds it without knowing it exists. PostgreSQL: stored tsvector columns
    // with GIN indexes, computed by the database itself.
    '0002_fulltext': {
      async up(db: Kysely<any>) {
        if (dialect === 'postgres') {
          await sql`ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED`.execute(db);
          await sql`CREATE INDEX documents_tsv ON documents USING GIN (tsv)`.execute(db);
          await sql`ALTER TABLE attributions ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', content_text)) STORED`.execute(db);
          await sql`CREATE INDEX attributions_tsv ON attributions USING GIN (tsv)`.execute(db);
          return;
        }
        await sql`CREATE VIRTUAL TABLE search_fts USING fts5(kind UNINDEXED, document_hash UNINDEXED, local_id UNINDEXED, body, tokenize = 'porter unicode61')`.execute(db);
        await sql`CREATE TRIGGER search_fts_doc_insert AFTER INSERT ON documents BEGIN
          INSERT INTO search_fts (kind, document_hash, local_id, body) VALUES ('document', new.hash, NULL, coalesce(new.title, '') || ' ' || new.text);
        END`.execute(db);
        await sql`CREATE TRIGGER search_fts_doc_delete AFTER DELETE ON documents BEGIN
          DELETE FROM search_fts WHERE document_hash = old.hash;
        END`.execute(db);
        await sql`CREATE TRIGGER search_fts_quote_insert AFTER INSERT ON attributions BEGIN
          INSERT INTO search_fts (kind, document_hash, local_id, body) VALUES ('quote', new.document_hash, new.local_id, new.content_text);
        END`.execute(db);
        await sql`INSERT INTO search_fts (kind, document_hash, local_id, body) SELECT 'document', hash, NULL, coalesce(title, '') || ' ' || text FROM documents`.execute(db);
        await sql`INSERT INTO search_fts (kind, document_hash, local_id, body) SELECT 'quote', document_hash, local_id, content_text FROM attributions`.execute(db);
      },
    },
    '0003_mention_counts': {
      // How often an actor is named across all reports: the tie-breaker after the number of
      // documents when listing "top actors", and a join key for mentions by entity.
      async up(db: Kysely<any>) {
        await db.schema.alterTable('entities').addColumn('mention_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await db.schema.createIndex('mentions_entity').on('mentions').column('entity_id').execute();
        await sql`UPDATE entities SET mention_count = (SELECT count(*) FROM mentions WHERE mentions.entity_id = entities.id)`.execute(db);
      },
    },
  };
}

/** The migrations for one backend, for Kysely's `Migrator`. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
