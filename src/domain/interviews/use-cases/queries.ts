import type { Account } from '../../accounts/account.js';
import type { MessagePageRequest } from '../../../ports/interview-repository.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import { InterviewNotCompleted } from '../errors.js';
import { loadReadable } from './access.js';
import type { InterviewAssessment } from './finish.js';

type Viewer = Pick<Account, 'id' | 'role'>;

/** Read side of interviews: each query checks that the viewer may see the interview. */
export class InterviewQueries {
  constructor(private readonly deps: { uow: UnitOfWork }) {}

  private get repos() {
    return this.deps.uow.repositories;
  }

  get(interviewId: string, viewer: Viewer) {
    return loadReadable(this.repos, interviewId, viewer);
  }

  async messages(interviewId: string, viewer: Viewer, page: MessagePageRequest) {
    const interview = await loadReadable(this.repos, interviewId, viewer);
    return { interview, page: await this.repos.interviews.listMessages(interviewId, page) };
  }

  async results(interviewId: string, viewer: Viewer): Promise<InterviewAssessment> {
    const interview = await loadReadable(this.repos, interviewId, viewer);
    const stored = await this.repos.assessments.find(interview.id);
    if (!stored) throw new InterviewNotCompleted(interview.id, interview.status);
    return stored as InterviewAssessment;
  }

  mine(candidateId: string, page: { skip: number; limit: number }) {
    return this.repos.interviews.listForCandidate(candidateId, page);
  }
}
