/**
 * @module serve/schemas
 * The API's inputs and outputs as zod schemas. Inputs are validated with them at runtime;
 * the OpenAPI document (`openapi.ts`) is generated from the same schemas, so what is
 * documented is what is enforced.
 */
import { z } from 'zod';
import { PLOVER_TYPES } from '../types.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const isoDateOrTime = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/, 'expected an ISO 8601 date');
const code3 = z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 code');
/** An entity's numeric id, or a name/alias that the store resolves. */
const entityRef = z.string().min(1).max(200);

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Page size (1–500).'),
  offset: z.coerce.number().int().min(0).default(0).describe('Items to skip.'),
});

export const documentsQuery = pageQuery.extend({
  q: z.string().min(1).max(500).optional().describe('Words in the title or text (substring match).'),
});

export const entitiesQuery = pageQuery.extend({
  q: z.string().min(1).max(200).optional().describe('Part of a name or alias.'),
  type: z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'LAW', 'MISC']).optional(),
  country: code3.optional(),
});

export const entityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20).describe('Size of each list in the answer.'),
});

export const attributionsQuery = pageQuery.extend({
  source: entityRef.optional().describe('Speaker: entity id, name or alias.'),
  claimant: entityRef.optional().describe('Anyone in the relay chain: entity id, name or alias.'),
  text: z.string().min(1).max(500).optional().describe('Words in the quoted content.'),
});

export const eventsQuery = pageQuery.extend({
  actor: entityRef.optional().describe('Entity id, name or alias, or an actor code (RUS, RUS-MIL).'),
  role: z.enum(['source', 'target']).optional().describe('Which side the actor stands on.'),
  country: code3.optional().describe('An actor of this country, or an event placed in it.'),
  type: z.enum(PLOVER_TYPES).optional().describe('PLOVER event type.'),
  since: isoDateOrTime.optional(),
  until: isoDateOrTime.optional(),
  claimant: entityRef.optional().describe('Who claims the event: entity id, name or alias.'),
  place: entityRef.optional().describe('Where it happened: entity id, name or alias.'),
  document: z.string().min(1).max(200).optional().describe('Only this document (id or hash).'),
});

export const eventDatesQuery = eventsQuery.omit({ limit: true, offset: true }).extend({
  by: z.enum(['day', 'month']).default('day'),
});

export const graphQuery = z.object({
  since: isoDateOrTime.optional(),
  until: isoDateOrTime.optional(),
  type: z.enum(PLOVER_TYPES).optional(),
  country: code3.optional().describe('Only edges with an actor of this country.'),
  limit: z.coerce.number().int().min(1).max(1000).default(150).describe('Most edges (heaviest first).'),
});

export const placesQuery = eventsQuery.omit({ offset: true }).extend({
  limit: z.coerce.number().int().min(1).max(1000).default(300),
});

export const searchQuery = pageQuery.extend({
  q: z.string().min(1).max(500).describe('Words to find in reports and quotes.'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const idParam = z.object({ id: z.string().min(1).max(200) });
export const entityIdParam = z.object({ id: z.string().regex(/^\d+$/, 'expected a numeric entity id') });

export const reportBody = z.object({
  text: z.string().min(1, 'text is empty').max(1_000_000),
  date: isoDate.optional().describe('Publication date where the text states none.'),
  id: z.string().min(1).max(200).optional(),
  title: z.string().max(1000).optional(),
  url: z.string().max(2000).optional(),
  source: z.string().max(200).optional(),
});

// ---------------------------------------------------------------------------- outputs

export const errorSchema = z.object({ status: z.number().int(), message: z.string() });

const span = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

/** Contract 1, `dateline/analysis@1`: the fields a consumer may rely on (producers may add). */
export const analysisSchema = z.looseObject({
  schema: z.literal('dateline/analysis@1'),
  document: z.looseObject({
    id: z.string(), hash: z.string(), title: z.string().nullable(), url: z.string().nullable(), source: z.string().nullable(),
    published: z.string().nullable(), dateline: span.extend({ place: z.string(), country: z.string().nullable() }).nullable(),
    language: z.string(), text: z.string(),
  }),
  sentences: z.array(span),
  entities: z.array(z.looseObject({ id: z.string(), name: z.string(), type: z.string(), country: z.string().nullable(), sector: z.string().nullable(), aliases: z.array(z.string()) })),
  mentions: z.array(span.extend({ id: z.string(), type: z.string(), entity: z.string().nullable(), kind: z.string() }).loose()),
  times: z.array(span.extend({ id: z.string(), type: z.string(), value: z.string() }).loose()),
  attributions: z.array(z.looseObject({
    id: z.string(), kind: z.string(), source: span.extend({ entity: z.string().nullable() }).nullable(), cue: span.nullable(),
    content: span.extend({ parts: z.array(span).optional() }), parent: z.string().nullable(),
  })),
  events: z.array(z.looseObject({
    id: z.string(), type: z.string(), mode: z.string().nullable(), context: z.array(z.string()), trigger: span,
    source: z.array(span.extend({ entity: z.string().nullable(), code: z.string().nullable(), sector: z.string().nullable() })),
    target: z.array(span.extend({ entity: z.string().nullable(), code: z.string().nullable(), sector: z.string().nullable() })),
    time: z.string().nullable(), date: z.string().nullable(), location: z.string().nullable(), polarity: z.string(), modality: z.string(),
    claimedIn: z.string().nullable(), claimants: z.array(z.string()),
  })),
});

function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

const entityRefOut = z.object({ id: z.number().int(), name: z.string() });

export const documentSummary = z.object({
  hash: z.string(), id: z.string(), title: z.string().nullable(), published: z.string().nullable(), dateline: z.string().nullable(),
  snippet: z.string(), entities: z.number().int(), attributions: z.number().int(), events: z.number().int(),
});

export const entitySummary = z.object({
  id: z.number().int(), name: z.string(), type: z.string(), country: z.string().nullable(), sector: z.string().nullable(),
  documents: z.number().int(), aliases: z.array(z.string()),
});

export const quoteRow = z.object({
  document: z.string(), documentHash: z.string(), published: z.string().nullable(), id: z.string(), kind: z.string(),
  speaker: z.string().nullable(), speakerId: z.number().int().nullable(), chain: z.array(z.string()), cue: z.string().nullable(),
  text: z.string(), parent: z.string().nullable(),
});

const eventActor = z.object({
  text: z.string(), entityId: z.number().int().nullable(), name: z.string().nullable(), code: z.string().nullable(), sector: z.string().nullable(),
});

export const eventItem = z.object({
  document: z.string(), documentHash: z.string(), id: z.string(), type: z.string(), mode: z.string().nullable(), trigger: z.string(),
  triggerStart: z.number().int(), date: z.string().nullable(), dateInferred: z.boolean(), place: entityRefOut.nullable(),
  polarity: z.string(), modality: z.string(), claimedIn: z.string().nullable(),
  source: z.array(eventActor), target: z.array(eventActor), claimants: z.array(entityRefOut),
});

const timelineItem = z.object({
  date: z.string().nullable(), kind: z.enum(['event', 'quote']), document: z.string(), documentHash: z.string(), summary: z.string(), role: z.string(),
});

const counterpart = z.object({
  entity: entityRefOut, as: z.object({ source: z.number().int(), target: z.number().int() }),
  types: z.record(z.string(), z.number().int()), total: z.number().int(),
});

export const responses = {
  analysis: analysisSchema,
  put: z.object({ status: z.enum(['stored', 'held']), hash: z.string(), id: z.string(), analysis: analysisSchema.optional() }),
  documents: paged(documentSummary),
  document: z.object({
    analysis: analysisSchema,
    entityIds: z.record(z.string(), z.number().int()).describe('Local entity id → canonical entity id.'),
  }),
  entities: paged(entitySummary),
  entity: z.object({
    entity: entitySummary,
    timeline: z.array(timelineItem),
    quotes: paged(quoteRow),
    did: paged(eventItem).describe('Events where the entity is a source.'),
    doneTo: paged(eventItem).describe('Events where the entity is a target.'),
    meets: paged(counterpart).describe('Actors it meets in events, most frequent first.'),
  }),
  attributions: paged(quoteRow),
  events: paged(eventItem),
  eventDates: z.object({ by: z.enum(['day', 'month']), items: z.array(z.object({ date: z.string(), count: z.number().int() })) }),
  graph: z.object({
    nodes: z.array(z.object({
      key: z.string(), entityId: z.number().int().nullable(), label: z.string(), code: z.string().nullable(), sector: z.string().nullable(), weight: z.number().int(),
    })),
    edges: z.array(z.object({ source: z.string(), target: z.string(), total: z.number().int(), types: z.record(z.string(), z.number().int()) })),
    truncated: z.boolean(),
  }),
  places: z.object({
    items: z.array(z.object({
      entityId: z.number().int(), name: z.string(), type: z.string(), country: z.string().nullable(),
      numeric: z.string().nullable().describe('ISO 3166-1 numeric code of the country (world-atlas feature id).'),
      lat: z.number().nullable(), lon: z.number().nullable(), count: z.number().int(), types: z.record(z.string(), z.number().int()),
    })),
  }),
  search: paged(z.object({
    kind: z.enum(['document', 'quote']), document: z.string(), documentHash: z.string(), id: z.string().nullable(),
    title: z.string().nullable(), published: z.string().nullable(), speaker: z.string().nullable(),
    snippet: z.string().describe('Text with hits between U+0002 and U+0003.'),
  })),
  health: z.object({ status: z.literal('ok'), documents: z.number().int(), writable: z.boolean(), tokenRequired: z.boolean() }),
};
