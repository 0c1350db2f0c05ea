/**
 * A set of patterns tested as one, case-insensitively, fast on long texts. Most of the grader's
 * patterns open with a word boundary and a literal word, or a group of literal words
 * (`/\b(give|award)\b…/i`); one alternation of them all makes the regex engine try every
 * alternative at every position of the text. Here each such pattern is tried only where a run of
 * word characters (`[A-Za-z0-9_]`, what `\b` reads) starts with one of its opening words, in any
 * case; a pattern with no opening word to read from its source (`/^\W*#{2,}…/`, `/<\|…/`) is
 * tried as before. The answer is the same as that of the single alternation (`/(?:…)|(?:…)/i`):
 * a match of such a pattern can only start where one of its opening words does.
 */
export class WordLedPatterns {
  /**
   * The opening words, each with the patterns it opens (as one sticky alternation), by their first two
   * characters lower-cased (`first * 128 + second`; a one-character word at `first * 128`).
   */
  private readonly byStart: Array<Opening[] | null> = new Array(128 * 128).fill(null);
  /** The patterns with no opening word, as one alternation tried everywhere; undefined when there are none. */
  private readonly elsewhere: RegExp | undefined;

  constructor(patterns: readonly RegExp[]) {
    const byOpening = new Map<string, { word: string; whole: boolean; sources: Set<string> }>();
    const elsewhere: string[] = [];
    for (const pattern of patterns) {
      if (!/^i?$/.test(pattern.flags)) throw new Error(`${pattern}: only the i flag is supported`);
      if (/\\[1-9]|\\k</.test(pattern.source)) throw new Error(`${pattern}: back-references cannot be combined`);
      const openings = openingWords(pattern.source);
      if (!openings) {
        elsewhere.push(pattern.source);
        continue;
      }
      for (const { word, whole } of openings) {
        const key = `${word}${whole ? '' : '…'}`;
        const opening = byOpening.get(key) ?? byOpening.set(key, { word, whole, sources: new Set() }).get(key)!;
        opening.sources.add(pattern.source);
      }
    }
    for (const { word, whole, sources } of byOpening.values()) {
      const start = word.charCodeAt(0) * 128 + (word.length > 1 ? word.charCodeAt(1) : 0);
      (this.byStart[start] ??= []).push({ word, whole, patterns: alternation([...sources], 'iy') });
    }
    this.elsewhere = elsewhere.length > 0 ? alternation(elsewhere, 'i') : undefined;
  }

  /** Whether any of the patterns matches somewhere in `text`. */
  test(text: string): boolean {
    let previousIsWord = false;
    for (let at = 0; at < text.length; at++) {
      const c = text.charCodeAt(at);
      const isWord = isWordChar(c);
      if (isWord && !previousIsWord) {
        // A word character is ASCII; what follows it may not be (or be past the end: NaN).
        const first = lower(c) * 128;
        const second = lower(text.charCodeAt(at + 1));
        if (second < 128 && this.matchesAt(text, at, this.byStart[first + second])) return true;
        if (this.matchesAt(text, at, this.byStart[first])) return true;
      }
      previousIsWord = isWord;
    }
    return this.elsewhere?.test(text) ?? false;
  }

  /** Whether a pattern opened by one of `openings` matches `text` at `at` (where a run of word characters starts). */
  private matchesAt(text: string, at: number, openings: Opening[] | null | undefined): boolean {
    if (!openings) return false;
    for (let i = 0; i < openings.length; i++) {
      const opening = openings[i]!;
      if (!startsWithFolded(text, at, opening.word)) continue;
      if (opening.whole && isWordChar(text.charCodeAt(at + opening.word.length))) continue;
      opening.patterns.lastIndex = at;
      if (opening.patterns.test(text)) return true;
    }
    return false;
  }
}

interface Opening {
  /** Lower case. */
  word: string;
  /** The run of word characters must end with the word. */
  whole: boolean;
  patterns: RegExp;
}

const alternation = (sources: readonly string[], flags: string) => new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags);

/** `\w` without the u flag: what `\b` tells apart. */
const isWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** ASCII upper case to lower (the i flag without u folds no other character onto an ASCII letter). */
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** Whether `text` has the lower-case `word` at `at`, in any case. */
function startsWithFolded(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) if (lower(text.charCodeAt(at + i)) !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * The words a match of a pattern must start with, lower-cased, when its source opens with `\b` and
 * then a literal word or a group of alternatives that each open with one: `\b(marks?|grade) …` →
 * mark, grade (a quantified last letter is left off). `whole`: the word must end there too (what
 * follows it in the pattern is `\b`, a space, `\s` or an apostrophe), as grade must, and mark need not.
 * Undefined when the source does not open so (the pattern is then tried everywhere).
 */
export function openingWords(source: string): Array<{ word: string; whole: boolean }> | undefined {
  if (!source.startsWith('\\b')) return undefined;
  const rest = source.slice(2);
  let alternatives: string[];
  let afterGroup = '';
  if (rest.startsWith('(')) {
    const open = rest.startsWith('(?:') ? 3 : rest.startsWith('(?') ? -1 : 1; // not a lookaround or a named group
    if (open < 0) return undefined;
    const group = split(rest.slice(open), true);
    if (!group) return undefined;
    afterGroup = rest.slice(open + group.end + 1);
    // An optional group (`(…)?`) or a bar after it (`\b(a)|b`) lets a match start elsewhere.
    if (/^[?*{]/.test(afterGroup) || split(afterGroup, false)!.alternatives.length > 1) return undefined;
    alternatives = group.alternatives;
  } else {
    if (split(rest, false)!.alternatives.length > 1) return undefined;
    alternatives = [rest];
  }
  const openings: Array<{ word: string; whole: boolean }> = [];
  for (const alternative of alternatives) {
    const literal = /^[A-Za-z0-9]+/.exec(alternative)?.[0] ?? '';
    const follows = alternative.slice(literal.length) || afterGroup;
    const quantified = /^[?*{]/.test(follows);
    const word = (quantified ? literal.slice(0, -1) : literal).toLowerCase();
    if (!word) return undefined;
    openings.push({ word, whole: !quantified && /^(?:\\b|\\s(?![*?{])| |'|’)/.test(follows) });
  }
  return openings;
}

/**
 * `body`'s alternatives at its top level. `inGroup`: body follows a group's opening parenthesis and
 * ends at its closing one (`end`, its index; undefined if there is none); otherwise all of it is read.
 */
function split(body: string, inGroup: boolean): { alternatives: string[]; end: number } | undefined {
  const alternatives: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // A character class: its brackets and bars are not the group's.
      for (i++; i < body.length && body[i] !== ']'; i++) if (body[i] === '\\') i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0 && inGroup) {
        alternatives.push(body.slice(start, i));
        return { alternatives, end: i };
      }
      depth--;
    } else if (c === '|' && depth === 0) {
      alternatives.push(body.slice(start, i));
      start = i + 1;
    }
  }
  if (inGroup) return undefined;
  alternatives.push(body.slice(start));
  return { alternatives, end: body.length };
}
