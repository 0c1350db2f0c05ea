import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { type AssessmentThresholds, DEFAULT_THRESHOLDS } from '../domain/assessment/thresholds.js';

const list = (raw: string | undefined) =>
  (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const fraction = z.coerce.number().min(0).max(1);
const PriceTableSchema = z.record(z.string(), z.object({ input: z.number().min(0), output: z.number().min(0) }));

/** USD per million tokens; override with AI_PRICES. */
export const DEFAULT_PRICES = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1': { input: 2, output: 8 },
};

/** Every environment variable the app reads, with its default. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: intIn(0, 65535).default(8000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DB_POOL_MAX: intIn(1, 200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_EXPIRY_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
  ALLOWED_ORIGINS: z.string().default('http://localhost:3000,http://localhost:5173'),
  /** How many reverse proxies in front of the server to trust for X-Forwarded-For: `false` (0), `true` (1) or a count. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((raw, ctx) => {
      const v = raw.trim().toLowerCase();
      if (v === 'false' || v === '') return 0;
      if (v === 'true') return 1;
      if (/^\d{1,2}$/.test(v)) return Number(v);
      ctx.addIssue({ code: 'custom', message: 'must be true, false or a number of proxies (0–99)' });
      return z.NEVER;
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PLUGINS: z.string().default(''),
  PLUGIN_OPTIONS: z
    .string()
    .default('{}')
    .transform((raw, ctx) => {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
      } catch {
        /* reported below */
      }
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object keyed by plugin name' });
      return z.NEVER;
    }),
  BODY_LIMIT_BYTES: intIn(1024, 50 * 1024 * 1024).default(1024 * 1024),
  LOGIN_MAX_FAILURES: intIn(1, 100).default(5),
  LOGIN_LOCK_MINUTES: intIn(1, 24 * 60).default(15),
  AUTH_ACCOUNT_CACHE_MS: intIn(0, 60_000).default(5_000),
  INTERVIEW_CACHE_MS: intIn(0, 24 * 3_600_000).default(600_000),
  AI_PROVIDERS: z.string().default('offline'),
  INTERVIEW_STARTS_PER_HOUR: intIn(1, 100_000).default(10),
  INTERVIEW_ABANDON_AFTER_MINUTES: intIn(0, 365 * 24 * 60).default(30),
  SHUTDOWN_TIMEOUT_MS: intIn(100, 60_000).default(10_000),
  WARMUP_MIN_QUESTIONS: intIn(1, 20).default(DEFAULT_THRESHOLDS.warmup.minQuestions),
  WARMUP_CONFIDENCE_THRESHOLD: fraction.default(DEFAULT_THRESHOLDS.warmup.minMeanConfidence),
  STANDARD_MIN_QUESTIONS: intIn(1, 20).default(DEFAULT_THRESHOLDS.standard.minQuestions),
  STANDARD_ACCURACY_THRESHOLD: fraction.default(DEFAULT_THRESHOLDS.standard.minMeanAccuracy),
  BOUNDARY_CONFIDENCE_THRESHOLD: fraction.default(DEFAULT_THRESHOLDS.boundary.minConfidence),
  INTERVIEW_MAX_QUESTIONS: intIn(1, 100).default(DEFAULT_THRESHOLDS.completion.maxQuestions),
  AI_RETRIES: intIn(0, 10).default(2),
  AI_BUDGET_USD: z.coerce.number().min(0).default(5),
  AI_PRICES: z
    .string()
    .default(JSON.stringify(DEFAULT_PRICES))
    .transform((raw, ctx) => {
      try {
        const parsed = PriceTableSchema.safeParse(JSON.parse(raw));
        if (parsed.success) return parsed.data;
      } catch {
        /* reported below */
      }
      ctx.addIssue({ code: 'custom', message: 'must be JSON like {"gpt-4o-mini":{"input":0.15,"output":0.6}} (USD per million tokens)' });
      return z.NEVER;
    }),
  AI_RETRY_BASE_MS: intIn(1, 60_000).default(250),
  OFFLINE_GRADER_THREADS: z
    .string()
    .default('auto')
    .transform((raw, ctx) => {
      const v = raw.trim().toLowerCase();
      if (v === 'auto') return 'auto' as const;
      if (/^\d+$/.test(v) && Number(v) <= 64) return Number(v);
      ctx.addIssue({ code: 'custom', message: 'must be auto or a whole number of threads (0–64)' });
      return z.NEVER;
    }),
  AZURE_OPENAI_API_KEY: z.string().min(1).optional(),
  AZURE_OPENAI_ENDPOINT: z.url().optional(),
  AZURE_OPENAI_DEPLOYMENT: z.string().min(1).optional(),
  AZURE_OPENAI_API_VERSION: z.string().min(1).default('2024-10-21'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.2),
  OPENAI_MAX_TOKENS: intIn(16, 32_000).default(800),
  OPENAI_TIMEOUT_MS: intIn(1_000, 300_000).default(30_000),
  STORAGE_PROVIDER: z.string().min(1).default('filesystem'),
  RESUME_PARSER: z.string().min(1).default('offline'),
  RESUME_REVIEWER: z.string().min(1).default('offline'),
  DOWNLOAD_LINK_TTL_SECONDS: intIn(30, 7 * 24 * 3600).default(3600),
  PUBLIC_BASE_URL: z.url().optional(),
  JOB_WORKER: z.enum(['on', 'off']).default('on'),
  JOB_POLL_MS: intIn(10, 60_000).default(500),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { port: number; host: string; allowedOrigins: string[]; bodyLimitBytes: number; shutdownTimeoutMs: number; trustedProxies: number };
  database: {
    url?: string; poolMax: number;
    /** How long an interview may be served from memory since this process last wrote or read it (0: read every time). */
    interviewCacheMs: number;
  };
  dataDir: string;
  auth: {
    jwtSecret?: string; jwtExpiryHours: number; loginMaxFailures: number; loginLockMinutes: number;
    /** How long a request may rely on an account read by an earlier request (0: re-read every time). */
    accountCacheMs: number;
  };
  logLevel: string;
  plugins: string[];
  pluginOptions: Record<string, unknown>;
  ai: {
    providers: string[];
    retry: { retries: number; baseDelayMs: number; maxDelayMs: number };
    prices: Record<string, { input: number; output: number }>;
    budgetUsd: number;
    /** Threads the offline rubric grader runs on beside the event loop (0: on the event loop itself); see graderThreadsFor. */
    offlineGraderThreads: number;
    openai: { apiKey?: string; baseUrl?: string; model: string; temperature: number; maxTokens: number; timeoutMs: number };
    azure: { apiKey?: string; endpoint?: string; deployment?: string; apiVersion: string };
  };
  /** abandonAfterMinutes: an open interview nobody answers for that long is marked abandoned (0: never). */
  interviews: { startsPerHourPerIp: number; abandonAfterMinutes: number; thresholds: AssessmentThresholds };
  resumes: {
    storage: string;
    parser: string;
    reviewer: string;
    downloadLinkTtlSeconds: number;
    /** The origin download links point at; the request's own origin when unset. */
    publicBaseUrl?: string;
  };
  /** Background jobs: whether this process runs them and how often it polls. */
  jobs: { worker: boolean; pollMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Allowed values of a zod issue, so an error message can say what would be accepted. */
function allowed(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return ` (allowed: ${issue.values.join(', ')})`;
  return '';
}

/**
 * OFFLINE_GRADER_THREADS=auto: one grading thread where the machine has a core to spare for it, none
 * (grading on the event loop) on two cores or fewer, where the server's main thread and the embedded
 * database's thread already take both: measured there with bench:turns, a grading thread cost about as
 * much CPU as it saved the event loop (see README).
 */
export const graderThreadsFor = (cores: number): number => (cores > 2 ? 1 : 0);

/**
 * Parses the environment once. The only place in the app that reads process.env. `cores`: how many
 * the process may run on in parallel, for settings that default to it.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cores = availableParallelism()): AppConfig {
  // Treat empty strings as unset, as shells and .env files commonly leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}${allowed(i)}`),
    );
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    throw new ConfigError(['JWT_SECRET: required when NODE_ENV=production (at least 32 characters)']);
  }
  const providers = list(e.AI_PROVIDERS);
  if (providers.length === 0) throw new ConfigError(['AI_PROVIDERS: must name at least one provider']);
  return {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      allowedOrigins: list(e.ALLOWED_ORIGINS),
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      trustedProxies: e.TRUST_PROXY,
    },
    database: { url: e.DATABASE_URL, poolMax: e.DB_POOL_MAX, interviewCacheMs: e.INTERVIEW_CACHE_MS },
    dataDir: e.DATA_DIR,
    auth: {
      jwtSecret: e.JWT_SECRET,
      jwtExpiryHours: e.JWT_EXPIRY_HOURS,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginLockMinutes: e.LOGIN_LOCK_MINUTES,
      accountCacheMs: e.AUTH_ACCOUNT_CACHE_MS,
    },
    logLevel: e.LOG_LEVEL,
    plugins: list(e.PLUGINS),
    pluginOptions: e.PLUGIN_OPTIONS,
    ai: {
      providers,
      prices: e.AI_PRICES,
      budgetUsd: e.AI_BUDGET_USD,
      offlineGraderThreads: e.OFFLINE_GRADER_THREADS === 'auto' ? graderThreadsFor(cores) : e.OFFLINE_GRADER_THREADS,
      retry: { retries: e.AI_RETRIES, baseDelayMs: e.AI_RETRY_BASE_MS, maxDelayMs: Math.max(e.AI_RETRY_BASE_MS, 8_000) },
      azure: {
        apiKey: e.AZURE_OPENAI_API_KEY, endpoint: e.AZURE_OPENAI_ENDPOINT, deployment: e.AZURE_OPENAI_DEPLOYMENT,
        apiVersion: e.AZURE_OPENAI_API_VERSION,
      },
      openai: {
        apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL,
        temperature: e.OPENAI_TEMPERATURE, maxTokens: e.OPENAI_MAX_TOKENS, timeoutMs: e.OPENAI_TIMEOUT_MS,
      },
    },
    resumes: {
      storage: e.STORAGE_PROVIDER, parser: e.RESUME_PARSER, reviewer: e.RESUME_REVIEWER,
      downloadLinkTtlSeconds: e.DOWNLOAD_LINK_TTL_SECONDS, publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    },
    jobs: { worker: e.JOB_WORKER === 'on', pollMs: e.JOB_POLL_MS },
    interviews: {
      startsPerHourPerIp: e.INTERVIEW_STARTS_PER_HOUR,
      abandonAfterMinutes: e.INTERVIEW_ABANDON_AFTER_MINUTES,
      thresholds: {
        ...DEFAULT_THRESHOLDS,
        warmup: { ...DEFAULT_THRESHOLDS.warmup, minQuestions: e.WARMUP_MIN_QUESTIONS, minMeanConfidence: e.WARMUP_CONFIDENCE_THRESHOLD },
        standard: { ...DEFAULT_THRESHOLDS.standard, minQuestions: e.STANDARD_MIN_QUESTIONS, minMeanAccuracy: e.STANDARD_ACCURACY_THRESHOLD },
        boundary: { ...DEFAULT_THRESHOLDS.boundary, minConfidence: e.BOUNDARY_CONFIDENCE_THRESHOLD },
        completion: {
          ...DEFAULT_THRESHOLDS.completion,
          maxQuestions: e.INTERVIEW_MAX_QUESTIONS,
          minQuestions: Math.min(DEFAULT_THRESHOLDS.completion.minQuestions, e.INTERVIEW_MAX_QUESTIONS),
        },
      },
    },
  };
}
