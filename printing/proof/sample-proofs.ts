import { createHash } from 'node:crypto';
import type { ProofContent, SignedProof } from '../../contract/index.js';

/**
 * Realistic Foshan proofs for tests, snapshots and the benchmark. Names and ID numbers are made
 * up (the ID numbers have valid GB 11643 check digits); the QR text is an opaque string of the
 * length a signed verification QR has (~450 characters), not a real signature.
 */

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** A deterministic stand-in for the platform's signed QR text. */
export function sampleQr(content: ProofContent): string {
  const digest = createHash('sha256').update(JSON.stringify(content)).digest();
  const payload = b64url(
    JSON.stringify({
      v: 1,
      kid: 'fs-2026-01',
      iss: content.issuer.id,
      id: content.proofId,
      t: content.type,
      on: content.issuedOn,
      until: content.validUntil,
      h: b64url(digest),
      u: 'https://zwfw.foshan.gov.cn/proof/verify',
    }),
  );
  const signature = b64url(createHash('sha512').update(payload).digest());
  return `KP1.${payload}.${signature}`;
}

const signed = (content: ProofContent): SignedProof => ({ content, qr: sampleQr(content) });

const HOUSING = { id: 'fs-zjj', name: '佛山市住房和城乡建设局' };
const TAX = { id: 'fs-tax', name: '国家税务总局佛山市税务局' };
const SOCIAL = { id: 'fs-sbj', name: '佛山市社会保险基金管理局' };

/** 无房证明 for 陈嘉欣: one page; the benchmark document. */
export const SAMPLE_NO_HOUSING: SignedProof = signed({
  version: 1,
  type: 'noHousing',
  proofId: 'FS-ZJ-2026-0302-000123',
  issuer: HOUSING,
  subject: { name: '陈嘉欣', idNumber: '440604199003150022' },
  issuedOn: '2026-03-02',
  validUntil: '2026-04-01',
  facts: { region: '佛山市', searchedOn: '2026-03-02', registeredHomes: 0 },
});

const MONTHS_2025 = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

/** 个人所得税完税证明 for 黎志强: twelve months of wages and one freelance payment. */
export const SAMPLE_TAX_PAID: SignedProof = (() => {
  const rows = MONTHS_2025.map((month, i) => ({
    month,
    item: '工资薪金所得',
    taxOffice: '国家税务总局佛山市南海区税务局',
    incomeYuan: (18500 + (i >= 6 ? 1200 : 0)).toFixed(2),
    taxYuan: (i >= 6 ? 652.5 : 532.5).toFixed(2),
  }));
  rows.splice(6, 0, {
    month: '2025-06',
    item: '劳务报酬所得',
    taxOffice: '国家税务总局佛山市禅城区税务局',
    incomeYuan: '6000.00',
    taxYuan: '960.00',
  });
  const total = rows.reduce((sum, row) => sum + Math.round(Number(row.taxYuan) * 100), 0);
  return signed({
    version: 1,
    type: 'taxPaid',
    proofId: 'FS-SW-2026-0302-004518',
    issuer: TAX,
    subject: { name: '黎志强', idNumber: '440682198511223616' },
    issuedOn: '2026-03-02',
    validUntil: '2026-06-01',
    facts: {
      periodFrom: '2025-01',
      periodTo: '2025-12',
      rows,
      totalTaxYuan: (total / 100).toFixed(2),
    },
  });
})();

/** Social-insurance rows for `count` months from `from` (YYYY-MM); two months between jobs unpaid. */
export function socialInsuranceRows(from: string, count: number) {
  const [year0 = 2021, month0 = 1] = from.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const year = year0 + Math.floor((month0 - 1 + i) / 12);
    const month = `${year}-${String(((month0 - 1 + i) % 12) + 1).padStart(2, '0')}`;
    const paid = !(month === '2023-07' || month === '2023-08');
    return {
      month,
      baseYuan: (4200 + (year - 2016) * 400).toFixed(2),
      pension: paid,
      medical: paid,
      unemployment: paid,
      workInjury: paid && year >= 2022,
    };
  });
}

/** 社会保险参保证明 for 梁婉婷 with `months` monthly rows ending 2026-02 (or later for long ones). */
export function socialInsuranceProof(months: number, from = '2021-03'): SignedProof {
  return signed({
    version: 1,
    type: 'socialInsurance',
    proofId: `FS-SB-2026-0302-${String(months).padStart(6, '0')}`,
    issuer: SOCIAL,
    subject: { name: '梁婉婷', idNumber: '44060519921008452X' },
    issuedOn: '2026-03-02',
    validUntil: '2026-04-01',
    facts: {
      employer: '佛山市南海区瀚和智能科技有限公司',
      insuredSince: '2014-07',
      rows: socialInsuranceRows(from, months),
    },
  });
}

/** 社会保险参保证明 with 60 months (2021-03 … 2026-02): several pages. */
export const SAMPLE_SOCIAL_INSURANCE: SignedProof = socialInsuranceProof(60);

/**
 * A no-housing proof whose name has U+2F8E2 (a CJK compatibility ideograph as household
 * registers store it): Noto Sans CJK lacks it, WenQuanYi Zen Hei has it.
 */
export const SAMPLE_RARE_NAME: SignedProof = signed({
  ...SAMPLE_NO_HOUSING.content,
  proofId: 'FS-ZJ-2026-0302-000977',
  subject: { name: '林\u{2F8E2}珍', idNumber: '440606198807041233' },
} as ProofContent);

/** A name with U+2A700 (CJK Extension C), which neither Noto Sans CJK nor WenQuanYi has. */
export const SAMPLE_UNPRINTABLE_NAME: SignedProof = signed({
  ...SAMPLE_NO_HOUSING.content,
  proofId: 'FS-ZJ-2026-0302-000978',
  subject: { name: '李\u{2A700}', idNumber: '440604197502183313' },
} as ProofContent);

/** Every sample that prints with the locale's own faces. */
export const SAMPLE_PROOFS = {
  noHousing: SAMPLE_NO_HOUSING,
  taxPaid: SAMPLE_TAX_PAID,
  socialInsurance: SAMPLE_SOCIAL_INSURANCE,
} as const;
