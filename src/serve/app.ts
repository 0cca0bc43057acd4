/**
 * @module serve/app
 * The HTTP API (Hono) over a store and an engine, and the web UI's static files. Every
 * route of `openapi.ts` gets its handler here by `operationId`; inputs are checked with
 * the route's zod schemas; every error is JSON `{ status, message }`, never a crash.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { Engine } from '../engine.js';
import { InputError } from '../ingest/errors.js';
import type { Store } from '../store/store.js';
import { searchText } from '../store/search.js';
import { actorGraph, counterparts, documentEntityIds, eventDates, eventPlaces, findEvents, type EventQuery } from '../store/queries.js';
import { numericCode } from './countries.js';
import { ROUTES, openApiDocument, type RouteSpec } from './openapi.js';
import type * as S from './schemas.js';

export interface AppOptions {
  store: Store;
  engine: Engine;
  /** Bearer token for write routes; when set, writes without it get 401. */
  token?: string | null;
  /** Largest request body in bytes. Default 2 MiB. */
  maxBodyBytes?: number;
  /** Folder of the built web UI (`web/dist`); null serves no UI. */
  webDir?: string | null;
  /**
   * Host names the server answers to (DNS-rebinding guard for a loopback server); null
   * accepts any Host.
   */
  allowedHosts?: readonly string[] | null;
  version?: string;
}

/** Messages the API answers with, named so tests and clients can rely on them. */
export const MESSAGES = {
  notFound: 'no such route',
  tokenRequired: 'this route needs `Authorization: Bearer <token>`',
  tooLarge: 'request body too large',
  badJson: 'request body is not valid JSON',
  badHost: 'unexpected Host header',
  noDocument: 'no such document',
  noEntity: 'no such entity',
  uiMissing: 'the web UI is not built: run `npm run build`',
} as const;

type Handler = (c: Context, input: { params: any; query: any; body: any }) => Promise<Response> | Response;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

/** Report text is data: the UI's page may run only its own scripts, and nothing inline. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function fail(status: 400 | 401 | 404 | 413, message: string): never {
  throw new HTTPException(status, { message });
}

function validate<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> | undefined {
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues
      .slice(0, 3)
      .map((i) => `${where}${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`)
      .join('; ');
    fail(400, first);
  }
  return r.data;
}

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Builds the API and UI as a Hono app (serve it with `@hono/node-server`, or call
 * `app.request()` in tests).
 *
 * @example
 * const app = createApp({ store: await openStore('dateline.db'), engine: createEngine() });
 * const res = await app.request('/entities?limit=5');
 */
export function createApp(opts: AppOptions): Hono {
  const { store, engine } = opts;
  const token = opts.token || null;
  const app = new Hono();

  app.use('*', async (c, next) => {
    if (opts.allowedHosts) {
      const host = (c.req.header('host') ?? '').replace(/:\d+$/, '').toLowerCase();
      if (!opts.allowedHosts.includes(host)) fail(400, MESSAGES.badHost);
    }
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });
  app.use('*', bodyLimit({ maxSize: opts.maxBodyBytes ?? 2 * 1024 * 1024, onError: () => fail(413, MESSAGES.tooLarge) }));

  app.onError((err, c) => {
    if (err instanceof HTTPException) return c.json({ status: err.status, message: err.message }, err.status);
    if (err instanceof InputError) return c.json({ status: 400, message: err.message }, 400);
    console.error(`dateline serve: ${c.req.method} ${c.req.path}: ${(err as Error).stack ?? err}`);
    return c.json({ status: 500, message: 'internal error' }, 500);
  });

  const entityIdOf = async (ref: string | undefined): Promise<number | null | undefined> => {
    if (ref == null) return undefined;
    const e = await store.findEntity(ref);
    return e ? e.id : null;
  };
  const hashOf = async (ref: string): Promise<string | null> => {
    const row = await store.db
      .selectFrom('documents')
      .select('hash')
      .where((eb) => eb.or([eb('hash', '=', ref), eb('doc_id', '=', ref)]))
      .executeTakeFirst();
    return row?.hash ?? null;
  };
  const emptyPage = (q: { limit: number; offset: number }) => ({ items: [], total: 0, limit: q.limit, offset: q.offset });

  /** Turns the API's events query into the store's, resolving names; null when a name matches nothing. */
  const eventFilter = async (q: z.infer<typeof S.eventDatesQuery> | z.infer<typeof S.eventsQuery>): Promise<EventQuery | null> => {
    const f: EventQuery = { type: q.type, since: q.since, until: q.until, country: q.country, role: q.role };
    if (q.actor) {
      if (/^[A-Z]{3}(?:-[A-Z]{3})?$/.test(q.actor)) f.actor = q.actor;
      else {
        const id = await entityIdOf(q.actor);
        if (id == null) return null;
        f.actor = id;
      }
    }
    for (const key of ['claimant', 'place'] as const) {
      if (q[key]) {
        const id = await entityIdOf(q[key]);
        if (id == null) return null;
        f[key] = id;
      }
    }
    if (q.document) {
      const hash = await hashOf(q.document);
      if (!hash) return null;
      f.document = hash;
    }
    return f;
  };

  const analyse = (body: z.infer<typeof S.reportBody>) =>
    engine.analyseText(body.text, { id: body.id ?? null, date: body.date ?? null, title: body.title ?? null, url: body.url ?? null, source: body.source ?? null, inputName: body.id ?? 'request' });

  const handlers: Record<string, Handler> = {
    health: async (c) => c.json({ status: 'ok', documents: await store.countDocuments(), writable: true, tokenRequired: !!token }),
    analyze: (c, { body }) => c.json(analyse(body)),
    putDocument: async (c, { body }) => {
      const analysis = analyse(body);
      const r = await store.put(analysis);
      return c.json({ ...r }, r.status === 'stored' ? 201 : 200);
    },
    listDocuments: async (c, { query }) => c.json(await store.listDocuments(query)),
    getDocument: async (c, { params }) => {
      const analysis = await store.getAnalysis(params.id);
      if (!analysis) fail(404, MESSAGES.noDocument);
      return c.json({ analysis, entityIds: await documentEntityIds(store, analysis.document.hash) });
    },
    listEntities: async (c, { query }) => c.json(await store.entities(query)),
    getEntity: async (c, { params, query }) => {
      const id = Number(params.id);
      const entity = await store.entity(id);
      if (!entity) fail(404, MESSAGES.noEntity);
      const limit = query.limit as number;
      const [timeline, quotes, did, doneTo, meets] = await Promise.all([
        store.timeline(id, { limit: 200 }),
        store.quotes({ speaker: String(id), limit }),
        findEvents(store, { actor: id, role: 'source', limit }),
        findEvents(store, { actor: id, role: 'target', limit }),
        counterparts(store, id, { limit }),
      ]);
      return c.json({ entity, timeline, quotes, did, doneTo, meets });
    },
    listAttributions: async (c, { query }) => {
      const q = query as z.infer<typeof S.attributionsQuery>;
      let speaker: string | undefined;
      let claimant: number | undefined;
      if (q.source) {
        const id = await entityIdOf(q.source);
        if (id == null) return c.json(emptyPage(q));
        speaker = String(id);
      }
      if (q.claimant) {
        const id = await entityIdOf(q.claimant);
        if (id == null) return c.json(emptyPage(q));
        claimant = id;
      }
      return c.json(await store.quotes({ speaker, claimant, text: q.text, limit: q.limit, offset: q.offset }));
    },
    listEvents: async (c, { query }) => {
      const f = await eventFilter(query);
      if (!f) return c.json(emptyPage(query));
      return c.json(await findEvents(store, { ...f, limit: query.limit, offset: query.offset }));
    },
    eventDates: async (c, { query }) => {
      const f = await eventFilter(query);
      return c.json({ by: query.by, items: f ? await eventDates(store, f, query.by) : [] });
    },
    eventPlaces: async (c, { query }) => {
      const f = await eventFilter(query);
      const items = f ? await eventPlaces(store, f, query.limit) : [];
      return c.json({ items: items.map((p) => ({ ...p, numeric: numericCode(p.country) })) });
    },
    actorGraph: async (c, { query }) => c.json(await actorGraph(store, query)),
    search: async (c, { query }) => c.json(await searchText(store, query.q, query)),
  };

  const hono = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
  for (const route of ROUTES) {
    const handler = handlers[route.operationId];
    if (!handler) throw new Error(`serve: no handler for ${route.operationId}`);
    app[route.method](hono(route.path), async (c) => {
      if (route.write && token) {
        const auth = c.req.header('authorization') ?? '';
        const m = /^Bearer\s+(.+)$/i.exec(auth);
        if (!m || !sameToken(m[1].trim(), token)) {
          c.header('WWW-Authenticate', 'Bearer');
          fail(401, MESSAGES.tokenRequired);
        }
      }
      const params = validate(route.params, c.req.param(), 'path');
      const query = validate(route.query, c.req.query(), 'query');
      let body: unknown;
      if (route.body) {
        let raw: unknown;
        try {
          raw = JSON.parse(await c.req.text());
        } catch {
          fail(400, MESSAGES.badJson);
        }
        body = validate(route.body, raw, 'body');
      }
      return handler(c, { params, query, body });
    });
  }

  const spec = openApiDocument({ version: opts.version ?? '0.0.0' });
  app.get('/openapi.json', (c) => c.json(spec));

  // The web UI: index.html at /, hashed assets under /assets; the UI routes by URL hash, so
  // its paths never collide with the API's.
  const webDir = opts.webDir ? resolve(opts.webDir) : null;
  const serveFile = (c: Context, rel: string) => {
    if (!webDir || !existsSync(join(webDir, 'index.html'))) {
      return c.json({ status: 404, message: MESSAGES.uiMissing }, 404);
    }
    const file = normalize(join(webDir, rel));
    if (!file.startsWith(webDir + sep) || !existsSync(file) || !statSync(file).isFile()) fail(404, MESSAGES.notFound);
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type };
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CSP;
      headers['Cache-Control'] = 'no-cache';
    } else if (rel.startsWith('assets/')) {
      headers['Cache-Control'] = 'public, max-age=31536000, immutable';
    }
    return c.body(readFileSync(file), 200, headers);
  };
  app.get('/', (c) => serveFile(c, 'index.html'));
  app.get('/index.html', (c) => serveFile(c, 'index.html'));
  app.get('/assets/*', (c) => serveFile(c, c.req.path.slice(1)));
  app.get('/favicon.svg', (c) => serveFile(c, 'favicon.svg'));

  app.notFound(() => fail(404, MESSAGES.notFound));
  return app;
}
