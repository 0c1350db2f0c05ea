/**
 * Claims denied one by one: the answer says with a verb's negation what the reference affirms of the
 * same subject ("optimistic locking … does not check at write time whether someone else changed
 * the row" for "optimistic locking takes no lock and instead checks at write time … whether
 * someone else changed the row"), or says of a subject the question sets apart the opposite of a
 * word the reference says of it ("an implicit wait is a local setting" for "a global driver
 * setting"). The restatement checks of denials.ts need most of a part's words to be the
 * reference's, and such a claim often adds its own around them; here only the words under the
 * negation (its scope), or the words beside the opposite, are compared with the reference clause,
 * and the subject apart.
 */
import { negationsIn } from '../text/signals.js';
import { oppositesBetween, senseGroupOf, senseGroupsOf } from '../text/opposites.js';
import { contentTokensOf, hasForm, proseWords, type Sentence, sentences, words } from '../text/tokens.js';
import { asTerm, CLAUSE_BREAK, CONDITION, CONDITION_INSIDE, EXCLUSION, negatesItsClaim, PART_BREAK, STOPPING } from './clauses.js';

/** A reference clause as negated claims are read against it. */
export interface NegatableClause {
  /** The subjects it names, or, naming none, those of its sentence's clause before it. */
  subjects: Set<string>;
  /** The content tokens of its parts that affirm. */
  affirmed: Set<string>;
  /** The content tokens of its parts that negate or say an absence ("without flicker", "out of the image"). */
  negated: Set<string>;
  /** The opposite-sense groups of its words (see opposites.ts). */
  senses: Set<number>;
  /** The content tokens of what it sets aside as the alternative not taken ("… instead of classes creating them"). */
  setAside: Set<string>;
}

/**
 * A negated claim denies a reference clause when at least `minTokens` of its scope's content tokens,
 * and `minShare` of them, are among what the clause affirms.
 */
const NEGATED_SCOPE = { minTokens: 2, minShare: 0.6 } as const;

/** The verbs a verb's "not" follows ("does not", "is not"); "functions not available" and "not having" negate no claim. */
const AUXILIARY = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'must',
  'may', 'might', 'has', 'have', 'had', 'shall']);
/** Right after the negation, a word that weakens the claim rather than denying it: "not always", "not only", "does not need to". */
const WEAKENS = new Set(['always', 'necessarily', 'need', 'needed', 'required', 'all', 'only', 'just']);
/** Under the negation, a word that makes it an exception: "does not re-run it unless one changes". */
const EXCEPT = new Set(['unless', 'except', 'until']);
/** Between a negation and a word of WEAKENS, words that only stress it: "don't even need", "doesn't really need". */
const EMPHASIS = new Set(['even', 'really', 'actually', 'strictly', 'necessarily']);
/** Before the negation, a relative pronoun: the negation restricts a noun ("an array that is not declared static"). */
const RELATIVE = new Set(['that', 'which', 'who', 'whose', 'whom']);
/** Stems that add nothing to what a negation denies ("does not keep keys sorted either"). */
const FILLER = new Set(['eithe', 'thoug', 'actua', 'reall', 'even', 'also', 'too', 'anyth', 'any']);
/** Where a negation's scope ends inside its part: a dash or a parenthesis sets off what follows. */
const SCOPE_END = /\s[-–—]+\s|\(/;
/** A sentence that may negate a verb (see verbNegationAt). */
const VERB_NEGATION = /\b(?:not|never|cannot)\b|n['’]t\b/i;
/** Where a clause's subject is looked for before a negation: this many of its words. */
const SUBJECT_WORDS = 12;

/**
 * Where a verb is negated in a part's words ("does not", "never", "cannot", "isn't", which `words`
 * reads as "isn", "t"), or -1. "No" and "none" say an absence ("no base case"), which restates as
 * often as it denies.
 */
function verbNegationAt(ws: readonly string[]): number {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (w === 'never' || w === 'cannot') return i;
    if (i > 0 && ((w === 'not' && AUXILIARY.has(ws[i - 1]!)) || (w === 't' && ws[i - 1]!.endsWith('n')))) return i;
  }
  return -1;
}

/** Whether a negation at `at` in a part's words restricts, weakens or excepts rather than denies (see the sets above). */
const deniesNothing = (ws: readonly string[], at: number): boolean =>
  ws[at - 1] === 'or' || ws.slice(Math.max(0, at - 3), at).some((w) => RELATIVE.has(w)) || WEAKENS.has(ws[at + 1] ?? '')
  || (EMPHASIS.has(ws[at + 1] ?? '') && WEAKENS.has(ws[at + 2] ?? ''))
  // "might not be on the server that received it" says what may happen; "aren't re-evaluated" that it happens once, not again.
  || ws[at - 1] === 'might' || ws[at - 1] === 'mightn' || ws[at + 1] === 're'
  || (ws[at + 1] === 'have' && ws[at + 2] === 'to') || ws.slice(at + 1).some((w) => EXCEPT.has(w));

/** The subjects a list of words names (a plural's "s" dropped). */
function subjectsNamed(ws: readonly string[], subjects: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const t of contentTokensOf(ws)) {
    const s = asTerm(t, subjects);
    if (s !== undefined) out.add(s);
  }
  return out;
}

/** Verbs that say a thing is not done, as a reference advises or describes it: "avoid two-phase commit", "avoiding long locks". */
const AVOIDING = new Set(['avoid', 'avoids', 'avoided', 'avoiding']);

/**
 * Whether words say a thing is absent ("without", "lacks", "out of", "non-root", "keeps secrets out"), not done
 * ("avoid two-phase commit", "stop accepting new connections"), set aside ("instead
 * of classes creating them") or kept from happening (see saysPrevention). Narrower than absencesIn
 * (clauses.ts), which also counts verbs that take a thing away: here a reference clause's verb is
 * what it claims ("DELETE removes rows one at a time"), so reading "removes" as a negation would
 * file the claim under the negated ones, and "TRUNCATE doesn't remove the rows all at once" would
 * deny nothing.
 */
const saysAbsence = (ws: readonly string[]): boolean =>
  ws.some((w, i) => w === 'without' || w === 'non' || w.startsWith('lack') || ((w === 'out' || w === 'instead') && ws[i + 1] === 'of')
    || (KEEPING_FROM.has(w) && ws.slice(i + 2, i + 6).includes('out')) || AVOIDING.has(w) || (STOPPING.has(w) && /ing$/.test(ws[i + 1] ?? '')))
  || saysPrevention(ws);

/** Verbs that keep a thing from happening when "from" and a verb in -ing follow: "stop a malicious page from reading …" (not "keep X separate from Y"). */
const KEEPING_FROM = new Set(['stop', 'stops', 'stopping', 'keep', 'keeps', 'keeping', 'block', 'blocks', 'blocking', 'bar', 'bars']);
/** Verbs that keep a thing from happening by themselves: "prevents other sites from …", "prevents a dirty read". */
const PREVENTING = new Set(['prevent', 'prevents', 'prevented', 'preventing']);

/**
 * Whether words say a thing is kept from happening: what follows is said negated ("browsers stop a
 * malicious page from reading another site's data" says the page cannot read it).
 */
const saysPrevention = (ws: readonly string[]): boolean =>
  ws.some((w, i) => PREVENTING.has(w) || (KEEPING_FROM.has(w) && ws.slice(i + 1, i + 7).some((f, j) => f === 'from' && /ing$/.test(ws[i + 2 + j] ?? ''))));

/** Verbs that say a thing is not done: under a negation they turn it round again ("so you don't forget cleanup" says cleanup is done). */
const NOT_DOING = new Set(['forget', 'forgets', 'forgetting', 'fail', 'fails', 'neglect', 'neglects', 'omit', 'omits', 'omitting']);

/** Whether the words under a negation turn it round again: a thing kept from happening, or not done (see NOT_DOING). */
const turnsRound = (under: readonly string[]): boolean => saysPrevention(under) || under.slice(0, 3).some((w) => NOT_DOING.has(w));

/**
 * A reference's clauses (`text`: the reference with its key points) as negated claims are read
 * against them; `subjects` are the terms the question sets side by side that the reference speaks
 * of (see attributesOf in denials.ts). A part's claim and the condition it ends with ("… converge
 * if no new writes occur") each count by their own polarity.
 */
export function negatableClausesOf(text: string, subjects: ReadonlySet<string>): NegatableClause[] {
  const out: NegatableClause[] = [];
  for (const s of sentences(text)) {
    let named = new Set<string>();
    for (const clause of s.text.split(CLAUSE_BREAK)) {
      const own = subjectsNamed(words(clause), subjects);
      if (own.size > 0) named = own;
      const affirmed = new Set<string>();
      const negated = new Set<string>();
      const setAside = new Set<string>();
      for (const part of clause.split(PART_BREAK)) {
        const at = part.search(CONDITION_INSIDE);
        for (const piece of at < 0 ? [part] : [part.slice(0, at), part.slice(at)]) {
          const ws = words(piece);
          const into = negationsIn(piece) > 0 || saysAbsence(ws) ? negated : affirmed;
          for (const t of contentTokensOf(ws)) into.add(t);
          const instead = ws.findIndex((w, i) => w === 'instead' && ws[i + 1] === 'of');
          if (instead >= 0) for (const t of contentTokensOf(ws.slice(instead + 2))) setAside.add(t);
        }
      }
      out.push({ subjects: named, affirmed, negated, senses: senseGroupsOf(proseWords(clause)), setAside });
    }
  }
  return out;
}

/**
 * Whether a negated claim (its scope's content tokens and opposite-sense groups, said of
 * `subjects`, or of `subjectTokens` when the question sets no subjects apart) denies what a
 * reference clause affirms, and no clause says it negated: "does not allow" restates "prevents",
 * and "does not converge on the base case" what "the base case is not included" says. When the
 * words under the negation turn it round again (`turnedRound`: "does not stop X from …", "don't
 * forget X"), what the clause affirms and what it negates trade places.
 */
function deniesReference(
  scope: ReadonlySet<string>, scopeSenses: ReadonlySet<number>, subjects: ReadonlySet<string> | undefined,
  subjectTokens: ReadonlySet<string>, clauses: readonly NegatableClause[], turnedRound: boolean,
): boolean {
  let denies = false;
  for (const c of clauses) {
    if (subjects ? ![...subjects].every((t) => c.subjects.has(t)) : ![...subjectTokens].some((t) => c.affirmed.has(t) || c.negated.has(t))) continue;
    if (oppositesBetween(scopeSenses, c.senses) > 0) return false;
    const [affirming, negating] = turnedRound ? [c.negated, c.affirmed] : [c.affirmed, c.negated];
    let affirmed = 0;
    let negated = 0;
    for (const t of scope) {
      if (hasForm(affirming, t)) affirmed++;
      if (hasForm(negating, t)) negated++;
    }
    // A subject the clause sets aside as the alternative not taken counts for what it negates: "a class doesn't create
    // its dependencies" says what "… instead of classes creating them" does, beside "Spring creates beans and injects their dependencies".
    if (negated > 0 && !turnedRound) for (const t of subjectTokens) if (!scope.has(t) && c.setAside.has(t) && !c.affirmed.has(t)) negated++;
    if (negated >= NEGATED_SCOPE.minTokens && negated >= affirmed) return false;
    if (affirmed >= NEGATED_SCOPE.minTokens && affirmed >= NEGATED_SCOPE.minShare * scope.size) denies = true;
  }
  return denies;
}

/**
 * A part saying one side of an opposite-sense pair denies a reference clause of the same subject that
 * says the other when it shares at least `minShared` of its other content words with it (fewer read
 * a word said of another aspect as a denial: "an unsorted array" beside "the sorted elements").
 */
const OPPOSED_CLAIM = { minShared: 3 } as const;

/** Whether a word is of an opposite-sense pair the reference does not say both sides of in one clause. */
const opposable = (w: string, twoWays: ReadonlySet<number>): boolean => {
  const g = senseGroupOf(w);
  return g !== undefined && !twoWays.has(g);
};

/**
 * Whether a part's words say, of the subject of a reference clause that says a word of opposite
 * sense, the other side of the pair ("an implicit wait is a local setting for one lookup that polls up
 * to a timeout" for "a global driver setting that makes every lookup poll up to a timeout"; see
 * OPPOSED_CLAIM), and no clause of that subject saying the same side is restated as well.
 */
function opposesReference(ws: readonly string[], twoWays: ReadonlySet<number>, subjects: ReadonlySet<string>, clauses: readonly NegatableClause[]): boolean {
  // A comparison ("cheaper than copying it") may be turned round and still right: it is left to the restatement checks.
  if (ws.includes('than')) return false;
  const senses = new Set([...senseGroupsOf(ws)].filter((g) => !twoWays.has(g)));
  if (senses.size === 0) return false;
  const tokens = contentTokensOf(ws.filter((w) => senseGroupOf(w) === undefined));
  // The clause it restates best decides: one saying the same side agrees ("… after the current operation" beside "… before paint").
  let opposing = 0;
  let agreeing = 0;
  for (const c of clauses) {
    if (![...subjects].every((t) => c.subjects.has(t))) continue;
    let shared = 0;
    for (const t of tokens) if (!subjects.has(t) && (c.affirmed.has(t) || c.negated.has(t))) shared++;
    if (oppositesBetween(senses, c.senses) > 0) opposing = Math.max(opposing, shared);
    else if ([...senses].some((g) => c.senses.has(g))) agreeing = Math.max(agreeing, shared);
  }
  return opposing >= OPPOSED_CLAIM.minShared && opposing > agreeing;
}

/** What says an advice's alternative follows: "…, put them in Redis instead", "rather than …". */
const ALTERNATIVE = /\binstead\b|\brather than\b/i;

/**
 * Whether a part's negation is advice against one way, with the way to take said after it: it opens
 * the part, an imperative ("don't keep sessions in process memory, put them in Redis instead";
 * "don't pass setCount(count + 1) …; pass an updater function"), and the rest of the sentence names
 * an alternative, or the next sentence opens with the same verb. It turns a way down, not the
 * reference's claim. `ws` are the part's words (its negation at `at`, `under` what follows it),
 * `rest` the sentence after the part, `next` the next sentence.
 */
function advisesOtherwise(ws: readonly string[], at: number, under: readonly string[], rest: string, next?: string): boolean {
  const opening = at === 0 || (at === 1 && (ws[0] === 'do' || ws[0] === 'don'));
  if (!opening || under.length === 0) return false;
  return ALTERNATIVE.test(rest) || (next !== undefined && words(next)[0] === under[0]);
}

/**
 * `twoWays` and the opposite-sense pairs a sentence says both sides of ("UI state stays local …, and only
 * global client state goes into a small store"): each side is said of a subject of its own there, so
 * neither is an opposite of what the reference says (as the reference's own are not, see twoWaysOf in denials.ts).
 */
function bothWaysIn(sentence: string, twoWays: ReadonlySet<number>): ReadonlySet<number> {
  const groups = senseGroupsOf(proseWords(sentence));
  const both = [...groups].filter((g) => groups.has(g ^ 1));
  return both.length === 0 ? twoWays : new Set([...twoWays, ...both]);
}

/**
 * The answer's sentences (their indices in `kept`) with a part that denies what the reference affirms of the same subject: with a verb's
 * negation, or, with none, with a word of opposite sense (see opposesReference; `twoWays` are the
 * pairs the reference says both sides of in one clause, never read as opposites). When the question
 * sets two or more subjects apart (`subjects`), a part's subject is the one its clause names first
 * (or the sentence's clause before it: "TreeMap is also O(1), but it does not keep keys sorted");
 * otherwise the words said before the claim must be ones the reference clause says. Negations that
 * restrict, weaken or except, and those in a condition or an exclusion ("…, and never for CPU-heavy work"), deny nothing (see
 * deniesNothing, negatesItsClaim, EXCLUSION).
 */
export function deniedClaims(
  kept: readonly Sentence[], sentenceWords: readonly (readonly string[])[], clauses: readonly NegatableClause[], subjects: ReadonlySet<string>,
  twoWays: ReadonlySet<number>,
): number[] {
  const setApart = subjects.size >= 2;
  const denied = new Set<number>();
  for (let i = 0; i < kept.length; i++) {
    const sentence = kept[i]!;
    // Most sentences negate no verb and say no opposite: they are not cut into parts.
    if (!VERB_NEGATION.test(sentence.text) && !(setApart && sentenceWords[i]!.some((w) => opposable(w, twoWays)))) continue;
    let named = new Set<string>();
    let sentenceTwoWays: ReadonlySet<number> | undefined;
    // The sentence's words so far: a clause's subject may be said in the clause before ("Building once saves time, but it does not …").
    const said: string[] = [];
    for (const clause of sentence.text.split(CLAUSE_BREAK)) {
      const before: string[] = [];
      for (const part of clause.split(PART_BREAK)) {
        const ws = words(part);
        const at = verbNegationAt(ws);
        if (at < 0 || deniesNothing(ws, at) || CONDITION.test(part) || EXCLUSION.test(part) || !negatesItsClaim(part)) {
          if (setApart && at < 0 && negationsIn(part) === 0 && !CONDITION.test(part)) {
            // No negation: an opposite may deny instead.
            const own = subjectsNamed(ws, subjects);
            if (own.size > 0) named = own;
            if (named.size > 0 && opposesReference(ws, (sentenceTwoWays ??= bothWaysIn(sentence.text, twoWays)), named, clauses)) denied.add(i);
          }
          before.push(...ws);
          said.push(...ws);
          continue;
        }
        const own = subjectsNamed([...before, ...ws.slice(0, at)], subjects);
        if (own.size > 0) named = own;
        const subjectTokens = new Set(contentTokensOf([...said, ...ws.slice(0, at)].slice(-SUBJECT_WORDS)));
        before.push(...ws);
        said.push(...ws);
        const scopeWords = words(part.split(SCOPE_END)[0]!);
        const scopeAt = verbNegationAt(scopeWords);
        if (scopeAt < 0) continue;
        const under = scopeWords.slice(scopeAt + 1);
        const scope = new Set(contentTokensOf(under).filter((t) => !FILLER.has(t)));
        if (scope.size < NEGATED_SCOPE.minTokens) continue;
        if (setApart ? named.size === 0 : subjectTokens.size === 0) continue;
        if (advisesOtherwise(scopeWords, scopeAt, under, sentence.text.slice(sentence.text.indexOf(part) + part.length), kept[i + 1]?.text)) continue;
        if (deniesReference(scope, senseGroupsOf(under), setApart ? named : undefined, subjectTokens, clauses, turnsRound(under))) denied.add(i);
      }
      const own = subjectsNamed(before, subjects);
      if (own.size > 0) named = own;
    }
  }
  return [...denied];
}
