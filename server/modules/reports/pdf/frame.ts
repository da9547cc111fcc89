import 'server-only';
import { CONTENT_WIDTH, colors, FONT, FONT_BOLD, PAGE, type PdfDoc } from './document';

export type FrameText = {
  /** left of the header: the document's kind ("Retirement statement") */
  title: string;
  /** right of the header and left of the footer: the statement number */
  number: string;
  /** a faint diagonal word on every page (the admin preview's "PREVIEW") */
  watermark?: string;
};

/**
 * The header and the footer of every page, drawn once all pages exist (the document buffers
 * them): title and number above, "Statement … · page x of y" below. Text is placed with
 * lineBreak off so it never moves the cursor or adds a page.
 */
export function drawFrame(doc: PdfDoc, frame: FrameText) {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    // the footer sits in the bottom margin: pdfkit would break the page for text placed there
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const left = PAGE.margin;
    const headerY = PAGE.margin - 6;
    doc.font(FONT_BOLD).fontSize(8).fillColor(colors.accent);
    doc.text('PROVENA', left, headerY, { lineBreak: false });
    doc.font(FONT).fillColor(colors.muted);
    doc.text(frame.title, left + 52, headerY, { lineBreak: false });
    doc.text(frame.number, left, headerY, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
    doc
      .moveTo(left, headerY + 14)
      .lineTo(left + CONTENT_WIDTH, headerY + 14)
      .lineWidth(0.5)
      .strokeColor(colors.rule)
      .stroke();
    const footerY = PAGE.height - PAGE.margin + 4;
    doc
      .moveTo(left, footerY - 8)
      .lineTo(left + CONTENT_WIDTH, footerY - 8)
      .lineWidth(0.5)
      .strokeColor(colors.rule)
      .stroke();
    doc.font(FONT).fontSize(7.5).fillColor(colors.muted);
    doc.text(`${frame.title} ${frame.number}`, left, footerY, { lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${total}`, left, footerY, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
    if (frame.watermark) drawWatermark(doc, frame.watermark);
    doc.page.margins.bottom = bottom;
  }
}

function drawWatermark(doc: PdfDoc, word: string) {
  doc.save();
  doc.rotate(-35, { origin: [PAGE.width / 2, PAGE.height / 2] });
  doc.font(FONT_BOLD).fontSize(110).fillColor(colors.danger).fillOpacity(0.12);
  const width = doc.widthOfString(word);
  doc.text(word, PAGE.width / 2 - width / 2, PAGE.height / 2 - 60, { lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}
