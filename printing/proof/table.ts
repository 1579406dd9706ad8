import type PDFDocument from 'pdfkit';
import type { FlowItem } from './flow.js';
import { INK } from './page-geometry.js';
import type { TextPainter, Weight } from './text-painter.js';

/** One column of a table. */
export interface TableColumn {
  /** Width in points. */
  readonly width: number;
  /** Alignment of its cells (headers are centred). */
  readonly align: 'left' | 'center' | 'right';
}

/** A ruled table whose header row repeats on every page it continues on. */
export interface TableSpec {
  /** Left edge. */
  readonly x: number;
  /** Columns, left to right. */
  readonly columns: readonly TableColumn[];
  /** Header cells. */
  readonly header: readonly string[];
  /** Body rows. */
  readonly rows: readonly (readonly string[])[];
  /** Rows drawn bold after the body (totals). */
  readonly totals?: readonly (readonly string[])[];
  /** Body row height. */
  readonly rowHeight: number;
  /** Header row height. */
  readonly headerHeight: number;
  /** Cell font size. */
  readonly size: number;
  /** Space above the table. */
  readonly spaceBefore?: number;
}

const PAD = 4;

/** Draws one row of cells: shading, borders, then text (shrunk to fit, never wrapped). */
function drawRow(
  doc: typeof PDFDocument.prototype,
  painter: TextPainter,
  spec: TableSpec,
  cells: readonly string[],
  y: number,
  height: number,
  style: { weight: Weight; shade?: string; headerAlign?: boolean },
): void {
  const width = spec.columns.reduce((sum, c) => sum + c.width, 0);
  if (style.shade) doc.fillColor(style.shade).rect(spec.x, y, width, height).fill();
  doc.lineWidth(0.6).strokeColor(INK.rule);
  let x = spec.x;
  for (const column of spec.columns) {
    doc.rect(x, y, column.width, height);
    x += column.width;
  }
  doc.stroke();
  const baseline = y + height / 2 + spec.size * 0.38;
  x = spec.x;
  spec.columns.forEach((column, i) => {
    const text = cells[i] ?? '';
    if (text) {
      const inner = column.width - 2 * PAD;
      const size = painter.fit(text, inner, spec.size, spec.size * 0.7, style.weight);
      const align = style.headerAlign ? 'center' : column.align;
      const tx =
        align === 'left'
          ? x + PAD
          : align === 'right'
            ? x + column.width - PAD
            : x + column.width / 2;
      painter.draw(text, tx, baseline, { size, weight: style.weight, color: INK.text, align });
    }
    x += column.width;
  });
}

/** The table as flow items: header (kept with the first row), rows, totals. */
export function tableItems(
  doc: typeof PDFDocument.prototype,
  painter: TextPainter,
  spec: TableSpec,
): FlowItem[] {
  const header: FlowItem = {
    height: spec.headerHeight,
    spaceBefore: spec.spaceBefore,
    keepWithNext: true,
    draw: (y) =>
      drawRow(doc, painter, spec, spec.header, y, spec.headerHeight, {
        weight: 'bold',
        shade: INK.tableHead,
        headerAlign: true,
      }),
  };
  const row = (cells: readonly string[], weight: Weight): FlowItem => ({
    height: spec.rowHeight,
    repeatHeader: { ...header, spaceBefore: 0 },
    draw: (y) => drawRow(doc, painter, spec, cells, y, spec.rowHeight, { weight }),
  });
  return [
    header,
    ...spec.rows.map((cells) => row(cells, 'regular')),
    ...(spec.totals ?? []).map((cells) => row(cells, 'bold')),
  ];
}
