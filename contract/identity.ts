import { z } from 'zod';

/** The kinds of identity card the ID-card reader can read (GA 467 card-type flag). */
export const CARD_TYPES = [
  // 居民身份证: resident ID card of the PRC.
  'residentId',
  // 港澳台居民居住证: residence permit for Hong Kong, Macao and Taiwan residents (flag 'J').
  'hkMacaoTaiwanPermit',
  // 外国人永久居留身份证, 2017 design (flag 'I').
  'foreignPermanentResident',
  // 外国人永久居留身份证, 2023 design (flag 'Y').
  'foreignPermanentResident2023',
] as const;
export const CardType = z.enum(CARD_TYPES);
export type CardType = z.infer<typeof CardType>;

/**
 * What the renderer may know about the person in front of the kiosk: masked, never the full
 * name or ID number. The core keeps the full identity in memory for the session only.
 */
export const MaskedIdentity = z.strictObject({
  /** Which card was read. */
  cardType: CardType,
  /** Name with all but the first character masked, e.g. "张*". */
  maskedName: z.string().min(1).max(64),
  /** ID number with the middle masked, e.g. "1101**********002X". */
  maskedIdNumber: z.string().min(1).max(40),
});
export type MaskedIdentity = z.infer<typeof MaskedIdentity>;
