import { token } from './token.js';

export type LogFields = Record<string, unknown>;

/** Structured logging. Never pass passwords, tokens or resume/answer text in fields. */
export interface Logger {
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
  child(fields: LogFields): Logger;
}
export const Logger = token<Logger>('Logger');
