import type { ParsedResume } from '../domain/resumes/parsed-resume.js';
import type { AiCallOptions, ServedBy, TokenUsage } from './provider-served.js';
import { token } from './token.js';

export interface ResumeParseRequest {
  /** Visible text from a ResumeTextExtractor. */
  text: string;
  /** Text the extractor found hidden: reported as a warning, never parsed into fields. */
  hiddenText?: readonly string[];
  /** The date "Present" means and totalYears is counted to. */
  asOf: Date;
}

export interface ParsedResumeResult extends ParsedResume {
  servedBy: ServedBy;
  /** Tokens the vendor billed for this result; absent for providers that bill nothing. */
  usage?: TokenUsage;
}

/**
 * Reads a resume's text into fields.
 * Contract: contact, skills (canonical taxonomy names), experience, totalYears (overlaps merged,
 * one decimal, counted to asOf), currentRole, education and certifications come from the visible
 * text only; hidden text adds a 'hidden_text' warning and no data; instructions aimed at an AI add
 * a 'prompt_injection' warning and change nothing else; empty or gibberish text yields an empty
 * parse, not an error; an aborted signal rejects with an AbortError.
 */
export interface ResumeParser {
  parse(request: ResumeParseRequest, options?: AiCallOptions): Promise<ParsedResumeResult>;
}
export const ResumeParser = token<ResumeParser>('ResumeParser');
