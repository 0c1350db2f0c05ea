/**
 * Two sides traded clause by clause: a question that sets two things side by side ("the difference
 * between TCP and UDP") and an answer saying of each, in a clause of its own, what the reference
 * says of the other ("UDP is the connection-oriented one …; TCP just fires off datagrams"). The
 * part-by-part attribute check of denials.ts reads short parts, which a clause often spreads its
 * subject and its claims across; here a whole clause is weighed against each side.
 */
import { contentTokens, contentTokensOf, type Sentence, sentences, words } from '../text/tokens.js';
import { negationsIn } from '../text/signals.js';
import { asTerm, claimOf, type DeniedShare, NO_DENIAL, PARENTHETICAL, PART_BREAK, SEMICOLON_OR_CLAUSE_BREAK } from './clauses.js';

/** What the reference says of each of a question's two sides alone (prepared once per question). */
export interface SideAttributes {
  /** The content tokens that name each side. */
  sides: readonly [Set<string>, Set<string>];
  /** The words the reference says of each side and not of the other, question words left out. */
  own: readonly [Set<string>, Set<string>];
  /** Those of each side's own words it says only in parts that negate their claim ("changes are not visible to the caller"). */
  denied: readonly [Set<string>, Set<string>];
}

/** Words a side stops at, looking out from "and": "the difference between TCP and UDP", "… and UDP in networking". */
const SIDE_BOUNDARY = new Set(['between', 'difference', 'differ', 'differs', 'different', 'as', 'is', 'are', 'of', 'what', 'how', 'when', 'why', 'which',
  'do', 'does', 'use', 'choose', 'prefer', 'pick', 'favor', 'favour', 'in', 'on', 'for', 'with', 'to', 'should', 'would', 'you', 'vs', 'and', 'or']);
const ARTICLES = new Set(['a', 'an', 'the']);
/** Words a side after "and" may open with that are not its name ("… and using the satisfies operator"). */
const LEADING = new Set(['using', 'calling', 'declaring', 'a', 'an', 'the']);
/** Verbs that make "over" set two sides apart: "choose X over Y", "prefer X over Y". */
const CHOOSING = new Set(['choose', 'prefer', 'pick', 'use', 'favor', 'favour']);
/** Words at most on each side of the one that sets them apart. */
const SIDE_WORDS = 2;

/**
 * The two sides a question sets against each other ("X and Y", "X or Y", "X vs Y", "X instead of
 * Y", "X rather than Y", "X compared to Y", "X as opposed to Y", "how does X differ from Y", "choose
 * X over Y"): the content tokens of up to two words on each side, articles skipped, less
 * those both sides have ("strong consistency and eventual consistency" → strong, eventual; "npm
 * install and npm ci" → install, ci), unless that leaves one side none: then it is the plain thing
 * beside a kind of it, named by what they share ("a view and a materialized view" → view,
 * materialized; "clustered and non-clustered" → clustered, non). Undefined when the question sets
 * no two sides apart.
 */
export function sidesOf(questionText: string): [Set<string>, Set<string>] | undefined {
  const ws = words(questionText);
  for (let i = 1; i < ws.length - 1; i++) {
    const w = ws[i]!;
    let after: number;
    if ((w === 'instead' && ws[i + 1] === 'of') || (w === 'rather' && ws[i + 1] === 'than') || (w === 'compared' && /^(?:to|with)$/.test(ws[i + 1] ?? ''))
      || (w === 'opposed' && ws[i - 1] === 'as' && ws[i + 1] === 'to')) after = i + 2;
    else if (w === 'and' || w === 'or' || w === 'vs' || w === 'versus' || (w === 'from' && /^differ/.test(ws[i - 1]!))
      || (w === 'over' && ws.slice(Math.max(0, i - 3), i).some((b) => CHOOSING.has(b)))) after = i + 1;
    else continue;
    const first: string[] = [];
    // "differ from" and "as opposed to" open with a word of their own.
    const end = w === 'from' || w === 'opposed' ? i - 2 : i - 1;
    for (let j = end; j >= 0 && first.length < SIDE_WORDS && !SIDE_BOUNDARY.has(ws[j]!); j--) if (!ARTICLES.has(ws[j]!)) first.push(ws[j]!);
    let k = after;
    while (k < ws.length && LEADING.has(ws[k]!)) k++;
    const second: string[] = [];
    for (; k < ws.length && second.length < SIDE_WORDS && !SIDE_BOUNDARY.has(ws[k]!); k++) if (!ARTICLES.has(ws[k]!)) second.push(ws[k]!);
    const a = new Set(contentTokensOf(first));
    const b = new Set(contentTokensOf(second));
    const shared: string[] = [];
    for (const t of [...a]) {
      if (!b.has(t)) continue;
      a.delete(t);
      b.delete(t);
      shared.push(t);
    }
    // The plain thing and a kind of it ("a view and a materialized view"): the plain one is named by the words they share.
    if (a.size === 0 && b.size > 0) for (const t of shared) a.add(t);
    else if (b.size === 0 && a.size > 0) for (const t of shared) b.add(t);
    return a.size > 0 && b.size > 0 ? [a, b] : undefined;
  }
  return undefined;
}

/** The side (0 or 1) whose name a clause's tokens say first (a plural's "s" dropped, see asTerm), if any. */
function sideNamed(tokens: readonly string[], sides: SideAttributes['sides']): 0 | 1 | undefined {
  for (const t of tokens) {
    if (asTerm(t, sides[0]) !== undefined) return 0;
    if (asTerm(t, sides[1]) !== undefined) return 1;
  }
  return undefined;
}

/** Whether a word is one of the sides' names (its content token is). */
export const namesSide = (w: string, sides: SideAttributes['sides']): boolean => {
  const [t] = contentTokensOf([w]);
  return t !== undefined && (sides[0].has(t) || sides[1].has(t));
};

/**
 * A side's initials, when it is named by two or more words ("vm" for "virtual machine"), in either
 * order (sidesOf gathers the first side's words backwards).
 */
const initialsOf = (side: ReadonlySet<string>): string[] => {
  if (side.size < 2) return [];
  const first = [...side].map((t) => t[0]).join('');
  return [first, [...first].reverse().join('')];
};

/**
 * The side (0 or 1) a part speaks of: the one its first content token names, by a name or its
 * initials ("VMs isolate more strongly": "VMs" for "virtual machine", a plural's "s" dropped).
 * Undefined when its first content token names no side: then no side is its subject ("they must
 * return the same hashCode()" names hashCode as what is returned).
 */
export function sideOfPart(tokens: readonly string[], sides: SideAttributes['sides']): 0 | 1 | undefined {
  const [first] = tokens;
  if (first === undefined) return undefined;
  for (const i of [0, 1] as const) {
    const initials = initialsOf(sides[i]);
    if (asTerm(first, sides[i]) !== undefined || initials.includes(first) || initials.some((x) => `${x}s` === first)) return i;
  }
  return undefined;
}

/**
 * What the reference says of each side alone, clause by clause (see SEMICOLON_OR_CLAUSE_BREAK; asides in
 * parentheses left out): a clause speaks of the side it names first, or, naming none, of its
 * sentence's clause before it. Undefined when the question sets no sides apart, or the reference
 * says nothing of one side that it does not also say of the other.
 */
export function sideAttributesOf(referenceAnswer: string, questionText: string, question: ReadonlySet<string>): SideAttributes | undefined {
  const sides = sidesOf(questionText);
  if (!sides) return undefined;
  const said: [Set<string>, Set<string>] = [new Set(), new Set()];
  const affirmed: [Set<string>, Set<string>] = [new Set(), new Set()];
  for (const s of sentences(referenceAnswer.replace(PARENTHETICAL, ' '))) {
    let side: 0 | 1 | undefined;
    for (const clause of s.text.split(SEMICOLON_OR_CLAUSE_BREAK)) {
      const tokens = contentTokens(clause);
      side = sideNamed(tokens, sides) ?? side;
      if (side === undefined) continue;
      const claimed = byPolarity(clause, tokens, sides);
      for (const [list, isAffirmed] of [[claimed.said, true], [claimed.denied, false]] as const) {
        for (const t of list) {
          if (question.has(t) || sides[0].has(t) || sides[1].has(t)) continue;
          said[side].add(t);
          if (isAffirmed) affirmed[side].add(t);
        }
      }
    }
  }
  const own: [Set<string>, Set<string>] = [
    new Set([...said[0]].filter((t) => !said[1].has(t))),
    new Set([...said[1]].filter((t) => !said[0].has(t))),
  ];
  const denied: [Set<string>, Set<string>] = [
    new Set([...own[0]].filter((t) => !affirmed[0].has(t))),
    new Set([...own[1]].filter((t) => !affirmed[1].has(t))),
  ];
  return own[0].size > 0 && own[1].size > 0 ? { sides, own, denied } : undefined;
}

/**
 * A clause's content tokens (`tokens`, all of them) by the polarity they are said with: `denied`
 * those of its parts that negate their claim ("… and never goes to the resource APIs"), `said` the
 * rest. A word said of a side with the polarity the reference says it with agrees; with the other,
 * it is said of the other side (see sideTradeShare).
 */
function byPolarity(clause: string, tokens: readonly string[], sides: SideAttributes['sides']): { said: readonly string[]; denied: readonly string[] } {
  if (negationsIn(clause) === 0) return { said: tokens, denied: [] };
  const said: string[] = [];
  const denied: string[] = [];
  for (const part of clause.split(PART_BREAK)) {
    // A side's name is no negation of what is said of it ("display: none removes the element").
    const claim = claimOf(part);
    const negations = negationsIn(claim);
    const negated = negations > 0 && negations > words(claim).filter((w) => negationsIn(w) > 0 && namesSide(w, sides)).length;
    (negated ? denied : said).push(...contentTokens(part));
  }
  return { said, denied };
}

/**
 * The share of the answer's clauses naming a side that trade it for the other, when both sides are
 * traded: a clause trades its side when it says more of the other side's own words than of its own
 * (a word said with the other polarity than the reference's counting for the other side, see byPolarity),
 * two or more; the other side's trade may rest on one such word, when its clause says none of its
 * own ("useLayoutEffect is the one that waits: scheduled after the browser has painted" beside a
 * clear trade of useEffect). One side traded alone is no swap: a remark about the other side in
 * passing often reads as one. With the share, the sentences of the traded clauses.
 */
export function sideTradeShare(kept: readonly Sentence[], attributes: SideAttributes): DeniedShare {
  let agreeing = 0;
  const clear = [0, 0];
  const slight = [0, 0];
  const sentences = new Set<number>();
  for (let i = 0; i < kept.length; i++) {
    for (const clause of kept[i]!.text.split(SEMICOLON_OR_CLAUSE_BREAK)) {
      const tokens = contentTokens(clause);
      const side = sideNamed(tokens, attributes.sides);
      if (side === undefined) continue;
      let own = 0;
      let other = 0;
      const { said, denied } = byPolarity(clause, tokens, attributes.sides);
      // A side's own word said with the polarity the reference gives it agrees; with the other, it denies
      // (as the other side's word said does); the other side's word said with the other polarity agrees.
      const weigh = (t: string, negated: boolean) => {
        if (attributes.own[side].has(t)) {
          if (attributes.denied[side].has(t) === negated) own++;
          else other++;
        } else if (attributes.own[1 - side]!.has(t)) {
          if (attributes.denied[1 - side]!.has(t) === negated) other++;
          else own++;
        }
      };
      for (const t of new Set(said)) weigh(t, false);
      for (const t of new Set(denied)) weigh(t, true);
      if (other >= 2 && other > own) {
        clear[side]!++;
      } else if (other >= 1 && own === 0) {
        slight[side]!++;
      } else {
        if (own > other) agreeing++;
        continue;
      }
      sentences.add(i);
    }
  }
  const swapped = (clear[0]! > 0 && clear[1]! + slight[1]! > 0) || (clear[1]! > 0 && slight[0]! > 0);
  if (!swapped) return NO_DENIAL;
  const traded = clear[0]! + clear[1]! + slight[0]! + slight[1]!;
  return { share: traded / (traded + agreeing), sentences };
}
