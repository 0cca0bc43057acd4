/**
 * @module web/api
 * Typed calls to the dateline API (same origin). Errors come back as JSON
 * `{ status, message }` and are thrown as {@link ApiError}.
 */

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export type Query = Record<string, string | number | null | undefined>;

export function qs(params: Query): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? '?' + s : '';
}

async function parse<T>(res: Response): Promise<T> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const msg = (body as { message?: string } | null)?.message ?? res.statusText;
    throw new ApiError(res.status, msg);
  }
  return body as T;
}

export async function get<T>(path: string, params: Query = {}): Promise<T> {
  return parse<T>(await fetch(path + qs(params), { headers: { accept: 'application/json' } }));
}

export async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return parse<T>(await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) }));
}

// ------------------------------------------------------------------ shapes (see /openapi.json)

export interface Span { start: number; end: number; text: string }
export interface Page<T> { items: T[]; total: number; limit: number; offset: number }

export interface Analysis {
  schema: string;
  document: {
    id: string; hash: string; title: string | null; url: string | null; source: string | null; published: string | null;
    dateline: (Span & { place: string; country: string | null }) | null; language: string; text: string;
  };
  sentences: Span[];
  entities: { id: string; name: string; type: string; country: string | null; sector: string | null; aliases: string[]; by?: string }[];
  mentions: (Span & { id: string; type: string; entity: string | null; kind: string; by?: string })[];
  times: (Span & { id: string; type: string; value: string; mod?: string | null; anchor?: string | null; by?: string })[];
  attributions: {
    id: string; kind: string; source: (Span & { entity: string | null }) | null; cue: Span | null;
    content: Span & { parts?: Span[] }; parent: string | null; by?: string;
  }[];
  events: {
    id: string; type: string; mode: string | null; context: string[]; trigger: Span;
    source: (Span & { entity: string | null; code: string | null; sector: string | null })[];
    target: (Span & { entity: string | null; code: string | null; sector: string | null })[];
    time: string | null; date: string | null; dateInferred?: boolean; location: string | null;
    polarity: string; modality: string; claimedIn: string | null; claimants: string[]; by?: string;
  }[];
}

export interface DocumentSummary {
  hash: string; id: string; title: string | null; published: string | null; dateline: string | null; snippet: string;
  entities: number; attributions: number; events: number;
}
export interface EntitySummary { id: number; name: string; type: string; country: string | null; sector: string | null; documents: number; aliases: string[] }
export interface QuoteRow {
  document: string; documentHash: string; published: string | null; id: string; kind: string; speaker: string | null;
  speakerId: number | null; chain: string[]; cue: string | null; text: string; parent: string | null;
}
export interface EntityRef { id: number; name: string }
export interface EventActor { text: string; entityId: number | null; name: string | null; code: string | null; sector: string | null }
export interface EventItem {
  document: string; documentHash: string; id: string; type: string; mode: string | null; trigger: string; triggerStart: number;
  date: string | null; dateInferred: boolean; place: EntityRef | null; polarity: string; modality: string; claimedIn: string | null;
  source: EventActor[]; target: EventActor[]; claimants: EntityRef[];
}
export interface TimelineItem { date: string | null; kind: 'event' | 'quote'; document: string; documentHash: string; summary: string; role: string }
export interface Counterpart { entity: EntityRef; as: { source: number; target: number }; types: Record<string, number>; total: number }
export interface EntityPage {
  entity: EntitySummary; timeline: TimelineItem[]; quotes: Page<QuoteRow>; did: Page<EventItem>; doneTo: Page<EventItem>; meets: Page<Counterpart>;
}
export interface GraphNode { key: string; entityId: number | null; label: string; code: string | null; sector: string | null; weight: number }
export interface GraphEdge { source: string; target: string; total: number; types: Record<string, number> }
export interface Place {
  entityId: number; name: string; type: string; country: string | null; numeric: string | null; lat: number | null; lon: number | null;
  count: number; types: Record<string, number>;
}
export interface SearchHit {
  kind: 'document' | 'quote'; document: string; documentHash: string; id: string | null; title: string | null;
  published: string | null; speaker: string | null; snippet: string;
}

export const PLOVER = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

/** Cooperative types draw cool, conflictual warm: the usual reading of PLOVER's order. */
export function typeColor(type: string): string {
  const i = PLOVER.indexOf(type as (typeof PLOVER)[number]);
  if (i < 0) return '#888';
  const palette = ['#2b8a3e', '#2f9e44', '#37b24d', '#40c057', '#1c7ed6', '#1098ad', '#74b816', '#f59f00',
    '#f08c00', '#e8590c', '#d9480f', '#c2255c', '#a61e4d', '#862e9c', '#c92a2a', '#a51111'];
  return palette[i];
}
