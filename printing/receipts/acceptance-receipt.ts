/** The acceptance receipt (受理回执): printed when an application has been accepted. Pure. */
import { maskIdNumber, maskIdNumbersInText, maskName } from '../../contract/index.js';
import type { Locale, ReceiptBlock, ReceiptDocument } from '../../contract/index.js';
import { ACCEPTANCE_RECEIPT_LABELS } from './acceptance-receipt-labels.js';
import type { AcceptanceReceiptLabels } from './acceptance-receipt-labels.js';
import { COMMON_LABELS } from './common-labels.js';
import {
  DEFAULT_RECEIPT_LAYOUT,
  checkedColumns,
  checkedCount,
  checkedText,
} from './receipt-context.js';
import type { ReceiptKiosk, ReceiptLayout } from './receipt-context.js';
import { centred, emphasised, heading, list, paragraph, qr, row, rule } from './receipt-blocks.js';
import { formatReceiptTime } from './receipt-time.js';

/** One thing handed in with an application. */
export type AcceptedItem =
  | {
      /** A proof the platform issued, attached to the application. */
      readonly kind: 'proof';
      /** The proof's id, e.g. "NH-2025-000123". */
      readonly proofId: string;
      /** Its pages. */
      readonly pages: number;
    }
  | {
      /** A named document, e.g. "户口簿" (in the receipt's locale). */
      readonly kind: 'document';
      /** What it is. */
      readonly title: string;
      /** Its pages. */
      readonly pages: number;
    }
  | {
      /** Documents scanned at the kiosk. */
      readonly kind: 'scan';
      /** How many documents. */
      readonly documents: number;
      /** Pages in all, when known. */
      readonly pages?: number;
    };

/** What the acceptance receipt shows. Personal data only already masked. */
export interface AcceptanceReceiptData {
  /** The service applied for, in the receipt's locale, e.g. "居住证签注". */
  readonly serviceName: string;
  /** Tracking number (受理编号) issued by the platform, printed large, e.g. "FS2025030500042". */
  readonly trackingNumber: string;
  /** Where the application can be tracked; the QR encodes it, else the tracking number. */
  readonly trackingUrl?: string;
  /** Applicant's name masked by contract `maskName`, e.g. "张*". */
  readonly maskedName: string;
  /** Applicant's ID number masked by contract `maskIdNumber`, e.g. "1101**********002X". */
  readonly maskedIdNumber: string;
  /** What was handed in, in order (empty: no list is printed). */
  readonly items: readonly AcceptedItem[];
  /** When the application was accepted, ISO 8601 with an offset, e.g. "2025-03-05T06:03:07Z". */
  readonly acceptedAt: string;
}

function itemText(item: AcceptedItem, labels: AcceptanceReceiptLabels): string {
  switch (item.kind) {
    case 'proof':
      return labels.proofItem(item.proofId, checkedCount('items.pages', item.pages));
    case 'document':
      return labels.documentItem(
        maskIdNumbersInText(item.title),
        checkedCount('items.pages', item.pages),
      );
    case 'scan':
      return labels.scanItem(
        checkedCount('items.documents', item.documents),
        item.pages === undefined ? undefined : checkedCount('items.pages', item.pages),
      );
  }
}

/**
 * The acceptance receipt: hall, title, service, the tracking number large, masked applicant,
 * what was handed in, time and kiosk, a QR of the tracking URL (or number), next steps.
 * Throws ReceiptDataError for data it cannot lay out (bad time, counts, QR payload, columns).
 */
export function acceptanceReceipt(
  data: AcceptanceReceiptData,
  locale: Locale,
  kiosk: ReceiptKiosk,
  layout: ReceiptLayout = DEFAULT_RECEIPT_LAYOUT,
): ReceiptDocument {
  const columns = checkedColumns(layout);
  const l = ACCEPTANCE_RECEIPT_LABELS[locale];
  const c = COMMON_LABELS[locale];
  const items = data.items.map((item) => itemText(item, l));
  const phone = kiosk.hallPhone?.trim() || undefined;
  const trackingNumber = checkedText('trackingNumber', data.trackingNumber);
  const qrData = data.trackingUrl === undefined ? trackingNumber : data.trackingUrl.trim();
  const blocks: ReceiptBlock[] = [
    ...heading(l.title, kiosk.hallName, columns),
    row(
      l.service,
      maskIdNumbersInText(checkedText('serviceName', data.serviceName)),
      c.colon,
      columns,
    ),
    centred(l.trackingNumber, columns),
    emphasised(trackingNumber, columns),
    row(c.applicant, maskName(checkedText('maskedName', data.maskedName)), c.colon, columns),
    row(
      c.idNumber,
      maskIdNumber(checkedText('maskedIdNumber', data.maskedIdNumber)),
      c.colon,
      columns,
    ),
    ...(items.length > 0 ? [list(l.items, items, columns)] : []),
    row(l.acceptedAt, formatReceiptTime(data.acceptedAt, locale, 'acceptedAt'), c.colon, columns),
    row(c.kiosk, checkedText('kioskId', kiosk.kioskId), c.colon, columns),
    rule(columns),
    qr(qrData, data.trackingUrl === undefined ? 'trackingNumber' : 'trackingUrl'),
    centred(l.qrHint, columns),
    paragraph(l.nextSteps(phone), columns),
  ];
  return { blocks, cut: 'partial' };
}
