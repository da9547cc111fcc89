import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/** The page: US Letter, portrait, in PDF points. */
export const PAGE = { width: 612, height: 792, margin: 48, headerHeight: 28, footerHeight: 28 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The lowest y the content may reach before a page break (the footer lives below it). */
export const CONTENT_BOTTOM = PAGE.height - PAGE.margin - PAGE.footerHeight;
export const CONTENT_TOP = PAGE.margin + PAGE.headerHeight;

export const colors = {
  text: '#111827',
  muted: '#4b5563',
  faint: '#9ca3af',
  rule: '#d1d5db',
  band: '#f3f4f6',
  accent: '#0f5132',
  danger: '#b91c1c',
} as const;

const fontDir = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
/**
 * DejaVu Sans (a Unicode font). The regular face is the document's first font, opened by its path
 * (so pdfkit never loads its built-in Helvetica); the bold one is registered by name, read once.
 * pdfkit embeds the subset of each that a document uses.
 */
export const FONT = path.join(fontDir, 'DejaVuSans.ttf');
export const FONT_BOLD = 'DejaVuSans-Bold';
let boldFile: Buffer | undefined;

export type PdfDoc = PDFKit.PDFDocument;

export type DocumentMeta = { title: string; subject: string; issuedAt: Date; author?: string };

/**
 * A deterministic document: the creation date is the report's issuedAt (pdfkit derives the file
 * ID from the info dictionary, and its font subset tags from the font's order of use), nothing
 * else varies, so the same data renders the same bytes. Pages are buffered so the header and the
 * footer ("page x of y") are drawn once the page count is known.
 */
export function createDocument(meta: DocumentMeta): PdfDoc {
  boldFile ??= readFileSync(path.join(fontDir, 'DejaVuSans-Bold.ttf'));
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: CONTENT_TOP, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
    font: FONT,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author ?? 'Provena',
      Creator: 'Provena',
      Producer: 'Provena',
      CreationDate: meta.issuedAt,
      ModDate: meta.issuedAt,
    },
    lang: 'en-US',
  });
  doc.registerFont(FONT_BOLD, boldFile);
  doc.font(FONT).fillColor(colors.text);
  return doc;
}

/** Ends the document and collects its bytes. */
export function finishDocument(doc: PdfDoc): Promise<{ bytes: Uint8Array; pageCount: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let pageCount = 0;
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => resolve({ bytes: new Uint8Array(Buffer.concat(chunks)), pageCount }));
    const range = doc.bufferedPageRange();
    pageCount = range.start + range.count;
    doc.end();
  });
}

/** Starts a new page when `height` more points do not fit above the footer; true when it did. */
export function ensureSpace(doc: PdfDoc, height: number): boolean {
  if (doc.y + height <= CONTENT_BOTTOM) return false;
  doc.addPage();
  doc.y = CONTENT_TOP;
  return true;
}
