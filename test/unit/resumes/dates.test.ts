import { expect } from 'chai';
import { findDateRanges, monthsOfExperience, yearsOfExperience } from '../../../src/domain/resumes/dates.js';

const AS_OF = new Date('2025-06-15T00:00:00Z');
const one = (text: string) => {
  const ranges = findDateRanges(text);
  expect(ranges, text).to.have.length(1);
  const { start, end, current } = ranges[0]!;
  return { start, end, current };
};

describe('date ranges on resumes', () => {
  it('reads the common formats', () => {
    expect(one('Acme — Jan 2020 – Present')).to.deep.equal({ start: '2020-01', end: null, current: true });
    expect(one('2019-03 to 2021-06')).to.deep.equal({ start: '2019-03', end: '2021-06', current: false });
    expect(one('03/2018 - 12/2019')).to.deep.equal({ start: '2018-03', end: '2019-12', current: false });
    expect(one('2017 – 2019')).to.deep.equal({ start: '2017-01', end: '2019-12', current: false });
    expect(one('September 2016 — March 2018')).to.deep.equal({ start: '2016-09', end: '2018-03', current: false });
    expect(one("Sept. '19 – now")).to.deep.equal({ start: '2019-09', end: null, current: true });
    expect(one('(Feb 2022 - Current)')).to.deep.equal({ start: '2022-02', end: null, current: true });
    expect(one('Summer 2015 – Spring 2016')).to.deep.equal({ start: '2015-06', end: '2016-03', current: false });
    expect(one('Since May 2021')).to.deep.equal({ start: '2021-05', end: null, current: true });
    expect(one('2020.01 – 2020.12')).to.deep.equal({ start: '2020-01', end: '2020-12', current: false });
  });

  it('reads dates written with their day, by their month', () => {
    expect(one('2020-01-15 – 2022-06-30')).to.deep.equal({ start: '2020-01', end: '2022-06', current: false });
    expect(one('15/03/2016 – 31/12/2019')).to.deep.equal({ start: '2016-03', end: '2019-12', current: false });
    // Month first when the first number cannot be the day-first reading's month.
    expect(one('03/15/2016 - 12/31/2019')).to.deep.equal({ start: '2016-03', end: '2019-12', current: false });
    expect(one('15 March 2016 – 31 December 2019')).to.deep.equal({ start: '2016-03', end: '2019-12', current: false });
    expect(one('March 15, 2016 to December 31, 2019')).to.deep.equal({ start: '2016-03', end: '2019-12', current: false });
    expect(one('1st May 2021 – now')).to.deep.equal({ start: '2021-05', end: null, current: true });
  });

  it('ignores numbers that are not date ranges, and ranges that run backwards', () => {
    expect(findDateRanges('Served 2,000 users; cut costs 35%; +1 (415) 555-0134')).to.deep.equal([]);
    expect(findDateRanges('2021 – 2019')).to.deep.equal([]);
    expect(findDateRanges('Marketing 2020 plan')).to.deep.equal([]);
  });

  it('finds several ranges in one line, in order', () => {
    expect(findDateRanges('2015 – 2016 and Jan 2018 – Mar 2019').map((r) => r.start)).to.deep.equal(['2015-01', '2018-01']);
  });
});

describe('years of experience', () => {
  it('counts both end months and merges overlapping periods', () => {
    expect(monthsOfExperience([{ startDate: '2020-01', endDate: '2020-12', current: false }], AS_OF)).to.equal(12);
    expect(monthsOfExperience([
      { startDate: '2018-01', endDate: '2019-12', current: false },
      { startDate: '2019-06', endDate: '2020-06', current: false },
      { startDate: '2019-01', endDate: '2019-03', current: false },
    ], AS_OF)).to.equal(30);
  });

  it('runs current roles to the "as of" month and cuts periods after it', () => {
    expect(monthsOfExperience([{ startDate: '2025-01', endDate: null, current: true }], AS_OF)).to.equal(6);
    expect(monthsOfExperience([{ startDate: '2024-01', endDate: '2026-12', current: false }], AS_OF)).to.equal(18);
    expect(yearsOfExperience([{ startDate: '2021-01', endDate: null, current: true }], new Date('2026-06-15T00:00:00Z'))).to.equal(5.5);
  });

  it('skips periods without a start, or without an end that are not current; rounds to one decimal', () => {
    expect(yearsOfExperience([
      { startDate: null, endDate: '2020-01', current: false },
      { startDate: '2019-01', endDate: null, current: false },
      { startDate: '2017-03', endDate: '2020-12', current: false },
      { startDate: '2016-06', endDate: '2017-02', current: false },
    ], AS_OF)).to.equal(4.6);
    expect(yearsOfExperience([], AS_OF)).to.equal(0);
  });
});
