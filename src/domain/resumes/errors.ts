import { DomainError, NotFound } from '../shared/domain-error.js';

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

/** The resume does not exist or belongs to someone else (the two are indistinguishable by design). */
export class ResumeNotFound extends NotFound {
  constructor(id: string) {
    super('resumes.not_found', `Resume ${id} not found`, { resumeId: id });
  }
}

/** The file is over the upload limit. */
export class ResumeTooLarge extends DomainError {
  constructor(limitBytes: number) {
    super('resumes.too_large', `The file is larger than the limit of ${limitBytes / 1024 / 1024} MB`, { limitBytes });
  }
}

/** The upload carried no file, or an empty one. */
export class EmptyUpload extends DomainError {
  constructor(detail = 'The uploaded file is empty') {
    super('resumes.empty_upload', detail);
  }
}

/** The analysis is not written yet: parsing or review is still running (the frontend polls on 404). */
export class AnalysisNotReady extends NotFound {
  constructor(id: string) {
    super('resumes.analysis_not_ready', 'The analysis is not ready yet; try again shortly', { resumeId: id });
  }
}

/** There will be no analysis: the resume could not be read. */
export class AnalysisUnavailable extends DomainError {
  constructor(id: string, reason: string) {
    super('resumes.analysis_unavailable', `There is no analysis for this resume: ${reason}`, { resumeId: id });
  }
}

/** A download link that is malformed, tampered with or expired. */
export class DownloadLinkInvalid extends NotFound {
  constructor() {
    super('resumes.download_link_invalid', 'This download link is invalid or has expired; ask for a new one');
  }
}
