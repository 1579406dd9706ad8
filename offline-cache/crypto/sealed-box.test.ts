import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal, SEALED_VERSION } from './sealed-box.js';

const key = randomBytes(32);
const rowKey = 'KIOSK-1.01J9Z8X7W6V5T4S3R2Q1P0N9M8';
const plain = Buffer.from('{"idNumber":"11010519491231002X","name":"张三"}');

describe('sealed box (AES-256-GCM)', () => {
  it('lays out version | nonce | ciphertext | tag and opens with the same key and row', () => {
    const sealed = seal(key, plain, rowKey);
    expect(sealed[0]).toBe(SEALED_VERSION);
    expect(sealed.length).toBe(1 + 12 + plain.length + 16);
    expect(sealed.includes(plain)).toBe(false);
    expect(open(key, sealed, rowKey)).toEqual({ ok: true, plain });
  });

  it('uses a fresh nonce every time, so equal payloads do not look equal on disk', () => {
    expect(seal(key, plain, rowKey).equals(seal(key, plain, rowKey))).toBe(false);
  });

  it('refuses a value moved to another row, a wrong key, truncation and unknown formats', () => {
    const sealed = seal(key, plain, rowKey);
    expect(open(key, sealed, 'KIOSK-1.01J9Z8X7W6V5T4S3R2Q1P0N9M9')).toMatchObject({
      ok: false,
      code: 'sealedAuthenticationFailed',
      action: 'maintenance',
    });
    expect(open(randomBytes(32), sealed, rowKey)).toMatchObject({
      code: 'sealedAuthenticationFailed',
    });
    expect(open(key, sealed.subarray(0, 20), rowKey)).toMatchObject({ code: 'sealedTooShort' });
    expect(open(key, Buffer.concat([Buffer.of(2), sealed.subarray(1)]), rowKey)).toMatchObject({
      code: 'sealedVersionUnknown',
    });
  });

  it('treats a wrong-sized key as a programming error', () => {
    expect(() => seal(randomBytes(16), plain, rowKey)).toThrow(RangeError);
  });
});
