import {
  type AssessmentReport, buildReport, type CompletionSummary, completionSummary, type ProgressionState,
} from '../../assessment/index.js';
import type { StoredAssessment } from '../../../ports/interview-repository.js';
import type { Interview, InterviewMessage } from '../interview.js';
import { storedGradeOf } from './turns.js';

export type InterviewAssessment = StoredAssessment<AssessmentReport, CompletionSummary>;

/**
 * Marks an interview completed and builds its report from the stored transcript alone, so the
 * same transcript always yields the same report.
 */
export function finishInterview(
  interview: Interview,
  messages: readonly InterviewMessage[],
  now: Date,
): { interview: Interview; assessment: InterviewAssessment } {
  const startedAt = interview.startedAt ?? interview.createdAt;
  const completedAt = now;
  const turns = messages
    .filter((m) => m.type === 'candidate_response')
    .map((m) => ({ message: m, stored: storedGradeOf(m) }))
    .filter((t): t is { message: InterviewMessage; stored: NonNullable<typeof t.stored> } => t.stored !== undefined)
    .map(({ message, stored }) => ({
      questionNumber: stored.questionNumber,
      question: stored.question,
      skillArea: stored.skillArea,
      difficulty: stored.difficulty,
      isFollowUp: stored.isFollowUp,
      answer: message.text,
      grade: stored.grade,
      interviewer: stored.interviewer,
    }));
  const report = buildReport({
    interview: {
      id: interview.id,
      roleType: interview.roleType,
      startedAt: startedAt.toISOString(),
      completedAt: completedAt.toISOString(),
    },
    turns,
    progression: interview.progression as ProgressionState,
  });
  const completed: Interview = {
    ...interview,
    status: 'completed',
    pending: null,
    completedAt,
    durationSeconds: Math.max(0, Math.round((completedAt.getTime() - startedAt.getTime()) / 1000)),
    lastActivityAt: now,
  };
  return {
    interview: completed,
    assessment: {
      interviewId: interview.id,
      overallScore: report.overallScore,
      recommendation: report.recommendation.decision,
      report,
      completion: completionSummary(report),
      generatedAt: now,
    },
  };
}
