import { describe, expect, it } from 'vitest';
import { verificationHashOf } from '@/server/modules/reports/pdf/hash';
import { reportTemplates, templateJsonSchema } from '@/server/modules/reports/registry';
import type { RenderMeta } from '@/server/modules/reports/template';
import { retirementTotals } from '@/server/modules/reports/templates/retirement/render';
import { retirementDataSchema } from '@/server/modules/reports/templates/retirement/schema';
import { retirementData } from './sample-data';
import { pdfInfo, pdfText } from './support';

const PROFILE = '01890a5d-ac96-774b-bcce-b302099a8057';
const meta = (statementNumber: string, issuedAt = new Date('2026-12-02T10:15:00Z')): RenderMeta => {
  const verificationHash = verificationHashOf({
    template: 'x',
    version: 1,
    statementNumber,
    issuedAt: issuedAt.toISOString(),
    data: {},
  });
  return {
    statementNumber,
    issuedAt,
    verificationHash,
    verifyUrl: `http://localhost:3999/verify/${verificationHash}`,
    preview: false,
  };
};

describe('report templates', () => {
  it.each(reportTemplates.map((t) => [t.name, t] as const))(
    '%s renders its own example to a PDF',
    async (_, template) => {
      const data = template.schema.parse(template.example);
      const pdf = await template.render(data, meta(`${template.numberPrefix}-2026-000001`));
      expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(pdf.pageCount).toBeGreaterThanOrEqual(1);
      expect(pdfText(pdf.bytes)).toContain(`${template.numberPrefix}-2026-000001`);
      // the JSON Schema the console shows exists and describes an object
      expect(templateJsonSchema(template)).toMatchObject({ type: 'object' });
    },
  );

  it('renders the same bytes from the same data, number and issue time; another time changes them', async () => {
    const template = reportTemplates.find((t) => t.name === 'retirement')!;
    const data = template.schema.parse(retirementData(PROFILE, 30));
    const first = await template.render(data, meta('RS-2026-000007'));
    const again = await template.render(structuredClone(data), meta('RS-2026-000007'));
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    const later = await template.render(data, meta('RS-2026-000007', new Date('2026-12-02T10:16:00Z')));
    expect(Buffer.from(later.bytes).equals(Buffer.from(first.bytes))).toBe(false);
    // the creation date is the issue time, and the file ID is derived from it (not random)
    expect(pdfInfo(first.bytes)).toContain('CreationDate:    2026-12-02T10:15:00Z');
  });

  it('prints the number, the totals, every item and the verification hash; the header repeats on each page', async () => {
    const template = reportTemplates.find((t) => t.name === 'retirement')!;
    const data = retirementDataSchema.parse(retirementData(PROFILE, 120));
    const m = meta('RS-2026-000042');
    const pdf = await template.render(data, m);
    const text = pdfText(pdf.bytes);
    const totals = retirementTotals(data.items);
    expect(text).toContain('RS-2026-000042');
    expect(text).toContain(`${totals.quantity.toLocaleString('en-US')} MMBtu`);
    expect(text).toContain(`${totals.intensity.toFixed(4)} %`);
    expect(text.replace(/\s+/g, '')).toContain(`Verificationhash:${m.verificationHash}`);
    expect(text).toContain('Contoso Manufacturing Ltd. (US)');
    expect(text).toContain('GHG Protocol Scope 3 reporting');
    expect(text).toContain('Jan 2026 – Jun 2026');
    expect(text).toContain(`Page ${pdf.pageCount} of ${pdf.pageCount}`);
    expect(pdf.pageCount).toBeGreaterThan(3);
    // pdftotext separates pages with a form feed: every page with item rows starts them with the header
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(pdf.pageCount);
    const withItems = pages.filter((page) => /PRV-2026\d\d-/.test(page));
    expect(withItems.length).toBeGreaterThanOrEqual(pdf.pageCount - 1);
    for (const page of withItems) expect(page).toContain('Measurer / verifier');
    expect(text).toContain('PRV-202601-PERM01-3');
  });

  it('computes the volume-weighted intensity, not the plain average', () => {
    const items = retirementDataSchema.parse({
      ...retirementData(PROFILE, 2),
    }).items;
    const [x, y] = items;
    const expected =
      (x!.quantity * x!.methaneIntensity + y!.quantity * y!.methaneIntensity) / (x!.quantity + y!.quantity);
    expect(retirementTotals(items).intensity).toBeCloseTo(expected, 4);
    expect(retirementTotals(items).quantity).toBe(x!.quantity + y!.quantity);
  });
});

describe('retirement data', () => {
  const problems = (data: unknown) => {
    const parsed = retirementDataSchema.safeParse(data);
    expect(parsed.success).toBe(false);
    return parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  const valid = () =>
    retirementData(PROFILE, 3) as Record<string, unknown> & { items: Record<string, unknown>[] };

  it('reports each field problem of an item with its path', () => {
    const data = valid();
    data.items[0] = {
      ...data.items[0],
      quantity: 0,
      methaneIntensity: 101,
      standard: 'ISO',
      basin: 'Atlantis',
      productionPeriod: { from: '2026-05', to: '2026-02' },
    };
    data.items[1] = { ...data.items[1], methaneIntensity: 0.12345 };
    const found = problems(data);
    expect(found).toEqual(
      expect.arrayContaining([
        'items.0.quantity: must be more than 0',
        'items.0.methaneIntensity: must be between 0 and 100 (percent)',
        'items.0.standard: must be one of: OGCI, NGSI',
        expect.stringMatching(/^items\.0\.basin: must be a North American basin/),
        'items.0.productionPeriod.to: from must not be after to',
        'items.1.methaneIntensity: must have at most 4 decimals',
      ]),
    );
  });

  it('needs exactly one of serials and certificateIds, and a quantity equal to the serial range', () => {
    const data = valid();
    const { serials: _s, ...noSerials } = data.items[0] as Record<string, unknown>;
    data.items[0] = noSerials;
    data.items[1] = { ...data.items[1], quantity: 5 };
    data.items[2] = { ...data.items[2], certificateIds: ['CERT-1'] };
    const found = problems(data);
    expect(found).toContain('items.0.serials: give exactly one of serials or certificateIds');
    expect(found).toContainEqual(
      expect.stringMatching(/^items\.1\.quantity: must equal the serial range's \d+ units/),
    );
    expect(found).toContain('items.2.serials: give exactly one of serials or certificateIds');
  });

  it('refuses two items of one statement that retire the same units, naming both items', () => {
    const data = valid();
    const first = data.items[0] as {
      serials: { batch: string; first: number; last: number };
      quantity: number;
    };
    data.items.push({
      ...first,
      serials: { batch: first.serials.batch, first: first.serials.last, last: first.serials.last + 9 },
      quantity: 10,
    });
    expect(problems(data)).toContain(
      `items.3.serials: overlaps items.0.serials in batch ${first.serials.batch}`,
    );
  });

  it('checks the batch serial format and real dates', () => {
    const data = valid();
    data.items[0] = {
      ...data.items[0],
      serials: { batch: 'PRV-2026-PERM01', first: 1, last: 10 },
      quantity: 10,
    };
    data.reportingPeriod = { from: '2026-02-30', to: '2026-13' };
    const found = problems(data);
    expect(found).toContainEqual(
      expect.stringMatching(/^items\.0\.serials\.batch: must be a batch serial PRV-/),
    );
    expect(found).toContain('reportingPeriod.from: must be a real date');
    expect(found).toContain('reportingPeriod.to: must be a date (YYYY-MM or YYYY-MM-DD)');
  });
});
