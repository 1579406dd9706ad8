import type { Locale } from '../../../contract/index.js';
import { en } from './en.js';
import type { ProofLabels } from './proof-labels.js';
import { zhCN } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

export * from './proof-labels.js';

/** Labels per locale. */
export const PROOF_LABELS: Record<Locale, ProofLabels> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
