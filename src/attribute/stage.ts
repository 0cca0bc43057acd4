/**
 * @module attribute/stage
 * The attribution stage: finds candidates (rules.ts), drops duplicates, nests them (an
 * attribution whose cue lies inside another's content is relayed by it), resolves each
 * source to an entity through the resolve layer, and writes `doc.attributions`.
 *
 * Sources are resolved in this order, and `by` says which step decided:
 *  1. the resolve layer: the longest mention inside the source span that has an entity;
 *  2. a document noun ("the statement", "the report") → whoever issued the last such document;
 *  3. a personal pronoun the resolve layer left unlinked → the previous speaker nearby;
 *  otherwise `entity` stays null.
 */
import type { AnalysisAttribution, Span, Stage, WorkingDoc } from '../types.js';
import { actorForSpan } from '../resolve/lookup.js';
import { defaultLexicon, type CueLexicon } from './lexicon.js';
import { findAttributions, type Candidate } from './rules.js';
import { cueContext, defaultCueModel, modelCandidates, parseSource, type CueModel } from './model.js';
import { cutContrastClauses, refineContentEnds, refineContentStarts, tokenAt, type EndModel } from './extent.js';
import { shippedRankingModel } from './ranker.js';
import { chooseSources, type SourceModel } from './source.js';
import { pollCandidates } from './polls.js';

export interface AttributionStageOptions {
  /** The cue lexicon; default: data/attribution/cues.json. */
  lexicon?: CueLexicon;
  /** The trained cue model; default: models/attribution/cue.json when present; null: rules only. */
  cueModel?: CueModel | null;
  /** The trained content-end model; default: models/attribution/end.json when present; null: the rules' ends. */
  endModel?: EndModel | null;
  /** The trained content-start model; default: models/attribution/start.json when present; null: the rules' starts. */
  startModel?: EndModel | null;
  /** The trained source chooser for model cues; default: models/attribution/source.json when present; null: the parse's sources. */
  sourceModel?: SourceModel | null;
}

const holds = (c: { content: Span; parts?: Span[] }, start: number, end: number) =>
  (c.parts ?? [c.content]).some((p) => p.start <= start && end <= p.end);

const size = (c: { content: Span }) => c.content.end - c.content.start;

/**
 * Builds an attribution stage.
 *
 * @example
 * const stages = [...earlier, createAttributionStage(), eventStage];
 */
export function createAttributionStage(options: AttributionStageOptions = {}): Stage {
  return {
    name: 'attribute',
    run(doc: WorkingDoc) {
      const lex = options.lexicon ?? defaultLexicon();
      const model = options.cueModel === undefined ? defaultCueModel() : options.cueModel;
      const found = attributionCandidates(doc, lex, model);
      const endModel = options.endModel === undefined ? shippedRankingModel('end') : options.endModel;
      const sourceModel = options.sourceModel === undefined ? shippedRankingModel('source') : options.sourceModel;
      const startModel = options.startModel === undefined ? shippedRankingModel('start') : options.startModel;
      const ctx = startModel || endModel || sourceModel ? cueContext(doc, lex) : null;
      if (startModel && ctx) refineContentStarts(ctx, found, startModel);
      if (endModel && ctx) refineContentEnds(ctx, found, endModel);
      // after the choosers, so that an end they chose past the clause is cut as well
      const parsed = ctx ?? cueContext(doc, lex);
      if (parsed) cutContrastClauses(parsed, found);
      if (sourceModel && ctx) chooseSources(ctx, found, sourceModel);
      doc.attributions = buildAttributions(doc, found, lex);
    },
  };
}

/**
 * The candidates before their ends are refined, nesting and entities: the rules', the cue
 * model's (when given) and parse sources for rule cues without one. The trainer of the end
 * model reads the same candidates the stage refines.
 */
export function attributionCandidates(doc: WorkingDoc, lex: CueLexicon, model: CueModel | null): Candidate[] {
  const found = findAttributions(doc, lex);
  found.push(...pollCandidates(doc, lex, found));
  if (model) found.push(...modelCandidates(doc, lex, model, found));
  sourcesFromParse(doc, lex, found);
  namesBeforeApposition(doc, found);
  return found;
}

/**
 * A rule's cue still without a source after a name and its comma-set apposition ("Tom Ridge,
 * a former governor, put it: “…”", "As Ann Lee, a tax lawyer, recently put it, “…”"): the name
 * speaks. The name opens the sentence (or follows "As") and is tagged as a proper noun; the
 * apposition holds no verb; only adverbs stand between its closing comma and the cue; "Or, as"
 * may open the sentence. For the
 * parser's misreadings of such clauses ("put" as an imperative with the name as its object).
 */
const LEADING_CONJUNCTIONS = new Set(['and', 'but', 'or', 'so', 'yet']);

function namesBeforeApposition(doc: WorkingDoc, found: Candidate[]): void {
  const pos = doc.pos;
  if (!pos) return;
  for (const c of found) {
    if (c.source || !c.cue || c.by.startsWith('model/')) continue;
    const a = tokenAt(doc, c.cue.start);
    if (a < 1 || a >= doc.tokens.length) continue;
    const sent = doc.sentences.find((st) => st.tokenStart <= a && a < st.tokenEnd);
    if (!sent) continue;
    let k = a - 1;
    while (k > sent.tokenStart && pos[k].startsWith('RB')) k--;
    if (doc.tokens[k].text !== ',') continue;
    let j = k - 1;
    while (j > sent.tokenStart && doc.tokens[j].text !== ',' && !pos[j].startsWith('VB') && k - j < 15) j--;
    if (doc.tokens[j].text !== ',' || j === k - 1) continue;
    // "Or, as Tom Ridge, …": a conjunction and its comma, then "as", may open the sentence
    let n = sent.tokenStart;
    if (LEADING_CONJUNCTIONS.has(doc.tokens[n].text.toLowerCase())) n += doc.tokens[n + 1]?.text === ',' ? 2 : 1;
    if (doc.tokens[n].text.toLowerCase() === 'as') n++;
    if (j - n < 1 || j - n > 5) continue;
    let names = true;
    for (let i = n; i < j; i++) if (!pos[i].startsWith('NNP')) names = false;
    if (!names) continue;
    const start = doc.tokens[n].start, end = doc.tokens[j - 1].end;
    c.source = { start, end, text: doc.text.slice(start, end) };
    c.by += '+source/apposition';
  }
}

/** The default attribution stage (bundled lexicon). */
export const attributionStage: Stage = createAttributionStage();

/**
 * A rule's cue with no source beside it ("…, saying: “…”", "He left, telling them …") takes
 * its source from the parse: the cue verb's subject, through participle and coordinated heads.
 */
function sourcesFromParse(doc: WorkingDoc, lex: CueLexicon, found: Candidate[]): void {
  const ctx = cueContext(doc, lex);
  if (!ctx) return;
  for (const c of found) {
    if (c.source || !c.cue || c.cls === 'phrase' || c.by.startsWith('model/')) continue;
    const a = tokenAt(doc, c.cue.start);
    if (a >= doc.tokens.length) continue;
    // the cue's head word: a verb inside the cue whose head lies outside it
    let head = -1;
    for (let i = a; i < doc.tokens.length && doc.tokens[i].start < c.cue.end; i++) {
      const h = doc.heads![i];
      if (/^VB/.test(doc.pos![i]) && (h < 0 || doc.tokens[h].start < c.cue.start || doc.tokens[h].start >= c.cue.end)) { head = i; break; }
    }
    if (head < 0) continue;
    const ps = parseSource(ctx, head);
    if (!ps) continue;
    const span = (r: [number, number]): Span => ({ start: doc.tokens[r[0]].start, end: doc.tokens[r[1] - 1].end, text: doc.text.slice(doc.tokens[r[0]].start, doc.tokens[r[1] - 1].end) });
    const src = span(ps.source);
    // the source must not lie inside the content (a quote's own words)
    if ((c.parts ?? [c.content]).some((p) => p.start <= src.start && src.end <= p.end)) continue;
    // a participle's host clause speaks before it ("The union sent a letter urging …")
    if (c.by.includes('+source/participle-host') && src.start > c.cue.start) continue;
    c.source = src;
    if (ps.ref) c.sourceRef = span(ps.ref);
    c.by += '+source/parse';
  }
}

function buildAttributions(doc: WorkingDoc, found: Candidate[], lex: CueLexicon): AnalysisAttribution[] {
  // one attribution per content: keep the first rule's (direct before phrase before verb)
  const cands: Candidate[] = [];
  for (const c of found) {
    if (cands.some((d) => d.content.start === c.content.start && d.content.end === c.content.end)) continue;
    cands.push(c);
  }
  cands.sort((a, b) => anchor(a) - anchor(b) || size(b) - size(a));

  // nesting: the smallest other attribution whose content holds this one's cue (or source,
  // or content when it has neither)
  const parentIdx: number[] = cands.map((c, k) => {
    const probe = c.cue ?? c.source ?? c.content;
    let best = -1;
    cands.forEach((d, j) => {
      if (j === k || size(d) <= size(c) || !holds(d, probe.start, probe.end)) return;
      if (holds(c, (d.cue ?? d.content).start, (d.cue ?? d.content).end)) return; // no cycles
      if (best < 0 || size(d) < size(cands[best])) best = j;
    });
    return best;
  });
  // a relay's content reaches as far as what it relays ("In a statement released by X, Y said “…”")
  cands.forEach((c, k) => {
    const p = parentIdx[k];
    if (p < 0 || !cands[p].relay || cands[p].parts) return;
    const parent = cands[p];
    if (c.content.end > parent.content.end) {
      parent.content = { start: parent.content.start, end: c.content.end, text: doc.text.slice(parent.content.start, c.content.end) };
    }
  });

  const ids = cands.map((_, k) => `a${k + 1}`);
  const out: AnalysisAttribution[] = [];
  /** Who issued the last document mentioned (for "the statement added"). */
  let issuer: { entity: string | null; text: string } | null = null;
  let lastSpeaker: { entity: string; at: number } | null = null;
  cands.forEach((c, k) => {
    let by = c.by;
    let entity: string | null = null;
    if (c.source) {
      const at = c.sourceRef ?? c.source;
      const ref = actorForSpan(doc, at.start, at.end);
      entity = ref.entity;
      if (entity) by += c.sourceCarried ? '+source/previous-speaker' : '+source/resolve';
      if (entity && c.sourceRef) by += '+source/relative-antecedent';
      const words = at.text.toLowerCase().split(/\s+/);
      const docNoun = words.length <= 3 && lex.docNouns.has(words[words.length - 1]) && lex.determiners.has(words[0]);
      if (docNoun && issuer?.entity && (!entity || ref.mention?.kind === 'nominal')) {
        entity = issuer.entity;
        by = c.by + '+source/document-issuer';
      }
      if (!entity && words.length === 1 && ['he', 'she'].includes(words[0]) && lastSpeaker && c.source.start - lastSpeaker.at < 1200) {
        entity = lastSpeaker.entity;
        by += '+source/previous-speaker';
      }
    }
    // the one who speaks inside "a statement released by X" is the statement's author
    if (c.issuer) issuer = { entity, text: c.issuer.text };
    const p = parentIdx[k];
    if (p >= 0 && cands[p].issuer && entity) issuer = { entity, text: c.source?.text ?? '' };
    if (c.source && /(^|\s)(statement|report|release)$/i.test(c.source.text) && !docNounOnly(c.source.text, lex) && entity) issuer = { entity, text: c.source.text };
    if (entity && c.source) lastSpeaker = { entity, at: c.source.start };
    const content: AnalysisAttribution['content'] = { start: c.content.start, end: c.content.end, text: c.content.text };
    if (c.parts && c.parts.length > 1) content.parts = c.parts.map((s) => ({ start: s.start, end: s.end, text: s.text }));
    out.push({
      id: ids[k],
      kind: c.kind,
      source: c.source ? { start: c.source.start, end: c.source.end, text: c.source.text, entity } : null,
      cue: c.cue ? { start: c.cue.start, end: c.cue.end, text: c.cue.text } : null,
      content,
      parent: p >= 0 ? ids[p] : null,
      by,
    });
  });
  return out;
}

function docNounOnly(text: string, lex: CueLexicon): boolean {
  const words = text.toLowerCase().split(/\s+/);
  return words.length <= 3 && lex.determiners.has(words[0]);
}

/** Where an attribution begins in the text (its earliest span). */
function anchor(c: Candidate): number {
  return Math.min(c.content.start, c.cue?.start ?? Infinity, c.sourceCarried ? Infinity : c.source?.start ?? Infinity);
}
