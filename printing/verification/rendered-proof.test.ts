import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale, ProofContent, SignedProof } from '../../contract/proofs.js';
import { loadProofFonts, renderProofPdf } from '../proof/index.js';
import type { ProofFonts } from '../proof/index.js';
import { SAMPLE_PROOFS, SAMPLE_RARE_NAME } from '../proof/sample-proofs.js';
import { testSigner } from './fixtures.js';
import { verifyProofPdf } from './verify-proof-pdf.js';

/*
 * The verifier against the kiosk's own proof renderer (printing/proof/): what the kiosk prints
 * must verify, in every locale and over several pages. The samples' stand-in QRs are replaced by
 * real signatures.
 */

const CONTENTS = [...Object.values(SAMPLE_PROOFS), SAMPLE_RARE_NAME].map((p) => p.content);
const platform = testSigner('fs-2026-01', [...new Set(CONTENTS.map((c) => c.issuer.id))]);
const NOW = { now: () => new Date('2026-03-10T12:00:00') };

let dir: string;
let fonts: ProofFonts;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rendered-proof-test-'));
  const loaded = await loadProofFonts();
  if (!loaded.ok) throw new Error(`fonts: ${loaded.error.message}`);
  fonts = loaded.value;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function renderAndVerify(proof: SignedProof, locale: Locale) {
  const rendered = await renderProofPdf(
    { proof, locale, kioskId: 'KIOSK-TEST-0001', printedAt: '2026-03-02T10:15:00+08:00' },
    fonts,
  );
  const path = join(dir, `proof-${++counter}.pdf`);
  await writeFile(path, rendered.pdf);
  return { result: await verifyProofPdf(path, platform.keys, NOW), pages: rendered.pageCount };
}

describe('proofs from the kiosk renderer', { timeout: 60_000 }, () => {
  it.each([
    ['noHousing', 'zh-CN'],
    ['noHousing', 'en'],
    ['taxPaid', 'zh-TW'],
    ['socialInsurance', 'zh-CN'],
  ] as const)('a %s proof printed in %s verifies', async (type, locale) => {
    const content = SAMPLE_PROOFS[type].content;
    const { result } = await renderAndVerify(platform.sign(content), locale);
    expect(result).toMatchObject({ ok: true, header: { id: content.proofId, t: type } });
  });

  it('a name with a compatibility ideograph (drawn from the fallback face) verifies', async () => {
    const { result } = await renderAndVerify(platform.sign(SAMPLE_RARE_NAME.content), 'zh-CN');
    expect(result).toMatchObject({ ok: true });
  });

  it("a genuine QR printed with another person's name fails on subject.name", async () => {
    const genuine = platform.sign(SAMPLE_PROOFS.noHousing.content);
    const content = {
      ...genuine.content,
      subject: { ...genuine.content.subject, name: '李四' },
    } as ProofContent;
    const { result } = await renderAndVerify({ content, qr: genuine.qr }, 'zh-CN');
    expect(result).toMatchObject({ ok: false, code: 'fieldMismatch', field: 'subject.name' });
  });
});
