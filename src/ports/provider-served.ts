/** Which provider and model produced an AI result; recorded on every turn. */
export interface ServedBy {
  provider: string;
  model: string;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  /** True when the vendor reported no counts and they were estimated from text length. */
  estimated: boolean;
}

/** One attempt at an AI call, successful or not: what the usage log and the cost figures are made of. */
export interface AiCallRecord {
  port: 'interviewer' | 'grader';
  provider: string;
  model: string;
  outcome: 'ok' | 'error';
  latencyMs: number;
  usage?: TokenUsage;
  error?: string;
}

/** Options every AI port call accepts. */
export interface AiCallOptions {
  /** Aborting must stop the work and reject with an AbortError-like error. */
  signal?: AbortSignal;
  /**
   * Receives the produced text as it is generated, in order; the concatenation of the tokens since
   * the last onReset (of all of them, when none came) equals the final text. Providers that cannot
   * stream call it once with the whole text.
   */
  onToken?: (token: string) => void;
  /**
   * Told that the text handed to onToken so far is withdrawn: the attempt that produced it failed
   * and another serves, or its reply was replaced by a repaired one. What follows replaces it.
   */
  onReset?: () => void;
  /** Told about every provider attempt the call makes (fallback chains make several). */
  onCall?: (record: AiCallRecord) => void;
}
