import type { SkillLevel } from '../../domain/assessment/levels.js';
import type { AnswerGrader, Grade, GradeRequest } from '../../ports/answer-grader.js';
import type { AiCallOptions, ServedBy } from '../../ports/provider-served.js';
import {
  deniesWhatCameBefore, explanationMarkers, functionWordShareOf, gibberishShareOf, hesitationsIn, isDisowning, saysOnlyNotKnowing,
  withoutInstructions, writtenInAnotherLanguage,
} from './text/signals.js';
import {
  clamp01, contentTokens, contentTokensOf, hasForm, type Sentence, STEM_LENGTH, STOP_WORDS, trigramCosine, trigramProfile, words, type TrigramProfile,
} from './text/tokens.js';
import { denialOf, type ReferenceClaims, referenceClaims } from './rubric/denials.js';
import { sidesOf } from './rubric/side-trades.js';
import {
  inPhrases, isLabelledComparison, isNoteForm, listShape, paddedWithOneWord, type ReferenceOrder, referenceOrder, STUFFING, WORD_SALAD, wordOrder,
} from './rubric/word-order.js';

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
  /** The question quotes its key points (see ECHO). */
  quotesPoints: boolean;
  /** Each key-point token that is half of a two-word compound ("run time") → the compound's stem ("runtime"): see forEachCompound. */
  compounds: Map<string, string>;
  /** The reference's words and lists in their order (see word-order.ts). */
  order: ReferenceOrder;
  /** What the reference claims of the question's terms (see denials.ts). */
  claims: ReferenceClaims;
  /** The two sides the question sets apart, if it does (see side-trades.ts). */
  sides?: [Set<string>, Set<string>];
}

/**
 * Everyday words a candidate uses for a reference's word: the same meaning in a technical answer
 * ("big files" covers "use for large data", "exceptions" covers "errors", "invoke" says "call").
 * Key-point coverage and the score's recall read them (see saysBySynonym); the trigram similarity
 * does not. Each word's five-letter stem must be no other listed word's, nor a technical term's
 * ("instantly" would stand for "install", "construct" for "const").
 */
const SYNONYM_GROUPS: readonly string[][] = [
  ['large', 'big', 'huge'], ['small', 'tiny'], ['fast', 'quick'], ['many', 'multiple', 'several'],
  ['avoid', 'prevent'], ['remove', 'delete'], ['check', 'verify', 'validate', 'inspect', 'examine'], ['start', 'begin'],
  ['show', 'display'], ['error', 'exception'], ['store', 'save', 'persist'], ['app', 'application'],
  ['db', 'database'],
  ['coerce', 'convert', 'cast'], ['surprising', 'unexpected', 'weird', 'confusing', 'strange'],
  ['private', 'hidden', 'hide', 'encapsulated'], ['callback', 'handler', 'listener'], ['mutate', 'modify', 'change', 'update'],
  ['block', 'braces'], ['prefer', 'recommend'], ['reuse', 'share'], ['correct', 'right', 'proper', 'appropriate'],
  ['call', 'invoke', 'execute', 'run'], ['create', 'make', 'build'], ['memory', 'ram'], ['slow', 'sluggish'],
  ['stop', 'halt', 'kill', 'abort', 'cancel'], ['wait', 'pause'], ['copy', 'duplicate', 'clone'],
  ['erase', 'wipe'], ['send', 'dispatch', 'emit'], ['keep', 'retain', 'maintain', 'hold'], ['allow', 'enable'],
  ['need', 'require'], ['whole', 'entire', 'full'], ['part', 'portion', 'piece', 'section', 'segment', 'chunk'],
  ['group', 'collection', 'bunch'], ['order', 'sequence'], ['sort', 'arrange'], ['find', 'locate', 'search', 'lookup'],
  ['problem', 'issue'], ['goal', 'purpose', 'aim'], ['reason', 'cause'], ['result', 'outcome'], ['simple', 'easy', 'straightforward'],
  ['hard', 'difficult', 'tricky'], ['often', 'frequently', 'commonly', 'usually', 'typically'],
  ['increase', 'raise', 'grow', 'boost'], ['decrease', 'lower', 'shrink', 'cut'], ['improve', 'enhance'], ['combine', 'merge'],
  ['split', 'divide', 'separate'], ['connect', 'link'], ['finish', 'end'], ['tell', 'notify'], ['describe', 'explain'],
  ['mean', 'indicate'], ['safe', 'secure', 'protected'], ['attack', 'exploit'], ['wrong', 'incorrect', 'invalid'],
  ['unique', 'distinct'], ['later', 'afterwards', 'subsequently'], ['before', 'prior', 'earlier'], ['inside', 'within'],
  ['outside', 'external'], ['choose', 'select', 'pick'], ['fetch', 'retrieve', 'load'], ['limit', 'restrict', 'bound'],
  ['expose', 'reveal', 'leak'], ['manage', 'control'], ['trigger', 'fire'], ['track', 'monitor', 'watch'],
  ['ignore', 'skip', 'bypass'], ['repeat', 'retry'], ['replace', 'substitute', 'swap'],
  ['element', 'item', 'entry'], ['node', 'vertex'], ['size', 'length'], ['traverse', 'visit', 'walk'],
  ['empty', 'blank'], ['machine', 'server'], ['lazy', 'lazily'],
];

/** A class of HTTP statuses ("4xx"): any status of it ("422") says it. */
const STATUS_CLASS = /^[1-5]xx$/;

/** Each word's stem → the stems of its synonyms. */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    const stems = group.map((w) => contentTokens(w)[0]!);
    for (const stem of stems) map.set(stem, stems.filter((s) => s !== stem));
  }
  return map;
})();

/** Whether the answer's tokens (`present`) say `t` in a synonym's stem (see SYNONYM_GROUPS). */
function saysBySynonym(present: ReadonlySet<string>, t: string): boolean {
  const synonyms = SYNONYMS.get(t);
  if (synonyms) for (const s of synonyms) if (present.has(s)) return true;
  return false;
}

/**
 * A reference word the answer says only in a form its five-letter stem misses ("storing" for
 * "store", "called" for "calling", "service" for "serve") earns `weight` of its weight when the
 * answer has a word of the same first `length` letters that the reference does not: a looser match,
 * which now and then joins two words (control, content), so it counts for less.
 */
const ROOT_MATCH = { length: 4, weight: 0.5 } as const;

/** The first letters (see ROOT_MATCH) of the answer's full stems the reference does not have. */
function rootsOf(present: ReadonlySet<string>, referenceStems: ReadonlyMap<string, number>): Set<string> {
  const roots = new Set<string>();
  for (const a of present) if (a.length === STEM_LENGTH && !referenceStems.has(a)) roots.add(a.slice(0, ROOT_MATCH.length));
  return roots;
}

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
 * How on topic an answer is, for its length's weight: its recall plus its similarity above
 * `baseline`, times `scale`, at most 1. Any two English texts share trigrams ("the", "ion", "ing"):
 * the references of two bank questions of different roles have a similarity of 0.18–0.34 (median
 * 0.26), so an answer about something else earned most of the length's weight by them alone.
 */
const RELEVANCE = { baseline: 0.2, scale: 3 } as const;
/**
 * An answer saying all the content words of a question of `minQuestionWords` or more, and no other,
 * echoes it: at most `cap`. A question that quotes what the answer must say (at least `quotedShare`
 * of its key points' words, as a follow-up naming the points an answer missed does) is echoed by an
 * answer of `minQuestionWords` or more words less than `novelShare` of which are not the question's:
 * the points said back, not explained.
 */
const ECHO = { minQuestionWords: 3, cap: 15, quotedShare: 0.8, novelShare: 0.3 } as const;
/** The longest sentence the reasoning quotes. */
const MAX_QUOTE = 240;

/** What the reasoning says of an answer contradicting the reference wholly or in part, with the sentence that does (see deniedQuote). */
const contradictionNote = (contradicted: 'whole' | 'part', quote: string): string =>
  (contradicted === 'part' ? `; part of it contradicts the reference${quote}` : quote ? `; it contradicts the reference${quote}` : '');

/**
 * The first of the `denied` sentences (a claim denied first, then a restatement denied: see Denial),
 * quoted as the answer has it (": \"…\""); one longer than MAX_QUOTE is cut at a word and marked "…".
 * Nothing when none is in the answer as written.
 */
const deniedQuote = (kept: readonly Sentence[], denied: readonly number[], answer: string): string => {
  const texts = denied.map((i) => kept[i]!.text).filter((text) => answer.includes(text));
  const whole = texts.find((text) => text.length <= MAX_QUOTE);
  if (whole !== undefined) return `: "${whole}"`;
  const [long] = texts;
  if (long === undefined) return '';
  const cut = long.slice(0, MAX_QUOTE);
  return `: "${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trimEnd()}…"`;
};

/**
 * A contradicted or disowned answer scores at most `cap`; a share of restatements contradicted above
 * `share` counts as one. An answer contradicting the reference in part (a share up to `share`, or a
 * claim it denies with a negation or an opposite) keeps the rest of its score, at most `partCap`: a
 * wrong claim about what the question asks is below the accuracy that marks the skill's boundary
 * (0.5), however right the rest.
 */
const CONTRADICTION = { cap: 20, share: 0.5, partCap: 40 } as const;

/**
 * Notes (see isNoteForm) are told from a keyword list by their few function words: at least this
 * share ("rows stored in index order, only 1 per table"; a list of terms has none).
 */
const NOTES = { minFunctionWords: 0.04 } as const;

/** The highest score for an answer covering a share c of the given key points: floor + span × c (half → 70, all → 100). */
export const KEY_POINT_CAP = { floor: 40, span: 60 } as const;
const RAW_FLOOR = 0.2;
const RAW_SPAN = 2.0;

export const abortError = (): Error => Object.assign(new Error('The grading call was aborted'), { name: 'AbortError' });

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
    // The kept sentences' words by how many there are: a sentence said again is found among those of its length.
    const seen = new Map<number, string[][]>();
    for (const s of candidate.kept) {
      // A sentence said again adds nothing: it is read once (a fragment of a word or two may recur by chance).
      const ws = words(s.text);
      const sameLength = seen.get(ws.length);
      if (ws.length >= 3 && sameLength?.some((other) => other.every((w, i) => w === ws[i]))) {
        if (!flags.includes('repetition')) flags.push('repetition');
        continue;
      }
      if (sameLength) sameLength.push(ws);
      else seen.set(ws.length, [ws]);
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
    let roots: Set<string> | undefined;
    for (let i = 0; i < ref.weightedTokens.length; i++) {
      const t = ref.weightedTokens[i]!;
      if (present.has(t) || saysBySynonym(present, t)) {
        hit += ref.weightValues[i]!;
      } else if (t.length === STEM_LENGTH) {
        roots ??= rootsOf(present, ref.weights);
        if (roots.has(t.slice(0, ROOT_MATCH.length))) hit += ROOT_MATCH.weight * ref.weightValues[i]!;
      }
    }
    const recall = ref.totalWeight > 0 ? hit / ref.totalWeight : 0;
    let onTopic = 0;
    for (const t of present) if (ref.relevant.has(t)) onTopic++;
    // The share of the answer's words that are the reference's (or the question's).
    const precision = onTopic / present.size;
    const similarity = trigramCosine(answerWords, ref.trigrams);
    const relevance = Math.min(1, (recall + Math.max(0, similarity - RELEVANCE.baseline)) * RELEVANCE.scale);
    const length = Math.log(1 + tokens.length) * relevance;

    // A key point is covered when half its words appear (or half of one alternative's: see
    // alternativesOf), as a compound written together or apart (see forEachCompound), as a status of
    // the class it names ("422" for "4xx"), as a synonym (see SYNONYM_GROUPS) or in any form the
    // five-letter stems miss: short words and their plurals or longer forms (task / tasks, type / types) count as one.
    let joined: Set<string> | undefined;
    const inAnswer = (t: string): boolean => {
      if (present.has(t)) return true;
      // Written as one word or as two: "runtime" for the point's "run time", "data base" for its "database".
      const compound = ref.compounds.get(t);
      if (compound !== undefined && present.has(compound)) return true;
      if (joined === undefined) {
        const stems = new Set<string>();
        for (const ws of keptWords) forEachCompound(ws, (stem) => stems.add(stem));
        joined = stems;
      }
      if (joined.has(t)) return true;
      if (STATUS_CLASS.test(t)) for (const a of present) if (a.length === 3 && a[0] === t[0] && /^\d\d$/.test(a.slice(1))) return true;
      if (saysBySynonym(present, t)) return true;
      return hasForm(present, t);
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
    } else if (writtenInAnotherLanguage(answerWords)) {
      // Read as English, it is graded low however right: a person should read it.
      flags.push('not_english');
    }
    // Only an answer mostly of the reference's words can be a list of them: the list's shape is read then.
    const list = tokens.length >= 6 && precision >= 0.6 ? listShape(kept.map((k) => k.text), ref.order) : undefined;
    // The reference's own list said back ("string, number, bigint, boolean, …") is an answer, however bare.
    const referenceList = list !== undefined && list.pairs > 0 && list.listedTogether / list.pairs >= 0.5;
    // Notes ("PUT = full replace. PATCH = partial update") have few function words but are no list;
    // a list of terms set out with colons and arrows has none at all, and is one; terse phrases are notes too (see inPhrases).
    // Notes comparing the question's two sides, each labelled ("HashMap: O(1), unordered. TreeMap: sorted, O(log n)"), however terse.
    const comparison = isLabelledComparison(answer, ref.sides);
    const notes = comparison || (structure >= NOTES.minFunctionWords && isNoteForm(answer));
    const terse = list !== undefined && structure < 0.12 && !notes && !inPhrases(list, answerWords, precision, ref.order);
    const listed = list !== undefined && !referenceList &&
      (terse || paddedWithOneWord(answerWords) || (list.items >= STUFFING.minItems && list.terms / list.items >= STUFFING.listShare));
    if (listed) {
      // A bare list of the reference's words shows recognition, not understanding: so does one padded with a
      // repeated filler ("the X the Y the Z") or set out as a comma list ("It is about X, Y, Z and W").
      flags.push('keyword_stuffing');
      score = Math.round(score * 0.35);
    }
    const order = wordOrder(answerWords, ref.order);
    if (order !== undefined && order < WORD_SALAD.maxInOrder && !comparison) {
      // The reference's words with their order lost: recognition again, not an explanation.
      flags.push('word_salad');
      score = Math.round(score * WORD_SALAD.factor);
    }
    // Denials: the reference restated with the opposite polarity, two terms traded, a claim negated,
    // or the answer disowned. Lexical overlap cannot tell "X is never Y" from "X is Y"; the polarity
    // and subjects of restated claims can.
    const denial = denialOf(kept, keptWords, sentenceTokens, ref.claims);
    const disowned = kept.some((k) => isDisowning(k.text)) || (kept.length > 1 && deniesWhatCameBefore(kept[kept.length - 1]!.text));
    let contradicted: 'whole' | 'part' | undefined;
    if (disowned || denial.share > CONTRADICTION.share) {
      contradicted = 'whole';
      flags.push('contradicts_reference');
      score = Math.min(score, CONTRADICTION.cap);
    } else if (denial.share > 0 || denial.deniedClaims.length > 0) {
      contradicted = 'part';
      score = Math.min(Math.round(score * (1 - denial.share)), CONTRADICTION.partCap);
    }
    let novel = 0;
    for (const t of present) if (!ref.question.has(t)) novel++;
    const echoesQuoted = ref.quotesPoints && present.size >= ECHO.minQuestionWords && novel < ECHO.novelShare * present.size;
    if (echoesQuoted || (novel === 0 && present.size === ref.question.size && ref.question.size >= ECHO.minQuestionWords)) {
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
    // Depth counts explaining phrases up to three: more add nothing, and a long answer's are not all looked for.
    const explained = explanationMarkers(answer, 3);
    const depth = clamp01(Math.min(1, tokens.length / 40) * 0.5 + (explained / 3) * 0.3 + coverage * 0.2);
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
      `; similarity ${similarity.toFixed(2)}` + (flags.length > 0 ? `; flags: ${flags.join(', ')}` : '') +
      (contradicted ? contradictionNote(contradicted, deniedQuote(kept, [...denial.deniedClaims, ...denial.deniedRestatements], request.answer)) : '') + '.';
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
    const question = new Set(contentTokens(request.question));
    const referenceWords = words(referenceText);
    const referenceTokens = contentTokensOf(referenceWords);
    const hasKeyPoints = !!request.keyPoints && request.keyPoints.length > 0;
    const points = (hasKeyPoints
      ? request.keyPoints!
      : (request.referenceAnswer ?? '').split(/[.;]|,\s*(?:and|but|so)\s+/).map((s) => s.trim()).filter((s) => contentTokens(s).length >= 2)
    ).map((text) => ({ text, tokens: [...new Set(contentTokens(text))], own: [] as string[], alternatives: alternativesOf(text) }));
    for (const p of points) p.own = p.tokens.filter((t) => !points.some((o) => o !== p && o.tokens.includes(t)));
    const pointTokens = hasKeyPoints ? points.flatMap((p) => p.tokens) : [];
    // A question that names the points it asks for (a follow-up: "Two points your answer did not cover: …").
    const quotesPoints = pointTokens.length > 0 && pointTokens.filter((t) => question.has(t)).length >= ECHO.quotedShare * pointTokens.length;
    const weights = new Map<string, number>();
    // Words the question already contains earn nothing: repeating the question is not answering it. A
    // question naming its points asks for them to be explained: their words earn, and an answer that
    // only says them back is capped as an echo (see ECHO).
    for (const t of referenceTokens) weights.set(t, question.has(t) && !quotesPoints ? 0 : 1);
    const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
    const compounds = new Map<string, string>();
    for (const p of points) {
      const ws = words(p.text);
      forEachCompound(ws, (stem, second) => {
        for (const half of contentTokensOf([ws[second - 1]!, ws[second]!])) compounds.set(half, stem);
      });
    }
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
      quotesPoints,
      compounds,
      order: referenceOrder(request.referenceAnswer ?? '', referenceWords, request.keyPoints ?? []),
      claims: referenceClaims(request.referenceAnswer ?? '', referenceText, referenceTokens, question, request.question),
      sides: sidesOf(request.question),
    };
    this.cache.set(key, prepared);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    return prepared;
  }
}

/**
 * The compounds two neighbouring content words make ("run time" → "runtime", "data base" →
 * "database", "back end" → "backend"): technical writing spells them either way. Only a first word
 * shorter than a stem makes one ("after mount" stems to "after"). `each` gets the compound's stem and
 * the index of its second word.
 */
function forEachCompound(ws: readonly string[], each: (stem: string, second: number) => void): void {
  for (let i = 1; i < ws.length; i++) {
    const first = ws[i - 1]!;
    if (first.length >= STEM_LENGTH || STOP_WORDS.has(first) || STOP_WORDS.has(ws[i]!)) continue;
    each((first + ws[i]!).slice(0, STEM_LENGTH), i);
  }
}
