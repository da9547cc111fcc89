import 'server-only';
import {
  CONTENT_WIDTH,
  colors,
  createDocument,
  ensureSpace,
  FONT,
  FONT_BOLD,
  finishDocument,
  PAGE,
  type PdfDoc,
} from '../../pdf/document';
import {
  formatDay,
  formatFixed,
  formatInstant,
  formatInteger,
  formatMonthOrDay,
  formatPeriod,
} from '../../pdf/format';
import { drawFrame } from '../../pdf/frame';
import { drawQrCode } from '../../pdf/qr';
import { type Column, drawTable } from '../../pdf/table';
import type { RenderedPdf, RenderMeta } from '../../template';
import { purposeWords, type RetirementData, type RetirementItem } from './schema';

export const RETIREMENT_TITLE = 'Retirement statement';

/** Quantity sum and volume-weighted average methane intensity (percent, 4 decimals). */
export function retirementTotals(items: readonly RetirementItem[]) {
  let quantity = 0;
  let weighted = 0;
  for (const item of items) {
    quantity += item.quantity;
    weighted += item.quantity * item.methaneIntensity;
  }
  return { quantity, intensity: quantity > 0 ? Math.round((weighted / quantity) * 10_000) / 10_000 : 0 };
}

const serialText = (item: RetirementItem) => {
  if (item.serials) {
    const { batch, first, last } = item.serials;
    return first === last
      ? `${batch}\nunit ${formatInteger(first)}`
      : `${batch}\nunits ${formatInteger(first)}–${formatInteger(last)}`;
  }
  const ids = item.certificateIds ?? [];
  return ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
};

const columns: Column<RetirementItem>[] = [
  { header: '#', width: 22, align: 'right', cell: (_, i) => String(i + 1) },
  { header: 'Serial range or certificates', width: 122, cell: serialText },
  { header: 'Quantity (MMBtu)', width: 50, align: 'right', cell: (item) => formatInteger(item.quantity) },
  { header: 'Producer / facility', width: 106, cell: (item) => `${item.producer}\n${item.facility}` },
  {
    header: 'Basin / production',
    width: 82,
    cell: (item) => `${item.basin}\n${formatPeriod(item.productionPeriod)}`,
  },
  {
    header: 'Methane intensity (%)',
    width: 50,
    align: 'right',
    cell: (item) => formatFixed(item.methaneIntensity, 4),
  },
  { header: 'Std', width: 32, cell: (item) => item.standard },
  { header: 'Measurer / verifier', width: 98, cell: (item) => `${item.measurer}\n${item.verifier}` },
];

function label(doc: PdfDoc, text: string, x: number, y: number, width: number) {
  doc
    .font(FONT)
    .fontSize(7)
    .fillColor(colors.muted)
    .text(text.toUpperCase(), x, y, { width, characterSpacing: 0.4 });
}
function value(doc: PdfDoc, text: string, x: number, width: number, bold = false) {
  doc
    .font(bold ? FONT_BOLD : FONT)
    .fontSize(9.5)
    .fillColor(colors.text)
    .text(text, x, doc.y + 1, { width });
}

/** One labelled field at (x, y); returns the y below it. */
function field(doc: PdfDoc, name: string, text: string, x: number, y: number, width: number, bold = false) {
  label(doc, name, x, y, width);
  value(doc, text, x, width, bold);
  return doc.y;
}

/**
 * The retirement statement: title, number and issue date; the parties, purpose and period; a
 * summary; the retired items (the header repeats on every page); totals; the verification hash
 * with a QR code to the public verify page; "page x of y" on every page.
 */
export async function renderRetirement(data: RetirementData, meta: RenderMeta): Promise<RenderedPdf> {
  const doc = createDocument({
    title: `${RETIREMENT_TITLE} ${meta.statementNumber}`,
    subject: `Retirement of certified natural gas attributes for ${data.beneficiary.name}`,
    issuedAt: meta.issuedAt,
  });
  const left = PAGE.margin;
  const totals = retirementTotals(data.items);

  // title block
  let y = doc.y;
  doc.font(FONT_BOLD).fontSize(20).fillColor(colors.text).text(RETIREMENT_TITLE, left, y, { width: 320 });
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(colors.muted)
    .text(
      'Certified natural gas attributes retired on behalf of the beneficiary named below.',
      left,
      doc.y + 2,
      { width: 320 },
    );
  const titleBottom = doc.y;
  const boxX = left + CONTENT_WIDTH - 180;
  doc
    .rect(boxX, y - 2, 180, 50)
    .lineWidth(0.6)
    .strokeColor(colors.rule)
    .stroke();
  label(doc, 'Statement number', boxX + 8, y + 4, 164);
  doc
    .font(FONT_BOLD)
    .fontSize(11)
    .fillColor(colors.text)
    .text(meta.statementNumber, boxX + 8, doc.y + 1, { width: 164 });
  label(doc, 'Issued', boxX + 8, doc.y + 3, 164);
  doc
    .font(FONT)
    .fontSize(8.5)
    .fillColor(colors.text)
    .text(formatInstant(meta.issuedAt), boxX + 8, doc.y + 1, { width: 164 });
  y = Math.max(titleBottom, y + 50) + 16;

  // parties and purpose: two columns
  const colWidth = (CONTENT_WIDTH - 24) / 2;
  const right = left + colWidth + 24;
  const leftBottom = [
    (yy: number) =>
      field(doc, 'Retiring organization', data.retiringOrganization.name, left, yy, colWidth, true),
    (yy: number) => field(doc, 'Profile', data.retiringOrganization.profileName, left, yy + 6, colWidth),
    (yy: number) => field(doc, 'Purpose', purposeWords[data.purpose], left, yy + 6, colWidth),
  ].reduce((yy, draw) => draw(yy), y);
  const beneficiary = data.beneficiary.country
    ? `${data.beneficiary.name} (${data.beneficiary.country})`
    : data.beneficiary.name;
  const rightBottom = [
    (yy: number) => field(doc, 'Beneficiary', beneficiary, right, yy, colWidth, true),
    (yy: number) =>
      field(doc, 'Reporting period', formatPeriod(data.reportingPeriod), right, yy + 6, colWidth),
    (yy: number) =>
      field(
        doc,
        'Retired on',
        data.retiredAt ? formatMonthOrDay(data.retiredAt, 'long') : formatDay(meta.issuedAt),
        right,
        yy + 6,
        colWidth,
      ),
  ].reduce((yy, draw) => draw(yy), y);
  y = Math.max(leftBottom, rightBottom) + 14;

  // summary band
  doc.rect(left, y, CONTENT_WIDTH, 40).fill(colors.band);
  const third = CONTENT_WIDTH / 3;
  const summary: [string, string][] = [
    ['Total retired', `${formatInteger(totals.quantity)} MMBtu`],
    ['Items', formatInteger(data.items.length)],
    ['Weighted methane intensity', `${formatFixed(totals.intensity, 4)} %`],
  ];
  summary.forEach(([name, text], i) => {
    label(doc, name, left + 10 + i * third, y + 7, third - 20);
    doc
      .font(FONT_BOLD)
      .fontSize(12)
      .fillColor(colors.text)
      .text(text, left + 10 + i * third, doc.y + 1, { width: third - 20 });
  });
  y += 54;

  // the items
  doc.font(FONT_BOLD).fontSize(11).fillColor(colors.text).text('Retired items', left, y);
  doc.y += 4;
  drawTable(doc, columns, data.items);

  // totals line under the table
  ensureSpace(doc, 24);
  const totalsY = doc.y + 2;
  doc.font(FONT_BOLD).fontSize(8.5).fillColor(colors.text);
  doc.text(
    `Total: ${formatInteger(totals.quantity)} MMBtu in ${formatInteger(data.items.length)} ${data.items.length === 1 ? 'item' : 'items'}`,
    left,
    totalsY,
    { width: 300 },
  );
  doc.text(`Volume-weighted methane intensity: ${formatFixed(totals.intensity, 4)} %`, left, totalsY, {
    width: CONTENT_WIDTH,
    align: 'right',
  });
  doc.y = Math.max(doc.y, totalsY + 12) + 10;

  if (data.notes) {
    const notesHeight =
      doc.font(FONT).fontSize(8.5).heightOfString(data.notes, { width: CONTENT_WIDTH }) + 18;
    ensureSpace(doc, Math.min(notesHeight, 200));
    label(doc, 'Notes', left, doc.y, CONTENT_WIDTH);
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor(colors.text)
      .text(data.notes, left, doc.y + 1, { width: CONTENT_WIDTH });
    doc.y += 10;
  }

  // verification: the hash and a QR code to the public page
  const qrSize = 78;
  ensureSpace(doc, qrSize + 10);
  const vy = doc.y + 4;
  doc
    .moveTo(left, vy - 4)
    .lineTo(left + CONTENT_WIDTH, vy - 4)
    .lineWidth(0.5)
    .strokeColor(colors.rule)
    .stroke();
  drawQrCode(doc, meta.verifyUrl, left + CONTENT_WIDTH - qrSize, vy, qrSize);
  const textWidth = CONTENT_WIDTH - qrSize - 16;
  label(doc, 'Verification', left, vy + 4, textWidth);
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor(colors.text)
    .text(`Verification hash: ${meta.verificationHash}`, left, doc.y + 2, { width: textWidth });
  doc
    .font(FONT)
    .fontSize(7.5)
    .fillColor(colors.muted)
    .text(
      "The hash is the SHA-256 of this statement's canonical data (RFC 8785). Scan the code, or open the address below, to check that the statement was issued and is not void.",
      left,
      doc.y + 4,
      { width: textWidth },
    );
  doc
    .font(FONT)
    .fontSize(7.5)
    .fillColor(colors.accent)
    .text(meta.verifyUrl, left, doc.y + 3, { width: textWidth });
  doc.y = Math.max(doc.y, vy + qrSize);

  drawFrame(doc, {
    title: RETIREMENT_TITLE,
    number: meta.statementNumber,
    watermark: meta.preview ? 'PREVIEW' : undefined,
  });
  return finishDocument(doc);
}
