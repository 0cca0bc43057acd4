/**
 * @module resolve/stage
 * The resolve stage: mentions → entities with actor codes and places on the map.
 * Reads tokens, sentences, the dateline and any name mentions the NER model left in
 * `doc.mentions`; writes `doc.mentions` (names, nominals, pronouns, metonyms, each with its
 * entity), `doc.entities`, and per-mention actor codes in `doc.data['resolve/actors']` for
 * spans that stand for an actor other than their entity ("Pyongyang's" → PRK GOV).
 */
import type { AnalysisEntity, AnalysisMention, EntityType, Stage, WorkingDoc } from '../types.js';
import { countryIndex, normaliseName } from './countries.js';
import { detectMentions, internationalName, ORG_HEADS, type Candidate } from './detect.js';
import { clusterMentions, entityAliases, entityName, type Cluster } from './cluster.js';
import { placeCandidates, placeIndex, placeInDocument, placeHints } from './places.js';
import { actorLexicon, wordsOf } from './lexicon.js';

/** Sectors of a state's own bodies, which take the country of the report when none is stated. */
const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);

/** Key of the per-mention actor codes in `doc.data`. */
export const MENTION_ACTORS = 'resolve/actors';
export type MentionActors = Record<string, { code: string | null; sector: string | null; subSector?: string | null }>;
/** Key of the second codes of international bodies in `doc.data`: entity id → code (GOV, MIL,
 * JUD, REF, HLH, …), for entities with sector IGO/NGO and no country. Contract 1 gives an
 * entity one sector, so the second stays in the working document (read by `actorForSpan`). */
export const ENTITY_SUB_SECTORS = 'resolve/sub-sectors';
/** Key of the head words of role phrases in `doc.data`: mention id → the head's character
 * offset ("soldiers" in "two British soldiers"), so `actorForSpan` can tell a span that holds
 * a phrase's head from one that is only its modifier. */
export const MENTION_HEADS = 'resolve/heads';

const TITLE_WORDS = /^(Comrade|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sir|President|Prime|Minister|Chairman|General|Gen\.|Leader|Secretary|Premier|Chancellor|King|Queen|Sheikh|Ayatollah)$/;

/** An NER mention as a candidate, with what the gazetteer knows of its words. */
function fromNer(doc: WorkingDoc, m: AnalysisMention, tokIndex: Map<number, number>, tokEndIndex: Map<number, number>, sentOfTok: (i: number) => number): Candidate | null {
  let ts = tokIndex.get(m.start);
  const te = tokEndIndex.get(m.end);
  if (ts === undefined || te === undefined) return null;
  // "Comrade Kim Jong-un", "Mr. Smith": the honorific is a title, not part of the name
  if (m.type === 'PERSON') {
    while (ts < te && TITLE_WORDS.test(doc.tokens[ts].text)) ts++;
    if (ts !== tokIndex.get(m.start)) {
      const start = doc.tokens[ts].start;
      m = { ...m, start, text: doc.text.slice(start, m.end) };
    }
  }
  // "a 61-year-old baker in Paiporta": place names are written with a capital; a lower-case
  // word the model took for a place is a common noun (no gazetteer lookup: Baker, Oregon)
  if ((m.type === 'GPE' || m.type === 'LOC') && !/\p{Lu}/u.test(m.text)) return null;
  const idx = countryIndex();
  const nk = normaliseName(m.text);
  let country: string | null = null;
  let key: string | null = null;
  let canonical: string | null = null;
  let place: Candidate['place'] = null;
  let type: EntityType = m.type;
  if (type === 'GPE' || type === 'LOC') {
    const c = idx.byName.get(nk);
    if (c) { country = c.cca3; key = 'country:' + c.cca3; canonical = c.name; place = { kind: 'country', lookup: c.name }; type = 'GPE'; }
    else {
      const city = placeIndex().cities.get(nk);
      if (city) { country = city[0].country; key = 'place:' + nk; canonical = m.text; place = { kind: 'city', lookup: m.text }; }
    }
  }
  let actor: Candidate['actor'] = null;
  const parts = m.text.split(/\s+/);
  if (type === 'NORP') {
    const d = idx.byDemonym.get(nk) ?? (nk.endsWith('s') ? idx.byDemonym.get(nk.slice(0, -1)) : undefined);
    if (d) { country = d.cca3; key = 'country:' + d.cca3; canonical = d.name; }
  }
  // "Iraqi Kurds", "Bosnian Serbs": a people of a country, coded as that country's civilians
  const firstDemonym = parts.length > 1 ? idx.byDemonym.get(normaliseName(parts[0])) : undefined;
  if ((type === 'NORP' || type === 'MISC') && !country && firstDemonym && /^\p{Lu}\p{Ll}+s$/u.test(parts[parts.length - 1])) {
    type = 'NORP'; country = firstDemonym.cca3; key = 'country:' + firstDemonym.cca3; canonical = firstDemonym.name;
    actor = { code: firstDemonym.cca3, sector: 'CVL' };
  }
  // "French National Assembly" tagged MISC: an organisation by its head word
  let sector: string | null = null;
  if (type === 'MISC' && parts.length > 1 && ORG_HEADS.has(normaliseName(parts[parts.length - 1]))) {
    type = 'ORG';
    sector = ORG_HEADS.get(normaliseName(parts[parts.length - 1])) ?? null;
  }
  if (type === 'ORG') {
    // "Nigerian Union of Teachers": a demonym or country inside an organisation's name
    for (const w of parts) {
      const k = normaliseName(w);
      const d = idx.byDemonym.get(k) ?? idx.byName.get(k) ?? idx.byCapital.get(k);
      if (d && k.length > 3) { country = d.cca3; break; }
    }
    // "Association of African Jurists": named for a continent or the world, and no country
    // (not a court, bank or assembly: those say what they are by their head word)
    if (!country && !sector && !ORG_HEADS.get(normaliseName(parts[parts.length - 1])) && internationalName(parts.map((w) => normaliseName(w)))) sector = 'NGO';
  }
  return {
    start: m.start, end: m.end, text: m.text, tokStart: ts, tokEnd: te + 1, type, kind: m.kind, by: m.by ?? 'model/ner',
    country, sector, countrySource: country ? 'stated' : null, key, canonical, role: null, titled: null, place,
    pronoun: null, sentence: sentOfTok(ts), anaphoric: false, actor, entry: null, sameAs: null,
  };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Runs the whole resolution over a working document.
 *
 * @example
 * resolveDocument(doc);
 * doc.entities.find(e => e.name === 'Vladimir Putin') // { type: 'PERSON', country: 'RUS', sector: 'GOV', … }
 */
export function resolveDocument(doc: WorkingDoc): void {
  const lex = actorLexicon();
  const mine = detectMentions(doc, lex);
  // merge the NER model's name mentions
  const tokIndex = new Map<number, number>();
  const tokEndIndex = new Map<number, number>();
  doc.tokens.forEach((t, i) => { tokIndex.set(t.start, i); tokEndIndex.set(t.end, i); });
  const sentOf = new Int32Array(doc.tokens.length);
  doc.sentences.forEach((s, si) => { for (let k = s.tokenStart; k < s.tokenEnd; k++) sentOf[k] = si; });
  const cands: Candidate[] = [...mine];
  const names = mine.filter((c) => c.kind === 'name' || c.kind === 'metonym');
  // only the model's unresolved name mentions (a second run must not read its own output)
  for (const m of doc.mentions) {
    if (m.entity !== null || m.kind !== 'name') continue;
    // "Israeli-occupied", "Syrian-backed": a participle compound on a name modifies what
    // follows; it names no actor of its own
    if (/^[\p{Lu}][\p{L}.]*-(occupied|held|controlled|led|backed|based|born|run|owned|allied|sponsored|brokered|funded|supported|dominated|ruled|annexed|administered)$/u.test(m.text)) continue;
    const c = fromNer(doc, m, tokIndex, tokEndIndex, (i) => sentOf[i] ?? 0);
    if (!c) continue;
    // "U.N. Secretary-General", "Foreign Minister": a title the model took for an
    // organisation; the person after it is the actor
    if (c.type !== 'PERSON' && lex.roles.get(normaliseName(c.text.split(/\s+/).pop() ?? '').replace(/-/g, ' '))?.kind === 'person') continue;
    const same = names.find((n) => n.start === c.start && n.end === c.end);
    if (same) {
      // the model's PERSON beats a gazetteer place of the same words ("Jordan said he …")
      if (c.type === 'PERSON' && (same.type === 'GPE' || same.type === 'NORP') && same.kind === 'name') {
        cands.splice(cands.indexOf(same), 1, { ...c, sector: null });
      }
      continue;
    }
    // "Interior Ministry" inside the role phrase "the Interior Ministry": one mention, the
    // rule's (it carries the sector); an organisation the model found inside an organisation
    // phrase that ends where it ends is the same span family
    const around = cands.find((n) => n.role && n.kind !== 'pronoun' && n.start <= c.start && c.end <= n.end && n.end === c.end
      && (c.type === 'ORG' || c.type === 'MISC' || (c.type === 'NORP' && n.by === 'rule/ethnic-people')) && n.type !== 'PERSON');
    if (around) continue;
    // a gazetteer/lexicon name overlapping the model's span: the lexicon's boundaries win,
    // except that a model PERSON span containing a lone place word is a person ("Michael Jordan")
    const clash = names.filter((n) => overlaps(n, c));
    if (clash.some((n) => !(c.start <= n.start && n.end <= c.end))) continue;
    // "Hamad bin Khalifa al-Thani" around the lexicon's "Hamad bin Khalifa": one person, the
    // lexicon's, under the model's fuller span (else the two would be two entities)
    const known = clash.filter((n) => n.type === 'PERSON' && n.entry);
    if (c.type === 'PERSON' && known.length === 1 && clash.length === 1) {
      const n = known[0];
      n.start = c.start; n.end = c.end; n.tokStart = c.tokStart; n.tokEnd = c.tokEnd;
      continue;
    }
    if (clash.length > 0 && (c.type === 'PERSON' || (c.type === 'NORP' && c.actor))) {
      for (const n of clash) if (n.type === 'GPE' || n.type === 'NORP') cands.splice(cands.indexOf(n), 1);
    }
    if (clash.length > 0 && c.type !== 'PERSON' && c.type !== 'ORG' && c.type !== 'MISC' && !(c.type === 'NORP' && c.actor)) continue;
    // a role phrase's invented title-name covering the same words
    const titleName = cands.find((n) => n.by === 'rule/title-name' && overlaps(n, c));
    if (titleName) {
      if (c.type === 'PERSON') { titleName.start = c.start; titleName.end = c.end; titleName.tokStart = c.tokStart; titleName.tokEnd = c.tokEnd; titleName.by = c.by; }
      continue;
    }
    // "Spanish Red Cross", "Kenya Red Crescent Society": a country's name or demonym before an
    // international body's name is that country's national branch (a society of the movement,
    // non-governmental), one organisation, not the international body beside the country
    const innerIgo = clash.find((n) => n.type === 'ORG' && n.entry && n.sector === 'IGO' && !n.country && n.end === c.end - (/\sSociety$/.test(c.text) ? ' Society'.length : 0));
    if (c.type === 'ORG' && c.country && !c.sector && innerIgo && innerIgo.start > c.start) {
      cands.splice(cands.indexOf(innerIgo), 1);
      c.sector = 'NGO';
      c.by += '+national-branch';
    }
    cands.push(c);
  }
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const c of cands) c.text = doc.text.slice(c.start, c.end);

  // titled people with no stated country: the nearest country named in the sentence, else the dateline's
  // the dateline's country: as the dateline states it, else the place it names ("YEREVAN, May 3
  // (Reuters) -": Armenia)
  const dl = doc.document.dateline;
  // every city the model or the gazetteer found, placed as the document places it before any
  // rule reads its country (a Valencia in a report datelined Spain is Spain's)
  const datelineCountry = placeCandidates(cands, dl);
  const nearestCountry = (c: Candidate): string | null => {
    let best: Candidate | null = null;
    for (const o of cands) {
      if (o.sentence !== c.sentence || !o.country || o === c || o.type === 'PERSON' || o.kind === 'pronoun') continue;
      if (o.start >= c.start && o.end <= c.end) continue;
      if (dl && o.start >= dl.start && o.end <= dl.end) continue;
      if (!best || Math.abs(o.start - c.start) < Math.abs(best.start - c.start)) best = o;
    }
    return best?.country ?? null;
  };
  for (const c of cands) {
    if (c.type !== 'PERSON' || c.kind !== 'name' || c.country || !c.role) continue;
    // the UN secretary-general is no country's: an international body's people keep none
    if (c.sector === 'IGO' || c.sector === 'NGO') continue;
    const country = nearestCountry(c) ?? datelineCountry;
    if (country) { c.country = country; c.countrySource = 'inferred'; c.by += '+nearest-country'; }
  }
  const { clusters, of } = clusterMentions(cands, doc);
  // state bodies with no stated country and no antecedent ("the Interior Ministry said",
  // "police arrested"): an institution takes the nearest country its sentence names; any
  // state body, when its sentence names none, the dateline's (a report datelined Yerevan
  // speaks of Armenia's ministry). Bare groups in a sentence naming other countries ("it
  // sent troops to fight for Russia") stay unknown.
  for (const cl of clusters) {
    if (cl.country || !STATE_SECTORS.has(cl.sector ?? '') || cl.type === 'PERSON' || cl.type === 'MISC') continue;
    const first = cl.mentions.find((m) => m.kind !== 'pronoun');
    // "the Justice Ministry said": a capitalised body no lexicon knows, a state body by its
    // head word (rule/org-name), is an institution like "the Interior Ministry"
    // (not one named for a continent or the world: "African Commission on Human Rights")
    const stateOrgName = !!first && first.kind === 'name' && first.by.startsWith('rule/org-name') && cl.mentions.every((m) => m.kind !== 'name' || m.by.startsWith('rule/org-name'))
      && !internationalName(first.text.split(/\s+/).map((w) => normaliseName(w)));
    if (!first || (!stateOrgName && (!first.role || cl.mentions.some((m) => m.kind === 'name' && !m.role)))) continue;
    // "its soldiers": the owner's country decides (cluster.ts), not the sentence's
    if (/^(its|their|his|her|our|my|your)$/i.test(doc.tokens[first.tokStart]?.text ?? '')) continue;
    // "both governments", "the two armies": several states' bodies, never one country's
    if (/^(both|the two|two|three|all|several|many|other|some|the other)\b/i.test(first.text) || /(governments|ministries|armies|parliaments|militaries)$/i.test(first.text)) continue;
    const institution = stateOrgName || first.role?.kind === 'org' || first.proper === true || (first.anaphoric && first.plural === false);
    const near = nearestCountry(first);
    // (a sentence naming only the dateline's own country is no other country: "Police said
    // 2,000 people came from the Valencia region" in a report datelined Valencia, Spain)
    const country = institution ? near ?? datelineCountry : near && near !== datelineCountry ? null : datelineCountry;
    if (!country) continue;
    cl.country = country;
    for (const m of cl.mentions) if (m.kind !== 'pronoun') { m.country = country; m.countrySource = 'inferred'; }
    first.by += '+nearest-country';
  }

  // other groups and role phrases with no country of their own and no antecedent
  // ("demonstrators", "rebels", "Islamic fundamentalists"): the country named nearest in
  // their sentence, else the dateline's, else the one the document names most (when it
  // names one more than any other). State bodies are handled above, named organisations
  // (Amnesty International) keep having no country, and so do international bodies.
  const mostNamed = documentCountry(cands, dl);
  for (const cl of clusters) {
    if (cl.country || STATE_SECTORS.has(cl.sector ?? '') || cl.sector === 'IGO' || cl.sector === 'NGO') continue;
    if (cl.type === 'GPE' || cl.type === 'LOC') continue;
    const first = cl.mentions.find((m) => m.kind !== 'pronoun');
    if (!first) continue;
    // a capitalised name no lexicon knows, read as an organisation by its head word
    // ("Cumhuriyet University", "Sivas Bar Association"): only its sentence or dateline
    const orgName = first.kind === 'name' && first.by.startsWith('rule/org-name') && cl.mentions.every((m) => m.kind !== 'name' || m.by.startsWith('rule/org-name'));
    if (!orgName && (!first.role || first.kind === 'name' || cl.mentions.some((m) => m.kind === 'name' && !m.role))) continue;
    if (/^(its|their|his|her|our|my|your)$/i.test(doc.tokens[first.tokStart]?.text ?? '')) continue;
    // ("two people were wounded": a counted group of ordinary people is the report's like
    // "23 people"; "the two sides", "both groups" may be of two countries)
    if (!first.by.startsWith('rule/counted-group') && /^(both|the two|two|all|several|many|other|the other|foreign|international)\b/i.test(first.text)) continue;
    const near = nearestCountry(first);
    const country = near ?? datelineCountry ?? (orgName ? null : mostNamed);
    if (!country) continue;
    cl.country = country;
    for (const m of cl.mentions) if (m.kind !== 'pronoun') { m.country = country; m.countrySource = 'inferred'; }
    first.by += near ? '+nearest-country' : country === datelineCountry ? '+dateline-country' : '+document-country';
  }

  // settlements the gazetteer lacks, introduced as such ("near the village of Kfar Kila"): the
  // country named nearest in their sentence, else the dateline's (inferred; no coordinates)
  for (const cl of clusters) {
    if (cl.country || (cl.type !== 'GPE' && cl.type !== 'LOC')) continue;
    const first = cl.mentions.find((m) => m.kind === 'name');
    if (!first || first.place) continue;
    const before = doc.text.slice(Math.max(0, first.start - 40), first.start);
    if (!/\b(village|villages|town|towns|hamlet|settlement|township|city|suburb|district|neighbou?rhood) of\s+$/i.test(before)) continue;
    // (only places count: "the Israeli army struck the village of X" says who struck, not
    // where X is)
    let near: Candidate | null = null;
    for (const o of cands) {
      if (o.sentence !== first.sentence || o === first || !o.country || !o.place || o.kind !== 'name') continue;
      if (dl && o.start >= dl.start && o.end <= dl.end) continue;
      if (!near || Math.abs(o.start - first.start) < Math.abs(near.start - first.start)) near = o;
    }
    const country = near?.country ?? datelineCountry;
    if (!country) continue;
    cl.country = country;
    for (const m of cl.mentions) if (m.kind !== 'pronoun') { m.country = country; m.countrySource = 'inferred'; }
    first.by += near ? '+nearest-place' : '+dateline-country';
  }

  // people no lexicon or title places ("Salim Haddad said"): the country named nearest in
  // the sentence of their first name mention, else the dateline's (inferred; no sector)
  for (const cl of clusters) {
    if (cl.country || cl.type !== 'PERSON') continue;
    const first = cl.mentions.find((m) => m.kind === 'name');
    if (!first || first.entry || cl.mentions.some((m) => m.kind === 'name' && m.entry)) continue;
    const near = nearestCountry(first);
    const country = near ?? datelineCountry;
    if (!country) continue;
    cl.country = country;
    for (const m of cl.mentions) if (m.kind !== 'pronoun') { m.country = country; m.countrySource = 'inferred'; }
    first.by += near ? '+nearest-country' : '+dateline-country';
  }

  // places on the map, disambiguated by the countries and US states the document names
  const hints = placeHints(cands, datelineCountry);

  const entities: AnalysisEntity[] = [];
  const subSectors: Record<string, string> = {};
  const entityOf = new Map<Cluster, string>();
  const ordered = [...clusters].sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  for (const cl of ordered) {
    const id = 'e' + (entities.length + 1);
    entityOf.set(cl, id);
    const firstName = cl.mentions.find((m) => m.kind === 'name' && m.type !== 'NORP') ?? cl.mentions.find((m) => m.kind !== 'pronoun') ?? cl.mentions[0];
    const type: EntityType = cl.keys.has('country:' + cl.country) ? 'GPE' : firstName.type;
    let geo: AnalysisEntity['geo'] = null;
    let country = cl.country;
    const placed = cl.mentions.find((m) => m.place && m.kind === 'name') ?? cl.mentions.find((m) => m.place);
    if (placed?.place && (type === 'GPE' || type === 'LOC')) {
      const p = placed.place;
      if (p.kind === 'country' || cl.keys.has('country:' + country)) {
        const rec = country ? countryIndex().byCode.get(country) : undefined;
        if (rec?.latlng) geo = { lat: rec.latlng[0], lon: rec.latlng[1], admin1: null };
      } else if (p.kind === 'city' || p.kind === 'region' || p.kind === 'other') {
        // the same answer the actor rules above were given (`placeCandidates`)
        const placed = placeInDocument(p, country, hints);
        geo = placed.geo;
        country = placed.country;
      } else if (p.kind === 'state') {
        geo = null;
      }
    }
    if (!country && cl.subSector && (cl.sector === 'IGO' || cl.sector === 'NGO')) subSectors[id] = cl.subSector;
    entities.push({
      id, name: entityName(cl), type, country, sector: type === 'GPE' && cl.keys.has('country:' + country) ? null : cl.sector,
      aliases: entityAliases(cl), geo, by: cl.by,
    });
  }
  const mentions: AnalysisMention[] = [];
  const actors: MentionActors = {};
  const heads: Record<string, number> = {};
  for (const c of cands) {
    const cl = of.get(c);
    if (!cl || !entityOf.has(cl)) continue; // unresolved pronouns (first/second person, no antecedent)
    const id = 'm' + (mentions.length + 1);
    const kind = c.kind === 'name' && c.type === 'NORP' ? 'name' : c.kind;
    mentions.push({ id, start: c.start, end: c.end, text: c.text, type: c.type, entity: entityOf.get(cl)!, kind, by: c.by });
    if (c.actor) actors[id] = c.actor;
    if (c.head !== undefined && c.kind === 'nominal' && doc.tokens[c.head]) heads[id] = doc.tokens[c.head].start;
  }
  doc.mentions = mentions;
  doc.entities = entities;
  doc.data[MENTION_ACTORS] = actors;
  doc.data[ENTITY_SUB_SECTORS] = subSectors;
  doc.data[MENTION_HEADS] = heads;
}

/**
 * The country a document names most often (countries, demonyms, capitals and cities, the
 * dateline left out), when it names it more often than any other; else null.
 *
 * @example
 * documentCountry(cands, null) // 'NPL' for a report naming Nepal three times and India once
 */
export function documentCountry(cands: readonly Candidate[], dl: { start: number; end: number } | null | undefined): string | null {
  const counts = new Map<string, number>();
  for (const c of cands) {
    if (!c.country || c.kind === 'pronoun' || (c.type !== 'GPE' && c.type !== 'NORP' && c.type !== 'LOC')) continue;
    if (dl && c.start >= dl.start && c.end <= dl.end) continue;
    counts.set(c.country, (counts.get(c.country) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1][1] === ranked[0][1])) return null;
  return ranked[0][0];
}

/** The resolve stage, for `defaultStages()`. */
export const resolveStage: Stage = {
  name: 'resolve',
  run(doc: WorkingDoc) {
    resolveDocument(doc);
  },
};

/** For tests and the bench: words of a name as the matcher compares them. */
export { wordsOf };
