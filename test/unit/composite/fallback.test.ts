import { expect } from 'chai';
import { FallbackAnswerGrader, FallbackInterviewer } from '../../../src/adapters/composite/fallback-ai.js';
import { RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { RecordingLogger } from '../../../src/adapters/system/logger.pino.js';
import { ProviderBadResponse, ProviderRateLimited, ProviderUnavailable } from '../../../src/ports/ai-errors.js';
import type { AnswerGrader, Grade, GradeRequest } from '../../../src/ports/answer-grader.js';
import type { Interviewer, InterviewQuestion, QuestionRequest } from '../../../src/ports/interviewer.js';
import type { AiCallOptions, AiCallRecord } from '../../../src/ports/provider-served.js';

const REQUEST: GradeRequest = { question: 'What is a stack?', referenceAnswer: 'Last in, first out.', answer: 'Last in first out.' };

class ScriptedGrader implements AnswerGrader {
  calls = 0;
  constructor(private readonly script: Array<Error | 'ok'>, private readonly inner = new RubricAnswerGrader()) {}
  async grade(request: GradeRequest): Promise<Grade> {
    const step = this.script[Math.min(this.calls++, this.script.length - 1)]!;
    if (step !== 'ok') throw step;
    return { ...(await this.inner.grade(request)), servedBy: { provider: 'scripted', model: 'm1' } };
  }
}

function chain(...graders: Array<[string, AnswerGrader]>) {
  const sleeps: number[] = [];
  const logger = new RecordingLogger();
  const grader = new FallbackAnswerGrader(graders.map(([id, provider]) => ({ id, provider })), {
    policy: { retries: 2, baseDelayMs: 100, maxDelayMs: 5_000 },
    logger,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  });
  return { grader, sleeps, logger };
}

describe('fallback chain of AI providers', () => {
  it('retries a provider that is unavailable, with exponential backoff and jitter, then succeeds', async () => {
    const flaky = new ScriptedGrader([new ProviderUnavailable('vendor', '503'), new ProviderUnavailable('vendor', 'timeout'), 'ok']);
    const { grader, sleeps } = chain(['vendor', flaky]);
    expect((await grader.grade(REQUEST)).servedBy.provider).to.equal('scripted');
    expect(flaky.calls).to.equal(3);
    expect(sleeps).to.deep.equal([50, 100]);
  });

  it('honours Retry-After when the provider rate-limits', async () => {
    const limited = new ScriptedGrader([new ProviderRateLimited('vendor', 3), 'ok']);
    const { grader, sleeps } = chain(['vendor', limited]);
    await grader.grade(REQUEST);
    expect(sleeps).to.deep.equal([3000]);
  });

  it('does not retry early a provider asking for a longer pause than a retry may wait: the next serves, or its 429 is answered', async () => {
    const limited = new ScriptedGrader([new ProviderRateLimited('vendor', 30), 'ok']);
    const { grader, sleeps } = chain(['vendor', limited], ['offline', new RubricAnswerGrader()]);
    expect((await grader.grade(REQUEST)).servedBy.provider).to.equal('offline');
    expect(limited.calls).to.equal(1);
    expect(sleeps).to.deep.equal([]);
    const alone = chain(['vendor', new ScriptedGrader([new ProviderRateLimited('vendor', 30), 'ok'])]);
    const refused = await alone.grader.grade(REQUEST).then(() => undefined, (error: unknown) => error);
    expect(refused).to.be.instanceOf(ProviderRateLimited);
    expect((refused as ProviderRateLimited).retryAfterSeconds).to.equal(30);
    expect(alone.sleeps).to.deep.equal([]);
  });

  it('falls back to the next provider when retries run out, and logs it', async () => {
    const down = new ScriptedGrader([new ProviderUnavailable('vendor', 'connection refused')]);
    const { grader, logger } = chain(['vendor', down], ['offline', new RubricAnswerGrader()]);
    const grade = await grader.grade(REQUEST);
    expect(grade.servedBy).to.deep.equal({ provider: 'offline', model: 'rubric-grader-v1' });
    expect(down.calls).to.equal(3);
    expect(logger.entries.some((e) => e.message === 'AI provider failed; falling back' && e.fields.next === 'offline')).to.equal(true);
  });

  it('reports the tokens an unusable answer cost with its failed attempt', async () => {
    const bad = new ScriptedGrader([new ProviderBadResponse('vendor', 'invalid JSON twice', { inputTokens: 600, outputTokens: 20, estimated: false })]);
    const { grader } = chain(['vendor', bad], ['offline', new RubricAnswerGrader()]);
    const calls: AiCallRecord[] = [];
    await grader.grade(REQUEST, { onCall: (c) => calls.push(c) });
    expect(calls.map((c) => [c.provider, c.outcome, c.usage?.inputTokens])).to.deep.equal([['vendor', 'error', 600], ['offline', 'ok', undefined]]);
  });

  it('falls back at once, without retrying, on an unusable answer', async () => {
    const bad = new ScriptedGrader([new ProviderBadResponse('vendor', 'invalid JSON twice')]);
    const { grader, sleeps } = chain(['vendor', bad], ['offline', new RubricAnswerGrader()]);
    await grader.grade(REQUEST);
    expect(bad.calls).to.equal(1);
    expect(sleeps).to.deep.equal([]);
  });

  it('throws the last port error when every provider fails', async () => {
    const { grader } = chain(['a', new ScriptedGrader([new ProviderUnavailable('a', 'down')])], ['b', new ScriptedGrader([new ProviderRateLimited('b', 1)])]);
    let error: unknown;
    try {
      await grader.grade(REQUEST);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ProviderRateLimited);
  });

  it('never retries or falls back after an abort', async () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    const first = new ScriptedGrader([abort]);
    const second = new ScriptedGrader(['ok']);
    const { grader } = chain(['a', first], ['b', second]);
    let error: unknown;
    try {
      await grader.grade(REQUEST);
    } catch (e) {
      error = e;
    }
    expect((error as Error).name).to.equal('AbortError');
    expect(second.calls).to.equal(0);
  });

  it('withdraws a failed attempt\'s streamed text before the next attempt\'s, and only when it streamed some', async () => {
    // Streams its words, then fails after `failAfter` of them (never, when undefined).
    const streaming = (text: string, failAfter?: number): Interviewer => ({
      supportedRoles: () => ['react'],
      async nextQuestion(_request: QuestionRequest, options: AiCallOptions = {}): Promise<InterviewQuestion> {
        for (const [n, word] of text.split(/(?<= )/).entries()) {
          if (n === failAfter) throw new ProviderUnavailable('vendor', 'stream cut');
          options.onToken?.(word);
        }
        return { text, skillArea: 'react', difficulty: 'warmup', isFollowUp: false, keyPoints: ['x'], servedBy: { provider: 'p', model: 'm' } };
      },
    });
    const request: QuestionRequest = { interviewId: 'i', roleType: 'react', phase: 'warmup', history: [], skillsExplored: [], boundarySkills: [] };
    const run = async (...interviewers: Interviewer[]) => {
      const events: string[] = [];
      const fallback = new FallbackInterviewer(interviewers.map((provider, i) => ({ id: `p${i}`, provider })), {
        policy: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 }, logger: new RecordingLogger(), sleep: async () => {}, random: () => 0,
      });
      const q = await fallback.nextQuestion(request, { onToken: (t) => events.push(t), onReset: () => events.push('<reset>') });
      return { q, events };
    };
    const cut = await run(streaming('Half of a question that', 2), streaming('What does useEffect do?'));
    expect(cut.events).to.deep.equal(['Half ', 'of ', '<reset>', 'What ', 'does ', 'useEffect ', 'do?']);
    expect(cut.q.text).to.equal('What does useEffect do?');
    // An attempt that failed before streaming anything leaves nothing to withdraw.
    const early = await run(streaming('Never shown', 0), streaming('What is JSX?'));
    expect(early.events).to.deep.equal(['What ', 'is ', 'JSX?']);
  });
});
