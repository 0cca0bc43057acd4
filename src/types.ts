/**
 * @module types
 * The two shapes everything else is written against:
 * - Contract 1 of DESIGN.md, `dateline/analysis@1` (the `Analysis*` types), which outside
 *   tools rely on and which changes only by adding fields;
 * - the `WorkingDoc` that the pipeline's stages pass along, one layer each.
 *
 * Every produced value carries `by`: the rule or model that made it (chrono-node's
 * "tagged with the rule that produced it"), so an analyst can ask why and we can debug.
 */

/** A standoff span: UTF-16 offsets into `document.text`, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT' | 'LAW' | 'MISC';
export type MentionKind = 'name' | 'nominal' | 'pronoun' | 'metonym';
export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type AttributionKind = 'direct' | 'indirect' | 'mixed';
export type Polarity = 'positive' | 'negative';
export type Modality = 'asserted' | 'hypothetical' | 'future' | 'intended';

/** PLOVER v0.8 event types, as POLECAT uses them. */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** The dateline of a report ("Moscow [Russia], April 28 :"), a span inside the text. */
export interface Dateline extends Span {
  place: string;
  /** ISO 3166-1 alpha-3, or null when it cannot be told. */
  country: string | null;
}

/** `document` of Contract 1. */
export interface DocumentMeta {
  id: string;
  /** `sha256:` + hex digest of `text`; the store's key for "already have it". */
  hash: string;
  title: string | null;
  url: string | null;
  source: string | null;
  /** ISO 8601 date or date-time; the anchor for relative times. Null when unknown. */
  published: string | null;
  dateline: Dateline | null;
  language: string;
  text: string;
}

export interface AnalysisEntity {
  id: string;
  name: string;
  type: EntityType;
  country: string | null;
  sector: string | null;
  aliases: string[];
  /** Added: where a place resolves to a point (`null` otherwise). */
  geo?: { lat: number; lon: number; admin1: string | null } | null;
  by?: string;
}

export interface AnalysisMention extends Span {
  id: string;
  type: EntityType;
  entity: string | null;
  kind: MentionKind;
  by?: string;
}

export interface AnalysisTime extends Span {
  id: string;
  type: TimeType;
  value: string;
  /** TimeML `mod` (APPROX, BEFORE, START, …) where it has one. */
  mod?: string | null;
  /** Which parts of `value` the text stated, and which were inferred from the anchor. */
  stated?: string[];
  inferred?: string[];
  /** The anchor the value was resolved against ('dct' or a time id). */
  anchor?: string | null;
  by?: string;
}

export interface SourceSpan extends Span {
  entity: string | null;
}

export interface AnalysisAttribution {
  id: string;
  kind: AttributionKind;
  source: SourceSpan | null;
  cue: Span | null;
  content: Span & { parts?: Span[] };
  parent: string | null;
  by?: string;
}

export interface EventActor extends Span {
  entity: string | null;
  code: string | null;
  sector: string | null;
}

export interface AnalysisEvent {
  id: string;
  type: PloverType;
  mode: string | null;
  context: string[];
  trigger: Span;
  source: EventActor[];
  target: EventActor[];
  time: string | null;
  date: string | null;
  /** True when `date` is the report's date because the sentence gave none. */
  dateInferred?: boolean;
  location: string | null;
  polarity: Polarity;
  modality: Modality;
  claimedIn: string | null;
  claimants: string[];
  by?: string;
}

/** A positioned note on why something was doubted or dropped (vfile's `message`). */
export interface Message {
  stage: string;
  reason: string;
  start?: number;
  end?: number;
}

/** Contract 1: `dateline/analysis@1`. */
export interface Analysis {
  schema: 'dateline/analysis@1';
  document: DocumentMeta;
  sentences: Span[];
  entities: AnalysisEntity[];
  mentions: AnalysisMention[];
  times: AnalysisTime[];
  attributions: AnalysisAttribution[];
  events: AnalysisEvent[];
  /** Added: stage messages (doubts, drops). Present, possibly empty. */
  messages?: Message[];
}

// ---------------------------------------------------------------------------
// The working document the stages pass along.
// ---------------------------------------------------------------------------

/** One token: offsets into the text. `text` is `document.text.slice(start, end)`. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

/** A sentence: its span and the half-open range of its tokens. */
export interface Sentence extends Span {
  tokenStart: number;
  tokenEnd: number;
}

/**
 * The reference context every stage reads instead of a silent "now": the document date
 * (the anchor for relative times) and the dateline.
 */
export interface ReferenceContext {
  /** YYYY-MM-DD, or null when the report has no date (relative times then stay unresolved). */
  documentDate: string | null;
  dateline: Dateline | null;
}

/**
 * The document as it moves through the pipeline. Each stage reads the layers before it
 * and fills one more; offsets into `text` are the glue, and no stage re-tokenises.
 */
export interface WorkingDoc {
  readonly document: DocumentMeta;
  readonly text: string;
  readonly context: ReferenceContext;
  /** Set by the tokenizer, or given by the input (CoNLL tokens are taken as given). */
  tokens: Token[];
  sentences: Sentence[];
  /** Penn Treebank part-of-speech tag per token, when a tagger ran. */
  pos: string[] | null;
  /** Dependency parse per token: head index (-1 = root) and relation, when a parser ran. */
  heads: Int32Array | null;
  deprels: string[] | null;
  /** IOB2 NER tag per token (types PER ORG LOC MISC), when the tagger ran. */
  nerTags: string[] | null;
  mentions: AnalysisMention[];
  entities: AnalysisEntity[];
  times: AnalysisTime[];
  attributions: AnalysisAttribution[];
  events: AnalysisEvent[];
  messages: Message[];
  /** Typed scratch space stages may share (e.g. resolve's per-mention data for events). */
  data: Record<string, unknown>;
}

/**
 * A pipeline stage: reads earlier layers of the working document and adds one.
 * Stages are plain objects so a configuration can list, replace or drop them.
 */
export interface Stage {
  /** Stable name, used in `by` provenance and in messages. */
  readonly name: string;
  run(doc: WorkingDoc): void;
}
