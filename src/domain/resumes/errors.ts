import { DomainError } from '../shared/domain-error.js';

/** The bytes are neither a PDF nor a DOCX (a renamed executable, an image, a legacy .doc…). */
export class UnsupportedDocumentType extends DomainError {
  constructor(detail = 'Only PDF and DOCX resumes are accepted') {
    super('resumes.unsupported_type', detail);
  }
}

/** A PDF whose pages carry no readable text: a scan or a photo of a resume. */
export class NoTextLayer extends DomainError {
  constructor(pages: number) {
    super(
      'resumes.no_text_layer',
      'The PDF has no text layer (it looks scanned); upload a text-based PDF or DOCX',
      { pages },
    );
  }
}

/** The file claims a supported type but cannot be opened: corrupt, truncated or password-protected. */
export class UnreadableDocument extends DomainError {
  constructor(type: string, reason: string) {
    super('resumes.unreadable', `The ${type.toUpperCase()} file could not be read: ${reason}`, { type });
  }
}

/** The document opened but holds no text at all. */
export class EmptyDocument extends DomainError {
  constructor(type: string) {
    super('resumes.empty', `The ${type.toUpperCase()} file contains no text`, { type });
  }
}
