/**
 * @module nlp/tokenize
 * A Penn-Treebank-style tokenizer over offsets: it never copies or rewrites the text, so
 * every later layer can point back into `document.text`.
 *
 * Why these choices (news text, CoNLL/UD conventions the models are trained on):
 * - hyphenated names and words stay one token ("Kim Jong-un", "neo-Nazi"), as in CoNLL;
 * - a name's inner apostrophe stays ("O'Rourke"), but the possessive and clitics split
 *   ("Korea's" → "Korea" "'s", "don't" → "do" "n't"), as in PTB and UD;
 * - abbreviations with inner periods keep them ("U.S.", "Jan.", "Mr."), since sentence
 *   splitting and NER both need to know the period is not a full stop;
 * - numbers keep their separators ("1,200.50", "2025-04-28", "10:30").
 */
import type { Token } from '../types.js';

/** Titles and other abbreviations that end in a period which is not a full stop. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'gov', 'sen',
  'rep', 'rev', 'st', 'jr', 'sr', 'hon', 'pres', 'amb', 'cmdr', 'cpl', 'pvt', 'supt', 'insp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'dept', 'univ', 'assn', 'no', 'nos', 'vol',
  'vs', 'etc', 'approx', 'est', 'fig', 'mt', 'ft', 'ave', 'blvd', 'rd', 'p', 'pp', 'al',
]);

// One alternation, tried left to right at each position; order matters (longest, most
// specific first). The sticky flag lets us scan without slicing.
const TOKEN_PATTERN = new RegExp(
  [
    // URLs and e-mail addresses
    String.raw`https?://[^\s<>"“”]+[^\s<>"“”.,;:!?)\]']`,
    String.raw`www\.[^\s<>"“”]+[^\s<>"“”.,;:!?)\]']`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}`,
    // ISO dates and times, numbers with separators, ordinals, percentages stay whole
    String.raw`\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?`,
    String.raw`\d{1,2}:\d{2}(?::\d{2})?`,
    String.raw`\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?(?![\p{L}])`,
    // initials and dotted abbreviations: U.S., U.N., e.g.
    String.raw`(?:\p{L}\.){2,}`,
    // clitics after a word: 's 're 've 'll 'd 'm n't (straight or curly apostrophe)
    String.raw`[nN]['’][tT](?![\p{L}])`,
    String.raw`['’](?:[sS]|[rR][eE]|[vV][eE]|[lL][lL]|[dD]|[mM])(?![\p{L}])`,
    // words: letters/digits with inner hyphens and apostrophes (O'Rourke, Jong-un, 24-year-old)
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*`,
    // ellipsis, dashes, runs of the same punctuation
    String.raw`\.{2,}|…|-{2,}|—|–`,
    // any other single non-space character
    String.raw`[^\s]`,
  ].join('|'),
  'uy',
);

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Splits `text` (from `from` to `to`) into tokens with offsets.
 *
 * @example
 * tokenize("Korea's leader, Kim Jong-un, didn't go.").map(t => t.text)
 * // ['Korea', "'s", 'leader', ',', 'Kim', 'Jong-un', ',', 'did', "n't", 'go', '.']
 */
/**
 * A capitalised hyphen compound ending in a lower-case word ("Israeli-occupied",
 * "Kremlin-backed", "Texas-based"): it describes the name after it and is not part of it.
 */
export const MODIFIER_COMPOUND = /^\p{Lu}[\p{L}.]*-\p{Ll}+$/u;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags);
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    // skip white space (including NBSP and other Unicode spaces)
    if (c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x202f || c === 0x205f || c === 0xfeff) {
      i++;
      continue;
    }
    re.lastIndex = i;
    const m = re.exec(text);
    let end = m ? i + m[0].length : i + 1;
    if (end > to) end = to;
    let word = text.slice(i, end);
    // A word followed by a clitic: split "didn't" into "did" + "n't" (the regex takes the
    // longest word, so peel the "n't" back off here).
    if (end - i > 3 && /[nN]['’][tT]$/.test(word) && WORD_CHAR.test(word[0])) {
      end -= 3;
      word = text.slice(i, end);
    } else {
      const clitic = /['’](?:[sS]|[rR][eE]|[vV][eE]|[lL][lL]|[dD]|[mM])$/.exec(word);
      if (clitic && clitic.index > 0 && !isNameApostrophe(word, clitic.index)) {
        end = i + clitic.index;
        word = text.slice(i, end);
      }
    }
    // Abbreviation or initial: keep its period ("Mr.", "Jan.", "J.")
    if (text.charCodeAt(end) === 46 /* . */ && end < to && WORD_CHAR.test(word[0] ?? '')) {
      const lower = word.toLowerCase();
      if (ABBREVIATIONS.has(lower) || (word.length === 1 && /\p{Lu}/u.test(word))) {
        end += 1;
        word = text.slice(i, end);
      }
    }
    tokens.push({ start: i, end, text: word });
    i = end;
  }
  return tokens;
}

/** "O'Rourke"/"D'Amato": an apostrophe after a single capital letter is part of the name. */
function isNameApostrophe(word: string, apostropheAt: number): boolean {
  return apostropheAt === 1 && /\p{Lu}/u.test(word[0]) && word.length > 3 && /\p{Lu}/u.test(word[2] ?? '');
}
