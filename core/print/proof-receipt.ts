import type { ReceiptDocument } from '../../contract/index.js';
import { PROOF_LABELS } from '../../printing/proof/index.js';
import {
  acceptanceReceipt,
  type ReceiptKiosk,
  type ReceiptLayout,
} from '../../printing/receipts/index.js';
import type { PreparedProofEntry } from './prepared-proofs.js';

/**
 * The acceptance receipt that ends a proof print: the proof's name and id (the tracking number a
 * clerk can look up), pages, masked holder, time, in the proof's locale.
 */
export function proofReceipt(
  entry: PreparedProofEntry,
  kiosk: ReceiptKiosk,
  layout: ReceiptLayout,
  now: Date,
): ReceiptDocument {
  const { content } = entry.proof;
  return acceptanceReceipt(
    {
      serviceName: PROOF_LABELS[entry.locale].titles[content.type],
      trackingNumber: content.proofId,
      maskedName: entry.holder.maskedName,
      maskedIdNumber: entry.holder.maskedIdNumber,
      items: [{ kind: 'proof', proofId: content.proofId, pages: entry.pageCount }],
      acceptedAt: now.toISOString(),
    },
    entry.locale,
    kiosk,
    layout,
  );
}
