import { VersionConflict } from '../../shared/domain-error.js';
import type { Clock } from '../../../ports/clock.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import { isOpen } from '../interview.js';

/** How many idle interviews one run looks at: the next run takes the rest. */
export const ABANDON_BATCH = 100;

/**
 * Marks as abandoned the open interviews nobody has answered for `idleMinutes`: a candidate who
 * closed the tab does not leave an interview in progress for ever. An abandoned interview keeps
 * its transcript, takes no more answers (InterviewNotActive) and gets no report. One whose turn
 * commits meanwhile is left open (the optimistic save refuses the stale write).
 */
export class AbandonIdleInterviews {
  constructor(private readonly deps: { uow: UnitOfWork; clock: Clock; idleMinutes: number }) {
    if (!(deps.idleMinutes > 0)) throw new Error(`idleMinutes must be positive (got ${deps.idleMinutes})`);
  }

  async execute(limit = ABANDON_BATCH): Promise<{ abandoned: string[] }> {
    const { uow, clock, idleMinutes } = this.deps;
    const cutoff = new Date(clock.now().getTime() - idleMinutes * 60_000);
    const interviews = uow.repositories.interviews;
    const abandoned: string[] = [];
    for (const id of await interviews.listIdle(cutoff, limit)) {
      const interview = await interviews.findById(id);
      // Answered or completed since it was listed: not idle any more.
      if (!interview || !isOpen(interview) || interview.lastActivityAt.getTime() >= cutoff.getTime()) continue;
      try {
        await interviews.save({ ...interview, status: 'abandoned' }, []);
        abandoned.push(id);
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
      }
    }
    return { abandoned };
  }
}
