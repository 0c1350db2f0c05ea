/**
 * Template for integrators: a plugin that adds an `AnswerGrader` provider with id `example`.
 * Copy this folder, rename the plugin and the provider id, and replace the grading logic with a
 * call to your vendor. It imports only the public plugin API and the port it implements.
 */
import { definePlugin } from '../../src/app/plugin-api.js';
import { AnswerGrader, type Grade, type GradeRequest } from '../../src/ports/answer-grader.js';
import type { AiCallOptions } from '../../src/ports/provider-served.js';

export interface ExampleOptions {
  /** Answers shorter than this many words score 0. */
  minWords: number;
}

export function parseExampleOptions(raw: unknown): ExampleOptions {
  if (raw === undefined) return { minWords: 3 };
  const minWords = (raw as { minWords?: unknown })?.minWords;
  if (typeof minWords !== 'number' || !Number.isInteger(minWords) || minWords < 0) {
    throw new Error('minWords must be a whole number ≥ 0');
  }
  return { minWords };
}

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** Scores the share of reference words the answer uses. Deliberately simple: it is a template. */
export class ExampleAnswerGrader implements AnswerGrader {
  constructor(private readonly options: ExampleOptions) {}

  async grade(request: GradeRequest, options: AiCallOptions = {}): Promise<Grade> {
    if (options.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    const answer = words(request.answer);
    const reference = new Set(words([request.referenceAnswer ?? '', ...(request.keyPoints ?? [])].join(' ')).filter((w) => w.length > 3));
    const used = new Set(answer.filter((w) => reference.has(w)));
    const coverage = answer.length < this.options.minWords || reference.size === 0 ? 0 : used.size / reference.size;
    const score = Math.round(100 * Math.min(1, coverage * 1.5));
    return {
      score,
      accuracy: score / 100,
      depth: score / 100,
      clarity: answer.length >= this.options.minWords ? 0.5 : 0,
      confidence: 0.5,
      level: score >= 80 ? 'expert' : score >= 60 ? 'proficient' : score >= 40 ? 'intermediate' : 'novice',
      skillArea: request.context?.skillArea ?? 'general',
      evidence: [],
      missingPoints: (request.keyPoints ?? []).filter((p) => !words(p).some((w) => used.has(w))),
      hesitations: [],
      flags: answer.length === 0 ? ['empty'] : [],
      reasoning: `Uses ${used.size} of ${reference.size} reference words.`,
      servedBy: { provider: 'example', model: 'word-share-v1' },
    };
  }
}

export default definePlugin<ExampleOptions>({
  name: 'example-provider',
  apiVersion: 1,
  parseOptions: parseExampleOptions,
  register(ctx) {
    ctx.provide(AnswerGrader, 'example', () => new ExampleAnswerGrader(ctx.options));
  },
});
