/**
 * Two small analyses written out by hand, so the store suites test storage and queries
 * exactly, independent of how well the pipeline's stages do.
 */
import type { Analysis, AnalysisEntity } from '../../src/types.js';
import { readReport } from '../../src/ingest/report.js';

function span(text: string, part: string, from = 0) {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`fixture: ${part} not in text`);
  return { start, end: start + part.length, text: part };
}

export function analysisOf(text: string, date: string, id: string, build: (t: string) => Omit<Analysis, 'schema' | 'document'>): Analysis {
  return { schema: 'dateline/analysis@1', document: readReport(text, { id, date }), ...build(text) };
}

const person = (id: string, name: string, country: string, sector: string, aliases: string[]): AnalysisEntity => ({
  id, name, type: 'PERSON', country, sector, aliases,
});

/** A minister quoted directly, and an assault he claims. */
export const reportA = analysisOf(
  'Oslo, May 2 : Foreign Minister Ola Berg said on Friday, "Our navy intercepted the smugglers." Berg added that talks would follow.',
  '2025-05-02',
  'a.txt',
  (t) => ({
    sentences: [span(t, 'Foreign Minister Ola Berg said on Friday, "Our navy intercepted the smugglers."'), span(t, 'Berg added that talks would follow.')],
    entities: [
      person('e1', 'Ola Berg', 'NOR', 'GOV', ['Ola Berg', 'Berg', 'Foreign Minister Ola Berg']),
      { id: 'e2', name: 'Norwegian navy', type: 'ORG', country: 'NOR', sector: 'MIL', aliases: ['Our navy'] },
      { id: 'e3', name: 'Oslo', type: 'GPE', country: 'NOR', sector: null, aliases: ['Oslo'] },
    ],
    mentions: [
      { id: 'm1', ...span(t, 'Oslo'), type: 'GPE', entity: 'e3', kind: 'name' },
      { id: 'm2', ...span(t, 'Ola Berg'), type: 'PERSON', entity: 'e1', kind: 'name' },
      { id: 'm3', ...span(t, 'Our navy'), type: 'ORG', entity: 'e2', kind: 'nominal' },
      { id: 'm4', ...span(t, 'Berg', t.indexOf('Berg added')), type: 'PERSON', entity: 'e1', kind: 'name' },
    ],
    times: [{ id: 't1', ...span(t, 'on Friday'), type: 'DATE', value: '2025-05-02' }],
    attributions: [
      { id: 'a1', kind: 'direct', source: { ...span(t, 'Ola Berg'), entity: 'e1' }, cue: span(t, 'said'), content: span(t, 'Our navy intercepted the smugglers.'), parent: null },
      { id: 'a2', kind: 'indirect', source: { ...span(t, 'Berg', t.indexOf('Berg added')), entity: 'e1' }, cue: span(t, 'added'), content: span(t, 'talks would follow'), parent: null },
    ],
    events: [
      {
        id: 'v1', type: 'COERCE', mode: null, context: [], trigger: span(t, 'intercepted'),
        source: [{ ...span(t, 'Our navy'), entity: 'e2', code: 'NOR', sector: 'MIL' }], target: [{ ...span(t, 'the smugglers'), entity: null, code: null, sector: 'CRM' }],
        time: 't1', date: '2025-05-02', location: 'e3', polarity: 'positive', modality: 'asserted', claimedIn: 'a1', claimants: ['e1'],
      },
    ],
  }),
);

/** The same minister, spelled the same, in another report: the store merges him. */
export const reportB = analysisOf(
  'Minister Ola Berg met Finnish officials in Helsinki on June 3, 2025.',
  '2025-06-04',
  'b.txt',
  (t) => ({
    sentences: [span(t, t.trim())],
    entities: [
      person('e1', 'Ola Berg', 'NOR', 'GOV', ['Ola Berg', 'Minister Ola Berg']),
      { id: 'e2', name: 'Finland', type: 'GPE', country: 'FIN', sector: 'GOV', aliases: ['Finnish officials'] },
      { id: 'e3', name: 'Helsinki', type: 'GPE', country: 'FIN', sector: null, aliases: ['Helsinki'] },
    ],
    mentions: [
      { id: 'm1', ...span(t, 'Ola Berg'), type: 'PERSON', entity: 'e1', kind: 'name' },
      { id: 'm2', ...span(t, 'Finnish officials'), type: 'NORP', entity: 'e2', kind: 'nominal' },
      { id: 'm3', ...span(t, 'Helsinki'), type: 'GPE', entity: 'e3', kind: 'name' },
    ],
    times: [{ id: 't1', ...span(t, 'June 3, 2025'), type: 'DATE', value: '2025-06-03' }],
    attributions: [],
    events: [
      {
        id: 'v1', type: 'CONSULT', mode: null, context: [], trigger: span(t, 'met'),
        source: [{ ...span(t, 'Minister Ola Berg'), entity: 'e1', code: 'NOR', sector: 'GOV' }],
        target: [{ ...span(t, 'Finnish officials'), entity: 'e2', code: 'FIN', sector: 'GOV' }],
        time: 't1', date: '2025-06-03', location: 'e3', polarity: 'positive', modality: 'asserted', claimedIn: null, claimants: [],
      },
    ],
  }),
);
