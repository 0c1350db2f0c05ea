import { RubricAnswerGrader } from '../../src/adapters/offline/answer-grader.rubric.js';
import { QuestionBankInterviewer } from '../../src/adapters/offline/interviewer.question-bank.js';
import type { FakeReply, RecordedRequest } from './fake-openai.js';

/** A tagged section of our prompts, its markup read back as written (the adapters escape it). */
const section = (text: string, name: string) => (new RegExp(`<${name}>\\n([\\s\\S]*?)\\n</${name}>`).exec(text)?.[1] ?? '')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * Plays a competent model behind the fake server: it reads our prompts' tagged data and answers in
 * the JSON the prompts ask for, using the offline implementations to decide what to say.
 */
export function competentModel() {
  const grader = new RubricAnswerGrader();
  const interviewer = new QuestionBankInterviewer();
  return async (request: RecordedRequest): Promise<FakeReply> => {
    const user = [...request.body.messages].reverse().find((m) => m.role === 'user' && /<(candidate_answer|interview_state)>/.test(m.content))?.content ?? '';
    if (user.includes('<candidate_answer>')) {
      const keyPoints = section(user, 'key_points').split('\n').map((l) => l.replace(/^- /, '')).filter((l) => l && l !== '(none)');
      const reference = section(user, 'reference_answer');
      const g = grader.gradeSync({
        question: section(user, 'question'), referenceAnswer: reference.startsWith('(none') ? undefined : reference,
        keyPoints, answer: section(user, 'candidate_answer'),
      });
      return {
        kind: 'json',
        content: JSON.stringify({
          score: g.score, accuracy: g.accuracy, depth: g.depth, clarity: g.clarity, confidence: g.confidence, level: g.level,
          evidence: g.evidence, missing_points: g.missingPoints, hesitations: g.hesitations, skill_area: 'general', reasoning: g.reasoning,
        }),
        usage: { prompt_tokens: 420, completion_tokens: 90 },
      };
    }
    const state = JSON.parse(section(user, 'interview_state'));
    const q = await interviewer.nextQuestion({
      interviewId: String(state.history.length), roleType: state.role, phase: state.phase,
      history: state.history.map((h: { question: string; skill_area: string; difficulty: 'warmup'; is_followup: boolean; score: number | null; missing_points: string[] }) => ({
        text: h.question, skillArea: h.skill_area, difficulty: h.difficulty, isFollowUp: h.is_followup,
        ...(h.score !== null ? { score: h.score } : {}), missingPoints: h.missing_points,
      })),
      skillsExplored: state.skills_explored, boundarySkills: state.boundary_skills, resumeSkills: state.resume_skills,
    });
    return {
      kind: 'json',
      content: JSON.stringify({ question: q.text, skill_area: q.skillArea, is_followup: q.isFollowUp, key_points: q.keyPoints, reference_answer: q.referenceAnswer ?? '' }),
      usage: { prompt_tokens: 350, completion_tokens: 120 },
    };
  };
}
