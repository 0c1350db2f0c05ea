import { EmptyDocument, NoTextLayer, UnreadableDocument, UnsupportedDocumentType } from '../../domain/resumes/errors.js';
import { sniffDocumentType, type DocumentType } from '../../domain/resumes/file-type.js';
import type { ExtractedResumeText, ResumeTextExtractor } from '../../ports/resume-text-extractor.js';
import { DocxFormatError, extractDocxText } from './docx-text.js';
import { extractPdfText, PdfFormatError } from './pdf-text.js';

// Fewer letters and digits than this on every page together: a scan with, at most, a page number.
const MIN_VISIBLE_CHARS = 20;

/**
 * PDF through unpdf's pdf.js (positions, colours and sizes, for reading order and hidden text) and
 * DOCX through mammoth (after hidden runs are cut from the XML). No network, no temporary files.
 */
export class DocumentResumeTextExtractor implements ResumeTextExtractor {
  async extract(bytes: Uint8Array, type: DocumentType): Promise<ExtractedResumeText> {
    const actual = sniffDocumentType(bytes);
    if (actual !== type) {
      throw new UnsupportedDocumentType(
        actual ? `The file is a ${actual.toUpperCase()}, not a ${type.toUpperCase()}` : 'The file is neither a PDF nor a DOCX',
      );
    }
    return type === 'pdf' ? this.pdf(bytes) : this.docx(bytes);
  }

  private async pdf(bytes: Uint8Array): Promise<ExtractedResumeText> {
    let result;
    try {
      result = await extractPdfText(bytes);
    } catch (error) {
      if (error instanceof PdfFormatError) throw new UnreadableDocument('pdf', error.message);
      throw error;
    }
    if (result.visibleChars < MIN_VISIBLE_CHARS) throw new NoTextLayer(result.pages);
    return { text: result.text, pages: result.pages, type: 'pdf', hiddenText: result.hiddenText };
  }

  private async docx(bytes: Uint8Array): Promise<ExtractedResumeText> {
    let result;
    try {
      result = await extractDocxText(bytes);
    } catch (error) {
      if (error instanceof DocxFormatError) throw new UnreadableDocument('docx', error.message);
      throw error;
    }
    if (result.text.trim() === '') throw new EmptyDocument('docx');
    return { text: result.text, pages: result.pages, type: 'docx', hiddenText: result.hiddenText };
  }
}
