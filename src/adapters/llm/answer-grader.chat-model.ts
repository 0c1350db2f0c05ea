import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { z } from 'zod';
import { SKILL_LEVELS } from '../../domain/assessment/levels.js';
import type { AnswerGrader, Grade, GradeRequest } from '../../ports/answer-grader.js';
import type { AiCallOptions } from '../../ports/provider-served.js';
import { levelOf } from '../offline/answer-grader.rubric.js';
import { hesitationsIn, saysOnlyNotKnowing, withoutInstructions } from '../offline/text/signals.js';
import { DEFAULT_CALL_DEADLINE_MS, invokeJson, type JsonMode } from './chat-model.js';

const fraction = z.number().min(0).max(1);
const GradeJson = z.object({
  score: z.number().min(0).max(100),
  accuracy: fraction,
  depth: fraction,
  clarity: fraction,
  confidence: fraction,
  level: z.enum(SKILL_LEVELS),
  evidence: z.array(z.string()).max(10),
  missing_points: z.array(z.string()).max(20),
  hesitations: z.array(z.string()).max(20),
  skill_area: z.string().min(1).max(80),
  reasoning: z.string().max(2000),
});

/** `&`, `<` and `>` as entities: no text inside a section can close it or open another ("</candidate_answer>"). */
const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeMarkup = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A section of the user message, its body escaped (see escapeMarkup). */
const tag = (name: string, body: string) => `<${name}>\n${escapeMarkup(body)}\n</${name}>`;

/**
 * An AnswerGrader backed by any LangChain chat model. Sentences that address the grader are
 * removed before the model sees the answer (and flagged), so an injection cannot raise a score
 * whatever the model would have done with it.
 */
export class ChatModelAnswerGrader implements AnswerGrader {
  constructor(
    private readonly model: BaseChatModel,
    private readonly provider: string,
    private readonly modelName: string,
    private readonly systemPrompt: string,
    private readonly jsonMode: JsonMode = 'native',
    /** The longest a model call may take, its reply read to the end (see withDeadline in chat-model.ts). */
    private readonly deadlineMs = DEFAULT_CALL_DEADLINE_MS,
  ) {}

  async grade(request: GradeRequest, options: AiCallOptions = {}): Promise<Grade> {
    if (options.signal?.aborted) throw Object.assign(new Error('The AI call was aborted'), { name: 'AbortError' });
    const flags: string[] = [];
    const { kept, injected } = withoutInstructions(request.answer);
    if (injected) flags.push('prompt_injection');
    const answer = kept.map((s) => s.text).join(' ');
    const skillArea = request.context?.skillArea ?? 'general';
    // Nothing to grade, or only "I don't know": 0 without a model call, flagged as the offline grader flags it.
    const unanswered = (flag: string, hesitations: string[], reasoning: string): Grade => ({
      score: 0, accuracy: 0, depth: 0, clarity: 0, confidence: 0, level: 'novice', skillArea, evidence: [],
      missingPoints: [...(request.keyPoints ?? [])], hesitations, flags: [...flags, flag],
      reasoning, servedBy: { provider: this.provider, model: this.modelName },
    });
    if (answer.trim() === '') return unanswered('empty', [], 'The answer says nothing that can be assessed.');
    if (saysOnlyNotKnowing(answer)) return unanswered('no_answer', hesitationsIn(answer), 'The candidate said they do not know.');
    const { value, model, usage } = await invokeJson(this.model, this.provider, GradeJson, [
      { role: 'system', content: this.systemPrompt },
      {
        role: 'user',
        content: [
          tag('question', request.question),
          tag('reference_answer', request.referenceAnswer ?? '(none: use the key points)'),
          tag('key_points', (request.keyPoints ?? []).map((p) => `- ${p}`).join('\n') || '(none)'),
          tag('candidate_answer', answer),
        ].join('\n\n'),
      },
    ], options, this.jsonMode, this.deadlineMs);
    const score = Math.round(value.score);
    return {
      score,
      // Accuracy is the score on a 0–1 scale, as the offline grader has it: the progression reads accuracy against its
      // thresholds, and a model's own accuracy beside a score it contradicts (3 and 1.0) would map a wrong answer as expert.
      accuracy: score / 100,
      depth: value.depth,
      clarity: value.clarity,
      confidence: value.confidence,
      // The level follows the score, so the two can never disagree.
      level: levelOf(score),
      skillArea: request.context?.skillArea ?? value.skill_area,
      // Quoted from the escaped answer the model read: read back as the candidate wrote it.
      evidence: value.evidence.map(unescapeMarkup).filter((q) => q.trim() !== '' && request.answer.includes(q)).slice(0, 3),
      missingPoints: value.missing_points,
      hesitations: value.hesitations,
      flags,
      reasoning: value.reasoning,
      servedBy: { provider: this.provider, model: model || this.modelName },
      usage,
    };
  }
}
