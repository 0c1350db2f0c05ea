import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { z } from 'zod';
import { ProviderBadResponse } from '../../ports/ai-errors.js';
import type { Interviewer, InterviewQuestion, QuestionRequest } from '../../ports/interviewer.js';
import type { AiCallOptions } from '../../ports/provider-served.js';
import { DEFAULT_CALL_DEADLINE_MS, invokeJson, type JsonMode, streamJson } from './chat-model.js';

const QuestionJson = z.object({
  question: z.string().min(10).max(1000),
  skill_area: z.string().regex(/^[a-z][a-z0-9_]*$/).max(80),
  is_followup: z.boolean(),
  key_points: z.array(z.string().min(1)).min(1).max(5),
  reference_answer: z.string().max(2000).optional().default(''),
});

/** An Interviewer backed by any LangChain chat model; the interview state goes in as tagged JSON data. */
export class ChatModelInterviewer implements Interviewer {
  constructor(
    private readonly model: BaseChatModel,
    private readonly provider: string,
    private readonly modelName: string,
    private readonly systemPrompt: string,
    private readonly roles: readonly string[],
    private readonly jsonMode: JsonMode = 'native',
    /** The longest a model call may take, its reply read to the end (see withDeadline in chat-model.ts). */
    private readonly deadlineMs = DEFAULT_CALL_DEADLINE_MS,
  ) {}

  supportedRoles(): readonly string[] {
    return this.roles;
  }

  async nextQuestion(request: QuestionRequest, options: AiCallOptions = {}): Promise<InterviewQuestion> {
    if (options.signal?.aborted) throw Object.assign(new Error('The AI call was aborted'), { name: 'AbortError' });
    const state = {
      role: request.roleType,
      phase: request.phase,
      history: request.history.map((h) => ({
        question: h.text, skill_area: h.skillArea, difficulty: h.difficulty, is_followup: h.isFollowUp,
        score: h.score ?? null, level: h.level ?? null, missing_points: h.missingPoints ?? [],
      })),
      skills_explored: request.skillsExplored,
      boundary_skills: request.boundarySkills,
      resume_skills: request.resumeSkills ?? [],
      job: request.job ?? null,
    };
    const messages = [
      { role: 'system' as const, content: this.systemPrompt },
      // "<" as its JSON escape: a skill or job text cannot close the section ("</interview_state>").
      { role: 'user' as const, content: `<interview_state>\n${JSON.stringify(state).replace(/</g, '\\u003c')}\n</interview_state>` },
    ];
    const onToken = options.onToken;
    const { value, model, usage, streamed } = onToken
      ? await streamJson(this.model, this.provider, QuestionJson, messages, 'question', onToken, options, this.jsonMode, this.deadlineMs)
      : { ...(await invokeJson(this.model, this.provider, QuestionJson, messages, options, this.jsonMode, this.deadlineMs)), streamed: '' };
    const asked = new Set(request.history.map((h) => h.text.trim().toLowerCase()));
    if (asked.has(value.question.trim().toLowerCase())) throw new ProviderBadResponse(this.provider, 'repeated a question already asked', usage);
    // Whatever the stream did not already show goes out as one last token; a repaired reply that is not what was
    // shown replaces it whole.
    if (onToken && value.question.startsWith(streamed)) {
      if (value.question.length > streamed.length) onToken(value.question.slice(streamed.length));
    } else if (onToken) {
      options.onReset?.();
      onToken(value.question);
    }
    return {
      text: value.question,
      skillArea: value.skill_area,
      difficulty: request.phase,
      isFollowUp: value.is_followup && request.history.length > 0,
      keyPoints: value.key_points,
      ...(value.reference_answer ? { referenceAnswer: value.reference_answer } : {}),
      servedBy: { provider: this.provider, model: model || this.modelName },
      usage,
    };
  }
}
