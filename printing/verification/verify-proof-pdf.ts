import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorAction } from '../../contract/device-status.js';
import { verifyProof, verifyProofQr } from '../../contract/proof-signature.js';
import type {
  ProofFailure,
  ProofQrHeader,
  ProofSuccess,
  VerifyOptions,
} from '../../contract/proof-signature.js';
import type { ProofPublicKey, SignedProof } from '../../contract/proofs.js';
import { runPoppler } from './poppler.js';
import type { PdfToolFailure, PopplerPaths } from './poppler.js';
import { readProofAttachment } from './proof-attachment.js';
import { readPageQr } from './qr-from-page.js';
import { findMissingVisibleField } from './visible-fields.js';

/*
 * Offline verification of a proof PDF, in the order a careful recipient would check the paper:
 * the printed QR (from pixels) verifies against a trusted key; the attached SignedProof verifies
 * and carries that same QR; the printed text shows the signed fields. Page images and the
 * extracted attachment hold personal data: they live in a private temp folder removed at the end.
 */

/** A PDF that is not a well-formed kiosk proof (no QR, no attachment, QR ≠ attachment). */
export interface PdfShapeFailure {
  /** False. */
  ok: false;
  /** Machine-readable reason. */
  code: 'noQr' | 'noAttachment' | 'badAttachment' | 'qrMismatch';
  /** One sentence for a person. */
  message: string;
  /** Supply another file. */
  action: ErrorAction;
  /** For qrMismatch: the printed QR's (verified) header. */
  claimed?: ProofQrHeader;
}

/** A verified proof PDF. */
export interface PdfSuccess extends ProofSuccess {
  /** The issuing authority's name, from the verified content. */
  issuerName: string;
  /** Resolution the QR was read at. */
  qrDpi: number;
}

/** The outcome of verifying a proof PDF. */
export type PdfVerification = PdfSuccess | ProofFailure | PdfToolFailure | PdfShapeFailure;

/** Options of verifyProofPdf. */
export interface VerifyPdfOptions extends VerifyOptions {
  /** Where the poppler tools are (default: PATH). */
  poppler?: PopplerPaths;
}

/** Verifies the proof PDF at `path` against the trusted keys. Never throws on a bad file. */
export async function verifyProofPdf(
  path: string,
  keys: readonly ProofPublicKey[],
  options: VerifyPdfOptions = {},
): Promise<PdfVerification> {
  try {
    await access(path);
  } catch {
    return { ok: false, code: 'unreadablePdf', message: `cannot open ${path}`, action: 'clear' };
  }
  const workDir = await mkdtemp(join(tmpdir(), 'kiosk-proof-verify-'));
  try {
    return await verifyInDir(path, keys, options, workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function verifyInDir(
  path: string,
  keys: readonly ProofPublicKey[],
  options: VerifyPdfOptions,
  workDir: string,
): Promise<PdfVerification> {
  const printed = await readPageQr(path, workDir, options.poppler);
  if (!printed.ok) return printed;
  const qr = verifyProofQr(printed.text, keys, options);
  if (!qr.ok) return qr;

  const attachment = await readProofAttachment(path, workDir, options.poppler);
  if (!attachment.ok) return attachment;
  const signed = attachment.json as SignedProof;
  const proof = verifyProof(signed, keys, options);
  if (!proof.ok) return proof;
  if (signed.qr !== printed.text)
    return {
      ok: false,
      code: 'qrMismatch',
      message: `the printed QR (proof ${qr.header.id}) is not the one in proof.json (proof ${proof.header.id})`,
      action: 'clear',
      claimed: qr.header,
    };

  const text = await runPoppler(
    'pdftotext',
    ['-layout', '-enc', 'UTF-8', path, '-'],
    options.poppler,
  );
  if (!text.ok) return text;
  const missing = findMissingVisibleField(signed.content, text.stdout.toString('utf8'));
  if (missing !== undefined)
    return {
      ok: false,
      code: 'fieldMismatch',
      field: missing.field,
      message: `${missing.field}: the printed text does not show the signed value ${missing.shown}`,
      claimed: qr.header,
    };
  return { ...proof, issuerName: signed.content.issuer.name, qrDpi: printed.dpi };
}
