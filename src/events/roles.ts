/**
 * @module events/roles
 * Source and target of an event trigger from the dependency parse (`doc.heads`,
 * `doc.deprels`): subjects (nsubj, a coordinated verb's or a controlling verb's subject, the
 * noun a relative clause or participle modifies), passive agents (obl:agent, "by" phrases),
 * objects, and prepositional targets chosen by the event type ("fight against X", "aid to
 * X", a purpose clause's beneficiary "sent troops to fight for X").
 *
 * Each answer says whether the parse found the role at all (`found`) apart from whether an
 * actor fills it (`actor`): "the mission was aimed at …" has a subject that is no actor,
 * so the stage must not go looking for one elsewhere in the sentence.
 */
import type { PloverType, Sentence, WorkingDoc } from '../types.js';
import { children } from '../nlp/parse/tree.js';
import type { ActorPhrase } from './actors.js';

/** What the parse says about one role. */
export interface RoleAnswer {
  actor: ActorPhrase | null;
  /** The parse names a word in this role (actor or not). */
  found: boolean;
  /** How it was found (for `by` provenance). */
  how: string;
}

const NONE: RoleAnswer = { actor: null, found: false, how: '' };
/** Possessive determiners: owners of a phrase, never its head ("their training"). */
export const POSSESSIVES = new Set(['their', 'its', 'his', 'her', 'our', 'my', 'your', 'whose']);
const RELATIVE = new Set(['that', 'who', 'which', 'whom']);
/** Relations under which a clause of its own starts: never searched for a verb's objects. */
const CLAUSAL = new Set(['nsubj', 'nsubj:pass', 'csubj', 'csubj:pass', 'ccomp', 'advcl', 'acl:relcl', 'parataxis', 'conj', 'xcomp', 'acl', 'reparandum', 'dep', 'punct', 'mark', 'cc']);
/** Relations by which an infinitive hangs on what governs it ("sent troops to fight"). */
const INFINITIVE_RELS = new Set(['xcomp', 'advcl', 'csubj', 'ccomp', 'acl', 'dep', 'obl', 'nmod']);

function parsed(doc: WorkingDoc): boolean {
  return !!doc.heads && !!doc.deprels && doc.heads.length === doc.tokens.length;
}

function lower(doc: WorkingDoc, i: number): string {
  return doc.tokens[i]?.text.toLowerCase() ?? '';
}

function rel(doc: WorkingDoc, i: number): string {
  return doc.deprels?.[i] ?? '';
}

function isVerb(doc: WorkingDoc, i: number): boolean {
  return /^(VB|MD)/.test(doc.pos?.[i] ?? '');
}

/** Whether an actor phrase is only a possessive determiner ("their"), which is never an actor by itself. */
export function lonePossessive(doc: WorkingDoc, a: ActorPhrase): boolean {
  return a.tokEnd - a.tokStart === 1 && POSSESSIVES.has(lower(doc, a.tokStart));
}

function actorAt(actors: ActorPhrase[], t: number): ActorPhrase | null {
  return actors.find((a) => a.tokStart <= t && t < a.tokEnd) ?? null;
}

/**
 * The actor a noun phrase headed by `t` names: the phrase holding `t`, else the first actor
 * among its modifiers ("units of the army", "the soldiers' heroism", "our territory").
 * `owners` lets a possessive pronoun stand for the owner ("invaded our territory").
 */
function actorOfPhrase(doc: WorkingDoc, actors: ActorPhrase[], t: number, owners: boolean): ActorPhrase | null {
  const own = actorAt(actors, t);
  if (own && !lonePossessive(doc, own)) return own;
  // A partitive or quantity head ("scores of X", "members of the X", "thousands of X") names
  // who by the actor right after its "of", whatever the parse hung that phrase on.
  if (!own && lower(doc, t + 1) === 'of') {
    const k = lower(doc, t + 2) === 'the' ? t + 3 : t + 2;
    const a = actorAt(actors, k);
    if (a && a.tokStart === k && !lonePossessive(doc, a)) return a;
  }
  // Breadth first through nominal modifiers, two levels deep.
  let layer = [t];
  for (let depth = 0; depth < 2 && layer.length; depth++) {
    const next: number[] = [];
    for (const x of layer) {
      for (const c of children(doc, x)) {
        const r = rel(doc, c);
        if (!/^(nmod|compound|amod|appos|flat|nmod:poss|det:poss)/.test(r) && !(r.startsWith('obl') && caseOf(doc, c) === 'of')) continue;
        // "a group of fighters", "units of the army": an of-modifier names who; others only own.
        const a = actorAt(actors, c);
        if (a && (!lonePossessive(doc, a) || owners || r === 'nmod:poss' && owners)) return a;
        next.push(c);
      }
    }
    layer = next;
  }
  return null;
}

function caseOf(doc: WorkingDoc, t: number): string {
  const c = children(doc, t).find((k) => rel(doc, k) === 'case');
  return c === undefined ? '' : lower(doc, c);
}

function markTo(doc: WorkingDoc, v: number): boolean {
  return children(doc, v).some((k) => rel(doc, k) === 'mark' && lower(doc, k) === 'to');
}

/**
 * The subject of the predicate `v` (a verb, or a noun for nominal events is not handled
 * here): its own nsubj; else, for a verb with none, the subject it shares — a coordinated
 * verb's ("praised X and commended Y"), the controlling verb's for an infinitive or
 * participle ("attempted to seize"), the modified noun for a relative clause or participle
 * ("militants that invaded", "forces attacking").
 *
 * @example
 * parseSubject(doc, actors, indexOf('invaded'), s) // { actor: <the Ukrainian militants>, found: true, how: 'relcl' }
 */
export function parseSubject(doc: WorkingDoc, actors: ActorPhrase[], v: number, s: Sentence, depth = 0): RoleAnswer & { passive: boolean; agent: ActorPhrase | null } {
  const none = { ...NONE, passive: false, agent: null };
  if (!parsed(doc) || v < s.tokenStart || v >= s.tokenEnd || depth > 3) return none;
  const kids = children(doc, v);
  // Passive only with passive morphology: a participle with a passive subject or auxiliary
  // (a tagger's slip that labels "outright" nsubj:pass must not turn "X rejected Y" round).
  const passive = doc.pos?.[v] === 'VBN' && kids.some((k) => (rel(doc, k) === 'nsubj:pass' && /^(NN|PRP|CD|DT)/.test(doc.pos?.[k] ?? '')) || rel(doc, k) === 'aux:pass');
  let agent: ActorPhrase | null = null;
  for (const k of kids) {
    if (rel(doc, k) === 'obl:agent' || (rel(doc, k).startsWith('obl') && caseOf(doc, k) === 'by')) {
      agent = actorOfPhrase(doc, actors, k, false);
      if (agent) break;
    }
  }
  const subj = kids.find((k) => rel(doc, k) === 'nsubj' || rel(doc, k) === 'nsubj:pass');
  const r = rel(doc, v);
  const head = doc.heads![v];
  // A subject the tagger does not read as a noun or pronoun is a parse slip: say nothing.
  if (subj !== undefined && !/^(NN|PRP|CD|DT|WP|EX)/.test(doc.pos?.[subj] ?? 'NN')) return { ...none, passive, agent };
  if (subj !== undefined) {
    // "the militants that invaded": the relative pronoun stands for the noun modified.
    if (RELATIVE.has(lower(doc, subj)) && r.startsWith('acl') && head >= 0) {
      return { actor: actorOfPhrase(doc, actors, head, false), found: true, how: 'relcl', passive, agent };
    }
    return { actor: actorOfPhrase(doc, actors, subj, false), found: true, how: 'nsubj', passive, agent };
  }
  if (head < s.tokenStart || head >= s.tokenEnd) return { ...none, passive, agent };
  // A verb coordinated with another shares its subject.
  if (r === 'conj' && isVerb(doc, head)) {
    const up = parseSubject(doc, actors, head, s, depth + 1);
    return { ...up, how: up.how && 'conj+' + up.how, passive, agent: agent ?? (passive ? null : null) };
  }
  // A participle or relative clause without a subject modifies a noun: that noun acts
  // ("forces attacking X"), or for a passive participle, undergoes ("a town shelled by X").
  if ((r === 'acl' || r === 'acl:relcl') && !markTo(doc, v) && !isVerb(doc, head)) {
    const n = actorOfPhrase(doc, actors, head, false);
    // "a town shelled by X" is passive; without a "by" agent the parser may have taken a
    // main verb for a participle ("The parliament threatened on Monday to …"): no answer.
    if (/^VBN$/.test(doc.pos?.[v] ?? '')) return agent ? { actor: n, found: true, how: 'participle-pass', passive: true, agent } : { ...none, passive: false, agent };
    return { actor: n, found: true, how: 'participle', passive, agent };
  }
  // An infinitive or gerund takes the subject of what controls it ("attempted to seize",
  // "an attempt to seize" → the attempt's maker).
  // Object control: the object of "help", "urge", "force", "ask" is the doer of the verb it
  // governs ("helping Russian forces defeat X" → the forces defeat X).
  if (r === 'xcomp' && isVerb(doc, head)) {
    for (const c of children(doc, head)) {
      if (c === v || (rel(doc, c) !== 'obj' && rel(doc, c) !== 'iobj')) continue;
      const controller = actorOfPhrase(doc, actors, c, true);
      if (controller) return { actor: controller, found: true, how: 'object-control', passive, agent };
    }
  }
  if (INFINITIVE_RELS.has(r) || r.startsWith('obl')) {
    let h = head;
    for (let step = 0; step < 3 && h >= s.tokenStart && h < s.tokenEnd; step++) {
      if (isVerb(doc, h)) {
        const up = parseSubject(doc, actors, h, s, depth + 1);
        // The controller of a passive's infinitive is its agent ("was sent by X to fight").
        if (up.passive) return { actor: up.agent, found: up.agent !== null, how: 'control-agent', passive, agent };
        return { ...up, how: up.how && 'control+' + up.how, passive, agent };
      }
      h = doc.heads![h];
    }
  }
  return { ...none, passive, agent };
}

/** Prepositions that introduce the target, by event type. */
export function targetPreps(type: PloverType): string[] {
  switch (type) {
    case 'ASSAULT': case 'COERCE': case 'THREATEN': case 'PROTEST': case 'ACCUSE': case 'SANCTION': case 'MOBILIZE':
      return ['against', 'on', 'upon'];
    case 'AID': case 'SUPPORT': case 'CONCEDE': case 'RETREAT':
      return ['to', 'for'];
    case 'CONSULT': case 'COOPERATE': case 'AGREE':
      return ['with'];
    case 'REQUEST':
      return ['on', 'to', 'from'];
    case 'REJECT':
      return ['from', 'by'];
    default:
      return [];
  }
}

/**
 * The target of the action headed by `v` (a verb or an event noun): an actor introduced by
 * a preposition the type expects (also inside a purpose clause: "sent troops to fight for
 * X" is aid to X), else the object. A thing sent or given that is no actor ("troops",
 * "aid") is the theme, not the target.
 *
 * @example
 * parseTarget(doc, actors, indexOf('sent'), 'AID', s) // { actor: <Russia>, found: true, how: 'purpose:for' }
 */
export function parseTarget(doc: WorkingDoc, actors: ActorPhrase[], v: number, type: PloverType, s: Sentence, exclude: Set<ActorPhrase>): RoleAnswer {
  if (!parsed(doc) || v < s.tokenStart || v >= s.tokenEnd) return NONE;
  const prefer = targetPreps(type);
  const ok = (a: ActorPhrase | null) => !!a && !exclude.has(a);
  const kids = children(doc, v);
  // 1. The object (or indirect object): a named or coded actor is the target.
  let objFound = false;
  let theme: ActorPhrase | null = null;
  const objs = kids.filter((k) => rel(doc, k) === 'iobj' || rel(doc, k) === 'obj');
  objs.sort((a, b) => (rel(doc, a) === 'iobj' ? -1 : 0) - (rel(doc, b) === 'iobj' ? -1 : 0));
  for (const o of objs) {
    objFound = true;
    const a = actorOfPhrase(doc, actors, o, true);
    if (!ok(a)) continue;
    // "sent troops": an unnamed role noun given or sent is what moves, not who receives.
    if ((type === 'AID' || type === 'RETREAT' || type === 'MOBILIZE') && !a!.code && (!a!.named || a!.kind === 'nominal')) {
      theme = a;
      continue;
    }
    if (type !== 'AID' || rel(doc, o) === 'iobj' || objs.length === 1) return { actor: a, found: true, how: 'obj' };
  }
  // 2. A preposition the type expects, on the verb or its object, or in a purpose clause.
  const seen = new Set<number>();
  const queue: { t: number; depth: number; purpose: boolean }[] = kids.map((t) => ({ t, depth: 1, purpose: false }));
  while (queue.length) {
    const { t, depth, purpose } = queue.shift()!;
    if (seen.has(t)) continue;
    seen.add(t);
    const r = rel(doc, t);
    const infinitive = isVerb(doc, t) && markTo(doc, t);
    if (CLAUSAL.has(r) && !(infinitive && (type === 'AID' || type === 'SUPPORT' || type === 'COOPERATE'))) continue;
    const c = caseOf(doc, t);
    if (c && prefer.includes(c)) {
      const a = actorOfPhrase(doc, actors, t, true);
      if (ok(a)) return { actor: a, found: true, how: (purpose ? 'purpose:' : 'prep:') + c };
    }
    // Go deeper only through the object ("launched an attack on X"), a purpose clause, or a
    // phrase the type expects ("for X against Y"); never through "in compliance with …".
    const through = r === 'obj' || infinitive || (c !== '' && prefer.includes(c));
    if (depth < 3 && through) for (const k of children(doc, t)) queue.push({ t: k, depth: depth + 1, purpose: purpose || infinitive });
  }
  if (theme && objs.length) return { actor: null, found: true, how: 'theme' };
  return { actor: null, found: objFound, how: objFound ? 'obj-not-actor' : '' };
}
