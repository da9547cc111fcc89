import type { Measurement } from './load';

export type BackendReport = {
  title: string;
  rows: Measurement[];
  ratios: Ratio[];
  /** figures that are not request rates (the bulk import's wall time), one line each */
  notes?: string[];
  peakRssMiB: number;
};

/** value compares throughput; byCpu compares the server CPU each request costs (the inverse ratio). */
export type Ratio = { name: string; value: number; byCpu?: number; target: number };

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One row from the rounds of one route: medians of the rates and latencies, sums of the failures. */
export function combineRounds(rounds: Measurement[]): Measurement {
  const cpu = rounds.flatMap((r) => (r.cpuMicros === undefined ? [] : [r.cpuMicros]));
  const statusCodes: Record<string, number> = {};
  for (const r of rounds)
    for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    name: rounds[0]!.name,
    okPerSec: median(rounds.map((r) => r.okPerSec)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    statusCodes,
    cpuMicros: cpu.length ? median(cpu) : undefined,
  };
}

/** The median over the rounds of numerator / denominator, each pair measured seconds apart. */
export function ratio(name: string, pairs: [Measurement, Measurement][], target: number): Ratio {
  const byCpu = pairs.flatMap(([n, d]) => (n.cpuMicros && d.cpuMicros ? [d.cpuMicros / n.cpuMicros] : []));
  return {
    name,
    value: median(pairs.map(([n, d]) => (d.okPerSec > 0 ? n.okPerSec / d.okPerSec : 0))),
    byCpu: byCpu.length === pairs.length ? median(byCpu) : undefined,
    target,
  };
}

export function printReport(report: BackendReport): void {
  const width = Math.max(...report.rows.map((r) => r.name.length));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width) : c.padStart(10))).join('  ');
  const verdict = (q: Ratio) =>
    `target >= ${q.target}  ${q.value >= q.target ? 'PASS' : 'FAIL'}` +
    (q.byCpu === undefined ? '' : `  (by CPU per request: ${q.byCpu.toFixed(2)})`);
  const out = [
    '',
    report.title,
    line(['', 'ok req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'CPU µs/req']),
    ...report.rows.map((r) =>
      line([
        r.name,
        r.okPerSec.toFixed(1),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        String(r.non2xx),
        String(r.errors),
        r.cpuMicros === undefined ? '-' : r.cpuMicros.toFixed(0),
      ]),
    ),
    ...report.rows
      .filter((r) => r.non2xx > 0)
      .map((r) => `  ${r.name}: status codes ${JSON.stringify(r.statusCodes)}`),
    ...report.ratios.map((q) => `${line([q.name, q.value.toFixed(2)])}  ${verdict(q)}`),
    ...(report.notes ?? []),
    line(['peak RSS of the server process', `${report.peakRssMiB.toFixed(0)} MiB`]),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
