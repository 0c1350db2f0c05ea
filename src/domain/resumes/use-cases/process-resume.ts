import { mergeResumeIntoProfile } from '../../candidates/profile.js';
import { editProfile } from '../../candidates/use-cases/manage-profile.js';
import { DomainError } from '../../shared/domain-error.js';
import { retryOnConflict } from '../../shared/retry.js';
import { storableText } from '../../shared/text.js';
import type { Clock } from '../../../ports/clock.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import type { ObjectStorage } from '../../../ports/object-storage.js';
import type { ResumeParser } from '../../../ports/resume-parser.js';
import type { ResumeReviewer } from '../../../ports/resume-reviewer.js';
import type { ExtractedResumeText, ResumeTextExtractor } from '../../../ports/resume-text-extractor.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import type { Resume } from '../resume.js';
import { toStoredParse } from '../resume.js';

export const PARSE_RESUME_JOB = 'resume.parse';
export const REVIEW_RESUME_JOB = 'resume.review';

/** The codes of document faults no retry can fix: the resume ends `failed` with the reason. */
const DOCUMENT_FAULTS = new Set(['resumes.no_text_layer', 'resumes.unsupported_type', 'resumes.unreadable', 'resumes.empty']);

export interface JobAttempt {
  attempt: number;
  maxAttempts: number;
}

/** What ends a job for good: the worker must not retry it. */
export class ResumeJobFailed extends DomainError {
  constructor(message: string) {
    super('resumes.job_failed', message);
  }
}

interface ProcessDeps {
  uow: UnitOfWork;
  storage: ObjectStorage;
  extractor: ResumeTextExtractor;
  clock: Clock;
}

async function readText(deps: ProcessDeps, resume: Resume): Promise<ExtractedResumeText> {
  const object = await deps.storage.get(resume.storageKey);
  if (!object) throw new ResumeJobFailed('The stored file is missing');
  const extracted = await deps.extractor.extract(object.data, resume.type);
  // Whatever the extractor, text the store can keep: a PDF's broken font map can yield U+0000.
  return { ...extracted, text: storableText(extracted.text), hiddenText: extracted.hiddenText.map(storableText) };
}

/**
 * The parse job: pending → processing → completed | failed. A document fault (a scan with no text
 * layer, a corrupt file) fails at once with its reason; any other fault is retried by the worker
 * and fails the resume only on the last attempt. On completion the parse is stored, the skills and
 * (when empty) the experience merge into the profile, and the review is queued — in one transaction.
 */
export class ParseResume {
  constructor(private readonly deps: ProcessDeps & { parser: ResumeParser }) {}

  async execute(resumeId: string, job: JobAttempt): Promise<void> {
    const { uow, clock, parser } = this.deps;
    const resume = await uow.repositories.resumes.find(resumeId);
    if (!resume || resume.parsingStatus === 'completed') return;
    if (job.attempt > job.maxAttempts) {
      // Claimed again after its last attempt: each one stopped unfinished (the process died or was killed while parsing,
      // as a file that exhausts memory or time can make it), so the file is not read again.
      const message = `Parsing stopped before it finished in each of ${job.maxAttempts} attempts; the file may be too large or complex to read`;
      await this.fail(resume, message);
      throw new ResumeJobFailed(message);
    }
    await uow.repositories.resumes.setParsing(resumeId, { status: 'processing' });
    try {
      const extracted = await readText(this.deps, resume);
      const asOf = clock.now();
      const result = await parser.parse({ text: extracted.text, hiddenText: extracted.hiddenText, asOf });
      const parsed = toStoredParse(result, result.servedBy);
      await retryOnConflict(() => uow.transaction(async (repos) => {
        if (!(await repos.resumes.find(resumeId))) return; // deleted meanwhile
        await repos.resumes.setParsing(resumeId, {
          status: 'completed', parsed, errorMessage: null, parsedAt: clock.now(), extractedText: extracted.text,
        });
        await repos.jobs.enqueue({ type: REVIEW_RESUME_JOB, payload: { resumeId } }, clock.now());
        await editProfile(uow, clock, resume.candidateId, { profile: (p) => mergeResumeIntoProfile(p, parsed) }, repos);
      }));
    } catch (error) {
      const documentFault = error instanceof DomainError && DOCUMENT_FAULTS.has(error.code);
      const final = documentFault || error instanceof ResumeJobFailed || job.attempt >= job.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      if (final) {
        await this.fail(resume, documentFault ? message : `Parsing failed after ${job.attempt} attempt(s): ${message}`);
        if (documentFault) return; // the work is done: the resume says why it failed
        throw new ResumeJobFailed(message);
      }
      await uow.repositories.resumes.setParsing(resumeId, { status: 'pending' });
      throw error;
    }
  }

  /** Ends a resume's parse as failed with the reason, and recomputes the profile's completeness (unless it was deleted meanwhile). */
  private async fail(resume: Resume, errorMessage: string): Promise<void> {
    const { uow, clock } = this.deps;
    await retryOnConflict(() => uow.transaction(async (repos) => {
      if (!(await repos.resumes.find(resume.id))) return;
      await repos.resumes.setParsing(resume.id, { status: 'failed', parsed: null, parsedAt: clock.now(), errorMessage });
      await editProfile(uow, clock, resume.candidateId, {}, repos);
    }));
  }
}

/** The review job: reads the parsed resume and stores an analysis (the newest one is served). */
export class ReviewResume {
  constructor(private readonly deps: ProcessDeps & { reviewer: ResumeReviewer; ids: IdGenerator }) {}

  async execute(resumeId: string, job?: JobAttempt): Promise<void> {
    const { uow, clock, reviewer, ids } = this.deps;
    // Claimed again after its last attempt: each one stopped unfinished (see ParseResume), so it is not run again.
    if (job && job.attempt > job.maxAttempts) throw new ResumeJobFailed(`Review stopped before it finished in each of ${job.maxAttempts} attempts`);
    const resume = await uow.repositories.resumes.find(resumeId);
    if (!resume?.parsed) return;
    // The parse kept the text it read; a resume parsed before that was kept is read again.
    const text = (await uow.repositories.resumes.extractedText(resumeId)) ?? (await readText(this.deps, resume)).text;
    const review = await reviewer.review({
      text,
      parsed: resume.parsed.detail,
      ...(resume.parsed.detail.currentRole ? { targetRole: resume.parsed.detail.currentRole } : {}),
    });
    const tokensUsed = review.usage ? review.usage.inputTokens + review.usage.outputTokens : 0;
    await uow.transaction(async (repos) => {
      if (!(await repos.resumes.find(resumeId))) return;
      await repos.resumes.addAnalysis({
        id: ids.newId(),
        resumeId,
        overallScore: review.overallScore,
        strengths: review.strengths,
        weaknesses: review.weaknesses,
        suggestions: review.suggestions,
        keywordsMissing: review.keywordsMissing,
        breakdown: review.breakdown ? { ...review.breakdown } : null,
        analysisModel: `${review.servedBy.provider}/${review.servedBy.model}`,
        tokensUsed,
        analyzedAt: clock.now(),
      });
    });
  }
}
