import type { Measurement } from './load';

export type BackendReport = {
  title: string;
  rows: Measurement[];
  ratios: Ratio[];
  peakRssMiB: number;
};

/** value compares throughput; byCpu compares the server CPU each request costs (the inverse ratio). */
export type Ratio = { name: string; value: number; byCpu?: number; target: number };

export function ratio(name: string, numerator: Measurement, denominator: Measurement, target: number): Ratio {
  const byCpu =
    numerator.cpuMicros && denominator.cpuMicros ? denominator.cpuMicros / numerator.cpuMicros : undefined;
  return {
    name,
    value: denominator.okPerSec > 0 ? numerator.okPerSec / denominator.okPerSec : 0,
    byCpu,
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
    line(['peak RSS of the server process', `${report.peakRssMiB.toFixed(0)} MiB`]),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
