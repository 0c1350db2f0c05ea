import type { SkillLevel } from '../../domain/assessment/levels.js';
import type { AnswerGrader, Grade, GradeRequest } from '../../ports/answer-grader.js';
import type { AiCallOptions, ServedBy } from '../../ports/provider-served.js';
import {
  deniesWhatCameBefore, explanationMarkers, functionWordShareOf, gibberishShareOf, hesitationsIn, isDisowning, negationsIn,
  saysOnlyNotKnowing, withoutInstructions,
} from './text/signals.js';
import {
  clamp01, contentTokens, contentTokensOf, type Sentence, sentences, STOP_WORDS, trigramCosine, trigramProfile, words, type TrigramProfile,
} from './text/tokens.js';

export const RUBRIC_GRADER: ServedBy = { provider: 'offline', model: 'rubric-grader-v1' };

/** Score bands of the one level vocabulary. */
export const LEVEL_THRESHOLDS = { intermediate: 40, proficient: 60, expert: 80 } as const;

export const levelOf = (score: number): SkillLevel =>
  score >= LEVEL_THRESHOLDS.expert ? 'expert'
    : score >= LEVEL_THRESHOLDS.proficient ? 'proficient'
      : score >= LEVEL_THRESHOLDS.intermediate ? 'intermediate' : 'novice';

/** Everything about a question and its reference that does not depend on the answer (never mutated once built). */
interface PreparedReference {
  weights: Map<string, number>;
  /** The weights' entries, in the map's order, for the recall sum. */
  weightedTokens: string[];
  weightValues: number[];
  totalWeight: number;
  relevant: Set<string>;
  trigrams: TrigramProfile;
  points: KeyPoint[];
  pointTexts: string[];
  /** The request gave key points (they then count for half the coverage). */
  hasKeyPoints: boolean;
  /** The question's content tokens. */
  question: Set<string>;
  /** Every word of the reference text (question excluded), and each pair of words it says one after the other (see wordOrder). */
  referenceWords: Set<string>;
  /** Each reference word → the words that follow it somewhere in the reference. */
  referenceFollowers: Map<string, Set<string>>;
  /** The neighbouring items of the lists the reference and key points make (see listShape). */
  referenceLists: Set<string>;
  /** The neighbouring items of the key points' own list alone. */
  keyPointList: Set<string>;
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
 * Everyday words a candidate uses for a key point's word: the same meaning in a technical answer
 * ("big files" covers "use for large data", "exceptions" covers "errors"). Only key-point coverage
 * reads them (the score's recall and similarity do not), so the dev-set correlation is untouched.
 */
const SYNONYM_GROUPS: readonly string[][] = [
  ['large', 'big', 'huge'], ['small', 'tiny'], ['fast', 'quick'], ['many', 'multiple', 'several'],
  ['avoid', 'prevent'], ['remove', 'delete'], ['check', 'verify', 'validate'], ['start', 'begin'],
  ['show', 'display'], ['error', 'exception'], ['store', 'save', 'persist'], ['app', 'application'],
  ['db', 'database'],
  ['coerce', 'convert', 'cast'], ['surprising', 'unexpected', 'weird', 'confusing', 'strange'],
  ['private', 'hidden', 'hide', 'encapsulated'], ['callback', 'handler', 'listener'], ['mutate', 'modify', 'change'],
  ['block', 'braces'], ['prefer', 'recommend'], ['reuse', 'share'],
];

/** Each word's stem → the stems of its synonyms. */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    const stems = group.map((w) => contentTokens(w)[0]!);
    for (const stem of stems) map.set(stem, stems.filter((s) => s !== stem));
  }
  return map;
})();

/** A key point's content tokens, and those of each side of an "or" that names an alternative (see alternativesOf). */
interface KeyPoint {
  text: string;
  tokens: string[];
  /** Its tokens that no other point of the question has: what tells this point apart (see prepare). */
  own: string[];
  alternatives: string[][];
}

/**
 * The sides of a key point's "or" that can stand for the whole point: "manage values with state or
 * React Hook Form" is covered by an answer that manages values with state. A side needs two content
 * words of its own, so one item of a list ("pending, fulfilled or rejected") is not the point.
 */
function alternativesOf(text: string): string[][] {
  const sides = text.split(/\s+or\s+/i);
  if (sides.length < 2) return [];
  return sides.map((side) => [...new Set(contentTokens(side))]).filter((tokens) => tokens.length >= 2);
}

/**
 * How many questions' prepared references a grader keeps (least recently used dropped first):
 * far more than the question bank holds, so an interview never prepares a bank question twice,
 * while questions written elsewhere (an LLM interviewer's, graded here as a fallback) cannot grow it without bound.
 */
export const PREPARED_REFERENCES_CAPACITY = 2048;

/** The memo key: each part prefixed by its length, so no two different requests share a key whatever their text holds. */
const referenceKey = (request: GradeRequest): string => {
  const reference = request.referenceAnswer ?? '';
  let key = `${request.question.length}:${request.question}${reference.length}:${reference}`;
  for (const point of request.keyPoints ?? []) key += `${point.length}:${point}`;
  return key;
};

// Feature weights: reference recall and character-trigram similarity (which catches paraphrase and
// morphology) carry the score, precision rewards staying on topic, and length (only when on topic)
// rewards detail. Chosen on a few generic features, so they carry to questions the grader has never
// seen: with question words earning nothing (see prepare), these weights correlate better than the
// earlier ones (similarity 0.7, question words at half) on each of the dev set's six assignments, and
// overall r has a broad optimum for similarity between 1.0 and 1.7; the span keeps the scores' spread.
const W = { recall: 1, precision: 0.2, similarity: 1.2, length: 0.2 };
/**
 * A clause of the answer restates a clause of the reference when they share at least `minShared`
 * content words, and `minShare` of the words of each; with a negation added ("is never" for "is"),
 * or said of another of the question's terms, it denies it (see contradictionShare). (Only added negations: "omitting the base case" restates "the base case is not
 * included" without one.)
 */
const RESTATEMENT = { minShared: 3, minShare: 0.8 } as const;
/**
 * An answer of at least `minWords` words, `minFromReference` of them the reference's, whose
 * neighbouring reference words follow each other in the reference less than `maxInOrder` of the
 * time is the reference's words shuffled; it keeps `factor` of its score.
 */
const WORD_SALAD = { minWords: 8, minFromReference: 0.7, maxInOrder: 0.2, factor: 0.35 } as const;
/**
 * Keyword lists in disguise: a stop word above `maxOneWord` of an answer of `minWords` or more, or
 * `minItems` or more comma-separated items of which `listShare` are single words (see listShape).
 */
const STUFFING = { minWords: 10, maxOneWord: 0.3, minItems: 6, listShare: 0.7 } as const;
/** An answer saying all the content words of a question of `minQuestionWords` or more, and no other, echoes it: at most `cap`. */
const ECHO = { minQuestionWords: 3, cap: 15 } as const;
/** A contradicted or disowned answer scores at most this; a share of restatements contradicted above `share` counts as one. */
const CONTRADICTION = { cap: 20, share: 0.5 } as const;

/** The highest score for an answer covering a share c of the given key points: floor + span × c (half → 70, all → 100). */
export const KEY_POINT_CAP = { floor: 40, span: 60 } as const;
const RAW_FLOOR = 0.2;
const RAW_SPAN = 2.0;

const abortError = () => Object.assign(new Error('The grading call was aborted'), { name: 'AbortError' });

/**
 * The offline grader: deterministic, no network, generalising from question, reference and
 * answer alone. Instructions inside the answer are removed before scoring (and flagged), so they
 * can never raise a score.
 */
export class RubricAnswerGrader implements AnswerGrader {
  private readonly cache = new Map<string, PreparedReference>();

  constructor(private readonly cacheSize = PREPARED_REFERENCES_CAPACITY) {}

  /** How many prepared references are memoised now (at most the capacity given to the constructor). */
  get preparedReferences(): number {
    return this.cache.size;
  }

  async grade(request: GradeRequest, options: AiCallOptions = {}): Promise<Grade> {
    if (options.signal?.aborted) throw abortError();
    return this.gradeSync(request);
  }

  gradeSync(request: GradeRequest): Grade {
    const skillArea = request.context?.skillArea ?? 'general';
    const ref = this.prepare(request);
    const flags: string[] = [];

    const candidate = withoutInstructions(request.answer);
    if (candidate.injected) flags.push('prompt_injection');
    // Each sentence is split into words once; the answer's words are the kept sentences' in order (the
    // sentences are trimmed and joined by a space, so no word spans two of them).
    const kept: Sentence[] = [];
    const keptWords: string[][] = [];
    const seen = new Set<string>();
    for (const s of candidate.kept) {
      // A sentence said again adds nothing: it is read once (a fragment of a word or two may recur by chance).
      const ws = words(s.text);
      const said = ws.join(' ');
      if (ws.length >= 3 && seen.has(said)) {
        if (!flags.includes('repetition')) flags.push('repetition');
        continue;
      }
      seen.add(said);
      kept.push(s);
      keptWords.push(ws);
    }
    const answer = kept.map((s) => s.text).join(' ');
    const answerWords: string[] = [];
    const tokens: string[] = [];
    const sentenceTokens: string[][] = [];
    for (const ws of keptWords) {
      const ts = contentTokensOf(ws);
      for (const w of ws) answerWords.push(w);
      for (const t of ts) tokens.push(t);
      sentenceTokens.push(ts);
    }
    if (tokens.length === 0) {
      flags.push('empty');
      return this.result(0, { accuracy: 0, depth: 0, clarity: 0, confidence: 0 }, skillArea, [], ref.pointTexts.slice(), [], flags,
        'The answer says nothing that can be assessed.');
    }
    if (saysOnlyNotKnowing(answer)) {
      // No attempt: the skill's limit, not an answer about something else (which 'off_topic' would say).
      flags.push('no_answer');
      return this.result(0, { accuracy: 0, depth: 0, clarity: 0, confidence: 0 }, skillArea, [], ref.pointTexts.slice(),
        hesitationsIn(answer), flags, 'The candidate said they do not know.');
    }

    const present = new Set(tokens);
    let hit = 0;
    for (let i = 0; i < ref.weightedTokens.length; i++) if (present.has(ref.weightedTokens[i]!)) hit += ref.weightValues[i]!;
    const recall = ref.totalWeight > 0 ? hit / ref.totalWeight : 0;
    let onTopic = 0;
    for (const t of present) if (ref.relevant.has(t)) onTopic++;
    const precision = onTopic / present.size;
    const similarity = trigramCosine(answerWords, ref.trigrams);
    const relevance = Math.min(1, (recall + similarity) * 2);
    const length = Math.log(1 + tokens.length) * relevance;

    // A key point is covered when half its words appear (or half of one alternative's: see
    // alternativesOf), as a synonym (see SYNONYM_GROUPS) or in any form the five-letter stems miss:
    // short words and their plurals or longer forms (task / tasks, type / types) count as one.
    const inAnswer = (t: string): boolean => {
      if (present.has(t)) return true;
      const synonyms = SYNONYMS.get(t);
      if (synonyms) for (const s of synonyms) if (present.has(s)) return true;
      if (t.length < 4) return false;
      for (const a of present) if (a.length >= 4 && (a.startsWith(t) || t.startsWith(a))) return true;
      return false;
    };
    const halfFound = (tokens: readonly string[]): boolean => {
      if (tokens.length === 0) return false;
      let found = 0;
      for (const t of tokens) if (inAnswer(t)) found++;
      return found / tokens.length >= 0.5;
    };
    // Half of a point's words must include one of its own, when it has any: "dependency array … re-runs"
    // does not also cover "empty array runs once after mount" by the two words the points share.
    const covered = ref.points.map((p) =>
      (halfFound(p.tokens) && (p.own.length === 0 || p.own.some(inAnswer))) || p.alternatives.some(halfFound));
    let coveredCount = 0;
    for (const c of covered) if (c) coveredCount++;
    const pointCoverage = ref.points.length > 0 ? coveredCount / ref.points.length : recall;
    const coverage = ref.hasKeyPoints ? (recall + pointCoverage) / 2 : recall;

    let raw = W.recall * coverage + W.precision * precision + W.similarity * similarity + W.length * length;
    let score = Math.round(100 * clamp01((raw - RAW_FLOOR) / RAW_SPAN));
    if (ref.hasKeyPoints) {
      // Given key points are what a full answer must say: an answer covering half of them is at most
      // proficient, however well it reads (two right sentences out of four points are not expert).
      score = Math.min(score, Math.round(KEY_POINT_CAP.floor + KEY_POINT_CAP.span * pointCoverage));
    }

    const structure = functionWordShareOf(answerWords);
    if (gibberishShareOf(answerWords) > 0.5) {
      flags.push('gibberish');
      score = Math.min(score, 5);
    }
    const referenceShare = onTopic / present.size;
    // Only an answer mostly of the reference's words can be a list of them: the list's shape is read then.
    const list = tokens.length >= 6 && referenceShare >= 0.6 ? listShape(kept.map((k) => k.text), ref) : undefined;
    // The reference's own list said back ("string, number, bigint, boolean, …") is an answer, however bare.
    const referenceList = list !== undefined && list.pairs > 0 && list.listedTogether / list.pairs >= 0.5;
    const listed = list !== undefined && !referenceList &&
      (structure < 0.12 || paddedWithOneWord(answerWords) || (list.items >= STUFFING.minItems && list.terms / list.items >= STUFFING.listShare));
    if (listed) {
      // A bare list of the reference's words shows recognition, not understanding: so does one padded with a
      // repeated filler ("the X the Y the Z") or set out as a comma list ("It is about X, Y, Z and W").
      flags.push('keyword_stuffing');
      score = Math.round(score * 0.35);
    }
    const order = wordOrder(answerWords, ref);
    if (order !== undefined && order < WORD_SALAD.maxInOrder) {
      // The reference's words with their order lost: recognition again, not an explanation.
      flags.push('word_salad');
      score = Math.round(score * WORD_SALAD.factor);
    }
    // Denials: the reference restated with the opposite polarity, or the answer disowned. Lexical
    // overlap cannot tell "X is never Y" from "X is Y"; the polarity of restated sentences can.
    const contradicted = Math.max(contradictionShare(kept.map((k) => k.text), sentenceTokens, ref), swappedShare(kept, ref));
    const disowned = kept.some((k) => isDisowning(k.text)) || (kept.length > 1 && deniesWhatCameBefore(kept[kept.length - 1]!.text));
    if (disowned || contradicted > CONTRADICTION.share) {
      flags.push('contradicts_reference');
      score = Math.min(score, CONTRADICTION.cap);
    } else if (contradicted > 0) {
      score = Math.round(score * (1 - contradicted));
    }
    let novel = 0;
    for (const t of present) if (!ref.question.has(t)) novel++;
    if (novel === 0 && present.size === ref.question.size && ref.question.size >= ECHO.minQuestionWords) {
      // The question said back, adding no word: nothing of the candidate's own to assess. (Answers
      // that pick words out of the question, "all of the dimensions", "by rows", are not echoes, nor is
      // "a pointer to a function" for a question of two words.)
      flags.push('echoes_question');
      score = Math.min(score, ECHO.cap);
    }
    if (precision < 0.05 && similarity < 0.15 && !flags.includes('gibberish')) {
      flags.push('off_topic');
      score = Math.min(score, 30);
    }
    raw = Math.max(0, raw);

    const hesitations = hesitationsIn(answer);
    // Accuracy is the score on a 0–1 scale: the score is this grader's one measure of correctness checked
    // against human grades, and the progression's thresholds (boundary below 0.5, proficient from 0.7,
    // expert from 0.8) read accuracy on that scale. A separate, harsher formula put a full answer in the
    // candidate's own words (score 76) at 0.38, so the interview took good answers for the skill's limit.
    const accuracy = score / 100;
    const explained = explanationMarkers(answer);
    const depth = clamp01(Math.min(1, tokens.length / 40) * 0.5 + Math.min(1, explained / 3) * 0.3 + coverage * 0.2);
    const clarity = clamp01((structure >= 0.15 && structure <= 0.65 ? 0.6 : 0.25) + Math.min(0.4, kept.length * 0.1));
    const confidence = clamp01((tokens.length >= 5 ? 0.9 : 0.6) - 0.15 * hesitations.length - (flags.includes('gibberish') ? 0.6 : 0));

    const evidence = kept
      .map((s, i) => {
        let overlap = 0;
        for (const t of sentenceTokens[i]!) if (ref.weights.has(t)) overlap++;
        return { s, overlap };
      })
      .filter((x) => x.overlap > 0)
      .sort((a, b) => b.overlap - a.overlap || a.s.start - b.s.start)
      .slice(0, 3)
      .sort((a, b) => a.s.start - b.s.start)
      .map((x) => x.s.text)
      .filter((q) => request.answer.includes(q));
    const missing = ref.points.filter((_, i) => !covered[i]).map((p) => p.text);
    const reasoning =
      `Covers ${Math.round(coverage * 100)}% of the reference` +
      (ref.points.length > 0 ? ` (${coveredCount} of ${ref.points.length} key points)` : '') +
      `; similarity ${similarity.toFixed(2)}` + (flags.length > 0 ? `; flags: ${flags.join(', ')}` : '') + '.';
    return this.result(score, { accuracy, depth, clarity, confidence }, skillArea, evidence, missing, hesitations, flags, reasoning);
  }

  private result(
    score: number, dims: { accuracy: number; depth: number; clarity: number; confidence: number }, skillArea: string,
    evidence: string[], missingPoints: string[], hesitations: string[], flags: string[], reasoning: string,
  ): Grade {
    const round2 = (x: number) => Math.round(x * 100) / 100;
    return {
      score,
      accuracy: round2(dims.accuracy),
      depth: round2(dims.depth),
      clarity: round2(dims.clarity),
      confidence: round2(dims.confidence),
      level: levelOf(score),
      skillArea,
      evidence,
      missingPoints,
      hesitations,
      flags,
      reasoning,
      servedBy: RUBRIC_GRADER,
    };
  }

  private prepare(request: GradeRequest): PreparedReference {
    const key = referenceKey(request);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const referenceText = [request.referenceAnswer ?? '', ...(request.keyPoints ?? [])].join('. ');
    const keyPointList = (request.keyPoints ?? []).join(', ');
    const question = new Set(contentTokens(request.question));
    const referenceWords = words(referenceText);
    const referenceTokens = contentTokensOf(referenceWords);
    const terms = new Set(referenceTokens.filter((t) => question.has(t)));
    const { subjects, attributes } = attributesOf(referenceText, terms, question);
    const weights = new Map<string, number>();
    // Words the question already contains earn nothing: repeating the question is not answering it.
    for (const t of referenceTokens) weights.set(t, question.has(t) ? 0 : 1);
    const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
    const hasKeyPoints = !!request.keyPoints && request.keyPoints.length > 0;
    const points = (hasKeyPoints
      ? request.keyPoints!
      : (request.referenceAnswer ?? '').split(/[.;]|,\s*(?:and|but|so)\s+/).map((s) => s.trim()).filter((s) => contentTokens(s).length >= 2)
    ).map((text) => ({ text, tokens: [...new Set(contentTokens(text))], own: [] as string[], alternatives: alternativesOf(text) }));
    for (const p of points) p.own = p.tokens.filter((t) => !points.some((o) => o !== p && o.tokens.includes(t)));
    const prepared: PreparedReference = {
      weights,
      weightedTokens: [...weights.keys()],
      weightValues: [...weights.values()],
      totalWeight,
      relevant: new Set([...referenceTokens, ...question]),
      trigrams: trigramProfile(referenceWords),
      points,
      pointTexts: points.map((p) => p.text),
      hasKeyPoints,
      question,
      referenceWords: new Set(referenceWords),
      referenceFollowers: followersOf(referenceWords),
      // The key points make a list of their own: an answer that recites them in note form is one.
      referenceLists: listNeighbours([...sentences(request.referenceAnswer ?? '').map((st) => st.text), keyPointList]),
      keyPointList: listNeighbours([keyPointList]),
      statements: clausesOf(request.referenceAnswer ?? '').map((text) => {
        const tokens = contentTokens(text);
        return { tokens: new Set(tokens), termCounts: countsOf(tokens, terms), negations: negationsIn(text) };
      }),
      terms,
      subjects,
      attributes,
    };
    this.cache.set(key, prepared);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    return prepared;
  }
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
function contradictionShare(texts: readonly string[], tokens: readonly (readonly string[])[], ref: PreparedReference): number {
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
      for (const st of ref.statements) {
        let shared = 0;
        for (const t of st.tokens) if (own.has(t)) shared++;
        if (shared < RESTATEMENT.minShared || shared / st.tokens.size < RESTATEMENT.minShare || shared / own.size < RESTATEMENT.minShare) continue;
        if (!best || shared > best.shared) best = { shared, statement: st };
      }
      if (!best) continue;
      restated += best.shared;
      // Any added negation denies: "never fails to run" is no restatement of "runs" a grader can credit.
      if (negationsSaying(clause, best.statement) > best.statement.negations || tradesTerm(countsOf(clauseTokens, ref.terms), best.statement)) {
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
function swappedShare(kept: readonly Sentence[], ref: PreparedReference): number {
  if (ref.attributes.size === 0) return 0;
  let agreeing = 0;
  const traded: Array<{ subject: string; others: Set<string> }> = [];
  for (const sentence of kept) {
    for (const text of sentence.text.split(PART_BREAK)) {
      if (negationsIn(text) > 0) continue;
      const part = subjectOf(contentTokens(text), ref.subjects, ref.terms, ref.question);
      if (!part) continue;
      let own = 0;
      const others = new Set<string>();
      let other = 0;
      for (const word of part.said) {
        const of = ref.attributes.get(word);
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

/**
 * Of the answer's neighbouring word pairs whose two words are both the reference's, the share the
 * reference says in that order; undefined when the answer is short or mostly its own words (then
 * order says nothing about copying). Copied or paraphrased text keeps the reference's phrases
 * ("a stable identity", "between renders"); its words shuffled keep almost none.
 */
function wordOrder(answerWords: readonly string[], ref: PreparedReference): number | undefined {
  if (answerWords.length < WORD_SALAD.minWords) return undefined;
  let fromReference = 0;
  let pairs = 0;
  let inOrder = 0;
  for (let i = 0; i < answerWords.length; i++) {
    if (!ref.referenceWords.has(answerWords[i]!)) continue;
    fromReference++;
    if (i === 0 || !ref.referenceWords.has(answerWords[i - 1]!)) continue;
    pairs++;
    if (ref.referenceFollowers.get(answerWords[i - 1]!)?.has(answerWords[i]!)) inOrder++;
  }
  if (fromReference / answerWords.length < WORD_SALAD.minFromReference || pairs === 0) return undefined;
  return inOrder / pairs;
}

/** Each word → the words that follow it somewhere in `ws`. */
function followersOf(ws: readonly string[]): Map<string, Set<string>> {
  const followers = new Map<string, Set<string>>();
  for (let i = 1; i < ws.length; i++) {
    let next = followers.get(ws[i - 1]!);
    if (!next) followers.set(ws[i - 1]!, (next = new Set()));
    next.add(ws[i]!);
  }
  return followers;
}


/** Whether one stop word is more than `STUFFING.maxOneWord` of a longer answer's words ("the X the Y the Z …"): prose never repeats one that often. */
function paddedWithOneWord(ws: readonly string[]): boolean {
  if (ws.length < STUFFING.minWords) return false;
  const counts = new Map<string, number>();
  let most = 0;
  for (const w of ws) {
    if (!STOP_WORDS.has(w)) continue;
    const n = (counts.get(w) ?? 0) + 1;
    counts.set(w, n);
    if (n > most) most = n;
  }
  return most / ws.length > STUFFING.maxOneWord;
}

/** Where a sentence's list items part: commas, "and", "or" (as words: not inside "mark-and-sweep"). */
const LIST_BREAK = /,|\s(?:and|or)\s/i;

/** A text's list items (see LIST_BREAK), each as its words; empty items left out. */
const listItems = (text: string): string[][] => text.split(LIST_BREAK).map(words).filter((ws) => ws.length > 0);

/** How two neighbouring list items are known: the last word of one and the first of the next. */
const neighbourKey = (previous: readonly string[], next: readonly string[]): string => `${previous[previous.length - 1]}|${next[0]}`;

/** Each pair of neighbouring items of the lists the texts make (see neighbourKey). */
function listNeighbours(texts: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (const text of texts) {
    const items = listItems(text);
    for (let i = 1; i < items.length; i++) pairs.add(neighbourKey(items[i - 1]!, items[i]!));
  }
  return pairs;
}

/**
 * The answer's comma (and "and", "or") separated items: how many, how many are a single word that
 * is no stop word, and of the neighbouring items how many the reference (or its key points) lists
 * side by side too. "string, number, bigint, boolean" answering with the reference's own list is an
 * answer, as are its key points in note form; "jsx, syntax, extension, compiler" picked from its
 * sentences is a keyword list.
 */
function listShape(texts: readonly string[], ref: Pick<PreparedReference, 'referenceLists' | 'keyPointList'>) {
  let items = 0;
  let terms = 0;
  let pairs = 0;
  let listedTogether = 0;
  // Sentences follow each other as items do: key points recited one per line or per sentence are a list
  // too. Across sentences only the key points' own order counts: the reference's words in its order, cut
  // into lines where its sentences list things, are still words picked out of it.
  let previous: string[] | undefined;
  for (const text of texts) {
    listItems(text).forEach((ws, i) => {
      items++;
      if (ws.length === 1 && !STOP_WORDS.has(ws[0]!)) terms++;
      if (previous) {
        pairs++;
        if ((i > 0 ? ref.referenceLists : ref.keyPointList).has(neighbourKey(previous, ws))) listedTogether++;
      }
      previous = ws;
    });
  }
  return { items, terms, pairs, listedTogether };
}
