import type { CardType } from '../../contract/index.js';

/** Gender as coded on the card (GB/T 2261.1: 0 unknown, 1 male, 2 female, 9 not stated). */
export type Gender = 'unknown' | 'male' | 'female' | 'notStated';

/** GB/T 2261.1 code → Gender. */
export const GENDER_BY_CODE: Readonly<Record<string, Gender>> = {
  '0': 'unknown',
  '1': 'male',
  '2': 'female',
  '9': 'notStated',
};

/** The `validTo` value of a card valid for life (长期). */
export const LONG_TERM = 'longTerm';

/**
 * Everything the text block of an identity card holds.
 *
 * PERSONAL DATA: this is the citizen's full identity. Keep it in memory for the session only;
 * never log it, never send it to the renderer (send a MaskedIdentity), never persist it.
 */
export interface CardIdentity {
  /** Which card this is (flag at text-block offset 248). */
  cardType: CardType;
  /** Chinese name (姓名); on a foreign permanent resident card its Chinese name, maybe empty. */
  name: string;
  /** English name (foreign permanent resident cards only). */
  englishName?: string;
  /** Gender (性别). */
  gender: Gender;
  /** Ethnicity name, e.g. 汉 (resident ID card only; empty otherwise). */
  ethnicity: string;
  /** Two-digit GB/T 3304 ethnicity code, e.g. "01" (resident ID card only; empty otherwise). */
  ethnicityCode: string;
  /** Birth date, YYYY-MM-DD (the card's raw text if it is not 8 digits). */
  birthDate: string;
  /** Address (住址); empty on foreign permanent resident cards. */
  address: string;
  /** ID number: 18 characters, or the 15-character number of a 2017 foreign resident card. */
  idNumber: string;
  /** Issuing authority (签发机关); empty on foreign permanent resident cards. */
  authority: string;
  /** Start of validity, YYYY-MM-DD. */
  validFrom: string;
  /** End of validity, YYYY-MM-DD, or `longTerm` (长期). */
  validTo: string;
  /** Hong Kong/Macao/Taiwan permit: the travel pass (通行证) number. */
  passNumber?: string;
  /** Hong Kong/Macao/Taiwan permit: how many times it was issued (签发次数). */
  issueCount?: string;
  /** Foreign permanent resident cards: nationality, GB/T 2659 3-letter code. */
  nationality?: string;
  /** 2017 foreign permanent resident card: card version. */
  cardVersion?: string;
  /** 2017 foreign permanent resident card: accepting-authority code. */
  authorityCode?: string;
  /** 2023 foreign permanent resident card: renewal count (换证次数). */
  renewalCount?: string;
  /** 2023 foreign permanent resident card: link to the previous 15-character number. */
  previousNumberLink?: string;
}
