import { maskIdNumber, maskName } from '../../contract/masking.js';
import type { ProofContent } from '../../contract/proofs.js';

/*
 * The signed fields a person reads on the paper must be the signed ones: a PDF whose attachment
 * and QR are genuine but whose printed name was edited is a forgery. The check works on the text
 * poppler extracts, with whitespace removed (layout mode spreads CJK text with spaces) and NFKC
 * applied (full-width digits), and accepts the date styles a proof may be printed in.
 */

/** A signed field the printed text must show. */
export interface VisibleField {
  /** Path in the content, e.g. "subject.name". */
  field: string;
  /** The ways it may be printed. */
  forms: string[];
  /** Safe to show in a message (masked for personal data). */
  shown: string;
}

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The ways a YYYY-MM-DD date may be printed (zh and en styles). */
export function dateForms(isoDate: string): string[] {
  const [y = '', m = '', d = ''] = isoDate.split('-');
  const month = Number(m);
  const day = Number(d);
  const english = ENGLISH_MONTHS[month - 1] ?? '';
  return [
    isoDate,
    `${y}年${m}月${d}日`,
    `${y}年${month}月${day}日`,
    `${y}/${m}/${d}`,
    `${y}.${m}.${d}`,
    `${day}${english}${y}`,
    `${english}${day},${y}`,
  ];
}

/** Text reduced for matching: NFKC, no whitespace. */
export function normalizeVisibleText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** The fields checked, with their accepted printed forms. */
export function visibleFields(content: ProofContent): VisibleField[] {
  return [
    { field: 'proofId', forms: [content.proofId], shown: content.proofId },
    {
      field: 'subject.name',
      forms: [content.subject.name],
      shown: maskName(content.subject.name),
    },
    {
      field: 'subject.idNumber',
      forms: [content.subject.idNumber],
      shown: maskIdNumber(content.subject.idNumber),
    },
    { field: 'issuedOn', forms: dateForms(content.issuedOn), shown: content.issuedOn },
    { field: 'validUntil', forms: dateForms(content.validUntil), shown: content.validUntil },
  ];
}

/** The first signed field the printed text does not show, if any. */
export function findMissingVisibleField(
  content: ProofContent,
  printedText: string,
): VisibleField | undefined {
  const text = normalizeVisibleText(printedText);
  return visibleFields(content).find(
    (f) => !f.forms.some((form) => text.includes(normalizeVisibleText(form))),
  );
}
