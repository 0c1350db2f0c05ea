/** Small, dependency-free text tools for the offline providers. */

export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
    'there their they them he she we you i me my our your his her not no do does did done can could would should will shall ' +
    'may might must have has had having so such than then too very also just into out up down over under about which who ' +
    'whom whose what when where why how all any each both few more most other some own same only s t am let lets get gets got')
    .split(' '),
);

/** Letters-and-digits words, lower-cased. */
export const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/**
 * Content tokens: stop words removed, each cut to its first five letters — a crude but robust
 * stemmer ("synchronisation", "synchronize" and "synchronous" meet at "synch").
 */
export const STEM_LENGTH = 5;
export const contentTokens = (text: string): string[] =>
  words(text).filter((w) => !STOP_WORDS.has(w)).map((w) => w.slice(0, STEM_LENGTH));

export interface Sentence {
  text: string;
  start: number;
}

/** Sentences (or lines) with their offsets, so quotes can be exact substrings of the original. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?\n;]+[.!?;]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) out.push({ text: trimmed, start: m.index + lead });
  }
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

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
