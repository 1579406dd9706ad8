import type PDFDocument from 'pdfkit';
import type { PdfFont } from '../fonts/index.js';
import type { FlowItem } from './flow.js';
import type { ProofLabels } from './labels/index.js';
import { wrap } from './paragraph.js';
import { CONTENT_WIDTH, INK, MARGIN_X, mm } from './page-geometry.js';
import { drawSeal, sealOutline, type ResolvedSealStyle } from './seal.js';
import type { TextPainter } from './text-painter.js';

/** What the closing block shows. */
export interface Closing {
  /** Issuing authority, signed under the text. */
  readonly issuerName: string;
  /** Day of issue, printed as given. */
  readonly issuedOn: string;
  /** Last valid day, for the notes. */
  readonly validUntil: string;
  /** The seal. */
  readonly seal: ResolvedSealStyle;
  /** Face of the seal's text (simplified Chinese bold, whatever the locale). */
  readonly sealFont: PdfFont;
  /** Fallback face for the seal's text. */
  readonly sealFallback?: PdfFont;
}

const BODY_SIZE = 11;
const NOTE_SIZE = 8.5;
const NOTE_LEADING = 12;

/**
 * "特此证明。", the authority and date at the right with the red seal over them, and the notes —
 * one item, so the seal always lands on the last page together with what it seals. It brings
 * the last table rows along when it has to start a new page.
 */
export function closingItem(
  doc: typeof PDFDocument.prototype,
  painter: TextPainter,
  labels: ProofLabels,
  closing: Closing,
  indent: number,
): FlowItem {
  const sealDiameter = mm(closing.seal.diameterMm);
  const noteWidth = CONTENT_WIDTH - mm(6);
  const notes = labels
    .notes(closing.validUntil)
    .map((note, i) => wrap(painter, [`${i + 1}. ${note}`], NOTE_SIZE, noteWidth));
  const signatureHeight = Math.max(sealDiameter + mm(2), mm(30));
  const notesHeight =
    mm(4) + NOTE_LEADING * (1 + notes.reduce((sum, lines) => sum + lines.length, 0));
  const outline = sealOutline(closing.sealFont, closing.sealFallback, closing.seal);
  for (const cp of outline.missing) painter.missing.add(cp);

  return {
    height: signatureHeight + notesHeight,
    spaceBefore: mm(3),
    pullRows: 3,
    draw: (y: number) => {
      // "特此证明。" at the top left; the signature and seal take the right of the same band.
      painter.draw(labels.closing, MARGIN_X + indent, y + mm(5), {
        size: BODY_SIZE,
        color: INK.text,
      });

      const top = y;
      const right = MARGIN_X + CONTENT_WIDTH - mm(8);
      const nameWidth = painter.width(closing.issuerName, 12);
      const cx = right - Math.max(nameWidth, sealDiameter * 0.8) / 2;
      const cy = top + signatureHeight / 2;
      painter.draw(closing.issuerName, cx, cy - mm(1), {
        size: 12,
        color: INK.text,
        align: 'center',
      });
      painter.draw(closing.issuedOn, cx, cy + mm(6), {
        size: 11,
        color: INK.text,
        align: 'center',
      });
      drawSeal(doc, outline, closing.seal, cx, cy);
      painter.fallbackChars += outline.fallbackChars;

      let baseline = top + signatureHeight + mm(4) + NOTE_SIZE;
      painter.draw(`${labels.notesTitle}${labels.colon.trim()}`, MARGIN_X, baseline, {
        size: NOTE_SIZE,
        weight: 'bold',
        color: INK.muted,
      });
      for (const lines of notes) {
        lines.forEach((line, i) => {
          baseline += NOTE_LEADING;
          painter.draw(line, MARGIN_X + (i === 0 ? 0 : mm(3.5)), baseline, {
            size: NOTE_SIZE,
            color: INK.muted,
          });
        });
      }
    },
  };
}
