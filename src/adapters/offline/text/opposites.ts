/**
 * Words of opposite sense in technical writing: "the GIL lets threads run in parallel" says the
 * opposite of "the GIL prevents threads from running in parallel" without a negation, and word
 * overlap reads the two as the same claim. Each pair is two groups of words (their inflections
 * included); a word belongs to at most one group. Only opposites whose sense does not turn on the
 * sentence around them are listed ("client" and "server" trade roles legitimately; "blocks" is also
 * a noun).
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['allow allows allowed allowing let lets enable enables enabled enabling permit permits permitted',
    'prevent prevents prevented preventing forbid forbids forbidden disallow disallows prohibit prohibits prohibited'],
  ['mutable mutated mutate mutates changeable', 'immutable unchangeable'],
  ['synchronous synchronously sync', 'asynchronous asynchronously async'],
  ['stateless', 'stateful'],
  ['increase increases increased increasing raises', 'decrease decreases decreased decreasing reduce reduces reduced reducing'],
  ['fast faster fastest quick quicker quickly', 'slow slower slowest slowly'],
  ['highest', 'lowest'],
  ['empty', 'full'],
  ['sparse', 'dense denser'],
  ['higher', 'lower'],
  ['larger bigger', 'smaller'],
  ['more', 'less fewer'],
  ['ordered', 'unordered'],
  ['reliable reliably', 'unreliable'],
  ['shallow', 'deep'],
  ['public', 'private'],
  ['static statically', 'dynamic dynamically'],
  ['eager eagerly', 'lazy lazily'],
  ['optimistic', 'pessimistic'],
  ['sequential sequentially serially', 'parallel concurrently simultaneously'],
  ['explicit explicitly', 'implicit implicitly'],
  ['symmetric', 'asymmetric'],
  ['supervised', 'unsupervised'],
  ['overfitting overfit overfits', 'underfitting underfit underfits'],
  ['valid', 'invalid'],
  ['safe', 'unsafe'],
  ['secure', 'insecure'],
  ['efficient', 'inefficient'],
  ['consistent', 'inconsistent'],
  ['strong strongly', 'weak weakly'],
  ['before', 'after'],
  ['first', 'last'],
  ['include includes included inclusive', 'exclude excludes excluded exclusive'],
  ['horizontal horizontally', 'vertical vertically'],
  ['minimum', 'maximum'],
  ['inner', 'outer'],
  ['true', 'false'],
  ['succeeds succeeded successful successfully', 'fails failed unsuccessful'],
  ['accept accepts accepted', 'reject rejects rejected'],
  ['same', 'different'],
  ['match matches matched', 'differ differs differed'],
  ['exist exists existed', 'disappear disappears disappeared erased vanish vanishes'],
  ['remember remembers', 'forget forgets'],
  ['single', 'multiple'],
  ['local locally', 'global globally'],
  ['positive positives', 'negative negatives'],
  ['cheap cheaper', 'expensive costly'],
  ['easier', 'harder'],
  ['sorted', 'unsorted'],
  ['separately separate', 'together'],
  ['narrow narrower narrowed narrowing', 'wide wider widen widens widened widening broad broader'],
  ['persist persists persisted persistent permanent', 'temporary transient ephemeral'],
  ['read reads', 'write writes'],
];

/** Each listed word → the number of its group; a group's opposite is the number with its last bit flipped. */
const GROUP_OF: ReadonlyMap<string, number> = (() => {
  const groups = new Map<string, number>();
  PAIRS.forEach(([a, b], i) => {
    for (const w of a.split(' ')) groups.set(w, 2 * i);
    for (const w of b.split(' ')) groups.set(w, 2 * i + 1);
  });
  return groups;
})();

/** The opposite-sense group of a word (lower-cased), if it is in one. */
export const senseGroupOf = (w: string): number | undefined => GROUP_OF.get(w);

/** The opposite-sense groups a text's words (lower-cased, see `words`) belong to. */
export function senseGroupsOf(ws: readonly string[]): Set<number> {
  const groups = new Set<number>();
  for (const w of ws) {
    const g = GROUP_OF.get(w);
    if (g !== undefined) groups.add(g);
  }
  return groups;
}

/**
 * How many of `said`'s groups stand where `reference` has the opposite one: the answer says one
 * side of a pair, the reference the other, and neither says both sides.
 */
export function oppositesBetween(said: ReadonlySet<number>, reference: ReadonlySet<number>): number {
  let n = 0;
  for (const g of said) {
    const opposite = g ^ 1;
    if (reference.has(opposite) && !reference.has(g) && !said.has(opposite)) n++;
  }
  return n;
}
