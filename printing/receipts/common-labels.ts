/** Labels every receipt template shares, per locale. */
import type { Locale } from '../../contract/index.js';

/** Labels shared by every receipt. */
export interface CommonLabels {
  /** Between a label and its value: full-width "：" in Chinese, ": " in English. */
  readonly colon: string;
  /** Label of the kiosk id. */
  readonly kiosk: string;
  /** Label of the person's masked name. */
  readonly applicant: string;
  /** Label of the masked ID number. */
  readonly idNumber: string;
  /** "3页" / "3頁" / "3 pages". */
  readonly pages: (pages: number) => string;
}

/** The shared labels in 简体中文, 繁體中文 and English. */
export const COMMON_LABELS: Readonly<Record<Locale, CommonLabels>> = {
  'zh-CN': {
    colon: '：',
    kiosk: '终端编号',
    applicant: '申请人',
    idNumber: '证件号码',
    pages: (n) => `${n}页`,
  },
  'zh-TW': {
    colon: '：',
    kiosk: '終端編號',
    applicant: '申請人',
    idNumber: '證件號碼',
    pages: (n) => `${n}頁`,
  },
  en: {
    colon: ': ',
    kiosk: 'Kiosk',
    applicant: 'Applicant',
    idNumber: 'ID number',
    pages: (n) => `${n} ${n === 1 ? 'page' : 'pages'}`,
  },
};
