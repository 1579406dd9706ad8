import { writeFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { SignedProof } from '../../contract/proofs.js';

/*
 * Test helper: a proof PDF shaped like the real renderer's (QR as vector rectangles on every page,
 * SignedProof attached as proof.json, the signed fields as visible text), with knobs to tamper
 * with each part. Used until printing/proof/ has a renderer, and for the tampered cases after.
 */

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const MM = 72 / 25.4;

/** How to build (or tamper with) a test proof PDF. */
export interface TestProofPdfOptions {
  /** The proof whose content is printed and attached. */
  signed: SignedProof;
  /** The QR text drawn (default: signed.qr); null draws none. */
  qr?: string | null;
  /** The name printed (default: the content's). */
  printedName?: string;
  /** The ID number printed (default: the content's). */
  printedIdNumber?: string;
  /** The attachment's text (default: the SignedProof JSON); null attaches nothing. */
  attachment?: string | null;
  /** QR box side (symbol + quiet zone) in millimetres (default 34, as the proof renderer's). */
  qrSizeMm?: number;
  /** Pages (default 2). */
  pages?: number;
}

/** Draws a QR's dark modules as filled rectangles, top-left at (x, y). */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, sizePt: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const module = sizePt / (modules.size + 8); // 4 modules of quiet zone each side
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col))
        doc.rect(x + (col + 4) * module, y + (row + 4) * module, module, module);
  doc.fillColor('black').fill();
}

/** Renders a test proof PDF to a Buffer. */
export async function testProofPdf(options: TestProofPdfOptions): Promise<Buffer> {
  const { signed } = options;
  const { content } = signed;
  const qr = options.qr === undefined ? signed.qr : options.qr;
  const attachment = options.attachment === undefined ? JSON.stringify(signed) : options.attachment;
  const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.registerFont('cjk', CJK_FONT, 'NotoSansCJKsc-Regular');
  if (attachment !== null)
    doc.file(Buffer.from(attachment, 'utf8'), { name: 'proof.json', type: 'application/json' });
  const pages = options.pages ?? 2;
  for (let page = 1; page <= pages; page++) {
    doc.addPage();
    doc.font('cjk').fontSize(12);
    if (page === 1) {
      doc.fontSize(18).text(content.issuer.name, { align: 'center' }).moveDown();
      doc.fontSize(12);
      doc.text(`证明编号：${content.proofId}`);
      doc.text(`姓名：${options.printedName ?? content.subject.name}`);
      doc.text(`公民身份号码：${options.printedIdNumber ?? content.subject.idNumber}`);
      const [y, m, d] = content.issuedOn.split('-');
      doc.text(`出具日期：${y}年${m}月${d}日`);
      doc.text(`有效期至：${content.validUntil}`);
    } else {
      doc.text(`证明编号：${content.proofId}  第 ${page} 页`);
    }
    const size = (options.qrSizeMm ?? 34) * MM;
    if (qr !== null) drawQr(doc, qr, doc.page.width - 56 - size, 12 * MM, size);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Writes a test proof PDF to `path`. */
export async function writeTestProofPdf(path: string, options: TestProofPdfOptions): Promise<void> {
  await writeFile(path, await testProofPdf(options));
}
