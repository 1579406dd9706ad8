import type { PreparedProof } from '../../../contract/index.js';

/** A prepared proof of `pageCount` pages (3 by default), not printed before. */
export function preparedProof(overrides: Partial<PreparedProof> = {}): PreparedProof {
  const pageCount = overrides.pageCount ?? 3;
  return {
    proofId: 'FS-NH-20250701-0042',
    type: 'noHousing',
    locale: 'zh-CN',
    pageCount,
    previewUrls: Array.from(
      { length: pageCount },
      (_, i) => `/preview/Sess10nPreviewKey01/${i + 1}.png`,
    ),
    validUntil: '2025-07-31',
    alreadyPrinted: false,
    ...overrides,
  };
}
