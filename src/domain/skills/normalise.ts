import { plainText } from '../shared/text.js';
import { lookupSkill, SKILL_SPELLINGS, type SkillCategory, type SkillSpelling } from './taxonomy.js';

const clean = (raw: string): string => plainText(raw).trim().toLowerCase().replace(/\s+/g, ' ');

/** The canonical name of a skill spelling; an unknown skill stays as its trimmed lower-case spelling. */
export const canonicalSkill = (raw: string): string => {
  const key = clean(raw);
  return lookupSkill(key)?.name ?? key;
};

/** Trimmed, lower-cased, aliases resolved ("JS" → "javascript", "k8s" → "kubernetes"), de-duplicated, sorted. */
export function normaliseSkills(raw: readonly string[]): string[] {
  const names = new Set<string>();
  for (const r of raw) {
    const name = canonicalSkill(r);
    if (name !== '') names.add(name);
  }
  return [...names].sort();
}

export interface SkillMatch {
  /** Canonical name. */
  name: string;
  category: SkillCategory;
  /** The text as written. */
  matched: string;
  /** Offset of the match in the searched text. */
  index: number;
}

export interface FindSkillsOptions {
  /**
   * The text is a skills section (or a list of skills): ambiguous spellings such as "Go", "R" or
   * "REST" are accepted anywhere in it, not only in list-shaped lines.
   */
  listContext?: boolean;
}

// Longest spellings first, so "react native" wins over "react" and "javascript" over "java".
const BY_FIRST_CHAR = (() => {
  const map = new Map<string, SkillSpelling[]>();
  for (const s of SKILL_SPELLINGS) {
    const list = map.get(s.spelling[0]!) ?? [];
    list.push(s);
    map.set(s.spelling[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.spelling.length - a.spelling.length);
  return map;
})();

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const isWord = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

/** Lower-cases one character at a time so offsets in the result are offsets in the original. */
const lowerSameLength = (text: string): string =>
  Array.from(text, (c) => {
    const l = c.toLowerCase();
    return l.length === c.length ? l : c;
  }).join('');

/** End of `spelling` matched at `at`, a space in the spelling matching any run of blanks on one line. */
function matchAt(lower: string, at: number, spelling: string): number {
  let i = at;
  for (let j = 0; j < spelling.length; j++) {
    const want = spelling[j]!;
    if (want === ' ') {
      if (lower[i] !== ' ' && lower[i] !== '\t') return -1;
      while (lower[i] === ' ' || lower[i] === '\t') i++;
      continue;
    }
    if (lower[i] !== want) return -1;
    i++;
  }
  return i;
}

function boundaryBefore(text: string, at: number, short: boolean): boolean {
  const prev = text[at - 1];
  if (prev === undefined) return true;
  if (isWord(prev) || prev === '@') return false;
  return !(short && /[-.'’&/]/.test(prev) && !(prev === '/' && /[\s,(]|^$/.test(text[at - 2] ?? '')));
}

function boundaryAfter(text: string, end: number, short: boolean): boolean {
  const next = text[end];
  if (next === undefined) return true;
  if (isWord(next) || next === '+' || next === '#') return false;
  if (next === '.' && isWord(text[end + 1])) return false;
  return !(short && /[-'’&]/.test(next));
}

const LIST_SEPARATORS = /[,;|•·●▪■\t()[\]{}/]| - | – | — /;
const LABEL = /^[^:]{1,40}:\s*/;

/** The match sits in a list: "Python, Go, Rust", "Languages: Go", "(Go, gRPC)", a bullet holding one or two words. */
function inList(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEndAt === -1 ? text.length : lineEndAt);
  const s = start - lineStart;
  const e = end - lineStart;
  const bare = line.replace(/^[\s•*·●▪■>-]+/, '').trim();
  if (bare.split(/\s+/).length <= 2) return true;
  const label = LABEL.exec(line);
  const body = label && label[0].length <= s ? line.slice(label[0].length) : line;
  const offset = line.length - body.length;
  const separators = new RegExp(LIST_SEPARATORS.source, 'g');
  const segments: Array<[number, number]> = [];
  let from = 0;
  for (const m of body.matchAll(separators)) {
    segments.push([from, m.index]);
    from = m.index + m[0].length;
  }
  segments.push([from, body.length]);
  const listy = segments.filter(([a, b]) => body.slice(a, b).trim() !== '').length >= 2 || (label !== null && body !== line);
  if (!listy) return false;
  const own = segments.find(([a, b]) => a + offset <= s && e <= b + offset);
  if (!own) return false;
  const words = body.slice(own[0], own[1]).trim().split(/\s+/).filter(Boolean);
  return words.length <= 3;
}

function trusted(text: string, start: number, end: number, spelling: SkillSpelling, listContext: boolean): boolean {
  const written = text.slice(start, end);
  const single = spelling.spelling.length === 1;
  // A lone "c" or "r" in lower case is a letter, not a language.
  if (single && written === written.toLowerCase()) return false;
  switch (spelling.trust) {
    case 'always': return true;
    case 'cased': return written !== written.toLowerCase() || listContext || inList(text, start, end);
    case 'listed': return listContext || inList(text, start, end);
  }
}

/**
 * Taxonomy skills named in a text, each once, in order of first appearance. Matches respect word
 * boundaries and prefer the longest spelling; words that are also plain English ("go", "rest",
 * "make", lower-case "react") count only where the text lists skills (see SpellingTrust).
 */
export function findSkillsInText(text: string, options: FindSkillsOptions = {}): SkillMatch[] {
  const lower = lowerSameLength(text);
  const found = new Map<string, SkillMatch>();
  let i = 0;
  while (i < lower.length) {
    const candidates = isWord(lower[i - 1]) ? undefined : BY_FIRST_CHAR.get(lower[i]!);
    let next = i + 1;
    if (candidates) {
      for (const candidate of candidates) {
        const short = candidate.spelling.length <= 2;
        if (!boundaryBefore(lower, i, short)) continue;
        const end = matchAt(lower, i, candidate.spelling);
        if (end < 0 || !boundaryAfter(lower, end, short)) continue;
        if (!trusted(text, i, end, candidate, options.listContext === true)) continue;
        const name = candidate.skill.name;
        if (!found.has(name)) {
          found.set(name, { name, category: candidate.skill.category, matched: text.slice(i, end), index: i });
        }
        next = end;
        break;
      }
    }
    i = next;
  }
  return [...found.values()];
}
