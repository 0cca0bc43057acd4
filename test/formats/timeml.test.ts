import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createEngine } from '../../src/engine.js';
import { toAnalysis } from '../../src/doc.js';
import { readTimeml, timemlInput, timemlOutput, writeTimeml } from '../../src/formats/timeml.js';

const engine = createEngine({ stages: timemlOutput.stages!() });
/** The input through --from timeml --to timeml. */
const roundTrip = (raw: string, name = 'a.tml') => {
  const [input] = timemlInput.read(raw, { inputName: name });
  const doc = engine.process(input.document);
  return { out: timemlOutput.write([{ input, doc, analysis: toAnalysis(doc) }]), doc };
};
/** The output with every TIMEX3 tag inside TEXT taken out. */
const stripTimex = (s: string) => {
  const a = s.indexOf('<TEXT>');
  const b = s.lastIndexOf('</TEXT>');
  return s.slice(0, a) + s.slice(a, b).replace(/<\/?TIMEX3\b[^>]*>/g, '') + s.slice(b);
};

const TE3INPUT = `<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">

<DOCID>test_0001</DOCID>

<DCT><TIMEX3 tid="t0" type="DATE" value="2025-04-28" temporalFunction="false" functionInDocument="CREATION_TIME">2025-04-28</TIMEX3></DCT>

<TITLE>Talks &amp; truce</TITLE>

<TEXT>
The army took the town on Friday, AT&amp;T said. Talks will resume next week &lt;sources&gt;.
The previous day, shelling lasted three hours.
</TEXT>

</TimeML>
`;

describe('--from timeml', () => {
  it('takes the DCT as the document date and TEXT without tags, entities decoded, as the text', () => {
    const { document } = readTimeml(TE3INPUT, 'test.TE3input');
    expect(document.published).toBe('2025-04-28');
    expect(document.id).toBe('test_0001');
    expect(document.text).toContain('AT&T said');
    expect(document.text).toContain('<sources>');
    expect(document.text.startsWith('\nThe army')).toBe(true);
  });
  it('rejects a file without TEXT', () => {
    expect(() => readTimeml('<TimeML><DCT></DCT></TimeML>', 'bad.tml')).toThrow(/no <TEXT>/);
  });
});

describe('--to timeml', () => {
  it('adds TIMEX3 tags and leaves every other byte as it was', () => {
    const { out } = roundTrip(TE3INPUT);
    expect(stripTimex(out)).toBe(TE3INPUT);
    expect(out).toContain('<TIMEX3 tid="t1" type="DATE" value="2025-04-25">Friday</TIMEX3>');
    expect(out).toContain('<TIMEX3 tid="t2" type="DATE" value="2025-W19">next week</TIMEX3>');
    expect(out).toContain('<TIMEX3 tid="t3" type="DATE" value="2025-04-24">The previous day</TIMEX3>');
    expect(out).toContain('<TIMEX3 tid="t4" type="DURATION" value="PT3H">three hours</TIMEX3>');
  });
  it('replaces the TIMEX3 tags an annotated file had, keeps other tags, and stays well-formed', () => {
    const gold = TE3INPUT.replace('on Friday,', 'on <TIMEX3 tid="t9" type="DATE" value="X">Friday</TIMEX3>,')
      .replace('took', '<EVENT eid="e1" class="OCCURRENCE">took</EVENT>');
    const { out } = roundTrip(gold);
    expect(out).not.toContain('tid="t9"');
    expect(out).toContain('<EVENT eid="e1" class="OCCURRENCE">took</EVENT>');
    expect(stripTimex(out)).toBe(stripTimex(gold));
    expect(readTimeml(gold, 'g.tml').carry.given).toEqual([{ start: 27, end: 33, tid: 't9', type: 'DATE', value: 'X', mod: null }]);
  });
  it('leaves untagged an expression that would cross another tag', () => {
    const raw = TE3INPUT.replace('next week', 'next <EVENT eid="e2">week talks</EVENT>');
    const { carry, document } = readTimeml(raw, 'x.tml');
    const start = document.text.indexOf('next week');
    const { text, skipped } = writeTimeml(carry, [{ id: 't1', start, end: start + 9, text: 'next week', type: 'DATE', value: 'X' }]);
    expect(skipped).toHaveLength(1);
    expect(text).toBe(raw);
  });
});

const AQUAINT = new URL('../../../shared/data/tempeval3/TBAQ-cleaned/AQUAINT/', import.meta.url);
describe('round trip over AQUAINT', () => {
  it.skipIf(!existsSync(AQUAINT))('is byte-identical outside the TIMEX3 tags for every file', () => {
    for (const f of readdirSync(AQUAINT).filter((n) => n.endsWith('.tml'))) {
      const raw = readFileSync(new URL(f, AQUAINT), 'utf8');
      const { out } = roundTrip(raw, f);
      expect(stripTimex(out), f).toBe(stripTimex(raw));
    }
  });
});
