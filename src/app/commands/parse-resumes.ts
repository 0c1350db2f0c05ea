import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '../../domain/shared/domain-error.js';
import { sniffDocumentType } from '../../domain/resumes/file-type.js';
import { MAX_RESUME_BYTES } from '../../domain/resumes/resume.js';
import type { ResumeParser } from '../../ports/resume-parser.js';
import type { ResumeReviewer } from '../../ports/resume-reviewer.js';
import type { ResumeTextExtractor } from '../../ports/resume-text-extractor.js';

export interface ParseResumesDeps {
  extractor: ResumeTextExtractor;
  parser: ResumeParser;
  /** When given, each parsed resume is also reviewed. */
  reviewer?: ResumeReviewer;
  /** The date "Present" means. */
  asOf: Date;
  targetRole?: string;
}

export interface ParseResumesOutput {
  /** One JSON document per file, in file-name order. */
  line(s: string): void;
  /** Called after each file. */
  progress(done: number, total: number, file: string): void;
}

export interface ParseResumesSummary {
  total: number;
  parsed: number;
  failed: number;
}


/**
 * Parses (and optionally reviews) every file in a folder, one after another. Files are recognised
 * by their bytes, not their names: a renamed executable or an image fails with its reason and the
 * run goes on. Dotfiles and sub-folders are skipped.
 */
export async function parseResumeFolder(
  dir: string,
  deps: ParseResumesDeps,
  out: ParseResumesOutput,
): Promise<ParseResumesSummary> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
  let parsed = 0;
  let failed = 0;
  for (const [i, file] of files.entries()) {
    try {
      const path = join(dir, file);
      const { size } = await stat(path);
      if (size > MAX_RESUME_BYTES) throw new Error(`The file is larger than ${MAX_RESUME_BYTES / 1024 / 1024} MB`);
      const bytes = new Uint8Array(await readFile(path));
      const type = sniffDocumentType(bytes);
      if (!type) throw new Error('Not a PDF or DOCX file (checked by content, not by name)');
      const extracted = await deps.extractor.extract(bytes, type);
      const result = await deps.parser.parse({ text: extracted.text, hiddenText: extracted.hiddenText, asOf: deps.asOf });
      const review = deps.reviewer
        ? await deps.reviewer.review({ text: extracted.text, parsed: result, ...(deps.targetRole ? { targetRole: deps.targetRole } : {}) })
        : undefined;
      out.line(JSON.stringify({ file, status: 'completed', type, pages: extracted.pages, parsed: result, ...(review ? { review } : {}) }));
      parsed++;
    } catch (error) {
      const code = error instanceof DomainError ? error.code : undefined;
      out.line(JSON.stringify({ file, status: 'failed', error: (error as Error).message, ...(code ? { code } : {}) }));
      failed++;
    }
    out.progress(i + 1, files.length, file);
  }
  return { total: files.length, parsed, failed };
}

/** A text progress bar: `[#####-----] 5/10`. */
export function renderProgressBar(done: number, total: number, width = 20): string {
  const cells = Math.max(1, Math.floor(width));
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(ratio * cells);
  return `[${'#'.repeat(filled)}${'-'.repeat(cells - filled)}] ${done}/${total}`;
}
