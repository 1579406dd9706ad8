import type { ApplicationMatter } from '../contract/platform-api.js';

/**
 * The matters a citizen can apply for at a Foshan service hall's kiosk by scanning documents (the
 * scanDocuments service), as the reference platform's catalogue lists them. The document lists
 * follow what the halls' counters ask for; maxPages leaves room for both sides of every card.
 */
export const SEED_MATTERS: readonly ApplicationMatter[] = [
  {
    code: 'residence-permit',
    titles: { 'zh-CN': '居住证申领', 'zh-TW': '居住證申領', en: 'Residence permit application' },
    documentsHint: {
      'zh-CN':
        '身份证正反面；在佛山的居住证明（房屋租赁合同或房产证）；就业或就读证明（劳动合同、营业执照或学生证）',
      'zh-TW':
        '身分證正反面；在佛山的居住證明（房屋租賃合同或房產證）；就業或就讀證明（勞動合同、營業執照或學生證）',
      en: 'ID card (both sides); proof of residence in Foshan (tenancy contract or property deed); proof of work or study (employment contract, business licence or student card)',
    },
    maxPages: 8,
  },
  {
    code: 'flexible-employment-insurance',
    titles: {
      'zh-CN': '灵活就业人员参保登记',
      'zh-TW': '靈活就業人員參保登記',
      en: 'Social insurance for the self-employed',
    },
    documentsHint: {
      'zh-CN': '身份证正反面；户口簿户主页和本人页（非佛山户籍另附佛山居住证）',
      'zh-TW': '身分證正反面；戶口簿戶主頁和本人頁（非佛山戶籍另附佛山居住證）',
      en: "ID card (both sides); household register: the head's page and your own (without a Foshan hukou, also your Foshan residence permit)",
    },
    maxPages: 6,
  },
  {
    code: 'housing-fund-rent-withdrawal',
    titles: {
      'zh-CN': '住房公积金租房提取',
      'zh-TW': '住房公積金租房提取',
      en: 'Housing fund withdrawal for rent',
    },
    documentsHint: {
      'zh-CN': '身份证正反面；本人银行卡；房屋租赁合同及登记备案证明；无房证明（可在本机打印）',
      'zh-TW': '身分證正反面；本人銀行卡；房屋租賃合同及登記備案證明；無房證明（可在本機列印）',
      en: 'ID card (both sides); your bank card; tenancy contract and its registration record; no-housing proof (you can print it at this kiosk)',
    },
    maxPages: 10,
  },
];
