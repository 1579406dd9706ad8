import type { CardType } from '../../contract/index.js';
import { GENDER_BY_CODE, LONG_TERM } from './card-identity.js';
import type { CardIdentity } from './card-identity.js';
import { ethnicityName } from './ethnicity.js';

/** Size of the text block in a read reply. */
export const TEXT_BLOCK_LENGTH = 256;
/** Byte offset of the card-type flag character ('I', 'J', 'Y'; a space on resident cards). */
const TYPE_FLAG_OFFSET = 248;
const LONG_TERM_TEXT = '长期';

/** Text-block fields as stored on the card (codes and 8-digit dates, before interpretation). */
type RawField =
  | 'name'
  | 'englishName'
  | 'genderCode'
  | 'ethnicityCode'
  | 'birthDate'
  | 'address'
  | 'idNumber'
  | 'authority'
  | 'validFrom'
  | 'validTo'
  | 'passNumber'
  | 'issueCount'
  | 'nationality'
  | 'cardVersion'
  | 'authorityCode'
  | 'renewalCount'
  | 'previousNumberLink'
  | 'typeFlag';

/** A field's place: one or more [byte offset, byte length] segments, read as one string. */
type Layout = ReadonlyArray<readonly [RawField, ReadonlyArray<readonly [number, number]>]>;

const COMMON_HEAD: Layout = [
  ['name', [[0, 30]]],
  ['genderCode', [[30, 2]]],
  ['birthDate', [[36, 16]]],
];
const COMMON_VALIDITY: Layout = [
  ['validFrom', [[188, 16]]],
  ['validTo', [[204, 16]]],
];

/** Field maps of §1.7 and §1.10, as data. */
const LAYOUTS: Record<CardType, Layout> = {
  residentId: [
    ...COMMON_HEAD,
    ['ethnicityCode', [[32, 4]]],
    ['address', [[52, 70]]],
    ['idNumber', [[122, 36]]],
    ['authority', [[158, 30]]],
    ...COMMON_VALIDITY,
  ],
  hkMacaoTaiwanPermit: [
    ...COMMON_HEAD,
    ['address', [[52, 70]]],
    ['idNumber', [[122, 36]]],
    ['authority', [[158, 30]]],
    ...COMMON_VALIDITY,
    ['passNumber', [[220, 18]]],
    ['issueCount', [[238, 4]]],
    ['typeFlag', [[248, 2]]],
  ],
  foreignPermanentResident: [
    ['englishName', [[0, 120]]],
    ['genderCode', [[120, 2]]],
    ['idNumber', [[122, 30]]],
    ['nationality', [[152, 6]]],
    ['name', [[158, 30]]],
    ...COMMON_VALIDITY,
    ['birthDate', [[220, 16]]],
    ['cardVersion', [[236, 4]]],
    ['authorityCode', [[240, 8]]],
    ['typeFlag', [[248, 2]]],
  ],
  foreignPermanentResident2023: [
    ...COMMON_HEAD,
    ['renewalCount', [[32, 4]]],
    // The English name is split: 35 characters at 52, the rest (11) at 220.
    [
      'englishName',
      [
        [52, 70],
        [220, 22],
      ],
    ],
    ['idNumber', [[122, 36]]],
    ...COMMON_VALIDITY,
    ['nationality', [[242, 6]]],
    ['typeFlag', [[248, 2]]],
    ['previousNumberLink', [[250, 6]]],
  ],
};

const TYPE_FLAGS: Record<CardType, string> = {
  residentId: ' ',
  hkMacaoTaiwanPermit: 'J',
  foreignPermanentResident: 'I',
  foreignPermanentResident2023: 'Y',
};

/** The card type a text block declares (UCS-2 character at offset 248). */
export function detectCardType(block: Uint8Array): CardType {
  const flag = ucs2(block, TYPE_FLAG_OFFSET, 2);
  if (flag === 'J') return 'hkMacaoTaiwanPermit';
  if (flag === 'I') return 'foreignPermanentResident';
  if (flag === 'Y') return 'foreignPermanentResident2023';
  return 'residentId';
}

/**
 * Decodes a 256-byte UCS-2LE text block. Trailing space/NUL padding is trimmed; dates become
 * YYYY-MM-DD; 长期 becomes `longTerm`. Returns undefined when the block is not 256 bytes.
 */
export function decodeTextBlock(block: Uint8Array): CardIdentity | undefined {
  if (block.length !== TEXT_BLOCK_LENGTH) return undefined;
  const cardType = detectCardType(block);
  const raw: Partial<Record<RawField, string>> = {};
  for (const [field, segments] of LAYOUTS[cardType]) {
    raw[field] = segments
      .map(([offset, bytes]) => ucs2(block, offset, bytes))
      .join('')
      .replace(/[\s\0]+$/u, '');
  }
  const ethnicityCode = raw.ethnicityCode ?? '';
  const identity: CardIdentity = {
    cardType,
    name: raw.name ?? '',
    gender: GENDER_BY_CODE[raw.genderCode ?? ''] ?? 'unknown',
    ethnicity: ethnicityName(ethnicityCode) ?? ethnicityCode,
    ethnicityCode,
    birthDate: isoFromCard(raw.birthDate ?? ''),
    address: raw.address ?? '',
    idNumber: raw.idNumber ?? '',
    authority: raw.authority ?? '',
    validFrom: isoFromCard(raw.validFrom ?? ''),
    validTo: raw.validTo === LONG_TERM_TEXT ? LONG_TERM : isoFromCard(raw.validTo ?? ''),
  };
  const optional = [
    'englishName',
    'passNumber',
    'issueCount',
    'nationality',
    'cardVersion',
    'authorityCode',
    'renewalCount',
    'previousNumberLink',
  ] as const;
  for (const field of optional) if (raw[field] !== undefined) identity[field] = raw[field];
  return identity;
}

/**
 * Encodes an identity as a 256-byte text block (for simulators and tests). Throws RangeError
 * naming the field when a value does not fit its slot or a date is not YYYY-MM-DD / YYYYMMDD.
 */
export function encodeTextBlock(card: CardIdentity): Uint8Array {
  const genderCode = Object.entries(GENDER_BY_CODE).find(([, g]) => g === card.gender)?.[0] ?? '0';
  const raw: Record<RawField, string> = {
    name: card.name,
    englishName: card.englishName ?? '',
    genderCode,
    ethnicityCode: card.ethnicityCode,
    birthDate: cardDate('birthDate', card.birthDate),
    address: card.address,
    idNumber: card.idNumber,
    authority: card.authority,
    validFrom: cardDate('validFrom', card.validFrom),
    validTo: card.validTo === LONG_TERM ? LONG_TERM_TEXT : cardDate('validTo', card.validTo),
    passNumber: card.passNumber ?? '',
    issueCount: card.issueCount ?? '',
    nationality: card.nationality ?? '',
    cardVersion: card.cardVersion ?? '',
    authorityCode: card.authorityCode ?? '',
    renewalCount: card.renewalCount ?? '',
    previousNumberLink: card.previousNumberLink ?? '',
    typeFlag: TYPE_FLAGS[card.cardType],
  };
  const block = Buffer.alloc(TEXT_BLOCK_LENGTH);
  block.fill(' ', 0, TEXT_BLOCK_LENGTH, 'utf16le');
  for (const [field, segments] of LAYOUTS[card.cardType]) {
    const capacity = segments.reduce((sum, [, bytes]) => sum + bytes / 2, 0);
    const value = raw[field];
    if (value.length > capacity) {
      throw new RangeError(`${field} is longer than ${capacity} characters`);
    }
    let rest = value.padEnd(capacity, ' ');
    for (const [offset, bytes] of segments) {
      block.write(rest.slice(0, bytes / 2), offset, bytes, 'utf16le');
      rest = rest.slice(bytes / 2);
    }
  }
  return new Uint8Array(block);
}

function ucs2(block: Uint8Array, offset: number, bytes: number): string {
  return Buffer.from(block.buffer, block.byteOffset, block.byteLength).toString(
    'utf16le',
    offset,
    offset + bytes,
  );
}

/** "19491231" → "1949-12-31"; anything else is returned unchanged. */
function isoFromCard(text: string): string {
  return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : text;
}

/** "1949-12-31" or "19491231" → "19491231"; throws RangeError naming the field otherwise. */
function cardDate(field: string, value: string): string {
  const digits = value.replaceAll('-', '');
  if (!/^\d{8}$/.test(digits)) throw new RangeError(`${field} must be YYYY-MM-DD`);
  return digits;
}
