import type { AnswerGrader, Grade, GradeRequest } from '../../ports/answer-grader.js';
import type { Interviewer, InterviewQuestion, QuestionRequest } from '../../ports/interviewer.js';
import type { AiCallOptions } from '../../ports/provider-served.js';
import { callWithFallback, type ChainLink, type FallbackDeps } from './fallback.js';

/** The chain reports attempts itself; providers inside it must not report them again. */
const withoutOnCall = ({ onCall: _onCall, ...rest }: AiCallOptions): AiCallOptions => rest;

/** An AnswerGrader that tries a chain of graders (AI_PROVIDERS order). */
export class FallbackAnswerGrader implements AnswerGrader {
  constructor(private readonly chain: readonly ChainLink<AnswerGrader>[], private readonly deps: FallbackDeps) {}

  grade(request: GradeRequest, options: AiCallOptions = {}): Promise<Grade> {
    return callWithFallback(this.chain, this.deps, 'grader', (g) => g.grade(request, withoutOnCall(options)), options);
  }
}

/**
 * Per attempt, the caller's onToken, and its onReset told before an attempt after one that streamed
 * text: a failed attempt's text is withdrawn before the next one's comes (see AiCallOptions.onReset).
 */
function perAttempt(options: AiCallOptions): () => AiCallOptions {
  const { onToken, onReset } = options;
  const rest = withoutOnCall(options);
  if (!onToken) return () => rest;
  let streamed = false;
  const attempt: AiCallOptions = {
    ...rest,
    onToken: (token) => {
      streamed = true;
      onToken(token);
    },
    onReset: () => {
      streamed = false;
      onReset?.();
    },
  };
  return () => {
    if (streamed) attempt.onReset!();
    return attempt;
  };
}

/** An Interviewer that tries a chain of interviewers; it supports the roles of the whole chain's first link. */
export class FallbackInterviewer implements Interviewer {
  constructor(private readonly chain: readonly ChainLink<Interviewer>[], private readonly deps: FallbackDeps) {}

  supportedRoles(): readonly string[] {
    return this.chain[0]!.provider.supportedRoles();
  }

  nextQuestion(request: QuestionRequest, options: AiCallOptions = {}): Promise<InterviewQuestion> {
    const next = perAttempt(options);
    return callWithFallback(
      this.chain.filter((l, i) => i === 0 || l.provider.supportedRoles().includes(request.roleType)),
      this.deps,
      'interviewer',
      (i) => i.nextQuestion(request, next()),
      options,
    );
  }
}
