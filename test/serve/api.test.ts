import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { responses } from '../../src/serve/schemas.js';
import { hostileText, startFixture, type Fixture } from './helpers.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture({ token: 'sesame' });
});
afterAll(async () => fx?.close());

const get = async (path: string) => {
  const res = await fetch(fx.url + path);
  return { status: res.status, body: (await res.json()) as any };
};
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(fx.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
/** The answer must match the schema the OpenAPI document gives for it. */
const conforms = <T extends z.ZodType>(schema: T, body: unknown) => {
  const r = schema.safeParse(body);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues.slice(0, 3)));
  return r.data;
};

describe('documents', () => {
  it('lists stored reports, paged, newest first', async () => {
    const { status, body } = await get('/documents?limit=2');
    expect(status).toBe(200);
    conforms(responses.documents, body);
    expect(body.total).toBe(3);
    expect(body.items.map((d: any) => d.id)).toEqual(['b.txt', 'x.txt']);
    const next = await get('/documents?limit=2&offset=2');
    expect(next.body.items.map((d: any) => d.id)).toEqual(['a.txt']);
  });

  it('gives one analysis with its canonical entity ids', async () => {
    const { status, body } = await get('/documents/a.txt');
    expect(status).toBe(200);
    conforms(responses.document, body);
    expect(body.analysis.attributions).toHaveLength(2);
    expect(Object.keys(body.entityIds).sort()).toEqual(['e1', 'e2', 'e3']);
    const byHash = await get('/documents/' + encodeURIComponent(body.analysis.document.hash));
    expect(byHash.body.analysis.document.id).toBe('a.txt');
  });

  it('returns markup in report text as the very characters', async () => {
    const { body } = await get('/documents/x.txt');
    expect(body.analysis.document.text).toBe(hostileText);
  });

  it('404s an unknown document as JSON', async () => {
    expect(await get('/documents/nope')).toEqual({ status: 404, body: { status: 404, message: 'no such document' } });
  });
});

describe('entities', () => {
  it('merges the minister across reports and finds him by alias', async () => {
    const { body } = await get('/entities?q=berg');
    conforms(responses.entities, body);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ name: 'Ola Berg', documents: 2, country: 'NOR' });
  });

  it('gives an entity page: timeline, quotes, what it did, what was done to it, whom it meets', async () => {
    const berg = (await get('/entities?q=Ola%20Berg')).body.items[0];
    const { status, body } = await get(`/entities/${berg.id}`);
    expect(status).toBe(200);
    conforms(responses.entity, body);
    expect(body.quotes.total).toBe(2);
    expect(body.did.items.map((e: any) => e.type)).toEqual(['CONSULT']);
    expect(body.meets.items[0].entity.name).toBe('Finland');
    expect(body.timeline.length).toBeGreaterThanOrEqual(3);
    const navy = (await get('/entities?q=navy')).body.items[0];
    const smugglersVictim = await get(`/entities/${navy.id}`);
    expect(smugglersVictim.body.did.items[0].type).toBe('COERCE');
    const finland = (await get('/entities?q=Finland')).body.items[0];
    expect((await get(`/entities/${finland.id}`)).body.doneTo.items[0].type).toBe('CONSULT');
  });

  it('rejects a non-numeric id and 404s a missing one', async () => {
    expect((await get('/entities/abc')).status).toBe(400);
    expect((await get('/entities/99999')).body).toEqual({ status: 404, message: 'no such entity' });
  });
});

describe('attributions', () => {
  it('filters by source, claimant and text', async () => {
    const bySource = await get('/attributions?source=Ola%20Berg');
    conforms(responses.attributions, bySource.body);
    expect(bySource.body.total).toBe(2);
    expect((await get('/attributions?text=smugglers')).body.items.map((q: any) => q.kind)).toEqual(['direct']);
    expect((await get('/attributions?claimant=Berg')).body.total).toBe(2);
    expect((await get('/attributions?source=Nobody%20Known')).body.total).toBe(0);
  });
});

describe('events', () => {
  it('filters by actor code, role, type, dates, claimant, place and country', async () => {
    const all = await get('/events');
    conforms(responses.events, all.body);
    expect(all.body.total).toBe(2);
    const f = async (qs: string) => (await get('/events?' + qs)).body.items.map((e: any) => e.type);
    expect(await f('actor=NOR-MIL')).toEqual(['COERCE']);
    expect(await f('actor=Finland&role=target')).toEqual(['CONSULT']);
    expect(await f('actor=Finland&role=source')).toEqual([]);
    expect(await f('type=CONSULT')).toEqual(['CONSULT']);
    expect(await f('since=2025-06-01')).toEqual(['CONSULT']);
    expect(await f('until=2025-05-31')).toEqual(['COERCE']);
    expect(await f('claimant=Ola%20Berg')).toEqual(['COERCE']);
    expect(await f('place=Helsinki')).toEqual(['CONSULT']);
    expect(await f('country=FIN')).toEqual(['CONSULT']);
    expect(await f('country=NOR')).toEqual(['CONSULT', 'COERCE']);
  });

  it('counts events by date and month', async () => {
    const { body } = await get('/events/dates?by=month');
    conforms(responses.eventDates, body);
    expect(body.items).toEqual([{ date: '2025-05', count: 1 }, { date: '2025-06', count: 1 }]);
  });

  it('gives places and the actor graph', async () => {
    const places = await get('/places');
    conforms(responses.places, places.body);
    expect(places.body.items.map((p: any) => p.name).sort()).toEqual(['Helsinki', 'Oslo']);
    const graph = await get('/graph?since=2025-01-01');
    conforms(responses.graph, graph.body);
    // the smugglers have neither entity nor code, so the navy's COERCE draws no edge
    expect(graph.body.edges).toHaveLength(1);
    const consult = graph.body.edges.find((e: any) => e.types.CONSULT);
    const label = (k: string) => graph.body.nodes.find((n: any) => n.key === k).label;
    expect([label(consult.source), label(consult.target)]).toEqual(['Ola Berg', 'Finland']);
    expect((await get('/graph?type=ASSAULT')).body.edges).toEqual([]);
  });

  it('answers bad filters with a clear 400', async () => {
    const { status, body } = await get('/events?since=yesterday');
    expect(status).toBe(400);
    expect(body.message).toMatch(/since/);
    expect((await get('/events?type=HUG')).status).toBe(400);
    expect((await get('/events?limit=0')).status).toBe(400);
    expect((await get('/events?limit=abc')).status).toBe(400);
  });
});

describe('search', () => {
  it('finds words in reports and in quotes, stemmed, with marked hits', async () => {
    const { body } = await get('/search?q=intercepting%20smuggler');
    conforms(responses.search, body);
    expect(body.items.map((h: any) => h.kind).sort()).toEqual(['document', 'quote']);
    expect(body.items[0].snippet).toContain('\u0002');
    expect((await get('/search?q=%22%29%28*')).body.total).toBe(0); // FTS syntax is taken literally
    expect((await get('/search')).status).toBe(400);
  });
});

describe('analysis and writes', () => {
  const text = 'Tallinn, June 9 : Estonia said on Monday it expelled two diplomats.';

  it('analyses without storing', async () => {
    const res = await post('/analyze', { text, date: '2025-06-09' });
    expect(res.status).toBe(200);
    const body = conforms(responses.analysis, await res.json());
    expect(body.document.published).toBe('2025-06-09');
    expect(body.document.text).toBe(text);
    expect((await get('/documents')).body.total).toBe(3);
  });

  it('needs the token to store, then stores once', async () => {
    expect((await post('/documents', { text })).status).toBe(401);
    expect((await post('/documents', { text }, { authorization: 'Bearer wrong' })).status).toBe(401);
    const first = await post('/documents', { text, id: 'tallinn' }, { authorization: 'Bearer sesame' });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: 'stored', id: 'tallinn' });
    const again = await post('/documents', { text, id: 'tallinn' }, { authorization: 'Bearer sesame' });
    expect(((await again.json()) as any).status).toBe('held');
    // the report, and its quote where today's pipeline finds one
    const hits = (await get('/search?q=diplomats')).body.items;
    expect(hits.filter((h: any) => h.kind === 'document').map((h: any) => h.document)).toEqual(['tallinn']);
  });

  it('rejects bad bodies with 4xx JSON, never a crash', async () => {
    const bad = async (body: unknown) => {
      const res = await post('/analyze', body);
      return { status: res.status, body: (await res.json()) as any };
    };
    expect(await bad('{not json')).toEqual({ status: 400, body: { status: 400, message: 'request body is not valid JSON' } });
    expect((await bad({})).status).toBe(400);
    expect((await bad({ text: '' })).status).toBe(400);
    expect((await bad({ text: '   ' })).status).toBe(400);
    expect((await bad({ text, date: '9 June' })).status).toBe(400);
    const huge = await post('/analyze', { text: 'x'.repeat(3 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ status: 413, message: 'request body too large' });
  });

  it('answers unknown routes and foreign Host headers with JSON errors', async () => {
    expect(await get('/nowhere')).toEqual({ status: 404, body: { status: 404, message: 'no such route' } });
    const { request } = await import('node:http');
    const status = await new Promise<number>((ok, fail) => {
      const u = new URL(fx.url);
      request({ host: u.hostname, port: u.port, path: '/health', headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      }).on('error', fail).end();
    });
    expect(status).toBe(400);
  });
});
