import type { ApplicationPage } from '../../../contract/index.js';
import type { ApplicationMatter, Catalogue } from '../../../contract/platform-api.js';

/** A residence-permit matter taking up to `maxPages` pages (5 by default). */
export function matter(overrides: Partial<ApplicationMatter> = {}): ApplicationMatter {
  return {
    code: 'residence-permit',
    titles: { 'zh-CN': '居住证申领', 'zh-TW': '居住證申領', en: 'Residence permit' },
    documentsHint: {
      'zh-CN': '身份证正反面、租房合同',
      'zh-TW': '身份證正反面、租屋合約',
      en: 'ID card (both sides), tenancy contract',
    },
    maxPages: 5,
    ...overrides,
  };
}

/** A second matter, for lists. */
export const birthMatter: ApplicationMatter = {
  code: 'birth-registration',
  titles: { 'zh-CN': '出生登记', 'zh-TW': '出生登記', en: 'Birth registration' },
  documentsHint: {
    'zh-CN': '出生医学证明、父母户口簿',
    'zh-TW': '出生醫學證明、父母戶口簿',
    en: 'Birth certificate, parents’ household registers',
  },
  maxPages: 8,
};

/** A catalogue with both matters, a notice in every language and the platform's service texts. */
export function catalogue(overrides: Partial<Catalogue> = {}): Catalogue {
  return {
    version: 7,
    services: [
      {
        service: 'scanDocuments',
        enabled: true,
        titles: { 'zh-CN': '材料扫描申请', 'zh-TW': '文件掃描申請', en: 'Apply with documents' },
        descriptions: {
          'zh-CN': '扫描纸质材料，在线提交申请',
          'zh-TW': '掃描紙本文件，線上送出申請',
          en: 'Scan paper documents and apply online',
        },
      },
    ],
    notice: {
      'zh-CN': '春节期间大厅 2 月 9 日至 2 月 17 日休息，自助机照常使用',
      'zh-TW': '春節期間大廳 2 月 9 日至 2 月 17 日休息，自助機照常使用',
      en: 'The hall is closed 9–17 February for Spring Festival; the kiosks stay open',
    },
    matters: [matter(), birthMatter],
    ...overrides,
  };
}

/** Scanned pages 1…count, as the core lists them (the image key tells one scan from another). */
export function pages(count: number, key = 'ScanSessionKey0001'): ApplicationPage[] {
  return Array.from({ length: count }, (_, i) => ({
    pageNumber: i + 1,
    previewUrl: `/preview/${key}/${i + 1}.png`,
  }));
}
