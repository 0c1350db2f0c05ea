/** A typed dependency-injection key. Resolving it yields a T; no DI library is imported here. */
export type Token<T> = symbol & { readonly __resolves?: T };

export const token = <T>(name: string): Token<T> =>
  Symbol.for(`candidates-portal/${name}`) as Token<T>;

/** Anything a DI container resolves to a T: a port token or a class. */
export type Resolvable<T> = Token<T> | (abstract new (...args: never[]) => T);
