import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskIdNumbersInText, maskName } from './masking.js';

describe('masking', () => {
  it('masks names after the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskName('')).toBe('');
  });
  it('masks the middle of ID numbers', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('123')).toBe('*23');
  });
  it('masks ID numbers inside text but leaves other numbers alone', () => {
    expect(maskIdNumbersInText('id 11010519491231002X, order 12345')).toBe(
      'id 1101**********002X, order 12345',
    );
    expect(maskIdNumbersInText('old id 110105491231002 here')).toBe('old id 1101*******1002 here');
  });
});
