/**
 * Denials of the reference that word overlap cannot see: the reference restated with a negation
 * added or said of another of the question's terms, and two terms' attributes traded. Lexical
 * overlap cannot tell "X is never Y" from "X is Y"; the polarity and subjects of restated clauses can.
 */
import { oppositesBetween, senseGroupOf, senseGroupsOf } from '../text/opposites.js';
import { negationsIn } from '../text/signals.js';
import { contentTokens, contentTokensOf, proseWords, type Sentence, sentences, words } from '../text/tokens.js';
import {
  absencesIn, asTerm, CLAUSE_BREAK, CONDITION, type DeniedShare, EXCLUSION, negatesItsClaim, NO_DENIAL, PARENTHETICAL, PART_BREAK, partsOf,
  partsOfSentence, SEMICOLON_OR_CLAUSE_BREAK,
} from './clauses.js';
import { markedTermsOf } from './marked-terms.js';
import { deniedClaims, type NegatableClause, negatableClausesOf } from './negated-claims.js';
import { namesSide, type SideAttributes, sideAttributesOf, sideOfPart, sidesOf, sideTradeShare } from './side-trades.js';

/**
 * A clause of the answer restates a clause of the reference when they share at least `minShared`
 * content words, and `minShare` of the words of each; with a negation added ("is never" for "is"),
 * or said of another of the question's terms, it denies it (see contradictionShare). (Only added
 * negations: "omitting the base case" restates "the base case is not included" without one.)
 */
const RESTATEMENT = { minShared: 3, minShare: 0.8 } as const;

/**
 * A part of the answer (see PART_BREAK) that says a word of opposite sense where a part of the
 * reference has its counterpart (see opposites.ts: "lets" for "prevents", "in order" kept) restates
 * that part with less of its wording: `minShared` words besides the opposites, and with them
 * `minShare` of the part's words and `minReferenceShare` of the reference part's.
 */
const OPPOSED_PART = { minShared: 2, minShare: 0.6, minReferenceShare: 0.5 } as const;

/**
 * A part of the answer with more negations than a part of the reference restates that part with
 * less of its wording than RESTATEMENT asks: `minShared` words, `minShare` of its own words and
 * `minReferenceShare` of the reference part's ("deferred calls do not run if the function panics"
 * for "defer schedules a function call to run … including during a panic"). Fewer than its own
 * `minShare` reads as a claim about something else ("an index does not speed up writes" beside
 * "an index speeds up reads").
 */
const NEGATED_PART = { minShared: 3, minShare: 0.8, minReferenceShare: 0.4 } as const;

/**
 * A part of the answer whose content words are exactly a reference part's, `minShared` of them or
 * more, restates it however short: "it is not enforced by the browser" for "it is enforced by the
 * browser" (two words, fewer than RESTATEMENT asks) turns the claim round with one negation.
 */
const EXACT_PART = { minShared: 2 } as const;

/** What the reference claims, clause by clause and of which of the question's terms (prepared once per question). */
export interface ReferenceClaims {
  /** The question's content tokens. */
  question: ReadonlySet<string>;
  /** The reference answer's clauses: their content tokens and how many negations each has (see contradictionShare). */
  statements: Statement[];
  /** The question's content tokens the reference answer also says: the terms it is about (list, tuple). */
  terms: Set<string>;
  /** The terms a restatement can say one of in place of another (see tradesTerm): `terms` but those the question asks for by kind (see askedFor). */
  tradable: Set<string>;
  /** The terms the reference says different things of: the subjects of its parts (see attributesOf). */
  subjects: Set<string>;
  /** Each word the reference says of one subject alone → those subjects ("mutable" → list, "immutable" → tuple). */
  attributes: Map<string, Set<string>>;
  /** The reference answer's parts (see PART_BREAK) and conditional claims (see claimPartsOf), for polarity part by part (see opposedShare). */
  parts: Part[];
  /**
   * When the question sets side by side terms with no content word ("is and =="): how an answer's
   * text is read here, with them spelled as words (see marked-terms.ts), as the claims above were.
   */
  rewrite?: (text: string) => string;
  /** The reference's clauses as a negated claim is read against them (see negated-claims.ts). */
  negatable: NegatableClause[];
  /** What the reference says of each of the two sides the question sets apart, if it does (see side-trades.ts). */
  sides?: SideAttributes;
  /** The two sides the question sets apart, if it does (see sidesOf): the side a part speaks of is read by them. */
  setApart?: SideAttributes['sides'];
  /**
   * The opposite-sense groups the reference says both sides of in one clause ("run after the current
   * operation, before the loop moves on"): there neither side is an opposite of the other (see opposedShare).
   */
  twoWays: Set<number>;
}

/** A part of a sentence: its content tokens, negations and opposite-sense groups (see opposites.ts). */
interface Part {
  tokens: Set<string>;
  negations: number;
  senses: Set<number>;
  /** The side of the question it speaks of, when the question sets two apart: named first in it, or in its sentence's part before (see sideOfPart). */
  side?: 0 | 1;
  /** Its first word after a conjunction: a reference part opening with a verb ("use parameterised queries") recommends doing it (see advisedAgainst). */
  lead?: string;
  /** The equality operators it writes ("==", "==="), which `words` drops: see EQUALITY. */
  operators?: Set<string>;
}

/**
 * Equality operators written in code. `words` keeps none of them, so "null === undefined is false"
 * would read as "null undefined is false", the opposite of "null == undefined is true": a part
 * writing one operator restates no reference part writing only others.
 */
const EQUALITY = /!==|===|!=|==/g;

/** Whether two parts write different equality operators, none in common (see EQUALITY). */
const otherOperators = (a: Part, b: Part): boolean =>
  a.operators !== undefined && b.operators !== undefined && ![...a.operators].some((o) => b.operators!.has(o));

/**
 * "Need to" said as a modal, as "must" is (a stop word): "equal objects do not need to have the same
 * hash code" restates "they must return the same hash code" with a negation added.
 */
const MODAL_NEED = new Set(['need', 'needs', 'needed']);

/** A part with a negation or a word of a listed pair: only such a part can flip what it restates. */
const isPolar = (p: Part): boolean => p.negations > 0 || p.senses.size > 0;

function partOf(text: string, sides?: SideAttributes['sides']): Part {
  const ws = words(text);
  const tokens = new Set(contentTokensOf(ws.filter((w) => !MODAL_NEED.has(w))));
  // A side's name is the part's subject, not what it claims: "optimistic" names a side, and is no opposite of "pessimistic" (see withSides).
  const prose = sides ? proseWords(text).filter((w) => !namesSide(w, sides)) : proseWords(text);
  const lead = ws.find((w) => !LEADING_CONJUNCTION.has(w));
  const operators = text.includes('=') ? new Set(text.match(EQUALITY) ?? []) : undefined;
  return {
    tokens, negations: polarityOf(text, ws), senses: senseGroupsOf(prose), ...(lead === undefined ? {} : { lead }),
    ...(operators && operators.size > 0 ? { operators } : {}),
  };
}

/** Words a part may open with before what it says: "and defining components …", "so use …". */
const LEADING_CONJUNCTION = new Set(['and', 'but', 'so', 'then', 'or']);

/** A part advising against doing a thing: "don't define components inside render", "never build SQL …"; the verb captured. */
const ADVICE_AGAINST = /^\W*(?:(?:and|but|so|then)\s+)?(?:don['’]?t|do not|never)\s+([a-z]+)/i;
/** A reason given for advice: "…, because that creates a new type every render". */
const REASON = /\b(?:because|since|otherwise)\b/i;

/**
 * The verb of a part that advises against doing a thing and gives the reason in its sentence (`rest`: the sentence
 * from the part on): "don't define components inside render, because that creates a new type each time" warns of
 * what the reference says ("defining components inside render creates a new type each time"), denying none of it,
 * unless the reference part opens with that verb: then it recommends what the answer advises against ("use
 * parameterised queries" against "don't use parameterised queries, because they are slow").
 */
function advisedAgainst(text: string, rest: string): string | undefined {
  const advice = ADVICE_AGAINST.exec(text);
  return advice && REASON.test(rest) ? advice[1]!.toLowerCase() : undefined;
}

/**
 * The negations of a text (`ws` its words), a word that takes a thing away counted as one (see
 * absencesIn): "remove single points of failure" says what "no single points of failure" says.
 */
const polarityOf = (text: string, ws: readonly string[]): number => negationsIn(text) + absencesIn(ws);

/**
 * A reference's parts (see partsOf) and, for a sentence that opens with a condition, its case with
 * what follows from it as one more part: "if two objects are equal according to equals(), they must
 * return the same hashCode()" is one claim its parts do not state alone, so an answer turning it
 * round ("objects that are equal may have different hash codes") would restate no part closely
 * enough to be read as a denial of one.
 */
const claimPartsOf = (text: string, sides?: SideAttributes['sides']): Part[] =>
  sentences(text).flatMap((s) => {
    const texts = partsOfSentence(s.text);
    const parts = withSides(texts.map((t) => partOf(t, sides)), sides);
    if (texts.length >= 2 && CONDITION.test(texts[0]!)) parts.push({ ...partOf(`${texts[0]} ${texts[1]}`, sides), ...sideField(parts[1]!) });
    return parts.filter((p) => p.tokens.size > 0);
  });

const sideField = (part: Part): Pick<Part, 'side'> => (part.side === undefined ? {} : { side: part.side });

/**
 * A sentence's parts with the side each speaks of (see Part.side), when the question sets two apart:
 * a part opening with no side's name speaks of the one its sentence's part before it spoke of.
 */
function withSides(parts: Part[], sides?: SideAttributes['sides']): Part[] {
  if (!sides) return parts;
  let side: 0 | 1 | undefined;
  for (const part of parts) {
    side = sideOfPart([...part.tokens], sides) ?? side;
    if (side !== undefined) part.side = side;
  }
  return parts;
}

/**
 * The claims of a reference answer (`referenceText` is it with the key points, `referenceTokens`
 * that text's content tokens) about a question whose content tokens are `question`.
 */
export function referenceClaims(
  referenceAnswer: string, referenceText: string, referenceTokens: readonly string[], question: ReadonlySet<string>, questionText: string,
): ReferenceClaims {
  const marked = markedTermsOf(questionText);
  if (marked) {
    // The question's, the reference's and (in deniedShare) the answer's texts with the marked terms spelled as words.
    const rewrittenText = marked.rewrite(referenceText);
    const claims = claimsOf(marked.rewrite(referenceAnswer), rewrittenText, contentTokens(rewrittenText),
      new Set([...question, ...contentTokens(marked.question)]), marked.question);
    return { ...claims, rewrite: marked.rewrite };
  }
  return claimsOf(referenceAnswer, referenceText, referenceTokens, question, questionText);
}

function claimsOf(
  referenceAnswer: string, referenceText: string, referenceTokens: readonly string[], question: ReadonlySet<string>, questionText: string,
): ReferenceClaims {
  const terms = new Set(referenceTokens.filter((t) => question.has(t)));
  const { subjects, attributes } = attributesOf(referenceText, terms, question, contrastedTerms(questionText));
  const sides = sideAttributesOf(referenceAnswer, questionText, question);
  const setApart = sidesOf(questionText);
  // What a question asks for by kind ("which algorithms are suitable") names a kind, not one of its terms:
  // "a slow, salted algorithm" for "slow, salted password hashes" trades nothing.
  const asked = askedFor(questionText);
  const tradable = new Set([...terms].filter((t) => !asked.has(t)));
  return {
    question,
    statements: clausesOf(referenceAnswer).map((text) => {
      const tokens = contentTokens(text);
      return { tokens: new Set(tokens), termCounts: countsOf(tokens, tradable), negations: polarityOf(text, words(text)) };
    }),
    terms,
    tradable,
    subjects,
    attributes,
    parts: claimPartsOf(referenceAnswer, setApart),
    negatable: negatableClausesOf(referenceText, subjects),
    ...(sides ? { sides } : {}),
    ...(setApart ? { setApart } : {}),
    twoWays: twoWaysOf(referenceText),
  };
}

/** Words that ask for a kind of thing: "which algorithms", "what states". */
const ASKING = new Set(['which', 'what']);

/** The content tokens of the words a question asks for by kind: the word after "which" or "what" ("which algorithms" → algor). */
function askedFor(questionText: string): Set<string> {
  const ws = words(questionText);
  const out = new Set<string>();
  for (let i = 0; i < ws.length - 1; i++) if (ASKING.has(ws[i]!)) for (const t of contentTokensOf([ws[i + 1]!])) out.add(t);
  return out;
}

/** How an answer denies the reference. */
export interface Denial {
  /**
   * The share of the answer that denies it: its restatements contradicted (see contradictionShare,
   * opposedShare), or its parts or clauses trading two subjects (see swappedShare, sideTradeShare),
   * whichever is more.
   */
  share: number;
  /** Its sentences (indices in the kept sentences) that deny with a negation or an opposite what the reference affirms of the same subject (see negated-claims.ts). */
  deniedClaims: number[];
  /** Its sentences (indices in the kept sentences, in order) that restate the reference denied or trade its subjects (see `share`). */
  deniedRestatements: number[];
}

/** How the answer (its kept sentences, each one's words and content tokens) denies the reference. */
export function denialOf(
  kept: readonly Sentence[], sentenceWords: readonly (readonly string[])[], sentenceTokens: readonly (readonly string[])[], claims: ReferenceClaims,
): Denial {
  if (claims.rewrite) {
    // Read as the claims were: with the question's marked terms spelled as words.
    const rewritten = kept.map((k) => ({ ...k, text: claims.rewrite!(k.text) }));
    const rewrittenWords = rewritten.map((k) => words(k.text));
    return denied(rewritten, rewrittenWords, rewrittenWords.map((ws) => contentTokensOf(ws)), claims);
  }
  return denied(kept, sentenceWords, sentenceTokens, claims);
}

function denied(
  kept: readonly Sentence[], sentenceWords: readonly (readonly string[])[], sentenceTokens: readonly (readonly string[])[], claims: ReferenceClaims,
): Denial {
  const texts = kept.map((k) => k.text);
  const tokenSets = sentenceTokens.map((tokens) => new Set(tokens));
  const contradicted = contradictionShare(texts, sentenceTokens, tokenSets, claims);
  const opposed = opposedShare(kept, sentenceWords, tokenSets, claims);
  // A trade needs two subjects named somewhere in the answer: most answers are read no further.
  const swapped = namesTwoSubjects(sentenceTokens, claims.subjects) ? swappedShare(kept, claims) : NO_DENIAL;
  const traded = claims.sides ? sideTradeShare(kept, claims.sides) : NO_DENIAL;
  const shares = [contradicted, opposed, swapped, traded];
  return {
    share: Math.max(...shares.map((d) => d.share)),
    deniedClaims: deniedClaims(kept, sentenceWords, claims.negatable, claims.subjects, claims.twoWays),
    deniedRestatements: [...new Set(shares.flatMap((d) => [...d.sentences]))].sort((a, b) => a - b),
  };
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

/** A text's sentences split into clauses. */
const clausesOf = (text: string): string[] =>
  sentences(text).flatMap((s) => s.text.split(CLAUSE_BREAK)).filter((c) => c.trim().length > 0);

/**
 * The share of the answer's restatements of the reference (see RESTATEMENT), clause by clause and
 * weighted by the words they share, that deny it: the answer's clause adds negations to the
 * reference clause it restates, or says it of another of the question's terms ("a tuple is mutable"
 * for "a list is mutable": a term the reference speaks of elsewhere in place of the clause's own).
 * Clauses that restate nothing do not count either way. With the share, the sentences of the denying clauses.
 */
function contradictionShare(
  texts: readonly string[], tokens: readonly (readonly string[])[], tokenSets: readonly ReadonlySet<string>[], claims: ReferenceClaims,
): DeniedShare {
  let restated = 0;
  let denied = 0;
  const sentences = new Set<number>();
  for (let i = 0; i < texts.length; i++) {
    // Most sentences are one clause: their tokens are at hand.
    const clauses = CLAUSE_BREAK.test(texts[i]!) ? texts[i]!.split(CLAUSE_BREAK) : [texts[i]!];
    for (const clause of clauses) {
      const clauseTokens = clauses.length === 1 ? tokens[i]! : contentTokens(clause);
      const own = clauses.length === 1 ? tokenSets[i]! : new Set(clauseTokens);
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
      if (negationsSaying(clause, best.statement) > best.statement.negations || tradesTerm(countsOf(clauseTokens, claims.tradable), best.statement)) {
        denied += best.shared;
        sentences.add(i);
      }
    }
  }
  return restated === 0 ? NO_DENIAL : { share: denied / restated, sentences };
}

/** Words that set two things side by side in a question: "a list and a tuple", "TCP vs UDP", "differ from". */
const SIDE_BY_SIDE = new Set(['and', 'or', 'vs', 'versus']);
/** Words that set two clauses of a question side by side: "why does BFS … while DFS does not?" */
const CLAUSE_CONTRAST = new Set(['while', 'whereas']);

/**
 * The terms a question sets side by side, two words either side of "and", "or", "vs" or "differ
 * from" ("the difference between INNER JOIN and LEFT JOIN" → inner, join, left), and the first
 * content word of each clause "while" or "whereas" joins ("Why does BFS … while DFS does not?" →
 * bfs, dfs): only they can trade attributes. A question contrasting nothing ("How are overloaded
 * functions differentiated by the compiler?") has none, however many terms its reference speaks of.
 */
function contrastedTerms(questionText: string): Set<string> {
  const ws = words(questionText);
  const out = new Set<string>();
  const instead = ws.indexOf('instead');
  const taken = instead > 0 ? contentTokensOf(ws.slice(Math.max(0, instead - 2), instead)) : [];
  for (let i = 1; i < ws.length - 1; i++) {
    if (CLAUSE_CONTRAST.has(ws[i]!)) {
      for (const side of [ws.slice(0, i), ws.slice(i + 1)]) {
        const [first] = contentTokensOf(side);
        if (first !== undefined) out.add(first);
      }
      continue;
    }
    if (!SIDE_BY_SIDE.has(ws[i]!) && !(ws[i] === 'from' && ws[i - 1]!.startsWith('differ'))) continue;
    const before = contentTokensOf(ws[i] === 'from' ? ws.slice(Math.max(0, i - 4), i - 1) : ws.slice(Math.max(0, i - 2), i));
    const after = contentTokensOf(ws.slice(i + 1, i + 3));
    // Only a term on each side is set beside another: "virtual threads and when do they help" asks two things of one term,
    // unless what follows names a term to take instead ("list comprehensions and when would you use a generator expression instead").
    if (before.length === 0 || (after.length === 0 && taken.length === 0)) continue;
    for (const t of [...before, ...after, ...taken]) out.add(t);
  }
  // A word the question puts before two of them names neither ("type assertions … and type guards": type).
  const tokens = ws.map((w) => contentTokensOf([w])[0]);
  for (const t of [...out]) {
    const named = new Set<string>();
    for (let i = 0; i < tokens.length - 1; i++) if (tokens[i] === t && tokens[i + 1] !== undefined && out.has(tokens[i + 1]!)) named.add(tokens[i + 1]!);
    if (named.size >= 2) out.delete(t);
  }
  return out;
}

/**
 * The share of the answer's parts restating a part of the reference, weighted by the words they
 * match, whose polarity is flipped: an opposite word where the reference has its counterpart ("the
 * GIL lets threads run in parallel" for "prevents"), each flipping the claim as a negation added or
 * dropped does, so an odd number of flips denies it ("does not prevent" restates "allows"); a
 * negation added to most of a reference part's claim ("deferred calls do not run if the function
 * panics" for "runs … including during a panic", see NEGATED_PART); a negation added or dropped in a
 * close restatement ("CPU-bound threads speed up" for "… do not speed up"), or in a part of two words
 * restated exactly (see EXACT_PART); with it, the sentences of the flipped parts. None when no part
 * restates a reference part with an opposite or a negation added (or, restating two words exactly,
 * dropped): the answer's other denials are read clause by clause (see contradictionShare), its parts
 * closely restated or not at all.
 */
function opposedShare(
  kept: readonly Sentence[], sentenceWords: readonly (readonly string[])[], tokenSets: readonly ReadonlySet<string>[], claims: ReferenceClaims,
): DeniedShare {
  if (claims.parts.length === 0) return NO_DENIAL;
  // A side the reference says both ways in one clause is no opposite of it ("before the loop moves on" beside "run after the
  // current operation"); said in clauses of their own, the two sides are a claim each ("DELETE is slow …; TRUNCATE is much faster").
  // A word can only flip a part whose reference counterpart says its opposite.
  const said = new Set(claims.parts.flatMap((p) => [...p.senses]));
  const opposable = (w: string) => {
    const g = senseGroupOf(w);
    return g !== undefined && said.has(g ^ 1) && !claims.twoWays.has(g);
  };
  // Only a part with a negation or an opposite can restate loosely (see isPolar): when none does, this
  // finds nothing contradictionShare does not, and the other parts are not read. A sentence has such a
  // part when it has a negation or a word of a pair the reference does not say (its parts' words are
  // its own but for the conjunctions between them, none of a pair). Most answers have none.
  const polar = kept.map((k, i) => sentenceWords[i]!.some(opposable) || negationsIn(k.text) > 0);
  if (!polar.includes(true)) return NO_DENIAL;
  // A part restates a reference part only when it shares some of its words (see restatement): a sentence
  // sharing too few with every reference part has no part that does, and is not split.
  const fewest = Math.min(RESTATEMENT.minShared, OPPOSED_PART.minShared, NEGATED_PART.minShared);
  const mayRestate = tokenSets.map((own) =>
    claims.parts.some((ref) => {
      let shared = 0;
      for (const t of ref.tokens) if (own.has(t) && ++shared >= fewest) return true;
      return false;
    }));
  // Each sentence's parts, read when first needed: most sentences have no polar part, and their parts are
  // read only when a loose restatement is found elsewhere.
  const partsOfEach: Array<Array<{ text: string; part: Part; advice?: string }> | undefined> = [];
  const partsAt = (i: number) => {
    if (partsOfEach[i]) return partsOfEach[i]!;
    const texts = partsOfSentence(kept[i]!.text);
    const parts = withSides(texts.map((t) => partOf(t, claims.setApart)), claims.setApart);
    return (partsOfEach[i] = parts.map((part, j) => {
      for (const g of part.senses) if (claims.twoWays.has(g)) part.senses.delete(g);
      const advice = part.negations > 0 ? advisedAgainst(texts[j]!, texts.slice(j).join(',')) : undefined;
      return { text: texts[j]!, part, ...(advice === undefined ? {} : { advice }) };
    }));
  };
  // The best restatement of a part: its matched words, its flips, and whether it is a loose one: one
  // whose denial reading whole clauses misses (an opposite; a negation added to a part, the clause round
  // it saying more; a negation added or dropped in a part of two words restated exactly).
  const restatement = ({ text, part, advice }: { text: string; part: Part; advice?: string }) => {
    if (part.tokens.size < OPPOSED_PART.minShared) return undefined;
    // "When an array is not declared static, …" or "if it wants more than its limit, …" sets out a case:
    // a condition, not a claim denied; "…, not for CPU-heavy work" excludes a case from what came before (see EXCLUSION).
    const condition = CONDITION.test(text) || EXCLUSION.test(text);
    let best: { matched: number; flips: number; loose: boolean; shared: number } | undefined;
    // The most words it shares with a reference part it says the same way (no opposite, as many negations, the same side).
    let agreeing = 0;
    for (const ref of claims.parts) {
      if (otherOperators(part, ref)) continue;
      let shared = 0;
      for (const t of ref.tokens) if (part.tokens.has(t)) shared++;
      const opposites = part.senses.size > 0 ? oppositesBetween(part.senses, ref.senses) : 0;
      const matched = shared + opposites;
      // Advice against doing a thing, with its reason, warns of it: its negation is not said of the reference's claim (see advisedAgainst).
      const negations = advice !== undefined && ref.lead !== advice ? part.negations - 1 : part.negations;
      if (opposites === 0 && negations === ref.negations && (part.side === undefined || ref.side === undefined || part.side === ref.side)) {
        agreeing = Math.max(agreeing, shared);
      }
      const close = shared >= RESTATEMENT.minShared && shared >= RESTATEMENT.minShare * part.tokens.size && shared >= RESTATEMENT.minShare * ref.tokens.size;
      const exact = shared >= EXACT_PART.minShared && shared === part.tokens.size && shared === ref.tokens.size;
      const opposed = !condition && opposites > 0 && shared >= OPPOSED_PART.minShared && matched >= OPPOSED_PART.minShare * part.tokens.size
        && matched >= OPPOSED_PART.minReferenceShare * ref.tokens.size;
      const negated = !condition && opposites === 0 && negations > ref.negations && shared >= NEGATED_PART.minShared
        && shared >= NEGATED_PART.minShare * part.tokens.size && shared >= NEGATED_PART.minReferenceShare * ref.tokens.size;
      if (!close && !opposed && !negated && !exact) continue;
      // Said of the other side, a claim turned round agrees ("VMs isolate more strongly" for "containers … isolate less strongly").
      const otherSide = part.side !== undefined && ref.side !== undefined && part.side !== ref.side ? 1 : 0;
      const flips = opposites + Math.abs(negations - ref.negations) + otherSide;
      // Of two reference parts it restates as well, the one it agrees with is the one it restates.
      if (!best || matched > best.matched || (matched === best.matched && best.flips % 2 === 1 && flips % 2 === 0)) {
        best = { matched, flips, loose: false, shared };
      }
      if (opposed || negated || (exact && !close && negations !== ref.negations)) best.loose = true;
    }
    // A part sharing more words with a part it agrees with than with the one it would turn round restates
    // that one, however loosely: "SSR … giving fast first contentful paint" says what "server-side rendering
    // sends HTML … for fast first paint" says, not the opposite of "client-side rendering is … slow to first content".
    if (best && best.flips % 2 === 1 && agreeing > best.shared) return { matched: agreeing, flips: 0, loose: false, shared: agreeing };
    return best;
  };
  const found = new Map<Part, ReturnType<typeof restatement>>();
  let loose = false;
  for (let i = 0; i < kept.length; i++) {
    if (!mayRestate[i] || !polar[i]) continue;
    for (const p of partsAt(i)) {
      if (!isPolar(p.part)) continue;
      const best = restatement(p);
      found.set(p.part, best);
      if (best?.loose) loose = true;
    }
  }
  if (!loose) return NO_DENIAL;
  let restated = 0;
  let flipped = 0;
  const sentences = new Set<number>();
  for (let i = 0; i < kept.length; i++) {
    if (!mayRestate[i]) continue;
    for (const p of partsAt(i)) {
      const best = found.has(p.part) ? found.get(p.part) : restatement(p);
      if (!best) continue;
      restated += best.matched;
      if (best.flips % 2 === 1) {
        flipped += best.matched;
        sentences.add(i);
      }
    }
  }
  return restated > 0 ? { share: flipped / restated, sentences } : NO_DENIAL;
}

/**
 * The subject a part's tokens speak of, the first they name ("authorization decides what an
 * authenticated user may do" is said of authorization), and what they say of it: its other words,
 * the question's left out. None when they name no subject.
 */
function subjectOf(tokens: readonly string[], subjects: ReadonlySet<string>, terms: ReadonlySet<string>, question: ReadonlySet<string>) {
  let subject: string | undefined;
  const said: string[] = [];
  for (const t of tokens) {
    const s = asTerm(t, subjects);
    if (s !== undefined) {
      subject ??= s;
    } else if (asTerm(t, terms) === undefined && !question.has(t)) {
      said.push(t);
    }
  }
  return subject === undefined ? undefined : { subject, said };
}

/**
 * What the reference says of each of the question's terms, part by part (see partsOf): its
 * subjects are the terms the question sets side by side (see contrastedTerms) that its parts speak
 * of, the first each names, when they are two or more (list and tuple; "inner" and "left", not
 * "join", of "INNER JOIN and LEFT JOIN"), and each word of a part is said of its subject. Negated
 * parts say what a subject is not: left out (see negatesItsClaim).
 */
function attributesOf(referenceText: string, terms: ReadonlySet<string>, question: ReadonlySet<string>, contrasted: ReadonlySet<string>) {
  const parts = partsOf(referenceText.replace(PARENTHETICAL, ' ')).map((text) => ({ text, tokens: contentTokens(text) }));
  // The subject each part speaks of is the first contrasted term it names ("an authenticated user" in a part about authorization
  // is not its subject; nor is "the event loop" in "the event loop drains the microtask queue").
  const subjects = new Set<string>();
  for (const { tokens } of parts) {
    for (const t of tokens) {
      const term = asTerm(t, terms);
      if (term === undefined || !contrasted.has(term)) continue;
      subjects.add(term);
      break;
    }
  }
  const attributes = new Map<string, Set<string>>();
  if (subjects.size < 2) return { subjects: new Set<string>(), attributes };
  for (const { text, tokens } of parts) {
    if (negatesItsClaim(text)) continue;
    const part = subjectOf(tokens, subjects, terms, question);
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
 * what the reference says only of the other. Only attributes of one subject tell ("share of
 * positives" is said of precision and recall alike). A part counts as traded only when another part
 * trades back (one subject said with a word of another is often a remark in passing: "a function is
 * part of an object"), and only when more of its telling words are the other's than its own. Negated
 * parts are left out (see negatesItsClaim): "a tuple cannot change" may rightly deny it what belongs to a list.
 * With the share, the sentences of the swapped parts.
 */
function swappedShare(kept: readonly Sentence[], claims: ReferenceClaims): DeniedShare {
  if (claims.attributes.size === 0) return NO_DENIAL;
  let agreeing = 0;
  const traded: Array<{ subject: string; others: Set<string>; sentence: number }> = [];
  for (let i = 0; i < kept.length; i++) {
    for (const text of partsOfSentence(kept[i]!.text)) {
      if (negatesItsClaim(text)) continue;
      const part = subjectOf(contentTokens(text), claims.subjects, claims.terms, claims.question);
      if (!part) continue;
      let own = 0;
      const others = new Set<string>();
      let other = 0;
      for (const word of part.said) {
        const of = claims.attributes.get(word);
        if (!of || of.size > 1) continue;
        if (of.has(part.subject)) {
          own++;
        } else {
          other++;
          for (const s of of) others.add(s);
        }
      }
      if (other > own) traded.push({ subject: part.subject, others, sentence: i });
      else if (own > other) agreeing++;
    }
  }
  const swapped = traded.filter((t) => traded.some((back) => t.others.has(back.subject) && back.others.has(t.subject)));
  if (swapped.length === 0) return NO_DENIAL;
  return { share: swapped.length / (swapped.length + agreeing), sentences: new Set(swapped.map((t) => t.sentence)) };
}

/**
 * The negations of a clause's parts (see PART_BREAK) that say the statement's words, half of their
 * own or more: a clause joining two of the reference's sentences with "and" keeps each one's
 * negation to itself ("…, using an accumulator and none of them mutate the original array" does
 * not deny the accumulator). A part without content words counts ("…, not after"). So must what
 * the negation stands before, when anything does: "arrow functions don't have their own this"
 * denies nothing of "arrow functions take this from their enclosing scope".
 */
function negationsSaying(clause: string, statement: Statement): number {
  let negations = 0;
  for (const part of clause.split(PART_BREAK)) {
    const ws = words(part);
    const n = polarityOf(part, ws);
    if (n === 0) continue;
    const tokens = contentTokensOf(ws);
    let shared = 0;
    for (const t of tokens) if (statement.tokens.has(t)) shared++;
    if (2 * shared < tokens.length) continue;
    const under = ws.slice(negationAt(ws) + 1);
    if (under.length > 0 && !contentTokensOf(under).some((t) => statement.tokens.has(t))) continue;
    negations += n;
  }
  return negations;
}

/** Where a text's words (see `words`) first negate ("not", "never", "don" "t" of "don't"…), or -1 (the whole text is read then). */
function negationAt(ws: readonly string[]): number {
  for (let i = 0; i < ws.length; i++) if (negationsIn(ws[i]!) > 0 || (ws[i] === 't' && i > 0 && ws[i - 1]!.endsWith('n'))) return i;
  return -1;
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

/** The opposite-sense groups a text says both sides of within one clause (see ReferenceClaims.twoWays). */
function twoWaysOf(text: string): Set<number> {
  const out = new Set<number>();
  for (const s of sentences(text)) {
    for (const clause of s.text.split(SEMICOLON_OR_CLAUSE_BREAK)) {
      const groups = senseGroupsOf(proseWords(clause));
      for (const g of groups) if (groups.has(g ^ 1)) out.add(g);
    }
  }
  return out;
}
