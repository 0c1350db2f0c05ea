import { token } from './token.js';

export interface LoginThrottleState {
  failures: number;
  lockedUntil?: Date;
}

/**
 * Failed-login bookkeeping keyed by normalised email, whether or not an account exists, so a
 * lockout never reveals which emails are registered.
 * Contract: get of an unknown key resolves {failures: 0}; recordFailure increments atomically and
 * returns the new state; reset clears it.
 */
export interface LoginThrottle {
  get(key: string): Promise<LoginThrottleState>;
  recordFailure(key: string, update: (current: LoginThrottleState) => LoginThrottleState): Promise<LoginThrottleState>;
  reset(key: string): Promise<void>;
}
export const LoginThrottle = token<LoginThrottle>('LoginThrottle');
