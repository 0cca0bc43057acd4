/**
 * @module resolve/lookup
 * How later stages (attributions, events) ask the resolve layer "who is this span?".
 * Kept small and stable so those stages do not depend on how resolution works inside.
 */
import type { AnalysisEntity, AnalysisMention, WorkingDoc } from '../types.js';
import { countryIndex, normaliseName } from './countries.js';
import { placeIndex } from './places.js';

/** Words of a count or an article before a noun ("about 200", "tens of thousands of", "the"). */
const COUNT_ONLY = /^\s*(?:(?:the|a|an|about|some|nearly|almost|around|roughly|up to|over|more than|at least|several|many|few|dozens|hundreds|thousands|tens|millions|scores|of|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|\d[\d,.]*)\s+)+$/i;

/** Up to three lower-case words before a head, none a preposition ("the largest"; not
 * "peacekeepers in" before "Iraq"). */
const PRE_MODIFIERS = /^(?:(?!(?:in|of|at|on|to|for|from|by|with|near|into|across|against|between|and|or)\s)[\p{Ll}\d][\p{L}\d,.'-]*\s+){1,3}$/u;

/** Heads that speak or act for a body named after them ("a spokesman for the ministry"). */
const SPEAKING_FOR = /\b(spokesm[ae]n|spokeswom[ae]n|spokespersons?|members?|officials?|representatives?|delegations?|envoys?|heads?|chiefs?|leaders?|staff|units?)$/i;
/** Words that open a post-modifier after a group's head ("loyal to", "from", "operating in"). */
const POST_MODIFIER = /^\s*(of|from|in|at|near|loyal to|linked to|allied to|allied with|backed by|based in|operating in|fighting for|fighting in|who|that|which)\b/i;

/** Nouns for inhabited places ("the town of Gorazde", "villages near the border"). */
const SETTLEMENT_NOUN = /^(?:(?:the|a|an|some|several|two|three|four|five|\d+)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:towns?|villages?|city|cities|hamlets?|townships?|suburbs?|neighbou?rhoods?|settlements?)\b/iu;

/**
 * Whether an entity is a town or city (not a country, US state or region): its name, less a
 * compass word ("East Jerusalem"), is in the city gazetteer.
 */
function isSettlement(entity: AnalysisEntity): boolean {
  if (entity.type !== 'GPE' && entity.type !== 'LOC') return false;
  const key = normaliseName(entity.name).replace(/^(north|south|east|west|northern|southern|eastern|western|central|old|new) /, '');
  const places = placeIndex();
  if (countryIndex().byName.has(key) || places.usStates.has(key)) return false;
  const extra = places.extra.get(key);
  return places.cities.has(key) || (!!extra && places.cities.has(normaliseName(extra.canonical)));
}

/** What an actor span resolves to: its entity and that entity's actor code. */
export interface ActorRef {
  entity: string | null;
  code: string | null;
  sector: string | null;
  /** For an international body (code null, sector IGO/NGO): the second code PLOVER gives it
   * for what it or its people do ("UN peacekeepers" MIL, the Security Council GOV); else null. */
  subSector?: string | null;
  /** The mention that decided it (the head mention of the span), if any. */
  mention: AnalysisMention | null;
}

/** Mentions lying wholly inside [start, end), in text order. */
export function mentionsInSpan(doc: WorkingDoc, start: number, end: number): AnalysisMention[] {
  return doc.mentions.filter((m) => m.start >= start && m.end <= end).sort((a, b) => a.start - b.start);
}

export function entityById(doc: WorkingDoc, id: string | null | undefined): AnalysisEntity | null {
  if (!id) return null;
  return doc.entities.find((e) => e.id === id) ?? null;
}

/**
 * The actor a span names. The longest mention inside the span wins (so "the Armed Forces
 * of the Russian Federation" is the army, not Russia); ties go to the leftmost. When nothing
 * inside reaches the span's last word, the smallest mention around it ending there (or
 * starting where it starts) wins.
 *
 * @example
 * actorForSpan(doc, 10, 52) // { entity: 'e7', code: 'RUS', sector: 'MIL', mention: … }
 */
export function actorForSpan(doc: WorkingDoc, start: number, end: number): ActorRef {
  const inside = mentionsInSpan(doc, start, end);
  let best: AnalysisMention | null = null;
  for (const m of inside) {
    if (!best || m.end - m.start > best.end - best.start) best = m;
  }
  const trimmedEnd = doc.text.slice(start, end).trimEnd().length + start;
  // where the span's words begin, after spaces and an article ("the Darfur region")
  const spanStart = start + (/^\s*(?:(?:the|a|an)\s+)?/i.exec(doc.text.slice(start, end))?.[0].length ?? 0);
  // "About 200 supporters of …" around the span "supporters of …": a mention that ends where
  // the span ends and differs from it only by a count or an article before is the span's
  // phrase (PLOVER's actor text leaves counts and articles out)
  // (of a role phrase, also up to three lower-case pre-modifiers: "the largest … organization")
  // (and its head, when known, inside the span: "the town of Tikrit" is not the "gunmen" of
  // "gunmen shelled the town of Tikrit")
  const heads = doc.data['resolve/heads'] as Record<string, number> | undefined;
  const headInside = (m: AnalysisMention) => heads?.[m.id] === undefined || (heads[m.id] >= start && heads[m.id] < end);
  const counted = doc.mentions.find((m) => m.kind !== 'pronoun' && m.start < start && m.end === trimmedEnd && headInside(m)
    && (COUNT_ONLY.test(doc.text.slice(m.start, spanStart)) || (m.kind === 'nominal' && PRE_MODIFIERS.test(doc.text.slice(m.start, spanStart)))));
  if (counted) best = counted;
  // the head of a noun phrase: a person named last is who a titled span is ("French National
  // Assembly president Laurent Fabius"), not the longer organisation in the title
  const lastPerson = inside.find((m) => m.type === 'PERSON' && m.kind === 'name' && m.end === trimmedEnd);
  if (best && lastPerson && best.end !== trimmedEnd && best.type !== 'PERSON') best = lastPerson;
  // a group named first and then modified ("Militants loyal to …'s frontman X", "doctors from
  // two aid groups") is that group, not a longer name inside its modifier; a spokesman or
  // members "of"/"from" a body are coded as the body, so those heads are left out
  const lead = inside.find((m) => m.start === spanStart && m.kind === 'nominal');
  if (best && lead && lead !== best && best.start >= lead.end && !SPEAKING_FOR.test(lead.text)
    && POST_MODIFIER.test(doc.text.slice(lead.end, best.start))) best = lead;
  // "Tamil civilian refugees" inside "thousands of Tamil civilian refugees": when no mention
  // inside reaches the span's last word (its head), the smallest mention around the span that
  // ends where it ends is the actor, not a modifier inside it ("Tamil")
  if (!inside.some((m) => m.end >= trimmedEnd)) {
    let around: AnalysisMention | null = null;
    for (const m of doc.mentions) {
      // around the span and ending where it ends, or starting where it starts and going on
      // ("ethnic Albanian guerrillas" in "ethnic Albanian guerrillas operating in Macedonia",
      // a group whose post-modifier place gave its country)
      const ending = m.start <= start && m.end === trimmedEnd;
      const starting = (m.start === start || m.start === spanStart) && m.end > trimmedEnd;
      if (m.kind === 'pronoun' || !(ending || starting) || (m.start === start && m.end === end)) continue;
      if (!around || m.end - m.start < around.end - around.start) around = m;
    }
    if (around) best = around;
  }
  // A mention may stand for another actor than its entity: a demonym in "Hungarian officials"
  // is Hungary's government, "Pyongyang's" North Korea's (the resolve stage records these).
  const actors = doc.data['resolve/actors'] as Record<string, { code: string | null; sector: string | null; subSector?: string | null }> | undefined;
  // "Sierra Leonean and Liberian refugees", "U.S. and Russian negotiators": a span that opens
  // with the first of coordinated demonyms ("Sierra Leonean … refugees") is that country's group
  if (best && best.kind === 'nominal' && actors) {
    const standing = inside.filter((m) => m !== best && actors[m.id] && m.start >= best!.start && m.end <= best!.end);
    const opening = standing.find((m) => m.start === spanStart);
    if (standing.length >= 2 && opening) best = opening;
  }
  const entity = entityById(doc, best?.entity);
  const own = best ? actors?.[best.id] : undefined;
  if (own) return { entity: entity?.id ?? null, code: own.code, sector: own.sector, subSector: own.subSector ?? null, mention: best };
  const subSectors = doc.data['resolve/sub-sectors'] as Record<string, string> | undefined;
  const subSector = entity ? subSectors?.[entity.id] ?? null : null;
  // a town or city as an actor stands for the people in it ("a curfew in Algiers", "shells
  // fired at Jericho", "the town of Gorazde"): its country's civilians, as PLOVER codes them.
  // A capital acting as its government ("Moscow said") is a metonym, answered above.
  if (entity?.country && !entity.sector && (isSettlement(entity) || SETTLEMENT_NOUN.test(doc.text.slice(start, end).trim()))) {
    return { entity: entity.id, code: entity.country, sector: 'CVL', subSector: null, mention: best };
  }
  return { entity: entity?.id ?? null, code: entity?.country ?? null, sector: entity?.sector ?? null, subSector, mention: best };
}
