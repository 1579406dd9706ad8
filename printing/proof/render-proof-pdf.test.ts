import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Locale, type SignedProof } from '../../contract/index.js';
import { loadProofFonts, type ProofFonts } from '../fonts/index.js';
import { PROOF_LABELS } from './labels/index.js';
import { ProofRenderError } from './proof-render-error.js';
import { renderProofPdf, type ProofRenderRequest } from './render-proof-pdf.js';
import {
  SAMPLE_NO_HOUSING,
  SAMPLE_PROOFS,
  SAMPLE_RARE_NAME,
  SAMPLE_SOCIAL_INSURANCE,
  SAMPLE_UNPRINTABLE_NAME,
} from './sample-proofs.js';
import {
  decodeQr,
  pdfAttachments,
  pdfPageCount,
  pdfText,
  redPixels,
  renderPages,
} from './test-support/poppler-tools.js';

let fonts: ProofFonts;
beforeAll(async () => {
  const loaded = await loadProofFonts();
  if (!loaded.ok) throw new Error(loaded.error.message);
  fonts = loaded.value;
});

const request = (proof: SignedProof, locale: Locale = 'zh-CN'): ProofRenderRequest => ({
  proof,
  locale,
  kioskId: 'FS-CHANCHENG-0042',
  printedAt: '2026-03-02T02:15:30Z',
});

/**
 * Labels compared without whitespace: pdftotext drops the narrow spaces between Chinese and
 * digits ("第 1 页" comes back as "第1页") and breaks lines where the layout does.
 */
const flat = (text: string) => text.replace(/\s+/g, '');

describe('renderProofPdf: what a reader and a verifier get back', () => {
  for (const [type, proof] of Object.entries(SAMPLE_PROOFS)) {
    for (const locale of LOCALES) {
      it(`${type} in ${locale}: pdftotext shows the signed fields, title and page numbers`, async () => {
        const rendered = await renderProofPdf(request(proof, locale), fonts);
        const text = await pdfText(rendered.pdf);
        const { content } = proof;
        const words = text.split(/\s+/);
        // Each signed field comes out as one word of its own (verifier: pdftotext + search).
        for (const field of [
          content.subject.name,
          content.subject.idNumber,
          content.proofId,
          content.issuedOn,
          content.validUntil,
        ]) {
          expect(words).toContain(field);
        }
        const labels = PROOF_LABELS[locale];
        expect(flat(text)).toContain(flat(labels.titles[proof.content.type]));
        expect(flat(text)).toContain(content.issuer.name);
        expect(flat(text)).toContain(flat(labels.page(1, rendered.pageCount)));
        expect(rendered.glyphFallbacks).toBe(0);
        expect(await pdfPageCount(rendered.pdf)).toBe(rendered.pageCount);
      });
    }
  }

  it('embeds the signed proof, byte for byte, as the attachment proof.json', async () => {
    for (const proof of Object.values(SAMPLE_PROOFS)) {
      const rendered = await renderProofPdf(request(proof), fonts);
      const attachments = await pdfAttachments(rendered.pdf);
      expect([...attachments.keys()]).toEqual(['proof.json']);
      const json = attachments.get('proof.json')?.toString('utf8') ?? '';
      expect(json).toBe(JSON.stringify(proof));
      expect(JSON.parse(json)).toEqual(proof);
    }
  });

  it('prints a QR a phone reads back as the signed QR text (page rendered at 150 dpi)', async () => {
    const rendered = await renderProofPdf(request(SAMPLE_SOCIAL_INSURANCE), fonts);
    const pages = await renderPages(rendered.pdf, 150);
    expect(pages).toHaveLength(rendered.pageCount);
    for (const page of pages) expect(decodeQr(page)).toBe(SAMPLE_SOCIAL_INSURANCE.qr);
  });

  it('gives the same bytes for the same request (snapshots, reprints)', async () => {
    const a = await renderProofPdf(request(SAMPLE_NO_HOUSING), fonts);
    const b = await renderProofPdf(request(SAMPLE_NO_HOUSING), fonts);
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
    const later = await renderProofPdf(
      { ...request(SAMPLE_NO_HOUSING), printedAt: '2026-03-02T02:15:31Z' },
      fonts,
    );
    expect(Buffer.from(later.pdf).equals(Buffer.from(a.pdf))).toBe(false);
  });

  it('keeps the one-page proof small', async () => {
    for (const locale of LOCALES) {
      const rendered = await renderProofPdf(request(SAMPLE_NO_HOUSING, locale), fonts);
      expect(rendered.pageCount).toBe(1);
      expect(rendered.pdf.length).toBeLessThanOrEqual(80 * 1024);
    }
  });
});

describe('renderProofPdf: a 60-month social-insurance proof', () => {
  it('runs over three pages numbered "第 n 页 / 共 3 页", repeating the table header on each', async () => {
    const rendered = await renderProofPdf(request(SAMPLE_SOCIAL_INSURANCE), fonts);
    expect(rendered.pageCount).toBe(3);
    const labels = PROOF_LABELS['zh-CN'];
    const months =
      SAMPLE_SOCIAL_INSURANCE.content.type === 'socialInsurance'
        ? SAMPLE_SOCIAL_INSURANCE.content.facts.rows.map((r) => r.month)
        : [];
    const monthsOnPage: string[][] = [];
    for (let page = 1; page <= 3; page++) {
      const text = await pdfText(rendered.pdf, page);
      expect(flat(text)).toContain(`第${page}页/共3页`);
      expect(flat(text)).toContain(labels.titles.socialInsurance);
      expect(text).toContain(SAMPLE_SOCIAL_INSURANCE.content.proofId);
      for (const header of labels.insuranceColumns) expect(flat(text)).toContain(flat(header));
      monthsOnPage.push(months.filter((m) => text.includes(m)));
    }
    // Every month is printed; continuation pages repeat none.
    expect(new Set(monthsOnPage.flat())).toEqual(new Set(months));
    expect(monthsOnPage[1]?.filter((m) => monthsOnPage[2]?.includes(m))).toEqual([]);
    expect(flat(await pdfText(rendered.pdf, 3))).toContain(flat(labels.closing));
  });

  it('puts the red seal on the last page only', async () => {
    const rendered = await renderProofPdf(request(SAMPLE_SOCIAL_INSURANCE), fonts);
    const pages = await renderPages(rendered.pdf, 50);
    // The letterhead is red too: look below the header.
    const red = pages.map((png) => redPixels(png, 0.25, 0.95));
    expect(red.slice(0, -1)).toEqual([0, 0]);
    expect(red.at(-1)).toBeGreaterThan(500);
  });

  it('numbers pages per locale', async () => {
    const tw = await renderProofPdf(request(SAMPLE_SOCIAL_INSURANCE, 'zh-TW'), fonts);
    expect(flat(await pdfText(tw.pdf, 2))).toContain('第2頁/共3頁');
    const en = await renderProofPdf(request(SAMPLE_SOCIAL_INSURANCE, 'en'), fonts);
    expect(flat(await pdfText(en.pdf, 3))).toContain('Page3of3');
  });
});

describe('renderProofPdf: characters the locale font lacks', () => {
  it('draws a rare character of a name from the fallback font and extracts the name whole', async () => {
    const rendered = await renderProofPdf(request(SAMPLE_RARE_NAME), fonts);
    // The name appears twice (info grid and sentence): one fallback character each time.
    expect(rendered.glyphFallbacks).toBe(2);
    const words = (await pdfText(rendered.pdf)).split(/\s+/);
    expect(words).toContain(SAMPLE_RARE_NAME.content.subject.name);
  });

  it('refuses a character no font has with missingGlyphs, naming code points, never the name', async () => {
    const failure = await renderProofPdf(request(SAMPLE_UNPRINTABLE_NAME), fonts).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ProofRenderError);
    const error = failure as ProofRenderError;
    expect(error.code).toBe('missingGlyphs');
    expect(error.action).toBe('maintenance');
    expect(error.message).toContain('U+2A700');
    expect(error.message).toContain('1 character');
    for (const char of SAMPLE_UNPRINTABLE_NAME.content.subject.name)
      expect(error.message).not.toContain(char);
    expect(error.message).not.toContain(SAMPLE_UNPRINTABLE_NAME.content.subject.idNumber);
  });

  it('fails like that without a fallback font too, and with it for the rare name', async () => {
    const noFallback: ProofFonts = { sc: fonts.sc, tc: fonts.tc };
    await expect(renderProofPdf(request(SAMPLE_RARE_NAME), noFallback)).rejects.toMatchObject({
      code: 'missingGlyphs',
      message: expect.stringContaining('U+2F8E2'),
    });
  });
});

describe('renderProofPdf: invalid requests', () => {
  it.each([
    [
      'a proof that breaks the contract',
      { ...request(SAMPLE_NO_HOUSING), proof: { ...SAMPLE_NO_HOUSING, qr: 'short' } },
    ],
    ['an unknown locale', { ...request(SAMPLE_NO_HOUSING), locale: 'fr' as Locale }],
    ['a kiosk id with non-ASCII', { ...request(SAMPLE_NO_HOUSING), kioskId: '禅城-01' }],
    ['a printing time that is no time', { ...request(SAMPLE_NO_HOUSING), printedAt: 'yesterday' }],
  ])('rejects %s as invalidRequest', async (_what, bad) => {
    await expect(renderProofPdf(bad, fonts)).rejects.toMatchObject({
      code: 'invalidRequest',
      action: 'softwareError',
    });
  });
});
