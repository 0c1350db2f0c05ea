import { editProfile } from '../../candidates/use-cases/manage-profile.js';
import { retryOnConflict } from '../../shared/retry.js';
import type { Clock } from '../../../ports/clock.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import type { Logger } from '../../../ports/logger.js';
import type { ObjectStorage } from '../../../ports/object-storage.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import { EmptyUpload, ResumeTooLarge, UnsupportedDocumentType } from '../errors.js';
import { sniffDocumentType } from '../file-type.js';
import { CONTENT_TYPES, displayFileName, MAX_RESUME_BYTES, type Resume, resumeStorageKey } from '../resume.js';
import { PARSE_RESUME_JOB } from './process-resume.js';

export interface UploadResumeInput {
  candidateId: string;
  fileName?: string;
  bytes: Uint8Array;
}

/**
 * Stores a new resume and makes it the active one, atomically: the file is stored first, then one
 * transaction inserts the row as active (deactivating the previous one), queues its parsing and
 * recomputes the profile's completeness. If that transaction fails the stored file is removed, and
 * the previous active resume is untouched.
 */
export class UploadResume {
  constructor(
    private readonly deps: { uow: UnitOfWork; storage: ObjectStorage; clock: Clock; ids: IdGenerator; logger: Logger },
  ) {}

  async execute(input: UploadResumeInput): Promise<Resume> {
    const { uow, storage, clock, ids, logger } = this.deps;
    if (input.bytes.length === 0) throw new EmptyUpload();
    if (input.bytes.length > MAX_RESUME_BYTES) throw new ResumeTooLarge(MAX_RESUME_BYTES);
    const type = sniffDocumentType(input.bytes);
    if (!type) {
      throw new UnsupportedDocumentType('Only PDF and DOCX resumes are accepted (the file was checked by its content, not its name or type)');
    }
    const id = ids.newId();
    const resume: Resume = {
      id,
      candidateId: input.candidateId,
      fileName: displayFileName(input.fileName, type),
      fileSize: input.bytes.length,
      type,
      storageKey: resumeStorageKey(input.candidateId, id, type),
      uploadedAt: clock.now(),
      isActive: true,
      parsingStatus: 'pending',
      parsedAt: null,
      parsed: null,
      errorMessage: null,
    };
    await storage.put(resume.storageKey, input.bytes, CONTENT_TYPES[type]);
    try {
      // A concurrent profile change (the candidate's, or a parse finishing) is retried, not refused.
      await retryOnConflict(() => uow.transaction(async (repos) => {
        await repos.resumes.insertActive(resume);
        await repos.jobs.enqueue({ type: PARSE_RESUME_JOB, payload: { resumeId: id } }, resume.uploadedAt);
        await editProfile(uow, clock, input.candidateId, {}, repos);
      }));
    } catch (error) {
      await storage.delete(resume.storageKey).catch((cleanup: unknown) =>
        logger.error({ key: resume.storageKey, err: String(cleanup) }, 'could not remove the file of a failed upload'));
      throw error;
    }
    return resume;
  }
}
