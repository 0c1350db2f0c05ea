/** Which provider and model produced an AI result; recorded on every turn. */
export interface ServedBy {
  provider: string;
  model: string;
}

/** Options every AI port call accepts. */
export interface AiCallOptions {
  /** Aborting must stop the work and reject with an AbortError-like error. */
  signal?: AbortSignal;
  /**
   * Receives the produced text as it is generated, in order; the concatenation of all tokens equals
   * the final text. Providers that cannot stream call it once with the whole text.
   */
  onToken?: (token: string) => void;
}
