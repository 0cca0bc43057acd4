/**
 * Expression families from the TIMEX3 guidelines that the two TempEval-3 corpora hardly
 * exercise (wire-style hyphenated points, four-digit clocks, fractions of units, holidays with
 * a year, decades written with an apostrophe, the journalistic "X comes after Y"). Our own
 * sentences, explicit document dates, negative cases beside the positive ones.
 */
import { describe, it, expect } from 'vitest';
import { governingTense } from '../../src/time/tense.js';
import { cues, tagged, times } from './helpers.js';

/** "text|TYPE|value[|mod]" for each time found, in order. */
const found = (text: string, date: string | null): string[] => times(text, date).map((t) => `${t.text}|${t.type}|${t.value}${t.mod ? `|${t.mod}` : ''}`);

// 2014-03-12 is a Wednesday
const d = '2014-03-12';

describe('a present "comes after" looks back', () => {
  it('the event noun after "after/amid" lies before a bare present "comes"', () => {
    expect(found('The vote comes after a meeting on Tuesday.', d)).toEqual(['Tuesday|DATE|2014-03-11']);
    expect(found('The announcement comes amid protests on Sunday.', d)).toEqual(['Sunday|DATE|2014-03-09']);
    expect(found('The vote comes a day after talks on Monday.', d)).toEqual(['a day|DURATION|P1D', 'Monday|DATE|2014-03-10']);
  });
  it('the same with Penn tags (the POS road)', () => {
    const a = tagged('The/DT vote/NN comes/VBZ after/IN a/DT meeting/NN on/IN Tuesday/NNP ./.');
    expect(governingTense({ ...a, from: 0, to: a.tokens.length }, 7, 8, cues)).toBe('past');
    const b = tagged('The/DT vote/NN comes/VBZ on/IN Tuesday/NNP ./.');
    expect(governingTense({ ...b, from: 0, to: b.tokens.length }, 4, 5, cues)).toBe('future');
  });
  it('a scheduled present without "after", or a modal, still looks ahead', () => {
    expect(found('The vote comes on Tuesday.', d)).toEqual(['Tuesday|DATE|2014-03-18']);
    expect(found('The vote will come after a meeting on Tuesday.', d)).toEqual(['Tuesday|DATE|2014-03-18']);
  });
});

describe('wire-style hyphenated points', () => {
  it('"end-2014", "end-March", "end-year", "mid-year", "mid-month"', () => {
    expect(found('Debt will reach 90 percent by end-2014.', d)).toEqual(['end-2014|DATE|2014|END']);
    expect(found('The report is due at end-March.', d)).toEqual(['end-March|DATE|2014-03|END']);
    expect(found('Stocks stood at 40 million at end-February 2013.', d)).toEqual(['end-February 2013|DATE|2013-02|END']);
    expect(found('The bank expects growth by end-year.', d)).toEqual(['end-year|DATE|2014|END']);
    expect(found('The mid-year review is due.', d)).toEqual(['mid-year|DATE|2014|MID']);
    expect(found('Prices should settle by mid-month.', d)).toEqual(['mid-month|DATE|2014-03|MID']);
  });
  it('"end" and "start" the verbs or nouns stay out', () => {
    expect(found('The talks end March 20.', d)).toEqual(['March 20|DATE|2014-03-20']);
    expect(found('A start-up raised funds.', d)).toEqual([]);
  });
});

describe('four-digit clock times', () => {
  it('with a zone or "local time" they are TIMEs of the anchor day, or of the day named after them', () => {
    expect(found('The blast happened at 1500 GMT.', d)).toEqual(['1500 GMT|TIME|2014-03-12T15:00']);
    expect(found('The ceasefire took effect at 0600 local time.', d)).toEqual(['0600 local time|TIME|2014-03-12T06:00']);
    expect(found('The blast happened at 0800 GMT on Monday.', d)).toEqual(['0800 GMT|TIME|2014-03-10T08:00', 'Monday|DATE|2014-03-10']);
    expect(found('It starts at 2300 hrs GMT.', d)).toEqual(['2300 hrs GMT|TIME|2014-03-12T23:00']);
  });
  it('"at about 2200 hrs" is a clock, not 2,200 hours; an amount of hours stays a duration', () => {
    expect(found('The attack began at about 2200 hrs.', d)).toEqual(['about 2200 hrs|TIME|2014-03-12T22:00|APPROX']);
    expect(found('They logged 1200 hours of flight.', d)).toEqual(['1200 hours|DURATION|PT1200H']);
  });
  it('a parenthesised conversion of a time just given is left untagged', () => {
    expect(found('It began at 10:35 a.m. (0735 GMT) on Friday.', d)).toEqual(['10:35 a.m.|TIME|2014-03-07T10:35', 'Friday|DATE|2014-03-07']);
  });
  it('a bare clock with its leading zero after a preposition of a point, or at a range\'s end, is a clock', () => {
    expect(found('The strike begins at 0900 on Friday.', d)).toEqual(['0900|TIME|2014-03-14T09:00', 'Friday|DATE|2014-03-14']);
    expect(found('Troops must leave by 0600 on Monday.', d)).toEqual(['0600|TIME|2014-03-17T06:00', 'Monday|DATE|2014-03-17']);
    expect(found('The flight leaves at 0715.', d)).toEqual(['0715|TIME|2014-03-12T07:15']);
    expect(found('The ban runs from 0600 until 1800.', d)).toEqual(['0600|TIME|2014-03-12T06:00', '1800|TIME|2014-03-12T18:00']);
    expect(found('The bomb went off at 0200 gmt.', d)).toEqual(['0200 gmt|TIME|2014-03-12T02:00']);
  });
  it('an index level, an amount or a phone number is no clock', () => {
    expect(found('The Dow closed at 1410 on Monday.', d)).toEqual(['Monday|DATE|2014-03-10']);
    expect(found('He flew at 0900 feet.', d)).toEqual([]);
    expect(found('Call 0800 123 456 at once.', d)).toEqual([]);
    expect(found('The rate was cut to 0900.', d)).toEqual([]);
    expect(found('He lived there from 1930 to 1945.', d)).toEqual(['1930|DATE|1930', '1945|DATE|1945']);
  });
});

describe('fractions of units and fortnights', () => {
  it('half, a quarter, three quarters of a unit; a fortnight is two weeks', () => {
    expect(found('They waited half an hour.', d)).toEqual(['half an hour|DURATION|PT30M']);
    expect(found('They waited a quarter of an hour.', d)).toEqual(['a quarter of an hour|DURATION|PT15M']);
    expect(found('It took three quarters of an hour.', d)).toEqual(['three quarters of an hour|DURATION|PT45M']);
    expect(found('It lasted a quarter of a century.', d)).toEqual(['a quarter of a century|DURATION|P25Y']);
    expect(found('They stayed for a fortnight.', d)).toEqual(['a fortnight|DURATION|P2W']);
    expect(found('He left a fortnight ago.', d)).toEqual(['a fortnight ago|DATE|2014-W09']);
  });
  it('other decimals keep their unit; a quarter of a vote is no time', () => {
    expect(found('The furnace ran 34.8 hours.', d)).toEqual(['34.8 hours|DURATION|PT34.8H']);
    expect(found('He won a quarter of the vote.', d)).toEqual([]);
  });
});

describe('holidays', () => {
  it('a year after the holiday is its year', () => {
    expect(found('He was born on Christmas Day 1950.', d)).toEqual(['Christmas Day 1950|DATE|1950-12-25']);
    expect(found('Fasting ends on Easter Sunday 2015.', d)).toEqual(['Easter Sunday 2015|DATE|2015-04-05']);
  });
  it('more fixed, nth-weekday and Easter-based holidays', () => {
    expect(found('Parades are held on St. Patrick\'s Day.', d)).toEqual(['St. Patrick\'s Day|DATE|2014-03-17']);
    expect(found('The bill passed on Mother\'s Day.', d)).toEqual(['Mother\'s Day|DATE|2013-05-12']);
    expect(found('Stores open on Veterans Day.', d)).toEqual(['Veterans Day|DATE|2013-11-11']);
    expect(found('It started on Ash Wednesday.', d)).toEqual(['Ash Wednesday|DATE|2014-03-05']);
  });
});

describe('decades', () => {
  it('with a curly apostrophe, and spelled out after "nineteen"', () => {
    expect(found('He grew up in the mid-’90s.', d)).toEqual(['the mid-’90s|DATE|199|MID']);
    expect(found('Prices in the 1990’s rose.', d)).toEqual(['the 1990’s|DATE|199']);
    expect(found('It was written in the late nineteen seventies.', d)).toEqual(['the late nineteen seventies|DATE|197|END']);
  });
  it('an age is no decade', () => {
    expect(found('He is in his seventies.', d)).toEqual([]);
  });
});

describe('pairs, ordinal days and weeks of a month', () => {
  it('the first day of a pair takes the year written after the second', () => {
    expect(found('They met on September 14 and 18, 2010.', d)).toEqual(['September 14|DATE|2010-09-14', '18, 2010|DATE|2010-09-18']);
  });
  it('"the 19th of November" keeps its article', () => {
    expect(found('They met on the 19th of November.', d)).toEqual(['the 19th of November|DATE|2013-11-19']);
  });
  it('an ordinal week of a month is the ISO week holding most of its days', () => {
    expect(found('The strike began in the first week of March.', d)).toEqual(['the first week of March|DATE|2014-W10']);
    expect(found('Talks will resume in the last week of April.', d)).toEqual(['the last week of April|DATE|2014-W17']);
    expect(found('Sales fell in the second week of January 2013.', d)).toEqual(['the second week of January 2013|DATE|2013-W02']);
  });
  it('"the same month" after a week of a month is that month', () => {
    expect(found('Cash rose in the last week of February, a gain over the same month last year.', d)[1]).toBe('the same month|DATE|2014-02');
  });
});

describe('two units away, parenthesised dates, names', () => {
  it('"the year before last", "the week after next"', () => {
    expect(found('Profits fell the year before last.', d)).toEqual(['the year before last|DATE|2012']);
    expect(found('The vote is the week after next.', d)).toEqual(['the week after next|DATE|2014-W13']);
    expect(found('Sales peaked the month before last.', d)).toEqual(['the month before last|DATE|2014-01']);
  });
  it('a weekday with its date in parentheses is that date when the two agree', () => {
    expect(found('The markets reopen on Monday (March 17).', d)).toEqual(['Monday|DATE|2014-03-17', 'March 17|DATE|2014-03-17']);
    expect(found('The markets reopen on Monday (March 18).', d)[0]).not.toBe('Monday|DATE|2014-03-18');
  });
  it('a weekday opening the name of a paper or a programme is no date', () => {
    expect(found('He writes for the Sunday Times.', d)).toEqual([]);
    expect(found('The Sunday Telegraph reported the deal.', d)).toEqual([]);
    expect(found('He told the Sunday Times on Friday.', d)).toEqual(['Friday|DATE|2014-03-07']);
    expect(found('She hosted Saturday Night Live.', d)).toEqual([]);
  });
});

describe('quarters and halves with their year', () => {
  it('"fourth-quarter 2013", "the first half 1987", "the fourth quarter of last year" are one expression', () => {
    expect(found('Sales fell in fourth-quarter 2013.', d)).toEqual(['fourth-quarter 2013|DATE|2013-Q4']);
    expect(found('Sales rose in the first half 2012.', d)).toEqual(['the first half 2012|DATE|2012-H1']);
    expect(found('Sales fell in the fourth quarter of last year.', d)).toEqual(['the fourth quarter of last year|DATE|2013-Q4']);
    expect(found('Sales fell in the first half of last year.', d)).toEqual(['the first half of last year|DATE|2013-H1']);
  });
  it('"the same period" keeps apart from a year after it (a period need not be a quarter)', () => {
    expect(found('Exports rose in the first two months of 2014, up from the same period of last year.', d)).not.toContain('the same period of last year|DATE|2012-Q4');
    expect(found('Exports rose from the same period 2012.', d)).toEqual(['the same period|DATE|2013-Q4', '2012|DATE|2012']);
  });
});

describe('the tense around a weekday', () => {
  it('the present progressive of a scheduled event is a plan; its past is not', () => {
    expect(found('Officials are meeting on Thursday.', d)).toEqual(['Thursday|DATE|2014-03-13']);
    expect(found('Officials were meeting on Thursday.', d)).toEqual(['Thursday|DATE|2014-03-06']);
    // (a Saturday report: the possessive Tuesday three days ahead, in a clause that looks ahead)
    expect(found('Clinton is facing a tough race in Tuesday\'s primary.', '2014-03-15')).toEqual(['Tuesday|DATE|2014-03-18']);
  });
  it('"appears in court / before the committee" on a day is a hearing ahead; "appeared", "it appears that" are not', () => {
    expect(found('He appears in court on Friday.', d)).toEqual(['Friday|DATE|2014-03-14']);
    expect(found('The minister appears before the committee on Thursday.', d)).toEqual(['Thursday|DATE|2014-03-13']);
    expect(found('He appeared in court on Friday.', d)).toEqual(['Friday|DATE|2014-03-07']);
    expect(found('It appears that he left on Friday.', d)).toEqual(['Friday|DATE|2014-03-07']);
  });
  it('a relative clause closed by a comma keeps its own verb', () => {
    expect(found('The bill, which passed the House on Tuesday, now goes to the Senate.', d)[0]).toBe('Tuesday|DATE|2014-03-11');
    expect(found('The minister, who leaves for Moscow on Sunday, met the president.', d)).toEqual(['Sunday|DATE|2014-03-16']);
    expect(found('The book, which will be in stores on Tuesday, is a memoir.', d)).toEqual(['Tuesday|DATE|2014-03-18']);
  });
  it('a modal before a past-looking verb form looks ahead without tags too', () => {
    expect(found('Traffic could be restored by Saturday.', d)).toEqual(['Saturday|DATE|2014-03-15']);
    expect(found('The ad could hit the airwaves Monday.', d)).toEqual(['Monday|DATE|2014-03-17']);
    expect(found('Orders must be entered by 1530 EST Friday.', d)).toEqual(['1530 EST|TIME|2014-03-14T15:30', 'Friday|DATE|2014-03-14']);
    expect(found('He could have been shot Monday.', d)).toEqual(['Monday|DATE|2014-03-10']);
  });
});

describe('a year number inside a name', () => {
  it('a name that goes on after the year, or one introduced as a name, keeps no year', () => {
    expect(found('They set up a joint venture called Orion 1980, making parts.', d)).toEqual([]);
    expect(found('The notes are backed by Volvo 1986 Lease Finance Corp.', d)).toEqual([]);
    expect(found('He chairs the Philadelphia 2016 Host Committee.', d)).toEqual([]);
  });
  it('a year after a place, a month or a headline\'s function word is still a year', () => {
    expect(found('Think of Jimmy Carter in Iowa 1976 and McCain in New Hampshire 2000.', d)).toEqual(['1976|DATE|1976', '2000|DATE|2000']);
    expect(found('BASLE, March 13 - Group 1986 net profit rose.', d)).toEqual(['March 13|DATE|2014-03-13', '1986|DATE|1986']);
    expect(found('Sales Rise In 1987 As Demand Grows.', d)).toEqual(['1987|DATE|1987']);
    expect(found('He won gold at the Sochi 2014 Winter Olympics.', d)).toEqual(['2014|DATE|2014']);
  });
});

describe('"late on Tuesday", holiday weekends', () => {
  it('"early/late/earlier/later on" a day is that day with the modifier', () => {
    expect(found('The plant opened late on Tuesday.', d)).toEqual(['late on Tuesday|DATE|2014-03-11|END']);
    expect(found('Police said earlier on Monday that two had died.', d)).toEqual(['earlier on Monday|DATE|2014-03-10|START']);
    expect(found('Early on, the plan worked.', d)).toEqual([]);
  });
  it('a holiday\'s weekend is the weekend of its week, the one before a Monday holiday', () => {
    expect(found('The plant opened over the Easter weekend.', d)).toEqual(['the Easter weekend|DATE|2014-W16-WE']);
    expect(found('Traffic was heavy over the Labor Day weekend.', d)).toEqual(['the Labor Day weekend|DATE|2013-W35-WE']);
    expect(found('He spent the Christmas holidays at home.', d)).toEqual(['Christmas|DATE|2013-12-25']);
  });
});

describe('"ahead of" a weekday', () => {
  it('the event a clause prepares for lies ahead', () => {
    expect(found('Troops deployed ahead of Sunday\'s vote.', d)).toEqual(['Sunday|DATE|2014-03-16']);
    expect(found('Troops deployed ahead of the vote on Sunday.', d)).toEqual(['Sunday|DATE|2014-03-16']);
    expect(found('Campaigning ended in the run-up to Sunday\'s election.', d)).toEqual(['Sunday|DATE|2014-03-16']);
  });
  it('not the comparative, not "after", and a yearless date keeps to the tense', () => {
    expect(found('The index closed at 72.4, well ahead of Monday\'s final 71.8.', d)).toEqual(['Monday|DATE|2014-03-10']);
    expect(found('Troops deployed after Sunday\'s vote.', d)).toEqual(['Sunday|DATE|2014-03-09']);
    expect(found('The franc came under pressure ahead of the realignment on January 11.', d)).toEqual(['January 11|DATE|2014-01-11']);
  });
});

describe('"years ago", "two years back", "circa", quotations', () => {
  it('a bare plural unit before "ago" is a duration of unknown length', () => {
    expect(found('Control Data, which just months ago was failing, recovered.', d)).toEqual(['months ago|DURATION|PXM']);
    expect(found('The book was published decades ago.', d)).toEqual(['decades ago|DURATION|PXDE']);
    expect(found('He left six months ago.', d)).toEqual(['six months ago|DATE|2013-09']);
  });
  it('"back" after a quantity is "ago"; not "back to", "back home"', () => {
    expect(found('It changed two years back.', d)).toEqual(['two years back|DATE|2012']);
    expect(found('It changed a few months back.', d)).toEqual(['a few months back|DATE|PAST_REF']);
    expect(found('Prices went two years back to their level of 2009.', d)).toEqual(['two years|DURATION|P2Y', '2009|DATE|2009']);
  });
  it('"circa 1900" is approximate', () => {
    expect(found('The house was built circa 1900.', d)).toEqual(['circa 1900|DATE|1900|APPROX']);
  });
  it('an opening quotation mark does not hide a time; a whole quotation that is a title is no time', () => {
    expect(found("He added, ''Six months ago we were not at 20 percent.''", d)).toEqual(['Six months ago|DATE|2013-09']);
    expect(found("He said on CBS's ''60 Minutes.'' The rest followed.", d)).toEqual([]);
    expect(found('Trump told NBC’s “Today” on Monday that he was right.', d)).toEqual(['Monday|DATE|2014-03-10']);
    expect(found('“Today’s speech was strong,” she said.', d)).toEqual(['Today|DATE|2014-03-12']);
  });
});

describe('months with a year written after the pair, abbreviated months with a year', () => {
  it('the first month of a pair or range takes the year after the second', () => {
    expect(found('Sales fell in March and April 2013.', d)).toEqual(['March|DATE|2013-03', 'April 2013|DATE|2013-04']);
    expect(found('Between February and October of 1986, output fell.', d)).toEqual(['February|DATE|1986-02', 'October of 1986|DATE|1986-10']);
    expect(found('Shipments run from November to April 1987.', d)).toEqual(['November|DATE|1986-11', 'April 1987|DATE|1987-04']);
    expect(found('He was born in the spring and summer of 1970.', d)).toEqual(['the spring|DATE|1970-SP', 'summer of 1970|DATE|1970-SU']);
  });
  it('"Mar 2013", "Sept. 2012", "Nov, 1986" are months of that year; a bare abbreviation is not', () => {
    expect(found('Sales fell in Mar 2013.', d)).toEqual(['Mar 2013|DATE|2013-03']);
    expect(found('Sales fell in Sept. 2012.', d)).toEqual(['Sept. 2012|DATE|2012-09']);
    expect(found('Sales rose in May and fell in June.', d)).toEqual(['May|DATE|2014-05', 'June|DATE|2014-06']);
  });
});

describe('"this Monday", "this coming Monday", "this past Monday"', () => {
  it('a "this" weekday already gone by is the coming one when the verb looks ahead', () => {
    expect(found('They will meet this Monday.', d)).toEqual(['this Monday|DATE|2014-03-17']);
    expect(found('They met this Monday.', d)).toEqual(['this Monday|DATE|2014-03-10']);
    expect(found('Procedures were detailed that will be followed this Friday.', d)).toEqual(['this Friday|DATE|2014-03-14']);
  });
  it('"this coming" and "this past" belong to the expression', () => {
    expect(found('They will meet this coming Monday.', d)).toEqual(['this coming Monday|DATE|2014-03-17']);
    expect(found('They met this past Monday.', d)).toEqual(['this past Monday|DATE|2014-03-10']);
  });
});

// Seventh round: families of 2010s wire copy (our own sentences; 2014-03-12 is a Wednesday).

describe('"a second" the ordinal', () => {
  it('"a second straight day", "a second time", "a second term" are no durations', () => {
    expect(found('Stocks rose for a second straight day.', d)).toEqual([]);
    expect(found('He was elected for a second time.', d)).toEqual([]);
    expect(found('She ran for a second term in 2010.', d)).toEqual(['2010|DATE|2010']);
    expect(found('The court agreed to take a second look.', d)).toEqual([]);
  });
  it('one second before a signal or the end of the clause is still a duration', () => {
    expect(found('A second later, the bomb exploded.', d)).toEqual(['A second|DURATION|PT1S']);
    expect(found('He paused for a second, then spoke.', d)).toEqual(['a second|DURATION|PT1S']);
  });
});

describe('"over" before a quantity of time', () => {
  it('after a verb or noun it is the preposition spreading an amount or an act across the stretch', () => {
    expect(found('The company plans to cut 1,000 jobs over three years.', d)).toEqual(['three years|DURATION|P3Y']);
    expect(found('The debt will be rescheduled over 14 years.', d)).toEqual(['14 years|DURATION|P14Y']);
    expect(found('The wage would climb gradually over six years.', d)).toEqual(['six years|DURATION|P6Y']);
  });
  it('after "for", "just", "a little", a verb of lasting, or opening a clause it is "more than"', () => {
    expect(found('He has lived there for over three years.', d)).toEqual(['over three years|DURATION|P3Y|MORE_THAN']);
    expect(found('The strike lasted over a week.', d)).toEqual(['over a week|DURATION|P1W|MORE_THAN']);
    expect(found('The meeting lasted a little over two hours.', d)).toEqual(['over two hours|DURATION|PT2H|MORE_THAN']);
    expect(found('It took over a decade.', d)).toEqual(['over a decade|DURATION|P10Y|MORE_THAN']);
    expect(found('He was jailed over two years ago.', d)).toEqual(['over two years ago|DATE|2012|MORE_THAN']);
  });
});

describe('a present forecast looks ahead', () => {
  it('"expect(s)", "predict(s)" put a yearless quarter, half or weekday ahead', () => {
    expect(found('Analysts expect a recovery in the second half.', d)).toEqual(['the second half|DATE|2014-H2']);
    expect(found('The company expects profit to rise in the third quarter.', d)).toEqual(['the third quarter|DATE|2014-Q3']);
    expect(found('Economists predict a rebound in the fourth quarter.', d)).toEqual(['the fourth quarter|DATE|2014-Q4']);
    expect(found('The exchange expects approval at the agency\'s Tuesday meeting.', d)).toEqual(['Tuesday|DATE|2014-03-18']);
  });
  it('the same with Penn tags (the POS road)', () => {
    const a = tagged('Analysts/NNS expect/VBP a/DT recovery/NN in/IN the/DT second/JJ half/NN ./.');
    expect(governingTense({ ...a, from: 0, to: a.tokens.length }, 5, 8, cues)).toBe('future');
    const b = tagged('Analysts/NNS expected/VBD a/DT recovery/NN in/IN the/DT second/JJ half/NN ./.');
    expect(governingTense({ ...b, from: 0, to: b.tokens.length }, 5, 8, cues)).toBe('past');
  });
  it('the past form, a noun "forecast", or the term of a comparison does not', () => {
    expect(found('Profit rose in the third quarter.', d)).toEqual(['the third quarter|DATE|2013-Q3']);
    expect(found('Growth was below the forecast in December.', d)).toEqual(['December|DATE|2013-12']);
    expect(found('We expect this quarter to be better than the fourth quarter.', d)).toEqual(['this quarter|DATE|2014-Q1', 'the fourth quarter|DATE|2013-Q4']);
  });
});

describe('a year\'s quarter', () => {
  it('"1986\'s fourth quarter", "fiscal 1987\'s third quarter" are one quarter of that year', () => {
    expect(found('It expects its results for 2013\'s fourth quarter to be lower.', d)).toEqual(['2013\'s fourth quarter|DATE|2013-Q4']);
    expect(found('Net fell from 19 cents in fiscal 2012\'s third quarter.', d)).toEqual(['fiscal 2012\'s third quarter|DATE|2012-Q3']);
  });
});

describe('the end of an event\'s run', () => {
  it('"begins Monday and ends Thursday": the second weekday is not before the first', () => {
    expect(found('The talks begin on Monday and end on Thursday.', d)).toEqual(['Monday|DATE|2014-03-17', 'Thursday|DATE|2014-03-20']);
    expect(found('The conference opens on Monday and runs through Thursday.', d)).toEqual(['Monday|DATE|2014-03-17', 'Thursday|DATE|2014-03-20']);
  });
  it('two events told apart keep their own days', () => {
    expect(found('The talks begin on Monday and officials met on Tuesday.', d)).toEqual(['Monday|DATE|2014-03-17', 'Tuesday|DATE|2014-03-11']);
  });
});

describe('shopping days and twice-yearly sets', () => {
  it('"Black Friday" follows Thanksgiving, "Cyber Monday" the Monday after; no plain weekday', () => {
    expect(found('Shoppers flocked to stores on Black Friday.', '2013-12-03')).toEqual(['Black Friday|DATE|2013-11-29']);
    expect(found('Online sales rose on Cyber Monday.', '2013-12-03')).toEqual(['Cyber Monday|DATE|2013-12-02']);
  });
  it('"semi-annually", "bi-annually" are SETs of six months', () => {
    expect(found('Interest is paid semi-annually.', d)).toEqual(['semi-annually|SET|P6M']);
    expect(found('The semi-annual report was released.', d)).toEqual([]);
  });
});

describe('hyphenated month ranges', () => {
  it('"January-March" is two months; the second follows the first, with the year written after it', () => {
    expect(found('The figures for January-March showed growth.', d)).toEqual(['January|DATE|2014-01', 'March|DATE|2014-03']);
    expect(found('Sales fell in November-January.', d)).toEqual(['November|DATE|2013-11', 'January|DATE|2014-01']);
    expect(found('Sales fell in January-March 2012.', d)).toEqual(['January|DATE|2012-01', 'March 2012|DATE|2012-03']);
  });
  it('before "quarter" or "period", a range spanning a calendar quarter is that quarter', () => {
    expect(found('Data for the January-March quarter showed growth.', d)).toEqual(['the January-March quarter|DATE|2014-Q1']);
    expect(found('Output fell in the July-September quarter of 2012.', d)).toEqual(['the July-September quarter of 2012|DATE|2012-Q3']);
    expect(found('The April-June quarter was weak.', d)).toEqual(['The April-June quarter|DATE|2013-Q2']);
    expect(found('Ford plans to build 485,000 cars in the April-June period, compared with 497,000 a year ago.', d))
      .toEqual(['the April-June period|DATE|2014-Q2', 'a year ago|DATE|2013-Q2']);
  });
  it('a range that is no calendar quarter stays two months', () => {
    expect(found('The February-April period was dry.', d)).toEqual(['February|DATE|2014-02', 'April|DATE|2014-04']);
  });
});

describe('"about" and "around" before vague references', () => {
  it('are prepositions there, not approximations', () => {
    expect(found('Investors are worried about the future.', d)).toEqual(['the future|DATE|FUTURE_REF']);
    expect(found('What he is talking about now is mainstream.', d)).toEqual(['now|DATE|PRESENT_REF']);
    expect(found('It is all we thought about every day.', d)).toEqual(['every day|SET|P1D']);
  });
  it('before a date or a clock they approximate it', () => {
    expect(found('The blast happened at about 3 p.m.', d)).toEqual(['about 3 p.m.|TIME|2014-03-12T15:00|APPROX']);
    expect(found('He transferred the shares on or about December 23, 1985.', d)).toEqual(['about December 23, 1985|DATE|1985-12-23|APPROX']);
  });
});

describe('"a week away", "just days away"', () => {
  it('the stretch still to run is a duration, without "away"', () => {
    expect(found('The vote is a week away.', d)).toEqual(['a week|DURATION|P1W']);
    expect(found('The election is just days away.', d)).toEqual(['days|DURATION|PXD']);
    expect(found('He gave away days of his time.', d)).toEqual([]);
  });
});

describe('a run of weekdays with clocks', () => {
  it('the end goes back a week when its own verb put it more than six days after the start', () => {
    expect(found('The operation lasted from 10 p.m. Friday until 4 a.m. Saturday.', d))
      .toEqual(['10 p.m. Friday|TIME|2014-03-07T22:00', '4 a.m. Saturday|TIME|2014-03-08T04:00']);
    expect(found('The festival runs from Thursday through Sunday.', d)).toEqual(['Thursday|DATE|2014-03-13', 'Sunday|DATE|2014-03-16']);
  });
});

describe('"weekend" before a noun', () => {
  // 2013-03-11 is a Monday
  it('"Weekend talks", "his weekend outburst" are the weekend the report tells of, as "the weekend" is', () => {
    expect(found('Weekend talks failed.', '2013-03-11')).toEqual(['Weekend|DATE|2013-W10-WE']);
    expect(found('Police said weekend clashes killed five.', '2013-03-11')).toEqual(['weekend|DATE|2013-W10-WE']);
    expect(found('He will hold weekend meetings.', '2013-03-14')).toEqual(['weekend|DATE|2013-W11-WE']);
  });
  it('"a weekend trip", "every weekend", a programme\'s name are no such weekend (chrono\'s Saturday is dropped)', () => {
    expect(found('He told a weekend conference that prices would rise.', '2013-03-11')).toEqual([]);
    expect(found('The Weekend Edition aired.', '2013-03-11')).toEqual([]);
    expect(found('He works every weekend.', '2013-03-11')).toEqual(['every weekend|SET|P1WE']);
  });
});

describe('earnings reports early in the year', () => {
  // 2013-02-14: a report on the fourth quarter of 2012
  it('"for the (full) year" after the fourth quarter is that quarter\'s year, not the report\'s', () => {
    expect(found('Profit fell 10 percent in the fourth quarter. For the full year, profit rose 3 percent.', '2013-02-14'))
      .toEqual(['the fourth quarter|DATE|2012-Q4', 'the full year|DATE|2012']);
    expect(found('Profit fell in the fourth quarter. Sales for the year rose 4 percent.', '2013-02-14'))
      .toEqual(['the fourth quarter|DATE|2012-Q4', 'the year|DATE|2012']);
  });
  it('a forecast for the year, or no quarter named, keeps the report\'s year', () => {
    expect(found('Profit fell in the fourth quarter. The company expects sales for the year to rise.', '2013-02-14'))
      .toEqual(['the fourth quarter|DATE|2012-Q4', 'the year|DATE|2013']);
    expect(found('For the full year, profit rose 3 percent.', '2013-02-14')).toEqual(['the full year|DATE|2013']);
  });
  it('"the same period a year earlier", "the same quarter last year" are the year-ago quarter', () => {
    expect(found('Profit fell 10 percent in the fourth quarter from the same period a year earlier.', '2013-02-14'))
      .toEqual(['the fourth quarter|DATE|2012-Q4', 'the same period|DATE|2011-Q4', 'a year earlier|DATE|2011-Q4']);
    expect(found('Profit fell in the fourth quarter. In the same period, costs rose.', '2013-02-14'))
      .toEqual(['the fourth quarter|DATE|2012-Q4', 'the same period|DATE|2012-Q4']);
  });
});

describe('a date before a preposition and a number', () => {
  it('"Oct. 17 after 16 days", "January 31 from 9,000": the preposition chrono read into a clock stays out', () => {
    expect(found('The government shutdown ended Oct. 17 after 16 days.', '2013-10-30')).toEqual(['Oct. 17|DATE|2013-10-17', '16 days|DURATION|P16D']);
    expect(found('Deposits rose to 3 million dlrs on January 31 from 9,000 dlrs.', '2013-03-06')).toEqual(['January 31|DATE|2013-01-31']);
  });
});

describe('years before 1500', () => {
  it('are years after a preposition at a clause\'s end ("did so in 1415")', () => {
    expect(found('The last pope to resign did so in 1415.', '2013-02-11')).toEqual(['1415|DATE|1415']);
    expect(found('The abbey was founded in 1066, when the Normans came.', '2013-02-11')).toEqual(['1066|DATE|1066']);
  });
  it('are counts or clocks elsewhere', () => {
    expect(found('It has 1200 employees.', d)).toEqual([]);
    expect(found('The flight leaves at 1415.', d)).toEqual([]);
  });
});

describe('names of occasions and recurring weekdays', () => {
  it('"the Year of the Woman" names an occasion, not the report\'s year', () => {
    expect(found('In 1992, dubbed the Year of the Woman, four women were elected.', d)).toEqual(['1992|DATE|1992']);
    expect(found('By the end of the year, four women were elected.', d)).toEqual(['the end of the year|DATE|2014|END']);
  });
  it('"every few minutes", "every several years" are SETs of an unstated number of units', () => {
    expect(found('The index is updated every few minutes.', d)).toEqual(['every few minutes|SET|PTXM']);
    expect(found('Every few years, the river floods.', d)).toEqual(['Every few years|SET|PXY']);
  });
  it('"the third Friday of every month" is no date', () => {
    expect(found('Options expire on the third Friday of every month.', d)).toEqual(['every month|SET|P1M']);
    expect(found('Options expired on Friday.', d)).toEqual(['Friday|DATE|2014-03-07']);
  });
});

describe('limits and parts of other stretches', () => {
  it('"delayed until at least Monday" is a limit ahead', () => {
    expect(found('The vote was delayed until at least Monday.', d)).toEqual(['Monday|DATE|2014-03-17']);
    expect(found('The vote was held on Monday.', d)).toEqual(['Monday|DATE|2014-03-10']);
  });
  it('"the last decade of the 20th century", "the last week of the campaign" are no unit before the report', () => {
    expect(found('The last decade of the 20th century saw growth.', d)).toEqual(['the 20th century|DATE|19']);
    expect(found('In the last week of the campaign, he surged.', d)).toEqual([]);
    expect(found('He spent the past year of his life in Paris.', d)).toEqual([]);
    expect(found('Prices rose in the last week of March.', d)).toEqual(['the last week of March|DATE|2014-W13']);
    expect(found('The last week was busy.', d)).toEqual(['The last week|DATE|2014-W11']);
  });
});

describe('passive infinitives, election years, restated weekdays', () => {
  // 2015-11-17 is a Tuesday
  it('"an address to be delivered Wednesday", "a vote to be held Monday" lie ahead', () => {
    expect(found('He will give an address on the military, to be delivered Wednesday at the Citadel.', '2015-11-17')).toEqual(['Wednesday|DATE|2015-11-18']);
    expect(found('A vote to be held Monday will decide it.', '2015-11-17')).toEqual(['Monday|DATE|2015-11-23']);
    expect(found('The address was delivered Wednesday.', '2015-11-17')).toEqual(['Wednesday|DATE|2015-11-11']);
  });
  it('"Election Day" early in an even year is that year\'s, unless told in the past', () => {
    expect(found('As Election Day nears, the number of undecided voters falls.', '2016-02-18')).toEqual(['Election Day|DATE|2016-11-08']);
    expect(found('Voters went to the polls on Election Day.', '2016-02-18')).toEqual(['Election Day|DATE|2015-11-03']);
    expect(found('As Election Day nears, the number of undecided voters falls.', '2013-03-22')).toEqual(['Election Day|DATE|2012-11-06']);
  });
  it('"tomorrow (Thursday)": the weekday in parentheses restates the day, and the parenthesis stays out', () => {
    expect(found('The vote is tomorrow (Thursday).', '2013-03-13')).toEqual(['tomorrow|DATE|2013-03-14', 'Thursday|DATE|2013-03-14']);
    expect(found('Banks were shut yesterday (Tuesday).', '2013-03-13')).toEqual(['yesterday|DATE|2013-03-12', 'Tuesday|DATE|2013-03-12']);
  });
});

describe('"between Monday and March 14"', () => {
  it('"and" joins the two ends of a stretch, so the clause\'s verb after the second end governs the first', () => {
    expect(found('The reason for optimism is that the contests between Monday and March 14 will award delegates.', '2016-01-31'))
      .toEqual(['Monday|DATE|2016-02-01', 'March 14|DATE|2016-03-14']);
    expect(found('The talks held between Monday and Wednesday were tense.', '2016-01-31'))
      .toEqual(['Monday|DATE|2016-01-25', 'Wednesday|DATE|2016-01-27']);
  });
});

describe('titles with "the Future"', () => {
  it('a capitalised "the Future" inside a sentence is a title, not FUTURE_REF', () => {
    expect(found('They argued over a clip from Back to the Future.', d)).toEqual([]);
    expect(found('Investors are worried about the future.', d)).toEqual(['the future|DATE|FUTURE_REF']);
  });
});

describe('a bare plural unit after a verb of lasting or spending', () => {
  it('"could take years", "spent months", "could last weeks" are durations of unknown length', () => {
    expect(found('It could take years.', d)).toEqual(['years|DURATION|PXY']);
    expect(found('The committee spent months crafting a plan.', d)).toEqual(['months|DURATION|PXM']);
    expect(found('The trial could last weeks.', d)).toEqual(['weeks|DURATION|PXW']);
  });
  it('"last" the adjective does not count ("against last years 2.1 per cent", "the last days")', () => {
    expect(found('Growth was 2.7 percent against last years 2.1 percent.', d)).toEqual([]);
    expect(found('The events of the last days proved it.', d)).toEqual([]);
  });
});

describe('overnight ranges of clock times', () => {
  it('an end earlier in the day than the start is on the next day', () => {
    expect(found('The curfew runs from 7pm to 6am.', '2013-03-22')).toEqual(['7pm|TIME|2013-03-22T19:00', '6am|TIME|2013-03-23T06:00']);
    expect(found('The strike will last from midnight until 06:00.', '2013-03-22')).toEqual(['midnight|TIME|2013-03-22T24', '06:00|TIME|2013-03-23T06:00']);
  });
  it('a daytime range, or an end with its own day, stays as it is', () => {
    expect(found('The office is open from 9 a.m. to 5 p.m.', '2013-03-22')).toEqual(['9 a.m.|TIME|2013-03-22T09:00', '5 p.m.|TIME|2013-03-22T17:00']);
    expect(found('The curfew runs from 10 p.m. Friday to 6 a.m. Saturday.', '2013-03-22')).toEqual(['10 p.m. Friday|TIME|2013-03-22T22:00', '6 a.m. Saturday|TIME|2013-03-23T06:00']);
  });
});

describe('a month and a day number in figures', () => {
  it('"midday on February 27" keeps its day (chrono\'s "midday" hour had cut the 27)', () => {
    expect(found('The carnival ends midday on February 27.', '1987-02-26')).toEqual(['February 27|DATE|1987-02-27']);
    expect(found('Net rose in the year ended Jan. 1, 1990 at 1 cent a share.', '1989-11-02')).toEqual(['the year|DURATION|P1Y', 'Jan. 1, 1990|DATE|1990-01-01']);
  });
  it('"Feb 48.7, March 13.2": a month before a decimal figure in a table is no date', () => {
    expect(found('Wheat prev 39.9, Feb 48.7, March 13.2, Apr 10.0, total 111.8.', '1987-02-26')).toEqual([]);
    expect(found('Treasury balances rose on Feb 27 to 3.482 billion dlrs.', '1987-03-03')).toEqual(['Feb 27|DATE|1987-02-27']);
  });
});

describe('papers named "Daily", and "following" the preposition', () => {
  it('"the People\'s Daily", "the Weekly Standard", "a Hong Kong daily" are papers, not SETs', () => {
    expect(found('The People\'s Daily said so.', d)).toEqual([]);
    expect(found('Stephen Hayes of the Weekly Standard has waged a battle.', d)).toEqual([]);
    expect(found('Wen Wei Po, a Hong Kong daily, said the drought was severe.', d)).toEqual([]);
  });
  it('a frequency is still a SET', () => {
    expect(found('The airline will continue to leave Heathrow daily, but the new service starts.', d)).toEqual(['daily|SET|P1D']);
    expect(found('Daily flights resume Monday.', d)).toEqual(['Daily|SET|P1D', 'Monday|DATE|2014-03-17']);
  });
  it('"following five months of negotiations": "following" without an article stays out of the duration', () => {
    expect(found('It signed a loan following five months of negotiations.', d)).toEqual(['five months|DURATION|P5M']);
    expect(found('The following five months were hard.', d)).toEqual(['The following five months|DURATION|P5M']);
  });
});

describe('"Super Tuesday" is a named day of a presidential election year', () => {
  it('the election year\'s day, not the Tuesday of the report\'s week', () => {
    expect(found('Candidates campaign ahead of Super Tuesday.', '2016-02-20')).toEqual(['Super Tuesday|DATE|2016-03-01']);
    expect(found('Trump won seven states on Super Tuesday.', '2016-03-10')).toEqual(['Super Tuesday|DATE|2016-03-01']);
    expect(found('The race could be decided on Super Tuesday.', '2015-11-10')).toEqual(['Super Tuesday|DATE|2016-03-01']);
    expect(found('Gore is betting on Super Tuesday.', '1987-06-10')).toEqual(['Super Tuesday|DATE|1988-03-08']);
    expect(found('Kentucky took part in the 1988 Super Tuesday.', '2016-05-18')).toEqual(['1988 Super Tuesday|DATE|1988-03-08']);
    expect(found('Super Tuesday 2008 was a rout.', d)).toEqual(['Super Tuesday 2008|DATE|2008-02-05']);
  });
  it('"Super Tuesday 2" has no fixed day (the nearest Tuesday, as before); a lowercase "super" is an adjective', () => {
    expect(found('Right before Super Tuesday 2, Clinton got news.', '2016-03-15')).toEqual(['Tuesday|DATE|2016-03-15']);
    expect(found('The shop has a super Tuesday sale.', d)).toEqual(['Tuesday|DATE|2014-03-11']);
  });
});

describe('a year before "fiscal year" is one expression', () => {
  it('"the 2014 fiscal year", "the 1988 financial year", "the company\'s 1986 fiscal year"', () => {
    expect(found('The plan covers the 2014 fiscal year.', d)).toEqual(['the 2014 fiscal year|DATE|2014']);
    expect(found('Taxes rise in the 1988 financial year.', d)).toEqual(['the 1988 financial year|DATE|1988']);
    expect(found('Sales fell during the company\'s 1986 fiscal year.', d)).toEqual(['1986 fiscal year|DATE|1986']);
  });
  it('an amount before it, or a hyphenated adjective, stays as it was', () => {
    expect(found('It paid $2014 fiscal year taxes.', d)).toEqual([]);
    expect(found('The 2014 fiscal-year budget passed.', d)).toEqual(['2014|DATE|2014']);
  });
});

describe('a wire timestamp with a short weekday', () => {
  it('"Wed Mar 13, 2013 3:45pm EDT" keeps its day and clock (was the year only)', () => {
    expect(found('Wed Mar 13, 2013 3:45pm EDT', '2013-03-13')).toEqual(['Wed Mar 13, 2013 3:45pm EDT|TIME|2013-03-13T15:45']);
    expect(found('Updated Sat 16 March 2013.', '2013-03-18')).toEqual(['Sat 16 March 2013|DATE|2013-03-16']);
  });
  it('a short weekday without a date and without its period stays out', () => {
    expect(found('The Wed club met.', '2013-03-13')).toEqual([]);
  });
});
