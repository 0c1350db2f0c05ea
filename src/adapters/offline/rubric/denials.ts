/**
 * Denials of the reference that word overlap cannot see: the reference restated with a negation
 * added or said of another of the question's terms, and two terms' attributes traded. Lexical
 * overlap cannot tell "X is never Y" from "X is Y"; the polarity and subjects of restated clauses can.
 */
import { negationsIn } from '../text/signals.js';
import { contentTokens, type Sentence, sentences } from '../text/tokens.js';

/**
 * A clause of the answer restates a clause of the reference when they share at least `minShared`
 * content words, and `minShare` of the words of each; with a negation added ("is never" for "is"),
 * or said of another of the question's terms, it denies it (see contradictionShare). (Only added
 * negations: "omitting the base case" restates "the base case is not included" without one.)
 */
const RESTATEMENT = { minShared: 3, minShare: 0.8 } as const;

/** What the reference claims, clause by clause and of which of the question's terms (prepared once per question). */
export interface ReferenceClaims {
  /** The question's content tokens. */
  question: ReadonlySet<string>;
  /** The reference answer's clauses: their content tokens and how many negations each has (see contradictionShare). */
  statements: Statement[];
  /** The question's content tokens the reference answer also says: the terms it is about (list, tuple). */
  terms: Set<string>;
  /** The terms the reference says different things of: the subjects of its parts (see attributesOf). */
  subjects: Set<string>;
  /** Each word the reference says of one subject alone → those subjects ("mutable" → list, "immutable" → tuple). */
  attributes: Map<string, Set<string>>;
}

/**
 * The claims of a reference answer (`referenceText` is it with the key points, `referenceTokens`
 * that text's content tokens) about a question whose content tokens are `question`.
 */
export function referenceClaims(
  referenceAnswer: string, referenceText: string, referenceTokens: readonly string[], question: ReadonlySet<string>,
): ReferenceClaims {
  const terms = new Set(referenceTokens.filter((t) => question.has(t)));
  const { subjects, attributes } = attributesOf(referenceText, terms, question);
  return {
    question,
    statements: clausesOf(referenceAnswer).map((text) => {
      const tokens = contentTokens(text);
      return { tokens: new Set(tokens), termCounts: countsOf(tokens, terms), negations: negationsIn(text) };
    }),
    terms,
    subjects,
    attributes,
  };
}

/**
 * The share of the answer (its kept sentences, and each one's content tokens) that denies the
 * reference: its restatements contradicted (see contradictionShare) or its parts trading two
 * subjects' attributes (see swappedShare), whichever is more.
 */
export function deniedShare(kept: readonly Sentence[], sentenceTokens: readonly (readonly string[])[], claims: ReferenceClaims): number {
  const contradicted = contradictionShare(kept.map((k) => k.text), sentenceTokens, claims);
  // A trade needs two subjects named somewhere in the answer: most answers are read no further.
  return namesTwoSubjects(sentenceTokens, claims.subjects) ? Math.max(contradicted, swappedShare(kept, claims)) : contradicted;
}

/** Whether the tokens name at least two different subjects (see asTerm). */
function namesTwoSubjects(sentenceTokens: readonly (readonly string[])[], subjects: ReadonlySet<string>): boolean {
  if (subjects.size < 2) return false;
  let first: string | undefined;
  for (const tokens of sentenceTokens) {
    for (const t of tokens) {
      const subject = asTerm(t, subjects);
      if (subject === undefined || subject === first) continue;
      if (first !== undefined) return true;
      first = subject;
    }
  }
  return false;
}

/** A reference clause: its content tokens, how many times it says each of the question's terms, and how many negations it has. */
interface Statement {
  tokens: Set<string>;
  termCounts: Map<string, number>;
  negations: number;
}

/** How many times `tokens` say each of `terms`. */
function countsOf(tokens: readonly string[], terms: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) if (terms.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Where a sentence's clauses part: "X does this, while Y does that" states two things. */
const CLAUSE_BREAK = /,?\s+(?:while|whereas|but)\s+/i;

/** A text's sentences split into clauses. */
const clausesOf = (text: string): string[] =>
  sentences(text).flatMap((s) => s.text.split(CLAUSE_BREAK)).filter((c) => c.trim().length > 0);

/**
 * The share of the answer's restatements of the reference (see RESTATEMENT), clause by clause and
 * weighted by the words they share, that deny it: the answer's clause adds negations to the
 * reference clause it restates, or says it of another of the question's terms ("a tuple is mutable"
 * for "a list is mutable": a term the reference speaks of elsewhere in place of the clause's own).
 * Clauses that restate nothing do not count either way.
 */
function contradictionShare(texts: readonly string[], tokens: readonly (readonly string[])[], claims: ReferenceClaims): number {
  let restated = 0;
  let denied = 0;
  for (let i = 0; i < texts.length; i++) {
    // Most sentences are one clause: their tokens are at hand.
    const clauses = CLAUSE_BREAK.test(texts[i]!) ? texts[i]!.split(CLAUSE_BREAK) : [texts[i]!];
    for (const clause of clauses) {
      const clauseTokens = clauses.length === 1 ? tokens[i]! : contentTokens(clause);
      const own = new Set(clauseTokens);
      if (own.size < RESTATEMENT.minShared) continue;
      let best: { shared: number; statement: Statement } | undefined;
      for (const st of claims.statements) {
        let shared = 0;
        for (const t of st.tokens) if (own.has(t)) shared++;
        if (shared < RESTATEMENT.minShared || shared / st.tokens.size < RESTATEMENT.minShare || shared / own.size < RESTATEMENT.minShare) continue;
        if (!best || shared > best.shared) best = { shared, statement: st };
      }
      if (!best) continue;
      restated += best.shared;
      // Any added negation denies: "never fails to run" is no restatement of "runs" a grader can credit.
      if (negationsSaying(clause, best.statement) > best.statement.negations || tradesTerm(countsOf(clauseTokens, claims.terms), best.statement)) {
        denied += best.shared;
      }
    }
  }
  return restated === 0 ? 0 : denied / restated;
}

/** Where a sentence's parts each say one thing of one term: "a list is mutable and a tuple is immutable". */
const PART_BREAK = /[,;:]|\s(?:and|but|so|whereas)\s/i;

/** A token as one of `terms`, a plural's "s" dropped ("lists" for "list"); undefined when it is none. */
const asTerm = (t: string, terms: ReadonlySet<string>): string | undefined =>
  terms.has(t) ? t : t.length >= 4 && t.endsWith('s') && terms.has(t.slice(0, -1)) ? t.slice(0, -1) : undefined;

/**
 * The one subject a part's tokens speak of (none when they name no subject or several), and what
 * they say of it: its other words, the question's left out.
 */
function subjectOf(tokens: readonly string[], subjects: ReadonlySet<string>, terms: ReadonlySet<string>, question: ReadonlySet<string>) {
  let subject: string | undefined;
  const said: string[] = [];
  for (const t of tokens) {
    const s = asTerm(t, subjects);
    if (s !== undefined) {
      if (subject !== undefined && subject !== s) return undefined;
      subject = s;
    } else if (asTerm(t, terms) === undefined && !question.has(t)) {
      said.push(t);
    }
  }
  return subject === undefined ? undefined : { subject, said };
}

/**
 * What the reference says of each of the question's terms, part by part (see PART_BREAK): its
 * subjects are the terms some of its parts name and others do not (list and tuple, not "join" of
 * "INNER JOIN" and "LEFT JOIN"), and each word of a part naming one subject is said of that subject.
 * Negated parts say what a subject is not: left out.
 */
function attributesOf(referenceText: string, terms: ReadonlySet<string>, question: ReadonlySet<string>) {
  const parts = sentences(referenceText).flatMap((s) => s.text.split(PART_BREAK));
  const named = parts.map((text) => new Set(contentTokens(text).map((t) => asTerm(t, terms)).filter((t) => t !== undefined)))
    .filter((names) => names.size > 0);
  const subjects = new Set([...terms].filter((t) => !named.every((names) => names.has(t))));
  const attributes = new Map<string, Set<string>>();
  if (subjects.size < 2) return { subjects, attributes };
  for (const text of parts) {
    if (negationsIn(text) > 0) continue;
    const part = subjectOf(contentTokens(text), subjects, terms, question);
    if (!part) continue;
    for (const word of part.said) {
      let of = attributes.get(word);
      if (!of) attributes.set(word, (of = new Set()));
      of.add(part.subject);
    }
  }
  return { subjects, attributes };
}

/**
 * The share of the answer's parts that trade two subjects' attributes, among those that say of a
 * subject what the reference says of it: "a list is immutable and a tuple is mutable" says of each
 * what the reference says only of the other. A part counts as traded only when another part trades
 * back (one subject said with a word of another is often a remark in passing: "a function is part of
 * an object"), and only when it is mostly the other's words. Negated parts are left out: "a tuple
 * cannot change" may rightly deny it what belongs to a list.
 */
function swappedShare(kept: readonly Sentence[], claims: ReferenceClaims): number {
  if (claims.attributes.size === 0) return 0;
  let agreeing = 0;
  const traded: Array<{ subject: string; others: Set<string> }> = [];
  for (const sentence of kept) {
    for (const text of sentence.text.split(PART_BREAK)) {
      if (negationsIn(text) > 0) continue;
      const part = subjectOf(contentTokens(text), claims.subjects, claims.terms, claims.question);
      if (!part) continue;
      let own = 0;
      const others = new Set<string>();
      let other = 0;
      for (const word of part.said) {
        const of = claims.attributes.get(word);
        if (!of) continue;
        if (of.has(part.subject)) {
          own++;
        } else {
          other++;
          for (const s of of) others.add(s);
        }
      }
      if (other > own && 2 * other >= part.said.length) traded.push({ subject: part.subject, others });
      else if (own > other) agreeing++;
    }
  }
  const swapped = traded.filter((t) => traded.some((back) => t.others.has(back.subject) && back.others.has(t.subject))).length;
  return swapped === 0 ? 0 : swapped / (swapped + agreeing);
}

/**
 * The negations of a clause's parts (see PART_BREAK) that say the statement's words, half of their
 * own or more: a clause joining two of the reference's sentences with "and" keeps each one's
 * negation to itself ("…, using an accumulator and none of them mutate the original array" does
 * not deny the accumulator). A part without content words counts ("…, not after").
 */
function negationsSaying(clause: string, statement: Statement): number {
  let negations = 0;
  for (const part of clause.split(PART_BREAK)) {
    const n = negationsIn(part);
    if (n === 0) continue;
    const tokens = contentTokens(part);
    let shared = 0;
    for (const t of tokens) if (statement.tokens.has(t)) shared++;
    if (2 * shared >= tokens.length) negations += n;
  }
  return negations;
}

/**
 * Whether a clause restating `statement` says one of the question's terms fewer times than the
 * statement and another more: the one traded for the other ("an INNER JOIN returns every row from the
 * left table" for "a LEFT JOIN returns every row from the left table").
 */
function tradesTerm(clauseCounts: ReadonlyMap<string, number>, statement: Statement): boolean {
  let dropped = false;
  let added = false;
  for (const [t, n] of statement.termCounts) if ((clauseCounts.get(t) ?? 0) < n) dropped = true;
  for (const [t, n] of clauseCounts) if (n > (statement.termCounts.get(t) ?? 0)) added = true;
  return dropped && added;
}
