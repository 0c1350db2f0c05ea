import { STOP_WORDS, words } from './tokens.js';

const HEDGES = [
  'i think', 'i guess', 'maybe', 'perhaps', 'not sure', "i'm not sure", 'i am not sure', 'probably', 'i believe',
  'kind of', 'sort of', 'i don\'t know', 'i dont know', 'no idea', 'might be', 'could be', 'not really', 'um', 'uh', 'hmm',
];

/** Hedges and hesitation markers present in an answer, in the order of the list above. */
export function hesitationsIn(answer: string): string[] {
  const text = ` ${answer.toLowerCase().replace(/[^a-z'\s]/g, ' ').replace(/\s+/g, ' ')} `;
  return HEDGES.filter((h) => text.includes(` ${h} `));
}

/** Sentences that talk to the grader instead of answering: never scored, always flagged. */
const INJECTION = [
  /\b(ignore|disregard|forget|override)\b[^.!?\n]{0,60}\b(instruction|rubric|prompt|rules?|guidelines|above|previous|criteria)/i,
  /\b(give|award|assign|grant|rate|score)\b[^.!?\n]{0,40}\b(100|full (marks|score|points)|maximum|perfect|top (marks|score)|10\s*\/\s*10|5\s*\/\s*5|a\+)/i,
  /\b(as|you are) (the|an?) (grader|evaluator|examiner|assistant|ai|language model)\b/i,
  /\b(system prompt|developer message|jailbreak|new instructions?)\b/i,
  /\byou (must|should|will) (mark|grade|score|rate)\b/i,
  /\bthis answer (is|deserves) (perfect|correct|full marks|100)/i,
];

export const isInjection = (sentence: string): boolean => INJECTION.some((re) => re.test(sentence));

const VOWELS = /[aeiouy]/;

/**
 * Words no English speaker would write: no vowel in a long word, four consonants in a row at
 * both ends, or one letter repeated. A share above half marks the answer as gibberish.
 */
export function gibberishShare(answer: string): number {
  const ws = words(answer).filter((w) => /^[a-z]+$/.test(w) && w.length >= 3);
  if (ws.length === 0) return 0;
  const odd = ws.filter(
    (w) => (w.length >= 4 && !VOWELS.test(w)) || /[^aeiouy]{5,}/.test(w) || /(.)\1\1/.test(w) || /^[^aeiouy]{4}/.test(w),
  );
  return odd.length / ws.length;
}

/** Share of stop words: normal prose sits around 0.3–0.5; a bare keyword list near 0. */
export function functionWordShare(answer: string): number {
  const ws = words(answer);
  return ws.length === 0 ? 0 : ws.filter((w) => STOP_WORDS.has(w)).length / ws.length;
}

/** Phrases that explain rather than name: reasons, consequences, examples, trade-offs. */
const EXPLAINING = [
  'because', 'so that', 'therefore', 'which means', 'for example', 'for instance', 'e.g', 'such as', 'however',
  'trade-off', 'tradeoff', 'whereas', 'instead', 'unless', 'otherwise', 'in contrast', 'as a result', 'this means',
  'the reason', 'to avoid', 'to prevent', 'when', 'while', 'since',
];

export function explanationMarkers(answer: string): number {
  const text = ` ${answer.toLowerCase()} `;
  return EXPLAINING.filter((p) => text.includes(` ${p}`)).length;
}
