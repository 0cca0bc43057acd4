/**
 * @module store/search
 * Full-text search over report text and quote content, on both backends: SQLite through the
 * FTS5 table of migration 0002 (BM25 ranking, Porter stemming), PostgreSQL through its
 * stored tsvectors (`websearch_to_tsquery`, `ts_rank`). Snippets mark hits with the control
 * characters {@link HIT_START} and {@link HIT_END}, never with HTML, so a client can render
 * them as text.
 */
import { sql } from 'kysely';
import type { Page, PageOptions, Store } from './store.js';

/** Marks the start of a hit inside a snippet (STX). */
export const HIT_START = '\u0002';
/** Marks the end of a hit inside a snippet (ETX). */
export const HIT_END = '\u0003';

export interface SearchHit {
  kind: 'document' | 'quote';
  /** The document's own id and hash. */
  document: string;
  documentHash: string;
  /** The attribution's local id for a quote, else null. */
  id: string | null;
  title: string | null;
  published: string | null;
  /** Speaker as written, for quotes. */
  speaker: string | null;
  snippet: string;
}

/**
 * Words of a user's query as an FTS5 expression: every word must occur, each quoted so
 * FTS5 operators and punctuation in the input are taken literally; the last word also
 * matches as a prefix, so results come while typing.
 */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * Searches reports and quotes; best matches first.
 *
 * @example
 * const { items } = await searchText(store, 'navy smugglers', { limit: 10 });
 * items[0].snippet; // "Our \u0002navy\u0003 intercepted the \u0002smugglers\u0003."
 */
export async function searchText(store: Store, q: string, opts: PageOptions = {}): Promise<Page<SearchHit>> {
  const limit = Math.min(Math.max(1, Math.floor(opts.limit ?? 20)), 200);
  const offset = Math.max(0, Math.floor(opts.offset ?? 0));
  const empty = { items: [], total: 0, limit, offset };
  if (store.dialect === 'postgres') {
    if (!/[\p{L}\p{N}]/u.test(q)) return empty;
    const hits = sql`
      SELECT 'document' AS kind, d.hash AS document_hash, NULL AS local_id, NULL AS speaker, ts_rank(d.tsv, query) AS rank,
             ts_headline('english', d.text, query, ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
        FROM documents d, websearch_to_tsquery('english', ${q}) query WHERE d.tsv @@ query
      UNION ALL
      SELECT 'quote', a.document_hash, a.local_id, a.source_text, ts_rank(a.tsv, query),
             ts_headline('english', a.content_text, query, ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=30, MinWords=12`})
        FROM attributions a, websearch_to_tsquery('english', ${q}) query WHERE a.tsv @@ query`;
    const total = await sql<{ n: string }>`SELECT count(*) AS n FROM (${hits}) h`.execute(store.db);
    const rows = await sql<Row>`
      SELECT h.kind, h.document_hash, h.local_id, h.speaker, h.snippet, d.doc_id, d.title, d.published
        FROM (${hits}) h JOIN documents d ON d.hash = h.document_hash
       ORDER BY h.rank DESC, d.published DESC, h.document_hash, h.local_id
       LIMIT ${limit} OFFSET ${offset}`.execute(store.db);
    return { items: rows.rows.map(toHit), total: Number(total.rows[0]?.n ?? 0), limit, offset };
  }
  const match = ftsQuery(q);
  if (!match) return empty;
  const total = await sql<{ n: number }>`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${match}`.execute(store.db);
  const rows = await sql<Row>`
    SELECT f.kind, f.document_hash, f.local_id, f.snippet, d.doc_id, d.title, d.published, a.source_text AS speaker
      FROM (SELECT kind, document_hash, local_id, rank,
                   snippet(search_fts, 3, ${HIT_START}, ${HIT_END}, ' … ', 24) AS snippet
              FROM search_fts WHERE search_fts MATCH ${match}
             ORDER BY rank LIMIT ${limit} OFFSET ${offset}) f
      JOIN documents d ON d.hash = f.document_hash
      LEFT JOIN attributions a ON a.document_hash = f.document_hash AND a.local_id = f.local_id
     ORDER BY f.rank`.execute(store.db);
  return { items: rows.rows.map(toHit), total: Number(total.rows[0]?.n ?? 0), limit, offset };
}

interface Row {
  kind: string;
  document_hash: string;
  local_id: string | null;
  speaker: string | null;
  snippet: string;
  doc_id: string;
  title: string | null;
  published: string | null;
}

function toHit(r: Row): SearchHit {
  return {
    kind: r.kind === 'quote' ? 'quote' : 'document',
    document: r.doc_id,
    documentHash: r.document_hash,
    id: r.local_id,
    title: r.title,
    published: r.published,
    speaker: r.speaker ?? null,
    snippet: r.snippet.replace(/\s+/g, ' ').trim(),
  };
}
