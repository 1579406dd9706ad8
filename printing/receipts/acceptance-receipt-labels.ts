/** Labels of the acceptance receipt (受理回执), per locale. */
import type { Locale } from '../../contract/index.js';
import { COMMON_LABELS } from './common-labels.js';

/** Labels of the acceptance receipt. */
export interface AcceptanceReceiptLabels {
  /** Title. */
  readonly title: string;
  /** Label of the service applied for. */
  readonly service: string;
  /** Label above the large tracking number. */
  readonly trackingNumber: string;
  /** Heading of the list of what was handed in. */
  readonly items: string;
  /** A proof attached to the application. */
  readonly proofItem: (proofId: string, pages: number) => string;
  /** A named document handed in. */
  readonly documentItem: (title: string, pages: number) => string;
  /** Documents scanned at the kiosk, with their page count when known. */
  readonly scanItem: (documents: number, pages: number | undefined) => string;
  /** Label of the acceptance time. */
  readonly acceptedAt: string;
  /** Under the QR. */
  readonly qrHint: string;
  /** What to do next, with the hall's enquiry phone when known. */
  readonly nextSteps: (phone: string | undefined) => string;
}

const zhCnPages = COMMON_LABELS['zh-CN'].pages;
const zhTwPages = COMMON_LABELS['zh-TW'].pages;
const enPages = COMMON_LABELS.en.pages;

/** The acceptance receipt's labels in 简体中文, 繁體中文 and English. */
export const ACCEPTANCE_RECEIPT_LABELS: Readonly<Record<Locale, AcceptanceReceiptLabels>> = {
  'zh-CN': {
    title: '受理回执',
    service: '办理事项',
    trackingNumber: '受理编号',
    items: '收取材料',
    proofItem: (id, pages) => `证明 ${id}，${zhCnPages(pages)}`,
    documentItem: (title, pages) => `${title}，${zhCnPages(pages)}`,
    scanItem: (n, pages) => `扫描材料${n}份${pages === undefined ? '' : `，共${zhCnPages(pages)}`}`,
    acceptedAt: '受理时间',
    qrHint: '扫码查询办理进度',
    nextSteps: (phone) =>
      `请妥善保管本回执，凭受理编号查询办理进度。${phone === undefined ? '' : `咨询电话：${phone}`}`,
  },
  'zh-TW': {
    title: '受理回執',
    service: '辦理事項',
    trackingNumber: '受理編號',
    items: '收取材料',
    proofItem: (id, pages) => `證明 ${id}，${zhTwPages(pages)}`,
    documentItem: (title, pages) => `${title}，${zhTwPages(pages)}`,
    scanItem: (n, pages) => `掃描材料${n}份${pages === undefined ? '' : `，共${zhTwPages(pages)}`}`,
    acceptedAt: '受理時間',
    qrHint: '掃碼查詢辦理進度',
    nextSteps: (phone) =>
      `請妥善保管本回執，憑受理編號查詢辦理進度。${phone === undefined ? '' : `諮詢電話：${phone}`}`,
  },
  en: {
    title: 'Acceptance Receipt',
    service: 'Service',
    trackingNumber: 'Tracking number',
    items: 'Received',
    proofItem: (id, pages) => `Proof ${id}, ${enPages(pages)}`,
    documentItem: (title, pages) => `${title}, ${enPages(pages)}`,
    scanItem: (n, pages) =>
      `${n} ${n === 1 ? 'document' : 'documents'} scanned${pages === undefined ? '' : `, ${enPages(pages)}`}`,
    acceptedAt: 'Accepted at',
    qrHint: 'Scan to track your application',
    nextSteps: (phone) =>
      `Keep this receipt. Use the tracking number to check progress.${phone === undefined ? '' : ` Enquiries: ${phone}`}`,
  },
};
