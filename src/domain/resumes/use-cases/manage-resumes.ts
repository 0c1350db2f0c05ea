import { editProfile } from '../../candidates/use-cases/manage-profile.js';
import { retryOnConflict } from '../../shared/retry.js';
import type { Clock } from '../../../ports/clock.js';
import type { Logger } from '../../../ports/logger.js';
import type { ObjectStorage } from '../../../ports/object-storage.js';
import type { SignedLinks } from '../../../ports/signed-links.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import { AnalysisNotReady, AnalysisUnavailable, DownloadLinkInvalid, ResumeNotFound } from '../errors.js';
import { CONTENT_TYPES, type Resume, type ResumeAnalysis } from '../resume.js';

export interface ResumeFile {
  data: Uint8Array;
  contentType: string;
  fileName: string;
}

/** Everything a candidate does with resumes after uploading them. Every call is owner-only. */
export class ManageResumes {
  constructor(
    private readonly deps: {
      uow: UnitOfWork; storage: ObjectStorage; clock: Clock; links: SignedLinks; logger: Logger;
      /** How long a download link works. */
      linkTtlSeconds: number;
    },
  ) {}

  list(candidateId: string): Promise<Resume[]> {
    return this.deps.uow.repositories.resumes.listOwned(candidateId);
  }

  async get(candidateId: string, id: string): Promise<Resume> {
    const resume = await this.deps.uow.repositories.resumes.findOwned(candidateId, id);
    if (!resume) throw new ResumeNotFound(id);
    return resume;
  }

  /** The latest analysis; AnalysisNotReady while parsing or review is still to run. */
  async analysis(candidateId: string, id: string): Promise<ResumeAnalysis> {
    const resume = await this.get(candidateId, id);
    const analysis = await this.deps.uow.repositories.resumes.latestAnalysis(id);
    if (analysis) return analysis;
    if (resume.parsingStatus === 'failed') throw new AnalysisUnavailable(id, resume.errorMessage ?? 'it could not be read');
    throw new AnalysisNotReady(id);
  }

  async activate(candidateId: string, id: string): Promise<Resume> {
    const { uow, clock } = this.deps;
    await retryOnConflict(() => uow.transaction(async (repos) => {
      if (!(await repos.resumes.activate(candidateId, id))) throw new ResumeNotFound(id);
      await editProfile(uow, clock, candidateId, {}, repos);
    }));
    return this.get(candidateId, id);
  }

  /**
   * Removes the resume, its analyses and its file; the interviews it was given to stay, naming no
   * resume. When it was the active one, the newest remaining resume becomes active. The file goes
   * after the rows commit, so a failure never leaves a row pointing at nothing.
   */
  async delete(candidateId: string, id: string): Promise<void> {
    const { uow, clock, storage, logger } = this.deps;
    const resume = await retryOnConflict(() => uow.transaction(async (repos) => {
      const found = await repos.resumes.findOwned(candidateId, id);
      if (!found) throw new ResumeNotFound(id);
      await repos.interviews.detachResume(id);
      await repos.resumes.delete(candidateId, id);
      if (found.isActive) {
        const [newest] = await repos.resumes.listOwned(candidateId);
        if (newest) await repos.resumes.activate(candidateId, newest.id);
      }
      await editProfile(uow, clock, candidateId, {}, repos);
      return found;
    }));
    await storage.delete(resume.storageKey).catch((error: unknown) =>
      logger.error({ key: resume.storageKey, err: String(error) }, 'resume row deleted but its file could not be removed'));
  }

  /** A signed link to the file that works without a bearer token until it expires. */
  async downloadLink(candidateId: string, id: string): Promise<{ token: string; expiresInSeconds: number; expiresAt: Date }> {
    await this.get(candidateId, id);
    const expiresAt = new Date(this.deps.clock.now().getTime() + this.deps.linkTtlSeconds * 1000);
    return { token: this.deps.links.sign(`resume:${id}`, expiresAt), expiresInSeconds: this.deps.linkTtlSeconds, expiresAt };
  }

  /** The file behind a signed link; DownloadLinkInvalid when the link is bad, expired or its resume gone. */
  async openDownload(token: string): Promise<ResumeFile> {
    const resource = this.deps.links.verify(token, this.deps.clock.now());
    const id = resource?.startsWith('resume:') ? resource.slice('resume:'.length) : undefined;
    if (!id) throw new DownloadLinkInvalid();
    const resume = await this.deps.uow.repositories.resumes.find(id);
    const object = resume ? await this.deps.storage.get(resume.storageKey) : undefined;
    if (!resume || !object) throw new DownloadLinkInvalid();
    return { data: object.data, contentType: CONTENT_TYPES[resume.type], fileName: resume.fileName };
  }
}
