/**
 * @module nlp/sentences
 * Sentence boundaries over tokens. A sentence ends at a blank line, or at a terminal mark
 * (. ! ? … ) followed — after any closing quotes and brackets — by a token that can start
 * a sentence. Periods inside tokens ("U.S.", "Mr.") were kept by the tokenizer, so a
 * sentence never ends inside an abbreviation; an abbreviation that closes a sentence
 * ("… in the U.S. The next …") ends it when a capitalised function word follows.
 */
import type { Sentence, Token } from '../types.js';

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»', '›', '」']);
const TERMINALS = new Set(['.', '!', '?', '…', '...', '?!', '!?']);
/** Words that start sentences often and names rarely: an abbreviation before them ends one. */
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'In', 'On', 'At', 'But', 'And', 'This',
  'That', 'These', 'Those', 'There', 'His', 'Her', 'Their', 'Its', 'Our', 'After', 'Before',
  'When', 'While', 'However', 'Meanwhile', 'Earlier', 'Later', 'According', 'If', 'As',
]);

/**
 * Groups tokens into sentences. `breaks` are extra offsets that always end a sentence
 * (e.g. the end of a report's header/dateline).
 *
 * @example
 * splitSentences(text, tokenize(text)) // [{ start, end, text, tokenStart, tokenEnd }, …]
 */
export function splitSentences(text: string, tokens: Token[], breaks: number[] = []): Sentence[] {
  const sentences: Sentence[] = [];
  const forced = new Set(breaks);
  let first = 0;
  const close = (lastExclusive: number) => {
    if (lastExclusive <= first) return;
    const start = tokens[first].start;
    const end = tokens[lastExclusive - 1].end;
    sentences.push({ start, end, text: text.slice(start, end), tokenStart: first, tokenEnd: lastExclusive });
    first = lastExclusive;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const next = tokens[i + 1];
    if (!next) break;
    // a paragraph break (blank line) or a forced break between this token and the next
    const gap = text.slice(tok.end, next.start);
    if (/\n\s*\n/.test(gap) || [...forced].some((b) => b > tok.start && b <= next.start)) {
      close(i + 1);
      continue;
    }
    const isTerminal = TERMINALS.has(tok.text) || (tok.text.endsWith('.') && tok.text.length > 1 && isAbbrevEnd(tok, next));
    if (!isTerminal) continue;
    // swallow closing quotes/brackets that belong to this sentence
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(tokens[j].text) && tokens[j].start === tokens[j - 1].end) j++;
    const after = tokens[j];
    if (!after) break;
    if (after.start === tokens[j - 1].end && !/\n/.test(text.slice(tokens[j - 1].end, after.start))) {
      // no space: "3.5", "U.S.-led" — not a boundary
      continue;
    }
    if (canStartSentence(after.text)) {
      close(j);
      i = j - 1;
    }
  }
  close(tokens.length);
  return sentences;
}

function canStartSentence(word: string): boolean {
  const c = word[0];
  if (!c) return false;
  if (/[\p{Lu}\p{N}"“‘'«„(\[—-]/u.test(c)) return true;
  return false;
}

function isAbbrevEnd(tok: Token, next: Token): boolean {
  // "U.S." or "Corp." at the end of a sentence: only when the next word is a common opener.
  return SENTENCE_OPENERS.has(next.text) && /\p{L}\.$/u.test(tok.text);
}
