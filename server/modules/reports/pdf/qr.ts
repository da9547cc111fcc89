import 'server-only';
import QRCode from 'qrcode';
import { colors, type PdfDoc } from './document';

/**
 * A QR code of `text` drawn as vector squares (no image: nothing random, sharp at any zoom),
 * `size` points wide including a quiet zone of 2 modules, top-left at (x, y).
 */
export function drawQrCode(doc: PdfDoc, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 2;
  const cell = size / (count + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill(colors.text);
  doc.restore();
}
