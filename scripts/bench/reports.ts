import { performance } from 'node:perf_hooks';
import { verificationHashOf } from '@/server/modules/reports/pdf/hash';
import { retirementTemplate } from '@/server/modules/reports/templates/retirement';
import { retirementData } from '@/tests/reports/sample-data';
import { median } from './report';

export const RENDER_ROWS = 200;

/**
 * Issue 11: the in-process render of a 200-row retirement statement (validated data to PDF bytes,
 * no database), `runs` times after one warm-up; the median wall time and the PDF's size.
 */
export async function measureRetirementRender(runs: number) {
  const data = retirementTemplate.schema.parse(
    retirementData('01890a5d-ac96-774b-bcce-b302099a8057', RENDER_ROWS),
  );
  const issuedAt = new Date('2026-12-01T12:00:00Z');
  const statementNumber = 'RS-2026-000001';
  const verificationHash = verificationHashOf({
    template: 'retirement',
    version: retirementTemplate.version,
    statementNumber,
    issuedAt: issuedAt.toISOString(),
    data,
  });
  const meta = {
    statementNumber,
    issuedAt,
    verificationHash,
    verifyUrl: `https://provena.example/verify/${verificationHash}`,
    preview: false,
  };
  await retirementTemplate.render(data, meta);
  const times: number[] = [];
  let bytes = 0;
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const pdf = await retirementTemplate.render(data, meta);
    times.push(performance.now() - started);
    bytes = pdf.bytes.byteLength;
    pages = pdf.pageCount;
  }
  return { times, medianMs: median(times), bytes, pages };
}

export function renderNote(result: Awaited<ReturnType<typeof measureRetirementRender>>) {
  return `retirement statement of ${RENDER_ROWS} rows (in process, median of ${result.times.length}): ${result.medianMs.toFixed(0)} ms, ${result.pages} pages, ${(result.bytes / 1024).toFixed(1)} KiB`;
}
