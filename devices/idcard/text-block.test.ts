import { describe, expect, it } from 'vitest';
import type { CardIdentity } from './card-identity.js';
import { decodeTextBlock, detectCardType, encodeTextBlock } from './text-block.js';

const RESIDENT: CardIdentity = {
  cardType: 'residentId',
  name: '张三',
  gender: 'male',
  ethnicity: '汉',
  ethnicityCode: '01',
  birthDate: '1949-12-31',
  address: '北京市东城区景山前街4号',
  idNumber: '11010519491231002X',
  authority: '北京市公安局东城分局',
  validFrom: '2020-01-01',
  validTo: '2040-01-01',
};

const HK_PERMIT: CardIdentity = {
  ...RESIDENT,
  cardType: 'hkMacaoTaiwanPermit',
  name: '陈大文',
  ethnicity: '',
  ethnicityCode: '',
  address: '广东省深圳市福田区福华路1号',
  idNumber: '810000199001011234',
  authority: '深圳市公安局',
  passNumber: 'H12345678',
  issueCount: '01',
};

const FOREIGN_2017: CardIdentity = {
  cardType: 'foreignPermanentResident',
  name: '安娜',
  englishName: 'SMITH, ANNA MARIA',
  gender: 'female',
  ethnicity: '',
  ethnicityCode: '',
  birthDate: '1985-06-15',
  address: '',
  idNumber: 'USA110085061501',
  authority: '',
  validFrom: '2018-03-01',
  validTo: '2028-03-01',
  nationality: 'USA',
  cardVersion: '01',
  authorityCode: '1100',
};

const FOREIGN_2023: CardIdentity = {
  cardType: 'foreignPermanentResident2023',
  name: '安娜',
  // 40 characters: the 2023 layout splits it, 35 at offset 52 and the rest at offset 220.
  englishName: 'MONTGOMERY-SMITHSON, ANNA MARIA LOUISE',
  gender: 'female',
  ethnicity: '',
  ethnicityCode: '',
  birthDate: '1985-06-15',
  address: '',
  idNumber: '911840198506150018',
  authority: '',
  validFrom: '2023-12-01',
  validTo: '2033-12-01',
  renewalCount: '00',
  nationality: 'USA',
  previousNumberLink: 'USA',
};

const ucs2At = (block: Uint8Array, offset: number, chars: number): string =>
  Buffer.from(block).toString('utf16le', offset, offset + 2 * chars);

describe('text block (§1.7, §1.10)', () => {
  it('decodes a resident ID card, padded with spaces, at the documented offsets', () => {
    const block = encodeTextBlock(RESIDENT);
    expect(block.length).toBe(256);
    expect(ucs2At(block, 122, 18)).toBe('11010519491231002X');
    expect(ucs2At(block, 0, 15)).toBe('张三'.padEnd(15, ' '));
    expect(ucs2At(block, 220, 18)).toBe(' '.repeat(18));
    expect(decodeTextBlock(block)).toEqual(RESIDENT);
  });

  it.each([
    ['J', HK_PERMIT, 'hkMacaoTaiwanPermit'],
    ['I', FOREIGN_2017, 'foreignPermanentResident'],
    ['Y', FOREIGN_2023, 'foreignPermanentResident2023'],
  ] as const)(
    'detects the %s card by its flag at offset 248 and round-trips it',
    (flag, card, type) => {
      const block = encodeTextBlock(card);
      expect(ucs2At(block, 248, 1)).toBe(flag);
      expect(detectCardType(block)).toBe(type);
      expect(decodeTextBlock(block)).toEqual(card);
    },
  );

  it('reads the split English name of the 2023 card from both places', () => {
    const block = encodeTextBlock(FOREIGN_2023);
    expect(ucs2At(block, 52, 35)).toBe('MONTGOMERY-SMITHSON, ANNA MARIA LOU');
    expect(ucs2At(block, 220, 11)).toBe('ISE        ');
  });

  it('turns 长期 into long-term and back', () => {
    const card = { ...RESIDENT, validTo: 'longTerm' };
    const block = encodeTextBlock(card);
    expect(ucs2At(block, 204, 8)).toBe('长期      ');
    expect(decodeTextBlock(block)?.validTo).toBe('longTerm');
  });

  it('trims NUL padding too, and keeps malformed dates as raw text', () => {
    const block = encodeTextBlock(RESIDENT);
    block.fill(0, 8, 30);
    Buffer.from(block.buffer).write('1949-12'.padEnd(8, ' '), 36, 16, 'utf16le');
    const decoded = decodeTextBlock(block);
    expect(decoded?.name).toBe('张三');
    expect(decoded?.birthDate).toBe('1949-12');
  });

  it('rejects a block that is not 256 bytes, and values too long for their slot', () => {
    expect(decodeTextBlock(new Uint8Array(255))).toBeUndefined();
    expect(() => encodeTextBlock({ ...RESIDENT, name: '很'.repeat(16) })).toThrow(
      /name is longer than 15/,
    );
    expect(() => encodeTextBlock({ ...RESIDENT, birthDate: '31.12.1949' })).toThrow(/birthDate/);
  });
});
