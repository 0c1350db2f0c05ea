import type { Account } from '../../accounts/account.js';
import type { Repositories } from '../../../ports/unit-of-work.js';
import { InterviewAccessDenied, InterviewNotFound } from '../errors.js';
import type { Interview } from '../interview.js';

/** Staff may read any interview; a candidate only their own. */
export async function loadReadable(repos: Repositories, interviewId: string, viewer: Pick<Account, 'id' | 'role'>): Promise<Interview> {
  const interview = await repos.interviews.findById(interviewId);
  if (!interview) throw new InterviewNotFound(interviewId);
  if (viewer.role === 'candidate' && interview.candidateId !== viewer.id) throw new InterviewAccessDenied();
  return interview;
}

/** Only the candidate who owns an interview may act on it. */
export async function loadOwned(repos: Repositories, interviewId: string, candidateId: string): Promise<Interview> {
  const interview = await repos.interviews.findById(interviewId);
  if (!interview) throw new InterviewNotFound(interviewId);
  if (interview.candidateId !== candidateId) throw new InterviewAccessDenied();
  return interview;
}
