import type { Locale, ProofContent } from '../../contract/index.js';
import { PROOF_LABELS } from './labels/index.js';
import { resolveSealStyle } from './seal.js';
import { templateParts } from './templates/index.js';

/** Every string a proof prints, split by the face it is printed in. */
export interface PrintedStrings {
  /** Fixed texts of the locale (labels, titles, sentences, notes, page numbers). */
  readonly labels: string[];
  /** Data values as given (names, authorities, amounts, dates). */
  readonly data: string[];
  /** The seal's texts (simplified-Chinese bold face, whatever the locale). */
  readonly seal: string[];
}

/**
 * The strings a proof of `content` prints in `locale` (used to check glyph coverage before a
 * font change reaches a kiosk). Data values inside sentences are listed as data.
 */
export function printedStrings(
  content: ProofContent,
  locale: Locale,
  kioskId = 'FS-CHANCHENG-0042',
): PrintedStrings {
  const labels = PROOF_LABELS[locale];
  const parts = templateParts(content, labels);
  const label: string[] = [
    labels.titles[content.type],
    labels.proofIdLine(''),
    labels.qrCaption,
    labels.page(1, 3),
    labels.footer(kioskId, '2026-03-02 10:15:30'),
    labels.closing,
    labels.notesTitle + labels.colon,
    ...labels.notes(content.validUntil),
    ...parts.fields.map((f) => f.label),
    ...parts.body.flatMap((p) => (typeof p === 'string' ? [p] : [])),
    ...(parts.table?.header ?? []),
  ];
  const dataValues: string[] = [
    content.issuer.name,
    ...parts.fields.map((f) => f.value),
    ...parts.body.flatMap((p) => (typeof p === 'string' ? [] : [p.text])),
    ...(parts.table?.rows.flat() ?? []),
    ...(parts.table?.totals?.flat() ?? []),
  ];
  const seal = resolveSealStyle(content.issuer.name);
  return { labels: label, data: dataValues.filter(Boolean), seal: [seal.text, seal.label] };
}
