import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import { resolveFrom as r } from '../../adapters/di.js';
import { ManageProfile } from '../../domain/candidates/index.js';
import {
  ManageResumes, PARSE_RESUME_JOB, ParseResume, ResumeJobFailed, REVIEW_RESUME_JOB, ReviewResume, SweepOrphanedFiles, UploadResume,
} from '../../domain/resumes/index.js';
import { Clock } from '../../ports/clock.js';
import { IdGenerator } from '../../ports/id-generator.js';
import { token } from '../../ports/token.js';
import { Logger } from '../../ports/logger.js';
import { ObjectStorage } from '../../ports/object-storage.js';
import { ResumeParser } from '../../ports/resume-parser.js';
import { ResumeReviewer } from '../../ports/resume-reviewer.js';
import { ResumeTextExtractor } from '../../ports/resume-text-extractor.js';
import { SignedLinks } from '../../ports/signed-links.js';
import { UnitOfWork } from '../../ports/unit-of-work.js';
import type { AppConfig } from '../config.js';
import { DEFAULT_WORKER_OPTIONS, JobWorker, PermanentJobFailure } from '../job-worker.js';

/** The process's background job runner, with every job handler registered. */
export const JobWorkerToken = token<JobWorker>('JobWorker');

const resumeIdOf = (payload: Record<string, unknown>): string => {
  if (typeof payload.resumeId !== 'string') throw new PermanentJobFailure('The job names no resume');
  return payload.resumeId;
};

/** A failure the use case declared final must not be retried by the worker. */
async function permanentOn<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ResumeJobFailed) throw new PermanentJobFailure(error.message);
    throw error;
  }
}

export function wireResumes(container: DependencyContainer, config: AppConfig): void {
  const cached = <T>(make: (c: DependencyContainer) => T) => ({ useFactory: instanceCachingFactory(make) });
  container.register(ManageProfile, cached((c) => new ManageProfile({ uow: r(c, UnitOfWork), clock: r(c, Clock) })));
  container.register(UploadResume, cached((c) => new UploadResume({
    uow: r(c, UnitOfWork), storage: r(c, ObjectStorage), clock: r(c, Clock), ids: r(c, IdGenerator), logger: r(c, Logger),
  })));
  container.register(ManageResumes, cached((c) => new ManageResumes({
    uow: r(c, UnitOfWork), storage: r(c, ObjectStorage), clock: r(c, Clock), links: r(c, SignedLinks), logger: r(c, Logger),
    linkTtlSeconds: config.resumes.downloadLinkTtlSeconds,
  })));
  container.register(ParseResume, cached((c) => new ParseResume({
    uow: r(c, UnitOfWork), storage: r(c, ObjectStorage), extractor: r(c, ResumeTextExtractor), clock: r(c, Clock),
    parser: r(c, ResumeParser),
  })));
  container.register(ReviewResume, cached((c) => new ReviewResume({
    uow: r(c, UnitOfWork), storage: r(c, ObjectStorage), extractor: r(c, ResumeTextExtractor), clock: r(c, Clock),
    reviewer: r(c, ResumeReviewer), ids: r(c, IdGenerator),
  })));
  container.register(SweepOrphanedFiles, cached((c) => new SweepOrphanedFiles({
    uow: r(c, UnitOfWork), storage: r(c, ObjectStorage), clock: r(c, Clock),
  })));
  container.register(JobWorkerToken, cached((c) => {
    const worker = new JobWorker(
      { uow: r(c, UnitOfWork), clock: r(c, Clock), logger: r(c, Logger).child({ component: 'jobs' }) },
      { ...DEFAULT_WORKER_OPTIONS, pollIntervalMs: config.jobs.pollMs },
    );
    worker.handle(PARSE_RESUME_JOB, (job) =>
      permanentOn(() => r(c, ParseResume).execute(resumeIdOf(job.payload), job)));
    worker.handle(REVIEW_RESUME_JOB, (job) => permanentOn(() => r(c, ReviewResume).execute(resumeIdOf(job.payload), job)));
    return worker;
  }));
}
