import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import type { Request } from 'autocannon';
import { type LoadOptions, type Measurement, measureArgon2, measureRoute, refreshRequest } from './load';
import { createLocationsKey, measureBulkImport, seedLocations } from './locations';
import { type BackendReport, combineRounds, ratio } from './report';
import { activateAdmin, openSessions, randomPassword, seedOrganization } from './seed';
import { startProductionServer } from './server';

export type BenchOptions = LoadOptions & { rounds: number; cpuProfDir?: string };

const ADMIN_EMAIL = 'bench-admin@provena.local';
const BULK_ROWS = 10_000;

/** One measurement of one route (or of raw argon2) for the given number of seconds. */
type Probe = { name: string; run: (seconds: number) => Promise<Measurement> };

/**
 * Starts the production server on one database, signs the first admin in, then measures every
 * probe in rounds (health, ready, me, refresh, raw argon2, login; again and again). Other load
 * on the machine comes and goes: interleaving the routes and taking the median of each ratio
 * over the rounds compares figures taken seconds apart, not a minute apart.
 */
export async function benchBackend(
  title: string,
  env: Record<string, string>,
  work: string,
  opts: BenchOptions,
): Promise<BackendReport> {
  process.stdout.write(`\n== ${title}: starting the production server\n`);
  const dataDir = mkdtempSync(path.join(work, 'data-'));
  const temporaryPassword = randomPassword();
  const server = await startProductionServer(
    {
      ...env,
      APP_ENV: 'development',
      // the bench measures the list's throughput, not the per-key limiter (tests/api-keys prove it)
      API_KEY_RATE_LIMIT: '1000000',
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      DATA_DIR: dataDir,
      ADMIN_EMAIL,
      ADMIN_PASSWORD: temporaryPassword,
    },
    path.join(work, `${path.basename(dataDir)}.log`),
    { cpuProfDir: opts.cpuProfDir },
  );
  try {
    const account = await activateAdmin(server.url, ADMIN_EMAIL, temporaryPassword);
    // One session for /me; for refresh, enough chains to cover the tokens each run leaves in
    // flight when it stops (spent by the server, their answers never read): one per connection.
    const runs = opts.rounds + 1;
    const [meSession, ...chains] = await openSessions(server.url, account, 1 + (runs + 2) * opts.connections);
    const refreshPool = chains.map((s) => s.refreshToken);
    const organizationId = await seedOrganization(server.url, meSession!.accessToken);
    const locationsProfileId = await seedLocations(server.url, meSession!.accessToken, organizationId);
    const key = await createLocationsKey(server.url, meSession!.accessToken, locationsProfileId);
    const listBody = JSON.stringify({ profileId: locationsProfileId, limit: 50 });

    const route = (name: string, request: Request): Probe => ({
      name,
      run: (seconds) =>
        measureRoute(server.url, name, request, {
          ...opts,
          seconds,
          warmupSeconds: 0,
          serverCpu: server.cpuSeconds,
        }),
    });
    const probes = {
      health: route('GET /api/health', { path: '/api/health' }),
      ready: route('GET /api/ready (SELECT 1)', { path: '/api/ready' }),
      me: route('GET /api/v1/auth/me', {
        path: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${meSession!.accessToken}` },
      }),
      organizations: route('GET /api/v1/organizations', {
        path: '/api/v1/organizations',
        headers: { authorization: `Bearer ${meSession!.accessToken}` },
      }),
      members: route('POST /api/v1/organization-users/list', {
        method: 'POST',
        path: '/api/v1/organization-users/list',
        headers: {
          authorization: `Bearer ${meSession!.accessToken}`,
          'content-type': 'application/json',
          'x-active-organization-id': organizationId,
        },
        body: '{}',
      }),
      locations: route('POST /api/v1/business-locations/list (50, user)', {
        method: 'POST',
        path: '/api/v1/business-locations/list',
        headers: { authorization: `Bearer ${meSession!.accessToken}`, 'content-type': 'application/json' },
        body: listBody,
      }),
      ...(key
        ? {
            locationsKey: route('POST /api/v1/business-locations/list (50, API key)', {
              method: 'POST',
              path: '/api/v1/business-locations/list',
              headers: {
                'client-id': key.clientId,
                'client-key': key.clientKey,
                'content-type': 'application/json',
              },
              body: listBody,
            }),
          }
        : {}),
      refresh: route('POST /api/v1/auth/refresh', refreshRequest(refreshPool)),
      argon: {
        name: 'argon2id verify, raw',
        run: (seconds) => measureArgon2(opts.connections, seconds),
      } as Probe,
      login: route('POST /api/v1/auth/login', {
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: account.email,
          secret: account.password,
          deviceToken: account.deviceToken,
        }),
      }),
    };
    for (const probe of Object.values(probes)) await probe.run(opts.warmupSeconds);
    const rounds: Record<keyof typeof probes, Measurement>[] = [];
    for (let i = 1; i <= opts.rounds; i++) {
      const round = {} as Record<keyof typeof probes, Measurement>;
      for (const [key, probe] of Object.entries(probes) as [keyof typeof probes, Probe][]) {
        round[key] = await probe.run(opts.seconds);
      }
      rounds.push(round);
      const rates = Object.entries(round).map(([key, m]) => `${key} ${m.okPerSec.toFixed(0)}/s`);
      process.stdout.write(`   round ${i}: ${rates.join(', ')}\n`);
    }

    // The bulk import: wall time of a 10,000-row REST import, a few runs into fresh profiles.
    const bulk = await measureBulkImport(
      server.url,
      meSession!.accessToken,
      organizationId,
      BULK_ROWS,
      opts.rounds,
    );
    process.stdout.write(
      `   bulk import of ${BULK_ROWS} rows: ${bulk.times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}\n`,
    );

    const keys = Object.keys(probes) as (keyof typeof probes)[];
    return {
      title,
      rows: keys.map((k) => combineRounds(rounds.map((r) => r[k]))),
      ratios: [
        ratio(
          'me / ready',
          rounds.map((r) => [r.me, r.ready]),
          0.5,
        ),
        ratio(
          'locations list (user) / ready',
          rounds.map((r) => [r.locations, r.ready]),
          0.3,
        ),
        ...(key
          ? [
              ratio(
                'locations list (API key) / ready',
                rounds.map((r) => [r.locationsKey!, r.ready] as [Measurement, Measurement]),
                0.3,
              ),
            ]
          : []),
        ratio(
          'refresh / ready',
          rounds.map((r) => [r.refresh, r.ready]),
          0.2,
        ),
        ratio(
          'login / raw argon2',
          rounds.map((r) => [r.login, r.argon]),
          0.8,
        ),
      ],
      notes: [
        `bulk import of ${BULK_ROWS} rows (REST, median of ${bulk.times.length}): ${(bulk.medianMs / 1000).toFixed(2)} s  target < 10 s  ${bulk.medianMs < 10_000 ? 'PASS' : 'FAIL'}`,
        ...(key
          ? []
          : ['locations list (API key): not measured, POST /api/v1/api-keys/create is not there yet']),
      ],
      peakRssMiB: server.peakRssMiB(),
    };
  } finally {
    await server.stop();
  }
}
