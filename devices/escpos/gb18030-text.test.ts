import { describe, expect, it } from 'vitest';
import { EscPosEncoder } from './escpos-encoder.js';
import { Gb18030TextEncoder, decodeGb18030, encodeGb18030 } from './gb18030-text.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

describe('GB18030 text (§3.1)', () => {
  it.each([
    ['市民之窗', 'CAD0C3F1D6AEB4B0'],
    ['\u{20BB7}', '9534B235'],
    ['自助终端 No.1', 'D7D4D6FAD6D5B6CB204E6F2E31'],
    // zh-TW: traditional characters are in GB18030 too (臺灣 身分證).
    ['臺灣身分證', 'C55F9EB3C9EDB7D6D743'],
  ])('%s', (text, expected) => {
    const { bytes, replaced } = encodeGb18030(text);
    expect(hex(bytes)).toBe(expected);
    expect(replaced).toBe(0);
    expect(decodeGb18030(bytes)).toBe(text);
  });

  it('replaces control characters and lone surrogates with ? and counts them, never throws', () => {
    const { bytes, replaced } = encodeGb18030('办\x1b@事\uD800\x85好\n');
    expect(hex(bytes)).toBe('B0EC3F40CAC23F3FBAC30A');
    expect(replaced).toBe(3);
  });

  it('prints four-byte characters as ? when the font lacks them', () => {
    expect(encodeGb18030('𠮷野家', { fourByte: false })).toEqual({
      bytes: Uint8Array.of(0x3f, 0xd2, 0xb0, 0xbc, 0xd2),
      replaced: 1,
    });
  });

  it('plugs into the encoder seam in Chinese mode and keeps a running count', () => {
    const gb = new Gb18030TextEncoder();
    const bytes = new EscPosEncoder({ encodeText: gb.encode })
      .chineseMode(true)
      .line('取号\x07')
      .chineseMode(false)
      .encode();
    expect(hex(bytes)).toBe('1C26C8A1BAC53F0A1C2E');
    expect(gb.replaced).toBe(1);
  });
});
