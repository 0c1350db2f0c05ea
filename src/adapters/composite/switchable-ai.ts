import type { AnswerGrader, Grade, GradeRequest } from '../../ports/answer-grader.js';
import type { Interviewer, InterviewQuestion, QuestionRequest } from '../../ports/interviewer.js';
import type { AiCallOptions, AiCallRecord } from '../../ports/provider-served.js';
import { FallbackAnswerGrader, FallbackInterviewer } from './fallback-ai.js';
import type { FallbackDeps } from './fallback.js';

export interface ProviderHealth {
  lastOutcome: 'ok' | 'error' | null;
  lastCallAt: Date | null;
  lastError: string | null;
  calls: number;
  failures: number;
}

/**
 * The AI provider chain in force, switchable at run time without touching the container: the
 * Switchable ports below read it on every call. It also keeps each provider's recent health.
 */
export class AiProviderSwitch {
  private current: string[];
  private composed: { key: string; grader: AnswerGrader; interviewer: Interviewer } | undefined;
  private readonly health = new Map<string, ProviderHealth>();

  constructor(
    initial: readonly string[],
    private readonly make: { grader(id: string): AnswerGrader; interviewer(id: string): Interviewer },
    private readonly deps: FallbackDeps,
  ) {
    this.current = [...initial];
  }

  get chain(): string[] {
    return [...this.current];
  }

  /** Builds every provider of the chain first, so a chain that cannot be built is refused whole. */
  switchTo(chain: readonly string[]): void {
    for (const id of chain) {
      this.make.grader(id);
      this.make.interviewer(id);
    }
    this.current = [...chain];
    this.composed = undefined;
  }

  healthOf(id: string): ProviderHealth {
    return { ...(this.health.get(id) ?? { lastOutcome: null, lastCallAt: null, lastError: null, calls: 0, failures: 0 }) };
  }

  private get chainPorts() {
    const key = this.current.join(',');
    if (this.composed?.key !== key) {
      this.composed = {
        key,
        grader: new FallbackAnswerGrader(this.current.map((id) => ({ id, provider: this.make.grader(id) })), this.deps),
        interviewer: new FallbackInterviewer(this.current.map((id) => ({ id, provider: this.make.interviewer(id) })), this.deps),
      };
    }
    return this.composed;
  }

  grader(): AnswerGrader {
    return this.chainPorts.grader;
  }

  interviewer(): Interviewer {
    return this.chainPorts.interviewer;
  }

  /** Wraps a call's options so every attempt also updates the providers' health. */
  observe(options: AiCallOptions): AiCallOptions {
    return {
      ...options,
      onCall: (record: AiCallRecord) => {
        const h = this.healthOf(record.provider);
        this.health.set(record.provider, {
          lastOutcome: record.outcome, lastCallAt: new Date(), lastError: record.outcome === 'error' ? record.error ?? 'failed' : h.lastError,
          calls: h.calls + 1, failures: h.failures + (record.outcome === 'error' ? 1 : 0),
        });
        options.onCall?.(record);
      },
    };
  }
}

export class SwitchableAnswerGrader implements AnswerGrader {
  constructor(private readonly providers: AiProviderSwitch) {}
  grade(request: GradeRequest, options: AiCallOptions = {}): Promise<Grade> {
    return this.providers.grader().grade(request, this.providers.observe(options));
  }
}

export class SwitchableInterviewer implements Interviewer {
  constructor(private readonly providers: AiProviderSwitch) {}
  supportedRoles(): readonly string[] {
    return this.providers.interviewer().supportedRoles();
  }
  nextQuestion(request: QuestionRequest, options: AiCallOptions = {}): Promise<InterviewQuestion> {
    return this.providers.interviewer().nextQuestion(request, this.providers.observe(options));
  }
}
