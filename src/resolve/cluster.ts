/**
 * @module resolve/cluster
 * Groups mention candidates into entities, in text order:
 * - gazetteer and lexicon names by their key (North Korea = DPRK = Democratic People's
 *   Republic of Korea: one country code; KCNA = Korean Central News Agency: one lexicon entry);
 * - person names by their words (Kim Jong-un = Kim Jong Un; "Kim" or "Putin" alone = the most
 *   recent person whose name begins or ends with it);
 * - acronyms with their expansions (initials, or "Name (ACR)");
 * - demonyms and capital metonyms to their country;
 * - nominals to the most recent compatible entity (same country and sector; "the agency" →
 *   the last news agency), and groups of one country and sector into the named organisation
 *   of that country and sector ("Russian forces" → the Armed Forces of the Russian Federation);
 * - pronouns to the most salient compatible entity before them (subject of the sentence
 *   before, then recency).
 */
import type { AnalysisEntity, EntityType } from '../types.js';
import { countryIndex, normaliseName } from './countries.js';
import { wordsOf } from './lexicon.js';
import { placeIndex } from './places.js';
import type { Candidate } from './detect.js';
import { coargumentSubject, governingSubjects, quoteSpans, speakerSlot } from './syntax.js';
import type { WorkingDoc } from '../types.js';

/** The parse layers the pronoun rules read, when the parse stage ran. */
export type ParseLayers = Pick<WorkingDoc, 'tokens' | 'heads' | 'deprels'> & Partial<Pick<WorkingDoc, 'text'>>;

export interface Cluster {
  mentions: Candidate[];
  type: EntityType;
  country: string | null;
  sector: string | null;
  keys: Set<string>;
  canonical: string | null;
  /** Name words of a person (for surname matching). */
  nameWords: string[][];
  /** Role heads seen ("leader", "agency"). */
  heads: Set<string>;
  /** Last mention's start, for recency. */
  last: number;
  /** An international body's second code (what it does), from its lexicon entry or role. */
  subSector: string | null;
  by: string;
}

const STOP = new Set(['of', 'the', 'and', 'for', "'s", 'de', 'in', 'on', 'a', 'an']);

/** "Korean Central News Agency" → "KCNA"; "Democratic People's Republic of Korea" → "DPRK". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .map((w) => w.replace(/'s$/i, ''))
    .filter((w) => w && !STOP.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

function personWords(text: string): string[] {
  return wordsOf(text).filter((w) => w !== "'s");
}

function sameOrSubName(a: string[], b: string[]): boolean {
  // a is the new mention's words, b an entity's name; equal, or a is b's first or last word(s)
  if (a.length === 0 || b.length === 0) return false;
  if (a.join(' ') === b.join(' ')) return true;
  if (a.length < b.length) {
    const head = b.slice(0, a.length).join(' ') === a.join(' ');
    const tail = b.slice(b.length - a.length).join(' ') === a.join(' ');
    return head || tail;
  }
  if (b.length < a.length) return sameOrSubName(b, a);
  return false;
}

function compatibleCountry(a: string | null, b: string | null): boolean {
  return !a || !b || a === b;
}

/**
 * Groups candidates into clusters. `mentions` must be in text order.
 *
 * @example
 * clusterMentions(detectMentions(doc)) // [{ mentions: [...], type: 'PERSON', country: 'RUS', … }]
 */
export function clusterMentions(cands: readonly Candidate[], parse?: ParseLayers): { clusters: Cluster[]; of: Map<Candidate, Cluster> } {
  const clusters: Cluster[] = [];
  const of = new Map<Candidate, Cluster>();
  const byKey = new Map<string, Cluster>();
  const add = (c: Candidate, cl: Cluster) => {
    cl.mentions.push(c);
    of.set(c, cl);
    cl.last = c.start;
    if (c.key) { cl.keys.add(c.key); byKey.set(c.key, cl); }
    if (!cl.country && c.country && (c.type !== 'NORP' || cl.type === 'GPE')) cl.country = c.country;
    if (!cl.sector && c.sector && c.kind !== 'pronoun') cl.sector = c.sector;
    if (!cl.subSector && c.subSector && c.kind !== 'pronoun') cl.subSector = c.subSector;
    if (c.role) cl.heads.add(c.role.words[c.role.words.length - 1]);
    if (c.type === 'PERSON' && c.kind === 'name') cl.nameWords.push(personWords(c.text));
    if (!cl.canonical && c.canonical) cl.canonical = c.canonical;
  };
  const open = (c: Candidate, type: EntityType = c.type): Cluster => {
    const cl: Cluster = { mentions: [], type, country: null, sector: null, keys: new Set(), canonical: null, nameWords: [], heads: new Set(), last: c.start, by: c.by, subSector: null };
    clusters.push(cl);
    add(c, cl);
    return cl;
  };
  const recent = (pred: (cl: Cluster) => boolean, before: number): Cluster | null => {
    let best: Cluster | null = null;
    for (const cl of clusters) {
      if (cl.last >= before) {
        // the cluster's last mention may lie after this one only if an earlier one is before
        if (!cl.mentions.some((m) => m.start < before)) continue;
      }
      if (!pred(cl)) continue;
      const lastBefore = Math.max(...cl.mentions.filter((m) => m.start < before).map((m) => m.start));
      if (!best || lastBefore > Math.max(...best.mentions.filter((m) => m.start < before).map((m) => m.start))) best = cl;
    }
    return best;
  };

  const deferred = new Map<Candidate, Candidate[]>();
  for (const c of cands) if (c.sameAs) deferred.set(c.sameAs, [...(deferred.get(c.sameAs) ?? []), c]);
  const settle = (c: Candidate) => {
    const cl = of.get(c);
    for (const d of deferred.get(c) ?? []) if (cl && !of.has(d)) add(d, cl);
  };
  for (const c of cands) {
    if (c.sameAs && cands.includes(c.sameAs)) {
      if (of.has(c.sameAs)) add(c, of.get(c.sameAs)!);
      continue;
    }
    placeOne(c);
    settle(c);
  }
  function placeOne(c: Candidate): void {
    // 1. keyed names: gazetteer, lexicon, demonyms, capital metonyms
    if (c.key && byKey.has(c.key)) { add(c, byKey.get(c.key)!); return; }
    if (c.kind === 'name' && c.type === 'PERSON') {
      const words = personWords(c.text);
      // a lexicon person with the same key may have been opened under another form
      const match = recent((cl) => cl.type === 'PERSON' && cl.nameWords.some((nw) => sameOrSubName(words, nw)) && compatibleCountry(cl.country, c.country), c.start);
      if (match) { add(c, match); return; }
      open(c);
      return;
    }
    if (c.kind === 'name' && (c.type === 'ORG' || c.type === 'MISC' || c.type === 'FAC')) {
      const norm = normaliseName(c.text);
      const compact = c.text.replace(/\./g, '');
      const acronym = /^[\p{Lu}\d&]{2,8}$/u.test(compact);
      // (same-named bodies of two countries stay two: "the Joint Chiefs of Staff in Seoul … in Washington")
      const match = recent((cl) => cl.type !== 'PERSON' && compatibleCountry(cl.country, c.country) && cl.mentions.some((m) => {
        if (m.kind !== 'name' && m.kind !== 'metonym') return false;
        if (normaliseName(m.text) === norm) return true;
        if (acronym && initials(m.text) === compact) return true;
        const mc = m.text.replace(/\./g, '');
        if (/^[\p{Lu}\d&]{2,8}$/u.test(mc) && initials(c.text) === mc) return true;
        return false;
      }) || (!!cl.canonical && (initials(cl.canonical) === compact && acronym)), c.start);
      if (match) { add(c, match); return; }
      open(c);
      return;
    }
    if (c.kind === 'name' || c.kind === 'metonym') {
      if (c.type === 'NORP' && c.country) {
        // a demonym links to its country, found or opened by the country key
        const key = 'country:' + c.country;
        const cl = byKey.get(key);
        if (cl) { add(c, cl); return; }
        const opened = open({ ...c, key }, 'GPE');
        of.set(c, opened);
        opened.mentions[opened.mentions.length - 1] = c;
        opened.by = 'rule/demonym-country';
        return;
      }
      // unknown place names from the NER model: same text, same entity
      const norm = normaliseName(c.text);
      const match = c.key ? null : recent((cl) => cl.type === c.type && cl.mentions.some((m) => normaliseName(m.text) === norm), c.start);
      if (match) { add(c, match); return; }
      open(c);
      return;
    }
    if (c.kind === 'nominal' && c.by === 'rule/anaphoric-noun') {
      // "the city" → the last city named, "the country" → the last country, "the group" → the
      // last named organisation; with none, no mention at all
      const w = c.text.toLowerCase().split(/\s+/).pop() ?? '';
      const match = recent((cl) => {
        if (c.type === 'ORG') return cl.type === 'ORG' && cl.mentions.some((m) => m.kind === 'name') && (!c.sector || cl.sector === c.sector);
        if (/^(city|capital|town|village)$/.test(w)) return cl.type === 'GPE' && cl.mentions.some((m) => m.place?.kind === 'city' || m.place?.kind === 'other');
        if (/^(province|region|state)$/.test(w)) return (cl.type === 'LOC' || cl.type === 'GPE') && cl.mentions.some((m) => m.place?.kind === 'region' || m.place?.kind === 'state');
        if (w === 'island') return (cl.type === 'GPE' || cl.type === 'LOC') && cl.mentions.some((m) => m.kind === 'name');
        return cl.type === 'GPE' && [...cl.keys].some((k) => k.startsWith('country:'));
      }, c.start);
      if (match) add(c, match);
      return;
    }
    if (c.kind === 'nominal') {
      const head = c.role?.words[c.role.words.length - 1];
      if (c.type === 'PERSON') {
        // "the North Korean leader" → the last person of that country and sector
        const match = recent((cl) => cl.type === 'PERSON' && cl.sector === c.sector && compatibleCountry(cl.country, c.country)
          && (c.anaphoric || !!c.country) && (cl.country !== null || c.country === null), c.start);
        if (match && (c.anaphoric || match.country === c.country)) { add(c, match); return; }
        open(c);
        return;
      }
      if (c.anaphoric) {
        // "the agency" → the last organisation with that head or sector
        const phrase = c.role?.words.join(' ');
        const match = c.proper
          ? recent((cl) => cl.type !== 'PERSON' && cl.mentions.some((m) => m.role?.words.join(' ') === phrase), c.start)
          : recent((cl) => cl.type !== 'PERSON' && cl.type !== 'NORP' && (!!head && cl.heads.has(head) || (c.sector !== null && cl.sector === c.sector && cl.mentions.some((m) => m.kind === 'name')
            // (not a body the text has given another head: "NIMET, the weather agency … the city council")
            && (cl.heads.size === 0 || !head))
            // "Acme Holdings … the company": a named organisation no lexicon or head word
            // placed in a sector is taken by "the company"/"the firm" (and becomes a business)
            || (c.sector === 'BUS' && cl.type === 'ORG' && cl.sector === null && cl.mentions.some((m) => m.kind === 'name' && m.type === 'ORG'))
            // "Yonhap reported … The agency cited officials": a head of no one sector refers
            // back to the last named organisation, whatever its sector
            || (c.role !== null && c.role.sector === null && c.sector === null && cl.type === 'ORG' && cl.mentions.some((m) => m.kind === 'name' && m.type === 'ORG'))), c.start);
        if (match) { add(c, match); return; }
      }
      // groups of one country and sector are one actor in a report
      if (c.country && c.sector) {
        const match = recent((cl) => cl.type === 'ORG' && cl.country === c.country && cl.sector === c.sector && cl.mentions.every((m) => m.kind !== 'name'), c.start);
        if (match) { add(c, match); return; }
      }
      open(c);
      return;
    }
  }
  // pronouns last, now that every named and nominal entity exists
  for (const c of cands) {
    if (c.kind !== 'pronoun' || !c.pronoun) continue;
    const p = c.pronoun;
    if (p.person !== 3) continue;
    const cl = antecedent(c, cands, of, parse);
    if (cl) add(c, cl);
  }
  // first person inside a quotation: the speaker ("…I will go," Putin said); "we" of an
  // organisation is that organisation, of a government or military official his country
  if (parse?.text) {
    const text = parse.text;
    for (const q of quoteSpans(text)) {
      const inQuote = cands.filter((c) => c.kind === 'pronoun' && c.pronoun?.person === 1 && c.start >= q.start && c.end <= q.end);
      if (inQuote.length === 0) continue;
      const slot = speakerSlot(text, q);
      const speaker = cands.filter((c) => of.has(c) && c.kind !== 'pronoun' ? slot(c.start, c.end) : of.has(c) && c.kind === 'pronoun' && c.pronoun?.person === 3 && slot(c.start, c.end))
        .sort((a, b) => (b.end - b.start) - (a.end - a.start))[0];
      const cl = speaker ? of.get(speaker) : undefined;
      if (!cl) continue;
      const person = cl.type === 'PERSON' && !isGroup(cl);
      const plural = person && cl.country && (cl.sector === 'GOV' || cl.sector === 'MIL') ? byKey.get('country:' + cl.country) ?? null : person ? null : cl;
      for (const p of inQuote) {
        const target = p.pronoun!.number === 'sg' ? (person ? cl : null) : plural;
        if (target && !of.has(p)) { add(p, target); p.by += '+quote-speaker'; }
      }
    }
  }
  // first and second person outside quotations: the writer or narrator ("I", "me", "my"), the
  // writer with others ("we", "our") and the reader or listener ("you"), one entity each per
  // document. Known only by pronouns, they stay this report's own in the store (its key for
  // entities no name mentions carries the document's hash), never one "I" across reports.
  if (parse?.text) {
    const quotes = quoteSpans(parse.text);
    const inQuote = (c: Candidate) => quotes.some((q) => c.start >= q.start && c.end <= q.end);
    const voices = new Map<string, Cluster>();
    for (const c of cands) {
      if (c.kind !== 'pronoun' || !c.pronoun || c.pronoun.person === 3 || of.has(c) || inQuote(c)) continue;
      const voice = c.pronoun.person === 2 ? 'you' : c.pronoun.number === 'sg' ? 'I' : 'we';
      const cl = voices.get(voice);
      if (cl) { add(c, cl); continue; }
      const opened = open(c, 'PERSON');
      opened.canonical = voice;
      opened.by = 'rule/' + (voice === 'you' ? 'addressee' : 'narrator');
      voices.set(voice, opened);
    }
  }
  // "its fighters", "their troops": a group owned by a pronoun's referent is of its country
  for (const c of cands) {
    if (c.kind !== 'nominal' || c.type === 'PERSON' || c.country) continue;
    const owner = cands.find((p) => p.kind === 'pronoun' && p.tokStart === c.tokStart && /^(its|their|his|her)$/i.test(p.text));
    const ownerCl = owner ? of.get(owner) : undefined;
    const cl = of.get(c);
    if (!ownerCl?.country || !cl || cl.country || cl === ownerCl) continue;
    c.country = ownerCl.country;
    c.countrySource = 'inferred';
    c.by += '+owner-country';
    cl.country = ownerCl.country;
  }
  // groups into the one named organisation of their country and sector
  const merged = new Set<Cluster>();
  for (const cl of clusters) {
    if (cl.type !== 'ORG' || !cl.country || !cl.sector || cl.mentions.some((m) => m.kind === 'name' || m.kind === 'metonym')) continue;
    // (a named body renamed by a role of its own, "NIMET, the national weather agency", takes
    // only groups of that role: "the city council" and "the government" are other bodies)
    const targets = clusters.filter((t) => t !== cl && !merged.has(t) && t.type === 'ORG' && t.country === cl.country && t.sector === cl.sector && t.mentions.some((m) => m.kind === 'name')
      && (t.heads.size === 0 || [...cl.heads].some((h) => t.heads.has(h))));
    if (targets.length !== 1) continue;
    for (const m of cl.mentions) { targets[0].mentions.push(m); of.set(m, targets[0]); }
    targets[0].mentions.sort((a, b) => a.start - b.start);
    merged.add(cl);
  }
  return { clusters: clusters.filter((cl) => !merged.has(cl) && cl.mentions.length > 0), of };
}

/** The antecedent of a third-person pronoun: same or previous sentences, agreement, salience. */
function antecedent(p: Candidate, cands: readonly Candidate[], of: Map<Candidate, Cluster>, parse?: ParseLayers): Cluster | null {
  const pr = p.pronoun!;
  // with a parse: the subjects of the clauses above the pronoun are its likeliest antecedents
  // ("Pyongyang's military claimed its soldiers …"), and the subject of the verb it is the
  // object of is not one ("Israel attacked it")
  const reflexive = /self$|selves$/.test(p.text.toLowerCase());
  const coSubject = parse?.heads && !reflexive ? coargumentSubject(parse, p.tokStart) : -1;
  const subjects = parse?.heads ? governingSubjects(parse, p.tokStart).filter((s) => s !== coSubject) : [];
  const covers = (c: Candidate, t: number) => c.tokStart <= t && t < c.tokEnd;
  let best: Cluster | null = null;
  let bestScore = -Infinity;
  for (const c of cands) {
    if (c.start >= p.start) break;
    if (c.kind === 'pronoun' && !of.has(c)) continue;
    if (p.sentence - c.sentence > 3) continue;
    const cl = of.get(c);
    if (!cl) continue;
    const t = cl.type;
    let ok: boolean;
    if (pr.gender === 'm' || pr.gender === 'f') ok = t === 'PERSON' && !isGroup(cl);
    // "the army … its", "the government … it": a singular group noun takes "it"
    else if (pr.gender === 'n') ok = (t === 'ORG' || t === 'GPE') && (!isGroup(cl) || c.plural === false) && c.type !== 'NORP';
    else ok = isGroup(cl) || ((t === 'ORG' || t === 'GPE') && c.type !== 'NORP');
    if (!ok) continue;
    if (c.type === 'NORP' || c.kind === 'metonym' && c.type === 'GPE' && c.actor === null) continue;
    // salience: recency; in earlier sentences their subjects (first mention), in the same
    // sentence the nearest; plural pronouns prefer groups of people
    const dist = p.sentence - c.sentence;
    let score = -dist * 3;
    if (dist === 0) score += 2 - (p.start - c.end) / 200;
    else {
      const firstInSentence = !cands.some((o) => o.sentence === c.sentence && o.start < c.start && o.kind !== 'pronoun' && o.type !== 'NORP' && of.has(o));
      if (firstInSentence) score += 2;
      score += c.start / 1e7;
    }
    if (c.kind === 'pronoun') score += 0.5;
    if (pr.number === 'pl' && isGroup(cl)) score += 2;
    if (pr.gender === 'n' && t === 'GPE' && c.place?.kind === 'city') score -= 2;
    if (dist === 0 && subjects.length > 0) {
      const rank = subjects.findIndex((s) => covers(c, s));
      if (rank >= 0) score += rank === 0 ? 4 : 2;
    }
    if (coSubject >= 0 && covers(c, coSubject)) score -= 6;
    if (score > bestScore) { bestScore = score; best = cl; }
  }
  return best;
}

function isGroup(cl: Cluster): boolean {
  return cl.mentions.some((m) => m.role?.kind === 'group') && !cl.mentions.some((m) => m.kind === 'name');
}

/** The name an entity is known by: a country's common name, else the fullest name form. */
export function entityName(cl: Cluster): string {
  const strip = (s: string) => s.replace(/^(the|a|an)\s+/i, '');
  if (cl.keys.size > 0 && [...cl.keys].some((k) => k.startsWith('country:')) && cl.canonical) {
    const named = cl.mentions.find((m) => m.kind === 'name' && normaliseName(m.text) === normaliseName(cl.canonical!));
    if (named || !cl.mentions.some((m) => m.kind === 'name' && m.type !== 'NORP')) return cl.canonical;
  }
  if ([...cl.keys].some((k) => k.startsWith('region:')) && cl.canonical) return cl.canonical;
  const names = cl.mentions.filter((m) => m.kind === 'name' && m.type !== 'NORP').map((m) => strip(m.text));
  const pool = names.length > 0 ? names : cl.mentions.filter((m) => m.kind === 'metonym').map((m) => strip(m.text));
  const pool2 = pool.length > 0 ? pool : cl.mentions.filter((m) => m.kind === 'nominal').map((m) => strip(m.text));
  if (pool2.length === 0) return cl.canonical ?? strip(cl.mentions[0].text);
  // a dateline's capitals ("GENEVA, March 14 (Reuters)") are typography: the same name written
  // as a name is the entity's ("Geneva"); a place known only so takes the gazetteer's spelling
  const shouted = (x: string) => /\p{Lu}{3}/u.test(x) && !/\p{Ll}/u.test(x);
  const written = pool2.filter((x) => !shouted(x));
  if (written.length === 0 && names.length > 0) {
    const placed = cl.mentions.find((m) => m.kind === 'name' && m.place && (m.place.kind === 'city' || m.place.kind === 'other'));
    const gazetteer = placed ? placeIndex().cities.get(normaliseName(placed.text))?.[0]?.name : undefined;
    if (gazetteer && normaliseName(gazetteer) === normaliseName(placed!.text)) return gazetteer;
  }
  return (written.length > 0 ? written : pool2).reduce((a, b) => (b.length > a.length ? b : a));
}

/** The aliases: every distinct name, metonym and title form the text used (not pronouns, not demonyms). */
export function entityAliases(cl: Cluster): string[] {
  const strip = (s: string) => s.replace(/^(the|a|an)\s+/i, '');
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (s: string) => { const k = s; if (!seen.has(k)) { seen.add(k); out.push(s); } };
  const hasName = cl.mentions.some((m) => m.kind === 'name' && m.type !== 'NORP');
  for (const m of cl.mentions) {
    if (m.kind === 'pronoun' || m.type === 'NORP') continue;
    if (m.kind === 'nominal' && hasName) continue;
    push(strip(m.text));
    if (m.titled && !m.titled.includes(',')) push(m.titled);
  }
  return out;
}

/** Re-exported for the stage: a country's record by code. */
export function countryName(code: string): string | null {
  return countryIndex().byCode.get(code)?.name ?? null;
}

export type { AnalysisEntity };
