import { describe, it, expect } from 'vitest';
import { readReport, hashText } from '../../src/ingest/report.js';
import { InputError } from '../../src/ingest/errors.js';

describe('readReport', () => {
  it('reads the seed-style header and dateline as spans inside the text', () => {
    const text = ' date 2025-04-28 Moscow [Russia], April 28 : The Kremlin said …';
    const d = readReport(text, { id: 'x.txt' });
    expect(d.published).toBe('2025-04-28');
    expect(d.dateline).toEqual({ place: 'Moscow', country: 'RUS', start: 17, end: 44, text: 'Moscow [Russia], April 28 :' });
    expect(d.text).toBe(text);
    expect(d.hash).toBe(hashText(text));
  });
  it('reads wire datelines and finds the country from a capital', () => {
    expect(readReport('BEIJING, March 3 (Xinhua) -- China said …').dateline).toMatchObject({ place: 'Beijing', country: 'CHN' });
    expect(readReport('WASHINGTON (AP) — The Senate voted …').dateline).toMatchObject({ place: 'Washington', country: 'USA' });
    expect(readReport('NAIROBI, May 12 (AP) — Kenya signed …').dateline).toMatchObject({ place: 'Nairobi', country: 'KEN' });
  });
  it('finds no dateline in an ordinary first sentence', () => {
    expect(readReport('Brazilian police raided mines on Tuesday, officials said.').dateline).toBeNull();
    expect(readReport('The President, Joe Smith, said on Monday that …').dateline).toBeNull();
  });
  it('lets a header date win over the date given from outside', () => {
    expect(readReport('date 2020-01-02 Text here.', { date: '2021-05-05' }).published).toBe('2020-01-02');
    expect(readReport('Text here.', { date: '2021-05-05' }).published).toBe('2021-05-05');
    expect(readReport('Text here.').published).toBeNull();
  });
  it('rejects blank text and impossible dates', () => {
    expect(() => readReport('   ', { id: 'b.txt' })).toThrow(InputError);
    expect(() => readReport('Text', { date: '2021-02-30' })).toThrow(/not YYYY-MM-DD/);
  });
  it('tells English from text that is clearly not', () => {
    expect(readReport('The minister said that the talks in the capital were over and that he was pleased.').language).toBe('en');
    expect(readReport('Der Minister sagte, dass die Gespräche in der Hauptstadt beendet seien und er zufrieden sei.').language).toBe('und');
  });
});
