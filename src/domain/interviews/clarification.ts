/**
 * A candidate's message that asks about the question instead of answering it ("Sorry, could you
 * repeat the question?", "Can I have a hint?"). The original's interviewer prompt told the model
 * never to evaluate clarifying questions; graded as answers they would score near zero and mark the
 * skill's limit. Pure text rules, so every interviewer and grader behind the ports gets the same
 * treatment.
 */

/** Longer messages are answers, whatever they contain (the length is checked first: most answers end there, unread). */
const MAX_LENGTH = 300;
const MAX_WORDS = 25;

/**
 * How many requests about one question are answered without grading. The candidate has then heard it
 * this many times more; a further message about it is taken as the answer, so an interview cannot
 * stall on one question.
 */
export const CLARIFICATIONS_PER_QUESTION = 3;

/** What a request is for: the question again (or what it means), or a hint the assessment cannot give. */
export type ClarificationKind = 'repeat' | 'hint';

/**
 * Words that may follow "repeat", "one more time" and the like in a request, up to the end of its
 * clause ("repeat the question slowly, please"): anything else makes it a sentence about something
 * else ("can you repeat a GET safely?").
 */
const REQUEST_TAIL_WORDS: ReadonlySet<string> = new Set([
  'the', 'your', 'that', 'this', 'it', 'question', 'last', 'part', 'again', 'please', 'for', 'me', 'once', 'more', 'one',
  'time', 'slowly', 'what', 'you', 'said', 'just', 'previous', 'a', 'bit', 'little', 'differently', 'in', 'other', 'words',
  'another', 'way', 'so', 'i', 'can', 'understand', 'whole', 'first',
]);

/**
 * A verb or phrase that asks for the question again, followed only by request words to the end of
 * its clause; a clause ended by a colon introduces what the candidate says next ("one more time:
 * a GET is safe…" is an answer).
 */
const REPEAT_PHRASE = /\b(repeat|rephrase|reword|restate|one more time|once more)\b([^?.!,;:]*)([?.!,;:]|$)/g;
const asksToRepeat = (text: string): boolean => {
  for (const [, , tail, end] of text.matchAll(REPEAT_PHRASE)) {
    if (end !== ':' && tail!.split(' ').every((w) => w === '' || REQUEST_TAIL_WORDS.has(w))) return true;
  }
  return false;
};

/** "Repeat" in the languages a candidate may fall back to (German, Spanish, French, Italian, Dutch, Polish, Portuguese). */
const REPEAT_ELSEWHERE = /\b(wiederholen|noch ?einmal|repetir|repita|repite|r[eé]p[eé]t(er|ez)|ripet(ere|i|a)|herhalen|powt[oó]rz)/;

/** What a request for the question again, or for what it means, says. */
const ASKS_FOR_THE_QUESTION = [
  /\bsay (that |it )?again\b/,
  /\bcome again\b/,
  /^(sorry|pardon|what|huh|hmm+|eh|excuse me)( me)?\?$/,
  /\bclarify\b|\bclarification\b/,
  /\bwhat do you mean\b/,
  /\bwhat (is|was) the question\b/,
  /\b(don'?t|do not|didn'?t|did not) (understand|get|follow|catch|hear) (the|your|that) question\b/,
  /\b(didn'?t|did not|couldn'?t|could not) (catch|hear|understand) (that|it|this|you)\b/,
  /\bexplain (the|your|that) question\b/,
  /\bnot sure what you('re| are) asking\b/,
  REPEAT_ELSEWHERE,
];

/** What a request for a hint says. */
const ASKS_FOR_A_HINT = [/\b(a|any|some|small|little) hints?\b|^hints?\b/, /\bhelp me (out|with (it|this|that))\b/];

/** How such a request is put when it does not end with a question mark. */
const REQUEST_OPENING =
  /^((i'?m |i am )?sorry|pardon|excuse me|could you|can you|would you|could i|can i|may i|please|i (don'?t|do not|didn'?t|did not|couldn'?t|could not) (understand|get|follow|catch|hear))\b/;

/** A message of one or two words that is nothing but the request ("repeat", "again please", "hint?"). */
const BARE_REQUEST = /^(please )?(repeat|again|say again|come again|pardon|sorry|hint|a hint)( please)?[?.!]*$/;

/**
 * What `text` asks for, when it is a request about the question rather than an answer: short,
 * saying so, and put as a request (a question mark, a request's opening, or the bare word).
 * "A GET can be repeated safely" is an answer.
 */
export function clarificationKind(text: string): ClarificationKind | undefined {
  const trimmed = text.trim();
  if (trimmed.length > MAX_LENGTH) return undefined;
  const normalised = trimmed.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  if (normalised === '') return undefined;
  if (normalised.split(' ').length > MAX_WORDS) return undefined;
  const put = BARE_REQUEST.test(normalised) || normalised.endsWith('?') || REQUEST_OPENING.test(normalised);
  if (!put) return undefined;
  if (ASKS_FOR_A_HINT.some((pattern) => pattern.test(normalised))) return 'hint';
  if (BARE_REQUEST.test(normalised) || asksToRepeat(normalised) || ASKS_FOR_THE_QUESTION.some((pattern) => pattern.test(normalised))) return 'repeat';
  return undefined;
}

const OPENINGS: Record<ClarificationKind, string> = {
  repeat: 'Of course. Here is the question again:',
  hint: "I can't give hints during the assessment, but an answer in your own words, or what you would check first, is welcome. Here is the question again:",
};

/** The interviewer's reply to a request about the question: the question again, word for word. */
export const restatedQuestion = (question: string, kind: ClarificationKind = 'repeat'): string => `${OPENINGS[kind]} ${question}`;
