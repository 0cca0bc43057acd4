import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../../src/serve/app.js';
import { ROUTES, openApiDocument } from '../../src/serve/openapi.js';
import { createEngine } from '../../src/engine.js';
import type { Store } from '../../src/store/store.js';

/**
 * A structural check of the document against OpenAPI 3.1 (the parts we use): every
 * operation has an id, responses and well-formed parameters; every path parameter is
 * declared; every $ref resolves.
 */
const schemaObject = z.record(z.string(), z.unknown());
const parameter = z.object({
  name: z.string().min(1), in: z.enum(['query', 'path', 'header', 'cookie']), required: z.boolean(),
  description: z.string().optional(), schema: schemaObject,
}).strict();
const operation = z.object({
  operationId: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), summary: z.string().min(1), tags: z.array(z.string()),
  parameters: z.array(parameter),
  requestBody: z.object({ required: z.boolean(), content: z.record(z.string(), z.object({ schema: schemaObject })) }).optional(),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  responses: z.record(z.string().regex(/^[1-5]\d\d$/), z.object({ description: z.string(), content: z.record(z.string(), z.object({ schema: schemaObject })).optional() })),
}).strict();
const document = z.object({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.object({ title: z.string(), version: z.string(), description: z.string().optional(), license: z.object({ name: z.string(), identifier: z.string().optional() }).optional() }),
  servers: z.array(z.object({ url: z.string() })).optional(),
  paths: z.record(z.string().regex(/^\//), z.partialRecord(z.enum(['get', 'post', 'put', 'patch', 'delete']), operation)),
  components: z.object({ schemas: z.record(z.string(), schemaObject), securitySchemes: z.record(z.string(), z.object({ type: z.string(), scheme: z.string() })) }),
}).strict();

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('OpenAPI document', () => {
  const doc = openApiDocument({ version: '1.2.3' });

  it('is a well-formed OpenAPI 3.1 document', () => {
    const r = document.safeParse(doc);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o: any) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares every path parameter and resolves every $ref', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops) as any[]) {
        const declared = op.parameters.filter((p: any) => p.in === 'path').map((p: any) => p.name);
        expect(declared.sort(), path).toEqual(inPath.sort());
      }
    }
    for (const ref of refs(doc)) {
      const target = ref.replace(/^#\//, '').split('/').reduce<any>((o, k) => o?.[k], doc);
      expect(target, ref).toBeTruthy();
    }
  });

  it('describes every API route the app serves, and nothing it does not', () => {
    const app = createApp({ store: {} as Store, engine: createEngine(), webDir: null });
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && !['/openapi.json', '/', '/index.html', '/assets/*', '/favicon.svg'].includes(r.path))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    expect([...served].sort()).toEqual([...documented].sort());
    expect(documented.size).toBe(ROUTES.length);
    for (const r of ['/analyze', '/documents', '/documents/{id}', '/entities', '/entities/{id}', '/attributions', '/events', '/graph', '/search']) {
      expect(doc.paths).toHaveProperty([r]);
    }
  });

  it('marks the write route as needing the bearer token', () => {
    expect(doc.paths['/documents'].post).toMatchObject({ security: [{ bearer: [] }] });
    expect(doc.paths['/documents'].get).not.toHaveProperty('security');
  });
});
