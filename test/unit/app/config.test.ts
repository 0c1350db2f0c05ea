import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../src/app/config.js';

const errorOf = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected loadConfig to fail');
};

describe('configuration', () => {
  it('has working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.env).to.equal('development');
    expect(config.http.port).to.equal(8000);
    expect(config.dataDir).to.equal('./data');
    expect(config.database.url).to.equal(undefined);
    expect(config.auth.jwtExpiryHours).to.equal(24);
    expect(config.auth.loginMaxFailures).to.equal(5);
    expect(config.auth.loginLockMinutes).to.equal(15);
    expect(config.http.bodyLimitBytes).to.equal(1024 * 1024);
    expect(config.http.allowedOrigins).to.deep.equal(['http://localhost:3000', 'http://localhost:5173']);
    expect(config.ai.providers).to.deep.equal(['offline']);
    expect(config.plugins).to.deep.equal([]);
    expect(config.database.interviewCacheMs).to.equal(600_000);
    expect(config.interviews.abandonAfterMinutes).to.equal(30);
  });

  it('grades on a thread of its own by default only where a core is free for it', () => {
    for (const [cores, threads] of [[1, 0], [2, 0], [3, 1], [16, 1]] as const) {
      expect(loadConfig({}, cores).ai.offlineGraderThreads, `${cores} cores`).to.equal(threads);
      expect(loadConfig({ OFFLINE_GRADER_THREADS: 'auto' }, cores).ai.offlineGraderThreads, `${cores} cores`).to.equal(threads);
    }
    expect(loadConfig({ OFFLINE_GRADER_THREADS: '0' }, 16).ai.offlineGraderThreads).to.equal(0);
    expect(loadConfig({ OFFLINE_GRADER_THREADS: '2' }, 2).ai.offlineGraderThreads).to.equal(2);
    for (const [raw, threads] of [[' AUTO ', 1], ['00', 0], ['064', 64], [' 3\t', 3]] as const) {
      expect(loadConfig({ OFFLINE_GRADER_THREADS: raw }, 8).ai.offlineGraderThreads, JSON.stringify(raw)).to.equal(threads);
    }
  });

  it('parses lists, numbers and JSON options', () => {
    const config = loadConfig({
      PORT: '9001', ALLOWED_ORIGINS: 'https://a.example, https://b.example', PLUGINS: './p1.ts, pkg-two',
      PLUGIN_OPTIONS: '{"example-provider":{"minWords":3}}', AI_PROVIDERS: 'openai,offline',
      DATABASE_URL: 'postgres://u@h:5432/db', JWT_EXPIRY_HOURS: '2',
    });
    expect(config.http.port).to.equal(9001);
    expect(config.http.allowedOrigins).to.deep.equal(['https://a.example', 'https://b.example']);
    expect(config.plugins).to.deep.equal(['./p1.ts', 'pkg-two']);
    expect(config.pluginOptions).to.deep.equal({ 'example-provider': { minWords: 3 } });
    expect(config.ai.providers).to.deep.equal(['openai', 'offline']);
    expect(config.database.url).to.equal('postgres://u@h:5432/db');
    expect(config.auth.jwtExpiryHours).to.equal(2);
    expect(loadConfig({ INTERVIEW_CACHE_MS: '0' }).database.interviewCacheMs).to.equal(0);
    expect(loadConfig({ INTERVIEW_ABANDON_AFTER_MINUTES: '0' }).interviews.abandonAfterMinutes).to.equal(0);
  });

  it('reads TRUST_PROXY as a number of proxies: false 0 (the default), true 1, or a count', () => {
    expect(loadConfig({}).http.trustedProxies).to.equal(0);
    for (const [raw, hops] of [['false', 0], ['FALSE', 0], ['true', 1], ['0', 0], ['2', 2]] as const) {
      expect(loadConfig({ TRUST_PROXY: raw }).http.trustedProxies, raw).to.equal(hops);
    }
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).http.port).to.equal(8000);
  });

  const bad: Array<[string, Record<string, string>, RegExp]> = [
    ['a non-numeric port', { PORT: 'eighty' }, /PORT/],
    ['a port out of range', { PORT: '70000' }, /PORT/],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /LOG_LEVEL.*allowed: fatal, error, warn, info, debug, trace, silent/],
    ['an unknown NODE_ENV', { NODE_ENV: 'staging' }, /NODE_ENV.*allowed: development, production, test/],
    ['a non-postgres DATABASE_URL', { DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must be a postgres/],
    ['a short JWT_SECRET', { JWT_SECRET: 'short' }, /JWT_SECRET: must be at least 32 characters/],
    ['PLUGIN_OPTIONS that are not a JSON object', { PLUGIN_OPTIONS: '[1]' }, /PLUGIN_OPTIONS: must be a JSON object/],
    ['an empty AI_PROVIDERS list', { AI_PROVIDERS: ' , ' }, /AI_PROVIDERS/],
    ['a negative INTERVIEW_CACHE_MS', { INTERVIEW_CACHE_MS: '-1' }, /INTERVIEW_CACHE_MS/],
    ['a fractional INTERVIEW_ABANDON_AFTER_MINUTES', { INTERVIEW_ABANDON_AFTER_MINUTES: '1.5' }, /INTERVIEW_ABANDON_AFTER_MINUTES/],
    ['a fractional OFFLINE_GRADER_THREADS', { OFFLINE_GRADER_THREADS: '0.5' }, /OFFLINE_GRADER_THREADS: must be auto or a whole number of threads \(0–64\)/],
    ['too many OFFLINE_GRADER_THREADS', { OFFLINE_GRADER_THREADS: '65' }, /OFFLINE_GRADER_THREADS: must be auto/],
    ['a TRUST_PROXY that is neither a boolean nor a count', { TRUST_PROXY: 'yes' }, /TRUST_PROXY: must be true, false or a number of proxies/],
    ['production without JWT_SECRET', { NODE_ENV: 'production' }, /JWT_SECRET: required when NODE_ENV=production/],
  ];
  for (const [what, env, message] of bad) {
    it(`fails at start on ${what}, naming the variable`, () => {
      const error = errorOf(env);
      expect(error).to.be.instanceOf(ConfigError);
      expect(error.message).to.match(message);
    });
  }

  it('reports every bad variable at once', () => {
    const error = errorOf({ PORT: 'x', LOG_LEVEL: 'y' });
    expect(error.problems).to.have.length(2);
  });
});
