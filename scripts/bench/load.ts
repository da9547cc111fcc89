import { performance } from 'node:perf_hooks';
import argon2 from 'argon2';
import autocannon, { type Request } from 'autocannon';
import { productionHashOptions } from '@/server/modules/auth/passwords';

export type Measurement = {
  name: string;
  /** successful (2xx) answers per second: a refused request is not throughput */
  okPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** connection errors and timeouts */
  errors: number;
  /** server CPU time per answered request, in µs: robust to other load on the machine */
  cpuMicros?: number;
  statusCodes: Record<string, number>;
};

export type LoadOptions = {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** the server's CPU seconds so far, read before and after the measured run */
  serverCpu?: () => number;
};

/** A short warm-up run (JIT, connection pools, caches), then the measured run. */
export async function measureRoute(
  url: string,
  name: string,
  request: Request,
  opts: LoadOptions,
): Promise<Measurement> {
  const run = (duration: number) =>
    autocannon({
      url,
      connections: opts.connections,
      duration,
      timeout: 10,
      excludeErrorStats: true,
      requests: [request],
    });
  if (opts.warmupSeconds > 0) await run(opts.warmupSeconds);
  const cpuBefore = opts.serverCpu?.();
  const result = await run(opts.seconds);
  const cpu = cpuBefore === undefined ? undefined : opts.serverCpu!() - cpuBefore;
  const answered = result['2xx'] + result.non2xx;
  return {
    name,
    okPerSec: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
    ),
    cpuMicros: cpu === undefined || answered === 0 ? undefined : (cpu / answered) * 1e6,
  };
}

/**
 * Each refresh token works once (a reused one revokes its session), so connections draw fresh
 * tokens from a shared pool and put back the one each answer carries. autocannon records a
 * response before it builds that connection's next request, so the pool never runs dry unless
 * a refresh fails; then the request goes out with a dead token and counts as non-2xx.
 */
export function refreshRequest(pool: string[]): Request {
  return {
    method: 'POST',
    path: '/api/v1/auth/refresh',
    setupRequest: (req) => ({ ...req, headers: { 'x-refresh-token': pool.shift() ?? 'refresh-pool-empty' } }),
    onResponse: (status, body) => {
      if (status === 200) pool.push((JSON.parse(body) as { refreshToken: string }).refreshToken);
    },
  };
}

/** Raw argon2id verifications per second with the production parameters, at the given concurrency. */
export async function measureArgon2(concurrency: number, seconds: number): Promise<Measurement> {
  const cpuBefore = process.cpuUsage();
  const password = 'correct horse battery staple';
  const hash = await argon2.hash(password, productionHashOptions);
  const timings: number[] = [];
  await argon2.verify(hash, password); // warm-up: libuv pool threads and the first allocation
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        if (!(await argon2.verify(hash, password))) throw new Error('argon2 refused its own hash');
        timings.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0;
  return {
    name: `argon2id verify, raw (m=${productionHashOptions.memoryCost} KiB, t=${productionHashOptions.timeCost})`,
    okPerSec: timings.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    non2xx: 0,
    errors: 0,
    statusCodes: {},
    cpuMicros: (cpu.user + cpu.system) / timings.length,
  };
}
