import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import { resolveFrom as r } from '../../adapters/di.js';
import { InterviewStartLimiter } from '../../adapters/http/interviews/interviews.routes.js';
import { SlidingWindowLimiter } from '../../adapters/http/rate-limiter.js';
import { validateThresholds } from '../../domain/assessment/index.js';
import { CompleteInterview, InterviewQueries, StartInterview, SubmitAnswer } from '../../domain/interviews/index.js';
import { AnswerGrader } from '../../ports/answer-grader.js';
import { Clock } from '../../ports/clock.js';
import { IdGenerator } from '../../ports/id-generator.js';
import { Interviewer } from '../../ports/interviewer.js';
import { Logger } from '../../ports/logger.js';
import { UnitOfWork } from '../../ports/unit-of-work.js';
import type { AppConfig } from '../config.js';

const HOUR_MS = 3_600_000;

export function wireInterviews(container: DependencyContainer, config: AppConfig): void {
  const thresholds = validateThresholds(config.interviews.thresholds);
  const cached = <T>(make: (c: DependencyContainer) => T) => ({ useFactory: instanceCachingFactory(make) });
  container.register(StartInterview, cached((c) => new StartInterview({
    uow: r(c, UnitOfWork), interviewer: r(c, Interviewer), clock: r(c, Clock), ids: r(c, IdGenerator), prices: config.ai.prices,
  })));
  container.register(SubmitAnswer, cached((c) => new SubmitAnswer({
    uow: r(c, UnitOfWork), interviewer: r(c, Interviewer), grader: r(c, AnswerGrader), clock: r(c, Clock),
    ids: r(c, IdGenerator), thresholds, prices: config.ai.prices, budgetUsd: config.ai.budgetUsd, logger: r(c, Logger),
  })));
  container.register(CompleteInterview, cached((c) => new CompleteInterview({ uow: r(c, UnitOfWork), clock: r(c, Clock) })));
  container.register(InterviewQueries, cached((c) => new InterviewQueries({ uow: r(c, UnitOfWork) })));
  container.register(InterviewStartLimiter, cached((c) =>
    new SlidingWindowLimiter(config.interviews.startsPerHourPerIp, HOUR_MS, r(c, Clock))));
}
