/** Sample data for the receipt templates' tests (made-up people, numbers and kiosks). */
import type { Locale, ReceiptDocument } from '../../../contract/index.js';
import { maskIdNumber, maskName } from '../../../contract/index.js';
import { acceptanceReceipt } from '../acceptance-receipt.js';
import type { AcceptanceReceiptData } from '../acceptance-receipt.js';
import { claimTicket, claimTicketQr } from '../claim-ticket.js';
import type { ClaimTicketData } from '../claim-ticket.js';
import { idCardCollectionSlip } from '../id-card-collection-slip.js';
import type { IdCardCollectionSlipData } from '../id-card-collection-slip.js';
import type { ReceiptKiosk, ReceiptLayout } from '../receipt-context.js';

/** A kiosk with every optional field. */
export const SAMPLE_KIOSK: ReceiptKiosk = {
  kioskId: 'FS-CHANCHENG-0042',
  hallName: '佛山市禅城区行政服务中心',
  hallPhone: '0757-83000000',
};

/** Service names as the platform gives them, per locale. */
const SERVICE: Record<Locale, string> = {
  'zh-CN': '港澳通行证再次签注',
  'zh-TW': '港澳通行證再次簽注',
  en: 'Hong Kong and Macao travel permit endorsement',
};

/** An accepted application with every kind of item. */
export function sampleAcceptance(locale: Locale): AcceptanceReceiptData {
  return {
    serviceName: SERVICE[locale],
    trackingNumber: 'FS2025030500042',
    trackingUrl: 'https://zwfw.example.gov.cn/track?no=FS2025030500042',
    maskedName: maskName('张三丰'),
    maskedIdNumber: maskIdNumber('11010519491231002X'),
    items: [
      { kind: 'proof', proofId: 'NH-2025-000123', pages: 2 },
      {
        kind: 'document',
        title: { 'zh-CN': '户口簿', 'zh-TW': '戶口簿', en: 'Household register' }[locale],
        pages: 1,
      },
      { kind: 'scan', documents: 3, pages: 5 },
    ],
    acceptedAt: '2025-03-05T06:03:07Z',
  };
}

/** A dispensed card. */
export function sampleCollection(): IdCardCollectionSlipData {
  return {
    maskedName: maskName('张三丰'),
    idNumberLast4: '002X',
    dispensedAt: '2025-03-05T06:10:00Z',
    collectionRecordId: 'CR-20250305-0042',
  };
}

/** A request queued while offline. */
export function sampleClaim(locale: Locale): ClaimTicketData {
  return {
    claimCode: 'K7QF-2M9D',
    requestSummary: {
      'zh-CN': '无房证明 1份',
      'zh-TW': '無房證明 1份',
      en: 'No-housing proof, 1 copy',
    }[locale],
    confirmWithinHours: 24,
    requestedAt: '2025-03-05T16:30:00+08:00',
    maskedName: maskName('张三丰'),
  };
}

/** One template applied to sample data, with what the tests look for in it. */
export interface SampleReceipt {
  /** Template name. */
  readonly template: 'acceptanceReceipt' | 'idCardCollectionSlip' | 'claimTicket';
  /** The document. */
  readonly doc: ReceiptDocument;
  /** The code printed large (tracking number, claim code) or the record id. */
  readonly code: string;
  /** The QR payload. */
  readonly qr: string;
}

/** Every template in `locale` on `layout`. */
export function sampleReceipts(locale: Locale, layout?: ReceiptLayout): SampleReceipt[] {
  const acceptance = sampleAcceptance(locale);
  const collection = sampleCollection();
  const claim = sampleClaim(locale);
  return [
    {
      template: 'acceptanceReceipt',
      doc: acceptanceReceipt(acceptance, locale, SAMPLE_KIOSK, layout),
      code: acceptance.trackingNumber,
      qr: acceptance.trackingUrl ?? acceptance.trackingNumber,
    },
    {
      template: 'idCardCollectionSlip',
      doc: idCardCollectionSlip(collection, locale, SAMPLE_KIOSK, layout),
      code: collection.collectionRecordId,
      qr: collection.collectionRecordId,
    },
    {
      template: 'claimTicket',
      doc: claimTicket(claim, locale, SAMPLE_KIOSK, layout),
      code: claim.claimCode,
      qr: claimTicketQr(SAMPLE_KIOSK.kioskId, claim.claimCode),
    },
  ];
}
