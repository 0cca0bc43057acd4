/**
 * @module store/open
 * Opens a store from a target string: a file path is an embedded SQLite store (created on
 * first use); a `postgres://` or `postgresql://` URL is a PostgreSQL server.
 */
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { Store } from './store.js';

/** The default embedded store in the working folder. */
export const DEFAULT_DB = 'dateline.db';

export function isPostgresUrl(target: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(target);
}

/**
 * Opens (and migrates) a store.
 *
 * @example
 * const store = await openStore('dateline.db');                       // SQLite file
 * const pg = await openStore('postgres://127.0.0.1:5432/test');        // PostgreSQL
 */
export async function openStore(target: string = DEFAULT_DB, options: { schema?: string } = {}): Promise<Store> {
  let store: Store;
  if (isPostgresUrl(target)) {
    const pg = await import('pg');
    const Pool = (pg.default ?? pg).Pool;
    const pool = new Pool({
      connectionString: target,
      max: 4,
      // A private schema (tests, or several stores in one database) via the search path.
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    if (options.schema) {
      const client = await pool.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '')}"`);
      } finally {
        client.release();
      }
    }
    store = new Store(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
  } else {
    const { default: SQLite } = await import('better-sqlite3');
    let sqlite;
    try {
      sqlite = new SQLite(target);
    } catch (e) {
      throw new Error(`${target}: cannot open the store (${(e as Error).message})`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    store = new Store(new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), 'sqlite');
  }
  await store.migrate();
  return store;
}
