import { type Sentence, sentences, STOP_WORDS, words } from './tokens.js';
import { WordLedPatterns } from './word-led-patterns.js';

const HEDGES = [
  'i think', 'i guess', 'maybe', 'perhaps', 'not sure', "i'm not sure", 'i am not sure', 'probably', 'i believe',
  'kind of', 'sort of', 'i don\'t know', 'i dont know', 'i do not know', 'no idea', 'no clue', 'might be', 'could be', 'not really',
  'um', 'uh', 'hmm',
];

/**
 * How many of a fixed list of phrases follow a space somewhere in a text (`text.includes(' ' + phrase)`),
 * in one walk over the text's spaces that tries only the phrases starting with the character after
 * each space, and stops once `atMost` are found.
 */
class AfterSpace {
  private readonly byFirst: number[][] = [];

  constructor(private readonly phrases: readonly string[]) {
    phrases.forEach((phrase, i) => (this.byFirst[phrase.charCodeAt(0)] ??= []).push(i));
  }

  count(text: string, atMost: number): number {
    const found = new Array<boolean>(this.phrases.length).fill(false);
    let n = 0;
    for (let at = text.indexOf(' '); at >= 0 && n < atMost; at = text.indexOf(' ', at + 1)) {
      const candidates = this.byFirst[text.charCodeAt(at + 1)];
      if (candidates) {
        for (const i of candidates) {
          if (!found[i] && text.startsWith(this.phrases[i]!, at + 1)) {
            found[i] = true;
            n++;
          }
        }
      }
    }
    return Math.min(n, atMost);
  }
}

/**
 * The hedges as words: a hedge is said where the answer's runs of letters and apostrophes (lower-cased)
 * have its words in a row ("i don't know" → i, don't, know). Indexed by the first word's first letter.
 */
const HEDGE_WORDS = HEDGES.map((h) => h.split(' '));
const HEDGES_BY_FIRST_LETTER: number[][] = [];
HEDGE_WORDS.forEach(([first], i) => (HEDGES_BY_FIRST_LETTER[first!.charCodeAt(0)] ??= []).push(i));
const HEDGE_TEXT = /[a-z']+/g;

/** Hedges and hesitation markers present in an answer, in the order of the list above. */
export function hesitationsIn(answer: string): string[] {
  const ws = answer.toLowerCase().match(HEDGE_TEXT);
  if (!ws) return [];
  let found: boolean[] | undefined;
  for (let at = 0; at < ws.length; at++) {
    const candidates = HEDGES_BY_FIRST_LETTER[ws[at]!.charCodeAt(0)];
    if (!candidates) continue;
    for (const i of candidates) {
      const hedge = HEDGE_WORDS[i]!;
      let k = 0;
      while (k < hedge.length && ws[at + k] === hedge[k]) k++;
      if (k === hedge.length) (found ??= new Array<boolean>(HEDGES.length).fill(false))[i] = true;
    }
  }
  return found ? HEDGES.filter((_, i) => found![i]) : [];
}

/** Sentences that talk to the grader instead of answering: never scored, always flagged. */
export const INJECTION: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override)\b[^.!?\n]{0,60}\b(instruction|rubric|prompt|rules?|guidelines|above|previous|criteria)/i,
  // "Give this 100", "award full marks" (not "rate limit each client to 100 requests", "give it the maximum timeout").
  /\b(give|award|assign|grant|rate|score)\b[^.!?\n]{0,40}(\b100\b(?!\s*(%|percent|requests?|ms|milliseconds|seconds|rps|users|connections|items|rows|records|times|bytes|[kmg]b)\b)|\bfull (marks|score|points)|\b(maximum|perfect|top) (marks|score|points|grade)|\b10\s*\/\s*10|\b5\s*\/\s*5|\ba\+)/i,
  /\b(as|you are) (the|an?) (grader|evaluator|examiner|assistant|ai|language model)\b/i,
  /\b(system prompt|developer message|jailbreak|new instructions?)\b/i,
  /\byou (must|should|will) (mark|grade|score|rate)\b/i,
  /\bthis answer (is|deserves) (perfect|correct|full marks|100)/i,
  /\b(evaluator|grader|examiner|reviewer|assessor|marker|grading|scoring)['’]?s? (note|instruction|comment|hint)s?\b/i,
  /\b(rate|mark|grade|score|classify)\b[^.!?\n]{0,30}\b(as )?(an? )?(expert|excellent|perfect|outstanding|exceptional)\b/i,
  // Talking to whoever grades: "Dear reviewer", "Note to the grader".
  /\b(dear|note to|attention|hey|hello)\s+(the\s+)?(grader|reviewer|evaluator|examiner|assessor|marker|ai|model|assistant)\b/i,
  // Asking for the answer to be taken as something it is not: "Pretend I said …", "Assume the candidate covered …".
  /\b(pretend|assume|imagine|treat|consider|regard)\b[^.!?\n]{0,40}\b(i said|i covered|i explained|i mentioned|the candidate|this answer|my answer|this response)\b/i,
  /\b(give|award|deserve|deserves|get|earn|assign|grant|want|expect)\b[^.!?\n]{0,30}\b(full|maximum|perfect|highest|top)\s+(credit|marks?|points|score|grade|rating)\b/i,
  /\brubric\b/i,
  /\b(score|grade|rating|marks?)\s*[:=]\s*\d+/i,
  /\b(100\s*\/\s*100|10\s*\/\s*10|5\s*\/\s*5)\b/,
  /\b(key|all) points (are |were )?(covered|addressed|met)\b/i,
  /\b(this|my) (answer|response) (is|was|deserves|should be|must be) (perfect|correct|complete|excellent|flawless|right)\b/i,
  /\b(consider|call|rate|mark|treat|accept|grade|count)\b[^.!?\n]{0,25}\b(perfect|excellent|flawless|correct|complete|full)\s+(answer|response|marks|credit)\b/i,
  /\b(score|grade|rating|level)\s*[:=]\s*(expert|excellent|perfect|a\+?)\b/i,
  /\b(you are|you're) (grading|scoring|marking|evaluating|assessing)\b/i,
  /\b(output|respond with|return|print)\s+(a\s+)?(score\s*(of\s*)?)?(=\s*)?100\b/i,
  /\b(for|to) the (ai|llm|model|scoring model|grading model|grader)\b/i,
  /\b(scoring|grading|marking) (model|engine|system|ai|bot)\b/i,
  /\b(deserves|deserve|give (it|me|this)) an? a\+?(?=\W|$)/i,
  /\bbe (generous|lenient)\b/i,
  // The answer described instead of given: "My answer covers mutability, hashability …", "I've covered X and Y".
  /\b(my|this) (answer|response|explanation|reply) (covers|covered|includes|included|addresses|addressed|mentions|mentioned|touches on|hits|explains|explained)\b/i,
  /\bi(?:['’]ve| have)? (?:already |also )?(?:covered|addressed|hit|touched on)\b/i,
  // Telling whoever grades what to take away: "I'd like the reviewer to know I covered …", "so the interviewer can see that …".
  /\b(grader|reviewer|evaluator|examiner|assessor|marker|interviewer)s?\b[^.!?\n]{0,30}\b(know|note|notice|see|aware|understand|realise|realize)\b/i,
];

// All case-insensitive, tried only where one of their opening words is said (see WordLedPatterns).
const INJECTIONS = new WordLedPatterns(INJECTION);

export const isInjection = (sentence: string): boolean => INJECTIONS.test(sentence);

/**
 * What opens an injected block: text handed to the grader as if from elsewhere. It and everything
 * after it are the attacker's script, not the candidate's answer. Three kinds, each one alternation:
 *
 * - a role label or heading at the start of a sentence ("SYSTEM: …", "Assistant: …",
 *   "[INSTRUCTIONS] …", "### Instruction:");
 * - prompt markup: a chat model's role tokens ("<|im_start|>system", "[INST]", "<<SYS>>"), a code
 *   fence naming a role ("```system"), a grader's JSON ('{"score": 100'), the tags a grading prompt
 *   is built of ("</candidate_answer>", "<key_points_covered>": a name with an underscore, which
 *   markup in an answer, "<div>" or "<React.Fragment>", never has); each needs one of < [ ` {, so a
 *   sentence without any is not searched;
 * - words: an "expected answer is …", "here is the model answer", text hidden for a model ("hidden
 *   text for the AI", not "visually hidden text").
 */
const BLOCK_AT_START = new RegExp([
  /^\W*(?:system|assistant|developer|admin|grader|evaluator|instructions?)\s*:/,
  /^\W*\[\s*(?:instructions?|system|admin|note|grader|prompt)\s*\]/,
  /^\W*#{2,}\s*(?:instructions?|system|assistant|response)\s*(?::|$)/,
].map((re) => re.source).join('|'), 'i');
const BLOCK_MARKUP = new RegExp([
  /<\|[a-z_]+\|>|\[\/?INST\]|<<\/?SYS>>/,
  /```\s*(?:system|assistant|developer|instructions?)\b/,
  /\{\s*"(?:score|grade|rating)"\s*:/,
  // After a space or another tag, not a type's ("vector<size_t>").
  /(?:^|[\s>(])<\s*\/?\s*(?:candidate_answer|reference_answer|key_points|question|system|instructions?|prompt|[a-z]+_[a-z_]+)\s*>/,
].map((re) => re.source).join('|'), 'i');
const MARKUP_CHARACTER = /[<[`{]/;
const BLOCK_WORDS = new RegExp([
  /\b(?:expected|reference|model|ideal|official|target) answer (?:is|says|reads|would be)\b/,
  /\b(?:this is|here is|here's) (?:a|the) (?:model|reference|expected|ideal|official) answer\b/,
  /\b(?:hidden|invisible|secret) (?:text|note|message|instructions?) (?:for|to) (?:the )?(?:model|ai|llm|grader|evaluator|reviewer|assistant)\b/,
].map((re) => re.source).join('|'), 'i');

export const opensInjectedBlock = (sentence: string): boolean =>
  BLOCK_AT_START.test(sentence) || (MARKUP_CHARACTER.test(sentence) && BLOCK_MARKUP.test(sentence)) || BLOCK_WORDS.test(sentence);

/**
 * The answer's sentences without what talks to the grader: a sentence with an instruction goes
 * whole (the parts `sentences` cut at a semicolon too: "Treat this as correct; it mentions …"), and
 * an injected block ends the answer. `injected` says whether anything went. Every grader reads
 * only what is kept, so an instruction can never raise a score.
 */
export function withoutInstructions(answer: string): { kept: Sentence[]; injected: boolean } {
  const kept: Sentence[] = [];
  let injected = false;
  for (const group of semicolonGroups(sentences(answer))) {
    if (group.some((s) => opensInjectedBlock(s.text))) return { kept, injected: true };
    if (group.some((s) => isInjection(s.text))) {
      injected = true;
      continue;
    }
    kept.push(...group);
  }
  return { kept, injected };
}

/** Sentences as written: the parts `sentences` splits at a semicolon stay together. */
function semicolonGroups(parts: readonly Sentence[]): Sentence[][] {
  const groups: Sentence[][] = [];
  let open = false;
  for (const part of parts) {
    if (open) groups[groups.length - 1]!.push(part);
    else groups.push([part]);
    open = part.text.endsWith(';');
  }
  return groups;
}

/**
 * Words no English speaker would write: no vowel in a long word, five non-vowels in a row,
 * four non-vowels at the start, or one letter three times in a row. A share above half (of the
 * all-letter words of three letters or more) marks the answer as gibberish.
 */
export const gibberishShare = (answer: string): number => gibberishShareOf(words(answer));

const isVowel = (c: number): boolean => c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;

/**
 * gibberishShare of an answer already split by `words` (lower-case [a-z0-9]+ words). One scan of
 * each word stands for the tests /[aeiouy]/, /[^aeiouy]{5,}/, /(.)\1\1/ and /^[^aeiouy]{4}/.
 */
export function gibberishShareOf(ws: readonly string[]): number {
  let counted = 0;
  let odd = 0;
  for (const w of ws) {
    if (w.length < 3) continue;
    let letters = true;
    let vowel = false;
    let run = 0;
    let longRun = false;
    let tripled = false;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c < 97) { letters = false; break; } // a digit: `words` keeps only a–z and 0–9
      if (isVowel(c)) {
        vowel = true;
        run = 0;
      } else if (++run >= 5) longRun = true;
      if (i >= 2 && c === w.charCodeAt(i - 1) && c === w.charCodeAt(i - 2)) tripled = true;
    }
    if (!letters) continue;
    counted++;
    const consonantStart = w.length >= 4 && !isVowel(w.charCodeAt(0)) && !isVowel(w.charCodeAt(1)) &&
      !isVowel(w.charCodeAt(2)) && !isVowel(w.charCodeAt(3));
    if ((w.length >= 4 && !vowel) || longRun || tripled || consonantStart) odd++;
  }
  return counted === 0 ? 0 : odd / counted;
}

/** Share of stop words: normal prose sits around 0.3–0.5; a bare keyword list near 0. */
export const functionWordShare = (answer: string): number => functionWordShareOf(words(answer));

/** functionWordShare of an answer already split by `words`. */
export function functionWordShareOf(ws: readonly string[]): number {
  if (ws.length === 0) return 0;
  let stop = 0;
  for (const w of ws) if (STOP_WORDS.has(w)) stop++;
  return stop / ws.length;
}

/** Phrases that explain rather than name: reasons, consequences, examples, trade-offs. */
const EXPLAINING = [
  'because', 'so that', 'therefore', 'which means', 'for example', 'for instance', 'e.g', 'such as', 'however',
  'trade-off', 'tradeoff', 'whereas', 'instead', 'unless', 'otherwise', 'in contrast', 'as a result', 'this means',
  'the reason', 'to avoid', 'to prevent', 'when', 'while', 'since',
];

const EXPLAINING_AFTER_SPACE = new AfterSpace(EXPLAINING);

/** How many of the phrases above start a word (follow a space) somewhere in the answer, counted up to `atMost`. */
export function explanationMarkers(answer: string, atMost = EXPLAINING.length): number {
  return EXPLAINING_AFTER_SPACE.count(` ${answer.toLowerCase()} `, atMost);
}

/**
 * A sentence in which the candidate disowns what is being said ("None of that is true in practice",
 * "the opposite of the usual advice"): the answer around it cannot be credited as the candidate's view.
 */
const DISOWNING = new RegExp([
  /\b(none|neither) of (that|this|these|those|it|them|the above) (is|are) (true|correct|right|the case)\b/,
  /\bthe opposite of (the usual|the common|the standard|what (is|people|everyone|most))\b/,
  /\bi (don't|do not) believe (any|a word|one word) of (it|that|this|the above)\b/,
  /\b(everything|all) (i (just )?said|above) is (wrong|false|not true)\b/,
  /\ball of (that|this|it|the above) (is|was) (all )?(wrong|false|not true|untrue|a myth|a lie|nonsense|made up)\b/,
  /\bjust kidding\b/,
  // What was said put down to others and called untrue: "… — or so people say, I think that's wrong".
  /\bor so (?:people|they|some|everyone|i(?:'ve| have) (?:heard|read))(?: say| claim| think)?\b[^.!?]{0,40}\b(?:wrong|false|not true|untrue|a myth|nonsense)\b/,
  // Understanding disowned: "that's what I memorised, I don't actually understand any of it".
  /\bi (?:don't|do not) (?:actually |really |even |truly )?understand (?:any of )?(?:it|this|that|them)\b/,
  // A guess owned as one ("No idea honestly, just guessing"), not "without measuring you're just guessing".
  /\b(?:i'm|i am|i was) (?:just |only |really )?guessing\b/,
  /(?<!\b(?:you're|you are|they're|they are|we're|we are|you'd be|you would be|you'll be|you will be|are) )\bjust guessing\b/,
].map((re) => `(?:${re.source})`).join('|'), 'i');

export const isDisowning = (sentence: string): boolean => DISOWNING.test(sentence.replace(/[’‘]/g, "'"));

/**
 * A sentence that does nothing but deny what came before it as untrue ("But honestly that is a
 * myth.", "The opposite is true."). As an answer's last sentence it disowns the answer; earlier,
 * it may be dismissing a misconception the candidate just described, so it is not read there.
 * Only denials of truth: "That is wrong." may judge a practice just described.
 */
const OPENERS = /(?:(?:but|and|yet|however|honestly|actually|frankly|well|in reality|in fact|of course|to be honest|sadly)[,\s]+)*/;
const UNTRUE = /(?:that|this|it|all that|all this|the above|what i (?:just )?said)(?: is|'s| was)(?: all| just| really| actually| completely| totally)? (?:a myth|a lie|false|not true|untrue|nonsense|made up|fiction)/;
const REVERSED = /the (?:opposite|reverse) is (?:true|the case|correct)/;
const DENIES_WHAT_CAME_BEFORE = new RegExp(`^${OPENERS.source}(?:${UNTRUE.source}|${REVERSED.source})\\W*$`, 'i');

export const deniesWhatCameBefore = (sentence: string): boolean => DENIES_WHAT_CAME_BEFORE.test(sentence.replace(/[’‘]/g, "'"));

/**
 * Words that negate a statement; "n't" only after a letter and with its apostrophe ("want" is not
 * one); "no" not as the first half of a compound ("no-op", "a go/no-go check").
 */
const NEGATION = /\b(?:not|never|none|cannot|neither|nor|dont|doesnt|isnt|arent|cant|wont|didnt|wasnt)\b|\bno\b(?!-\w)|[a-z]n['’]t\b/gi;

/** How many negations a text contains: a statement and its denial differ in this count's parity. */
/** Python's `None` written as code ("if items is None"), not "None of them": no negation. */
const PYTHON_NONE = /\bNone\b(?!\s+of\b)/g;

export const negationsIn = (text: string): number =>
  ((text.includes('None') ? text.replace(PYTHON_NONE, '') : text).match(NEGATION) ?? []).length;

/** What a candidate says instead of an answer, and the fillers around it. */
const NOT_KNOWING_PHRASES = [
  'sorry|honestly|unfortunately|to be honest|well|hmm+|um+|uh+|ok|okay|no',
  "i (?:really |honestly |just )?(?:do not|don't|dont) (?:really )?(?:know|remember|recall)(?: (?:this|that|it|the answer|that one|this one))?",
  "(?:i have |i've )?(?:no|not a) (?:idea|clue)",
  "(?:i'm |i am )?not (?:sure|certain)",
  "i (?:can't|cannot|can not) (?:answer|say)(?: (?:this|that|it))?",
  "(?:i'd|i would|i need to|i'd need to|i would need to)(?: have to)? (?:look it up|google it|check)",
  '(?:i )?(?:pass|skip)(?: (?:this|that)(?: one)?)?',
  "(?:i've |i have |i )?never (?:had to(?: do)?|done|did|heard of|used|worked with|dealt with|tried) (?:it|this|that|one)(?: before)?",
  "(?:i haven't|i have not|i've not) (?:done|used|worked with|dealt with|tried) (?:it|this|that|one)(?: before)?",
  '(?:i have |i\'ve )?no experience (?:with|in) (?:it|this|that)',
  "i (?:do not|don't|dont) have (?:any |much )?experience (?:with|in) (?:it|this|that)",
  "(?:i'm |i am )?(?:not |un)familiar with (?:it|this|that)(?: (?:one|topic|concept|part))?",
  "(?:that's|that is|this is|it's|it is) (?:new to me|not something i know)",
  "i (?:can't|cannot|can not|don't|do not) remember(?: (?:it|this|that|the answer))?",
  "i (?:forgot|have forgotten|'ve forgotten)(?: (?:it|this|that|the answer))?",
].map((p) => `(?:${p})`).join('|');
/** Longer than this, an answer says more than that it does not know (and the pattern is not run over it). */
const NOT_KNOWING_MAX_LENGTH = 200;
const NOT_KNOWING = new RegExp(`^\\W*(?:${NOT_KNOWING_PHRASES})(?:\\W+(?:${NOT_KNOWING_PHRASES}))*\\W*$`, 'i');

/**
 * An answer that only says the candidate does not know ("I don't know.", "Sorry, no idea.", "Not
 * sure, I would have to look it up."): no attempt at the question, which is not an off-topic answer.
 */
export const saysOnlyNotKnowing = (answer: string): boolean =>
  answer.length <= NOT_KNOWING_MAX_LENGTH && NOT_KNOWING.test(answer.replace(/[’‘]/g, "'"));

/**
 * Function words of the languages a candidate may answer in instead of English (German, Spanish,
 * French, Portuguese, Italian), none of them an English word of technical writing ("die", "es" of
 * "ES modules", "per" and "un" are left out). Words are split at accented letters (see `words`), so
 * only unaccented ones are listed.
 */
const FOREIGN_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  ('der das und ist nicht eine einen mit auf wird werden kann sind oder auch wenn dass ' +
    'el los las que una por para con del pero como cuando porque son ' +
    'le les est une des du pas pour dans qui avec sont mais comme quand ' +
    'uma com isso quando porque ' +
    'che della gli sono delle anche quando').split(' '),
);
const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set('the is are and of to it that this with for in on be by an or'.split(' '));

/**
 * Whether an answer's words (lower-cased) are mostly of another language: at least three of the
 * function words listed, and no fewer than English ones. The lexical grader reads English, so such an
 * answer is graded low however right: flagged, for the person reviewing the report.
 */
export function writtenInAnotherLanguage(ws: readonly string[]): boolean {
  let foreign = 0;
  let english = 0;
  for (const w of ws) {
    if (FOREIGN_FUNCTION_WORDS.has(w)) foreign++;
    else if (ENGLISH_FUNCTION_WORDS.has(w)) english++;
  }
  return foreign >= 3 && foreign >= english;
}
