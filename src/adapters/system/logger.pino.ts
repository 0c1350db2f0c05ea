import pino, { type Logger as Pino } from 'pino';
import type { LogFields, Logger } from '../../ports/logger.js';

/** Keys whose values never reach a log line, wherever they appear. */
const REDACT = [
  'password', '*.password', 'token', '*.token', 'authorization', '*.authorization',
  'req.headers.authorization', 'passwordHash', '*.passwordHash', 'text', '*.text',
];

export class PinoLogger implements Logger {
  private constructor(private readonly pino: Pino) {}

  static create(options: { level: string; destination?: NodeJS.WritableStream }): PinoLogger {
    const base = pino(
      { level: options.level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined,
        timestamp: pino.stdTimeFunctions.isoTime },
      options.destination as pino.DestinationStream | undefined,
    );
    return new PinoLogger(base);
  }

  debug(fields: LogFields, message: string): void {
    this.pino.debug(fields, message);
  }
  info(fields: LogFields, message: string): void {
    this.pino.info(fields, message);
  }
  warn(fields: LogFields, message: string): void {
    this.pino.warn(fields, message);
  }
  error(fields: LogFields, message: string): void {
    this.pino.error(fields, message);
  }
  child(fields: LogFields): Logger {
    return new PinoLogger(this.pino.child(fields));
  }
}

/** Discards everything: for tests that do not inspect logs. */
export class SilentLogger implements Logger {
  debug(): void {}
  info(): void {}
  warn(): void {}
  error(): void {}
  child(): Logger {
    return this;
  }
}

/** Keeps entries in memory so tests can assert on what was logged. */
export class RecordingLogger implements Logger {
  readonly entries: Array<{ level: string; message: string; fields: LogFields }> = [];
  constructor(private readonly bound: LogFields = {}, private readonly sink?: RecordingLogger) {}
  private push(level: string, fields: LogFields, message: string): void {
    (this.sink ?? this).entries.push({ level, message, fields: { ...this.bound, ...fields } });
  }
  debug(f: LogFields, m: string): void { this.push('debug', f, m); }
  info(f: LogFields, m: string): void { this.push('info', f, m); }
  warn(f: LogFields, m: string): void { this.push('warn', f, m); }
  error(f: LogFields, m: string): void { this.push('error', f, m); }
  child(fields: LogFields): Logger {
    return new RecordingLogger({ ...this.bound, ...fields }, this.sink ?? this);
  }
}
