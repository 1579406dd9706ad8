/**
 * The offline claim ticket (离线受理凭证): printed when a request is accepted while the platform
 * cannot be reached, so the citizen holds proof of it until it is submitted. Pure.
 */
import { maskIdNumbersInText, maskName } from '../../contract/index.js';
import type { Locale, ReceiptBlock, ReceiptDocument } from '../../contract/index.js';
import { CLAIM_TICKET_LABELS } from './claim-ticket-labels.js';
import { COMMON_LABELS } from './common-labels.js';
import {
  DEFAULT_RECEIPT_LAYOUT,
  checkedColumns,
  checkedCount,
  checkedText,
} from './receipt-context.js';
import type { ReceiptKiosk, ReceiptLayout } from './receipt-context.js';
import { centred, emphasised, heading, paragraph, qr, row, rule } from './receipt-blocks.js';
import { formatReceiptTime } from './receipt-time.js';

/** What the claim ticket shows. Personal data only already masked. */
export interface ClaimTicketData {
  /** Claim code the kiosk issued for the queued request, printed large, e.g. "K7QF-2M9D". */
  readonly claimCode: string;
  /** What was requested, in the receipt's locale, e.g. "无房证明 1份". */
  readonly requestSummary: string;
  /** Hours after which a still unconfirmed request should be brought to the counter. */
  readonly confirmWithinHours: number;
  /** When the request was queued, ISO 8601 with an offset. */
  readonly requestedAt: string;
  /** Applicant's name masked by contract `maskName`, when a card was read. */
  readonly maskedName?: string;
}

/**
 * What the claim ticket's QR holds: `<kioskId>/<claim code>` (e.g. "FS-CHANCHENG-0042/K7QF-2M9D"),
 * because a claim code is unique per kiosk: one scan at the counter gives the back office both.
 */
export function claimTicketQr(kioskId: string, claimCode: string): string {
  return `${checkedText('kioskId', kioskId)}/${claimCode}`;
}

/**
 * The claim ticket: hall, title, the claim code large, what was requested, masked applicant (if
 * any), time and kiosk, the queued/automatic-submission notice with its deadline, a QR of the
 * kiosk and claim code. Throws ReceiptDataError for data it cannot lay out (bad time, hours, QR, columns).
 */
export function claimTicket(
  data: ClaimTicketData,
  locale: Locale,
  kiosk: ReceiptKiosk,
  layout: ReceiptLayout = DEFAULT_RECEIPT_LAYOUT,
): ReceiptDocument {
  const columns = checkedColumns(layout);
  const l = CLAIM_TICKET_LABELS[locale];
  const c = COMMON_LABELS[locale];
  const hours = checkedCount('confirmWithinHours', data.confirmWithinHours);
  const name = data.maskedName?.trim();
  const claimCode = checkedText('claimCode', data.claimCode);
  const summary = maskIdNumbersInText(checkedText('requestSummary', data.requestSummary));
  const blocks: ReceiptBlock[] = [
    ...heading(l.title, kiosk.hallName, columns),
    centred(l.claimCode, columns),
    emphasised(claimCode, columns),
    row(l.requested, summary, c.colon, columns),
    ...(name ? [row(c.applicant, maskName(name), c.colon, columns)] : []),
    row(
      l.requestedAt,
      formatReceiptTime(data.requestedAt, locale, 'requestedAt'),
      c.colon,
      columns,
    ),
    row(c.kiosk, checkedText('kioskId', kiosk.kioskId), c.colon, columns),
    rule(columns),
    paragraph(l.queued(hours), columns),
    qr(claimTicketQr(kiosk.kioskId, claimCode), 'claimCode'),
    centred(l.qrHint, columns),
  ];
  return { blocks, cut: 'partial' };
}
