import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale, SignedProof } from '../../contract/index.js';
import { loadProofFonts, type ProofFonts } from '../fonts/index.js';
import { renderProofPdf } from './render-proof-pdf.js';
import {
  SAMPLE_NO_HOUSING,
  SAMPLE_RARE_NAME,
  SAMPLE_SOCIAL_INSURANCE,
  SAMPLE_TAX_PAID,
} from './sample-proofs.js';
import { pngDifference, renderPages } from './test-support/poppler-tools.js';

/*
 * Page snapshots: every page rendered by pdftoppm at 50 dpi, compared with the reviewed PNGs in
 * __snapshots__/ (at most 0.5 % of pixels may differ, for antialiasing across poppler builds).
 * After a reviewed layout change: UPDATE_PROOF_SNAPSHOTS=1 npx vitest run printing/proof, then
 * look at the PNGs before committing them.
 */

const SNAPSHOTS = fileURLToPath(new URL('./__snapshots__/', import.meta.url));
const UPDATE = process.env.UPDATE_PROOF_SNAPSHOTS === '1';
const MAX_DIFFERENCE = 0.005;

let fonts: ProofFonts;
beforeAll(async () => {
  const loaded = await loadProofFonts();
  if (!loaded.ok) throw new Error(loaded.error.message);
  fonts = loaded.value;
});

const CASES: [string, SignedProof, Locale][] = [
  ['no-housing-zh-CN', SAMPLE_NO_HOUSING, 'zh-CN'],
  ['no-housing-zh-TW', SAMPLE_NO_HOUSING, 'zh-TW'],
  ['no-housing-en', SAMPLE_NO_HOUSING, 'en'],
  ['tax-paid-zh-CN', SAMPLE_TAX_PAID, 'zh-CN'],
  ['tax-paid-en', SAMPLE_TAX_PAID, 'en'],
  ['social-insurance-zh-CN', SAMPLE_SOCIAL_INSURANCE, 'zh-CN'],
  ['rare-name-zh-CN', SAMPLE_RARE_NAME, 'zh-CN'],
];

describe('proof page snapshots (pdftoppm -r 50)', () => {
  for (const [name, proof, locale] of CASES) {
    it(`${name} looks as reviewed`, async () => {
      const rendered = await renderProofPdf(
        { proof, locale, kioskId: 'FS-CHANCHENG-0042', printedAt: '2026-03-02T02:15:30Z' },
        fonts,
      );
      const pages = await renderPages(rendered.pdf, 50);
      for (const [i, png] of pages.entries()) {
        const file = `${SNAPSHOTS}${name}-p${i + 1}.png`;
        if (UPDATE || !existsSync(file)) {
          await mkdir(SNAPSHOTS, { recursive: true });
          await writeFile(file, png);
          // A new snapshot must be looked at before it counts: fail until it is committed.
          if (!UPDATE)
            throw new Error(`snapshot ${name}-p${i + 1}.png was missing: written, review it`);
          continue;
        }
        const difference = pngDifference(png, await readFile(file));
        expect(difference, `${name} page ${i + 1} differs from its snapshot`).toBeLessThanOrEqual(
          MAX_DIFFERENCE,
        );
      }
    });
  }
});
