/**
 * The order of an answer's words and items against the reference's: its words shuffled, and keyword
 * lists however they are dressed up, as opposed to the reference's phrases and lists said back.
 */
import { contentTokensOf, sentences, STOP_WORDS, words } from '../text/tokens.js';

/**
 * An answer of at least `minWords` words, `minFromReference` of them the reference's, whose
 * neighbouring reference words follow each other in the reference less than `maxInOrder` of the
 * time is the reference's words shuffled; it keeps `factor` of its score.
 */
export const WORD_SALAD = { minWords: 8, minFromReference: 0.7, maxInOrder: 0.2, factor: 0.35 } as const;
/**
 * Keyword lists in disguise: a stop word above `maxOneWord` of an answer of `minWords` or more, or
 * `minItems` or more comma-separated items of which `listShare` are single words (see listShape).
 * Terse text whose items average `phraseWords` words or more, with words (`ownWords`) or an order (`ownOrder`) of its
 * own, is phrases, not a list of terms (see inPhrases).
 */
export const STUFFING = { minWords: 10, maxOneWord: 0.3, minItems: 6, listShare: 0.7, phraseWords: 4, ownWords: 0.1, ownOrder: 0.9 } as const;

/** The reference's words and lists, in their order (prepared once per question). */
export interface ReferenceOrder {
  /** Every word of the reference text (question excluded). */
  referenceWords: Set<string>;
  /** Each reference word → the words that follow it somewhere in the reference (see wordOrder). */
  referenceFollowers: Map<string, Set<string>>;
  /** Each content word of the reference → where the reference first says it (see inPhrases). */
  firstSaidAt: Map<string, number>;
  /** The neighbouring items of the lists the reference and key points make (see listShape). */
  referenceLists: Set<string>;
  /** The neighbouring items of the key points' own list alone. */
  keyPointList: Set<string>;
}

/** The order of a reference answer and its key points, `referenceWords` being the words of both. */
export function referenceOrder(referenceAnswer: string, referenceWords: readonly string[], keyPoints: readonly string[]): ReferenceOrder {
  const keyPointList = keyPoints.join(', ');
  return {
    referenceWords: new Set(referenceWords),
    referenceFollowers: followersOf(referenceWords),
    firstSaidAt: firstSaidAt(referenceWords),
    // The key points make a list of their own: an answer that recites them in note form is one.
    referenceLists: listNeighbours([...sentences(referenceAnswer).map((st) => st.text), keyPointList]),
    keyPointList: listNeighbours([keyPointList]),
  };
}

/**
 * Of the answer's neighbouring word pairs whose two words are both the reference's, the share the
 * reference says in that order; undefined when the answer is short or mostly its own words (then
 * order says nothing about copying). Copied or paraphrased text keeps the reference's phrases
 * ("a stable identity", "between renders"); its words shuffled keep almost none.
 */
export function wordOrder(answerWords: readonly string[], ref: ReferenceOrder): number | undefined {
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

/** Each content word of `ws` → its first index there. */
function firstSaidAt(ws: readonly string[]): Map<string, number> {
  const at = new Map<string, number>();
  ws.forEach((w, i) => {
    if (!STOP_WORDS.has(w) && !at.has(w)) at.set(w, i);
  });
  return at;
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
export function paddedWithOneWord(ws: readonly string[]): boolean {
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
 * The answer's comma (and "and", "or") separated items: how many, how many words they have in all,
 * how many are a single word that is no stop word, and of the neighbouring items how many the
 * reference (or its key points) lists side by side too. "string, number, bigint, boolean" answering
 * with the reference's own list is an answer, as are its key points in note form; "jsx, syntax,
 * extension, compiler" picked from its sentences is a keyword list.
 */
export function listShape(texts: readonly string[], ref: ReferenceOrder) {
  let items = 0;
  let terms = 0;
  let itemWords = 0;
  let pairs = 0;
  let listedTogether = 0;
  // Sentences follow each other as items do: key points recited one per line or per sentence are a list
  // too. Across sentences only the key points' own order counts: the reference's words in its order, cut
  // into lines where its sentences list things, are still words picked out of it.
  let previous: string[] | undefined;
  for (const text of texts) {
    listItems(text).forEach((ws, i) => {
      items++;
      itemWords += ws.length;
      if (ws.length === 1 && !STOP_WORDS.has(ws[0]!)) terms++;
      if (previous) {
        pairs++;
        if ((i > 0 ? ref.referenceLists : ref.keyPointList).has(neighbourKey(previous, ws))) listedTogether++;
      }
      previous = ws;
    });
  }
  return { items, terms, pairs, listedTogether, itemWords };
}

/**
 * Whether terse text (`answerWords`; `list` its shape, see listShape; `referenceShare` the share of
 * its content words that are the reference's) is set out in phrases of its own, not terms: two
 * items or more of `STUFFING.phraseWords` words on average, with words of its own (at least
 * `STUFFING.ownWords` of them) or the reference's in an order of its own (fewer than
 * `STUFFING.ownOrder` of its neighbouring ones in the order the reference first says them): notes,
 * however few their function words ("Default evaluated once at def time → shared list across calls;
 * use None instead", "SHA-256 fast → GPUs try billions of guesses per second. bcrypt deliberately
 * slow"). A keyword list's items are a word or two; the reference's words in a row are one item
 * however long, and cut into groups in its order ("keys stable identity reconciliation, match
 * elements renders reordering, …") still the reference picked apart.
 */
export function inPhrases(
  list: { items: number; itemWords: number }, answerWords: readonly string[], referenceShare: number, ref: ReferenceOrder,
): boolean {
  if (list.items < 2 || list.itemWords < STUFFING.phraseWords * list.items) return false;
  if (referenceShare <= 1 - STUFFING.ownWords) return true;
  let previous: number | undefined;
  let pairs = 0;
  let forward = 0;
  for (const w of answerWords) {
    const at = ref.firstSaidAt.get(w);
    if (at === undefined || at === previous) continue;
    if (previous !== undefined) {
      pairs++;
      if (at > previous) forward++;
    }
    previous = at;
  }
  return pairs > 0 && forward < STUFFING.ownOrder * pairs;
}

/** What sets out a relation in notes: "X: Y", "X -> Y", "X => Y", "X = Y". */
const RELATION = /\S\s*(?::|->|=>|→|=)\s*\S/g;

/**
 * Whether an answer is written as notes ("PUT = full replace, idempotent. PATCH = partial update",
 * "BFS: queue, level order -> shortest path"): at least two relations set out with ":", "->", "=>"
 * or "=". Notes are terse, with few function words, but they say what each thing is or does; a
 * bare list of terms sets out none.
 */
export const isNoteForm = (answer: string): boolean => (answer.match(RELATION)?.length ?? 0) >= 2;

/** A note's label and what sets out its relation: "TreeMap: sorted keys", "UNION ALL = keeps duplicates", "ci -> clean install". */
const LABELLED = /^\s*([^:=>→]{1,40}?)\s*(?::|->|=>|→|=)\s*\S/;

/**
 * Whether an answer is notes comparing the two sides a question sets apart (`sides`, see
 * side-trades.ts): a segment (a sentence, or a part after a semicolon) labelled with each side
 * ("HashMap: O(1), unordered. TreeMap: sorted keys, O(log n)"). Each label says which side its
 * terms are of, which a keyword list never does, however terse the terms after it.
 */
export function isLabelledComparison(answer: string, sides: readonly [ReadonlySet<string>, ReadonlySet<string>] | undefined): boolean {
  if (!sides) return false;
  const labelled = [false, false];
  for (const segment of answer.split(/[.;\n](?:\s+|$)/)) {
    const label = LABELLED.exec(segment)?.[1];
    if (label === undefined) continue;
    for (const t of contentTokensOf(words(label))) {
      if (sides[0].has(t)) labelled[0] = true;
      else if (sides[1].has(t)) labelled[1] = true;
    }
  }
  return labelled[0]! && labelled[1]!;
}
