import type { Measurement } from './load';

export type BackendReport = {
  title: string;
  rows: Measurement[];
  ratios: Ratio[];
  peakRssMiB: number;
};

export type Ratio = { name: string; value: number; target: number };

export function ratio(name: string, numerator: Measurement, denominator: Measurement, target: number): Ratio {
  return { name, value: denominator.okPerSec > 0 ? numerator.okPerSec / denominator.okPerSec : 0, target };
}

export function printReport(report: BackendReport): void {
  const width = Math.max(...report.rows.map((r) => r.name.length));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width) : c.padStart(10))).join('  ');
  const out = [
    '',
    report.title,
    line(['', 'ok req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors']),
    ...report.rows.map((r) =>
      line([
        r.name,
        r.okPerSec.toFixed(1),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        String(r.non2xx),
        String(r.errors),
      ]),
    ),
    ...report.rows
      .filter((r) => r.non2xx > 0)
      .map((r) => `  ${r.name}: status codes ${JSON.stringify(r.statusCodes)}`),
    ...report.ratios.map(
      (q) =>
        `${q.name.padEnd(width)}  ${q.value.toFixed(2).padStart(10)}  target >= ${q.target}  ${q.value >= q.target ? 'PASS' : 'FAIL'}`,
    ),
    `${'peak RSS of the server process'.padEnd(width)}  ${`${report.peakRssMiB.toFixed(0)} MiB`.padStart(10)}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
