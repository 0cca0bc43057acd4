import { describe, it, expect } from 'vitest';
import { createWorkingDoc } from '../../src/doc.js';
import { tokenizeStage, sentenceStage } from '../../src/nlp/stages.js';
import { posStage } from '../../src/nlp/pos/stage.js';
import { parseStage, createParseStage, MSG_NO_PARSER_MODEL } from '../../src/nlp/parse/stage.js';
import { findModelFile } from '../../src/nlp/pos/model.js';
import { readConllu } from '../../src/nlp/parse/conllu.js';
import { mixModels, projectivize } from '../../src/nlp/parse/parser.js';
import { CompactModel } from '../../src/nlp/pos/perceptron.js';
import { children, dependentsByRel, dominates, headVerbOf, relMatches, rootOf, subtreeSpan } from '../../src/nlp/parse/tree.js';
import type { DocumentMeta, WorkingDoc } from '../../src/types.js';

const meta = (text: string): DocumentMeta => ({
  id: 't', hash: 'sha256:0', title: null, url: null, source: null, published: '2025-04-28', dateline: null, language: 'en', text,
});
const parsed = (text: string): WorkingDoc => {
  const doc = createWorkingDoc(meta(text));
  for (const s of [tokenizeStage, sentenceStage, posStage, parseStage]) s.run(doc);
  return doc;
};
/** Index of the first token spelled `w`. */
const at = (doc: WorkingDoc, w: string) => doc.tokens.findIndex((t) => t.text === w);
/** "dependent -rel-> head" for the token spelled `w`. */
const arc = (doc: WorkingDoc, w: string) => {
  const i = at(doc, w);
  const h = doc.heads![i];
  return `${w} -${doc.deprels![i]}-> ${h < 0 ? 'ROOT' : doc.tokens[h].text}`;
};
const words = (doc: WorkingDoc, idx: number[]) => idx.map((i) => doc.tokens[i].text);
const noModel = !findModelFile('parser/parser.bin') || !findModelFile('pos/pos.bin');

describe.skipIf(noModel)('parse: constructions', () => {
  it('parses an active clause: subject, object, prepositional modifier', () => {
    const doc = parsed('The rebels attacked the village on Tuesday.');
    expect(arc(doc, 'attacked')).toBe('attacked -root-> ROOT');
    expect(arc(doc, 'rebels')).toBe('rebels -nsubj-> attacked');
    expect(arc(doc, 'village')).toBe('village -obj-> attacked');
    expect(arc(doc, 'on')).toBe('on -case-> Tuesday');
  });
  // Once a known weakness (PP attachment): "on Tuesday" hung on the object.
  it('attaches a time phrase after an object to the verb', () => {
    const doc = parsed('The rebels attacked the village on Tuesday.');
    expect(arc(doc, 'Tuesday')).toBe('Tuesday -obl-> attacked');
  });
  it('parses a passive with a by-agent', () => {
    const doc = parsed('The convoy was attacked by armed men near the border.');
    expect(arc(doc, 'convoy')).toBe('convoy -nsubj:pass-> attacked');
    expect(arc(doc, 'was')).toBe('was -aux:pass-> attacked');
    expect(arc(doc, 'men')).toBe('men -obl:agent-> attacked');
    expect(arc(doc, 'by')).toBe('by -case-> men');
  });
  it('parses coordination of modifiers and of subjects', () => {
    const doc = parsed('Hungarian and Romanian officials met in Budapest.');
    expect(arc(doc, 'Romanian')).toBe('Romanian -conj-> Hungarian');
    expect(arc(doc, 'and')).toBe('and -cc-> Romanian');
    expect(arc(doc, 'officials')).toBe('officials -nsubj-> met');
    const doc2 = parsed('France and Germany signed the agreement.');
    expect(arc(doc2, 'France')).toBe('France -nsubj-> signed');
    expect(arc(doc2, 'Germany')).toBe('Germany -conj-> France');
  });
  it('parses reported speech: speaker, cue, content clause', () => {
    const doc = parsed('The minister said that the talks had failed.');
    const said = at(doc, 'said');
    expect(words(doc, dependentsByRel(doc, said, 'nsubj'))).toEqual(['minister']);
    const content = dependentsByRel(doc, said, 'ccomp');
    expect(words(doc, content)).toEqual(['failed']);
    const { start, end } = subtreeSpan(doc, content[0]);
    expect(doc.text.slice(start, end)).toBe('that the talks had failed');
    expect(arc(doc, 'that')).toBe('that -mark-> failed');
  });
  // Known weakness (PP attachment): "against Ukraine" is hung on "Russia".
  it.fails('finds prepositional targets', () => {
    const doc = parsed('Volunteers fought for Russia against Ukraine.');
    const fought = at(doc, 'fought');
    expect(words(doc, dependentsByRel(doc, fought, 'obl'))).toEqual(['Russia', 'Ukraine']);
    expect(headVerbOf(doc, at(doc, 'Ukraine'))).toBe(fought);
  });
  it('parses each sentence separately, one root each', () => {
    const doc = parsed('The army shelled the town. Officials from both sides met in Istanbul.');
    expect(arc(doc, 'shelled')).toBe('shelled -root-> ROOT');
    expect(arc(doc, 'met')).toBe('met -root-> ROOT');
    expect(rootOf(doc, at(doc, 'Istanbul'))).toBe(at(doc, 'met'));
  });
});

describe.skipIf(noModel)('parse: tree helpers on parsed text', () => {
  const doc = parsed('Protesters were killed by police. Zelensky is the president.');
  it('finds the passive subject and the agent with its "by"', () => {
    const killed = at(doc, 'killed');
    expect(words(doc, dependentsByRel(doc, killed, 'nsubj'))).toEqual(['Protesters']);
    expect(words(doc, dependentsByRel(doc, killed, 'nsubj:pass'))).toEqual(['Protesters']);
    const agent = dependentsByRel(doc, killed, 'obl:agent');
    expect(words(doc, agent)).toEqual(['police']);
    expect(words(doc, dependentsByRel(doc, agent[0], 'case'))).toEqual(['by']);
    const { start, end } = subtreeSpan(doc, agent[0]);
    expect(doc.text.slice(start, end)).toBe('by police');
  });
  it('walks up to the governing predicate', () => {
    expect(headVerbOf(doc, at(doc, 'police'))).toBe(at(doc, 'killed'));
    expect(headVerbOf(doc, at(doc, 'killed'))).toBe(at(doc, 'killed'));
    expect(headVerbOf(doc, at(doc, 'were'))).toBe(at(doc, 'killed'));
    expect(headVerbOf(doc, at(doc, 'Zelensky'))).toBe(at(doc, 'president'));
    expect(headVerbOf(doc, at(doc, 'killed'), { includeSelf: false })).toBe(-1);
  });
  it('lists children in text order', () => {
    expect(words(doc, children(doc, at(doc, 'killed')))).toEqual(['Protesters', 'were', 'police', '.']);
  });
});

describe.skipIf(noModel)('parse: past verbs after a subject', () => {
  // Once a known weakness: the tagger read "resumed" after a plural noun as VBN (a reduced
  // relative) and the parser followed the tag; the tagger's last-verb features fixed it.
  it('parses an intransitive past verb after a plural subject as the root', () => {
    const doc = parsed('The talks resumed on Monday.');
    expect(arc(doc, 'resumed')).toBe('resumed -root-> ROOT');
  });
});

describe.skipIf(noModel)('parse: output shape', () => {
  const text = 'Kyiv, April 28 : Talks resumed.\n\n“We will not give up,” the president told reporters, adding that Russia’s demands were unacceptable. Hungarian and Romanian officials met.';
  const doc = parsed(text);
  it('gives a head and a relation per token', () => {
    expect(doc.heads).toBeInstanceOf(Int32Array);
    expect(doc.heads!.length).toBe(doc.tokens.length);
    expect(doc.deprels!.length).toBe(doc.tokens.length);
    for (const r of doc.deprels!) expect(r).toMatch(/^[a-z]+(:[a-z]+)?$/);
    expect(doc.data.parseBy).toBe('model/parser-arceager@3');
  });
  it('keeps every head inside its own sentence, with exactly one root per sentence', () => {
    for (const s of doc.sentences) {
      let roots = 0;
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const h = doc.heads![i];
        if (h === -1) {
          roots++;
          expect(doc.deprels![i]).toBe('root');
        } else {
          expect(h).toBeGreaterThanOrEqual(s.tokenStart);
          expect(h).toBeLessThan(s.tokenEnd);
          expect(h).not.toBe(i);
        }
      }
      expect(roots).toBe(1);
    }
  });
  it('makes a tree: every token reaches its root without a cycle', () => {
    for (let i = 0; i < doc.tokens.length; i++) expect(rootOf(doc, i)).toBeGreaterThanOrEqual(0);
  });
});

describe('parse: negative cases', () => {
  it('leaves heads null and says why when there is no model', () => {
    const doc = createWorkingDoc(meta('Talks failed.'));
    tokenizeStage.run(doc);
    sentenceStage.run(doc);
    createParseStage(() => null).run(doc);
    expect(doc.heads).toBeNull();
    expect(doc.deprels).toBeNull();
    expect(doc.messages[0]).toEqual({ stage: 'nlp/parse', reason: MSG_NO_PARSER_MODEL });
  });
  it.skipIf(noModel)('parses an empty document to empty arrays', () => {
    const doc = parsed('');
    expect(doc.heads).toEqual(new Int32Array(0));
    expect(doc.deprels).toEqual([]);
  });
  // Known weakness: any "by" phrase on a passive verb is labelled obl:agent.
  it.skipIf(noModel).fails('does not call a "by" time phrase an agent', () => {
    const doc = parsed('The report will be published by Friday.');
    expect(doc.deprels![at(doc, 'Friday')]).not.toBe('obl:agent');
  });
  it.skipIf(noModel)('does not make the subject of an active verb passive', () => {
    const doc = parsed('The army killed three soldiers.');
    expect(arc(doc, 'army')).toBe('army -nsubj-> killed');
  });
  it('tree helpers return nothing without a parse', () => {
    const doc = createWorkingDoc(meta('Talks failed.'));
    tokenizeStage.run(doc);
    expect(children(doc, 0)).toEqual([]);
    expect(dependentsByRel(doc, 0, 'nsubj')).toEqual([]);
    expect(headVerbOf(doc, 0)).toBe(-1);
    expect(rootOf(doc, 0)).toBe(-1);
    expect(dominates(doc, 0, 0)).toBe(false);
  });
});

describe('parse: helpers', () => {
  it('tells whether one token is another or one of its ancestors', () => {
    // "A teacher from the town echoed": teacher → echoed, from → town → teacher, the → town
    const doc = { tokens: ['A', 'teacher', 'from', 'the', 'town', 'echoed'].map((text, i) => ({ start: i * 8, end: i * 8 + text.length, text })), heads: Int32Array.from([1, 5, 4, 4, 1, -1]), deprels: ['det', 'nsubj', 'case', 'det', 'nmod', 'root'] };
    expect(dominates(doc, 1, 4)).toBe(true);
    expect(dominates(doc, 1, 2)).toBe(true);
    expect(dominates(doc, 5, 3)).toBe(true);
    expect(dominates(doc, 4, 4)).toBe(true);
    expect(dominates(doc, 4, 1)).toBe(false);
    expect(dominates(doc, 0, 3)).toBe(false);
  });
  it('matches relations with and without subtypes', () => {
    expect(relMatches('nsubj:pass', 'nsubj')).toBe(true);
    expect(relMatches('nsubj', 'nsubj:pass')).toBe(false);
    expect(relMatches('nsubjx', 'nsubj')).toBe(false);
  });
  it('reads CoNLL-U word lines and skips multiword-token ranges', () => {
    const conllu = [
      '# sent_id = x-1',
      '1-2\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_',
      '1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_',
      "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_",
      '3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_',
      '',
    ].join('\n');
    expect(readConllu(conllu)).toEqual([{ id: 'x-1', words: ['do', "n't", 'go'], tags: ['VBP', 'RB', 'VB'], heads: [2, 2, -1], rels: ['aux', 'advmod', 'root'] }]);
  });
  it('lifts non-projective arcs so arc-eager can build the tree', () => {
    // 1-based heads, 0 = root: token 2's arc to 4 crosses the arc 1 → 3
    const g = Int32Array.from([-1, 0, 4, 1, 1]);
    const p = projectivize(g);
    expect(Array.from(p)).toEqual([-1, 0, 1, 1, 1]);
  });
  it('mixes parsers by averaging their weights: the mean of their scores, in one table', () => {
    // two 4-class models over features 11, 22, 33 (rows: key, then (class, weight) pairs)
    const model = (rows: [number, [number, number][]][], scale: number) => {
      const offsets = [0];
      const classes: number[] = [];
      const weights: number[] = [];
      for (const [, ws] of rows) {
        for (const [c, w] of ws) { classes.push(c); weights.push(w); }
        offsets.push(classes.length);
      }
      return new CompactModel(4, Uint32Array.from(rows.map((r) => r[0])), Uint32Array.from(offsets), Uint8Array.from(classes), Int16Array.from(weights), scale);
    };
    const a = model([[11, [[0, 100], [2, -50]]], [22, [[1, 300]]]], 0.01);
    const b = model([[22, [[1, 100], [3, 40]]], [33, [[0, -200], [1, 20], [2, 5], [3, 7]]]], 0.02);
    const m = mixModels([a, b]);
    const feats = Uint32Array.from([11, 22, 33, 44]);
    const sa = new Float64Array(4), sb = new Float64Array(4), sm = new Float64Array(4);
    a.score(feats, 4, sa);
    b.score(feats, 4, sb);
    m.score(feats, 4, sm);
    for (let c = 0; c < 4; c++) expect(sm[c]).toBeCloseTo((sa[c] + sb[c]) / 2, 3);
    expect(m.stats.features).toBe(3);
    // pruning drops averaged weights under the threshold: feature 11's class 2 (-0.25) and 33's small ones
    expect(mixModels([a, b], 0.3).stats.weights).toBeLessThan(m.stats.weights);
  });
});
