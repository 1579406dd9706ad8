/** A4 page geometry in PDF points (1/72 inch), y down as in pdfkit. */

/** Millimetres to points. */
export const mm = (value: number): number => (value * 72) / 25.4;

/** A4 portrait. */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/** Left/right margins and the content column between them. */
export const MARGIN_X = mm(20);
/** Width of the content column. */
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN_X;

/** The verification QR box (symbol + quiet zone), top right of every page. */
export const QR_BOX = { x: PAGE.width - MARGIN_X - mm(34), y: mm(12), size: mm(34) } as const;

/** Header: letterhead and title are centred in the band left free by the QR box. */
export const HEADER = {
  /** Widest letterhead/title, symmetric around the page centre clear of the QR box. */
  maxTextWidth: PAGE.width - 2 * (MARGIN_X + mm(34) + mm(4)),
  letterheadBaseline: mm(24),
  titleBaseline: mm(37),
  proofIdBaseline: mm(46),
  ruleY: mm(54),
} as const;

/** Where body content may go on every page. */
export const CONTENT = { top: mm(58), bottom: PAGE.height - mm(26) } as const;

/** Footer lines. */
export const FOOTER = {
  ruleY: PAGE.height - mm(23),
  pageBaseline: PAGE.height - mm(17),
  lineBaseline: PAGE.height - mm(12),
} as const;

/** Ink colours. */
export const INK = {
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#333333',
  letterhead: '#c00000',
  tableHead: '#eeeeee',
  watermark: '#e9e9e9',
} as const;
