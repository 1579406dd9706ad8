import type { Catalogue } from '../contract/platform-api.js';
import { SEED_MATTERS } from './seed-matters.js';

/**
 * The reference platform's starting state besides the citizen register (seed.ts): the service
 * catalogue (with the matters of seed-matters.ts), new ID cards waiting for collection, and one-time
 * enrolment codes.
 */

/** The catalogue a fresh platform serves (version 1). */
export const SEED_CATALOGUE: Catalogue = {
  version: 1,
  services: [
    {
      service: 'printProof',
      enabled: true,
      titles: { 'zh-CN': '打印证明', 'zh-TW': '列印證明', en: 'Print a proof' },
      descriptions: {
        'zh-CN': '无房证明、个人所得税完税证明、社会保险参保证明，当场打印',
        'zh-TW': '無房證明、個人所得稅完稅證明、社會保險參保證明，當場列印',
        en: 'No-housing, income-tax and social-insurance proofs, printed on the spot',
      },
    },
    {
      service: 'collectIdCard',
      enabled: true,
      titles: { 'zh-CN': '领取身份证', 'zh-TW': '領取身分證', en: 'Collect your ID card' },
      descriptions: {
        'zh-CN': '新办或换领的居民身份证，刷旧证并核验指纹后领取',
        'zh-TW': '新辦或換領的居民身分證，刷舊證並核驗指紋後領取',
        en: 'Collect a new or renewed resident ID card after a fingerprint check',
      },
    },
    {
      service: 'scanDocuments',
      enabled: true,
      titles: { 'zh-CN': '扫描材料办事', 'zh-TW': '掃描材料辦事', en: 'Submit documents' },
      descriptions: {
        'zh-CN': '扫描申请材料，提交给审批部门',
        'zh-TW': '掃描申請材料，提交給審批部門',
        en: 'Scan your application documents and send them to the approving office',
      },
    },
  ],
  matters: [...SEED_MATTERS],
};

/** A new ID card loaded in a kiosk's dispenser for its owner. */
export interface SeedPendingCard {
  /** Owner's full ID number. */
  idNumber: string;
  /** Owner's full name. */
  name: string;
  /** The platform's card record id. */
  cardRecordId: string;
  /** Last four characters of the new card's number. */
  cardNumberLast4: string;
  /** The kiosk holding it, or "*" for any kiosk (the demo). */
  kioskId: string;
}

/**
 * Cards waiting for collection. 陈嘉欣's waits at every kiosk and stays pending after collection,
 * so the demo can be repeated.
 */
export const SEED_PENDING_CARDS: readonly SeedPendingCard[] = [
  {
    idNumber: '440604199203150027',
    name: '陈嘉欣',
    cardRecordId: 'IDC-FS-2026-000421',
    cardNumberLast4: '0027',
    kioskId: '*',
  },
];

/** One-time enrolment codes a fresh platform accepts (besides --enrolment-code ones). */
export const SEED_ENROLMENT_CODES: readonly string[] = ['ENROL-FS-0001', 'ENROL-FS-0002'];
