/** Small, dependency-free text tools for the offline providers. */

export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
    'there their they them he she we you i me my our your his her not no do does did done can could would should will shall ' +
    'may might must have has had having so such than then too very also just into out up down over under about which who ' +
    'whom whose what when where why how all any each both few more most other some own same only s t am let lets get gets got')
    .split(' '),
);

const WORD = /[a-z0-9]+/g;

/**
 * Complexity classes said in words, as their Big-O notation's words: "constant time" is what
 * "O(1)" says ("o", "1"), "linear time" "O(n)", "logarithmic" "O(log n)", "quadratic" "O(n^2)".
 */
const COMPLEXITY_IN_WORDS = /\b(constant|linear|logarithmic|quadratic)(?:[- ](?:time|complexity))?\b/g;
const BIG_O: Record<string, string> = { constant: 'o 1', linear: 'o n', logarithmic: 'o log n', quadratic: 'o n 2' };
/** Only "constant" or "linear" followed by "time" or "complexity" is one; "logarithmic" and "quadratic" are alone. */
const bigO = (phrase: string, word: string): string =>
  word === 'logarithmic' || word === 'quadratic' || phrase.length > word.length ? BIG_O[word]! : phrase;

/** Letters-and-digits words, lower-cased (complexity classes said in words as Big-O's, see COMPLEXITY_IN_WORDS). */
export const words = (text: string): string[] => {
  let lower = text.toLowerCase();
  if (lower.includes('constant') || lower.includes('linear') || lower.includes('logarithmic') || lower.includes('quadratic')) {
    lower = lower.replace(COMPLEXITY_IN_WORDS, bigO);
  }
  return lower.match(WORD) ?? [];
};

/** A name written as code: words joined by dots or underscores ("yaml.safe_load", "os.path", "Node.js"). */
const IDENTIFIER = /[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+/g;

/**
 * "Read" or "write" joined to another word by a hyphen: the name of a pattern or a mode ("read-through",
 * "write-behind", "read-only", "write-ahead log"), which says nothing of reading or writing itself.
 */
const READ_WRITE_COMPOUND = /\b(?:read|write)s?-[a-z]+/gi;

/**
 * The words of a text's prose (see `words`), names written as code left out: "safe" in
 * "yaml.safe_load" names a function, and says nothing about safety (see opposites.ts); nor do
 * "read" and "write" in a pattern's name (see READ_WRITE_COMPOUND).
 */
export const proseWords = (text: string): string[] => {
  let prose = text.includes('.') || text.includes('_') ? text.replace(IDENTIFIER, ' ') : text;
  if (prose.includes('-')) prose = prose.replace(READ_WRITE_COMPOUND, ' ');
  return words(prose);
};

/**
 * Content tokens: stop words removed, each cut to its first five letters — a crude but robust
 * stemmer ("synchronisation", "synchronize" and "synchronous" meet at "synch").
 */
export const STEM_LENGTH = 5;
export const contentTokens = (text: string): string[] => contentTokensOf(words(text));

/** contentTokens of text already split by `words` (for callers that need the words too). */
export function contentTokensOf(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of ws) if (!STOP_WORDS.has(w)) out.push(w.length > STEM_LENGTH ? w.slice(0, STEM_LENGTH) : w);
  return out;
}

export interface Sentence {
  text: string;
  start: number;
}

const isTerminator = (c: string) => c === '.' || c === '!' || c === '?' || c === ';';
const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v';

/** Abbreviations whose dot never ends a sentence ("eager loading, e.g. select_related"), as the text before the dot ends. */
const ABBREVIATION = /(?:^|[^a-z])(?:e\.g|i\.e|vs|cf|approx|incl|esp|resp|viz)$/i;
/** "etc." ends a sentence only before a capital letter: "lists, sets, etc. Then …". */
const ETC = /(?:^|[^a-z])etc$/i;

/** Whether the dot at `dot` ends an abbreviation rather than a sentence. */
function abbreviationEndsAt(text: string, dot: number): boolean {
  const before = text.slice(Math.max(0, dot - 8), dot);
  if (ABBREVIATION.test(before)) return true;
  if (!ETC.test(before)) return false;
  const next = /\S/.exec(text.slice(dot + 1));
  return next !== null && next[0] !== next[0].toUpperCase();
}

/**
 * Sentences (or lines) with their offsets, so quotes can be exact substrings of the original. A
 * sentence ends at a line break, or at `.`, `!`, `?` or `;` (a run of them) followed by a space or the
 * end of the text: the dots inside `Node.js`, `console.log` or `3.5` do not end one, nor does the one
 * of an abbreviation ("e.g.", "i.e.", "vs."), nor an ellipsis with a space before it ("SELECT ... FOR UPDATE").
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const trimmed = raw.trim();
    if (trimmed.length > 0) out.push({ text: trimmed, start: from + (raw.length - raw.trimStart().length) });
  };
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(from, i);
      from = i + 1;
    } else if (isTerminator(c)) {
      let end = i + 1;
      while (end < text.length && isTerminator(text[end]!)) end++;
      // An ellipsis set apart by spaces elides words mid-sentence ("SELECT ... FOR UPDATE"); one after a word may end it.
      const elision = c === '.' && end - i >= 3 && i > 0 && isSpace(text[i - 1]);
      if (isSpace(text[end]) && !elision && !(c === '.' && end === i + 1 && abbreviationEndsAt(text, i))) {
        push(from, end);
        from = end;
      }
      i = end - 1;
    }
  }
  push(from, text.length);
  return out;
}

export type Trigrams = Map<string, number>;

export function charTrigrams(text: string): Trigrams {
  const t = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
  const grams: Trigrams = new Map();
  for (let i = 0; i + 3 <= t.length; i++) {
    const g = t.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

export function cosine(a: Trigrams, b: Trigrams): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/*
 * The same trigram counts as charTrigrams, for the hot path: charTrigrams sees
 * ` ${words.join(' ')} ` (its normalisation keeps exactly the characters `words` keeps), so the
 * trigrams can be read off the words, each one coded as a number (space 0, a–z 1–26, 0–9 27–36,
 * base 37) instead of a three-character string. Counts and their products are integers, so the
 * cosine below adds up exactly what `cosine(charTrigrams(a), charTrigrams(b))` adds up, in any order.
 */
const SYMBOLS = 37;
const CODES = SYMBOLS * SYMBOLS * SYMBOLS;
const A = 97;
const ZERO = 48;
const symbolOf = (c: number): number => (c >= A ? c - A + 1 : c - ZERO + 27);

/** The trigram counts of a text (of its words), for cosines against many other texts. */
export interface TrigramProfile {
  readonly codes: Uint16Array;
  readonly counts: Uint32Array;
  /** The sum of the squared counts. */
  readonly sumOfSquares: number;
}

/**
 * One dense counting table (200 kB), reused: every call below clears it, fills it, reads it and
 * clears it again before returning, so nothing carries from one call to the next (the functions
 * stay pure; nothing here is async).
 */
let table: Uint32Array | undefined;
const touched: number[] = [];

function countTrigrams(ws: readonly string[]): Uint32Array {
  const counts = (table ??= new Uint32Array(CODES));
  clearCounts(counts);
  // ` ${ws.join(' ')} `: a space, the words separated by single spaces, a space. The first
  // trigram ends on the second symbol after the leading space.
  let p2 = -1;
  let p1 = 0;
  const count = (s: number) => {
    if (p2 >= 0) {
      const code = (p2 * SYMBOLS + p1) * SYMBOLS + s;
      if (counts[code]++ === 0) touched.push(code);
    }
    p2 = p1;
    p1 = s;
  };
  for (let i = 0; i < ws.length; i++) {
    if (i > 0) count(0);
    const w = ws[i]!;
    for (let j = 0; j < w.length; j++) count(symbolOf(w.charCodeAt(j)));
  }
  count(0);
  return counts;
}

function clearCounts(counts: Uint32Array): void {
  for (const code of touched) counts[code] = 0;
  touched.length = 0;
}

/** The trigram profile of `words(text)`: the counts of charTrigrams(text). */
export function trigramProfile(ws: readonly string[]): TrigramProfile {
  const counts = countTrigrams(ws);
  const codes = Uint16Array.from(touched);
  const kept = new Uint32Array(codes.length);
  let sumOfSquares = 0;
  for (let i = 0; i < codes.length; i++) {
    const v = counts[codes[i]!]!;
    kept[i] = v;
    sumOfSquares += v * v;
  }
  clearCounts(counts);
  return { codes, counts: kept, sumOfSquares };
}

/** Equals cosine(charTrigrams(text), reference's charTrigrams) for ws = words(text). */
export function trigramCosine(ws: readonly string[], reference: TrigramProfile): number {
  const counts = countTrigrams(ws);
  let na = 0;
  for (const code of touched) {
    const v = counts[code]!;
    na += v * v;
  }
  let dot = 0;
  const { codes, counts: referenceCounts } = reference;
  for (let i = 0; i < codes.length; i++) {
    const v = counts[codes[i]!]!;
    if (v) dot += v * referenceCounts[i]!;
  }
  clearCounts(counts);
  const nb = reference.sumOfSquares;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Whether `tokens` hold `t` in some form: the same stem, or, both of four letters or more, one
 * starting with the other (keep, keeps; task, tasks), which the five-letter stems miss.
 */
export function hasForm(tokens: Iterable<string> & { has(t: string): boolean }, t: string): boolean {
  if (tokens.has(t)) return true;
  if (t.length < 4) return false;
  for (const a of tokens) if (a.length >= 4 && (a.startsWith(t) || t.startsWith(a))) return true;
  return false;
}
