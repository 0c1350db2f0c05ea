/**
 * Terms a question sets side by side that have no content word of their own: operators ("== and
 * ===", "is and =="), stop words used as names ("any and unknown", "WHERE and HAVING") or joined
 * into one ("for...in and for...of"), or whose words are all another's ("package.json and
 * package-lock.json", "UNION and UNION ALL"), or that share their first word ("npm install and npm
 * ci", where "installs" is a verb). Word overlap never tells them apart, so an answer saying of `is` what the
 * reference says of `==` reads as a restatement. The denial checks (denials.ts) read the question,
 * the reference and the answer with each such term spelled as a word of its own ("mka", "mkb", … in
 * the question's order), so a traded term is seen there as any other.
 */
import { STOP_WORDS, words } from '../text/tokens.js';

/** The words that set two terms side by side in a question ("X and Y", "X vs Y", "X or Y"). */
const SIDE_BY_SIDE = new Set(['and', 'or', 'vs', 'vs.', 'versus']);
const OPERATOR = /^[=!<>&|+\-*/%^~?:.]{1,3}$/;
/** A compound written as one: words joined by a dot, a hyphen or an underscore ("package-lock.json", "non-functional"). */
const JOINED = /^[A-Za-z0-9]+(?:(?:[.\-_]|\.\.\.)[A-Za-z0-9]+)+$/;
/** A member of an object or module, as code names it: its name after the last dot. */
const MEMBER = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.([A-Za-z_$][\w$]*)$/;
/** Stop words that open a noun phrase ("a list and a tuple"), negate or ask: never a term themselves (SQL's WHERE is, in capitals). */
const NEVER_TERMS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'my', 'your', 'our', 'their', 'his', 'her', 'its', 'some',
  'each', 'every', 'no', 'not', 'nor', 'which', 'what', 'when', 'where', 'why', 'how', 'who']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export interface MarkedTerms {
  /** The question's text with each marked side spelled as its word. */
  question: string;
  /** `text` with each marked term spelled as its word where it names the term (see markedTermsOf). */
  rewrite(text: string): string;
}

/**
 * The question's marked terms, or undefined when it sets none side by side ("X and Y", "X vs Y",
 * and the list before: "A, B, C and D"). An operator on either side is one, as are a compound
 * (see JOINED) and a side all of whose words it has, each read only whole; a stop word is one when
 * the question writes it as a name: as code (in quotes or backticks, or as a member after its
 * owner: "Promise.all"), in capitals, beside an operator, or as one of only two single words
 * compared ("between any and unknown?"), never an article, a negation or a question word ("a list
 * and a tuple", "hashed and not encrypted"). In a text, an operator names its term wherever it
 * stands alone (`==` inside `===` is not it), as a member with its owner does ("Promise.all"); a
 * stop word only where it is the subject of a clause or quoted: opening a sentence or a clause
 * (after punctuation, "while", "whereas", "but", "and") before a word that is not a pronoun, an
 * article or "of" ("any turns off type checking", not "accepts any value", "Is it …" or "all of
 * them"), or in quotes or backticks.
 */
export function markedTermsOf(questionText: string): MarkedTerms | undefined {
  const raw = questionText.split(/\s+/);
  const spelled = new Map<string, string>();
  /** The qualified names of compared members ("promise.all"), and what each is read as: its marked word, or its name. */
  const qualified = new Map<string, string>();
  /** Compounds compared whose words are all in another's, and each one's word (see JOINED). */
  const names = new Map<string, string>();
  const question = raw.slice();
  /** The next marked term's word: mka, mkb, … in the question's order. */
  const nextWord = () => `mk${String.fromCharCode(97 + spelled.size + names.size)}`;
  /** The question's side at `k` spelled as `word`, the punctuation after it kept. */
  /** The punctuation the question's word at `k` ends with ("UNION," → ","). */
  const punctuationAfter = (k: number) => /[,;?]*$/.exec(raw[k]!)![0];
  const spell = (k: number, word: string) => {
    question[k] = `${word}${punctuationAfter(k)}`;
  };
  for (let i = 1; i < raw.length - 1; i++) {
    if (!SIDE_BY_SIDE.has(raw[i]!.toLowerCase())) continue;
    // The sides: the words either side, and the list before ("Promise.all, Promise.allSettled, Promise.race and Promise.any").
    const at = [i - 1, i + 1];
    for (let j = i - 2; j >= 0 && raw[j]!.endsWith(','); j--) at.unshift(j);
    const sides = at.map((k) => ({ at: k, written: raw[k]!, side: bare(raw[k]!) }));
    const besideOperator = sides.some((s) => OPERATOR.test(s.side));
    const onlyTheTwo = raw[i - 2]?.toLowerCase() === 'between' &&
      (/[?.,;]$/.test(raw[i + 1]!) || i + 2 === raw.length || /^(?:in|for|when)$/i.test(raw[i + 2]!));
    // A side that is the other with one word more ("UNION and UNION ALL"): that side is the two words, a name of its own, as is the other.
    const [first, second] = [sides[sides.length - 2]!, sides[sides.length - 1]!];
    const extra = raw[i + 2] === undefined ? undefined : bare(raw[i + 2]!);
    if (first.side.toLowerCase() === second.side.toLowerCase() && /^[A-Za-z]+$/.test(second.side) && extra !== undefined && /^[A-Za-z]+$/.test(extra)
      && punctuationAfter(i + 1) === '') {
      const longer = `${second.side} ${extra}`.toLowerCase();
      const shorter = first.side.toLowerCase();
      if (!names.has(shorter)) names.set(shorter, nextWord());
      if (!names.has(longer)) names.set(longer, nextWord());
      spell(first.at, names.get(shorter)!);
      question[i + 1] = '';
      spell(i + 2, names.get(longer)!);
      continue;
    }
    // Two sides of two words that open with the same one ("npm install and npm ci", "git merge and git rebase"): each is
    // a name of its own, read only whole, so that a verb of the same stem ("installs") is not taken for it.
    const owner = raw[i - 2] === undefined ? undefined : bare(raw[i - 2]!);
    const [ownWord, otherWord] = [bare(raw[i - 1]!), raw[i + 2] === undefined ? undefined : bare(raw[i + 2]!)];
    if (owner !== undefined && otherWord !== undefined && owner.toLowerCase() === second.side.toLowerCase() && /^[A-Za-z]+$/.test(owner)
      && !STOP_WORDS.has(owner.toLowerCase()) && /^[A-Za-z]+$/.test(ownWord) && /^[A-Za-z]+$/.test(otherWord)
      && ownWord.toLowerCase() !== otherWord.toLowerCase() && punctuationAfter(i - 1) === '' && punctuationAfter(i + 1) === '') {
      const one = `${owner} ${ownWord}`.toLowerCase();
      const other = `${owner} ${otherWord}`.toLowerCase();
      if (!names.has(one)) names.set(one, nextWord());
      if (!names.has(other)) names.set(other, nextWord());
      question[i - 2] = '';
      spell(i - 1, names.get(one)!);
      question[i + 1] = '';
      spell(i + 2, names.get(other)!);
      continue;
    }
    // A compound whose words are all in another's ("package.json", "package-lock.json") is a name of its own, as is the other.
    for (const a of sides) {
      for (const b of sides) {
        if (a === b || !JOINED.test(b.side) || !containsWords(b.side, a.side)) continue;
        for (const { at: k, side } of [a, b]) {
          const key = side.toLowerCase();
          if (!names.has(key)) names.set(key, nextWord());
          spell(k, names.get(key)!);
        }
      }
    }
    // A compound of stop words alone ("for...in", "for...of") has no word to be read by: it is a name of its own.
    for (const { at: k, side } of sides) {
      if (!JOINED.test(side) || !words(side).every((w) => STOP_WORDS.has(w))) continue;
      const key = side.toLowerCase();
      if (!names.has(key)) names.set(key, nextWord());
      spell(k, names.get(key)!);
    }
    for (const { at: k, written, side: whole } of sides) {
      if (names.has(whole.toLowerCase())) continue;
      // A member's name is what code writes after its owner: "any" of Promise.any.
      const member = MEMBER.exec(whole)?.[1];
      const side = member ?? whole;
      const capitals = /^[A-Z]{2,}$/.test(side);
      const asName = capitals || member !== undefined || /^[`'"]/.test(written) || besideOperator || onlyTheTwo;
      if (!OPERATOR.test(side) && !(asName && isNameable(side, capitals))) {
        // Another member compared is read by its name alone too, as one marked is: "allSettled" whether or not "Promise." comes first.
        if (member !== undefined) qualified.set(whole.toLowerCase(), member);
        continue;
      }
      const key = side.toLowerCase();
      const word = spelled.get(key) ?? nextWord();
      spelled.set(key, word);
      if (member !== undefined) qualified.set(whole.toLowerCase(), word);
      spell(k, word);
    }
  }
  if (spelled.size === 0 && names.size === 0) return undefined;
  const patterns: Array<[RegExp, string]> = [
    // A compound wherever it stands whole: not "package.json" in "my-package.json", nor "functional" in "non-functional".
    // Longer names first: "UNION ALL" is read before "UNION" could be.
    ...[...names].sort(([a], [b]) => b.length - a.length).map(([name, word]): [RegExp, string] => [new RegExp(`(?<![\\w$.-])${escape(name)}(?![\\w$-]|\\.\\w)`, 'gi'), word]),
    // A member named with its owner ("Promise.all") is the term wherever it stands, owner and all.
    ...[...qualified].map(([name, word]): [RegExp, string] => [new RegExp(`(?<![\\w$.])${escape(name)}(?![\\w$])`, 'gi'), word]),
    ...[...spelled].map(([term, word]): [RegExp, string] => [
      OPERATOR.test(term)
        // Not part of a longer operator; a full stop or question mark after it is punctuation.
        ? new RegExp(`(?<![=!<>&|+\\-*/%^~])${escape(term)}(?![=!<>&|+\\-*/%^~])`, 'g')
        : new RegExp(`(?<=[\`'"])${escape(term)}(?=[\`'"])|(?:(?<=^\\W*)|(?<=[.!?;:,(]\\s*)|(?<=\\b(?:while|whereas|but|and)\\s+))${escape(term)}` +
          `(?=\\s+(?!(?:it|its|this|that|these|those|there|the|a|an|he|she|they|we|you|i|of)\\b)[a-z_])`, 'gi'),
      word,
    ]),
  ];
  // The word in the term's place, set apart from a letter or digit it would otherwise join ("a==b" → "a mka b"), and
  // with nothing else added: a space after "Promise." would end a sentence there.
  const inPlaceOf = (word: string) => (term: string, at: number, text: string) =>
    `${/\w/.test(text[at - 1] ?? '') ? ' ' : ''}${word}${/\w/.test(text[at + term.length] ?? '') ? ' ' : ''}`;
  return {
    question: question.filter((w) => w !== '').join(' '),
    rewrite: (text) => patterns.reduce((out, [pattern, word]) => out.replace(pattern, inPlaceOf(word)), text),
  };
}

/** Whether every word of `inner` is a word of `outer` (as `words` splits them), and `outer` has more. */
function containsWords(outer: string, inner: string): boolean {
  const own = words(inner);
  const other = words(outer);
  return own.length > 0 && other.length > own.length && own.every((w) => other.includes(w));
}

/** A side of a question without quotes, brackets or the punctuation after it. */
const bare = (written: string) => written.replace(/^[`'"(]+/, '').replace(/[`'")?,;]+$/, '');

/** Whether a side of a question is one stop word that can name a term (SQL's WHERE can, in capitals). */
function isNameable(side: string, capitals: boolean): boolean {
  const ws = words(side);
  return ws.length === 1 && ws[0] === side.toLowerCase() && STOP_WORDS.has(ws[0]) && (capitals || !NEVER_TERMS.has(ws[0]));
}
