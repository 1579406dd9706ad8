import type PDFDocument from 'pdfkit';
import type { ProofLabels } from './labels/index.js';
import { wrap } from './paragraph.js';
import { CONTENT_WIDTH, FOOTER, HEADER, INK, MARGIN_X, PAGE, QR_BOX, mm } from './page-geometry.js';
import { drawQr } from './qr-vector.js';
import type { TextPainter } from './text-painter.js';

/** What every page shows around the body. */
export interface PageChrome {
  /** Issuing authority (letterhead). */
  readonly issuerName: string;
  /** Proof title in the locale. */
  readonly title: string;
  /** Proof id. */
  readonly proofId: string;
  /** Signed QR text. */
  readonly qr: string;
  /** Kiosk id (footer). */
  readonly kioskId: string;
  /** Printing time as displayed. */
  readonly printedAt: string;
}

/**
 * Header (red letterhead with the authority, title, proof id, red double rule), the verification
 * QR at the top right, and the footer (page x of n, kiosk and printing time).
 */
export function drawPageChrome(
  doc: typeof PDFDocument.prototype,
  painter: TextPainter,
  labels: ProofLabels,
  chrome: PageChrome,
  page: number,
  pageCount: number,
): void {
  const centre = PAGE.width / 2;

  const letterheadSize = painter.fit(chrome.issuerName, HEADER.maxTextWidth, 17, 9, 'bold');
  painter.draw(chrome.issuerName, centre, HEADER.letterheadBaseline, {
    size: letterheadSize,
    weight: 'bold',
    color: INK.letterhead,
    align: 'center',
  });

  const titleSize = painter.fit(chrome.title, HEADER.maxTextWidth, 22, 17, 'bold');
  // A title too long for one line (English) goes on two smaller ones.
  const twoLines = painter.width(chrome.title, titleSize, 'bold') > HEADER.maxTextWidth;
  const lineSize = twoLines ? 15 : titleSize;
  const titleLines = twoLines
    ? wrap(painter, [chrome.title], lineSize, HEADER.maxTextWidth).slice(0, 2)
    : [chrome.title];
  titleLines.forEach((line, i) => {
    const baseline = HEADER.titleBaseline + (twoLines ? (i - 0.75) * mm(6.6) : 0);
    painter.draw(line, centre, baseline, {
      size: lineSize,
      weight: 'bold',
      color: INK.text,
      align: 'center',
    });
  });

  painter.draw(labels.proofIdLine(chrome.proofId), centre, HEADER.proofIdBaseline, {
    size: 9.5,
    color: INK.muted,
    align: 'center',
  });

  doc.lineWidth(1.6).strokeColor(INK.letterhead);
  doc
    .moveTo(MARGIN_X, HEADER.ruleY)
    .lineTo(MARGIN_X + CONTENT_WIDTH, HEADER.ruleY)
    .stroke();
  doc.lineWidth(0.6);
  doc
    .moveTo(MARGIN_X, HEADER.ruleY + 2.6)
    .lineTo(MARGIN_X + CONTENT_WIDTH, HEADER.ruleY + 2.6)
    .stroke();

  drawQr(doc, chrome.qr, QR_BOX.x, QR_BOX.y, QR_BOX.size);
  painter.draw(labels.qrCaption, QR_BOX.x + QR_BOX.size / 2, QR_BOX.y + QR_BOX.size + mm(2.6), {
    size: 7.5,
    color: INK.muted,
    align: 'center',
  });

  doc.lineWidth(0.5).strokeColor('#999999');
  doc
    .moveTo(MARGIN_X, FOOTER.ruleY)
    .lineTo(MARGIN_X + CONTENT_WIDTH, FOOTER.ruleY)
    .stroke();
  painter.draw(labels.page(page, pageCount), centre, FOOTER.pageBaseline, {
    size: 9,
    color: INK.text,
    align: 'center',
  });
  painter.draw(labels.footer(chrome.kioskId, chrome.printedAt), centre, FOOTER.lineBaseline, {
    size: 7.5,
    color: INK.muted,
    align: 'center',
  });
}
