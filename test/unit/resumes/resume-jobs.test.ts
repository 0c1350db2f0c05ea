import { expect } from 'chai';
import { MemoryObjectStorage } from '../../../src/adapters/memory/object-storage.memory.js';
import { MemoryUnitOfWork } from '../../../src/adapters/memory/unit-of-work.memory.js';
import { OfflineResumeParser } from '../../../src/adapters/offline/resume-parser.offline.js';
import { OfflineResumeReviewer } from '../../../src/adapters/offline/resume-reviewer.offline.js';
import { FixedClock } from '../../../src/adapters/system/clock.system.js';
import { UuidIdGenerator } from '../../../src/adapters/system/id-generator.uuid.js';
import { RecordingLogger } from '../../../src/adapters/system/logger.pino.js';
import { JobWorker } from '../../../src/app/job-worker.js';
import {
  NoTextLayer, ORPHAN_GRACE_MS, PARSE_RESUME_JOB, ParseResume, REVIEW_RESUME_JOB, ReviewResume, SweepOrphanedFiles, UploadResume,
} from '../../../src/domain/resumes/index.js';
import type { ObjectStorage } from '../../../src/ports/object-storage.js';
import { VersionConflict } from '../../../src/domain/shared/domain-error.js';
import type { ExtractedResumeText, ResumeTextExtractor } from '../../../src/ports/resume-text-extractor.js';
import { anAccount } from '../../support/builders.js';
import { singleColumnPdf } from '../../support/fixtures/resumes.js';

const TEXT = `Jane Doe
jane@example.com | +1 555 0100

EXPERIENCE
Software Engineer, Acme Corp, Jan 2020 – Present
Built React and TypeScript apps on AWS.

SKILLS
React, TypeScript, Node.js, PostgreSQL`;

/** An extractor whose next results the test decides. */
class ScriptedExtractor implements ResumeTextExtractor {
  script: Array<ExtractedResumeText | Error> = [];
  calls = 0;
  async extract(): Promise<ExtractedResumeText> {
    this.calls++;
    const next = this.script.shift() ?? { text: TEXT, pages: 1, type: 'pdf', hiddenText: [] };
    if (next instanceof Error) throw next;
    return next;
  }
}

describe('resume jobs: upload, parse, review', () => {
  let uow: MemoryUnitOfWork;
  let storage: MemoryObjectStorage;
  let extractor: ScriptedExtractor;
  let clock: FixedClock;
  let candidateId: string;
  let upload: UploadResume;
  let parse: ParseResume;
  let review: ReviewResume;
  const ids = new UuidIdGenerator();

  beforeEach(async () => {
    uow = new MemoryUnitOfWork();
    storage = new MemoryObjectStorage();
    extractor = new ScriptedExtractor();
    clock = new FixedClock(new Date('2026-06-01T00:00:00Z'));
    const account = anAccount();
    candidateId = account.id;
    await uow.repositories.accounts.insert(account);
    upload = new UploadResume({ uow, storage, clock, ids, logger: new RecordingLogger() });
    parse = new ParseResume({ uow, storage, extractor, clock, parser: new OfflineResumeParser() });
    review = new ReviewResume({ uow, storage, extractor, clock, reviewer: new OfflineResumeReviewer(), ids });
  });

  const claim = async (type: string) => {
    const job = await uow.repositories.jobs.claim([type], clock.now(), new Date(clock.now().getTime() + 60_000));
    expect(job, `a queued ${type} job`).not.to.equal(undefined);
    return job!;
  };

  it('stores the file, activates the row and queues parsing in one step', async () => {
    const resume = await upload.execute({ candidateId, fileName: '../../etc/passwd.pdf', bytes: await singleColumnPdf() });
    expect(resume.fileName).to.equal('passwd.pdf');
    expect(resume.storageKey).to.equal(`resumes/${candidateId}/${resume.id}.pdf`);
    expect(await storage.exists(resume.storageKey)).to.equal(true);
    expect((await uow.repositories.resumes.findActive(candidateId))?.id).to.equal(resume.id);
    expect((await claim(PARSE_RESUME_JOB)).payload).to.deep.equal({ resumeId: resume.id });
    expect((await uow.repositories.profiles.find(candidateId))?.completenessScore).to.equal(10 + 10 + 10 + 15);
  });

  it('removes the stored file and keeps the previous active resume when the transaction fails', async () => {
    const first = await upload.execute({ candidateId, bytes: await singleColumnPdf() });
    const brokenUow = { repositories: uow.repositories, transaction: async () => Promise.reject(new Error('database down')) };
    const keys: string[] = [];
    const spy: ObjectStorage = {
      put: async (k, d, t) => { keys.push(k); await storage.put(k, d, t); },
      get: (k) => storage.get(k), delete: (k) => storage.delete(k), exists: (k) => storage.exists(k), list: (p) => storage.list(p),
    };
    const withSpy = new UploadResume({ uow: brokenUow, storage: spy, clock, ids, logger: new RecordingLogger() });
    let error: unknown;
    try {
      await withSpy.execute({ candidateId, bytes: await singleColumnPdf() });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).to.equal('database down');
    expect(keys).to.have.length(1);
    expect(await storage.exists(keys[0]!)).to.equal(false);
    expect((await uow.repositories.resumes.findActive(candidateId))?.id).to.equal(first.id);
    expect(await uow.repositories.resumes.countOwned(candidateId)).to.equal(1);
  });

  it('retries the upload transaction when it loses a race for the profile, storing the file once', async () => {
    let conflicts = 1;
    const racing = {
      repositories: uow.repositories,
      transaction: <T>(work: (r: typeof uow.repositories) => Promise<T>) => {
        if (conflicts-- > 0) return Promise.reject(new VersionConflict('CandidateProfile', candidateId));
        return uow.transaction(work);
      },
    };
    const racingUpload = new UploadResume({ uow: racing, storage, clock, ids, logger: new RecordingLogger() });
    const resume = await racingUpload.execute({ candidateId, bytes: await singleColumnPdf() });
    expect(await storage.exists(resume.storageKey)).to.equal(true);
    expect((await uow.repositories.resumes.findActive(candidateId))?.id).to.equal(resume.id);
  });

  it('completes a parse, merges skills into the profile and queues the review, which writes an analysis', async () => {
    const resume = await upload.execute({ candidateId, bytes: await singleColumnPdf() });
    const job = await claim(PARSE_RESUME_JOB);
    await parse.execute(resume.id, job);
    const parsed = await uow.repositories.resumes.find(resume.id);
    expect(parsed?.parsingStatus).to.equal('completed');
    expect(parsed?.parsed?.skills).to.include.members(['react', 'typescript', 'node', 'postgresql']);
    const profile = await uow.repositories.profiles.find(candidateId);
    expect(profile?.skills).to.include.members(['react', 'typescript', 'node', 'postgresql']);
    expect(profile?.experienceYears).to.equal(6);
    const extractions = extractor.calls;
    await review.execute((await claim(REVIEW_RESUME_JOB)).payload.resumeId as string);
    expect(extractor.calls, 'the review reads the text the parse kept').to.equal(extractions);
    const analysis = await uow.repositories.resumes.latestAnalysis(resume.id);
    expect(analysis?.overallScore).to.be.within(0, 100);
    expect(analysis?.analysisModel).to.match(/^offline\//);
  });

  it('keeps extracted text a database can store: no U+0000, no unpaired surrogate', async () => {
    extractor.script.push({ text: `${TEXT}\u0000\nReact\ud83d hooks`, pages: 1, type: 'pdf', hiddenText: ['white\u0000text'] });
    const resume = await upload.execute({ candidateId, bytes: await singleColumnPdf() });
    await parse.execute(resume.id, await claim(PARSE_RESUME_JOB));
    expect((await uow.repositories.resumes.find(resume.id))?.parsingStatus).to.equal('completed');
    expect(await uow.repositories.resumes.extractedText(resume.id)).to.equal(`${TEXT}\nReact\ufffd hooks`);
  });

  it('fails a document fault at once, with its reason and without a retry', async () => {
    const resume = await upload.execute({ candidateId, bytes: await singleColumnPdf() });
    extractor.script = [new NoTextLayer(1)];
    await parse.execute(resume.id, { attempt: 1, maxAttempts: 5 }); // resolves: the work is done
    const failed = await uow.repositories.resumes.find(resume.id);
    expect(failed).to.deep.include({ parsingStatus: 'failed', parsed: null });
    expect(failed?.errorMessage).to.match(/no text layer/);
  });

  it('retries other faults through the worker with backoff, and fails readably after the last attempt', async () => {
    const resume = await upload.execute({ candidateId, bytes: await singleColumnPdf() });
    const worker = new JobWorker({ uow, clock, logger: new RecordingLogger() }, {
      pollIntervalMs: 10, leaseMs: 60_000, backoffBaseMs: 1_000, backoffMaxMs: 10_000,
    });
    worker.handle(PARSE_RESUME_JOB, (job) => parse.execute(job.payload.resumeId as string, job));
    extractor.script = [new Error('storage timeout'), new Error('storage timeout'), new Error('storage timeout'), new Error('storage timeout'), new Error('storage timeout')];
    expect(await worker.drain()).to.equal(1);
    expect((await uow.repositories.resumes.find(resume.id))?.parsingStatus).to.equal('pending');
    expect(await worker.drain()).to.equal(0); // not due before its backoff
    for (let i = 0; i < 4; i++) {
      clock.advance(20_000);
      expect(await worker.drain()).to.equal(1);
    }
    const failed = await uow.repositories.resumes.find(resume.id);
    expect(failed?.parsingStatus).to.equal('failed');
    expect(failed?.errorMessage).to.equal('Parsing failed after 5 attempt(s): storage timeout');
    clock.advance(600_000);
    expect(await worker.drain()).to.equal(0);
  });

  it('fails a parse whose every attempt died unfinished when it is claimed again, without reading the file again', async () => {
    const resume = await upload.execute({ candidateId, bytes: await singleColumnPdf() });
    const worker = new JobWorker({ uow, clock, logger: new RecordingLogger() }, {
      pollIntervalMs: 10, leaseMs: 30_000, backoffBaseMs: 1_000, backoffMaxMs: 10_000,
    });
    worker.handle(PARSE_RESUME_JOB, (job) => parse.execute(job.payload.resumeId as string, job));
    // Five workers took the job and died (killed while parsing): nothing reported, each lease expired.
    for (let i = 0; i < 5; i++) {
      await claim(PARSE_RESUME_JOB);
      clock.advance(61_000);
    }
    expect(await worker.drain()).to.equal(1);
    expect(extractor.calls).to.equal(0);
    const failed = await uow.repositories.resumes.find(resume.id);
    expect(failed?.parsingStatus).to.equal('failed');
    expect(failed?.errorMessage).to.match(/stopped before it finished in each of 5 attempts/);
    clock.advance(600_000);
    expect(await worker.drain()).to.equal(0);
  });

  it('recovers when a retry succeeds', async () => {
    const resume = await upload.execute({ candidateId, bytes: await singleColumnPdf() });
    extractor.script = [new Error('blip')];
    const job = await claim(PARSE_RESUME_JOB);
    let error: unknown;
    try {
      await parse.execute(resume.id, job);
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).to.equal('blip');
    await parse.execute(resume.id, { attempt: 2, maxAttempts: 5 });
    expect((await uow.repositories.resumes.find(resume.id))?.parsingStatus).to.equal('completed');
  });

  it('sweeps stored files no resume points at, once they are past the grace period', async () => {
    const timed = new MemoryObjectStorage(() => clock.now());
    const kept = await new UploadResume({ uow, storage: timed, clock, ids, logger: new RecordingLogger() })
      .execute({ candidateId, bytes: await singleColumnPdf() });
    await timed.put(`resumes/${candidateId}/crashed-upload.pdf`, new Uint8Array([1]), 'application/pdf');
    await timed.put('recordings/elsewhere.webm', new Uint8Array([1]), 'video/webm');
    const sweep = new SweepOrphanedFiles({ uow, storage: timed, clock });
    expect((await sweep.execute()).removed).to.deep.equal([]); // too young: could be an upload in flight
    clock.advance(ORPHAN_GRACE_MS + 1);
    const young = `resumes/${candidateId}/just-stored.pdf`;
    await timed.put(young, new Uint8Array([1]), 'application/pdf');
    const result = await sweep.execute();
    expect(result).to.deep.equal({ checked: 3, removed: [`resumes/${candidateId}/crashed-upload.pdf`] });
    expect(await timed.exists(kept.storageKey)).to.equal(true);
    expect(await timed.exists(young)).to.equal(true);
    expect(await timed.exists('recordings/elsewhere.webm')).to.equal(true);
  });

  it('does nothing for a resume deleted before its job ran', async () => {
    const resume = await upload.execute({ candidateId, bytes: await singleColumnPdf() });
    await uow.repositories.resumes.delete(candidateId, resume.id);
    await parse.execute(resume.id, { attempt: 1, maxAttempts: 5 });
    await review.execute(resume.id);
    expect(extractor.calls).to.equal(0);
  });
});
