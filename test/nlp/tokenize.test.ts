import { describe, it, expect } from 'vitest';
import { tokenize } from '../../src/nlp/tokenize.js';
import { splitSentences } from '../../src/nlp/sentences.js';

const words = (s: string) => tokenize(s).map((t) => t.text);
const sentences = (s: string, breaks: number[] = []) => splitSentences(s, tokenize(s), breaks).map((x) => x.text);

describe('tokenize', () => {
  it('keeps hyphenated and apostrophe names whole', () => {
    expect(words("Kim Jong-un met Beto O'Rourke.")).toEqual(['Kim', 'Jong-un', 'met', 'Beto', "O'Rourke", '.']);
  });
  it('splits possessives and negation clitics as PTB does', () => {
    expect(words("Korea's leader didn't go")).toEqual(['Korea', "'s", 'leader', 'did', "n't", 'go']);
    expect(words('the DPRK’s soldiers')).toEqual(['the', 'DPRK', '’s', 'soldiers']);
  });
  it('keeps abbreviations, initials, numbers and dates whole', () => {
    expect(words('Mr. J. Smith of the U.S. paid $1,200.50 on 2025-04-28 at 10:30.')).toEqual([
      'Mr.', 'J.', 'Smith', 'of', 'the', 'U.S.', 'paid', '$', '1,200.50', 'on', '2025-04-28', 'at', '10:30', '.',
    ]);
  });
  it('handles non-ASCII names and curly quotes', () => {
    expect(words('“Erdoğan and Zelenskyy,” she said')).toEqual(['“', 'Erdoğan', 'and', 'Zelenskyy', ',', '”', 'she', 'said']);
  });
  it('gives offsets that point back into the text', () => {
    const text = '  Hello,\tworld…  ';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  it('returns nothing for blank text', () => {
    expect(tokenize(' \n\t ')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('splits at terminal marks before a capital, keeping closing quotes', () => {
    expect(sentences('He left. "It is over." They cheered!')).toEqual(['He left.', '"It is over."', 'They cheered!']);
  });
  it('does not split after titles, initials or inside abbreviations', () => {
    expect(sentences('Mr. Smith met Gen. J. Doe in the U.S. capital.')).toEqual(['Mr. Smith met Gen. J. Doe in the U.S. capital.']);
  });
  it('ends a sentence at an abbreviation when a common opener follows', () => {
    expect(sentences('He moved to the U.S. The move was quiet.')).toEqual(['He moved to the U.S.', 'The move was quiet.']);
  });
  it('always splits at a blank line and at forced breaks', () => {
    expect(sentences('Headline without stop\n\nBody starts here.')).toEqual(['Headline without stop', 'Body starts here.']);
    const t = 'Moscow, April 28 : Putin spoke.';
    expect(sentences(t, [t.indexOf(':') + 1])).toEqual(['Moscow, April 28 :', 'Putin spoke.']);
  });
  it('keeps lower-case continuations together', () => {
    expect(sentences('It cost 3.5 million. and more')).toEqual(['It cost 3.5 million. and more']);
  });
});
