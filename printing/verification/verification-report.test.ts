import { describe, expect, it } from 'vitest';
import { verifyProofQr } from '../../contract/proof-signature.js';
import { noHousingSample, testSigner } from './fixtures.js';
import {
  formatVerificationReport,
  verificationExitCode,
  verificationJson,
} from './verification-report.js';

const platform = testSigner();
const signed = platform.sign(noHousingSample);

describe('verification report', () => {
  it('shows a valid proof with a masked subject and an expiry warning', () => {
    const result = verifyProofQr(signed.qr, platform.keys, {
      now: () => new Date('2025-12-01T09:00:00'),
    });
    const report = formatVerificationReport(result, 'QR text');
    expect(report.startsWith('VALID  QR text')).toBe(true);
    expect(report).toContain('subject:      张*, ID 4406**********1234');
    expect(report).toContain('WARNING: expired — valid until 2025-09-30, today is 2025-12-01');
    expect(report).not.toContain('张三');
    expect(verificationExitCode(result)).toBe(0);
    expect(verificationJson(result)).toMatchObject({ valid: true, expired: true });
  });

  it('shows why a proof is invalid and what the unverified QR claims', () => {
    const result = verifyProofQr(signed.qr, testSigner().keys);
    const report = formatVerificationReport(result, 'QR text');
    expect(report).toContain('reason:       wrong key or altered QR');
    expect(report).toContain('the QR claims (its signature did not verify):');
    expect(verificationExitCode(result)).toBe(1);
  });

  it('treats a missing poppler tool as a set-up problem (exit 2), with its action', () => {
    const missing = {
      ok: false as const,
      code: 'toolMissing' as const,
      message: 'pdftoppm was not found: install poppler-utils (apt-get install poppler-utils)',
      action: 'configuration' as const,
    };
    expect(verificationExitCode(missing)).toBe(2);
    expect(formatVerificationReport(missing, 'a.pdf')).toContain('action:       configuration');
    expect(verificationJson(missing)).toMatchObject({
      code: 'toolMissing',
      action: 'configuration',
    });
  });
});
