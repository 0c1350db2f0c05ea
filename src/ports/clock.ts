import { token } from './token.js';

/** The current time. Domain code never reads the system clock itself. */
export interface Clock {
  now(): Date;
}
export const Clock = token<Clock>('Clock');
