/**
 * npm run bench: the production server on PostgreSQL and on PGlite, measured from this process
 * with autocannon. The targets are ratios to ceilings taken from the same server in the same run
 * (ARCHITECTURE.md, "One process, two HTTP layers"), so they hold on any machine.
 *
 * Options (environment): BENCH_DATABASE_URL, a PostgreSQL URL whose server gets a fresh
 * `provena_bench` database (default postgres://postgres@127.0.0.1:5432/postgres);
 * BENCH_BACKENDS (default "postgres,pglite"); BENCH_ROUNDS (default 3); BENCH_SECONDS per route
 * and round (default 3); BENCH_CONNECTIONS (default 10); BENCH_CPU_PROF, a folder for a
 * .cpuprofile of each server; BENCH_RENDER_RUNS (default 9) renders of a 200-row retirement statement.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { type BenchOptions, benchBackend } from './bench/backend';
import { type BackendReport, printReport } from './bench/report';
import { measureRetirementRender, renderNote } from './bench/reports';

const env = process.env;
const adminUrl = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const backends = (env.BENCH_BACKENDS ?? 'postgres,pglite').split(',').map((b) => b.trim());
const options: BenchOptions = {
  connections: Number(env.BENCH_CONNECTIONS ?? 10),
  rounds: Number(env.BENCH_ROUNDS ?? 3),
  seconds: Number(env.BENCH_SECONDS ?? 3),
  warmupSeconds: 1,
  cpuProfDir: env.BENCH_CPU_PROF ? path.resolve(env.BENCH_CPU_PROF) : undefined,
};
const BENCH_DB = 'provena_bench';

async function main() {
  ensureProductionBuild();
  const work = mkdtempSync(path.join(tmpdir(), 'provena-bench-'));
  const reports: BackendReport[] = [];
  try {
    for (const backend of backends) {
      if (backend === 'postgres') {
        const url = await recreateDatabase(adminUrl, BENCH_DB);
        const title = `PostgreSQL (${redact(url)})`;
        reports.push(await benchBackend(title, { DATABASE_URL: url }, work, options));
        await dropDatabase(adminUrl, BENCH_DB);
      } else if (backend === 'pglite') {
        reports.push(await benchBackend('PGlite (embedded, fresh DATA_DIR)', {}, work, options));
      } else {
        throw new Error(`unknown backend "${backend}" in BENCH_BACKENDS (postgres, pglite)`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const { connections, rounds, seconds, warmupSeconds } = options;
  process.stdout.write(
    [
      '',
      `${rounds} rounds of ${seconds} s per route at ${connections} connections, after a ${warmupSeconds} s warm-up of each;`,
      'raw argon2 runs in this process at the same concurrency. Figures are medians over the rounds, ratios the',
      'medians of the per-round ratios. ok req/s counts 2xx answers only. CPU µs/req: CPU time of the server',
      'process per answered request (of this process per verification for raw argon2); it moves far less than',
      "req/s with other load on the machine. PostgreSQL's own CPU is not in it.",
      '',
    ].join('\n'),
  );
  for (const report of reports) printReport(report);
  // issue 11: report rendering, in this process (no server, no database)
  const render = await measureRetirementRender(Number(env.BENCH_RENDER_RUNS ?? 9));
  process.stdout.write(`\nReports\n${renderNote(render)}\n`);
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
