/*
 * Offline verification of official proofs: a proof PDF (printed QR, attached proof.json, printed
 * fields) or a QR text, against trusted public keys. The signing and QR format live in
 * contract/proof-signature.ts; `npm run proof -- verify` is the command-line front end.
 */

export { verifyProofPdf } from './verify-proof-pdf.js';
export type {
  PdfShapeFailure,
  PdfSuccess,
  PdfVerification,
  VerifyPdfOptions,
} from './verify-proof-pdf.js';
export type { PdfToolFailure, PopplerPaths, PopplerTool } from './poppler.js';
export { PROOF_ATTACHMENT_NAME } from './proof-attachment.js';
export { PROOF_KEYS_ENV, loadTrustedKeys, parseTrustedKeys } from './trusted-keys.js';
export type { TrustedKeySources, TrustedKeys } from './trusted-keys.js';
export {
  formatVerificationReport,
  verificationExitCode,
  verificationJson,
} from './verification-report.js';
export type { AnyVerification } from './verification-report.js';
