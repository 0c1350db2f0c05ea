import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import { resolveFrom as r } from '../../adapters/di.js';
import { InterviewStartLimiter } from '../../adapters/http/interviews/interviews.routes.js';
import { SlidingWindowLimiter } from '../../adapters/http/rate-limiter.js';
import { validateThresholds } from '../../domain/assessment/index.js';
import {
  AbandonIdleInterviews, CompleteInterview, InterviewQueries, StartInterview, SubmitAnswer,
} from '../../domain/interviews/index.js';
import { AnswerGrader } from '../../ports/answer-grader.js';
import { Clock } from '../../ports/clock.js';
import { IdGenerator } from '../../ports/id-generator.js';
import { Interviewer } from '../../ports/interviewer.js';
import { Logger } from '../../ports/logger.js';
import { UnitOfWork } from '../../ports/unit-of-work.js';
import type { AppConfig } from '../config.js';
import type { JobWorker } from '../job-worker.js';

const HOUR_MS = 3_600_000;
/** How often the job worker looks for idle interviews to mark abandoned. */
const ABANDON_SWEEP_MS = 60_000;

/** The job worker's recurring sweep of idle interviews, when abandonment is on. */
export function scheduleAbandonment(worker: JobWorker, container: DependencyContainer, config: AppConfig, logger: Logger): void {
  if (config.interviews.abandonAfterMinutes <= 0) return;
  worker.every('abandon-idle-interviews', ABANDON_SWEEP_MS, async () => {
    const { abandoned } = await r(container, AbandonIdleInterviews).execute();
    if (abandoned.length > 0) {
      logger.info({ abandoned: abandoned.length, idleMinutes: config.interviews.abandonAfterMinutes }, 'marked idle interviews abandoned');
    }
  });
}

export function wireInterviews(container: DependencyContainer, config: AppConfig): void {
  const thresholds = validateThresholds(config.interviews.thresholds);
  const cached = <T>(make: (c: DependencyContainer) => T) => ({ useFactory: instanceCachingFactory(make) });
  container.register(StartInterview, cached((c) => new StartInterview({
    uow: r(c, UnitOfWork), interviewer: r(c, Interviewer), clock: r(c, Clock), ids: r(c, IdGenerator), prices: config.ai.prices, logger: r(c, Logger),
  })));
  container.register(SubmitAnswer, cached((c) => new SubmitAnswer({
    uow: r(c, UnitOfWork), interviewer: r(c, Interviewer), grader: r(c, AnswerGrader), clock: r(c, Clock),
    ids: r(c, IdGenerator), thresholds, prices: config.ai.prices, budgetUsd: config.ai.budgetUsd, logger: r(c, Logger),
  })));
  container.register(CompleteInterview, cached((c) => new CompleteInterview({ uow: r(c, UnitOfWork), clock: r(c, Clock) })));
  container.register(InterviewQueries, cached((c) => new InterviewQueries({ uow: r(c, UnitOfWork) })));
  if (config.interviews.abandonAfterMinutes > 0) {
    container.register(AbandonIdleInterviews, cached((c) => new AbandonIdleInterviews({
      uow: r(c, UnitOfWork), clock: r(c, Clock), idleMinutes: config.interviews.abandonAfterMinutes,
    })));
  }
  container.register(InterviewStartLimiter, cached((c) =>
    new SlidingWindowLimiter(config.interviews.startsPerHourPerIp, HOUR_MS, r(c, Clock))));
}
