import { token } from './token.js';

/** New unique ids (UUID strings). */
export interface IdGenerator {
  newId(): string;
}
export const IdGenerator = token<IdGenerator>('IdGenerator');
