import type { Clock } from '../../../ports/clock.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import { VersionConflict } from '../../shared/domain-error.js';
import { InterviewNotActive } from '../errors.js';
import type { Interview } from '../interview.js';
import { loadOwned } from './access.js';
import { finishInterview, type InterviewAssessment } from './finish.js';

/**
 * Ends an interview and persists its assessment. Idempotent: completing a completed interview
 * returns the stored result (the frontend calls it twice).
 */
export class CompleteInterview {
  constructor(private readonly deps: { uow: UnitOfWork; clock: Clock }) {}

  async execute(input: { interviewId: string; candidateId: string }): Promise<{ interview: Interview; assessment: InterviewAssessment }> {
    const { uow, clock } = this.deps;
    for (let attempt = 0; ; attempt++) {
      const interview = await loadOwned(uow.repositories, input.interviewId, input.candidateId);
      if (interview.status === 'completed') {
        const stored = await uow.repositories.assessments.find(interview.id);
        if (stored) return { interview, assessment: stored as InterviewAssessment };
      }
      if (interview.status === 'abandoned') throw new InterviewNotActive(interview.id, interview.status);
      const messages = await uow.repositories.interviews.allMessages(interview.id);
      const finished = finishInterview(interview, messages, clock.now());
      try {
        // The completed interview and its report: one atomic write.
        await uow.repositories.interviews.save(finished.interview, [], undefined, finished.assessment);
        return finished;
      } catch (error) {
        // A concurrent turn or completion won: read again and answer from what it stored.
        if (error instanceof VersionConflict && attempt < 2) continue;
        throw error;
      }
    }
  }
}
