import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { timeForSpan } from '../../src/time/index.js';
import { governingTense } from '../../src/time/tense.js';
import { cues, tagged, times, engine } from './helpers.js';

/** The one time whose text is `expr`. */
const one = (text: string, date: string | null, expr: string) => times(text, date).find((t) => t.text === expr);
const value = (text: string, date: string | null, expr: string) => one(text, date, expr)?.value;

describe('dates against the document date (2025-04-28, a Monday)', () => {
  const d = '2025-04-28';
  it('full and partial calendar dates', () => {
    expect(value('It ended on April 26, 2025, they said.', d, 'April 26, 2025')).toBe('2025-04-26');
    expect(value('The treaty of June 19, 2024 holds.', d, 'June 19, 2024')).toBe('2024-06-19');
    expect(value('Talks resumed Sept. 15.', d, 'Sept. 15')).toBe('2024-09-15');
  });
  it('deictic days', () => {
    expect(value('Earlier today the statement came.', d, 'Earlier today')).toBe('2025-04-28');
    expect(value('He arrived yesterday.', d, 'yesterday')).toBe('2025-04-27');
    expect(value('He left last night.', d, 'last night')).toBe('2025-04-27TNI');
  });
  it('the tense of the verb decides last or next weekday', () => {
    expect(value('The Kremlin released a statement on Monday.', d, 'Monday')).toBe('2025-04-28');
    expect(value('The rebels attacked on Friday.', d, 'Friday')).toBe('2025-04-25');
    expect(value('The talks will resume Friday.', d, 'Friday')).toBe('2025-05-02');
    expect(value('The vote is scheduled for Thursday.', d, 'Thursday')).toBe('2025-05-01');
  });
  it('weeks, months, quarters, years, seasons, decades', () => {
    expect(value('Prices fell last week.', d, 'last week')).toBe('2025-W17');
    expect(value('Prices fell last month.', d, 'last month')).toBe('2025-03');
    expect(value('Profit rose in the first quarter.', d, 'the first quarter')).toBe('2025-Q1');
    expect(value('Profit fell in the fourth quarter.', d, 'the fourth quarter')).toBe('2024-Q4');
    expect(value('It will be built next year.', d, 'next year')).toBe('2026');
    expect(value('It will open this summer.', d, 'this summer')).toBe('2025-SU');
    expect(value('It grew in the 1990s.', d, 'the 1990s')).toBe('199');
    expect(value('Sales rose in fiscal 2024.', d, 'fiscal 2024')).toBe('2024');
  });
  it('modifiers become mod', () => {
    const t = one('The deal closed in early March.', d, 'early March');
    expect(t?.value).toBe('2025-03');
    expect(t?.mod).toBe('START');
    expect(one('The plant was built in the late 1980s.', d, 'the late 1980s')?.mod).toBe('END');
  });
  it('vague references', () => {
    expect(value('The rebels now hold the town.', d, 'now')).toBe('PRESENT_REF');
    expect(value('He recently met the envoy.', d, 'recently')).toBe('PAST_REF');
    expect(value('Talks may resume in the future.', d, 'the future')).toBe('FUTURE_REF');
  });
  it('"the previous day" leans on the last date mentioned', () => {
    const ts = times('On April 20 the army advanced. The previous day it had shelled the town.', d);
    const prev = ts.find((t) => t.text === 'The previous day');
    expect(prev?.value).toBe('2025-04-19');
    expect(prev?.anchor).toBe(ts.find((t) => t.text === 'April 20')?.id);
  });
  it('"that (same) day" is the day just told of; a month told of leaves the day unknown', () => {
    expect(value('The mayor resigned on April 9. Two aides quit that same day.', d, 'that same day')).toBe('2025-04-09');
    expect(value('The bridge was closed last October. Its lights were switched off that same day.', d, 'that same day')).toBe('2024-10-XX');
    expect(value('The bridge was closed last October, and its lights went out that very day.', d, 'that very day')).toBe('2024-10-XX');
    // a month still ahead, named in a quote, is no antecedent of a day told in the past
    expect(value('Aides met on April 20. "It will not be over in May or June," one said. The plan outlined that day was bold.', d, 'that day')).toBe('2025-04-20');
  });
  it('a past verb puts a month four or more after the report\'s in the year before, not a nearer one; the present passive is no past', () => {
    expect(value('The company changed to a calendar year in November.', '1989-07-27', 'November')).toBe('1988-11');
    // past-tense reports often name the coming months: "pressed for a role at the convention in July"
    expect(value('Aides pressed for a role in drafting the platform for the convention in July.', '2016-04-26', 'July')).toBe('2016-07');
    expect(value('The relatives may lose when the case is heard in May.', '2000-03-29', 'May')).toBe('2000-05');
    expect(value('The hearing is held in May, officials said.', '2000-03-29', 'May')).toBe('2000-05');
  });
  it('"until then", "by then" refer back to the last date named; "since then" and a sequence\'s "then" are no times', () => {
    expect(value('The offer expires on May 30. Until then, the shares trade freely.', d, 'then')).toBe('2025-05-30');
    expect(value('The rebels took the town in March 2024. By then the army had left.', d, 'then')).toBe('2024-03');
    expect(one('The plant opened in 1990. Since then, it has doubled its output.', d, 'then')).toBeUndefined();
    expect(one('He paused, and then he spoke.', d, 'then')).toBeUndefined();
    expect(one('Wait until then, he said.', d, 'then')).toBeUndefined();
    // a clause, not a date, is what "then" follows here: the date lies two sentences back
    expect(one('The paper ran the story on May 10. Only when women can run freely will this end. It may take years. Until then, get used to it.', d, 'then')).toBeUndefined();
  });
  it('"that day" in a text that has named no day (nor just a month) is a generic day, left untagged', () => {
    expect(one('On days when the market falls, brokers lose money on trades made that day.', d, 'that day')).toBeUndefined();
    expect(one('Prices rose in March. Traders are cautious. When a rumour spreads, you see heavy selling that day.', d, 'that day')).toBeUndefined();
    // a day named further back is still the day meant
    expect(value('The story ran on Tuesday. He denied the charges. His lawyer called it false. Later that day, he resigned.', d, 'Later that day')).toBe('2025-04-22');
    // "the next day" keeps leaning on the report's date when nothing else was named
    expect(value('Police said the man was released the next day.', d, 'the next day')).toBe('2025-04-29');
  });
  it('keeps what was stated apart from what was inferred', () => {
    const t = one('Talks resumed Sept. 15.', d, 'Sept. 15');
    expect(t?.stated).toEqual(expect.arrayContaining(['month', 'day']));
    expect(t?.inferred).toContain('year');
    expect(t?.anchor).toBe('dct');
    expect(t?.by).toMatch(/^chrono\//);
  });
});

describe('durations and sets', () => {
  const d = '2025-04-28';
  it('durations', () => {
    expect(one('The siege lasted three days.', d, 'three days')).toMatchObject({ type: 'DURATION', value: 'P3D' });
    expect(one('The war has gone on for several years.', d, 'several years')).toMatchObject({ type: 'DURATION', value: 'PXY' });
    expect(one('He signed a two-year contract.', d, 'two-year')).toMatchObject({ type: 'DURATION', value: 'P2Y' });
    expect(one('Over the past two weeks, prices rose.', d, 'the past two weeks')?.value).toBe('P2W');
    expect(one('The talks took more than four hours.', d, 'more than four hours')).toMatchObject({ value: 'PT4H', mod: 'MORE_THAN' });
    expect(value('It lasted two decades.', d, 'two decades')).toBe('P20Y');
  });
  it('points made of durations', () => {
    expect(value('The plant closed two years ago.', d, 'two years ago')).toBe('2023');
    expect(value('He left three days ago.', d, 'three days ago')).toBe('2025-04-25');
  });
  it('sets', () => {
    expect(one('The paper is printed daily.', d, 'daily')).toMatchObject({ type: 'SET', value: 'P1D' });
    expect(one('They meet every Thursday.', d, 'every Thursday')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-4' });
  });
});

describe('times of day', () => {
  it('clock times and day parts', () => {
    expect(one('The blast came at 3 p.m., officials said.', '2025-04-28', '3 p.m.')).toMatchObject({ type: 'TIME', value: '2025-04-28T15:00' });
    expect(one('They struck this morning.', '2025-04-28', 'this morning')).toMatchObject({ type: 'TIME', value: '2025-04-28TMO' });
    expect(one('They struck Saturday night.', '2025-04-28', 'Saturday night')).toMatchObject({ type: 'TIME', value: '2025-04-26TNI' });
  });
});

describe('without a document date, relative values stay underspecified', () => {
  it('never uses the wall clock', () => {
    expect(value('He arrived yesterday.', null, 'yesterday')).toBe('XXXX-XX-XX');
    expect(value('The rebels attacked on Friday.', null, 'Friday')).toBe('XXXX-WXX-5');
    expect(value('Prices fell last year.', null, 'last year')).toBe('PAST_REF');
    expect(value('Talks resumed Sept. 15.', null, 'Sept. 15')).toBe('XXXX-09-15');
    expect(value('It ended on April 26, 2025.', null, 'April 26, 2025')).toBe('2025-04-26');
  });
});

describe('negative cases', () => {
  const d = '2025-04-28';
  const texts = (s: string) => times(s, d).map((t) => t.text);
  it('"may" the verb and "march" the verb are not months', () => {
    expect(texts('The army may withdraw.')).toEqual([]);
    expect(texts('May I ask a question?')).toEqual([]);
    expect(texts('Protesters march on the capital.')).toEqual([]);
    expect(texts('March on, they cried.')).toEqual([]);
  });
  it('"spring" the noun and "fall" the verb are not seasons', () => {
    expect(texts('Water came from a spring in the hills.')).toEqual([]);
    expect(texts('The Arab Spring changed the region.')).toEqual([]);
    expect(texts('Prices could fall sharply.')).toEqual([]);
    expect(texts('They watched the fall of the city.')).toEqual([]);
  });
  it('numbers that are not years', () => {
    expect(texts('About 2000 people marched.')).toEqual([]);
    expect(texts('The company earned $1,998 million.')).toEqual([]);
    expect(texts('Net income was $1.01 a share.')).toEqual([]);
    expect(texts('The flight carried 1500 passengers.')).toEqual([]);
  });
  it('ages and rates are not times', () => {
    expect(texts('The 46-year-old was arrested.')).toEqual([]);
    expect(texts('He is 46 years old.')).toEqual([]);
    expect(texts('Rooms cost $55 a night.')).toEqual([]);
  });
  it('"Sun" the paper is not Sunday', () => {
    expect(texts('The Sun reported the story.')).toEqual([]);
  });
});

describe('robustness and TimeML conventions', () => {
  const d = '1998-02-27';
  it('a plural weekday is a SET and does not throw', () => {
    expect(() => times('He meets Tuesdays with the board.', d)).not.toThrow();
    expect(one('He meets Tuesdays with the board.', d, 'Tuesdays')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-2' });
    expect(times('tuesdays and mondays', d).some((t) => t.type === 'SET')).toBe(false);
  });
  it('halves are written with the next smaller unit', () => {
    expect(value('He served 2 1/2 years in jail.', d, '2 1/2 years')).toBe('P2Y6M');
    expect(value('It took 5 1/2 hours.', d, '5 1/2 hours')).toBe('PT5H30M');
    expect(value('A minute and a half later, it fell.', d, 'A minute and a half')).toBe('PT1M30S');
    expect(value('They waited a year and a half.', d, 'a year and a half')).toBe('P1Y6M');
  });
  it('"three days later" is a duration with "later" left as a signal; "a year earlier" a point', () => {
    expect(one('Three days later, he died.', d, 'Three days')).toMatchObject({ type: 'DURATION', value: 'P3D' });
    expect(value('A year earlier, it was cheaper.', d, 'A year earlier')).toBe('1997');
  });
  it('spelled-out years after a month or a season', () => {
    expect(value('It happened in January nineteen ninety-seven.', d, 'January nineteen ninety-seven')).toBe('1997-01');
    expect(value('It was built in the winter of nineteen ninety-four.', d, 'the winter of nineteen ninety-four')).toBe('1994-WI');
  });
  it('modals and "as soon as" look ahead; "could have" looks back', () => {
    // 1998-02-27 is a Friday
    expect(value('The group might come as soon as Tuesday.', d, 'Tuesday')).toBe('1998-03-03');
    expect(value('Officials said the talks could resume Monday.', d, 'Monday')).toBe('1998-03-02');
    expect(value('He could have been shot Monday.', d, 'Monday')).toBe('1998-02-23');
  });
  it('a tenseless month is the one nearest the document date', () => {
    expect(value('Revisions to December figures are small.', d, 'December')).toBe('1997-12');
    expect(value('Sales in March are the test.', d, 'March')).toBe('1998-03');
  });
  it('holidays: fixed, nth weekday, Easter; "the night of" keeps the date', () => {
    expect(value('It happened on Thanksgiving Day.', d, 'Thanksgiving Day')).toBe('1997-11-27');
    expect(value('We vote on Election Day.', '1998-10-26', 'Election Day')).toBe('1998-11-03');
    expect(value('They will meet on Good Friday.', d, 'Good Friday')).toBe('1998-04-10');
    // within two months the nearest one, whatever the tense (as for a yearless date)
    expect(value('They met on Good Friday.', d, 'Good Friday')).toBe('1998-04-10');
    expect(value('He was shot on the night of Oct. 23 as he stood there.', '1998-10-26', 'Oct. 23')).toBe('1998-10-23');
  });
  it('articles and possessives of a noun phrase stay out of an adjectival time', () => {
    expect(one('It had a third-quarter loss.', d, 'third-quarter')?.value).toBe('1997-Q3');
    expect(one('Its fourth quarter was bad.', d, 'fourth quarter')?.value).toBe('1997-Q4');
    expect(one('The year-ago results were better.', d, 'year-ago')?.value).toBe('1997');
    expect(one('In the fourth quarter, it fell.', d, 'the fourth quarter')?.value).toBe('1997-Q4');
  });
  it('"soon after" is a signal, not a time', () => {
    expect(times('He died soon after being captured.', d)).toHaveLength(0);
    expect(value('Talks will resume soon.', d, 'soon')).toBe('FUTURE_REF');
  });
  it('bare plural units after for/within are durations; years after a possessive are dates', () => {
    expect(one('It was ruled from Moscow for centuries.', d, 'centuries')).toMatchObject({ type: 'DURATION', value: 'PXCE' });
    expect(value('The first time in years.', d, 'years')).toBe('PXY');
    expect(value("The company's 1989 operating results fell.", d, '1989')).toBe('1989');
    expect(times("The firm's 1500 workers left.", d)).toHaveLength(0);
  });
  it('frequency words: SETs, but not a newspaper, a statistic or a dividend', () => {
    expect(one('It gives the daily tally of inspections.', d, 'daily')).toMatchObject({ type: 'SET', value: 'P1D' });
    expect(value('Profits doubled annually since 1980.', d, 'annually')).toBe('P1Y');
    expect(times('The Communist Party daily Granma said so.', d)).toHaveLength(0);
    expect(times("Nasdaq's average daily volume rose.", d)).toHaveLength(0);
    expect(times('It cut its quarterly dividend.', d)).toHaveLength(0);
  });
  it('"the past year" is the previous calendar year; "the past week" the report\'s week', () => {
    expect(one('Over the past year prices rose.', d, 'the past year')).toMatchObject({ type: 'DATE', value: '1997' });
    expect(value('He has been ill for the last week.', d, 'the last week')).toBe('1998-W09');
  });
  it('a plan in the past perfect was overtaken; one in the present lies ahead', () => {
    expect(value('It had been due to expire Friday.', d, 'Friday')).toBe('1998-02-27');
    expect(value('It had been due to expire Monday.', d, 'Monday')).toBe('1998-02-23');
    expect(value('It is due to expire Monday.', d, 'Monday')).toBe('1998-03-02');
  });
  it('"last fall in his home" is a season; "The March accession" a month; "day-long" a duration', () => {
    expect(value('They shot him last fall in his home.', d, 'last fall')).toBe('1997-FA');
    expect(times('The fall of Berlin changed things.', d)).toHaveLength(0);
    expect(value('The March accession will enable it.', d, 'March')).toBe('1998-03');
    expect(times('He gave to the March of Dimes.', d)).toHaveLength(0);
    expect(value('It was their third day-long meeting.', d, 'day-long')).toBe('P1D');
    expect(times('A 46-year-old man was hurt.', d)).toHaveLength(0);
  });
  it('hours with a day part, and midday, are clock times', () => {
    expect(one('The judge met them at midday.', d, 'midday')).toMatchObject({ type: 'TIME', value: '1998-02-27T12:00' });
    expect(value('The ship left at 9 in the evening.', d, '9 in the evening')).toBe('1998-02-27T21:00');
    expect(times('They held midday prayers.', d)).toHaveLength(0);
  });
  it('a to-infinitive takes its tense from the verb it hangs on', () => {
    // "extended … to acquire … Friday": past, not a plan
    expect(value('Two bidders extended their offers to acquire the firm Friday.', d, 'Friday')).toBe('1998-02-27');
    expect(value('The company plans to announce results Tuesday.', d, 'Tuesday')).toBe('1998-03-03');
  });
});

describe('timeForSpan', () => {
  it('gives the time of the trigger\'s sentence, nearest first, vague ones last', () => {
    const text = 'Putin said that on April 26, 2025, the forces defeated the group. Now talks go on.';
    const doc = engine.process({ id: 't', hash: 'h', title: null, url: null, source: null, published: '2025-04-28', dateline: null, language: 'en', text });
    const at = text.indexOf('defeated');
    expect(timeForSpan(doc, at, at + 'defeated'.length)?.value).toBe('2025-04-26');
    const talks = text.indexOf('talks');
    expect(timeForSpan(doc, talks, talks + 5)?.value).toBe('PRESENT_REF');
    expect(timeForSpan(doc, 0, 5)?.value).toBe('2025-04-26');
  });
  it('is null where the sentence has no time', () => {
    const text = 'The forces advanced. Nothing else happened.';
    const doc = engine.process({ id: 't', hash: 'h', title: null, url: null, source: null, published: '2025-04-28', dateline: null, language: 'en', text });
    expect(timeForSpan(doc, 4, 10)).toBeNull();
  });
});

const SEED = new URL('../../../shared/seeds/000_d21a548734dd4e0e.txt', import.meta.url);
describe('the seed', () => {
  it.skipIf(!existsSync(SEED))('gives the four times the pipeline issue lists', () => {
    const a = engine.analyseText(readFileSync(SEED, 'utf8'));
    const find = (s: string) => a.times.find((t) => t.text.toLowerCase().includes(s.toLowerCase()))?.value;
    expect(find('April 26, 2025')).toBe('2025-04-26');
    expect(find('June 19, 2024')).toBe('2024-06-19');
    expect(find('Monday')).toBe('2025-04-28');
    expect(find('Earlier today')).toBe('2025-04-28');
    // the seed-style header ("date 2025-04-28") is metadata, not a time in the report
    expect(a.times.every((t) => t.start > 20)).toBe(true);
  });
});

describe('earnings-report quarters (report of 1989-11-02, in the fourth quarter)', () => {
  const d = '1989-11-02';
  it('"the latest quarter" is the last completed one, even after a forecast names the current one', () => {
    const text = 'It expects fourth-quarter sales to rise. Its premiums fell 59% in the latest quarter, compared with a year ago.';
    expect(value(text, d, 'the latest quarter')).toBe('1989-Q3');
    expect(value(text, d, 'a year ago')).toBe('1988-Q3');
  });
  it('a year-ago phrase after the year-ago quarter itself does not count back twice', () => {
    const text = 'Net income in the third quarter rose from the 1988 third quarter. The year-ago results included a gain.';
    expect(value(text, d, 'the 1988 third quarter')).toBe('1988-Q3');
    expect(value(text, d, 'year-ago')).toBe('1988-Q3');
  });
  it('"the period" and "a year ago" refer to the reported quarter, not to one named in passing', () => {
    const text = 'The company posted a 20% gain in third-quarter net income. After a flat second quarter, sales recovered. '
      + 'Charges were taken in the year-earlier period. In the 1989 period, costs were lower than a year ago.';
    expect(value(text, d, 'the year-earlier period')).toBe('1988-Q3');
    expect(value(text, d, 'the 1989 period')).toBe('1989-Q3');
    expect(value(text, d, 'a year ago')).toBe('1988-Q3');
  });
  it('"this quarter\'s loss" after the report named its quarter is that quarter; without one it is the current quarter', () => {
    expect(value('It lost $8.1 million in the third quarter ended Sept. 30. This quarter\'s loss includes charges.', d, 'This quarter')).toBe('1989-Q3');
    expect(value('This quarter\'s sales look strong.', d, 'This quarter')).toBe('1989-Q4');
  });
  it('a comparison period or a forecast does not become the reference; a later report in a round-up does', () => {
    const text = 'Profit rose in the fiscal first quarter. In the 1988 period, it lost money. Analysts see gains in the fourth quarter. '
      + 'Traffic jumped in the quarter. Separately, another airline reported third-quarter profit rose. Year-earlier results included a gain.';
    expect(value(text, d, 'the quarter')).toBe('1989-Q1');
    expect(value(text, d, 'Year-earlier')).toBe('1988-Q3');
  });
});

describe('fiscal quarters with their end date', () => {
  it('a quarter that "ended" on a day after the report\'s is the year before\'s; its end date too', () => {
    const text = 'The company changed from a fiscal year to a calendar year in December. In the comparable year-ago quarter, '
      + 'the second quarter ended Oct. 31, it lost $12.5 million. Results for that quarter included a write-down.';
    const d = '1989-10-27';
    expect(value(text, d, 'the comparable year-ago quarter')).toBe('1988-Q2');
    expect(value(text, d, 'the second quarter')).toBe('1988-Q2');
    expect(value(text, d, 'Oct. 31')).toBe('1988-10-31');
    expect(value(text, d, 'that quarter')).toBe('1988-Q2');
  });
  it('a fiscal quarter that ended before the report is that year\'s, whatever its number', () => {
    expect(value('It lost $20 million for its fourth quarter ended June 30.', '1989-10-26', 'fourth quarter')).toBe('1989-Q4');
    expect(value('Net rose in the fiscal-first quarter ended Sept. 30.', '1989-10-26', 'the fiscal-first quarter')).toBe('1989-Q1');
    expect(value('Sales rose in the third quarter ended Sept. 30, 1988.', '1989-10-26', 'the third quarter')).toBe('1988-Q3');
  });
  it('a quarter "ending" on a day is the next one to end there', () => {
    expect(value('It expects a loss for the second quarter ending Jan. 31.', '1989-10-26', 'the second quarter')).toBe('1990-Q2');
  });
});

describe('a holiday\'s week, and a clock time restated with its day in parentheses', () => {
  it('"Easter week", "Christmas week" are the ISO weeks holding the day', () => {
    expect(value('Protesters prayed as Easter week began.', '2000-04-17', 'Easter week')).toBe('2000-W16');
    expect(value('Shops were busy in Christmas week.', '1998-12-28', 'Christmas week')).toBe('1998-W52');
    // negative case: the holiday alone stays a day
    expect(value('They met on Easter.', '2000-04-25', 'Easter')).toBe('2000-04-23');
  });
  it('"at 4 in the morning (4 a.m. EDT Thursday)" is on the day the parenthesis names', () => {
    const text = "''The father will leave at 4 in the morning (4 a.m. EDT Thursday),'' the leader said.";
    expect(value(text, '2000-04-05', '4 in the morning')).toBe('2000-04-06T04:00');
    expect(value(text, '2000-04-05', '4 a.m. EDT Thursday')).toBe('2000-04-06T04:00');
  });
});

describe('an ordinal day said of today', () => {
  it('"today is the eighth day of …", "It\'s the second day of …" are the report\'s day; a past "It was the third day" is not', () => {
    expect(value('In the capital, today is the eighth day of the strike.', '1990-08-15', 'the eighth day')).toBe('1990-08-15');
    expect(value("It's the second day of an offensive by the army.", '1998-03-06', 'the second day')).toBe('1998-03-06');
    expect(one('It was the third day of talks.', '1998-03-06', 'the third day')).toBeUndefined();
  });
});

describe('the last half or quarter of a year', () => {
  it('is its second half or fourth quarter; "the last quarter" alone is not', () => {
    expect(value('Earnings will fall for the last half of 1989.', '1989-10-26', 'the last half of 1989')).toBe('1989-H2');
    expect(value('Sales slowed in the final quarter of the year.', '1989-10-26', 'the final quarter of the year')).toBe('1989-Q4');
    expect(value('Sales slowed in the last quarter.', '1989-10-26', 'the last quarter')).not.toBe('1989-Q4');
  });
  it('"the first two quarters of 1990" is the year\'s first half, a modifier before it its mod', () => {
    const t = one('The slump will last through at least the first two quarters of 1990.', '1989-10-26', 'at least the first two quarters of 1990');
    expect(t).toMatchObject({ type: 'DATE', value: '1990-H1', mod: 'EQUAL_OR_MORE' });
    // negative case: without a year it stays a duration
    expect(one('Losses piled up in the first two quarters.', '1989-10-26', 'the first two quarters')?.type).toBe('DURATION');
  });
  it('"by year\'s end" is the end of the report\'s year, like "year-end"', () => {
    expect(one("The rules should be in place by year's end.", '1989-10-26', "year's end")).toMatchObject({ value: '1989', mod: 'END' });
  });
});

describe('"for a while"', () => {
  it('is a DURATION of no stated unit; "a while ago", "once in a while" are not', () => {
    expect(one('They will have to live without power for a while.', '1998-01-11', 'a while')).toMatchObject({ type: 'DURATION', value: 'PXX' });
    expect(one('He left a while ago.', '1998-01-11', 'a while')).toBeUndefined();
    expect(one('Once in a while he calls.', '1998-01-11', 'a while')).toBeUndefined();
  });
});

describe('midnight', () => {
  it('is hour 24 of the day it ends', () => {
    expect(value('The offer expired at midnight Friday.', '1989-10-30', 'midnight Friday')).toBe('1989-10-27T24');
    // the scheduled present looks ahead
    expect(value('The offer expires at midnight Friday.', '1989-10-30', 'midnight Friday')).toBe('1989-11-03T24');
    expect(value('The polls closed at 11 p.m. Friday.', '1989-10-30', '11 p.m. Friday')).toBe('1989-10-27T23:00');
  });
});

describe('"the year": the report\'s year or a stretch of time', () => {
  const d = '1989-11-02';
  it('"for the year" with no end date named is the year the report is about', () => {
    expect(one('For the year, pet food volume was flat.', d, 'the year')).toMatchObject({ type: 'DATE', value: '1989' });
    expect(one('Sales for the full year rose 13%.', d, 'the full year')).toMatchObject({ type: 'DATE', value: '1989' });
  });
  it('"the first nine months of the year": the year is the report\'s; "the deal of the year" is no time', () => {
    expect(one('Revenue fell through the first nine months of the year.', d, 'the year')).toMatchObject({ type: 'DATE', value: '1989' });
    expect(one('It was called the deal of the year.', d, 'the year')).toBeUndefined();
  });
  it('"the year ended …" and "throughout the year" are durations', () => {
    expect(one('Revenue was $76 million for the year ended June 30.', d, 'the year')).toMatchObject({ type: 'DURATION', value: 'P1Y' });
    expect(one('Profit should rise throughout the fiscal year.', d, 'the fiscal year')).toMatchObject({ type: 'DURATION', value: 'P1Y' });
  });
});

describe('vague future plurals', () => {
  it('"future quarters" is a FUTURE_REF, "future earnings" is no time', () => {
    expect(value('The losses will cut tax payments in future quarters.', '1989-11-02', 'future quarters')).toBe('FUTURE_REF');
    expect(times('Future earnings may fall.', '1989-11-02')).toHaveLength(0);
  });
});

describe('the week of a date', () => {
  it('"the week of March 6" is the ISO week that holds March 6', () => {
    expect(one('The hearing is set for the week of March 6.', '2000-02-20', 'the week of March 6')?.value).toBe('2000-W10');
    expect(value('The hearing is set for March 6.', '2000-02-20', 'March 6')).toBe('2000-03-06');
  });
});

describe('a day before or after a named day', () => {
  it('shifts the named day by one', () => {
    const text = 'He arrived the day before last Tuesday, and left the day after Christmas.';
    expect(value(text, '2000-02-24', 'day before last Tuesday')).toBe('2000-02-21');
    expect(value(text, '2000-02-24', 'day after Christmas')).toBe('1999-12-26');
    expect(value('He arrived last Tuesday.', '2000-02-24', 'last Tuesday')).toBe('2000-02-22');
  });
});

describe('"current" as a time', () => {
  const d = '1989-11-02';
  it('places a state at the present', () => {
    expect(value('Analysts blamed the current weakness in London.', d, 'current')).toBe('PRESENT_REF');
    expect(value('He entered his current position in April.', d, 'current')).toBe('PRESENT_REF');
  });
  it('is no time in its accounting sense, after "then", or when a unit follows', () => {
    expect(times('The current account deficit widened.', d)).toHaveLength(0);
    expect(one('He bought shares at the then current market price.', d, 'current')).toBeUndefined();
    expect(value('Profit rose in the current quarter.', d, 'the current quarter')).toBe('1989-Q4');
  });
});

describe('tense with Penn tags: a present intention before its infinitive', () => {
  // tokens and tags written out, so that the check needs no POS model
  const words = 'On Tuesday , the league plans to hold a news conference .'.split(' ');
  const tags = ['IN', 'NNP', ',', 'DT', 'NN', 'VBZ', 'TO', 'VB', 'DT', 'NN', 'NN', '.'];
  let at = 0;
  const tokens = words.map((w) => { const t = { start: at, end: at + w.length, text: w }; at += w.length + 1; return t; });
  it('"plans to hold" after the time looks ahead; "announced" looks back', () => {
    expect(governingTense({ tokens, pos: tags, from: 0, to: tokens.length }, 1, 2, cues)).toBe('future');
    const tags2 = [...tags]; tags2[5] = 'VBD';
    const tokens2 = tokens.map((t, i) => (i === 5 ? { ...t, text: 'announced' } : t));
    expect(governingTense({ tokens: tokens2, pos: tags2, from: 0, to: tokens.length }, 1, 2, cues)).toBe('past');
  });
});

describe('"the latest" calendar unit', () => {
  it('is the last one completed', () => {
    const text = 'It had sales of $6.3 billion in the latest fiscal year. Sales fell in the latest quarter.';
    expect(value(text, '1989-11-02', 'the latest fiscal year')).toBe('1988');
    expect(value(text, '1989-11-02', 'the latest quarter')).toBe('1989-Q3');
    expect(times('Its latest year-end filing was late.', '1989-11-02').map((t) => t.text)).not.toContain('latest year');
  });
});

describe('weekday direction cues beyond the verb (report of 2000-01-07, a Friday)', () => {
  const d = '2000-01-07';
  it('a possessive weekday names an event the report looks back on', () => {
    expect(value('The relatives will look for ways to get around Wednesday\'s ruling.', d, 'Wednesday')).toBe('2000-01-05');
    expect(value('Analysts will study Thursday\'s trading closely.', d, 'Thursday')).toBe('2000-01-06');
    // but one or two days ahead it is the coming one: "Monday night's debate" in a Sunday report
    expect(value('Trump invited her to Monday night\'s debate.', '2016-09-25', 'Monday night')).toBe('2016-09-26TNI');
    // negative case: the plain weekday still follows the verb
    expect(value('The relatives will appeal Wednesday.', d, 'Wednesday')).toBe('2000-01-12');
  });
  it('"earlier Tuesday" is not ahead of the report', () => {
    expect(value('Earlier Tuesday, the protesters will be joined by others, he said.', d, 'Earlier Tuesday')).toBe('2000-01-04');
  });
  it('a reporting verb after a closing quotation mark does not set the quoted time\'s tense', () => {
    expect(value('"The father will leave on Saturday," Castro said.', d, 'Saturday')).toBe('2000-01-08');
    expect(value('The father left on Saturday, Castro said.', d, 'Saturday')).toBe('2000-01-01');
  });
});

describe('"soon" told in the past', () => {
  const d = '2000-02-24';
  it('is no FUTURE_REF: it means shortly after the narrated event', () => {
    expect(one('He was taken to a hospital and was soon released.', d, 'soon')).toBeUndefined();
    expect(one('A trickle of cash soon became a flood.', d, 'soon')).toBeUndefined();
    expect(value('The company will soon begin selling boxes.', d, 'soon')).toBe('FUTURE_REF');
  });
});

describe('tense with Penn tags: the scheduled present', () => {
  it('a verb of a scheduled event in the simple present looks ahead; other presents do not', () => {
    const a = tagged('The/DT leaders/NNS meet/VBP separately/RB Monday/NNP ./.');
    expect(governingTense({ ...a, from: 0, to: a.tokens.length }, 4, 5, cues)).toBe('future');
    const b = tagged('The/DT company/NN says/VBZ Monday/NNP was/VBD calm/JJ ./.');
    expect(governingTense({ ...b, from: 0, to: b.tokens.length }, 3, 4, cues)).toBe('present');
  });
});

describe('plans and coordinated clauses (report of 2000-01-07, a Friday)', () => {
  it('the active verb of a plan puts the planned event ahead; a plan told with "to" or "had" does not', () => {
    const a = tagged('Protesters/NNS planned/VBD a/DT rally/NN on/IN Saturday/NNP ./.');
    expect(governingTense({ ...a, from: 0, to: a.tokens.length }, 5, 6, cues)).toBe('future');
    const b = tagged('They/PRP had/VBD planned/VBN a/DT rally/NN on/IN Saturday/NNP ./.');
    expect(governingTense({ ...b, from: 0, to: b.tokens.length }, 6, 7, cues)).toBe('past');
  });
  it('a verb after "and" belongs to another clause when the time has a verb of its own before it', () => {
    const a = tagged('They/PRP will/MD rally/VB downtown/RB on/IN Saturday/NNP and/CC were/VBD calm/JJ ./.');
    expect(governingTense({ ...a, from: 0, to: a.tokens.length }, 5, 6, cues)).toBe('future');
    const b = tagged('On/IN Saturday/NNP and/CC Sunday/NNP they/PRP rallied/VBD ./.');
    expect(governingTense({ ...b, from: 0, to: b.tokens.length }, 1, 2, cues)).toBe('past');
  });
});

describe('generic "today" and "tomorrow", and "high noon"', () => {
  const d = '2000-01-07';
  it('are no days or clock times', () => {
    expect(one('The case is for today\'s youth what the blockade was for their parents.', d, 'today')).toBeUndefined();
    expect(one('They are the chips of choice in many of today\'s personal computers.', d, 'today')).toBeUndefined();
    expect(one('If I were choosing the people of tomorrow, I would choose them.', d, 'tomorrow')).toBeUndefined();
    expect(one('For the people of Poland, high noon comes today.', d, 'noon')).toBeUndefined();
  });
  it('negative cases: the day itself', () => {
    expect(value('Today\'s vote was close.', d, 'Today')).toBe('2000-01-07');
    expect(value('The agenda of tomorrow\'s session is long.', d, 'tomorrow')).toBe('2000-01-08');
    expect(value('The vote is at noon.', d, 'noon')).toBe('2000-01-07T12:00');
  });
});

describe('a month as a limit ("through January", "by August")', () => {
  const d = '1989-10-30';
  it('lies ahead of the report whatever the tense', () => {
    expect(value('The bank has extended loans through January, it said.', d, 'January')).toBe('1990-01');
    expect(value('Qantas said it doubled its flights by August.', '1998-02-13', 'August')).toBe('1998-08');
  });
  it('negative cases: a stretch up to now, and a narrative opening', () => {
    expect(value('Sales were flat this year through August.', d, 'August')).toBe('1989-08');
    expect(value('Prices rose. By March, they had fallen.', d, 'March')).toBe('1989-03');
  });
});

describe('a clock time and the day named after it', () => {
  const d = '2013-03-22';
  it('takes that day\'s date across a zone, "local time" or a parenthesised conversion', () => {
    expect(value('The plane landed at 3:30 p.m. local time on Wednesday.', d, '3:30 p.m.')).toBe('2013-03-20T15:30');
    expect(times('The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.', '1998-08-08')[0].value).toBe('1998-08-07T10:35');
  });
  it('negative case: a day in another clause leaves the clock time on the report\'s day', () => {
    expect(value('The plane landed at 3:30 p.m., and the crew left on Wednesday.', d, '3:30 p.m.')).toBe('2013-03-22T15:30');
  });
});

describe('tense with Penn tags: a plural noun misread as VBZ', () => {
  it('is no verb inside a prepositional phrase or right before a finite verb', () => {
    const a = tagged('He/PRP met/VBD with/IN the/DT Miami/NNP visits/VBZ Monday/NNP ./.');
    expect(governingTense({ ...a, from: 0, to: a.tokens.length }, 6, 7, cues)).toBe('past');
    const b = tagged('Monday/NNP ,/, the/DT votes/VBZ showed/VBD a/DT split/NN ./.');
    expect(governingTense({ ...b, from: 0, to: b.tokens.length }, 0, 1, cues)).toBe('past');
  });
  it('is no verb as the head of a compound object; an -ed word after a relative pronoun is a verb', () => {
    const a = tagged('shootings/NNS that/WDT injured/JJ abortion/NN doctors/NNS in/IN November/NNP ./.');
    expect(governingTense({ ...a, from: 0, to: a.tokens.length }, 6, 7, cues)).toBe('past');
  });
  it('negative case: a real scheduled present still looks ahead', () => {
    const a = tagged('The/DT court/NN visits/VBZ Monday/NNP ./.');
    expect(governingTense({ ...a, from: 0, to: a.tokens.length }, 3, 4, cues)).toBe('future');
  });
});

describe('a negated "could"', () => {
  const d = '2000-01-06';
  it('tells of a failed ability in the past; a plain "could" still looks ahead', () => {
    expect(value('Neither he nor his parents could be located Wednesday in Cardenas.', d, 'Wednesday')).toBe('2000-01-05');
    expect(value('The lawyer could not be reached Wednesday.', d, 'Wednesday')).toBe('2000-01-05');
    expect(value('The group could come to the U.S. Wednesday.', d, 'Wednesday')).toBe('2000-01-12');
  });
});

describe('the lexical tense check (no tags: the --from timeml road)', () => {
  it('an -ed word after a determiner is an adjective, not the governing verb', () => {
    expect(value('The dividend would be paid on a still unspecified date in January.', '1989-11-01', 'January')).toBe('1990-01');
    // negative case: after a relative "that" it is a verb
    expect(value('Shootings that injured doctors in November were studied.', '1999-05-06', 'November')).toBe('1998-11');
  });
  it('any infinitive after a verb of intention looks ahead; "due to the strike" has none', () => {
    expect(value('Thermo agreed to purchase the line for $22 million in February.', '1989-11-01', 'February')).toBe('1990-02');
    expect(value('They did not plan to remove the boy on Thursday.', '2000-03-29', 'Thursday')).toBe('2000-03-30');
    expect(value('Output fell due to the strike on Thursday.', '2000-03-29', 'Thursday')).toBe('2000-03-23');
  });
  it('a strike that "continues Monday" and voters who "go to the polls on Sunday" look ahead; a plural noun does not', () => {
    expect(value('The strike continues Monday.', '2000-01-12', 'Monday')).toBe('2000-01-17');
    expect(value('Voters go to the polls on Sunday.', '2000-01-12', 'Sunday')).toBe('2000-01-16');
    expect(value('The strikers continue their protest on Monday.', '2000-01-12', 'Monday')).toBe('2000-01-17');
    expect(value('The talks Monday were tense.', '2000-01-12', 'Monday')).toBe('2000-01-10');
    expect(value('The strike continued Monday.', '2000-01-12', 'Monday')).toBe('2000-01-10');
  });
  it('a finite scheduled-event verb looks ahead', () => {
    expect(value('The panel reconvenes Monday, officials said.', '1998-05-01', 'Monday')).toBe('1998-05-04');
    expect(value('Greece faces a deadline on Monday.', '2013-03-22', 'Monday')).toBe('2013-03-25');
    // negative case: the noun after a possessive
    expect(value('His visits on Tuesday were brief.', '2013-03-22', 'Tuesday')).toBe('2013-03-19');
    expect(value('He and Arafat meet separately Monday with the envoy.', '1998-05-01', 'Monday')).toBe('1998-05-04');
    expect(value('Cypriot lawmakers vote on the plan on Tuesday.', '2013-03-22', 'Tuesday')).toBe('2013-03-26');
    // negative case: "votes" the noun
    expect(value('The votes on Tuesday were close.', '2013-03-22', 'Tuesday')).toBe('2013-03-19');
    // negative case: "to meet" is an infinitive with no governor of intention, "the meet" a noun
    expect(value('The track meet Monday drew crowds.', '1998-05-01', 'Monday')).toBe('1998-04-27');
  });
  it('"since shortly after" a yearless date looks back', () => {
    expect(value('Police have searched for him since shortly after the Oct. 23 slaying.', '1999-05-06', 'Oct. 23')).toBe('1998-10-23');
  });
});

describe('durations with a signal', () => {
  const d = '2013-03-22';
  it('a single unit before "after"/"before" is a duration, the signal left out', () => {
    expect(one('This move comes barely a month after Qantas suspended flights.', d, 'a month')).toMatchObject({ type: 'DURATION', value: 'P1M' });
    expect(one('The service came one year after he was killed.', d, 'one year')).toMatchObject({ type: 'DURATION', value: 'P1Y' });
  });
  it('"last" the verb is no part of the duration', () => {
    expect(one('The trial is expected to last several weeks.', d, 'several weeks')).toMatchObject({ type: 'DURATION', value: 'PXW' });
    expect(one('The strike will last a year.', d, 'a year')).toMatchObject({ type: 'DURATION', value: 'P1Y' });
    // negative case: "the last three months" keeps its adjective
    expect(one('Prices fell in the last three months.', d, 'the last three months')?.value).toBe('P3M');
  });
});

describe('seasons as sets, and "earlier in the week"', () => {
  const d = '2013-03-22';
  it('"every summer" is a SET of the season', () => {
    expect(one('The festival takes place every summer.', d, 'every summer')).toMatchObject({ type: 'SET', value: 'XXXX-SU' });
  });
  it('"earlier in the week" and "later in the month" are the current ones', () => {
    expect(value('Earlier in the week, the group had threatened to walk out.', d, 'the week')).toBe('2013-W12');
    expect(value('Prices rose later in the month.', d, 'the month')).toBe('2013-03');
    // negative case: "the week" with no frame is no time
    expect(one('The week was long.', d, 'the week')).toBeUndefined();
  });
});

describe('halves and quarters "of the year"', () => {
  const d = '2013-03-22';
  it('are one expression; "of this year" is this year\'s', () => {
    expect(one('Profit rose in the first half of the year.', '2013-08-02', 'the first half of the year')?.value).toBe('2013-H1');
    expect(value('The plant will open in the fourth quarter of this year.', d, 'the fourth quarter of this year')).toBe('2013-Q4');
  });
  it('negative case: a half of something other than a year is no time', () => {
    expect(times('Taxes would rise in the second half of the decade.', d).map((t) => t.text)).not.toContain('the second half');
  });
  it('"last" as a bare verb after a conjunction is not the adjective', () => {
    expect(one('The summit is due to start on April 2 and last two days.', d, 'two days')?.value).toBe('P2D');
  });
});

describe('a part of the day followed by its day', () => {
  it('is one TIME of that day', () => {
    const ts = times('In London at mid-afternoon yesterday, shares were up. The previous day they fell.', '1989-11-02');
    expect(ts[0]).toMatchObject({ text: 'mid-afternoon yesterday', type: 'TIME', value: '1989-11-01TAF' });
    // ids stay consecutive and "the previous day" still anchors on the merged expression
    expect(ts.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(ts[1]).toMatchObject({ value: '1989-10-31', anchor: 't1' });
  });
  it('negative case: a day part and a day in different phrases stay apart', () => {
    expect(times('He left this morning, and yesterday he rested.', '1989-11-02').map((t) => t.text)).toEqual(['this morning', 'yesterday']);
  });
});

describe('"the end of the decade"', () => {
  it('is the current decade (or century), with its mod; a bare "the decade" is no time', () => {
    expect(one('The goal is to cut emissions by the end of the decade.', '2013-03-22', 'the end of the decade')).toMatchObject({ value: '201', mod: 'END' });
    expect(value('By the middle of the century, seas will rise.', '2013-03-22', 'the middle of the century')).toBe('20');
    expect(times('The decade was hard.', '2013-03-22')).toEqual([]);
  });
});

describe('"the weekend" in a Friday report (2013-03-22)', () => {
  const d = '2013-03-22';
  it('is the coming one unless the clause looks back', () => {
    expect(value('Protests are planned for the weekend.', d, 'the weekend')).toBe('2013-W12-WE');
    expect(value('He died over the weekend.', d, 'the weekend')).toBe('2013-W11-WE');
    expect(value('Security forces have been on alert since the weekend.', d, 'the weekend')).toBe('2013-W11-WE');
  });
});

describe('"annually" after a quantity', () => {
  it('is a rate, left untagged like "$5 a year"; after a verb it is a SET', () => {
    expect(times('Sales are expected to rise 8.5% annually through 1992.', '1989-11-01').map((t) => t.text)).not.toContain('annually');
    expect(times('The plant would produce about 10,000 units annually.', '1989-11-01')).toEqual([]);
    expect(one('Similar ceremonies are held here annually.', '1999-10-24', 'annually')).toMatchObject({ type: 'SET', value: 'P1Y' });
  });
});

describe('an amount measured in time', () => {
  it('"six months of base pay" is no duration; "six months of talks" is', () => {
    expect(times('He gets a bonus equal to six months of base pay.', '1989-11-01')).toEqual([]);
    expect(one('After six months of talks, they agreed.', '1989-11-01', 'six months')?.value).toBe('P6M');
  });
});

describe('"the year-earlier nine months"', () => {
  it('is one DURATION, as "the first nine months" is', () => {
    expect(one('Net for the year-earlier nine months also included a gain.', '1989-11-01', 'the year-earlier nine months')).toMatchObject({ type: 'DURATION', value: 'P9M' });
    expect(value('In the year-ago period, profit fell.', '1989-11-01', 'the year-ago period')).toBe('1988-Q3');
  });
});

describe('"the year before"', () => {
  it('is one unit before the last one named', () => {
    expect(value('Revenues dropped to $300 million last year, down from $450 million the year before.', '1998-09-07', 'the year before')).toBe('1996');
    expect(value('In March sales fell; the month before, they rose.', '1998-09-07', 'the month before')).toBe('1998-02');
  });
});

describe('"Today" ending a name', () => {
  it('"USA Today", "VOA Today" are no days; an opening "Today" is', () => {
    expect(times('A reporter for USA Today spotted her.', '2016-09-26')).toEqual([]);
    expect(times('This is VOA Today.', '1998-03-31')).toEqual([]);
    expect(value('Today, the court ruled.', '2016-09-26', 'Today')).toBe('2016-09-26');
  });
});

describe('a month and day "of last year"', () => {
  it('is one date in that year', () => {
    expect(one('We started this journey on June 16th of last year.', '2016-10-02', 'June 16th of last year')?.value).toBe('2015-06-16');
    // negative case: a stated year is kept
    expect(times('It opened on June 16, 2014, of all days.', '2016-10-02')[0].value).toBe('2014-06-16');
  });
});

describe('narrative anchoring, halves, possessives and holidays in names', () => {
  const d = '2016-09-08';
  it('"a year later" counts from the year the narrative is at; "ago" from the report', () => {
    expect(value('On Nov. 11, 2014, they met. A year later, in Paris, they agreed.', d, 'A year later')).toBe('2015');
    expect(value('On Nov. 11, 2014, they met. Two years ago, he said so.', d, 'Two years ago')).toBe('2014');
  });
  it('"seven and a half years" is P7Y6M, without the possessive before it', () => {
    expect(one('During his seven and a half years in office, he spoke.', d, 'seven and a half years')?.value).toBe('P7Y6M');
    expect(one('It took two and a half hours.', d, 'two and a half hours')?.value).toBe('PT2H30M');
  });
  it('a holiday word opening a name is no date; the tense turns a holiday\'s year', () => {
    expect(times('Societies like Easter Island collapsed.', d)).toEqual([]);
    expect(value('He died on Christmas Day.', d, 'Christmas Day')).toBe('2015-12-25');
    expect(value('The shops will close at Christmas.', d, 'Christmas')).toBe('2016-12-25');
  });
});

describe('"the Sept. 11 attacks" and "USA TODAY"', () => {
  it('the attacks are those of 2001; a Sept. 11 memorial this year is this year\'s', () => {
    expect(value('She cited her work after the Sept. 11 terrorist attacks.', '2016-09-30', 'Sept. 11')).toBe('2001-09-11');
    expect(value('He attended the Sept. 11 memorial ceremony.', '2016-09-30', 'Sept. 11')).toBe('2016-09-11');
  });
  it('an all-capitals TODAY after a name is the paper', () => {
    expect(times('He told USA TODAY in an interview.', '2016-09-08')).toEqual([]);
  });
});

describe('a bare part of the day in a narrative', () => {
  const d = '2016-09-10';
  it('belongs to the day named in its sentence or the one before', () => {
    expect(value('He arrived Tuesday. In the evening, he spoke.', d, 'the evening')).toBe('2016-09-06TEV');
    expect(value('The Security Council on Friday condemned the test. Following a swiftly called, late-afternoon meeting, it spoke.', d, 'late-afternoon')).toBe('2016-09-09TAF');
  });
  it('negative cases: no day named nearby, or a deictic "this morning"', () => {
    expect(times('She works in the morning.', d)).toEqual([]);
    expect(value('He arrived Tuesday. The talks resumed this morning.', d, 'this morning')).toBe('2016-09-10TMO');
  });
});

describe('things named for a holiday', () => {
  it('"Christmas trees" is no date; "at Christmas" is', () => {
    expect(times('Mexico retaliated against Christmas trees from Oregon.', '2016-09-28')).toEqual([]);
    expect(value('The shops will close at Christmas.', '2016-09-28', 'Christmas')).toBe('2016-12-25');
  });
});

describe('day words in names and hopes', () => {
  const d = '2016-09-26';
  it('"a brighter tomorrow" is no day; "CBS This Morning" is a programme, its "on Monday" a day', () => {
    expect(times('Still hoping for a brighter tomorrow, he said.', d)).toEqual([]);
    expect(times('Mook told CBS This Morning on Monday that it was fine.', d).map((t) => [t.text, t.value])).toEqual([['Monday', '2016-09-26']]);
  });
  it('negative cases: "in a statement today", an opening "This morning"', () => {
    expect(value('He said in a statement today that it was fine.', d, 'today')).toBe('2016-09-26');
    expect(value('This morning, the talks resumed.', d, 'This morning')).toBe('2016-09-26TMO');
  });
});

describe('a complementizer "that" before the time', () => {
  it('keeps the scan in the time\'s own clause when that clause has a verb', () => {
    expect(value('He has decided that on Friday he will vote for her.', '2016-09-26', 'Friday')).toBe('2016-09-30');
    // negative case: no verb of its own after the time, so the matrix verb still governs
    expect(value('He said that on Friday.', '2016-09-26', 'Friday')).toBe('2016-09-23');
  });
});

describe('a holiday near the report', () => {
  it('stays the nearest one whatever a distant verb says', () => {
    expect(value('I have decided that on Election Day, I will vote for him.', '2016-09-26', 'Election Day')).toBe('2016-11-08');
  });
});

describe('a possessive weekday three days ahead', () => {
  const d = '2016-09-23';
  it('is the coming one when the clause looks ahead, the one gone otherwise', () => {
    expect(value('Trump will probably use Monday\'s encounter to make his case.', d, 'Monday')).toBe('2016-09-26');
    expect(value('The price was below Monday\'s close.', d, 'Monday')).toBe('2016-09-19');
  });
  it('"USA TODAY" at a sentence start is still the paper', () => {
    expect(times('Elections. USA TODAY\'s tally grew.', d)).toEqual([]);
  });
});

describe('"the past" before a count', () => {
  it('is the adjective, no PAST_REF; "in the past," is', () => {
    expect(times('Every candidate has done so in the past nine elections.', '2016-09-10')).toEqual([]);
    expect(value('In the past, they did.', '2016-09-10', 'the past')).toBe('PAST_REF');
  });
});

describe('a preposition before a modified duration', () => {
  it('"over at least five years" is "at least five years"', () => {
    expect(one('They opened accounts over at least five years.', '2016-09-20', 'at least five years')).toMatchObject({ value: 'P5Y', mod: 'EQUAL_OR_MORE' });
  });
});

describe('"Now for …"', () => {
  it('links a broadcast\'s items and is no time; "Now the mission is …" is', () => {
    expect(times('Now for today\'s geography quiz.', '1998-01-21').map((t) => t.text)).toEqual(['today']);
    expect(value('Now the mission is more ill-defined.', '1999-03-12', 'Now')).toBe('PRESENT_REF');
  });
});

describe('"the future of X"', () => {
  it('is a fate, no FUTURE_REF; "in the future" is', () => {
    expect(times('It is very important to the future of our peoples.', '1998-02-13')).toEqual([]);
    expect(value('Talks may resume in the future.', '1998-02-13', 'the future')).toBe('FUTURE_REF');
  });
});

describe('capitalised words that only look like times', () => {
  it('"May" inside a sentence is the month, not the modal; "Johnnie Christmas" a surname', () => {
    expect(value('New Zealand begins process to change its flag Thursday, May 7, 2015 On Tuesday, the government announced a panel.', '2015-05-07', 'Tuesday')).toBe('2015-05-05');
    expect(times('He worked with illustrator Johnnie Christmas on the novel.', '2016-09-07')).toEqual([]);
    expect(value('On Christmas, the shops close.', '2016-09-07', 'Christmas')).toBe('2016-12-25');
  });
});

describe('counts, idioms and a day part before a dated weekday', () => {
  it('"a survey of 1709 schoolchildren" is a count; "the war of 1812" a year', () => {
    expect(times('A survey of 1709 schoolchildren was made.', '2006-02-23')).toEqual([]);
    expect(value('The war of 1812 ended.', '2006-02-23', '1812')).toBe('1812');
  });
  it('"every now and again" is no PRESENT_REF', () => {
    expect(times('It produces these events every now and again.', '2008-01-20')).toEqual([]);
  });
  it('"the night Monday, March 5, 2007" keeps the date chrono\'s merge lost', () => {
    expect(times('The festival lights up the night Monday, March 5, 2007 in Taipei.', '2007-03-05').map((t) => t.value)).toContain('2007-03-05');
    expect(times('Opening night, January 23, 2014, of the exhibit drew crowds.', '2014-01-28').map((t) => t.value)).toContain('2014-01-23');
  });
});

describe('halves of a game', () => {
  it('a bare half in a sports report is no half of a year; in an earnings report it is', () => {
    expect(times('Neither side could open the scoring in the first half as it ended 0 – 0.', '2018-06-19')).toEqual([]);
    expect(value('Profit rose 5 percent in the first half.', '2018-08-02', 'the first half')).toBe('2018-H1');
  });
});

describe('"until" a weekday in a state the past perfect closes', () => {
  const d = '2025-05-09'; // a Friday
  it('"Until Thursday, they had not named him" is the Thursday before the report', () => {
    expect(value('Until Thursday, the police had not named him a suspect.', d, 'Thursday')).toBe('2025-05-08');
    expect(value('It was not until Tuesday that the mayor spoke.', d, 'Tuesday')).toBe('2025-05-06');
  });
  it('a limit still ahead stays ahead, whatever the verb', () => {
    expect(value('The road stays closed until Thursday.', d, 'Thursday')).toBe('2025-05-15');
    expect(value('Officials gave the tenants until Thursday to leave.', d, 'Thursday')).toBe('2025-05-15');
    expect(value('Until Thursday, the store will stay shut.', d, 'Thursday')).toBe('2025-05-15');
  });
});

describe('the second day of a pair or range', () => {
  const d = '2025-02-10';
  it('"April 24 and 25", "March 3 to 5", "Oct. 5-6, 2024": a date of its own, in the first one\'s month and year', () => {
    expect(times('The fair is on April 24 and 25.', d).map((t) => [t.text, t.value])).toEqual([['April 24', '2025-04-24'], ['25', '2025-04-25']]);
    expect(times('Talks ran from March 3 to 5 in the capital.', d).map((t) => [t.text, t.value])).toEqual([['March 3', '2025-03-03'], ['5', '2025-03-05']]);
    expect(value('The vote was held Oct. 5-6, 2024.', d, '6, 2024')).toBe('2024-10-06');
  });
  it('a count after a date is no day ("on Jan. 6 and 25 people died"), nor a smaller number', () => {
    expect(times('Riots broke out on Jan. 6 and 25 people died.', d).map((t) => t.text)).toEqual(['Jan. 6']);
    expect(times('Shares fell on May 14 and 5 others rose.', d).map((t) => t.text)).toEqual(['May 14']);
  });
});

describe('a year with "pre-" or "post-"', () => {
  it('"the post-1980 rules" is the year, with the side as mod', () => {
    const t = one('The post-1980 rules split the league.', '2025-02-10', 'post-1980');
    expect(t?.value).toBe('1980');
    expect(t?.mod).toBe('AFTER');
    expect(value('Pre-1990 cars are exempt.', '2025-02-10', 'Pre-1990')).toBe('1990');
    expect(times('The post-war order held.', '2025-02-10')).toEqual([]);
  });
});

describe('a definite plural unit after over/in/during', () => {
  const d = '2025-02-10';
  it('"over the years", "in the early years", "In the years that followed" are durations of unknown length', () => {
    expect(value('Over the years the club lost its fans.', d, 'the years')).toBe('PXY');
    expect(value('Few farms paid in the early years.', d, 'the early years')).toBe('PXY');
    expect(one('In the months that followed, prices rose.', d, 'the months')?.type).toBe('DURATION');
  });
  it('a stretch placed by an event ("the weeks before the storm") or a possessive is left alone', () => {
    expect(times('The van was seen in the weeks before the storm.', d)).toEqual([]);
    expect(times('During the years of the blockade the port shut.', d)).toEqual([]);
  });
});

describe('"the 1800s" and the second half of a year', () => {
  const d = '2025-03-14';
  it('"the 1800s", "the early 1900s" are centuries; "the 2000s", "the 1990s" decades', () => {
    expect(value('The mill dates from the 1800s.', d, 'the 1800s')).toBe('18');
    expect(one('Mills spread in the early 1900s.', d, 'the early 1900s')?.value).toBe('19');
    expect(value('The 2000s were calm.', d, 'The 2000s')).toBe('200');
    expect(value('The 1990s were calm.', d, 'The 1990s')).toBe('199');
  });
  it('a second half still ahead is the year before\'s, unless the clause looks ahead', () => {
    expect(value('Sales fell in the second half of the year.', d, 'the second half of the year')).toBe('2024-H2');
    expect(value('The firm expects to close the deal in the second half of the year.', d, 'the second half of the year')).toBe('2025-H2');
  });
});

describe('a clock time restated in parentheses before its day', () => {
  it('"09:30 local time (08:30 GMT) on Sunday": both times and the day, all on Sunday; no parenthesis in an extent', () => {
    const got = times('The blast came at 09:30 local time (08:30 GMT) on Sunday.', '2025-03-21').map((t) => [t.text, t.value]);
    expect(got).toEqual([['09:30', '2025-03-16T09:30'], ['08:30 GMT', '2025-03-16T08:30'], ['Sunday', '2025-03-16']]);
  });
});

describe('quarters ending in a month, "due out", hyphenated day ranges', () => {
  const d = '2025-03-21'; // a Friday
  it('"the quarter ending in March" is the calendar quarter, when no quarter was named before', () => {
    expect(value('Analysts expect a profit for the quarter ending in March.', d, 'the quarter')).toBe('2025-Q1');
    expect(value('The firm lost money in the quarter ended June 30.', d, 'the quarter')).toBe('2024-Q2');
    expect(value('The firm lost money in the quarter ended Dec. 31, 2023.', d, 'the quarter')).toBe('2023-Q4');
  });
  it('a report that named its fiscal quarter keeps it', () => {
    const got = times('The firm posted a fiscal first-quarter loss. Sales fell in the quarter ended Sept. 30.', '2024-10-20');
    expect(got.find((t) => t.text === 'the quarter')?.value).toBe('2024-Q1');
  });
  it('"due out Thursday" looks ahead', () => {
    expect(value('The report, due out Thursday, is expected to show growth.', d, 'Thursday')).toBe('2025-03-27');
  });
  it('"March 14-15 ended": a hyphenated range is two days whatever follows', () => {
    expect(times('The summit on March 14-15 ended without a deal.', d).map((t) => [t.text, t.value])).toEqual([['March 14', '2025-03-14'], ['15', '2025-03-15']]);
  });
});

describe('"earlier in the day" and a curly o’clock', () => {
  it('"earlier/later in the day" is the day just told of (this sentence or the one before), else the report\'s', () => {
    const got = times('The senator spoke on Wednesday. In a speech earlier in the day, she named her aide.', '2025-09-12');
    expect(got.find((t) => t.text === 'the day')?.value).toBe('2025-09-10');
    expect(value('The minister arrived in Lyon later in the day.', '2025-09-12', 'the day')).toBe('2025-09-12');
  });
  it('"three o’clock in the morning" is a clock time', () => {
    expect(value('He posts at three o’clock in the morning.', '2025-09-12', 'three o’clock in the morning')).toBe('2025-09-12T03:00');
  });
});

describe('a day named from another day, when the last day named is still ahead', () => {
  it('a coming day is no antecedent of a day told in the past; a month named after it is', () => {
    const got = times('The mayor will vote on Election Day. She spoke at the rally in July. Aides left early. At a breakfast the following morning, she said she was staying.', '2024-09-26');
    expect(got.find((t) => t.text === 'the following morning')?.value).toBe('2024-07-XXTMO');
  });
  it('a past day still anchors it', () => {
    expect(value('The rebels attacked on Monday. The following day, the army responded.', '2024-09-26', 'The following day')).toBe('2024-09-24');
  });
});

describe('"over" after an amount', () => {
  it('spreads the amount across the stretch ("raise $500 billion over 10 years"): no MORE_THAN, "over" left out', () => {
    const t = one('The bill would raise $500 billion over 10 years.', '2025-03-21', '10 years');
    expect(t?.value).toBe('P10Y');
    expect(t?.mod ?? null).toBeNull();
    expect(one('Prices rose 8 percent over three years.', '2025-03-21', 'three years')?.mod ?? null).toBeNull();
  });
  it('after a verb of lasting or "for" it is "more than"', () => {
    expect(one('The tour is likely to last over a week.', '2025-03-21', 'over a week')?.mod).toBe('MORE_THAN');
    expect(one('He has lived there for over 10 years.', '2025-03-21', 'over 10 years')?.mod).toBe('MORE_THAN');
  });
});

describe('a range of weekdays', () => {
  it('ends after it starts ("from Thursday through Sunday" in a Friday report ends on the coming Sunday)', () => {
    expect(times('The fair, from Thursday through Sunday, drew crowds.', '2025-03-21').map((t) => t.value)).toEqual(['2025-03-20', '2025-03-23']);
    // the scheduled present puts the whole range ahead
    expect(times('The fair runs from Thursday through Sunday.', '2025-03-21').map((t) => t.value)).toEqual(['2025-03-27', '2025-03-30']);
    expect(times('The talks ran from Monday to Wednesday.', '2025-03-21').map((t) => t.value)).toEqual(['2025-03-17', '2025-03-19']);
  });
  it('"to" without "from" joins no range', () => {
    expect(times('Officials said Thursday to reporters that Sunday was calm.', '2025-03-21').map((t) => t.value)).toEqual(['2025-03-20', '2025-03-16']);
  });
});

describe('a day-month range', () => {
  it('"26-27 March" is two dates; the month and year are the second one\'s', () => {
    expect(times('The summit on 26-27 March will discuss trade.', '2025-03-21').map((t) => [t.text, t.value])).toEqual([['26', '2025-03-26'], ['27 March', '2025-03-27']]);
    expect(times('The talks ran 3-5 June 2012.', '2025-03-21').map((t) => [t.text, t.value])).toEqual([['3', '2012-06-03'], ['5 June 2012', '2012-06-05']]);
  });
  it('a score is no range', () => {
    expect(times('The match ended 3-2 on Sunday.', '2025-03-21').map((t) => t.text)).toEqual(['Sunday']);
  });
});

describe('plans and hopes', () => {
  const d = '2025-03-19'; // a Wednesday
  it('"plans a rally Saturday", "is planning a vote Monday", "hoped to finish by Thursday" look ahead', () => {
    expect(value('The opposition plans a rally Saturday.', d, 'Saturday')).toBe('2025-03-22');
    expect(value('The party is planning a vote Monday.', d, 'Monday')).toBe('2025-03-24');
    expect(value('He said he hoped to finish the work by Thursday.', d, 'Thursday')).toBe('2025-03-20');
  });
  it('"the plans", a possessive\'s plans and "had planned" do not', () => {
    expect(value('The plans Saturday were scrapped.', d, 'Saturday')).toBe('2025-03-15');
    expect(value('The team had planned a parade Saturday.', d, 'Saturday')).toBe('2025-03-15');
  });
});

describe('the verb that governs a weekday', () => {
  const d = '2025-03-19'; // a Wednesday
  it('a reporting clause after a comma does not set the tense ("will hold talks on Thursday, officials said")', () => {
    expect(value('The two leaders will hold talks in Berlin on Thursday, officials said.', d, 'Thursday')).toBe('2025-03-20');
    expect(value('The rebels attacked on Friday, officials said.', d, 'Friday')).toBe('2025-03-14');
    expect(value('On Thursday, officials said the talks failed.', d, 'Thursday')).toBe('2025-03-13');
  });
  it('a plan in a reduced relative ("The ruling, expected Friday, …") looks ahead; "more than expected Friday" does not', () => {
    expect(value('The ruling, expected Friday, could reshape the industry.', d, 'Friday')).toBe('2025-03-21');
    expect(value('Prices rose more than expected Friday.', d, 'Friday')).toBe('2025-03-14');
  });
  it('"is forecast to", and scheduled base forms after a plural subject ("Lawmakers return … Monday") look ahead', () => {
    expect(value('The storm is forecast to reach the coast by Thursday night.', d, 'Thursday night')).toBe('2025-03-20TNI');
    expect(value('Lawmakers return from recess on Monday.', d, 'Monday')).toBe('2025-03-24');
  });
});

describe('a reporting clause with an object of its own', () => {
  it('is the clause the time belongs to ("On Tuesday, the council announced a panel")', () => {
    expect(value('The town begins work on its new bridge Thursday. On Tuesday, the council announced a panel.', '2025-03-20', 'Tuesday')).toBe('2025-03-18');
  });
});

describe('"through" a weekday', () => {
  const d = '2025-03-19'; // a Wednesday
  it('the end of a stretch still going on lies ahead ("runs through Sunday", "is open through Sunday")', () => {
    expect(value('The fair opened Friday and runs through Sunday.', d, 'Sunday')).toBe('2025-03-23');
    expect(value('The exhibit is open through Sunday.', d, 'Sunday')).toBe('2025-03-23');
  });
  it('one told in the past does not ("lasted through Sunday")', () => {
    expect(value('The protest lasted through Sunday.', d, 'Sunday')).toBe('2025-03-16');
  });
});

describe('an hour before a part of the day', () => {
  const d = '2025-06-11'; // a Wednesday
  it('is that hour of that day; evening and night hours are p.m. ("9 o\'clock tonight", "at 8 tonight")', () => {
    expect(one('The parade sets off at 9 o\'clock tonight.', d, '9 o\'clock tonight')?.value).toBe('2025-06-11T21:00');
    expect(one('The mayor will speak at 8 tonight.', d, '8 tonight')?.value).toBe('2025-06-11T20:00');
    expect(one('Polls close at 7:30 this evening.', d, '7:30 this evening')?.value).toBe('2025-06-11T19:30');
    expect(one('The ferry left at six this morning.', d, 'six this morning')?.value).toBe('2025-06-11T06:00');
  });
  it('a number that is no hour stays out ("8 tonnes tonight"), and "tonight" alone keeps its part', () => {
    expect(times('The mill shipped 8 tonnes tonight.', d).map((t) => [t.text, t.value])).toEqual([['tonight', '2025-06-11TNI']]);
    expect(times('Shares rose by 5 this morning.', d).map((t) => [t.text, t.value])).toEqual([['this morning', '2025-06-11TMO']]);
    expect(times('Doors open at 9 a.m. and the show ends at 11 tonight.', d).map((t) => t.value)).toEqual(['2025-06-11T09:00', '2025-06-11T23:00']);
  });
});

describe('"at the time" and "during that time" refer back', () => {
  const d = '2025-06-11';
  it('to a past time just told of: PAST_REF, anchored on it', () => {
    const ts = times('The envoy spoke in Geneva on May 2, saying at the time he was ready to talk.', d);
    const t = ts.find((x) => x.text === 'the time');
    expect(t?.value).toBe('PAST_REF');
    expect(t?.anchor).toBe(ts.find((x) => x.text === 'May 2')?.id);
    expect(value('The bridge closed in March. Nobody was hurt at the time.', d, 'the time')).toBe('PAST_REF');
  });
  it('not without a time just told of, nor before a clause of its own, nor to a time ahead', () => {
    expect(one('Nobody was hurt at the time.', d, 'the time')).toBeUndefined();
    expect(one('The bridge closed in March. At the time the crews arrived, the river had risen.', d, 'the time')).toBeUndefined();
    expect(one('The bridge will close next month. Traffic will be diverted at that time.', d, 'that time')).toBeUndefined();
    expect(one('In 1990 the plant opened. It was the largest at the time of its opening.', d, 'the time')).toBeUndefined();
  });
  it('"during that time" after a stretch just named is that stretch', () => {
    expect(one('The firm went through a three-year overhaul. During that time, it lost money.', d, 'that time')).toMatchObject({ type: 'DURATION', value: 'P3Y' });
    expect(one('The firm moved in 2019. During that time, it lost money.', d, 'that time')).toBeUndefined();
  });
});

describe('a bare month joined to a date whose year the sentence stated', () => {
  const d = '2025-04-28';
  it('is in that year ("in May 2010 and left in August"); a range\'s end that comes round again in the next', () => {
    expect(value('She joined the firm in May 2010 and left in August.', d, 'August')).toBe('2010-08');
    expect(value('He was hired in 2012 and fired in June.', d, 'June')).toBe('2012-06');
    expect(value('The plant ran from November 2009 to March.', d, 'March')).toBe('2010-03');
  });
  it('not a plan ahead, nor a month in another sentence, nor after "last"', () => {
    expect(value('The index rose 5% in 2010 and is expected to rise in August.', d, 'August')).toBe('2025-08');
    expect(value('She joined the firm in May 2010. She left in August.', d, 'August')).toBe('2024-08');
    expect(value('He was hired in 2012 and fired last June.', d, 'last June')).toBe('2024-06');
  });
});

describe('a stretch up to a month', () => {
  const d = '2013-03-21';
  it('"the 12 months through January" ends in the month just past, not a limit ahead; "runs through January" is one', () => {
    expect(value('Inflation was 2% in the 12 months through January.', d, 'January')).toBe('2013-01');
    expect(value('The loans run through January.', d, 'January')).toBe('2014-01');
  });
  it('"the year to February", "the year through February" measure a year (DURATION P1Y)', () => {
    expect(one('Sales rose 4% in the year through February.', d, 'the year')).toMatchObject({ type: 'DURATION', value: 'P1Y' });
    expect(one('Prices climbed 3% in the year to February.', d, 'the year')).toMatchObject({ type: 'DURATION', value: 'P1Y' });
  });
});

describe('a single unit after a verb of spending time', () => {
  const d = '2000-04-03';
  it('"could take as long as a month", "will last a week", "waited a year" are durations', () => {
    expect(one('The review could take as long as a month or two.', d, 'a month')).toMatchObject({ type: 'DURATION', value: 'P1M' });
    expect(one('The strike will last a week.', d, 'a week')).toMatchObject({ type: 'DURATION', value: 'P1W' });
    expect(one('She waited a year for the ruling.', d, 'a year')).toMatchObject({ type: 'DURATION', value: 'P1Y' });
  });
  it('not a rate ("$5 a week") nor a bare unit after other verbs ("a week that shook the town")', () => {
    expect(one('The pass costs $5 a week.', d, 'a week')?.type).not.toBe('DURATION');
    expect(one('It was a week that shook the town.', d, 'a week')).toBeUndefined();
    expect(times('"Wait a minute," he said.', d)).toEqual([]);
  });
});

describe('compact clock times and business abbreviations', () => {
  const d = '2013-03-21';
  it('"7am", "9pm" are clock times like "7 a.m."', () => {
    expect(value('Polls open at 7am and close at 9pm.', d, '7am')).toBe('2013-03-21T07:00');
    expect(value('Polls open at 7am and close at 9pm.', d, '9pm')).toBe('2013-03-21T21:00');
  });
  it('"Q4", "3Q", "H1 2012", "FY2014" are quarters, halves and fiscal years', () => {
    expect(value('Sales rose in Q4.', d, 'Q4')).toBe('2012-Q4');
    expect(value('Sales will rise in Q2.', d, 'Q2')).toBe('2013-Q2');
    expect(value('Q1 2012 results were weak.', d, 'Q1 2012')).toBe('2012-Q1');
    expect(value('H1 2012 profit fell.', d, 'H1 2012')).toBe('2012-H1');
    expect(value('Guidance for FY2014 was cut.', d, 'FY2014')).toBe('2014');
  });
  it('not a seat or a lower-case code', () => {
    expect(times('Seat 4Q is free, and q4 is a code.', d)).toEqual([]);
  });
});

describe('an ordinal day alone ("on the 15th")', () => {
  const d = '2013-03-21';
  it('is that day of the month just told of, else of the report\'s month, the way the tense points', () => {
    expect(value('The vote was held on the 15th.', d, 'the 15th')).toBe('2013-03-15');
    expect(value('The vote was held on the 25th.', d, 'the 25th')).toBe('2013-02-25');
    expect(value('The vote will be held on the 28th.', d, 'the 28th')).toBe('2013-03-28');
    expect(value('Talks began on Jan. 3 and ended on the 9th.', d, 'the 9th')).toBe('2013-01-09');
    expect(value('Payment is due by the 1st of next month.', d, 'the 1st of next month')).toBe('2013-04-01');
  });
  it('not an ordinal of a floor, a century or a count', () => {
    expect(times('He lives on the 15th floor, since the 3rd time.', d)).toEqual([]);
  });
});

describe('a range of clock times', () => {
  const d = '2013-03-21';
  it('is two times ("from 9 a.m. to 5 p.m."), the first on the day of the second', () => {
    expect(times('Shops open from 9 a.m. to 5 p.m.', d).map((t) => [t.text, t.value])).toEqual([['9 a.m.', '2013-03-21T09:00'], ['5 p.m.', '2013-03-21T17:00']]);
    expect(times('Polls were open from 7 a.m. to 8 p.m. on Sunday.', d).map((t) => [t.text, t.value])).toEqual([['7 a.m.', '2013-03-17T07:00'], ['8 p.m. on Sunday', '2013-03-17T20:00']]);
  });
});

describe('a hyphenated range of years', () => {
  it('is its two ends ("2005-2010", "the 2012-13 season")', () => {
    expect(times('He ruled from 2005-2010.', '2013-03-21').map((t) => [t.text, t.value])).toEqual([['2005', '2005'], ['2010', '2010']]);
    expect(times('The 2012-13 season ended.', '2013-03-21').map((t) => [t.text, t.value])).toEqual([['2012', '2012'], ['13', '2013']]);
  });
  it('not a vote count or a phone number', () => {
    expect(times('The bill passed 2010-99 votes. Call 1800-2000 for help.', '2013-03-21')).toEqual([]);
  });
});

describe('"the end of the year" told in the past after a year just named', () => {
  const d = '2013-03-21';
  it('is that year (month)', () => {
    expect(value('The firm was founded in May 2001. By the end of the year, it had 50 staff.', d, 'the end of the year')).toBe('2001');
    expect(value('The firm was founded in May 2001. By the end of the month, it had 50 staff.', d, 'the end of the month')).toBe('2001-05');
  });
  it('not one that looks ahead, nor with no year just named', () => {
    expect(value('The firm was founded in May 2001. It will close by the end of the year.', d, 'the end of the year')).toBe('2013');
    expect(value('Prices rose last week. By the end of the month, they had fallen.', d, 'the end of the month')).toBe('2013-03');
  });
});

describe('a season in a narrative of an earlier year', () => {
  const d = '2013-03-21';
  it('"that fall" and a past "in the spring" are in the year just told of', () => {
    expect(value('In the summer of 2010, he left. That fall, he returned.', d, 'That fall')).toBe('2010-FA');
    expect(value('He moved to Paris in 2009 and, in the spring, opened a shop.', d, 'the spring')).toBe('2009-SP');
  });
  it('"that fall" with no year told of is left untagged; a season ahead keeps the report\'s year', () => {
    expect(one('That fall, he returned.', d, 'That fall')).toBeUndefined();
    expect(value('He moved to Paris in 2009 and will open a shop in the spring.', d, 'the spring')).toBe('2013-SP');
  });
});

describe('frequencies with a count', () => {
  const d = '2013-03-21';
  it('"twice a year", "three times a week", "every two weeks" are SETs, the phrase whole', () => {
    expect(one('The board meets twice a year.', d, 'twice a year')).toMatchObject({ type: 'SET', value: 'P1Y' });
    expect(one('She runs three times a week.', d, 'three times a week')).toMatchObject({ type: 'SET', value: 'P1W' });
    expect(one('The board meets every two weeks.', d, 'every two weeks')).toMatchObject({ type: 'SET', value: 'P2W' });
  });
  it('a price per unit stays untagged', () => {
    expect(times('The pass costs $5 a week.', d)).toEqual([]);
  });
});

describe('hyphenated halves', () => {
  it('"two-and-a-half years" is P2Y6M; an age stays untagged', () => {
    expect(one('The project took two-and-a-half years.', '2013-03-21', 'two-and-a-half years')).toMatchObject({ type: 'DURATION', value: 'P2Y6M' });
    expect(times('A 10-year-old boy was hurt.', '2013-03-21')).toEqual([]);
  });
});

describe('a clock time with a.m. or p.m. before a part of today', () => {
  const d = '2013-03-21';
  it('is kept, one expression of that hour ("5 a.m. this morning", "8 p.m. tonight")', () => {
    expect(times('He left at 5 a.m. this morning.', d).map((t) => [t.text, t.value])).toEqual([['5 a.m. this morning', '2013-03-21T05:00']]);
    expect(times('The vote ends by 8 p.m. tonight.', d).map((t) => [t.text, t.value])).toEqual([['8 p.m. tonight', '2013-03-21T20:00']]);
  });
});

describe('"last" before the month just ended', () => {
  it('is that month a year back ("last February" in a March report); an earlier month stays this year\'s', () => {
    expect(value('Two helicopters crashed last February.', '2013-03-21', 'last February')).toBe('2012-02');
    expect(value('Two helicopters crashed last January.', '2013-03-21', 'last January')).toBe('2013-01');
    expect(value('Two helicopters crashed last April.', '2013-03-21', 'last April')).toBe('2012-04');
  });
});
