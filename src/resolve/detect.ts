/**
 * @module resolve/detect
 * Finds actor and place mentions over the tokens, without any model: gazetteer names
 * (countries, demonyms, capitals, cities, regions, US states), lexicon names (organisations,
 * office holders, metonymic seats), role phrases that give a sector ("Russian President",
 * "the Armed Forces of the Russian Federation", "Pyongyang's military", "Turkish police"),
 * titles before names ("Prime Minister Tran Xuan Gia"), and pronouns. The NER model's
 * mentions, when present, are merged in by the stage (`stage.ts`).
 *
 * Each candidate records what the text stated (`country`, `sector`) and the rule that
 * found it (`by`); grouping into entities happens in `cluster.ts`.
 */
import type { EntityType, MentionKind, WorkingDoc } from '../types.js';
import { countryIndex, normaliseName, type CountryRecord } from './countries.js';
import { actorLexicon, leaderBySurname, officeInYear, wordsOf, type ActorLexicon, type NamedEntry, type RoleEntry } from './lexicon.js';
import { placeCandidates, placeIndex } from './places.js';
import { dominates } from './syntax.js';
import { MODIFIER_COMPOUND } from '../nlp/tokenize.js';

/** What a candidate mention says about its actor, before grouping. */
export interface Candidate {
  start: number;
  end: number;
  text: string;
  /** Token range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  type: EntityType;
  kind: MentionKind;
  by: string;
  country: string | null;
  sector: string | null;
  /** How sure the country is: 'stated' (named in the text/lexicon) or 'inferred'. */
  countrySource: 'stated' | 'inferred' | null;
  /** Grouping key for gazetteer and lexicon names ("country:PRK", "lex:kremlin"). */
  key: string | null;
  /** Canonical name from the gazetteer or lexicon (not necessarily in the text). */
  canonical: string | null;
  /** The role that gave a sector, for nominal and titled mentions. */
  role: RoleEntry | null;
  /** A role phrase around a name: "Russian President Vladimir Putin" (an alias). */
  titled: string | null;
  /** For places: the looked-up name (city or region base). */
  place: { kind: 'country' | 'city' | 'region' | 'state' | 'other'; lookup: string } | null;
  /** Pronoun features. */
  pronoun: { person: 1 | 2 | 3; number: 'sg' | 'pl'; gender: 'm' | 'f' | 'n' | null } | null;
  /** Sentence index. */
  sentence: number;
  /** Definite nominal ("the agency"): looks back for an antecedent. */
  anaphoric: boolean;
  /** Actor code this mention stands for, where it differs from its entity's (a demonym
   * modifying "officials" stands for that country's government). */
  actor: { code: string | null; sector: string | null; subSector?: string | null } | null;
  /** Lexicon entry, when one matched. */
  entry: NamedEntry | null;
  /** An appositive name this nominal renames ("the state news agency KCNA", "Yonhap, the state media"). */
  sameAs: Candidate | null;
  /** Grammatical number of a nominal's head or a pronoun ("the army": false, "troops": true). */
  plural?: boolean;
  /** Token index of a nominal's head word ("soldiers" in "its soldiers"). */
  head?: number;
  /** A capitalised role phrase mid-sentence ("the Interior Ministry"): the name of one body. */
  proper?: boolean;
  /** For an international body or its people: the second code of what they do ("UN
   * peacekeepers" MIL, the Security Council GOV; see `NamedEntry.subSector`). */
  subSector?: string | null;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'these', 'those', 'that', 'some', 'many', 'several', 'two', 'three', 'four', 'five', 'dozens', 'hundreds', 'thousands', 'both', 'all', 'other', 'any', 'no', 'every', 'each', 'my', 'your']);
/** Adjectives that may sit between a determiner and a role head. */
const ADJECTIVES = new Set(['senior', 'top', 'former', 'new', 'local', 'national', 'state-run', 'state-owned', 'chief', 'deputy', 'vice', 'acting', 'interim', 'federal', 'provincial', 'regional', 'special', 'elite', 'armed', 'other', 'outgoing', 'incoming', 'ruling', 'main', 'leading', 'high-ranking', 'junior', 'retired', 'exiled', 'suspected', 'alleged', 'radical', 'moderate', 'hardline', 'pro-government', 'anti-government', 'pro-russian', 'islamic', 'muslim', 'christian', 'jewish', 'kurdish', 'tamil', 'ethnic', 'nationalist', 'communist', 'right-wing', 'left-wing', 'unidentified', 'masked', 'young', 'british-born', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'joint', 'allied', 'enemy', 'foreign', 'domestic', 'civilian', 'private', 'public', 'official', 'independent', 'neo-nazi', 'criminal', 'entire', 'whole', 'moslem', 'hindu', 'sikh', 'buddhist', 'catholic', 'protestant', 'orthodox', 'shiite', 'shia', 'sunni', 'druze', 'alawite', 'maronite', 'coptic']);
/** Religious and sectarian adjectives: armed men so named are a faction, not a state's army
 * ("Moslem forces", "Christian militias"). */
const RELIGIOUS = new Set(['islamic', 'muslim', 'moslem', 'christian', 'jewish', 'hindu', 'sikh', 'buddhist', 'catholic', 'protestant', 'orthodox', 'shiite', 'shia', 'sunni', 'druze', 'alawite', 'maronite', 'coptic']);
const COLLECTIVES = new Set(['group', 'groups', 'units', 'unit', 'members', 'member', 'number', 'hundreds', 'thousands', 'dozens', 'band', 'team', 'contingent', 'battalion', 'battalions', 'brigade', 'company', 'detachment', 'delegation', 'spokesman', 'spokeswoman', 'spokesperson']);
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'comrade', 'sir', 'dame', 'gen', 'gen.', 'col', 'col.', 'lt', 'lt.', 'sen', 'sen.', 'rep', 'rep.', 'gov', 'gov.', 'pres', 'pres.', 'prof', 'prof.', 'president', 'sheikh', 'ayatollah', 'mullah', 'imam', 'marshal', 'admiral', 'adm', 'adm.', 'major', 'maj', 'maj.', 'captain', 'capt', 'capt.', 'sergeant', 'sgt', 'sgt.', 'judge', 'justice', 'bishop', 'cardinal', 'pope', 'prince', 'princess', 'king', 'queen', 'lord', 'lady']);
const NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'da', 'dos', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'abu', 'ben', 'di', 'del']);
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'into', 'from', 'to', 'towards', 'toward', 'through', 'throughout', 'via', 'within', 'over', 'reached', 'visited', 'visit', 'visiting', 'arrived', 'left', 'entered', 'north', 'south', 'east', 'west', 'of', 'on']);
const REGION_WORDS = new Set(['region', 'oblast', 'province', 'governorate', 'prefecture', 'district', 'krai', 'county', 'state', 'territory', 'area', 'republic']);
const ANAPHORIC_NOUNS: ReadonlyMap<string, { type: EntityType; sector: string | null }> = new Map([
  ['country', { type: 'GPE', sector: null }], ['nation', { type: 'GPE', sector: null }],
  ['city', { type: 'GPE', sector: null }], ['capital', { type: 'GPE', sector: null }],
  ['organisation', { type: 'ORG', sector: null }], ['organization', { type: 'ORG', sector: null }],
  ['group', { type: 'ORG', sector: null }], ['movement', { type: 'ORG', sector: null }],
  ['town', { type: 'GPE', sector: null }], ['village', { type: 'GPE', sector: null }],
  ['island', { type: 'GPE', sector: null }], ['province', { type: 'LOC', sector: null }], ['region', { type: 'LOC', sector: null }],
  ['state', { type: 'GPE', sector: null }], ['kingdom', { type: 'GPE', sector: null }], ['republic', { type: 'GPE', sector: null }],
  ['university', { type: 'ORG', sector: 'EDU' }], ['institute', { type: 'ORG', sector: null }], ['association', { type: 'ORG', sector: null }],
]);

/** Pronouns with person, number and gender. First and second person are kept for quotes. */
export const PRONOUNS: ReadonlyMap<string, { person: 1 | 2 | 3; number: 'sg' | 'pl'; gender: 'm' | 'f' | 'n' | null }> = new Map([
  ['he', { person: 3, number: 'sg', gender: 'm' }], ['him', { person: 3, number: 'sg', gender: 'm' }],
  ['his', { person: 3, number: 'sg', gender: 'm' }], ['himself', { person: 3, number: 'sg', gender: 'm' }],
  ['she', { person: 3, number: 'sg', gender: 'f' }], ['her', { person: 3, number: 'sg', gender: 'f' }],
  ['hers', { person: 3, number: 'sg', gender: 'f' }], ['herself', { person: 3, number: 'sg', gender: 'f' }],
  ['it', { person: 3, number: 'sg', gender: 'n' }], ['its', { person: 3, number: 'sg', gender: 'n' }],
  ['itself', { person: 3, number: 'sg', gender: 'n' }],
  ['they', { person: 3, number: 'pl', gender: null }], ['them', { person: 3, number: 'pl', gender: null }],
  ['their', { person: 3, number: 'pl', gender: null }], ['theirs', { person: 3, number: 'pl', gender: null }],
  ['themselves', { person: 3, number: 'pl', gender: null }],
  ['i', { person: 1, number: 'sg', gender: null }], ['me', { person: 1, number: 'sg', gender: null }],
  ['my', { person: 1, number: 'sg', gender: null }], ['myself', { person: 1, number: 'sg', gender: null }],
  ['we', { person: 1, number: 'pl', gender: null }], ['us', { person: 1, number: 'pl', gender: null }],
  ['our', { person: 1, number: 'pl', gender: null }], ['ourselves', { person: 1, number: 'pl', gender: null }],
  ['you', { person: 2, number: 'sg', gender: null }], ['your', { person: 2, number: 'sg', gender: null }],
]);

/** Heads of a person's camp ("supporters of X", "followers of X"). */
/** Sectors of a state's own bodies (a lexicon body seated in another capital is that state's). */
const STATE_BODY_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);

const CAMP_HEADS = new Set(['supporters', 'followers', 'partisans']);

/** The role an ethnic group's name plays ("ethnic Turks"): people, coded as civilians. */
const ETHNIC_PEOPLE: RoleEntry = { phrase: 'ethnic people', words: ['ethnic', 'people'], sector: 'CVL', kind: 'group', strong: true };

/** Counting words that open a counted group ("two people", "thousands of residents"). */
const NUMBER_WORD = /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozens|hundreds|thousands|tens|millions|scores|several|many|some|few)$/;
/** Plural heads the POS tagger or an "-s" ending may miss. */
const PLURAL_HEADS = new Set(['people', 'police', 'personnel', 'men', 'women', 'children', 'staff', 'clergy', 'youth', 'militia', 'cattle']);

/** Whether a number or quantity opens the noun phrase ending before token i ("168", "nearly
 * 2,000", "thousands of", "many"). */
function countedBefore(ctx: Ctx, i: number): boolean {
  const counted = (w: string | undefined) => !!w && (NUMBER_WORD.test(w) || /^\d/.test(w));
  const w1 = ctx.words[i - 1];
  if (ctx.sentOf[i - 1] !== ctx.sentOf[i]) return false;
  return counted(w1) || (w1 === 'of' && counted(ctx.words[i - 2]));
}

/** Whether the noun at token i is plural: its POS tag when tagged, else its ending. */
function isPluralNoun(ctx: Ctx, i: number): boolean {
  const w = ctx.words[i] ?? '';
  if (PLURAL_HEADS.has(w)) return true;
  const tag = ctx.doc.pos?.[i];
  if (tag && /^NN/.test(tag)) return tag === 'NNS' || tag === 'NNPS';
  return /[^s]s$/.test(w);
}

/** Verbs and auxiliaries that, right after a capital, make it an agent ("Moscow said"). */
const AGENT_VERBS = /^(said|says|say|has|have|had|is|was|will|would|could|should|must|may|might|can|did|does|do|announced|announces|accused|accuses|warned|warns|denied|denies|demanded|demands|rejected|rejects|wants|wanted|urged|urges|called|calls|claimed|claims|insisted|insists|agreed|agrees|refused|refuses|threatened|threatens|condemned|condemns|responded|responds|sent|sends|expelled|recalled|signed|imposed|offered|decided|confirmed|confirms|reported|stated|added|declared|hopes|hoped|believes|believed|appears|seems)$/;
/** Words before a capital that make it a party to relations ("friendship with Moscow"). */
const RELATION_BEFORE = new Set(['with', 'between', 'against', 'by', 'and', 'urged', 'accused', 'warned', 'told', 'asked', 'called', 'pressed', 'criticised', 'criticized', 'condemned', 'supported', 'backed']);

function isCap(s: string): boolean {
  // ASCII answered from the code (only A–Z are upper-case letters there); asked per token, often
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(s);
}
function isAllCaps(s: string): boolean {
  return /^[\p{Lu}\d.&-]+$/u.test(s) && /\p{Lu}/u.test(s);
}

interface Ctx {
  doc: WorkingDoc;
  lex: ActorLexicon;
  words: string[];
  /** Index of the sentence each token is in, and whether it opens it. */
  sentOf: Int32Array;
  sentStart: Uint8Array;
  /** The report's year (from its publication date), for choosing an office holder's office. */
  year: number | null;
  /** `matchRole` per token, once asked (undefined: not yet). */
  roleAt: ({ role: RoleEntry; end: number } | null | undefined)[];
  /** `words` with hyphens as spaces, as role keys compare them (filled on use). */
  spaced: (string | undefined)[];
}

function span(ctx: Ctx, i: number, j: number): string {
  const t = ctx.doc.tokens;
  return ctx.doc.text.slice(t[i].start, t[j - 1].end);
}

function blank(ctx: Ctx, i: number, j: number, partial: Partial<Candidate>): Candidate {
  const t = ctx.doc.tokens;
  return {
    start: t[i].start, end: t[j - 1].end, text: ctx.doc.text.slice(t[i].start, t[j - 1].end), tokStart: i, tokEnd: j, type: 'MISC', kind: 'name', by: 'rule/gazetteer',
    country: null, sector: null, countrySource: null, key: null, canonical: null, role: null, titled: null, place: null,
    pronoun: null, sentence: ctx.sentOf[i] ?? 0, anaphoric: false, actor: null, entry: null, sameAs: null, ...partial,
  };
}

/** A gazetteer or lexicon name starting at token i, longest first. */
function matchName(ctx: Ctx, i: number): Candidate | null {
  const { doc, lex } = ctx;
  const toks = doc.tokens;
  const first = toks[i].text;
  if (!isCap(first) || ctx.words[i] === 'the' || first === 'The') return null;
  const sentIdx = ctx.sentOf[i];
  const idx = countryIndex();
  const places = placeIndex();
  const maxN = Math.min(10, toks.length - i);
  for (let n = maxN; n >= 1; n--) {
    const j = i + n;
    if (ctx.sentOf[j - 1] !== sentIdx) continue;
    const last = toks[j - 1].text;
    // a name ends in a capital, unless the lexicon writes it otherwise ("UN refugee agency")
    if (!isCap(last) && !/^\d/.test(last) && (!lex.lowerEndingWords.has(ctx.words[j - 1]) || !lex.lowerEnding.has(wordsOf(span(ctx, i, j)).join(' ')))) continue;
    // no punctuation inside a name except the possessive, hyphens and dots of initials
    let ok = true;
    for (let k = i + 1; k < j; k++) {
      const w = toks[k].text;
      if (!/[\p{L}\d]/u.test(w) && w !== "'s" && w !== '’s' && w !== '&' && w !== "'" && w !== '’') { ok = false; break; }
      if (toks[k].start > toks[k - 1].end + 1) { ok = false; break; }
    }
    if (!ok) continue;
    const text = span(ctx, i, j);
    const key = wordsOf(text).join(' ');
    if (!key) continue;
    const compact = text.replace(/\./g, '');
    // Short acronyms must be written in capitals ("WHO", not "Who"; "US", not "Us").
    const short = n === 1 && compact.length <= 5;
    const found = lex.named.get(key);
    const entry = found ? officeInYear(lex, found, ctx.year) : undefined;
    if (entry && (!short || !lex.exactCase.has(compact.toUpperCase()) || isAllCaps(text))) {
      return blank(ctx, i, j, {
        type: entry.type, kind: entry.source === 'metonym' ? 'metonym' : 'name', by: `lexicon/${entry.source}`,
        country: entry.country, sector: entry.sector, countrySource: entry.country ? 'stated' : null,
        key: 'lex:' + wordsOf(entry.name).join(' '), canonical: entry.name, entry, subSector: entry.subSector ?? null,
      });
    }
    const nk = normaliseName(text);
    const country = idx.byName.get(nk);
    if (country && (!short || compact.length > 3 || isAllCaps(text))) {
      return blank(ctx, i, j, {
        type: 'GPE', country: country.cca3, countrySource: 'stated', key: 'country:' + country.cca3, canonical: country.name,
        place: { kind: 'country', lookup: country.name },
      });
    }
    const demonym = idx.byDemonym.get(nk) ?? (nk.endsWith('s') ? idx.byDemonym.get(nk.slice(0, -1)) : undefined);
    if (demonym) {
      // "168 Liberians", "thousands of Nigerians": counted people of a country are its
      // civilians; the bare plural ("Palestinians reject the plan", "the rights of
      // Palestinians") is the people as a party, coded by country alone
      const plural = !idx.byDemonym.has(nk) && nk.endsWith('s');
      return blank(ctx, i, j, {
        type: 'NORP', country: demonym.cca3, countrySource: 'stated', key: 'country:' + demonym.cca3, canonical: demonym.name, by: 'rule/demonym',
        actor: plural && countedBefore(ctx, i) ? { code: demonym.cca3, sector: 'CVL' } : null,
      });
    }
    const extra = places.extra.get(nk);
    if (extra) {
      return blank(ctx, i, j, { type: 'GPE', country: extra.country, countrySource: 'stated', key: 'place:' + normaliseName(extra.canonical), canonical: extra.canonical, place: { kind: 'other', lookup: text } });
    }
    const capital = idx.byCapital.get(nk);
    if (capital) {
      return blank(ctx, i, j, { type: 'GPE', country: capital.cca3, countrySource: 'stated', key: 'place:' + nk, canonical: text, place: { kind: 'city', lookup: text } });
    }
    if (places.usStates.has(nk) && n <= 3) {
      return blank(ctx, i, j, { type: 'GPE', country: 'USA', countrySource: 'stated', key: 'place:' + nk, canonical: text, place: { kind: 'state', lookup: nk } });
    }
    const cities = places.cities.get(nk);
    // "South Lebanon" is a part of Lebanon, not Lebanon, Ohio
    const compass = /^(north|south|east|west|northern|southern|eastern|western|central|upper|lower) (.+)$/.exec(nk);
    if (compass && idx.byName.has(compass[2])) {
      const rec = idx.byName.get(compass[2])!;
      return blank(ctx, i, j, { type: 'LOC', country: rec.cca3, countrySource: 'stated', key: 'place:' + nk, canonical: text, place: { kind: 'other', lookup: text } });
    }
    if (cities && n <= 3) {
      const pop = cities[0].population;
      const prev = ctx.words[i - 1] ?? '';
      const locative = LOCATIVE.has(prev) || toks[j]?.text === ',';
      const big = pop >= 200_000 && !ctx.sentStart[i];
      if ((pop >= 15_000 && locative) || big) {
        return blank(ctx, i, j, { type: 'GPE', country: cities[0].country, countrySource: 'inferred', key: 'place:' + nk, canonical: text, place: { kind: 'city', lookup: text } });
      }
    }
    if (n === 1) {
      // an office holder's surname alone ("Bouteflika said"), not a word of another name
      // ("Chelsea Clinton", "Bush Administration" is still Bush's): the holder in office in the
      // report's year when it has a date
      const prevTok = toks[i - 1];
      const otherName = prevTok && ctx.sentOf[i - 1] === sentIdx && !ctx.sentStart[i - 1] && isCap(prevTok.text) && /^\p{L}+$/u.test(prevTok.text)
        && !HONORIFICS.has(ctx.words[i - 1]) && !lex.roles.has(ctx.words[i - 1]);
      const nextTok = toks[i + 1];
      const nextName = nextTok && ctx.sentOf[i + 1] === sentIdx && isCap(nextTok.text) && /^\p{L}+$/u.test(nextTok.text) && !lex.roles.has(ctx.words[i + 1]);
      const leader = otherName || nextName ? null : leaderBySurname(lex, nk, ctx.year);
      if (leader) {
        return blank(ctx, i, j, {
          type: 'PERSON', by: 'lexicon/leader-surname', country: leader.country, sector: leader.sector, countrySource: leader.country ? 'stated' : null,
          key: 'lex:' + wordsOf(leader.name).join(' '), canonical: leader.name, entry: leader, subSector: leader.subSector ?? null,
        });
      }
    }
  }
  return matchMisspeltCountry(ctx, i);
}

/**
 * A misspelt country, demonym or capital ("Ethopia", "Quatar", "Khatmandu"): one word of six
 * letters or more, capitalised, that nothing else matched and that is one edit (insertion,
 * deletion, substitution or swap of neighbours) from exactly one country's name or demonym
 * with the same first letter. Not next to another capitalised word ("Frances Smith"
 * is a person), and not when the candidates disagree on the country.
 */
function matchMisspeltCountry(ctx: Ctx, i: number): Candidate | null {
  const toks = ctx.doc.tokens;
  const text = toks[i].text;
  if (text.length < 6 || !/^\p{Lu}\p{Ll}+$/u.test(text)) return null;
  const sentIdx = ctx.sentOf[i];
  const capNeighbour = (k: number) => toks[k] !== undefined && ctx.sentOf[k] === sentIdx && !ctx.sentStart[k] && isCap(toks[k].text) && /^\p{L}+$/u.test(toks[k].text);
  if ((capNeighbour(i - 1) && !ctx.sentStart[i]) || capNeighbour(i + 1)) return null;
  if (ctx.lex.roles.has(ctx.words[i]) || placeIndex().cities.has(ctx.words[i])) return null;
  const hit = fuzzyCountry(ctx.words[i]);
  if (!hit) return null;
  const { rec, as, word } = hit;
  if (as === 'demonym') {
    return blank(ctx, i, i + 1, { type: 'NORP', country: rec.cca3, countrySource: 'inferred', key: 'country:' + rec.cca3, canonical: rec.name, by: 'rule/misspelt-country' });
  }
  if (as === 'capital') {
    return blank(ctx, i, i + 1, { type: 'GPE', country: rec.cca3, countrySource: 'inferred', key: 'place:' + word, canonical: text, by: 'rule/misspelt-country', place: { kind: 'city', lookup: word } });
  }
  return blank(ctx, i, i + 1, {
    type: 'GPE', country: rec.cca3, countrySource: 'inferred', key: 'country:' + rec.cca3, canonical: rec.name, by: 'rule/misspelt-country',
    place: { kind: 'country', lookup: rec.name },
  });
}

type FuzzyKind = 'name' | 'demonym' | 'capital';
let fuzzyWords: Array<{ word: string; rec: CountryRecord; as: FuzzyKind }> | null = null;

/** True when `a` and `b` are at most one edit apart (optimal string alignment, swaps count one). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let p = 0;
  while (p < la && p < lb && a[p] === b[p]) p++;
  if (la === lb) {
    if (a.slice(p + 1) === b.slice(p + 1)) return true; // substitution
    return a[p] === b[p + 1] && a[p + 1] === b[p] && a.slice(p + 2) === b.slice(p + 2); // swap
  }
  return la > lb ? a.slice(p + 1) === b.slice(p) : a.slice(p) === b.slice(p + 1);
}

/**
 * The one country a lower-case word is a misspelling of (one edit, same first letter), with
 * whether it spelt the name, a demonym or a capital; null when none or several countries fit.
 *
 * @example
 * fuzzyCountry('ethopia') // { rec: { cca3: 'ETH', … }, as: 'name', word: 'ethiopia' }
 */
export function fuzzyCountry(word: string): { rec: CountryRecord; as: FuzzyKind; word: string } | null {
  if (!fuzzyWords) {
    const idx = countryIndex();
    const list: Array<{ word: string; rec: CountryRecord; as: FuzzyKind }> = [];
    const add = (m: ReadonlyMap<string, CountryRecord>, as: FuzzyKind) => {
      for (const [k, rec] of m) if (k.length >= 5 && /^\p{Ll}+$/u.test(k)) list.push({ word: k, rec, as });
    };
    // capitals are left out: many are short words one edit from a people or a surname
    // ("Aymara" ~ "Asmara")
    add(idx.byName, 'name'); add(idx.byDemonym, 'demonym');
    fuzzyWords = list;
  }
  if (word.length < 6) return null;
  const hits = fuzzyWords.filter((f) => f.word[0] === word[0] && f.word !== word && oneEditApart(f.word, word));
  if (hits.length === 0 || hits.some((h) => h.rec.cca3 !== hits[0].rec.cca3)) return null;
  // a plural demonym one letter off ("Swedes" ~ "Sweden") is still the country's people
  return hits.find((h) => h.as === 'name') ?? hits[0];
}

/** Single-word roles of nine letters or more, per lexicon, for the misspelling check. */
const longRoles = new WeakMap<ActorLexicon, RoleEntry[]>();

/** A role phrase starting at token i (longest), or null. */
function matchRole(ctx: Ctx, i: number): { role: RoleEntry; end: number } | null {
  // asked several times per token (names, glue checks, role phrases): answered once
  const known = ctx.roleAt[i];
  if (known !== undefined) return known;
  const { lex, words } = ctx;
  let found: { role: RoleEntry; end: number } | null = null;
  for (let n = Math.min(lex.roleMaxWords, words.length - i); n >= 1; n--) {
    let key = '';
    for (let k = i; k < i + n; k++) key += (k > i ? ' ' : '') + (ctx.spaced[k] ??= words[k].replace(/-/g, ' '));
    const role = lex.roles.get(key);
    if (role) { found = { role, end: i + n }; break; }
  }
  // "peackeepers", "goverment": a long lower-case word one edit from one single-word role of
  // nine letters or more (same first letter) is that role misspelt
  if (!found && i >= 0 && i < words.length && words[i].length >= 9 && /^\p{Ll}+$/u.test(ctx.doc.tokens[i].text)) {
    const w = words[i];
    let long = longRoles.get(lex);
    if (!long) longRoles.set(lex, long = [...lex.roles.values()].filter((r) => r.words.length === 1 && r.words[0].length >= 9));
    // (an inflection is no misspelling: "commissions" is the plural of a role the table gives
    // only in the singular, not "commission" misspelt)
    const hits = long.filter((r) => r.words[0][0] === w[0] && r.words[0] !== w && w !== r.words[0] + 's' && oneEditApart(r.words[0], w));
    if (hits.length === 1) found = { role: hits[0], end: i + 1 };
  }
  if (i >= 0 && i < ctx.roleAt.length) ctx.roleAt[i] = found;
  return found;
}

/** Country of a name candidate: a country, demonym, capital (metonym), or organisation. */
function countryOf(c: Candidate | undefined): string | null {
  if (!c) return null;
  if (c.type === 'PERSON') return null;
  return c.country;
}

/**
 * All candidates in the document, in text order. Name candidates never overlap each other;
 * role phrases may contain names ("the Armed Forces of [the Russian Federation]").
 *
 * @example
 * detectMentions(doc).map(c => [c.type, c.country, c.sector])
 */
export function detectMentions(doc: WorkingDoc, lex: ActorLexicon = actorLexicon()): Candidate[] {
  const toks = doc.tokens;
  const words = toks.map((t) => normaliseName(t.text) || t.text.toLowerCase());
  const sentOf = new Int32Array(toks.length);
  const sentStart = new Uint8Array(toks.length);
  doc.sentences.forEach((s, si) => {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) sentOf[k] = si;
    // the first word after opening quotes/brackets starts the sentence too
    let k = s.tokenStart;
    while (k < s.tokenEnd && !/[\p{L}\d]/u.test(toks[k].text)) k++;
    if (k < s.tokenEnd) sentStart[k] = 1;
  });
  const published = /^(\d{4})/.exec(doc.document.published ?? '');
  const ctx: Ctx = { doc, lex, words, sentOf, sentStart, year: published ? Number(published[1]) : null, roleAt: new Array(toks.length), spaced: new Array(toks.length) };
  const out: Candidate[] = [];
  // 1. names, longest match left to right
  const nameAt: (Candidate | undefined)[] = new Array(toks.length);
  const nameEndAt: (Candidate | undefined)[] = new Array(toks.length);
  const dateline = doc.document.dateline;
  for (let i = 0; i < toks.length; i++) {
    // regions: "Kursk Region", "the Kursk border region"
    const region = matchRegion(ctx, i);
    if (region) {
      out.push(region);
      nameAt[i] = region;
      nameEndAt[region.tokEnd - 1] = region;
      i = region.tokEnd - 1;
      continue;
    }
    const c = matchName(ctx, i);
    if (!c) continue;
    // A place name glued to other capitalised words is part of a longer name ("Moscow
    // State University", "Michael Jordan"): leave it to the NER model.
    if (c.type === 'GPE' || c.type === 'NORP') {
      const prev = toks[i - 1];
      const next = toks[c.tokEnd];
      const gluedBefore = prev && isCap(prev.text) && /\p{L}/u.test(prev.text) && !sentStart[i - 1] && sentOf[i - 1] === sentOf[i]
        && !matchRole(ctx, i - 1) && !HONORIFICS.has(words[i - 1]) && !nameEndAt[i - 1] && !isAllCaps(prev.text)
        // "Israeli-occupied West Bank", "Turkish-held Cyprus": a participle compound modifies the place
        && !MODIFIER_COMPOUND.test(prev.text);
      const gluedAfter = next && isCap(next.text) && /\p{L}/u.test(next.text) && sentOf[c.tokEnd] === sentOf[i] && !matchRole(ctx, c.tokEnd)
        && c.type !== 'NORP' && !matchName(ctx, c.tokEnd) && !isAllCaps(next.text) && !(dateline && toks[c.tokEnd].start >= dateline.start && toks[c.tokEnd].end <= dateline.end);
      if (gluedBefore || gluedAfter) continue;
    }
    out.push(c);
    nameAt[i] = c;
    nameEndAt[c.tokEnd - 1] = c;
    i = c.tokEnd - 1;
  }
  // 1a. "Bosnian Serbs", "Iraqi Kurds": a demonym before a people's plural name is that
  // country's people (its civilians), one mention
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k];
    const b = out[k + 1];
    if (a.type !== 'NORP' || b.type !== 'NORP' || b.tokStart !== a.tokEnd || !/s$/.test(toks[b.tokEnd - 1].text) || a.text.endsWith('s')) continue;
    const merged = blank(ctx, a.tokStart, b.tokEnd, {
      type: 'NORP', by: 'rule/demonym-people', country: a.country, countrySource: 'stated', key: a.key, canonical: a.canonical,
      actor: { code: a.country, sector: 'CVL' },
    });
    out.splice(k, 2, merged);
    nameAt[a.tokStart] = merged; nameAt[b.tokStart] = undefined;
    nameEndAt[a.tokEnd - 1] = undefined; nameEndAt[b.tokEnd - 1] = merged;
  }
  // 1a'. "ethnic Albanians", "ethnic Turks": an ethnic group, not the people of the country
  // its name recalls; a group of civilians whose country the report around it gives (the
  // stage's context rules), unless a role word follows ("ethnic Albanian guerrillas": the role
  // phrase's)
  for (let i = 0; i + 1 < toks.length; i++) {
    if (words[i] !== 'ethnic' || sentOf[i + 1] !== sentOf[i] || !isCap(toks[i + 1].text)) continue;
    const named = nameAt[i + 1];
    const end = named ? named.tokEnd : i + 2;
    if (named && (named.type !== 'NORP' || matchRole(ctx, end))) continue;
    if (!/\p{Ll}s$/u.test(toks[end - 1].text) || (!named && (matchRole(ctx, i + 1) || matchRole(ctx, end)))) continue;
    if (named) { out.splice(out.indexOf(named), 1); nameAt[named.tokStart] = undefined; nameEndAt[named.tokEnd - 1] = undefined; }
    const group = blank(ctx, i, end, {
      type: 'MISC', kind: 'nominal', by: 'rule/ethnic-people', sector: 'CVL', role: ETHNIC_PEOPLE, plural: true, head: end - 1,
    });
    out.push(group);
    i = end - 1;
  }
  // 1b. a single word of a person's name seen earlier ("Kim", "Okafor") is that person
  const personWords = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const c = nameAt[i];
    if (c) {
      if (c.type === 'PERSON') {
        const w = c.text.split(/\s+/);
        if (w.length > 1) { personWords.add(w[0]); personWords.add(w[w.length - 1]); }
      }
      i = c.tokEnd - 1;
      continue;
    }
    const t = toks[i].text;
    if (personWords.has(t) && isCap(t) && !matchRole(ctx, i) && !(toks[i + 1] && isCap(toks[i + 1].text) && /^\p{L}/u.test(toks[i + 1].text))) {
      const c2 = blank(ctx, i, i + 1, { type: 'PERSON', by: 'rule/name-part' });
      out.push(c2);
      nameAt[i] = c2;
      nameEndAt[i] = c2;
    }
  }
  // 1c. capitalised organisation names the lexicon lacks: "Kenya Anti-Corruption Commission",
  // "Rwandan Patriotic Front" (country from a country or demonym inside, sector from the head)
  for (let i = 0; i < toks.length; i++) {
    const org = matchOrgName(ctx, i, nameAt);
    if (!org) continue;
    for (let k = org.tokStart; k < org.tokEnd; k++) {
      const inside = nameAt[k];
      if (inside) { out.splice(out.indexOf(inside), 1); nameAt[k] = undefined; nameEndAt[inside.tokEnd - 1] = undefined; }
    }
    out.push(org);
    nameAt[i] = org;
    nameEndAt[org.tokEnd - 1] = org;
    i = org.tokEnd - 1;
  }
  // 1d. cities and regions placed as the document places them (the dateline's country, the
  // countries it names) before a role phrase takes a country from one ("people from Valencia")
  placeCandidates(out, dateline);
  // 1e. "the Joint Chiefs of Staff in Seoul": a state body the lexicon files under one country,
  // by a name of ordinary words that other states' bodies share, placed by the text in another
  // country's capital is that country's (not acronyms or names that say their country)
  for (const c of out) {
    const e = c.entry;
    if (!e || e.source !== 'organisation' || !e.country || !STATE_BODY_SECTORS.has(e.sector ?? '') || c.tokEnd - c.tokStart < 2) continue;
    if (words[c.tokEnd] !== 'in' || sentOf[c.tokEnd + 1] !== sentOf[c.tokStart]) continue;
    const at = nameAt[c.tokEnd + 1];
    const capitalOf = at && at.place?.kind === 'city' && at.kind === 'name' ? countryIndex().byCapital.get(normaliseName(at.text)) : undefined;
    if (!capitalOf || capitalOf.cca3 === e.country || at!.country !== capitalOf.cca3) continue;
    const idx = countryIndex();
    if (words.slice(c.tokStart, c.tokEnd).some((w) => idx.byName.has(w) || idx.byDemonym.has(w) || idx.byCapital.has(w))) continue;
    c.country = capitalOf.cca3;
    c.countrySource = 'inferred';
    c.key = 'org:' + normaliseName(c.text) + ':' + capitalOf.cca3;
    c.entry = null;
    c.by += '+seat-in-capital';
  }
  // 2. capitals as places or as their governments
  for (const c of out) {
    if (c.place?.kind !== 'city' || c.type !== 'GPE') continue;
    const capitalOf = countryIndex().byCapital.get(normaliseName(span(ctx, c.tokStart, c.tokEnd)))
      ?? (c.place ? countryIndex().byCapital.get(normaliseName(placeIndex().extra.get(normaliseName(c.place.lookup))?.canonical ?? '')) : undefined);
    if (!capitalOf) continue;
    if (dateline && c.start >= dateline.start && c.end <= dateline.end) continue;
    if (isAgentive(ctx, c)) {
      c.kind = 'metonym';
      c.by = 'rule/capital-metonym';
      c.key = 'country:' + capitalOf.cca3;
      c.country = capitalOf.cca3;
      c.canonical = capitalOf.name;
      c.actor = { code: capitalOf.cca3, sector: 'GOV' };
    }
  }
  // 3. role phrases
  for (let i = 0; i < toks.length; i++) {
    if (nameAt[i]) { i = nameAt[i]!.tokEnd - 1; continue; }
    const m = matchRole(ctx, i);
    if (!m) continue;
    // "military officials": "military" modifies the next role word; the head comes later
    const next = m.end < toks.length ? matchRole(ctx, m.end) : null;
    if (next && m.end === next.end - next.role.words.length) continue;
    const made = rolePhrase(ctx, i, m.role, m.end, nameAt, nameEndAt);
    if (made) {
      out.push(...made.candidates);
      i = Math.max(i, made.lastToken);
    } else {
      i = m.end - 1;
    }
  }
  // 3b. "the city", "this country", "the group": definite common nouns that rename an entity
  // named before; kept only if the clusterer finds that entity (no entity of their own)
  const taken = new Uint8Array(toks.length);
  for (const c of out) taken.fill(1, c.tokStart, c.tokEnd);
  for (let i = 1; i < toks.length; i++) {
    const noun = ANAPHORIC_NOUNS.get(words[i]);
    if (!noun || taken[i] || !/^(the|this|that)$/.test(words[i - 1]) || ctx.sentOf[i - 1] !== ctx.sentOf[i]) continue;
    // "the city council", "the state media", "the group's leader": a modifier, not the head
    const next = toks[i + 1];
    if (next && ctx.sentOf[i + 1] === ctx.sentOf[i] && (/^\p{L}/u.test(next.text) && (ctx.doc.pos ? /^NN/.test(ctx.doc.pos[i + 1] ?? '') : false) || words[i + 1] === "'s" || words[i + 1] === 'of')) continue;
    if (!isCap(toks[i].text) || ctx.sentStart[i - 1]) {
      out.push(blank(ctx, i - 1, i + 1, { type: noun.type, sector: noun.sector, kind: 'nominal', by: 'rule/anaphoric-noun', anaphoric: true, plural: false, head: i, key: null }));
    }
  }
  // 4. pronouns
  for (let i = 0; i < toks.length; i++) {
    const p = PRONOUNS.get(words[i]);
    if (!p) continue;
    if (words[i] === 'us' && toks[i].text === 'US') continue;
    if (words[i] === 'it' && /^(is|was)$/.test(words[i + 1] ?? '') && /^(that|to|clear|likely|unclear|not|time|possible|important)$/.test(words[i + 2] ?? '')) continue;
    out.push(blank(ctx, i, i + 1, { type: p.gender === 'n' ? 'ORG' : 'PERSON', kind: 'pronoun', by: 'rule/pronoun', pronoun: p, plural: p.number === 'pl', head: i }));
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** Words that name a body for the world or a continent rather than a country. */
const INTERNATIONAL_WORDS = /^(world|international|global|african|asian|european|american|americas|pan-african|pan-american|inter-american|third|latin|pacific|atlantic|mediterranean|caribbean|continental|transnational)$/;

/**
 * Whether an organisation's name words mark it international ("Third World Water Forum",
 * "Association of African Jurists"); the caller checks that no country is named.
 *
 * @example
 * internationalName(['third', 'world', 'water', 'forum']) // true
 */
export function internationalName(words: readonly string[]): boolean {
  return words.some((w) => INTERNATIONAL_WORDS.test(w));
}

/** Last words that make a capitalised run an organisation's name, with the sector they give. */
/**
 * The sector an organisation's head word gives (null: none), also for a head misspelt by one
 * edit when both are 8 letters or more ("Commision" → commission); undefined when the word is
 * no head.
 *
 * @example
 * orgHead('commision') // 'GOV'
 */
export function orgHead(word: string): string | null | undefined {
  if (ORG_HEADS.has(word)) return ORG_HEADS.get(word);
  if (word.length < 8 || !/^\p{Ll}+$/u.test(word)) return undefined;
  for (const [head, sector] of ORG_HEADS) if (head.length >= 8 && head[0] === word[0] && oneEditApart(head, word)) return sector;
  return undefined;
}

export const ORG_HEADS: ReadonlyMap<string, string | null> = new Map([
  ['party', 'PTY'], ['front', null], ['movement', null], ['army', 'MIL'], ['commission', 'GOV'], ['committee', null],
  ['council', 'GOV'], ['assembly', 'LEG'], ['parliament', 'LEG'], ['court', 'JUD'], ['tribunal', 'JUD'], ['university', 'EDU'],
  ['college', 'EDU'], ['ministry', 'GOV'], ['agency', null], ['police', 'COP'], ['union', null],
  ['association', null], ['organization', null], ['organisation', null], ['forum', null], ['alliance', null], ['league', null],
  ['bank', 'BUS'], ['company', 'BUS'], ['corporation', 'BUS'], ['airlines', 'BUS'], ['foundation', 'NGO'], ['church', 'REL'],
  ['times', 'MED'], ['post', 'MED'], ['news', 'MED'], ['herald', 'MED'], ['tribune', 'MED'], ['journal', 'MED'], ['television', 'MED'], ['radio', 'MED'],
  ['guard', 'MIL'], ['brigades', null], ['brigade', null], ['congress', null], ['coalition', null], ['institute', null],
]);
const ORG_JOINERS = new Set(['of', 'for', 'the', 'and', 'de', '&']);
const REB_WORDS = /^(liberation|resistance|mujahideen|mujahedeen|jihad|rebel|rebels|insurgency|militia)$/;

/** A capitalised organisation name starting at token i that the lexicon and NER may lack. */
function matchOrgName(ctx: Ctx, i: number, nameAt: (Candidate | undefined)[]): Candidate | null {
  const toks = ctx.doc.tokens;
  const { words } = ctx;
  if (!isCap(toks[i].text) || !/^\p{L}/u.test(toks[i].text) || words[i] === 'the') return null;
  // "Kremlin-backed Rossiya Bank": a participle compound describes the name after it
  if (MODIFIER_COMPOUND.test(toks[i].text)) return null;
  // "Armed Forces of the Russian Federation", "Foreign Ministry": role phrases, handled there
  if (matchRole(ctx, i)) return null;
  const prev = toks[i - 1];
  if (prev && ctx.sentOf[i - 1] === ctx.sentOf[i] && isCap(prev.text) && /^\p{L}/u.test(prev.text) && !ctx.sentStart[i - 1] && !MODIFIER_COMPOUND.test(prev.text)) return null;
  const sent = ctx.sentOf[i];
  let j = i;
  let lastHead = -1;
  while (j < toks.length && ctx.sentOf[j] === sent && j - i < 12) {
    const t = toks[j].text;
    if (j > i && toks[j].start > toks[j - 1].end + 1) break;
    if (isCap(t) && /^\p{L}[\p{L}'’-]*$/u.test(t)) { if (orgHead(words[j]) !== undefined) lastHead = j; j++; continue; }
    if (ORG_JOINERS.has(words[j]) && j > i && isCap(toks[j + 1]?.text ?? '')) { j++; continue; }
    if ((words[j] === "'s" || t === '’s') && j > i) { j++; continue; }
    break;
  }
  if (lastHead < i + 1) return null;
  // "Israeli-occupied West Bank": a head word that ends a known place is the place's, not an
  // organisation's ("Bank")
  for (let k = Math.max(i, lastHead - 2); k <= lastHead; k++) {
    const tail = normaliseName(span(ctx, k, lastHead + 1));
    if (placeIndex().extra.has(tail) || countryIndex().byName.has(tail)) return null;
  }
  const end = lastHead + 1;
  // lexicon names, people and organisations inside: not ours to rename
  for (let k = i; k < end; k++) {
    const n = nameAt[k];
    if (n && n.type !== 'GPE' && n.type !== 'NORP') return null;
    if (n && n.tokEnd > end) return null;
  }
  // country and demonym words inside (also those the name pass skipped as glued)
  const idx = countryIndex();
  let country: string | null = null;
  let rest = i;
  for (let k = i; k < end && !country; k++) {
    for (let n = 3; n >= 1 && !country; n--) {
      if (k + n > end) continue;
      const nk = normaliseName(span(ctx, k, k + n));
      const c = idx.byName.get(nk) ?? idx.byDemonym.get(nk);
      if (c && nk.length > 3) { country = c.cca3; if (k === i) rest = k + n; }
      // "Baghdad University": a capital inside the name places the organisation
      const cap = idx.byCapital.get(nk);
      if (!c && cap && nk.length > 3) country = cap.cca3;
    }
  }
  // "French National Assembly", "Interior Ministry": a demonym and a role are a role phrase
  const tail: string[] = [];
  for (let k = rest; k < end; k++) tail.push(words[k].replace(/-/g, ' '));
  if (ctx.lex.roles.has(tail.join(' '))) return null;
  if (end - rest < 2 && !country) return null;
  // a country's own name ("Russian Federation", "Republic of Korea") is not an organisation
  if (rest === end || countryIndex().byName.has(normaliseName(span(ctx, i, end)))) return null;
  let sector = orgHead(words[lastHead]) ?? null;
  if (!sector) for (let k = i; k < end; k++) if (REB_WORDS.test(words[k])) sector = 'REB';
  // "Third World Water Forum", "Association of African Jurists": a body named for the world or
  // a continent and for no country is an international non-governmental one
  if (!sector && !country && internationalName(words.slice(i, end))) sector = 'NGO';
  return blank(ctx, i, end, { type: 'ORG', by: 'rule/org-name', country, countrySource: country ? 'stated' : null, sector, key: 'org:' + normaliseName(span(ctx, i, end)), canonical: span(ctx, i, end) });
}

/** "Kursk Region", "Kursk Oblast", "the Kursk border region", "Donetsk People's Republic" aside. */
function matchRegion(ctx: Ctx, i: number): Candidate | null {
  const toks = ctx.doc.tokens;
  if (!isCap(toks[i].text) || toks[i].text === 'The') return null;
  const places = placeIndex();
  for (let n = 3; n >= 1; n--) {
    const baseEnd = i + n;
    if (baseEnd >= toks.length) continue;
    const base = span(ctx, i, baseEnd);
    const bk = normaliseName(base);
    const cities = places.cities.get(bk);
    const extra = places.extra.get(bk);
    if (!cities && !extra) continue;
    if (countryIndex().byName.has(bk)) continue; // "Montenegro province" is the country's
    let j = baseEnd;
    if (/^(border|frontier|southern|northern|eastern|western|central)$/.test(ctx.words[j] ?? '')) j++;
    const w = ctx.words[j];
    if (!w || !REGION_WORDS.has(w)) continue;
    if (w === 'state' || w === 'republic' || w === 'area') {
      if (!isCap(toks[j].text)) continue;
    }
    const country = extra?.country ?? cities![0].country;
    const canonical = base + ' ' + (isCap(toks[j].text) ? toks[j].text : 'Region');
    return blank(ctx, i, j + 1, {
      type: 'LOC', by: 'rule/region-of-city', country, countrySource: 'inferred', key: 'region:' + bk, canonical,
      place: { kind: 'region', lookup: base },
    });
  }
  return null;
}

/** A capital city used for its government: "Moscow said", "Pyongyang's military", "ties with Moscow". */
function isAgentive(ctx: Ctx, c: Candidate): boolean {
  const prev = ctx.words[c.tokStart - 1] ?? '';
  const next = ctx.words[c.tokEnd] ?? '';
  if (next === "'s" || ctx.doc.tokens[c.tokEnd]?.text === '’s') return true;
  // "officials in Moscow said": after a preposition of place the capital is where, not who
  if (/^(in|at|near|from|inside|outside)$/.test(prev)) return false;
  if (AGENT_VERBS.test(next)) return true;
  // the subject of a verb of doing or saying ("Washington, along with its allies, demanded"),
  // when the parser ran; a copula's subject ("Moscow is a big city") is the city
  const last = c.tokEnd - 1;
  const rel = ctx.doc.deprels?.[last];
  const head = ctx.doc.heads?.[last];
  if (rel && /^nsubj/.test(rel) && head !== undefined && head >= 0 && /^VB/.test(ctx.doc.pos?.[head] ?? '')
    && !/^(is|was|are|were|be|been|being|has|have|had|lies|lay|lie|sits|stands|remains|became|becomes|looks|seems|hosts|hosted|houses)$/.test(ctx.words[head])) return true;
  if (LOCATIVE.has(prev) && prev !== 'of' && prev !== 'to') return false;
  if (RELATION_BEFORE.has(prev)) return true;
  return false;
}

/** The noun phrase around a role head at [i, end): its country, sector, and any name it titles. */
function rolePhrase(
  ctx: Ctx, i: number, role: RoleEntry, end: number,
  nameAt: (Candidate | undefined)[], nameEndAt: (Candidate | undefined)[],
): { candidates: Candidate[]; lastToken: number } | null {
  const { doc, lex, words } = ctx;
  const toks = doc.tokens;
  const sent = ctx.sentOf[i];
  let left = i;
  let country: string | null = null;
  let modSector: string | null = null;
  let determiner = false;
  let possessive: Candidate | null = null;
  let personOwner = false;
  let religious = false;
  const demonyms: Candidate[] = [];
  const roleCapital = isCap(toks[i].text);
  let j = i - 1;
  let steps = 0;
  while (j >= 0 && ctx.sentOf[j] === sent && steps < 8) {
    steps++;
    const w = words[j];
    const named = nameEndAt[j];
    // "ethnic Albanian guerrillas": an ethnic group's name says who they are, not which
    // country they act in (that comes from the report around them)
    if (named && named.type === 'NORP' && words[named.tokStart - 1] === 'ethnic') {
      left = named.tokStart;
      j = named.tokStart - 1;
      continue;
    }
    if (named && (named.type === 'NORP' || named.type === 'GPE' || (named.type === 'ORG' && named.kind === 'name'))) {
      country = country ?? countryOf(named);
      if (named.type === 'ORG') possessive = possessive ?? named;
      if (named.type === 'NORP' || named.type === 'GPE') demonyms.push(named);
      left = named.tokStart;
      j = named.tokStart - 1;
      // "Bosnian Serb leaders", "Iraqi Kurdish officials": the outer demonym names the country,
      // the inner one the people
      const outer = nameEndAt[j];
      if (outer && outer.type === 'NORP' && named.type === 'NORP' && outer.country && ctx.sentOf[j] === sent) country = outer.country;
      // "Hungarian and Romanian officials": coordinated demonyms share the head
      if ((words[j] === 'and' || words[j] === ',') && nameEndAt[j - 1] && (nameEndAt[j - 1]!.type === 'NORP' || nameEndAt[j - 1]!.type === 'GPE')) {
        j--;
      }
      continue;
    }
    // "Democratic People's Republic of Korea (DPRK) soldiers"
    if (w === ')' && j >= 2 && toks[j - 2].text === '(' && nameEndAt[j - 1] && (nameEndAt[j - 1]!.type === 'GPE' || nameEndAt[j - 1]!.type === 'NORP')) {
      const acr = nameEndAt[j - 1]!;
      country = country ?? acr.country;
      demonyms.push(acr);
      left = acr.tokStart;
      j = acr.tokStart - 2;
      if (nameEndAt[j]) { left = nameEndAt[j]!.tokStart; demonyms.push(nameEndAt[j]!); j = nameEndAt[j]!.tokStart - 1; }
      continue;
    }
    // "Djindjic's opposition coalition", "Putin's spokesman": a person's possessive makes the
    // role an actor (like a determiner) and gives it the person's country when known
    if ((w === "'s" || toks[j].text === '’s') && nameEndAt[j - 1] && nameEndAt[j - 1]!.type === 'PERSON') {
      const owner = nameEndAt[j - 1]!;
      personOwner = true;
      country = country ?? owner.country;
      determiner = true;
      left = owner.tokStart;
      break;
    }
    if ((w === "'s" || toks[j].text === '’s') && nameEndAt[j - 1] && nameEndAt[j - 1]!.type !== 'PERSON') {
      possessive = nameEndAt[j - 1]!;
      country = country ?? possessive.country;
      left = possessive.tokStart;
      break;
    }
    if (lex.modifiers.has(w)) {
      modSector = modSector ?? lex.modifiers.get(w)!;
      left = j; j--; continue;
    }
    // "Vietnamese-led forces", "the Saudi-led coalition": the leading country is the group's
    // ("US-backed militias" are not the backer's, so only "-led")
    const led = /^(.+)-led$/.exec(w);
    if (led) {
      const idx = countryIndex();
      const rec = idx.byDemonym.get(led[1]) ?? idx.byName.get(led[1]);
      if (rec) { country = country ?? rec.cca3; left = j; j--; continue; }
    }
    if (ADJECTIVES.has(w) || /^(pro|anti)-/.test(w)) { if (RELIGIOUS.has(w)) religious = true; left = j; j--; continue; }
    // up to two other lowercase words between a demonym and the head ("Liberian riot police"),
    // taken only when the demonym is there
    const plainWord = (k: number) => /^\p{Ll}[\p{L}-]*$/u.test(toks[k].text) && !DETERMINERS.has(words[k]) && !PRONOUNS.has(words[k])
      && (ctx.doc.pos ? /^(JJ|NN|VBN|VBG)/.test(ctx.doc.pos[k] ?? '') : !/(ed|ing)$/.test(words[k]) && !/^(said|says|is|are|was|were|has|have|had|will|would|and|or|but|of|in|on|at|to|for|by|with|from)$/.test(words[k]));
    if (!country && plainWord(j) && steps <= 3) {
      let k = j;
      while (k > j - 2 && k >= 0 && plainWord(k)) k--;
      const d = nameEndAt[k];
      if (d && (d.type === 'NORP' || (d.type === 'GPE' && d.place?.kind === 'country')) && ctx.sentOf[k] === sent) { left = k + 1; j = k; continue; }
    }
    // title words in a capitalised title: "Planning and Investment Minister"
    if ((roleCapital || role.kind === 'person') && isCap(toks[j].text) && /^\p{L}+$/u.test(toks[j].text) && !nameEndAt[j] && !PRONOUNS.has(w) && !DETERMINERS.has(w) && !/^(on|in|at|as|but|and|after|before|when|while|if|for|with|by|from|to)$/.test(w)) {
      left = j; j--; continue;
    }
    if (roleCapital && w === 'and' && j > 0 && isCap(toks[j - 1].text) && !nameEndAt[j - 1]) { left = j; j--; continue; }
    if (DETERMINERS.has(w) || /^\d/.test(w)) { determiner = true; left = j; break; }
    // "a graduate student", "the local prison guards": one or two tagged modifiers between a
    // determiner and the head (with the parser's tags only: without them a verb may pass)
    if (ctx.doc.pos && plainWord(j) && steps <= 3) {
      let k = j;
      while (k > j - 2 && k >= 0 && plainWord(k)) k--;
      if (k >= 0 && ctx.sentOf[k] === sent && (DETERMINERS.has(words[k]) || /^\d/.test(words[k]))) { determiner = true; left = k; break; }
    }
    break;
  }
  // "the group of Ukrainian militants", "units of the Korean People's Army" take their head from the role
  let right = end;
  let complement: Candidate | null = null;
  const after = words[right];
  if ((after === 'of' || (after === 'in' && role.kind !== 'person' && !country)) && right + 1 < toks.length) {
    let k = right + 1;
    if (words[k] === 'the') k++;
    const named = nameAt[k];
    if (named && named.type !== 'PERSON' && ctx.sentOf[k] === sent) {
      complement = named;
      country = country ?? named.country;
      right = named.tokEnd;
    }
  }
  // "Nigerian Union of Teachers", "union of journalists": a union of people of one calling is
  // coded by their calling (teachers EDU, journalists MED, farmers AGR), as PLOVER does
  let memberSector: string | null = null;
  if (after === 'of' && /^unions?$/.test(words[end - 1]) && right === end) {
    const member = matchRole(ctx, end + 1);
    if (member && member.role.kind === 'group' && member.role.sector !== 'GOV' && member.role.sector !== 'LAB' && ctx.sentOf[end + 1] === sent) {
      memberSector = member.role.sector;
      right = member.end;
    }
  }
  // "supporters of former President Ahmed Ben Bella": a known person's camp, of the person's
  // country; the camp of someone out of power (a former leader, an opposition, party or rebel
  // leader) is the opposition, of a rebel leader the rebels
  let campSector: string | null = null;
  if (after === 'of' && CAMP_HEADS.has(words[end - 1])) {
    let k = right + 1;
    let former = false;
    while (k < toks.length && k < right + 5 && ctx.sentOf[k] === sent && !nameAt[k] && (ADJECTIVES.has(words[k]) || matchRole(ctx, k)?.role.kind === 'person' || HONORIFICS.has(words[k]) || words[k] === 'the')) {
      if (/^(former|exiled|ousted|deposed|jailed)$/.test(words[k])) former = true;
      k = matchRole(ctx, k)?.end ?? k + 1;
    }
    const person = nameAt[k];
    if (person && person.type === 'PERSON' && person.entry && ctx.sentOf[k] === sent) {
      country = country ?? person.country;
      right = person.tokEnd;
      const s = person.sector;
      campSector = s === 'REB' ? 'REB' : former || s === 'ELI' || s === 'OPP' || s === 'PTY' ? 'OPP' : null;
    }
  }
  // "refugees fleeing the war in Liberia", "a terror group based in Trinidad": a place named
  // in a short post-modifier (no finite verb, no comma before it) gives the group its country
  // ("a missionary from Calgary": a person's place of origin, with "from" only)
  if (!country && !complement) {
    for (let k = right; k < Math.min(toks.length, right + 8) && ctx.sentOf[k] === sent; k++) {
      if (/^[,;:.()"“”]$/.test(toks[k].text) || /^(VBD|VBZ|VBP|MD)$/.test(doc.pos?.[k] ?? '') || /^(said|says|and|or|but|who|which|that)$/.test(words[k])) break;
      const named = nameAt[k];
      // with a parse, the place must hang from the group's head noun, not from the clause's
      // verb ("thousands of people blocked streets in Hong Kong": the streets are in Hong Kong)
      if (named && doc.heads && !dominates(doc, end - 1, named.tokEnd - 1)) continue;
      if (named && (role.kind === 'person' ? words[k - 1] === 'from' : /^(in|at|from|of)$/.test(words[k - 1] ?? '')) && named.country && (named.type === 'GPE' || named.type === 'LOC')) {
        country = named.country;
        right = named.tokEnd;
        break;
      }
    }
  }
  // a group noun before "of": "a group of Ukrainian fighters"
  if (!determiner && left >= 2 && words[left - 1] === 'of' && COLLECTIVES.has(words[left - 2])) {
    let k = left - 2;
    if (k > 0 && DETERMINERS.has(words[k - 1])) k--;
    left = k;
    determiner = true;
  }
  let sector = role.sector;
  if (modSector && (!role.strong || modSector === 'REB' || modSector === 'OPP')) sector = modSector;
  if (campSector) sector = campSector;
  if (memberSector) sector = memberSector;
  if (religious && role.sector === 'MIL' && demonyms.length === 0 && !possessive) sector = 'REB';
  // "U.N. Secretary-General", "UN peacekeepers", "the president of the European Commission":
  // an international body's people are coded as that body
  const igo = [possessive, complement, ...demonyms, nameEndAt[i - 1]].find((x) => x && x.type === 'ORG' && !x.country && (x.sector === 'IGO' || x.sector === 'NGO'));
  // the role says what the body's people do: "UN peacekeepers" are the UN as a force (IGO,
  // second code MIL), and the UN named in front of them stands for that (as a demonym before
  // "officials" stands for a government)
  let subSector: string | null = null;
  if (igo && !country && igo.sector) {
    subSector = role.sector !== 'IGO' && role.sector !== 'NGO' ? role.sector : null;
    sector = igo.sector;
    // (a strong group role only: "UN officials" and "U.N. helicopters" are the UN itself)
    if (subSector && role.kind === 'group' && role.strong && subSector !== 'GOV' && igo !== complement) igo.actor = { code: null, sector: igo.sector, subSector };
  }
  const candidates: Candidate[] = [];
  // demonyms in a role phrase stand for that country's actor of this sector
  for (const d of demonyms) d.actor = { code: d.country, sector };
  if (possessive && possessive.kind === 'metonym') possessive.actor = { code: possessive.country, sector: 'GOV' };
  // "Qatar's emir", "Russia's military": a country owning the role stands for that country's
  // actor of this sector (as a demonym before "officials" does)
  else if (possessive && possessive.type === 'GPE' && possessive.place?.kind === 'country' && possessive.country && sector) possessive.actor = { code: possessive.country, sector };

  // a title before a name: "President Abdelaziz Bouteflika", "leader Kim Jong-un"
  if (role.kind === 'person') {
    let k = right;
    // "Azerbaijan's foreign minister, Jeyhun Bayramov,": an appositive name after a title
    if (toks[k]?.text === ',' && (roleCapital || determiner || possessive !== null)) k++;
    while (k < toks.length && HONORIFICS.has(words[k]) && isCap(toks[k].text)) k++;
    const named = nameAt[k];
    let nameCand: Candidate | null = null;
    if (named && named.type === 'PERSON') nameCand = named;
    else if (!named && k < toks.length && isCap(toks[k].text) && ctx.sentOf[k] === sent) {
      let e = k;
      while (e < toks.length && ctx.sentOf[e] === sent && (isCap(toks[e].text) && /^\p{L}/u.test(toks[e].text) && !matchRole(ctx, e) && !nameAt[e] || (NAME_PARTICLES.has(words[e]) && e > k && isCap(toks[e + 1]?.text ?? '')))) e++;
      // after a comma, only an appositive closed by a comma ("the minister, Jeyhun Bayramov, said")
      const placed = roleCapital || toks[right]?.text !== ',' || k === right || ((determiner || possessive !== null) && toks[e]?.text === ',');
      if (placed && e > k && e - k <= 5) {
        nameCand = blank(ctx, k, e, { type: 'PERSON', by: 'rule/title-name' });
        candidates.push(nameCand);
      }
    }
    if (nameCand) {
      nameCand.role = nameCand.role ?? role;
      if (!nameCand.sector && sector) nameCand.subSector = subSector;
      nameCand.sector = nameCand.sector ?? sector;
      if (!nameCand.country && country) {
        nameCand.country = country;
        nameCand.countrySource = 'stated';
      }
      let ts = left;
      while (ts < i && DETERMINERS.has(words[ts])) ts++;
      nameCand.titled = doc.text.slice(toks[ts].start, nameCand.end);
      return { candidates, lastToken: nameCand.tokEnd - 1 };
    }
  }
  // a bare role word needs something that makes it an actor: a country, a determiner, or a
  // strong plural ("militants", "troops")
  // "Moslem forces", "Christian militia": armed men named by their faith and by no state are
  // a faction (REB), and an actor even without a determiner
  const faction = religious && role.sector === 'MIL' && demonyms.length === 0 && !possessive;
  const definite = determiner && /^(the|this|these|those)$/.test(words[left]);
  if (!country && !complement && !modSector && !determiner && !faction && !(role.strong && role.kind === 'group')) return null;
  if (!country && !determiner && !role.strong && !faction) return null;
  const named = roleCapital && (country !== null) && !ctx.sentStart[i];
  const cand = blank(ctx, left, right, {
    type: role.kind === 'person' ? 'PERSON' : 'ORG', kind: named || (roleCapital && complement) ? 'name' : 'nominal',
    by: possessive || personOwner ? 'rule/possessive-role' : complement ? 'rule/role-of-place' : campSector ? 'rule/camp-of-person' : country ? 'rule/demonym-role' : 'rule/role',
    country, countrySource: country ? 'stated' : null, sector, role,
    anaphoric: definite && !country && !complement, subSector,
  });
  if (cand.kind === 'name') cand.key = 'role:' + (country ?? '') + ':' + role.words.join(' ');
  cand.head = end - 1;
  cand.plural = isPluralNoun(ctx, end - 1);
  // "the Interior Ministry": a capitalised title names one body, so it refers back only to
  // that same body, never to another ministry
  cand.proper = roleCapital && !ctx.sentStart[i];
  // "23 people", "thousands of people": a counted group of ordinary people is a nominal group
  // (type MISC), not a named organisation; it stays an actor (CVL) for events but never merges
  // with other groups of its sector
  if (sector === 'CVL' && !country && !complement && (NUMBER_WORD.test(words[left]) || /^\d/.test(words[left]))) {
    cand.type = 'MISC';
    cand.by = 'rule/counted-group';
    cand.anaphoric = false;
  }
  // "units of the Korean People's Army": a part of a named organisation acts as it
  if (complement && complement.type === 'ORG' && complement.kind === 'name') {
    cand.kind = 'nominal';
    cand.key = null;
    cand.sameAs = complement;
  }
  // "the state news agency KCNA": a role right before a name renames it
  const follower = nameAt[right];
  if (role.kind !== 'person' && follower && (follower.type === 'ORG' || follower.type === 'GPE') && follower.kind !== 'metonym' && !complement) {
    cand.sameAs = follower;
  }
  // "Yonhap, the state media of South Korea": an appositive after a name renames it
  const before = nameEndAt[left - 2];
  if (determiner && toks[left - 1]?.text === ',' && before && before.type === 'ORG' && role.kind !== 'person') {
    cand.sameAs = before;
  }
  // "NIMET, the national weather agency, said": an acronym no lexicon or model knows, renamed
  // by an institution's role phrase between commas, is that institution's name (it takes the
  // phrase's role, so it is placed and coded as the phrase is)
  const acronymTok = toks[left - 2];
  if (!before && determiner && role.kind === 'org' && toks[left - 1]?.text === ',' && acronymTok && ctx.sentOf[left - 2] === sent
    && /^\p{Lu}{2,8}$/u.test(acronymTok.text) && !nameAt[left - 2] && !nameEndAt[left - 2] && /^[,.;]$/.test(toks[right]?.text ?? '.')
    && !(doc.document.dateline && acronymTok.start < doc.document.dateline.end)) {
    const acronym = blank(ctx, left - 2, left - 1, {
      type: 'ORG', by: 'rule/acronym-appositive', role, sector, country, countrySource: country ? 'stated' : null,
      key: 'org:' + normaliseName(acronymTok.text), canonical: acronymTok.text,
    });
    candidates.push(acronym);
    cand.sameAs = acronym;
  }
  candidates.push(cand);
  return { candidates, lastToken: right - 1 };
}

/** A definite "the country" / "the group" nominal, for anaphora (kept separate: no sector). */
export function anaphoricNoun(word: string): { type: EntityType; sector: string | null } | null {
  return ANAPHORIC_NOUNS.get(word) ?? null;
}

export type { CountryRecord };
