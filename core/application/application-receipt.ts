import type { ReceiptDocument } from '../../contract/index.js';
import {
  ACCEPTANCE_RECEIPT_LABELS,
  acceptanceReceipt,
  claimTicket,
  type ReceiptKiosk,
  type ReceiptLayout,
} from '../../printing/receipts/index.js';
import type { ApplicationReceiptRequest } from './ports.js';

/**
 * The paper a citizen takes home after an application: the acceptance receipt with the
 * platform's tracking number when it was confirmed at once, else the claim ticket with the claim
 * code (the request is queued on the kiosk and sent by itself). Masked applicant only.
 */
export function applicationReceipt(
  request: ApplicationReceiptRequest,
  kiosk: ReceiptKiosk,
  layout: ReceiptLayout,
  confirmWithinHours: number,
): ReceiptDocument {
  const { matter, locale, person, pages } = request;
  const title = matter.titles[locale] ?? matter.titles['zh-CN'] ?? matter.code;
  if (request.outcome === 'submitted' && request.trackingNumber !== undefined) {
    return acceptanceReceipt(
      {
        serviceName: title,
        trackingNumber: request.trackingNumber,
        maskedName: person.masked.maskedName,
        maskedIdNumber: person.masked.maskedIdNumber,
        items: [{ kind: 'scan', documents: pages, pages }],
        acceptedAt: request.savedAt,
      },
      locale,
      kiosk,
      layout,
    );
  }
  const scanned = ACCEPTANCE_RECEIPT_LABELS[locale].scanItem(pages, pages);
  return claimTicket(
    {
      claimCode: request.claimCode,
      requestSummary: `${title} · ${scanned}`,
      confirmWithinHours,
      requestedAt: request.savedAt,
      maskedName: person.masked.maskedName,
    },
    locale,
    kiosk,
    layout,
  );
}
