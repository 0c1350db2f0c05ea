/**
 * How the denial checks (denials.ts, negated-claims.ts, side-trades.ts) cut a text into what it
 * claims: sentences into clauses, clauses into parts that each say one thing, and the polarity of
 * each.
 */
import { negationsIn } from '../text/signals.js';
import { sentences } from '../text/tokens.js';

/** A part that opens as a condition ("if …", "when …", "unless …"): what it negates is the case, not the claim. */
export const CONDITION = /^\W*(?:if|when|whenever|unless|otherwise|without)\b/i;

/**
 * A part that opens with its negation, saying no verb of its own ("not" needs one before it to
 * negate one): "…, not for CPU-heavy work", "but not across processes", "but not non-repeatable
 * reads"; "never" only before a preposition ("never in a loop"), as "never blocks" is a verb's. It
 * takes back what the part before it says, for another case (an exclusion): it does not deny what
 * the reference says of the words it shares.
 */
export const EXCLUSION = /^\W*(?:(?:but|and|or)\s+)?(?:not\b|never\s+(?:for|in|on|with|across|between|inside|within|during|at|to|by|from|over|under|outside)\b)/i;

/** Where a condition starts inside a part ("the else block runs only if …"). */
export const CONDITION_INSIDE = /\b(?:if|when|whenever|unless)\b/i;

/** Where a sentence's clauses part: "X does this, while Y does that" states two things. */
export const CLAUSE_BREAK = /,?\s+(?:while|whereas|but)\s+/i;

/** Where a sentence's clauses part, a semicolon included: "X does this; Y does that", "X …, while Y …". */
export const SEMICOLON_OR_CLAUSE_BREAK = /;|,?\s+(?:while|whereas|but)\s+/i;

/** Where a sentence's parts each say one thing of one term: "a list is mutable and a tuple is immutable". */
export const PART_BREAK = /[,;:]|\s(?:and|but|so|whereas)\s/i;

/** An aside in parentheses: "(the client isn't authenticated …)" is no part of what a part says of its subject. */
export const PARENTHETICAL = /\([^()]*\)/g;

/** A sentence's parts: its clauses (see CLAUSE_BREAK) split where each part says one thing (see PART_BREAK). */
export const partsOfSentence = (sentence: string): string[] =>
  sentence.split(CLAUSE_BREAK).flatMap((c) => c.split(PART_BREAK)).filter((p) => p.trim().length > 0);

/** A text's parts, sentence by sentence (see partsOfSentence). */
export const partsOf = (text: string): string[] => sentences(text).flatMap((s) => partsOfSentence(s.text));

/**
 * Whether a part negates what it says of its subject: a negation in the condition it ends with
 * ("the else block runs only if no exception happened") is the condition's, not the claim's.
 */
export const negatesItsClaim = (text: string): boolean => negationsIn(claimOf(text)) > 0;

/** A part's claim: the part without the condition it ends with, if any (see negatesItsClaim). */
export const claimOf = (text: string): string => text.split(CONDITION_INSIDE)[0]!;

/** A token as one of `terms`, a plural's "s" dropped ("lists" for "list"); undefined when it is none. */
export const asTerm = (t: string, terms: ReadonlySet<string>): string | undefined =>
  terms.has(t) ? t : t.length >= 4 && t.endsWith('s') && terms.has(t.slice(0, -1)) ? t.slice(0, -1) : undefined;

/**
 * Verbs that take a thing away: they count as a negation when polarities are compared, so "no single
 * points of failure" restates "remove single points of failure", and "does not remove them" denies it.
 */
const TAKING_AWAY = new Set(['without', 'avoid', 'avoids', 'avoided', 'avoiding', 'lack', 'lacks', 'lacking', 'remove', 'removes', 'removed',
  'removing', 'eliminate', 'eliminates', 'eliminated', 'eliminating']);

/** Words in "-less" that say no absence of their stem (see lacks). */
const NOT_LACKING = new Set(['regardless', 'nevertheless', 'nonetheless', 'doubtless', 'countless']);

/** Whether a word says its stem is absent: "connectionless" says "no connection", "stateless" "no state" ("unless" does not). */
const lacks = (w: string): boolean => w.length >= 8 && w.endsWith('less') && !NOT_LACKING.has(w);

/** Verbs that end a thing when a verb in -ing follows: "stop accepting new connections" says what "no new connections are accepted" says. */
export const STOPPING: ReadonlySet<string> = new Set(['stop', 'stops', 'stopped', 'stopping', 'cease', 'ceases']);

/**
 * How many words of a text's words (see `words`) take a thing away (see TAKING_AWAY), "out of",
 * words in "-less" (see lacks) and "stop" before a verb in -ing (see STOPPING) included.
 */
export function absencesIn(ws: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < ws.length; i++) {
    if (TAKING_AWAY.has(ws[i]!) || (ws[i] === 'out' && ws[i + 1] === 'of') || lacks(ws[i]!) || (STOPPING.has(ws[i]!) && /ing$/.test(ws[i + 1] ?? ''))) n++;
  }
  return n;
}

/** A share of an answer's restatements that deny the reference, and its sentences (indices in the kept sentences) where they stand. */
export interface DeniedShare {
  share: number;
  sentences: ReadonlySet<number>;
}

export const NO_DENIAL: DeniedShare = { share: 0, sentences: new Set() };
