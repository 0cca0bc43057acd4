/**
 * @module serve/openapi
 * The API's routes as data (method, path, input and output schemas), and the OpenAPI 3.1
 * document built from them. `app.ts` registers a handler for each route here by its
 * `operationId`, and a test checks the two agree, so every route is documented.
 */
import { z } from 'zod';
import * as s from './schemas.js';

export interface RouteSpec {
  method: 'get' | 'post';
  /** OpenAPI path template (`/documents/{id}`). */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodObject;
  response: z.ZodType;
  /** Needs the bearer token whenever the server has one. */
  write?: boolean;
  /** Extra error statuses this route answers with. */
  errors?: number[];
}

export const ROUTES: readonly RouteSpec[] = [
  { method: 'get', path: '/health', operationId: 'health', summary: 'Liveness, store size, and whether writes need a token.', tag: 'meta', response: s.responses.health },
  { method: 'post', path: '/analyze', operationId: 'analyze', summary: 'Analyse a report; nothing is stored. Returns Contract 1.', tag: 'analysis', body: s.reportBody, response: s.responses.analysis, errors: [400, 413] },
  { method: 'post', path: '/documents', operationId: 'putDocument', summary: 'Analyse a report and store it (a report already held is a no-op).', tag: 'documents', body: s.reportBody, response: s.responses.put, write: true, errors: [400, 401, 413] },
  { method: 'get', path: '/documents', operationId: 'listDocuments', summary: 'Stored reports, newest first.', tag: 'documents', query: s.documentsQuery, response: s.responses.documents, errors: [400] },
  { method: 'get', path: '/documents/{id}', operationId: 'getDocument', summary: 'One stored analysis, by document id or hash, with its entities\' canonical ids.', tag: 'documents', params: s.idParam, response: s.responses.document, errors: [404] },
  { method: 'get', path: '/entities', operationId: 'listEntities', summary: 'Canonical entities across reports, most reported first.', tag: 'entities', query: s.entitiesQuery, response: s.responses.entities, errors: [400] },
  { method: 'get', path: '/entities/{id}', operationId: 'getEntity', summary: 'One entity: its timeline, its quotes, what it did, what was done to it, and the actors it meets.', tag: 'entities', params: s.entityIdParam, query: s.entityQuery, response: s.responses.entity, errors: [400, 404] },
  { method: 'get', path: '/attributions', operationId: 'listAttributions', summary: 'Who said what: quotes filtered by source, claimant and text.', tag: 'attributions', query: s.attributionsQuery, response: s.responses.attributions, errors: [400] },
  { method: 'get', path: '/events', operationId: 'listEvents', summary: 'PLOVER events filtered by actor, country, type, date range, claimant and place.', tag: 'events', query: s.eventsQuery, response: s.responses.events, errors: [400] },
  { method: 'get', path: '/events/dates', operationId: 'eventDates', summary: 'How many matching events fall on each day or month (for a timeline).', tag: 'events', query: s.eventDatesQuery, response: s.responses.eventDates, errors: [400] },
  { method: 'get', path: '/places', operationId: 'eventPlaces', summary: 'Places of matching events with counts, for a map.', tag: 'events', query: s.placesQuery, response: s.responses.places, errors: [400] },
  { method: 'get', path: '/graph', operationId: 'actorGraph', summary: 'Actor-to-actor edges with counts by event type over a date range.', tag: 'events', query: s.graphQuery, response: s.responses.graph, errors: [400] },
  { method: 'get', path: '/search', operationId: 'search', summary: 'Full-text search over reports and quotes.', tag: 'search', query: s.searchQuery, response: s.responses.search, errors: [400] },
];

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request: the input failed validation.',
  401: 'A bearer token is required.',
  404: 'Not found.',
  413: 'Request body too large.',
  500: 'Server error.',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

function parameters(obj: z.ZodObject | undefined, where: 'query' | 'path') {
  if (!obj) return [];
  const schema = jsonSchema(obj, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: where,
      required: where === 'path' || (schema.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/**
 * The OpenAPI 3.1 document for the API.
 *
 * @example
 * const doc = openApiDocument({ version: '0.1.0' });
 * Object.keys(doc.paths); // ['/health', '/analyze', '/documents', …]
 */
export function openApiDocument(info: { version: string; serverUrl?: string } = { version: '0.0.0' }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const responses: Record<string, unknown> = {
      '200': { description: 'OK', content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } },
    };
    for (const status of [...(r.errors ?? []), 500]) {
      responses[String(status)] = { description: STATUS_TEXT[status] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    paths[r.path] ??= {};
    paths[r.path][r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } }
        : {}),
      ...(r.write ? { security: [{ bearer: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'dateline API',
      version: info.version,
      description:
        'Reports analysed into entities, times, attributions and PLOVER events (Contract 1, `dateline/analysis@1`), ' +
        'stored and queried. Lists are paged with `limit` and `offset` and report `total`. Errors are JSON `{ status, message }`. ' +
        'Write routes need `Authorization: Bearer <token>` when the server was given a token (always, beyond loopback).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Error: jsonSchema(s.errorSchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
