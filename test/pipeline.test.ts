/**
 * The whole default pipeline on awkward input: it must never throw, and what it returns must
 * keep Contract 1. (Each stage's own specs test what it finds.)
 */
import { describe, it, expect } from 'vitest';
import { createEngine } from '../src/engine.js';
import { expectValidAnalysis } from './contract.js';

const engine = createEngine();
const analyse = (text: string, date: string | null = '2025-01-02') => engine.analyseText(text, { id: 'x', date });

describe('the default pipeline on awkward input', () => {
  it("survives words that are names of Object.prototype's members", () => {
    const a = analyse('The constructor said toString and valueOf were hasOwnProperty of __proto__, the Constructor Group said on Monday. "constructor __defineGetter__", said Prototype.');
    expectValidAnalysis(a);
  });

  it('survives punctuation only, a single word, and no date at all', () => {
    for (const text of ['?!…', '—', 'Hello', '"', '((( )))', '2025', 'On Tuesdays.']) expectValidAnalysis(analyse(text, null));
  });

  it('survives unclosed quotes, stray apostrophes and mixed scripts', () => {
    expectValidAnalysis(analyse('He said, "this never ends. And then \' she left. Москва заявила, 北京 said “nothing.'));
  });

  it('survives ALL-CAPS and lower-case text', () => {
    expectValidAnalysis(analyse('PUTIN SAYS RUSSIAN TROOPS WILL STAY IN SYRIA, KREMLIN SAID ON FRIDAY'));
    expectValidAnalysis(analyse('putin says russian troops will stay in syria, the kremlin said on friday'));
  });

  it('handles a long report in reasonable time', () => {
    const paragraph = 'The minister said on Monday that talks with Ukraine would resume in Geneva next week. "We are ready," she told reporters. ';
    const text = paragraph.repeat(400);
    const t = performance.now();
    const a = analyse(text);
    expectValidAnalysis(a);
    expect(a.sentences.length).toBeGreaterThan(700);
    // generous: this is a guard against quadratic blow-ups, not a benchmark
    expect(performance.now() - t).toBeLessThan(60_000);
  });
});
