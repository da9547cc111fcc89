import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '@/server/core/clock';
import { issueTestKey, keyHeaders } from '../helpers/api-keys';
import { expectProblem, startTestServer } from '../helpers/http';
import { createTenant } from '../helpers/organizations';
import { raceTest } from '../helpers/race';
import { redisAnswers, TEST_REDIS_URL } from '../helpers/redis';
import { testRuntime } from '../helpers/runtime';

const LIMIT = 5;
type Key = { clientId: string; clientKey: string };

/** The same rules against each counter store a deployment can use: PostgreSQL, or Redis. */
function rateLimitSuite(env: Record<string, string>) {
  const rt = testRuntime({ API_KEY_RATE_LIMIT: String(LIMIT), ...env });
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(rt);
  });
  afterAll(async () => {
    await server.close();
  });
  const getProfile = (key: Key, profileId: string) =>
    server.request('POST', '/organization-profiles/get', { body: { profileId }, headers: keyHeaders(key) });
  it('is 600 a minute unless configured', async () => {
    const { loadConfig } = await import('@/server/core/config');
    expect(loadConfig({ AUTH_SECRET: 'x'.repeat(32) }).apiKeyRateLimit).toBe(600);
    expect(rt.config.apiKeyRateLimit).toBe(LIMIT);
  });

  it('answers 429 with Retry-After and RateLimit headers past the limit, per key, until the minute ends', async () => {
    const a = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id);
    const other = await issueTestKey(rt, a.admin.id, a.profile.id);
    for (let i = 0; i < LIMIT; i++) expect((await getProfile(key, a.profile.id)).status).toBe(200);
    rt.clock.advance(20_000);
    const refused = await getProfile(key, a.profile.id);
    expectProblem(refused, 429, 'RATE_LIMITED');
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(refused.headers.get('ratelimit-policy')).toBe(`${LIMIT};w=60`);
    expect(refused.headers.get('ratelimit')).toBe(`limit=${LIMIT}, remaining=0, reset=40`);
    // another key of the same profile has its own budget
    expect((await getProfile(other, a.profile.id)).status).toBe(200);
    rt.clock.advance(MINUTE);
    expect((await getProfile(key, a.profile.id)).status).toBe(200);
  });

  it('a wrong client key is 401, not counted against the key', async () => {
    const a = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id);
    for (let i = 0; i < LIMIT + 2; i++)
      expect((await getProfile({ ...key, clientKey: 'wrong' }, a.profile.id)).status).toBe(401);
    expect((await getProfile(key, a.profile.id)).status).toBe(200);
  });

  raceTest('concurrent requests cannot exceed the limit', async () => {
    const a = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id);
    const answers = await Promise.all(Array.from({ length: LIMIT * 3 }, () => getProfile(key, a.profile.id)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(LIMIT * 2);
  });
}

describe('the per-key rate limit (PostgreSQL counters)', () => rateLimitSuite({}));
describe.skipIf(!redisAnswers)('the per-key rate limit (Redis counters)', () =>
  rateLimitSuite({ REDIS_URL: TEST_REDIS_URL }),
);
