import type PDFDocument from 'pdfkit';
import type { FlowItem } from './flow.js';
import { CONTENT_WIDTH, INK, MARGIN_X, mm } from './page-geometry.js';
import type { TextPainter } from './text-painter.js';

/** A labelled value of the info grid. */
export interface InfoField {
  /** Label (locale text). */
  readonly label: string;
  /** Value, printed as given. */
  readonly value: string;
  /** Takes a whole row (long values such as an employer's name). */
  readonly wide?: boolean;
}

const LABEL_WIDTH = mm(29);
const VALUE_WIDTH = CONTENT_WIDTH / 2 - LABEL_WIDTH;
const ROW_HEIGHT = mm(7.5);
const SIZE = 10;
const PAD = 5;

/**
 * The key facts of a proof as a ruled grid, two fields per row: each value is one string in one
 * cell, so `pdftotext` gives it back whole.
 */
export function infoGridItems(
  doc: typeof PDFDocument.prototype,
  painter: TextPainter,
  fields: readonly InfoField[],
  spaceBefore: number,
): FlowItem[] {
  const rows: InfoField[][] = [];
  for (const field of fields) {
    const last = rows[rows.length - 1];
    if (!field.wide && last && last.length === 1 && !last[0]?.wide) last.push(field);
    else rows.push([field]);
  }
  return rows.map((row, i) => ({
    height: ROW_HEIGHT,
    spaceBefore: i === 0 ? spaceBefore : 0,
    draw: (y: number) => drawInfoRow(doc, painter, row, y),
  }));
}

function drawInfoRow(
  doc: typeof PDFDocument.prototype,
  painter: TextPainter,
  row: readonly InfoField[],
  y: number,
): void {
  const cells: { x: number; width: number; text: string; label: boolean }[] = [];
  let x = MARGIN_X;
  row.forEach((field, i) => {
    const valueWidth = field.wide || row.length === 1 ? CONTENT_WIDTH - LABEL_WIDTH : VALUE_WIDTH;
    cells.push({ x, width: LABEL_WIDTH, text: field.label, label: true });
    cells.push({ x: x + LABEL_WIDTH, width: valueWidth, text: field.value, label: false });
    x += LABEL_WIDTH + valueWidth;
    if (i === 0 && row.length === 1) x = MARGIN_X + CONTENT_WIDTH;
  });
  doc.fillColor(INK.tableHead);
  for (const cell of cells) if (cell.label) doc.rect(cell.x, y, cell.width, ROW_HEIGHT);
  doc.fill();
  doc.lineWidth(0.6).strokeColor(INK.rule);
  for (const cell of cells) doc.rect(cell.x, y, cell.width, ROW_HEIGHT);
  doc.stroke();
  const baseline = y + ROW_HEIGHT / 2 + SIZE * 0.38;
  for (const cell of cells) {
    const inner = cell.width - 2 * PAD;
    const weight = cell.label ? 'bold' : 'regular';
    const size = painter.fit(cell.text, inner, cell.label ? SIZE - 0.5 : SIZE, 6.5, weight);
    if (cell.label) {
      painter.draw(cell.text, cell.x + cell.width / 2, baseline, {
        size,
        weight,
        color: INK.text,
        align: 'center',
      });
    } else {
      painter.draw(cell.text, cell.x + PAD, baseline, { size, weight, color: INK.text });
    }
  }
}
