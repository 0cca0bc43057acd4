/**
 * The store conformance suite: every backend runs exactly these specs (Hono's
 * `common.case.test.ts` idea). A backend's own test file only says how to open it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { findEvents } from '../../src/store/queries.js';
import { reportA, reportB } from './fixtures.js';

export function runStoreConformance(name: string, open: () => Promise<Store>, cleanup?: () => Promise<void>) {
  describe(`store conformance: ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('stores a document once; the same text again is a no-op', async () => {
      expect((await store.put(reportA)).status).toBe('stored');
      expect((await store.put(reportA)).status).toBe('held');
      expect(await store.countDocuments()).toBe(1);
    });

    it('gives back the analysis exactly as produced, by id or hash', async () => {
      expect(await store.getAnalysis('a.txt')).toEqual(reportA);
      expect(await store.getAnalysis(reportA.document.hash)).toEqual(reportA);
      expect(await store.getAnalysis('nope')).toBeNull();
    });

    it('merges the same actor across documents and counts its documents', async () => {
      await store.put(reportB);
      const page = await store.entities({ q: 'berg' });
      expect(page.total).toBe(1);
      expect(page.items[0]).toMatchObject({ name: 'Ola Berg', country: 'NOR', sector: 'GOV', documents: 2 });
      expect(page.items[0].aliases).toEqual(expect.arrayContaining(['Berg', 'Minister Ola Berg', 'Foreign Minister Ola Berg']));
    });

    it('finds an entity by alias, case-insensitively', async () => {
      expect((await store.findEntity('foreign minister ola berg'))?.name).toBe('Ola Berg');
      expect(await store.findEntity('Nobody Atall')).toBeNull();
    });

    it('lists quotes by speaker with their relay chain', async () => {
      const q = await store.quotes({ speaker: 'Berg' });
      expect(q.total).toBe(2);
      expect(q.items.map((r) => r.text)).toEqual(['Our navy intercepted the smugglers.', 'talks would follow']);
      expect(q.items[0].chain).toEqual(['Ola Berg']);
      expect((await store.quotes({ speaker: 'Helsinki' })).total).toBe(0);
    });

    it('filters events by actor code, type and date range', async () => {
      expect((await findEvents(store)).total).toBe(2);
      expect((await findEvents(store, { actor: 'FIN' })).items.map((e) => e.type)).toEqual(['CONSULT']);
      expect((await findEvents(store, { actor: 'NOR-MIL' })).items.map((e) => e.type)).toEqual(['COERCE']);
      expect((await findEvents(store, { type: 'coerce' })).total).toBe(1);
      expect((await findEvents(store, { since: '2025-06-01' })).items.map((e) => e.date)).toEqual(['2025-06-03']);
      expect((await findEvents(store, { until: '2025-05-31' })).items.map((e) => e.date)).toEqual(['2025-05-02']);
      const berg = await store.findEntity('Ola Berg');
      expect((await findEvents(store, { actor: berg!.id })).total).toBe(1);
      expect((await findEvents(store, { actor: berg!.id, role: 'target' })).total).toBe(0);
      expect((await findEvents(store, { country: 'FIN' })).items.map((e) => e.type)).toEqual(['CONSULT']);
    });

    it('filters events by claimant and gives claimants and place by name', async () => {
      const berg = await store.findEntity('Ola Berg');
      const claimed = await findEvents(store, { claimant: berg!.id });
      expect(claimed.items.map((e) => e.type)).toEqual(['COERCE']);
      expect(claimed.items[0].claimants.map((c) => c.name)).toEqual(['Ola Berg']);
      expect(claimed.items[0].place?.name).toBe('Oslo');
    });

    it('builds an entity timeline of events and quotes in date order', async () => {
      const berg = await store.findEntity('Ola Berg');
      const items = await store.timeline(berg!.id);
      expect(items.map((i) => [i.date, i.kind])).toEqual([
        ['2025-05-02', 'quote'],
        ['2025-05-02', 'quote'],
        ['2025-06-03', 'event'],
      ]);
    });

    it('pages lists and clamps silly page sizes', async () => {
      const p = await store.listDocuments({ limit: 1, offset: 1 });
      expect(p.total).toBe(2);
      expect(p.items).toHaveLength(1);
      expect(p.items[0].id).toBe('a.txt');
      expect((await store.listDocuments({ limit: -5 })).limit).toBe(1);
    });

    it('never keeps half a document when a write fails', async () => {
      const broken = structuredClone(reportA);
      broken.document.text = 'A different text, so a different hash.';
      broken.document.hash = 'sha256:broken';
      broken.document.id = 'broken.txt';
      // two mentions with one id violate the mentions primary key half way through the write
      broken.mentions.push({ ...broken.mentions[0] });
      await expect(store.put(broken)).rejects.toThrow();
      expect(await store.has('sha256:broken')).toBe(false);
      expect(await store.countDocuments()).toBe(2);
    });

    it('merges named actors across reports but keeps one known only by a role to its own report', async () => {
      // the same story told again: Berg is named, the navy only ever "Our navy" (a nominal)
      const again = structuredClone(reportA);
      again.document.hash = 'sha256:again';
      again.document.id = 'a-again.txt';
      await store.put(again);
      expect((await store.findEntity('Ola Berg'))?.documents).toBe(3);
      const navies = await store.entities({ q: 'navy' });
      expect(navies.items.map((e) => e.documents)).toEqual([1, 1]);
    });

    it('names a merged entity in mixed case rather than in capitals, across reports and within one', async () => {
      const withTown = (hash: string, names: string[]) => {
        const r = structuredClone(reportB);
        r.document.hash = hash;
        r.document.id = `${hash}.txt`;
        r.entities = names.map((name, i) => ({ id: `t${i}`, name, type: 'GPE', country: 'NOR', sector: null, aliases: [name] }));
        // a name mention each: only a named entity merges across reports
        r.mentions = names.map((_, i) => ({ id: `m${i}`, start: 0, end: 8, text: r.document.text.slice(0, 8), type: 'GPE', entity: `t${i}`, kind: 'name' as const }));
        r.events = [];
        return r;
      };
      // a dateline's capitals first, the body's spelling later: the later one names it
      await store.put(withTown('sha256:caps1', ['TROMSO']));
      await store.put(withTown('sha256:caps2', ['Tromso']));
      // and the other way round: capitals later do not take the name back, even when longer
      await store.put(withTown('sha256:caps3', ['Narvik']));
      await store.put(withTown('sha256:caps4', ['NARVIK ']));
      // two spellings in one report fold into one entity, counted once
      await store.put(withTown('sha256:caps5', ['BODO', 'Bodo']));
      expect(await store.findEntity('tromso')).toMatchObject({ name: 'Tromso', documents: 2 });
      expect(await store.findEntity('narvik')).toMatchObject({ name: 'Narvik', documents: 2 });
      expect(await store.findEntity('bodo')).toMatchObject({ name: 'Bodo', documents: 1 });
    });
  });
}
