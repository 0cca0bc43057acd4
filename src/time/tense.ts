/**
 * @module time/tense
 * The tense of the verb that governs a time expression, which decides whether a bare
 * "Monday" or "April" points back or forward from the document date. With Penn tags from a
 * POS stage (`doc.pos`) the tags decide; without them a lexical check does (auxiliaries,
 * irregular past forms, `-ed`). The nearest verb in the same sentence wins, since that is
 * usually the one the expression modifies ("He said the talks will resume Monday": the
 * nearest verb group is "will resume", so Monday is ahead).
 */
import type { Token } from '../types.js';
import { alternation, type TimeLexicon } from './lexicon.js';

export type Tense = 'past' | 'present' | 'future';

/** What the tense check needs: the sentence's tokens and, when a tagger ran, their tags. */
export interface TenseInput {
  tokens: readonly Token[];
  /** Penn tags parallel to `tokens`, or null. */
  pos: readonly string[] | null;
  /** Token range of the sentence: [from, to). */
  from: number;
  to: number;
}

/** The lexicon's word lists the tense check reads (see `data/time/README.md`), compiled once by {@link tenseCues}. */
export interface TenseCues {
  future: ReadonlySet<string>;
  planned: ReadonlySet<string>;
  pastIrregular: ReadonlySet<string>;
  /** A token that joins two clauses ("and", "but", "or", ";"), in any case. */
  coordinator: RegExp;
  /** A verb of a reporting clause ("…, officials said"; "…, according to the ministry"), in any case. */
  reporting: RegExp;
  /** Verbs whose "to"-infinitive points ahead ("plans to meet Monday", "agreed to resume talks Friday"). */
  intent: ReadonlySet<string>;
  /** Base forms of scheduled-event verbs, trusted after a plural pronoun or a name ("Netanyahu and Arafat meet Monday"). */
  scheduledBase: ReadonlySet<string>;
  /** Finite forms of scheduled-event verbs that the lexical check trusts without tags. */
  scheduledFinite: ReadonlySet<string>;
  /** Verbs of scheduled events, whose simple present in news tells of a plan ("meet Monday"). */
  scheduledPresent: ReadonlySet<string>;
  /** The -ing forms of scheduled-event verbs: after a present "be" they tell of a plan. */
  scheduledIng: ReadonlySet<string>;
  /** A preposition that places an event noun before the clause's own event, in any case. */
  preceding: RegExp;
  /** Present forms of verbs of forecast: their object or infinitive lies ahead. */
  forecast: ReadonlySet<string>;
}

/** A case-insensitive whole-token match of any of `words`. */
const anyCase = (words: readonly string[]) => new RegExp(`^(?:${alternation(words)})$`, 'i');

/**
 * The tense cues from the time lexicon, compiled once (the tagger builds them when it is created).
 *
 * @example
 * const cues = tenseCues(loadTimeLexicon());
 * cues.scheduledPresent.has('meets') // true
 */
export function tenseCues(lex: TimeLexicon): TenseCues {
  return {
    future: new Set(lex.futureCues),
    planned: new Set(lex.plannedCues ?? []),
    pastIrregular: new Set(lex.pastIrregular),
    coordinator: anyCase(lex.coordinators),
    reporting: anyCase(lex.reportingVerbs),
    intent: new Set(lex.intentVerbs),
    scheduledBase: new Set(lex.scheduledBase),
    scheduledFinite: new Set(lex.scheduledFinite),
    scheduledPresent: new Set(lex.scheduledPresent),
    scheduledIng: new Set(lex.scheduledIng),
    preceding: anyCase(lex.precedingPreps),
    forecast: new Set(lex.forecastPresent ?? []),
  };
}

/** Whether some token left of the expression in its sentence has a tense of its own. */
function leftHasVerb(input: TenseInput, startTok: number, cues: TenseCues): boolean {
  for (let j = startTok - 1; j >= input.from; j--) if (tokenTense(input, j, cues)) return true;
  return false;
}

/** Tokens that close a quotation (the tokenizer keeps `''` whole or splits it into two `'`). */
const CLOSING_QUOTE = /^(?:''|'|"|”|’)$/;
const BE_HAVE = new Set(['be', 'been', 'being', 'is', 'are', 'am', 'was', 'were', 'has', 'have', 'had', "'s", "'re", "'ve", "'d"]);
/** Modals other than the future cues of the lexicon: in news they mostly look ahead. */
const MODALS = new Set(['may', 'might', 'could', 'can', 'should', 'must', 'ca']);
const PAST_AUX = new Set(['was', 'were', 'had', "'d"]);
const PRESENT = new Set(['is', 'are', 'am', 'says', 'say', 'has', 'have', 'does', 'do']);
// Words ending in -ed that are rarely the governing verb.
const NOT_VERBS = new Set(['red', 'bed', 'shed', 'hundred', 'need', 'speed', 'seed', 'feed', 'weed', 'reed', 'deed', 'heed', 'breed', 'creed', 'greed', 'sled', 'wed', 'used', 'united', 'limited', 'based', 'related', 'armed']);
// Adverbs that sit inside a verb group ("will still be held", "has already left"); the
// auxiliary scan steps over them. With POS tags any RB does.
const INNER_ADVERBS = new Set(['not', "n't", 'still', 'also', 'already', 'just', 'now', 'probably', 'likely', 'almost', 'never', 'soon', 'then', 'again', 'only', 'even', 'really', 'reportedly', 'actually', 'finally', 'formally', 'officially', 'certainly', 'definitely', 'eventually', 'quickly', 'first']);

/** Words that open a noun phrase: an -ed word after them is an adjective, and no verb follows "to" + them. */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'some', 'any', 'no', 'every', 'each', 'all', 'both', 'another', 'such']);
/** Words after "to" that are no infinitive (pronouns, numbers, places' first words). */
const NOT_INFINITIVES = new Set(['him', 'them', 'us', 'me', 'it', 'you', 'her', 'about', 'more', 'less', 'date', 'be', 'have']);
/** A plural noun that can be the subject of a scheduled-event base form ("lawmakers vote", "ministers
 *  gather"); not the -s words that are verbs or determiners themselves. */
const PLURAL_SUBJECT = /^(?![a-z]*(?:ss|us|is)$)(?!(?:has|was|does|says|this|its|his|hers|yours|ours|theirs|as|us|plus|thus|less|across|perhaps|always|sometimes)$)[a-z]{3,}s$/;

/** Whether a VBZ/VBP token at i is a plural noun the tagger misread (see tokenTense). */
function nounSlip(input: TenseInput, i: number): boolean {
  const pos = input.pos!;
  const next = i + 1 < input.to ? pos[i + 1] : '';
  if (/^(?:VBD|VBZ|VBP|MD)$/.test(next)) return true;
  // the head of a compound object ("injured abortion doctors"): a noun after a verb's noun
  if (i - 2 >= input.from && /^NNS?$/.test(pos[i - 1]) && /^VB[DNZP]?$/.test(pos[i - 2])) return true;
  let j = i - 1;
  while (j >= input.from && /^(?:DT|PRP\$|NNPS?|NNS?|JJ[RS]?|CD|POS)$/.test(pos[j])) j--;
  return j < i - 1 && j >= input.from && pos[j] === 'IN' && !/^(?:that|because|if|while|as|since|after|before|when|whether|though|although|until|unless)$/i.test(input.tokens[j].text);
}

/** Tense of one verb-like token, looking a few tokens back for auxiliaries; null if not a verb. */
function tokenTense(input: TenseInput, i: number, cues: TenseCues): Tense | null {
  const word = input.tokens[i].text.toLowerCase();
  // "shootings that injured doctors": an -ed word right after a relative pronoun is its
  // clause's verb even where the tagger reads it as an adjective
  const tag = input.pos
    ? (input.pos[i] === 'JJ' && /ed$/.test(word) && i > input.from && /^(?:WDT|WP)$/.test(input.pos[i - 1]) ? 'VBD' : input.pos[i])
    : null;
  const wordAt = (j: number) => (j >= input.from ? input.tokens[j].text.toLowerCase() : '');
  // ", compared with 497,000 a year ago", "compared to last year": a preposition of comparison,
  // not the clause's verb
  if (word === 'compared' && i + 1 < input.to && /^(?:with|to)$/.test(wordAt(i + 1))) return null;
  const isAdverb = (j: number) => INNER_ADVERBS.has(wordAt(j)) || (!!input.pos && j >= input.from && /^RB/.test(input.pos[j]) && !/^(?:ago|later|earlier)$/.test(wordAt(j)));
  /** The auxiliaries before token i (adverbs stepped over), nearest first. */
  const auxes = (): string[] => {
    const out: string[] = [];
    for (let j = i - 1; j >= input.from && out.length < 4; j--) {
      const w = wordAt(j);
      if (isAdverb(j)) continue;
      if (BE_HAVE.has(w) || cues.future.has(w) || w === 'to' || w === 'going' || w === 'gonna' || (input.pos ? input.pos[j] === 'MD' : MODALS.has(w) && !(w === 'may' && /^M/.test(input.tokens[j].text) && j > input.from))) {
        out.push(w);
        if (w === 'to') break;
        continue;
      }
      break;
    }
    return out;
  };
  /** A negated "could" tells of an ability that failed, in the past ("could not be reached
   *  Monday", "neither he nor his family could be located Wednesday"), not of a possibility. */
  const negated = (): boolean => {
    for (let j = i + 2; j >= Math.max(input.from, i - 10); j--) {
      if (j < input.to && /^(?:not|n't|never|neither|nor|nobody)$/.test(wordAt(j))) return true;
    }
    return false;
  };
  /** For an infinitive "to V": the verb "to" hangs on says whether V lies ahead. */
  const infinitive = (toIndex: number): Tense | null => {
    let j = toIndex - 1;
    while (j >= input.from && isAdverb(j)) j--;
    const gov = wordAt(j);
    if (!cues.intent.has(gov) && !cues.planned.has(gov)) return null; // "extended its offer to acquire …": no tense of its own
    // a plan told in the past ("were planning to drive … Monday") still mostly lies ahead of
    // the report; one in the past perfect ("had been due to expire Friday") was overtaken
    for (let k = j - 1, n = 0; k >= input.from && n < 3; k--, n++) if (wordAt(k) === 'had' || wordAt(k) === "'d") return 'past';
    return 'future';
  };
  const group = (): Tense | null | undefined => {
    const a = auxes();
    // "could have been shot Monday": a modal before "have" looks back
    if (a.some((w) => MODALS.has(w)) && a.some((w) => w === 'have' || w === "'ve")) return 'past';
    if (a.includes('could') && negated()) return 'past';
    if (a.some((w) => cues.future.has(w) || MODALS.has(w) || w === 'going' || w === 'gonna')) return 'future';
    if (a[a.length - 1] === 'to') {
      // the position of "to" before token i
      let j = i - 1;
      while (j >= input.from && wordAt(j) !== 'to') j--;
      // a passive infinitive after a noun ("an address to be delivered Wednesday", "a vote to be
      // held Monday") tells of what is still to happen, whatever governs it
      return infinitive(j) ?? (a.length === 2 && a[0] === 'be' && /ed$|^(?:held|made|given|taken|seen|shown|done|sent|put|set|paid)$/.test(word) ? 'future' : null);
    }
    if (a.some((w) => PAST_AUX.has(w))) return 'past';
    if (a.length) return a.some((w) => w === 'has' || w === 'have' || w === "'ve") ? 'past' : 'present';
    return undefined; // no auxiliary: the verb's own form decides
  };
  // the present progressive of a scheduled event is a plan ("Officials are meeting on Thursday",
  // "The team is flying to Paris on Friday"); "were meeting" tells of the past
  if (cues.scheduledIng.has(word)) {
    let j = i - 1;
    while (j >= input.from && isAdverb(j)) j--;
    const b = wordAt(j);
    if (/^(?:is|are|am|'s|'re|'m)$/.test(b)) return 'future';
  }
  /** "He appears in court on Friday", "appears before the committee Tuesday": a hearing set for
   *  a day (not "it appears that …", "appears to be"). */
  const appearsIn = () => /^appears?$/.test(word) && /^(?:in|before)$/.test(wordAt(i + 1));
  if (cues.planned.has(word)) {
    // "is scheduled to close Monday" looks ahead; "had been scheduled to expire Friday" back
    const b1 = wordAt(i - 1), b2 = wordAt(i - 2);
    if (['is', 'are', 'am', "'s", "'re"].includes(b1) || cues.future.has(b2)) return 'future';
    // a reduced relative after a comma ("The ruling, expected Friday, could …", "The vote, set
    // for Monday, …") tells of the plan, not of a past act
    if (b1 === ',') return 'future';
    if (['was', 'were', 'been', 'had'].includes(b1)) return 'past';
  }
  {
    // the active verb of a plan ("planned a demonstration on Saturday", "has scheduled a news
    // conference Thursday", "The opposition plans a rally Saturday", "is planning a vote
    // Monday"): the time is the planned event's, which lies ahead; a plan in the past perfect
    // ("had planned") was overtaken; "the plan", "a schedule" are nouns
    const b1 = wordAt(i - 1), b2 = wordAt(i - 2);
    if (/^(?:plan|plans|planned|planning|schedule|schedules|scheduled)$/.test(word) && b1 !== 'had' && b2 !== 'had' && b1 !== 'as' && b2 !== 'as' && wordAt(i + 1) !== 'to'
      && !DETERMINERS.has(b1) && !/['’]s?$/.test(b1) && !(input.pos && /^(?:NN|JJ)/.test(input.pos[i]))) return 'future';
  }
  if (tag) {
    // a modal looks ahead ("could come as early as Tuesday") unless "have" follows it
    if (tag === 'MD' && word === 'could' && negated()) return 'past';
    if (tag === 'MD') return wordAt(i + 1) === 'have' || (isAdverb(i + 1) && wordAt(i + 2) === 'have') ? 'past' : 'future';
    if (!tag.startsWith('VB')) return null;
    // a present intention before its infinitive ("On Tuesday, the league plans to hold a news
    // conference") places the time ahead, as "plans to meet Tuesday" does
    if ((tag === 'VBZ' || tag === 'VBP') && wordAt(i + 1) === 'to' && cues.intent.has(word) && !['is', 'are', 'am'].includes(word)) {
      const t = infinitive(i + 1);
      if (t) return t;
    }
    if (tag === 'VBG') return null;
    // the tagger now and then reads a plural noun as VBZ ("his Miami relatives Sunday night",
    // "protesters prayed"): no finite verb sits inside a prepositional phrase, or right before
    // another finite verb
    if ((tag === 'VBZ' || tag === 'VBP') && input.pos && nounSlip(input, i)) return null;
    const g = group();
    if (g !== undefined) return g;
    if (tag === 'VB') return null; // a bare verb with nothing before it: imperative or a tagging slip
    if (tag === 'VBD') return 'past';
    // a participle with no auxiliary: the tagger often gives VBN for a simple past
    // ("announced Friday"), so it counts as past
    if (tag === 'VBN') return 'past';
    // a present forecast ("Analysts expect a recovery in the second half", "The company expects
    // profit to rise in the third quarter") governs what lies ahead
    if ((tag === 'VBZ' || tag === 'VBP') && cues.forecast.has(word)) return 'future';
    // the "scheduled present" of news: "Arafat and Netanyahu meet Monday", "the trial opens
    // Tuesday" tell of a fixed plan, which lies ahead
    if ((tag === 'VBZ' || tag === 'VBP') && (cues.scheduledPresent.has(word) || appearsIn())) return 'future';
    if (tag === 'VBZ' || tag === 'VBP') return 'present';
    return null;
  }
  // a capitalised "May" inside a sentence is the month ("Thursday, May 7"), not the modal
  const monthMay = word === 'may' && i > input.from && /^M/.test(input.tokens[i].text);
  if (cues.future.has(word)) return 'future';
  if (word === 'could' && negated()) return 'past';
  if (MODALS.has(word) && !monthMay) return wordAt(i + 1) === 'have' ? 'past' : 'future';
  // an -ed word after a determiner is an adjective ("on a still unspecified date")
  let d = i - 1;
  while (d >= input.from && (INNER_ADVERBS.has(wordAt(d)) || /^[a-z]+ly$/.test(wordAt(d)))) d--;
  // (and after a preposition: "the number of undecided voters", "killed by unidentified gunmen")
  const afterDeterminer = DETERMINERS.has(wordAt(d)) || (/ed$/.test(word) && /^(?:of|with|among|by|from|against|about|for)$/.test(wordAt(d)));
  // "has been", "have agreed": the present perfect tells of the past
  if ((word === 'has' || word === 'have' || word === "'ve") && (wordAt(i + 1) === 'been' || /^[a-z]{2,}ed$/.test(wordAt(i + 1)))) return 'past';
  const verbish = ((/^[a-z]{2,}ed$/.test(word) && !NOT_VERBS.has(word)) || cues.pastIrregular.has(word)) && !afterDeterminer;
  if (verbish) {
    const g = group();
    if (g === 'future') return 'future';
    if (g === null) return null;
    // the present passive ("when the case is heard in May", "is expected Monday") tells of no
    // past, as the tagged road reads it (VBN after a present "be")
    if (g === 'present' && /^(?:is|are|am|'re)$/.test(wordAt(i - 1))) return 'present';
    return 'past';
  }
  if (PRESENT.has(word)) return 'present';
  if (cues.forecast.has(word) && !afterDeterminer && wordAt(i - 1) !== 'to' && !/^['’]s$/.test(wordAt(i - 1))) return 'future';
  // the scheduled present without tags: a verb form of a scheduled event, not after a
  // determiner or "to" ("Arafat and Netanyahu meet Monday", but not "the meets", "to meet")
  if (cues.scheduledBase.has(word) && (/^(?:they|we)$/.test(wordAt(d)) || (d > input.from && /^\p{Lu}/u.test(input.tokens[d]?.text ?? '')) || PLURAL_SUBJECT.test(wordAt(d)))) return 'future';
  if ((cues.scheduledFinite.has(word) || (word === 'appears' && appearsIn())) && !afterDeterminer && wordAt(i - 1) !== 'to' && !/^['’]s$/.test(wordAt(i - 1))) return 'future';
  // an infinitive after a verb of intention: "plans to meet Monday", "agreed to purchase the
  // line in February" (infinitive() checks the governor, so "due to the strike" has none)
  if (/^[a-z]+$/.test(word) && wordAt(i - 1) === 'to' && !DETERMINERS.has(word) && !NOT_INFINITIVES.has(word)) {
    return infinitive(i - 1);
  }
  return null;
}

/**
 * Whether the time at startTok hangs on an event noun that a simple-present verb at `verb`
 * follows ("The vote comes after a meeting on Tuesday", "comes a day after talks on Monday"):
 * news' "X comes after Y" tells of a Y already past, whatever a scheduled-present "comes"
 * would say alone. Only the bare present counts (no modal or auxiliary before the verb: "will
 * come after talks on Tuesday" may lie ahead) and only with no verb between it and the time.
 */
function precededEvent(input: TenseInput, verb: number, startTok: number, cues: TenseCues): boolean {
  const w = input.tokens[verb].text.toLowerCase();
  if (!/^(?:comes?|follows?)$/.test(w)) return false;
  for (let j = verb - 1; j >= Math.max(input.from, verb - 3); j--) {
    const b = input.tokens[j].text.toLowerCase();
    if (cues.future.has(b) || MODALS.has(b) || b === 'to' || BE_HAVE.has(b)) return false;
  }
  let after = false;
  for (let j = verb + 1; j < startTok; j++) {
    const t = input.tokens[j].text;
    if (cues.preceding.test(t)) after = true;
    else if (/^[,;:]$/.test(t) || /^(?:that|which|who|when|as|and|but)$/i.test(t)) return false;
    else if (after && tokenTense(input, j, cues)) return false;
  }
  return after;
}

/**
 * The tense of the verb nearest to the token range [startTok, endTok) in its sentence.
 *
 * @example
 * // tokens of "Talks will resume Monday ." with Monday at token 3
 * governingTense({ tokens, pos: null, from: 0, to: 5 }, 3, 4, cues) // 'future'
 */
export function governingTense(input: TenseInput, startTok: number, endTok: number, cues: TenseCues): Tense | null {
  // A closing quotation mark ends the quoted clause: the reporting verb after it ("… Thursday,''
  // Castro said") tells when the words were said, not when the quoted event happens.
  let rightEnd = input.to;
  for (let j = endTok; j < input.to; j++) {
    if (CLOSING_QUOTE.test(input.tokens[j].text)) { rightEnd = j; break; }
  }
  // A reporting clause after a comma ("… will hold talks on Thursday, officials said") tells when
  // the words were said, as one after a closing quotation mark does: when the time's clause has
  // a verb of its own on the left, the scan stops at the comma.
  for (let j = endTok; j < rightEnd; j++) {
    if (input.tokens[j].text !== ',') continue;
    let reporting = false;
    for (let k = j + 1; k < Math.min(rightEnd, j + 6); k++) {
      if (cues.reporting.test(input.tokens[k].text)) {
        // the reporting clause ends the sentence or its clause ("…, officials said.", "…, the
        // ministry said on Monday", "…, according to …"); one with an object of its own ("On
        // Tuesday, the government announced a panel") is the clause the time belongs to
        const next = k + 1 < input.to ? input.tokens[k + 1].text : '.';
        reporting = /^(?:[.,;:!?]|''|"|”|on|in|at|late|early|earlier|later|yesterday|today|tonight)$/i.test(next) || (/^according$/i.test(input.tokens[k].text) && /^to$/i.test(next));
        break;
      }
      if (input.tokens[k].text === ',') break;
    }
    if (reporting && leftHasVerb(input, startTok, cues)) rightEnd = j;
    break;
  }
  // A complementizer "that" before the time opens the clause the time is in ("he has decided
  // that on Election Day he will vote"): the verb before it is the matrix clause's, so the scan
  // stays right of it when the clause has a verb of its own.
  let leftEnd = input.from;
  for (let j = startTok - 1; j >= input.from && j >= startTok - 6; j--) {
    if (input.tokens[j].text.toLowerCase() === 'that' && (!input.pos || input.pos[j] === 'IN')) {
      for (let k = endTok; k < rightEnd; k++) {
        if (tokenTense(input, k, cues)) { leftEnd = j + 1; break; }
      }
      break;
    }
  }
  // A relative clause closed by a comma ("The bill, which passed the House on Tuesday, now goes
  // to the Senate"): its own verb governs the time, not the main clause's after the comma.
  for (let j = startTok - 1; j >= leftEnd && j >= startTok - 12; j--) {
    const w = input.tokens[j].text.toLowerCase();
    if (w === ',' || w === ';') break;
    if (w !== 'which' && w !== 'who') continue;
    let verb = false;
    for (let k = j + 1; k < startTok && !verb; k++) verb = !!tokenTense(input, k, cues);
    if (!verb) break;
    for (let k = endTok; k < rightEnd; k++) {
      if (input.tokens[k].text === ',') { rightEnd = k; break; }
      if (tokenTense(input, k, cues)) break;
    }
    break;
  }
  let hasLeftVerb: boolean | undefined;
  // "the contests between Monday and March 14 will award …": after "between" (or "from") the
  // "and" joins the two ends of a stretch, not two clauses
  const between = [1, 2].some((k) => startTok - k >= input.from && /^(?:between|from)$/i.test(input.tokens[startTok - k].text));
  for (let dist = 1; dist < input.to - input.from; dist++) {
    const left = startTok - dist;
    const right = endTok - 1 + dist;
    if (left < leftEnd && right >= rightEnd) break;
    // a coordinating conjunction to the right opens another clause ("planned a demonstration on
    // Saturday and were planning to drive …"): its verb governs the time only when none is left
    if (right < rightEnd && cues.coordinator.test(input.tokens[right].text) && !(between && /^and$/i.test(input.tokens[right].text) && right - endTok <= 1)
      && (hasLeftVerb ??= leftHasVerb(input, startTok, cues))) rightEnd = right;
    // Left first: in English the governing verb more often precedes its time adjunct.
    if (left >= leftEnd) {
      const t = tokenTense(input, left, cues);
      if (t === 'future' && precededEvent(input, left, startTok, cues)) return 'past';
      if (t) return t;
    }
    if (right < rightEnd) {
      const t = tokenTense(input, right, cues);
      if (t) return t;
    }
  }
  return null;
}
