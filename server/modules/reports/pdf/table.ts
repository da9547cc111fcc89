import 'server-only';
import { CONTENT_BOTTOM, CONTENT_TOP, colors, FONT, FONT_BOLD, PAGE, type PdfDoc } from './document';

export type Column<Row> = {
  header: string;
  /** share of the content width (the shares are scaled to fill it) */
  width: number;
  align?: 'left' | 'right';
  cell: (row: Row, index: number) => string;
};

export type TableOptions = { fontSize?: number; headerSize?: number; x?: number; width?: number };

const PAD_X = 3;
const PAD_Y = 3;

/**
 * A table that breaks across pages: a row never splits, and the header row is repeated at the top
 * of every page the table continues on. Cells wrap (height of the tallest cell); numbers align right.
 */
export function drawTable<Row>(
  doc: PdfDoc,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  options: TableOptions = {},
) {
  const fontSize = options.fontSize ?? 7.5;
  const headerSize = options.headerSize ?? 7;
  const x0 = options.x ?? PAGE.margin;
  const width = options.width ?? PAGE.width - 2 * PAGE.margin;
  const share = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / share) * width);
  const lefts = widths.map((_, i) => x0 + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const heightOf = (texts: string[], font: string, size: number) => {
    doc.font(font).fontSize(size);
    return (
      Math.max(
        ...texts.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * PAD_X })),
      ) +
      2 * PAD_Y
    );
  };
  const drawRow = (texts: string[], font: string, size: number, height: number, fill?: string) => {
    const y = doc.y;
    if (fill) doc.rect(x0, y, width, height).fill(fill);
    doc
      .font(font)
      .fontSize(size)
      .fillColor(fill === colors.accent ? '#ffffff' : colors.text);
    texts.forEach((text, i) => {
      doc.text(text, lefts[i]! + PAD_X, y + PAD_Y, {
        width: widths[i]! - 2 * PAD_X,
        align: columns[i]!.align ?? 'left',
        lineBreak: true,
      });
    });
    doc
      .moveTo(x0, y + height)
      .lineTo(x0 + width, y + height)
      .lineWidth(0.3)
      .strokeColor(colors.rule)
      .stroke();
    doc.x = x0;
    doc.y = y + height;
  };

  const headers = columns.map((c) => c.header);
  const headerHeight = heightOf(headers, FONT_BOLD, headerSize);
  const header = () => drawRow(headers, FONT_BOLD, headerSize, headerHeight, colors.accent);

  if (doc.y + headerHeight + 20 > CONTENT_BOTTOM) newPage(doc);
  header();
  rows.forEach((row, index) => {
    const texts = columns.map((c) => c.cell(row, index));
    const height = heightOf(texts, FONT, fontSize);
    if (doc.y + height > CONTENT_BOTTOM) {
      newPage(doc);
      header();
    }
    drawRow(texts, FONT, fontSize, height, index % 2 === 1 ? colors.band : undefined);
  });
  doc.font(FONT).fontSize(9).fillColor(colors.text);
}

function newPage(doc: PdfDoc) {
  doc.addPage();
  doc.x = PAGE.margin;
  doc.y = CONTENT_TOP;
}
