import { maskName } from '../../contract/masking.js';
import type { ProofQrHeader, ProofVerification } from '../../contract/proof-signature.js';
import type { ProofType } from '../../contract/proofs.js';
import type { PdfVerification } from './verify-proof-pdf.js';

/*
 * The verifier's report for a person (VALID / INVALID and why) and for scripts (--json). Names
 * are masked and only the QR's masked ID number is shown: the report may end up in a ticket.
 */

/** A QR-only or a PDF verification outcome. */
export type AnyVerification = ProofVerification | PdfVerification;

const TYPE_NAMES: Record<ProofType, string> = {
  noHousing: '无房证明 no-housing proof',
  taxPaid: '个人所得税完税证明 income tax paid',
  socialInsurance: '社会保险参保证明 social insurance',
};

/** What each failure means, in a few words, before its detailed message. */
const REASONS: Record<string, string> = {
  malformedQr: 'not a readable proof QR',
  unsupportedVersion: 'unsupported QR format',
  truncatedSignature: 'truncated signature',
  unknownKey: 'signed by a key you do not trust',
  invalidKey: 'a trusted key is broken',
  issuerNotAllowed: 'the key may not sign for this issuer',
  badSignature: 'wrong key or altered QR',
  malformedContent: 'the attached content is malformed',
  contentMismatch: 'content altered',
  fieldMismatch: 'changed field',
  qrMismatch: 'the printed QR belongs to another proof',
  noQr: 'no QR',
  noAttachment: 'no proof.json attachment',
  badAttachment: 'broken proof.json attachment',
  unreadablePdf: 'unreadable file',
  toolMissing: 'missing tool',
  toolFailed: 'tool failure',
};

/** Failures found after the QR's signature verified: what the QR says is genuine. */
const QR_VERIFIED_CODES = new Set([
  'malformedContent',
  'contentMismatch',
  'fieldMismatch',
  'qrMismatch',
]);

/** Exit code: 0 valid, 1 invalid, 2 the verifier itself is not set up (missing/failing tool). */
export function verificationExitCode(result: AnyVerification): 0 | 1 | 2 {
  if (result.ok) return 0;
  return result.code === 'toolMissing' || result.code === 'toolFailed' ? 2 : 1;
}

function proofLines(header: ProofQrHeader, issuerName?: string): string[] {
  return [
    `  proof:        ${header.id}`,
    `  type:         ${header.t} (${TYPE_NAMES[header.t]})`,
    `  issuer:       ${header.iss}${issuerName ? ` (${issuerName})` : ''}`,
    `  subject:      ${maskName(header.n)}, ID ${header.idm}`,
    `  issued on:    ${header.on}`,
    `  valid until:  ${header.to}`,
    `  signing key:  ${header.kid}`,
  ];
}

/** The human report. */
export function formatVerificationReport(result: AnyVerification, source: string): string {
  if (result.ok) {
    const issuerName = 'issuerName' in result ? result.issuerName : undefined;
    const lines = [`VALID  ${source}`, ...proofLines(result.header, issuerName)];
    lines.push(
      result.expired
        ? `  WARNING: expired — valid until ${result.header.to}, today is ${result.today}`
        : `  in date (today is ${result.today})`,
    );
    return lines.join('\n');
  }
  const reason = REASONS[result.code] ?? result.code;
  const field = 'field' in result && result.field ? ` (${result.field})` : '';
  const lines = [
    `INVALID  ${source}`,
    `  reason:       ${reason}${field}`,
    `  detail:       ${result.message}`,
  ];
  if ('claimed' in result && result.claimed) {
    const genuine = QR_VERIFIED_CODES.has(result.code);
    lines.push(
      genuine
        ? '  the printed QR is genuine; it says:'
        : '  the QR claims (its signature did not verify):',
      ...proofLines(result.claimed),
    );
  }
  if ('action' in result) lines.push(`  action:       ${result.action}`);
  return lines.join('\n');
}

/** The --json report. */
export function verificationJson(result: AnyVerification): Record<string, unknown> {
  const proof = (header: ProofQrHeader, verified: boolean): Record<string, unknown> => ({
    verified,
    proofId: header.id,
    type: header.t,
    issuer: header.iss,
    kid: header.kid,
    subject: { name: maskName(header.n), idNumber: header.idm },
    issuedOn: header.on,
    validUntil: header.to,
  });
  if (result.ok)
    return {
      valid: true,
      expired: result.expired,
      today: result.today,
      proof: proof(result.header, true),
    };
  return {
    valid: false,
    code: result.code,
    message: result.message,
    ...('field' in result && result.field ? { field: result.field } : {}),
    ...('action' in result ? { action: result.action } : {}),
    ...('claimed' in result && result.claimed ? { proof: proof(result.claimed, false) } : {}),
  };
}
