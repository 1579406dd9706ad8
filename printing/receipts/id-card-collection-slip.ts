/** The ID-card collection slip (身份证领取凭条): printed when a new ID card is dispensed. Pure. */
import { maskName } from '../../contract/index.js';
import type { Locale, ReceiptDocument } from '../../contract/index.js';
import { COMMON_LABELS } from './common-labels.js';
import { ID_CARD_COLLECTION_SLIP_LABELS } from './id-card-collection-slip-labels.js';
import { DEFAULT_RECEIPT_LAYOUT, checkedColumns, checkedText } from './receipt-context.js';
import type { ReceiptKiosk, ReceiptLayout } from './receipt-context.js';
import { centred, heading, qr, row, rule } from './receipt-blocks.js';
import { formatReceiptTime } from './receipt-time.js';

/** What the collection slip shows. Personal data only already masked. */
export interface IdCardCollectionSlipData {
  /** Card holder's name masked by contract `maskName`, e.g. "张*". */
  readonly maskedName: string;
  /** Last four characters of the card's ID number, e.g. "002X" (only the last four are used). */
  readonly idNumberLast4: string;
  /** When the card was dispensed, ISO 8601 with an offset. */
  readonly dispensedAt: string;
  /** The platform's id of the collection record; the QR encodes it, e.g. "CR-20250305-0042". */
  readonly collectionRecordId: string;
}

/** Digits masked in front of the last four of an 18-character ID number. */
const MASKED_HEAD = '*'.repeat(14);

/**
 * The ID-card collection slip: hall, title, masked holder, card number masked to its last four,
 * when it was dispensed, kiosk, the keep-this-slip notice, a QR of the collection record id.
 * Throws ReceiptDataError for data it cannot lay out (bad time, QR payload, columns).
 */
export function idCardCollectionSlip(
  data: IdCardCollectionSlipData,
  locale: Locale,
  kiosk: ReceiptKiosk,
  layout: ReceiptLayout = DEFAULT_RECEIPT_LAYOUT,
): ReceiptDocument {
  const columns = checkedColumns(layout);
  const l = ID_CARD_COLLECTION_SLIP_LABELS[locale];
  const c = COMMON_LABELS[locale];
  const last4 = Array.from(checkedText('idNumberLast4', data.idNumberLast4)).slice(-4).join('');
  const recordId = checkedText('collectionRecordId', data.collectionRecordId);
  const dispensedAt = formatReceiptTime(data.dispensedAt, locale, 'dispensedAt');
  return {
    blocks: [
      ...heading(l.title, kiosk.hallName, columns),
      row(l.holder, maskName(checkedText('maskedName', data.maskedName)), c.colon, columns),
      row(l.cardNumber, MASKED_HEAD + last4, c.colon, columns),
      row(l.dispensedAt, dispensedAt, c.colon, columns),
      row(c.kiosk, checkedText('kioskId', kiosk.kioskId), c.colon, columns),
      rule(columns),
      { ...centred(l.keepSlip, columns), bold: true },
      qr(recordId, 'collectionRecordId'),
      centred(l.record + c.colon + recordId, columns),
    ],
    cut: 'partial',
  };
}
