import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar, validateCitizenId } from './citizen-id.js';

const TODAY = new Date(2026, 0, 1);

describe('citizen ID number (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('accepts the textbook number and describes it', () => {
    expect(citizenIdCheckChar('11010519491231002')).toBe('X');
    expect(validateCitizenId('11010519491231002X', TODAY)).toEqual({
      valid: true,
      idNumber: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it('accepts a lowercase x and normalises it', () => {
    const result = validateCitizenId(' 11010519491231002x ', TODAY);
    expect(result.valid && result.idNumber).toBe('11010519491231002X');
  });

  it.each([
    ['110105194912310021', 'badCheckChar'],
    ['11010519491231002', 'badFormat'],
    ['1101051949123100XX', 'badFormat'],
    ['00010519491231002X', 'badRegion'],
    ['110105194902300020', 'badBirthDate'],
    ['110105203001010020', 'badBirthDate'],
  ])('rejects %s: %s', (idNumber, reason) => {
    const result = validateCitizenId(idNumber, TODAY);
    expect(result).toMatchObject({ valid: false, reason });
    expect(JSON.stringify(result)).not.toContain(idNumber);
  });

  it('accepts residence-permit (81/82/83) and 2023 foreign-card (9 + province) numbers with valid checks', () => {
    for (const first17 of ['81000019900101123', '83000019900101123', '91184019850615001']) {
      const id = first17 + citizenIdCheckChar(first17);
      expect(validateCitizenId(id, TODAY).valid).toBe(true);
    }
  });
});
