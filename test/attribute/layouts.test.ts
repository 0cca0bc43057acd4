import { describe, it, expect } from 'vitest';
import { createWorkingDoc } from '../../src/doc.js';
import { readReport } from '../../src/ingest/report.js';
import { tokenizeStage, sentenceStage } from '../../src/nlp/stages.js';
import { attributionStage } from '../../src/attribute/stage.js';
import { findQuotes } from '../../src/attribute/quotes.js';
import type { AnalysisAttribution } from '../../src/types.js';

/** Quote layouts news uses without a reporting verb: vox-pop lists and transcripts. */
function attrs(text: string): AnalysisAttribution[] {
  const doc = createWorkingDoc(readReport(text, { id: 't', date: '2026-03-14' }));
  tokenizeStage.run(doc);
  sentenceStage.run(doc);
  attributionStage.run(doc);
  return doc.attributions;
}
const brief = (a: AnalysisAttribution) => [(a.by ?? '').split('+')[0], a.source?.text ?? null, a.cue?.text ?? null, a.content.text];

describe('vox-pop lists', () => {
  it('reads a quote signed after a dash, one per line', () => {
    const text = 'Readers wrote in after the budget vote.\n\n'
      + '“The bus fares went up again and nobody asked us.” ― Marta Ilves\n'
      + '“I will vote for whoever fixes the bridge.”― Tomas Berg, 52, Narva.\n';
    expect(attrs(text).filter((a) => (a.by ?? '').startsWith('rule/direct-signed')).map(brief)).toEqual([
      ['rule/direct-signed', 'Marta Ilves', '―', 'The bus fares went up again and nobody asked us.'],
      ['rule/direct-signed', 'Tomas Berg', '―', 'I will vote for whoever fixes the bridge.'],
    ]);
  });

  it('reads a quote whose opening mark was typed as a closing one', () => {
    const text = 'Readers wrote in after the vote.\n\n'
      + '”The ferry timetable changed twice this spring.” ― Ines Korhonen\n'
      + '“Nobody at the harbour office answers the phone.”― Pablo Serra\n';
    expect(attrs(text).filter((a) => (a.by ?? '').startsWith('rule/direct-signed')).map(brief)).toEqual([
      ['rule/direct-signed', 'Ines Korhonen', '―', 'The ferry timetable changed twice this spring.'],
      ['rule/direct-signed', 'Pablo Serra', '―', 'Nobody at the harbour office answers the phone.'],
    ]);
  });

  it('reads a person described before a dash or a colon', () => {
    const text = 'We asked shoppers what they thought.\n\n'
      + 'Lena Ortiz, 34, a nurse from Fresno ― “The clinic closing means a two-hour drive for my patients.”\n\n'
      + 'Dev Rao, 61, Modesto: “Prices at the pump are all anyone talks about.”\n';
    expect(attrs(text).filter((a) => (a.by ?? '').startsWith('rule/direct-described')).map(brief)).toEqual([
      ['rule/direct-described', 'Lena Ortiz', '―', 'The clinic closing means a two-hour drive for my patients.'],
      ['rule/direct-described', 'Dev Rao', ':', 'Prices at the pump are all anyone talks about.'],
    ]);
  });

  it('takes no dateline, heading or sentence opener for a signature', () => {
    const dateline = attrs('SPRINGFIELD -- “The new term begins on Monday and every seat is filled.”\n');
    expect(dateline.filter((a) => (a.by ?? '').startsWith('rule/direct-described'))).toHaveLength(0);
    const heading = attrs('Mayor Lin: ‘No Deal’ on the Stadium Until Spring\n\nThe talks went on.\n');
    expect(heading.filter((a) => (a.by ?? '').startsWith('rule/direct-described'))).toHaveLength(0);
    const opener = attrs('Or, as one farmer put it: “The rain came two weeks too late for the wheat.”\n');
    expect(opener.filter((a) => (a.by ?? '').startsWith('rule/direct-described'))).toHaveLength(0);
  });

  it('does not sign a quote with words that go on after the name', () => {
    const text = '“We are ready for the storm.” ― Coast Guard officials repeated the warning on Tuesday as the winds rose.\n';
    expect(attrs(text).filter((a) => (a.by ?? '').startsWith('rule/direct-signed'))).toHaveLength(0);
  });
});

describe('interview transcripts', () => {
  it('reads turns that each open with an unclosed mark, and a paragraph that continues a turn', () => {
    const text = 'The interview, in part:\n\n'
      + '"HOLLIS: Will the plant stay open next year?\n\n'
      + '"MARKS: It will. We signed the supply contract last week.\n\n'
      + '"And the workers keep their shifts through the refit.\n\n'
      + '"HOLLIS: Thank you, Senator.\n';
    const turns = attrs(text).filter((a) => (a.by ?? '').startsWith('rule/colon-turn'));
    expect(turns.map((a) => [a.source?.text, a.content.text.split('\n')[0]])).toEqual([
      ['HOLLIS', 'Will the plant stay open next year'],
      ['MARKS', 'It will. We signed the supply contract last week.'],
      ['HOLLIS', 'Thank you, Senator'],
    ]);
    // the continuing paragraph is a second part of MARKS's turn, without its opening mark
    expect(turns[1].content.text).toMatch(/last week\.\n\n"And the workers keep their shifts through the refit$/);
  });

  it('does not read a transcript as one long quotation', () => {
    const text = '"KEMP: The roads come first.\n\n"DIAZ: We agree on that.\n\n"KEMP: Good, we start in May."\n';
    const a = attrs(text);
    expect(a.filter((x) => (x.by ?? '').startsWith('rule/direct-standalone'))).toHaveLength(0);
    expect(a.filter((x) => (x.by ?? '').startsWith('rule/colon-turn')).map((x) => x.source?.text)).toEqual(['KEMP', 'DIAZ', 'KEMP']);
  });

  it('leaves a stage direction out of the turn before it', () => {
    const text = '"KEMP: The roads come first.\n\n"(CROSSTALK.)\n\n"DIAZ: We agree on that.\n';
    const kemp = attrs(text).find((x) => x.source?.text === 'KEMP');
    expect(kemp?.content.text).toBe('The roads come first');
  });
});

describe('a quote that completes a sentence begun outside the marks', () => {
  it('attributes the whole sentence as a mixed attribution', () => {
    const a = attrs('Raising the fuel duty this winter “would hurt rural drivers most,” Ms. Petrov said.\n')
      .filter((x) => (x.by ?? '').startsWith('rule/mixed-after'));
    expect(a.map(brief)).toEqual([['rule/mixed-after', 'Ms. Petrov', 'said', 'Raising the fuel duty this winter “would hurt rural drivers most']]);
    expect(a[0].kind).toBe('mixed');
  });

  it('keeps a quote that opens its sentence, or follows a colon or a reporting verb, direct', () => {
    const opens = attrs('“The duty would hurt rural drivers most,” Ms. Petrov said.\n');
    expect(opens.map((x) => [x.kind, x.content.text])).toEqual([['direct', 'The duty would hurt rural drivers most']]);
    const colon = attrs('Her verdict on the plan: “it would hurt rural drivers most,” Ms. Petrov said.\n');
    expect(colon.filter((x) => (x.by ?? '').startsWith('rule/mixed-after'))).toHaveLength(0);
  });
});

describe('headings are no transcript turns', () => {
  it('reads a named speaker’s turn but not a heading with an article, a possessive or four words', () => {
    const turns = (text: string) => attrs(text).filter((x) => (x.by ?? '').startsWith('rule/colon-turn')).map((x) => x.source?.text);
    expect(turns('Sen. Ruiz: We will hold the vote next week.\n')).toEqual(['Sen. Ruiz']);
    expect(turns('The Latest: Storm closes schools across the county\n')).toEqual([]);
    expect(turns('Tuesday’s Evening Briefing: Rail strike talks resume\n')).toEqual([]);
    expect(turns('Big Night For Ruiz: Turnout beats every forecast\n')).toEqual([]);
  });
});

describe('a content that opens a quotation', () => {
  it('runs to the end of the quotation, over its sentences', () => {
    const a = attrs('According to the coach, “We trained twice a day. Nobody complained once.”\n');
    expect(a.map((x) => [x.source?.text, x.content.text])).toEqual([['the coach', 'We trained twice a day. Nobody complained once.']]);
  });

  it('keeps a content that only contains a quotation as it was', () => {
    const a = attrs('The coach said the team “trained twice a day” before the final. Nobody complained.\n');
    expect(a[0].content.text).toBe('the team “trained twice a day” before the final');
  });
});

describe('a block quotation after an open reporting frame', () => {
  it('reads the paragraph after "X added:" as X’s words', () => {
    const text = 'The minister spoke for an hour.\n\nThe minister added:\n\nWe will not raise the pension age in this parliament, whatever the deficit.\n\nThe debate went on.\n';
    const a = attrs(text).filter((x) => (x.by ?? '').startsWith('rule/block-quote'));
    expect(a.map(brief)).toEqual([['rule/block-quote', 'The minister', 'added', 'We will not raise the pension age in this parliament, whatever the deficit']]);
  });

  it('leaves a paragraph after a colon that is no reporting frame alone', () => {
    const text = 'The schedule for the week:\n\nTalks on Monday, a vote on Thursday and a recess after.\n';
    expect(attrs(text).filter((x) => (x.by ?? '').startsWith('rule/block-quote'))).toHaveLength(0);
  });
});

describe('titles in quotation marks', () => {
  it('reads no speech from a title after a preposition, article or possessive', () => {
    const a = attrs('On Sunday’s broadcast of “Morning Harbor Report,” Governor Lind said the budget would pass.\n');
    expect(a.filter((x) => x.kind === 'direct')).toHaveLength(0);
    expect(a.map((x) => [x.source?.text, x.content.text])).toEqual([['Governor Lind', 'the budget would pass']]);
  });

  it('reads no speech from a title after a possessive "’s"', () => {
    const a = attrs('In an interview on KXTV’s “Valley Morning Hour,” Governor Lind said the budget would pass.\n');
    expect(a.filter((x) => x.kind !== 'indirect')).toHaveLength(0);
    expect(a.map((x) => [x.source?.text, x.content.text])).toEqual([['Governor Lind', 'the budget would pass']]);
  });

  it('still reads a capitalised quote with a reporting clause as speech', () => {
    const a = attrs('“Vote Them Out,” the crowd chanted outside the hall.\n');
    expect(a.map((x) => [x.kind, x.content.text])).toEqual([['direct', 'Vote Them Out']]);
  });
});

describe('reporting clauses after a quote', () => {
  it('reads a document that "reads" the quote, and no other reading', () => {
    const a = attrs('“We regret the delay and will refund every ticket,” the airline’s letter reads.\n');
    expect(a.map(brief)).toEqual([['rule/direct-after', 'the airline’s letter', 'reads', 'We regret the delay and will refund every ticket']]);
    const b = attrs('“Closed for repairs,” she reads aloud from the sign.\n');
    expect(b.filter((x) => x.cue?.text === 'reads')).toHaveLength(0);
  });

  it('reads a speaker whose party and state abbreviation ends in a full stop before the comma', () => {
    const a = attrs('“The bridge money will be in the next bill,” Senator Ada Morrow, D-Vt., said on Friday.\n');
    expect(a.map(brief)).toEqual([['rule/direct-after', 'Senator Ada Morrow', 'said', 'The bridge money will be in the next bill']]);
  });
});

describe('mistyped quotation marks', () => {
  it('reads a paragraph-opening closing mark as an opener only when a closing mark follows in the paragraph', () => {
    expect(findQuotes('”Tickets sold out by noon,” the organiser said.\n').map((q) => q.inner.text)).toEqual(['Tickets sold out by noon,']);
    expect(findQuotes('”\nThe hall was full.\n')).toEqual([]);
    expect(findQuotes('Tickets sold out.\n”The rest went online.\n')).toEqual([]);
  });
});

describe('headlines with the speaker last', () => {
  it('reads "Content, Speaker Says." in a title-case headline', () => {
    const a = attrs('Harbour Tunnel Will Close For Repairs, City Engineer Says.\n\nThe tunnel carries most of the morning traffic.\n');
    expect(a.map(brief)).toEqual([['rule/headline', 'City Engineer', 'Says', 'Harbour Tunnel Will Close For Repairs']]);
  });

  it('reads no headline cue without a comma before the speaker', () => {
    const a = attrs('What The Harbour Tunnel Closure Means For Commuters Who Drive.\n\nThe tunnel carries most of the morning traffic.\n');
    expect(a.filter((x) => (x.by ?? '').startsWith('rule/headline'))).toHaveLength(0);
  });
});

describe('collective nouns as sources', () => {
  it('reads "police" or "staff" alone as a source, before or after the content', () => {
    expect(attrs('The driver left the scene on foot, police said.\n').map(brief)).toEqual([['rule/indirect-trailing', 'police', 'said', 'The driver left the scene on foot']]);
    expect(attrs('According to police, the driver left the scene on foot.\n').map((a) => [a.source?.text, a.content.text])).toEqual([['police', 'the driver left the scene on foot']]);
  });
});
