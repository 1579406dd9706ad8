import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SAMPLES, noHousingSample, taxPaidSample, testSigner } from './fixtures.js';
import { writeTestProofPdf } from './test-pdf.js';
import type { TestProofPdfOptions } from './test-pdf.js';
import { verifyProofPdf } from './verify-proof-pdf.js';
import type { PdfVerification, VerifyPdfOptions } from './verify-proof-pdf.js';

const platform = testSigner();
const rogue = testSigner('rogue-key');
const impostor = testSigner(); // same kid as the platform, another key
const NOW = { now: () => new Date('2025-06-01T12:00:00') };

let dir: string;
let workTmp: string;
const savedTmp = process.env.TMPDIR;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proof-pdf-test-'));
  // The verifier's temp folders go here, so the test can see that every one is removed.
  workTmp = join(dir, 'tmp');
  await mkdir(workTmp);
  process.env.TMPDIR = workTmp;
});
afterAll(async () => {
  process.env.TMPDIR = savedTmp;
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
/** Writes a test PDF and verifies it with the platform's keys. */
async function check(
  options: TestProofPdfOptions,
  verifyOptions: VerifyPdfOptions = NOW,
): Promise<PdfVerification> {
  const path = join(dir, `proof-${++counter}.pdf`);
  await writeTestProofPdf(path, options);
  const result = await verifyProofPdf(path, platform.keys, verifyOptions);
  // Whatever the outcome: no full ID number in it, and no temp folder left behind.
  expect(JSON.stringify(result)).not.toContain(options.signed.content.subject.idNumber);
  expect(await readdir(workTmp)).toEqual([]);
  return result;
}

describe('verifyProofPdf', { timeout: 60_000 }, () => {
  it.each(ALL_SAMPLES.map((c) => [c.type, c] as const))(
    'accepts a genuine %s proof (QR of 30 mm read at 150 dpi)',
    async (_type, content) => {
      const result = await check({ signed: platform.sign(content), qrSizeMm: 30 });
      expect(result).toMatchObject({
        ok: true,
        expired: false,
        qrDpi: 150,
        issuerName: content.issuer.name,
        header: { id: content.proofId, t: content.type },
      });
    },
  );

  it('reports an expired proof as valid with a warning', async () => {
    const result = await check(
      { signed: platform.sign(noHousingSample) },
      { now: () => new Date('2026-01-01T08:00:00') },
    );
    expect(result).toMatchObject({ ok: true, expired: true, today: '2026-01-01' });
  });

  it('fails a PDF whose printed name was edited with fieldMismatch on subject.name', async () => {
    const result = await check({ signed: platform.sign(noHousingSample), printedName: '李四' });
    expect(result).toMatchObject({
      ok: false,
      code: 'fieldMismatch',
      field: 'subject.name',
      message: 'subject.name: the printed text does not show the signed value 张*',
    });
  });

  it('fails a PDF whose printed ID number was edited, without showing the number', async () => {
    const result = await check({
      signed: platform.sign(noHousingSample),
      printedIdNumber: '440602199001019999',
    });
    expect(result).toMatchObject({ code: 'fieldMismatch', field: 'subject.idNumber' });
    expect(JSON.stringify(result)).not.toContain('440602199001019999');
  });

  it('fails a PDF whose attached content was edited with contentMismatch', async () => {
    const signed = platform.sign(taxPaidSample);
    const edited = structuredClone(signed);
    if (edited.content.type === 'taxPaid') edited.content.facts.totalTaxYuan = '10.05';
    const result = await check({ signed, attachment: JSON.stringify(edited) });
    expect(result).toMatchObject({ ok: false, code: 'contentMismatch' });
  });

  it('fails a PDF whose attachment is another genuine proof with qrMismatch', async () => {
    const signed = platform.sign(noHousingSample);
    const other = platform.sign(taxPaidSample);
    const result = await check({ signed, attachment: JSON.stringify(other) });
    expect(result).toMatchObject({ ok: false, code: 'qrMismatch' });
  });

  it('fails a proof signed by an untrusted key (unknownKey) or another key (badSignature)', async () => {
    const unknown = await check({ signed: rogue.sign(noHousingSample) });
    expect(unknown).toMatchObject({ ok: false, code: 'unknownKey', claimed: { kid: 'rogue-key' } });
    const forged = await check({ signed: impostor.sign(noHousingSample) });
    expect(forged).toMatchObject({ ok: false, code: 'badSignature' });
  });

  it('says clearly when there is no QR, no attachment, or a broken attachment', async () => {
    const signed = platform.sign(noHousingSample);
    expect(await check({ signed, qr: null })).toMatchObject({
      code: 'noQr',
      message: 'no verification QR could be read on page 1 (tried 150 and 300 dpi)',
    });
    expect(await check({ signed, attachment: null })).toMatchObject({
      code: 'noAttachment',
      message: 'the PDF has no proof.json attachment (is it a kiosk proof?)',
    });
    expect(await check({ signed, attachment: '{"content":' })).toMatchObject({
      code: 'badAttachment',
    });
    expect(await check({ signed, attachment: '{"qr":"x"}' })).toMatchObject({
      code: 'malformedQr',
    });
  });

  it('fails a file that is not a PDF, or is missing, with unreadablePdf', async () => {
    const path = join(dir, 'not-a.pdf');
    await writeFile(path, 'hello');
    expect(await verifyProofPdf(path, platform.keys)).toMatchObject({
      code: 'unreadablePdf',
      action: 'clear',
    });
    expect(await verifyProofPdf(join(dir, 'missing.pdf'), platform.keys)).toMatchObject({
      code: 'unreadablePdf',
    });
    expect(await readdir(workTmp)).toEqual([]);
  });

  it('asks to install poppler-utils when a tool is missing', async () => {
    for (const tool of ['pdftoppm', 'pdfdetach', 'pdftotext'] as const) {
      const result = await check(
        { signed: platform.sign(noHousingSample) },
        { ...NOW, poppler: { [tool]: join(dir, `no-${tool}`) } },
      );
      expect(result).toMatchObject({ ok: false, code: 'toolMissing', action: 'configuration' });
      if (!result.ok) expect(result.message).toContain('install poppler-utils');
    }
  });
});
