/** Labels of the ID-card collection slip (身份证领取凭条), per locale. */
import type { Locale } from '../../contract/index.js';

/** Labels of the ID-card collection slip. */
export interface IdCardCollectionSlipLabels {
  /** Title. */
  readonly title: string;
  /** Label of the card holder's masked name. */
  readonly holder: string;
  /** Label of the masked card number. */
  readonly cardNumber: string;
  /** Label of the time the card was dispensed. */
  readonly dispensedAt: string;
  /** Label of the collection record id (also under the QR). */
  readonly record: string;
  /** Keep-this-slip notice. */
  readonly keepSlip: string;
}

/** The collection slip's labels in 简体中文, 繁體中文 and English. */
export const ID_CARD_COLLECTION_SLIP_LABELS: Readonly<Record<Locale, IdCardCollectionSlipLabels>> =
  {
    'zh-CN': {
      title: '身份证领取凭条',
      holder: '持证人',
      cardNumber: '证件号码',
      dispensedAt: '领取时间',
      record: '领取记录',
      keepSlip: '请妥善保管本凭条，作为已领取身份证的凭证。',
    },
    'zh-TW': {
      title: '身份證領取憑條',
      holder: '持證人',
      cardNumber: '證件號碼',
      dispensedAt: '領取時間',
      record: '領取記錄',
      keepSlip: '請妥善保管本憑條，作為已領取身份證的憑證。',
    },
    en: {
      title: 'ID Card Collection Slip',
      holder: 'Holder',
      cardNumber: 'Card number',
      dispensedAt: 'Collected at',
      record: 'Record',
      keepSlip: 'Keep this slip: it shows that you collected your ID card.',
    },
  };
