import type { YearMonth } from './parsed-resume.js';

/** A period of work as written on a resume, resolved to months. */
export interface DateRange {
  start: YearMonth | null;
  end: YearMonth | null;
  current: boolean;
  /** The matched text and where it starts in the searched string. */
  text: string;
  index: number;
}

const MONTH_NAMES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^jan/, 1], [/^feb/, 2], [/^mar/, 3], [/^apr/, 4], [/^may/, 5], [/^jun/, 6],
  [/^jul/, 7], [/^aug/, 8], [/^sep/, 9], [/^oct/, 10], [/^nov/, 11], [/^dec/, 12],
];
const SEASONS: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 1 };

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const SEASON = '(?:spring|summer|fall|autumn|winter)';
const YEAR = '(?:19[5-9]\\d|20\\d\\d)';
const MM = '(?:0?[1-9]|1[0-2])';
const DD = '(?:0?[1-9]|[12]\\d|3[01])';
/** A date with its day, which only its month matters for: "2020-01-15", "15/03/2016", "15 March 2016", "March 15, 2016". */
const DAY_DATE =
  `${YEAR}[-/.]${MM}[-/.]${DD}(?![\\d])|${DD}[-/.]${DD}[-/.]${YEAR}|${DD}(?:st|nd|rd|th)?\\s+${MONTH}[\\s,]*${YEAR}|${MONTH}\\s+${DD}(?:st|nd|rd|th)?,?\\s+${YEAR}`;
const DATE =
  `(?:${DAY_DATE}|(?:${MONTH}|${SEASON})[\\s,]*(?:${YEAR}|['’]\\d\\d)|${YEAR}[-/.]${MM}(?![\\d])|${MM}[-/.]${YEAR}|${YEAR})`;
const PRESENT = '(?:present|current(?:ly)?|now|today|ongoing|to date)';
const SEP = '\\s*(?:-{1,2}|–|—|−|~|→|to|until|till|through|thru)\\s*';

const RANGE = new RegExp(`(?<![\\w/.-])(${DATE})${SEP}(${DATE}|${PRESENT})(?![\\w/])`, 'gi');
const SINCE = new RegExp(`\\b(?:since|from)\\s+(${DATE})(?![\\w/])`, 'gi');
const OPEN = new RegExp(`(?<![\\w/.-])(${DATE})\\s*(?:-|–|—)\\s*(?:$|\\||,)`, 'gi');
const PRESENT_ONLY = new RegExp(`^${PRESENT}$`, 'i');

interface Written {
  year: number;
  /** Null when only the year is written. */
  month: number | null;
}

function readDate(raw: string): Written | undefined {
  const text = raw.trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.]\d{1,2}$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) {
    // Day first ("15/03/2016"), unless the second number cannot be a month ("03/15/2016").
    const [first, second] = [Number(m[1]), Number(m[2])];
    return { year: Number(m[3]), month: second > 12 ? first : second };
  }
  m = /^\d{1,2}(?:st|nd|rd|th)?\s+([a-z]+)\.?[\s,]*(\d{4})$/.exec(text) ?? /^([a-z]+)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTH_NAMES.find(([re]) => re.test(m![1]!))?.[1];
    return month ? { year: Number(m[2]), month } : undefined;
  }
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return { year: Number(m[2]), month: Number(m[1]) };
  m = /^(\d{4})$/.exec(text);
  if (m) return { year: Number(m[1]), month: null };
  m = /^([a-z]+)\.?[\s,]*(?:(\d{4})|['’](\d\d))$/.exec(text);
  if (!m) return undefined;
  const word = m[1]!;
  const year = m[2] ? Number(m[2]) : 2000 + Number(m[3]) - (Number(m[3]) > 50 ? 100 : 0);
  const season = SEASONS[word];
  if (season) return { year, month: season };
  const month = MONTH_NAMES.find(([re]) => re.test(word))?.[1];
  return month ? { year, month } : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const yearMonth = (year: number, month: number): YearMonth => `${year}-${pad(month)}`;
export const toYearMonth = (date: Date): YearMonth => yearMonth(date.getUTCFullYear(), date.getUTCMonth() + 1);

/** A bare year opens in January and closes in December ("2017 – 2019" is three calendar years). */
const asStart = (d: Written) => yearMonth(d.year, d.month ?? 1);
const asEnd = (d: Written) => yearMonth(d.year, d.month ?? 12);

/**
 * Every date range in a string: "Jan 2020 – Present", "2019-03 to 2021-06", "03/2018 - 12/2019",
 * "2017 – 2019", "Sept. '19 – now", and open forms "since May 2021" / "May 2021 –" (current).
 */
export function findDateRanges(text: string): DateRange[] {
  const out: DateRange[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  for (const m of text.matchAll(RANGE)) {
    const start = readDate(m[1]!);
    if (!start) continue;
    const endRaw = m[2]!;
    const current = PRESENT_ONLY.test(endRaw.trim());
    const end = current ? undefined : readDate(endRaw);
    if (!current && !end) continue;
    const range: DateRange = {
      start: asStart(start), end: end ? asEnd(end) : null, current, text: m[0], index: m.index,
    };
    if (range.end && range.start! > range.end) continue;
    out.push(range);
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const re of [SINCE, OPEN]) {
    for (const m of text.matchAll(re)) {
      if (overlaps(m.index, m.index + m[0].length)) continue;
      const start = readDate(m[1]!);
      if (!start) continue;
      out.push({ start: asStart(start), end: null, current: true, text: m[0].replace(/[|,]$/, '').trim(), index: m.index });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A lone year ("2016", "Class of 2016") or month-year in a string: the latest one, for graduation years. */
export function latestYearIn(text: string): number | null {
  const years = [...text.matchAll(new RegExp(`(?<!\\d)${YEAR}(?!\\d)`, 'g'))].map((m) => Number(m[0]));
  return years.length > 0 ? Math.max(...years) : null;
}

const monthIndex = (ym: YearMonth): number => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};

export interface Period {
  startDate: YearMonth | null;
  endDate: YearMonth | null;
  current: boolean;
}

/**
 * Months worked, counting both end months ("Jan 2020 – Dec 2020" is 12) and every month once when
 * periods overlap. Current periods run to the "as of" month; anything after it is cut off; a period
 * without a start date, or without an end that is not current, is not counted.
 */
export function monthsOfExperience(periods: readonly Period[], asOf: Date): number {
  const cap = monthIndex(toYearMonth(asOf));
  const spans: Array<[number, number]> = [];
  for (const p of periods) {
    if (!p.startDate) continue;
    const end = p.current ? cap : p.endDate ? monthIndex(p.endDate) : undefined;
    if (end === undefined) continue;
    const s = monthIndex(p.startDate);
    const e = Math.min(end, cap);
    if (s <= e) spans.push([s, e]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | undefined;
  for (const span of spans) {
    if (current && span[0] <= current[1] + 1) {
      current[1] = Math.max(current[1], span[1]);
    } else {
      if (current) total += current[1] - current[0] + 1;
      current = [span[0], span[1]];
    }
  }
  if (current) total += current[1] - current[0] + 1;
  return total;
}

/** Years of experience to one decimal, overlaps merged (see monthsOfExperience). */
export const yearsOfExperience = (periods: readonly Period[], asOf: Date): number =>
  Math.round((monthsOfExperience(periods, asOf) / 12) * 10) / 10;
