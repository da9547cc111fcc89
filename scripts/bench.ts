/**
 * npm run bench: the production server on PostgreSQL and on PGlite, measured from this process
 * with autocannon. The targets are ratios to ceilings taken from the same server in the same run
 * (ARCHITECTURE.md, "One process, two HTTP layers"), so they hold on any machine.
 *
 * Options (environment): BENCH_DATABASE_URL, a PostgreSQL URL whose server gets a fresh
 * `provena_bench` database (default postgres://postgres@127.0.0.1:5432/postgres);
 * BENCH_BACKENDS (default "postgres,pglite"); BENCH_SECONDS per route (default 6);
 * BENCH_CONNECTIONS (default 10); BENCH_CPU_PROF, a folder for a .cpuprofile of each server.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import {
  type LoadOptions,
  type Measurement,
  measureArgon2,
  measureRoute,
  refreshRequest,
} from './bench/load';
import { type BackendReport, printReport, ratio } from './bench/report';
import { activateAdmin, openSessions, randomPassword } from './bench/seed';
import { startProductionServer } from './bench/server';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const backends = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',').map((b) => b.trim());
const load: LoadOptions = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  seconds: Number(process.env.BENCH_SECONDS ?? 6),
  warmupSeconds: 1,
};
const BENCH_DB = 'provena_bench';
const ADMIN_EMAIL = 'bench-admin@provena.local';

async function main() {
  ensureProductionBuild();
  const work = mkdtempSync(path.join(tmpdir(), 'provena-bench-'));
  const reports: BackendReport[] = [];
  try {
    for (const backend of backends) {
      if (backend === 'postgres') {
        const url = await recreateDatabase(adminUrl, BENCH_DB);
        reports.push(await benchBackend(`PostgreSQL (${redact(url)})`, { DATABASE_URL: url }, work));
        await dropDatabase(adminUrl, BENCH_DB);
      } else if (backend === 'pglite') {
        reports.push(await benchBackend('PGlite (embedded, fresh DATA_DIR)', {}, work));
      } else {
        throw new Error(`unknown backend "${backend}" in BENCH_BACKENDS (postgres, pglite)`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(
    `\nSettings: ${load.connections} connections, ${load.seconds} s per route after a ${load.warmupSeconds} s warm-up; ` +
      `raw argon2 at the same concurrency in this process. ok req/s counts 2xx answers only.\n` +
      'CPU µs/req: CPU time of the server process per answered request (of this process per verification for\n' +
      "raw argon2); unlike req/s it hardly moves with other load on the machine. PostgreSQL's own CPU is not in it.\n",
  );
  for (const report of reports) printReport(report);
}

async function benchBackend(
  title: string,
  env: Record<string, string>,
  work: string,
): Promise<BackendReport> {
  process.stdout.write(`\n== ${title}: starting the production server\n`);
  const dataDir = mkdtempSync(path.join(work, 'data-'));
  const temporaryPassword = randomPassword();
  const server = await startProductionServer(
    {
      ...env,
      APP_ENV: 'development',
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      DATA_DIR: dataDir,
      ADMIN_EMAIL,
      ADMIN_PASSWORD: temporaryPassword,
    },
    path.join(work, `${path.basename(dataDir)}.log`),
    { cpuProfDir: process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined },
  );
  try {
    const account = await activateAdmin(server.url, ADMIN_EMAIL, temporaryPassword);
    // One session for /me; for refresh, enough chains to cover the tokens that each run's
    // warm-up and end leave in flight (answered by the server, never read by autocannon).
    const [meSession, ...chains] = await openSessions(server.url, account, 1 + 4 * load.connections);
    const refreshPool = chains.map((s) => s.refreshToken);
    const routeLoad: LoadOptions = { ...load, serverCpu: server.cpuSeconds };

    const step = async (m: Promise<Measurement>) => {
      const row = await m;
      process.stdout.write(`   ${row.name}: ${row.okPerSec.toFixed(1)} ok/s, p99 ${row.p99.toFixed(1)} ms\n`);
      return row;
    };
    const health = await step(
      measureRoute(server.url, 'GET /api/health', { path: '/api/health' }, routeLoad),
    );
    const ready = await step(
      measureRoute(server.url, 'GET /api/ready (SELECT 1)', { path: '/api/ready' }, routeLoad),
    );
    const me = await step(
      measureRoute(
        server.url,
        'GET /api/v1/auth/me',
        { path: '/api/v1/auth/me', headers: { authorization: `Bearer ${meSession!.accessToken}` } },
        routeLoad,
      ),
    );
    const refresh = await step(
      measureRoute(server.url, 'POST /api/v1/auth/refresh', refreshRequest(refreshPool), routeLoad),
    );
    const argon = await step(measureArgon2(load.connections, load.seconds));
    const loginBody = JSON.stringify({ email: account.email, secret: account.password });
    const login = await step(
      measureRoute(
        server.url,
        'POST /api/v1/auth/login',
        {
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          body: loginBody,
        },
        { ...routeLoad, seconds: load.seconds + 2 },
      ),
    );
    return {
      title,
      rows: [health, ready, me, refresh, login, argon],
      ratios: [
        ratio('me / ready', me, ready, 0.5),
        ratio('refresh / ready', refresh, ready, 0.2),
        ratio('login / raw argon2', login, argon, 0.8),
      ],
      peakRssMiB: server.peakRssMiB(),
    };
  } finally {
    await server.stop();
  }
}

function ensureProductionBuild() {
  if (existsSync('.next/BUILD_ID')) return;
  process.stdout.write('No production build (.next/BUILD_ID): running npm run build first.\n');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}

async function recreateDatabase(url: string, name: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.unsafe(`create database ${name}`);
  } finally {
    await sql.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function dropDatabase(url: string, name: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists ${name} with (force)`).finally(() => sql.end());
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//…@');

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
