import type { Interview, InterviewAssessment } from '../../../domain/interviews/index.js';
import { boundariesIdentified } from '../../../domain/assessment/index.js';
import { iso } from '../dto-dates.js';

/** The frontend's `POST /complete` payload, plus the overall score and recommendation. */
export function toCompletionResponse(interview: Interview, assessment: InterviewAssessment) {
  const { report, completion } = assessment;
  return {
    interview_id: interview.id,
    completed_at: iso(interview.completedAt),
    duration_seconds: interview.durationSeconds,
    questions_answered: report.questionsAnswered,
    // From the report, so an interview completed before the count changed answers as one completed now.
    skill_boundaries_identified: boundariesIdentified(report),
    message: 'Interview completed. Thank you for your time!',
    overall_score: report.overallScore,
    recommendation: report.recommendation.decision,
    skill_assessments: completion.skillAssessments.map((s) => ({
      skill_area: s.skillArea, proficiency_level: s.proficiencyLevel, display_name: s.displayName,
    })),
    highlights: completion.highlights.map((h) => ({ title: h.title, description: h.description, skill_area: h.skillArea })),
    growth_areas: completion.growthAreas.map((g) => ({ skill_area: g.skillArea, suggestion: g.suggestion, display_name: g.displayName })),
  };
}

/** The persisted report in the API's snake_case. */
export function toResultsResponse(assessment: InterviewAssessment) {
  const r = assessment.report;
  return {
    interview_id: r.interviewId,
    role_type: r.roleType,
    generated_at: assessment.generatedAt instanceof Date ? assessment.generatedAt.toISOString() : String(assessment.generatedAt),
    overall_score: r.overallScore,
    overall_level: r.overallLevel,
    phase_reached: r.phaseReached,
    questions_answered: r.questionsAnswered,
    duration_seconds: r.durationSeconds,
    recommendation: { decision: r.recommendation.decision, reasoning: r.recommendation.reasoning },
    skill_scores: r.skills.map((s) => ({
      skill_area: s.skillArea, display_name: s.displayName, score: s.score, level: s.level, questions: s.questions,
      evidence: s.evidence, boundary_reached: s.boundary.reached, boundary_phase: s.boundary.phase,
    })),
    skill_boundary_map: Object.fromEntries(
      Object.entries(r.skillBoundaryMap).map(([skill, b]) => [skill, {
        // The best level one answer showed (skill_scores' level is that of the skill's mean score).
        highest_level: b.level, boundary_reached: b.boundaryReached, boundary_phase: b.boundaryPhase, answers: b.answers,
        evidence: b.evidence.map((e) => ({ question_number: e.questionNumber, phase: e.phase, classification: e.classification, quote: e.quote })),
      }]),
    ),
    strengths: r.strengths.map((s) => ({ skill_area: s.skillArea, title: s.title, detail: s.detail })),
    growth_areas: r.growthAreas.map((g) => ({ skill_area: g.skillArea, display_name: g.displayName, suggestion: g.suggestion })),
    providers: r.providers.map((p) => ({ question_number: p.questionNumber, interviewer: p.interviewer, grader: p.grader })),
    answer_flags: r.flags.map((f) => ({ question_number: f.questionNumber, flags: f.flags })),
  };
}
