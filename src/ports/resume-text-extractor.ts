import type { DocumentType } from '../domain/resumes/file-type.js';
import { token } from './token.js';

export interface ExtractedResumeText {
  /**
   * The visible text in reading order: lines joined by "\n", a blank line between blocks, columns
   * read one after the other, wide gaps inside a line as "\t".
   */
  text: string;
  /** Page count (for DOCX the count Word last saved, else one plus the explicit page breaks). */
  pages: number;
  type: DocumentType;
  /**
   * Text present in the file but not visible to a reader — white or background-coloured, tiny
   * (< 3 pt), transparent, hidden runs, or outside the page — one entry per line. Never part of `text`.
   */
  hiddenText: string[];
}

/**
 * Turns resume bytes into text.
 * Contract: a text PDF and a DOCX yield their words, in reading order, with the page count; a
 * two-column page is read column by column; hidden text goes to hiddenText and never into text;
 * a PDF without a text layer (a scan) rejects with NoTextLayer; bytes that are not of the stated
 * type reject with UnsupportedDocumentType; corrupt files reject with UnreadableDocument.
 */
export interface ResumeTextExtractor {
  extract(bytes: Uint8Array, type: DocumentType): Promise<ExtractedResumeText>;
}
export const ResumeTextExtractor = token<ResumeTextExtractor>('ResumeTextExtractor');
