/** A typed dependency-injection key. Resolving it yields a T; no DI library is imported here. */
export type Token<T> = symbol & { readonly __resolves?: T };

export const token = <T>(name: string): Token<T> =>
  Symbol.for(`candidates-portal/${name}`) as Token<T>;
