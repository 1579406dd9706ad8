import type { ProofType } from '../../../contract/index.js';

/** A piece of a sentence: label text (may wrap anywhere) or a data value (kept on one line). */
export interface TextPiece {
  /** The text. */
  readonly text: string;
  /** A data value (name, ID number, date, amount): never split across lines. */
  readonly keep?: boolean;
}

/** A sentence part: a plain string is label text. */
export type SentencePart = string | TextPiece;

/** A data value in a sentence. */
export const value = (text: string): TextPiece => ({ text, keep: true });

/** The person a sentence is about, printed as given. */
export interface SubjectText {
  /** Full name. */
  readonly name: string;
  /** Full ID number. */
  readonly idNumber: string;
}

/** Every fixed text of a proof in one locale; data values are passed in and printed as given. */
export interface ProofLabels {
  /** Proof titles. */
  readonly titles: Record<ProofType, string>;
  /** Separator after a label in running text, e.g. "：". */
  readonly colon: string;
  /** Info grid labels. */
  readonly info: {
    readonly name: string;
    readonly idNumber: string;
    readonly proofId: string;
    readonly issuedOn: string;
    readonly validUntil: string;
    readonly region: string;
    readonly searchedOn: string;
    readonly registeredHomes: string;
    readonly period: string;
    readonly totalTax: string;
    readonly employer: string;
    readonly insuredSince: string;
    readonly monthsListed: string;
  };
  /** "0 套", "3 homes". */
  readonly homes: (count: number) => string;
  /** "2025-01 至 2025-12". */
  readonly periodRange: (from: string, to: string) => string;
  /** "1234.50 元". */
  readonly yuan: (amount: string) => string;
  /** "60 个月". */
  readonly months: (count: number) => string;
  /** Tax table column headers: month, item, tax office, taxable income, tax paid. */
  readonly taxColumns: readonly [string, string, string, string, string];
  /** Total row label. */
  readonly total: string;
  /** Social-insurance columns: month, base, pension, medical, unemployment, work injury. */
  readonly insuranceColumns: readonly [string, string, string, string, string, string];
  /** Mark for a paid insurance. */
  readonly paid: string;
  /** Mark for an unpaid insurance. */
  readonly unpaid: string;
  /** Opening sentence of each proof. */
  readonly body: {
    readonly noHousing: (
      s: SubjectText,
      region: string,
      searchedOn: string,
      homes: number,
    ) => SentencePart[];
    readonly taxPaid: (s: SubjectText, from: string, to: string) => SentencePart[];
    readonly socialInsurance: (
      s: SubjectText,
      insuredSince: string,
      employer: string,
      from: string,
      to: string,
    ) => SentencePart[];
  };
  /** "特此证明。" */
  readonly closing: string;
  /** Heading of the notes. */
  readonly notesTitle: string;
  /** Notes under the signature. */
  readonly notes: (validUntil: string) => string[];
  /** "第 1 页 / 共 3 页". */
  readonly page: (page: number, total: number) => string;
  /** Footer line with the kiosk id and the printing time. */
  readonly footer: (kioskId: string, printedAt: string) => string;
  /** Caption under the QR code. */
  readonly qrCaption: string;
  /** Prefix of the proof id under the title, e.g. "证明编号：". */
  readonly proofIdLine: (proofId: string) => string;
}
