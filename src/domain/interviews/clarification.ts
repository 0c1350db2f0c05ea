/**
 * A candidate's message that asks about the question instead of answering it ("Sorry, could you
 * repeat the question?"). The original's interviewer prompt told the model never to evaluate
 * clarifying questions; graded as answers they would score near zero and mark the skill's limit.
 * Pure text rules, so every interviewer and grader behind the ports gets the same treatment.
 */

/** Longer messages are answers, whatever they contain (the length is checked first: most answers end there, unread). */
const MAX_LENGTH = 300;
const MAX_WORDS = 25;

/** What a request about the question says. */
const ASKS_ABOUT_THE_QUESTION = [
  /\b(repeat|rephrase|reword|restate)\b/,
  /\bsay (that|it) again\b/,
  /\bcome again\b/,
  /^(sorry|pardon)( me)?\?$/,
  /\bclarify\b|\bclarification\b/,
  /\bwhat do you mean\b/,
  /\bwhat (is|was) the question\b/,
  /\b(don'?t|do not|didn'?t|did not) (understand|get|follow|catch|hear) (the|your|that) question\b/,
  /\bexplain (the|your|that) question\b/,
  /\bnot sure what you('re| are) asking\b/,
];

/** How such a request is put when it does not end with a question mark. */
const REQUEST_OPENING = /^(sorry|pardon|excuse me|could you|can you|would you|please|i (don'?t|do not|didn'?t|did not) (understand|get|follow|catch|hear))\b/;

/**
 * Whether `text` asks for the question again or for what it means: short, saying so, and put as a
 * question (a question mark, or a request's opening). "A GET can be repeated safely" is an answer.
 */
export function isClarificationRequest(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > MAX_LENGTH) return false;
  const normalised = trimmed.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  if (normalised === '') return false;
  if (normalised.split(' ').length > MAX_WORDS) return false;
  if (!ASKS_ABOUT_THE_QUESTION.some((pattern) => pattern.test(normalised))) return false;
  return normalised.endsWith('?') || REQUEST_OPENING.test(normalised);
}

/** The interviewer's reply to a clarification request: the question again, word for word. */
export const restatedQuestion = (question: string): string => `Of course. Here is the question again: ${question}`;
