import type { DependencyContainer, InjectionToken } from 'tsyringe';
import type { Resolvable } from '../ports/token.js';

/** Typed resolution: tsyringe cannot infer T from a symbol token, Token<T> carries it. */
export const resolveFrom = <T>(container: DependencyContainer, token: Resolvable<T>): T =>
  container.resolve<T>(token as InjectionToken<T>);
