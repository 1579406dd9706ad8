import { describe, expect, it } from 'vitest';
import { autoStatusBack, realtimeRecover, realtimeStatusQuery } from './escpos-commands.js';
import { EscPosEncoder } from './escpos-encoder.js';
import { EscPosEncodingError } from './escpos-text.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();
const spaced = (s: string): string => s.replace(/\s+/g, '');
const enc = (): EscPosEncoder => new EscPosEncoder();

describe('EscPosEncoder text and modes (§3.1)', () => {
  it.each([
    ['init', enc().init(), '1B 40'],
    ['bold on/off', enc().bold(true).bold(false), '1B 45 01 1B 45 00'],
    [
      'underline',
      enc().underline('off').underline('single').underline('double'),
      '1B2D00 1B2D01 1B2D02',
    ],
    ['alignment', enc().align('left').align('center').align('right'), '1B6100 1B6101 1B6102'],
    ['GS ! double', enc().size(2, 2), '1D 21 11'],
    ['GS ! 8×1', enc().size(8, 1), '1D 21 70'],
    ['Chinese mode', enc().chineseMode(true).chineseMode(false), '1C 26 1C 2E'],
    ['feed', enc().feed().feed(3).feed(0), '0A 1B 64 03 1B 64 00'],
    ['line', enc().line('Hi').line(), '48 69 0A 0A'],
    ['cut default partial', enc().cut(), '1D 56 01'],
    ['cut full binary', enc().cut('full'), '1D 56 00'],
    [
      'cut ascii',
      enc().cut('full', { form: 'ascii' }).cut('partial', { form: 'ascii' }),
      '1D5630 1D5631',
    ],
    [
      'feed then cut',
      enc().cut('full', { feed: 3 }).cut('partial', { feed: 0 }),
      '1D564103 1D564200',
    ],
  ])('%s', (_name, builder, expected) => {
    expect(hex(builder.encode())).toBe(spaced(expected));
  });

  it('rejects out-of-range sizes and feeds', () => {
    expect(() => enc().size(0, 1)).toThrow(RangeError);
    expect(() => enc().size(1, 9)).toThrow(RangeError);
    expect(() => enc().feed(256)).toThrow(RangeError);
  });

  it('refuses non-ASCII and control bytes by default with a typed error', () => {
    expect(() => enc().text('市民之窗')).toThrow(EscPosEncodingError);
    const err = (() => {
      try {
        enc().text('ok\x1b@');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toMatchObject({ code: 'unencodableText', index: 2, char: '\x1b' });
  });

  it('sends text through an injected encoder (GB18030 vector from §3.1)', () => {
    const gb = new Map([
      ['市民之窗', Uint8Array.of(0xca, 0xd0, 0xc3, 0xf1, 0xd6, 0xae, 0xb4, 0xb0)],
    ]);
    const e = new EscPosEncoder({ encodeText: (t) => gb.get(t) ?? new Uint8Array() });
    expect(hex(e.chineseMode(true).line('市民之窗').encode())).toBe('1C26CAD0C3F1D6AEB4B00A');
  });
});

describe('EscPosEncoder QR (§3.2)', () => {
  it('matches the worked sequence byte for byte', () => {
    const bytes = enc().qr('https://example.gov.cn/q?id=1').encode();
    expect(hex(bytes)).toBe(
      spaced(`1D 28 6B 04 00 31 41 32 00
        1D 28 6B 03 00 31 43 06
        1D 28 6B 03 00 31 45 31
        1D 28 6B 20 00 31 50 30 68 74 74 70 73 3A 2F 2F 65 78 61 6D 70 6C 65 2E 67 6F 76 2E 63 6E 2F 71 3F 69 64 3D 31
        1D 28 6B 03 00 31 51 30`),
    );
  });

  it('encodes a short text with options, and pL/pH over 255 bytes', () => {
    const short = enc().qr('A', { model: 'micro', moduleSize: 16, errorCorrection: 'H' }).encode();
    expect(hex(short)).toBe(
      spaced(
        '1D286B0400314133 00 1D286B03003143 10 1D286B03003145 33 1D286B0400315030 41 1D286B0300315130',
      ),
    );
    const long = enc().qr(new Uint8Array(300)).encode();
    expect(hex(long.subarray(25, 30))).toBe('1D286B2F01'); // 303 = 0x012F
    expect(() => enc().qr('x', { moduleSize: 17 })).toThrow(RangeError);
    expect(() => enc().qr('')).toThrow(RangeError);
  });
});

describe('EscPosEncoder barcode (§3.3)', () => {
  it('uses function B with setup commands', () => {
    const b = enc().barcode('ean13', '690123456789', {
      height: 80,
      moduleWidth: 3,
      hri: 'below',
      hriFont: 0,
    });
    expect(hex(b.encode())).toBe(
      spaced('1D6850 1D7703 1D4802 1D6600 1D6B 43 0C 363930313233343536373839'),
    );
  });

  it('uses function A, NUL-terminated', () => {
    expect(hex(enc().barcode('code39', 'AB1', { fn: 'A' }).encode())).toBe('1D6B0441423100');
    expect(() => enc().barcode('code128', '{BX', { fn: 'A' })).toThrow(RangeError);
  });

  it('requires a CODE128 code-set selector', () => {
    expect(hex(enc().barcode('code128', '{B12').encode())).toBe('1D6B49047B423132');
    expect(() => enc().barcode('code128', '12')).toThrow(RangeError);
  });
});

describe('EscPosEncoder raster (§3.4)', () => {
  const bitmap = { width: 10, height: 3, bits: Uint8Array.of(0x80, 0x40, 0xff, 0xc0, 0x01, 0x00) };

  it('writes GS v 0 with bytes per row and rows little-endian', () => {
    expect(hex(enc().raster(bitmap, { mode: 'quadruple' }).encode())).toBe(
      spaced('1D7630 03 0200 0300 8040FFC00100'),
    );
  });

  it('splits into bands', () => {
    expect(hex(enc().raster(bitmap, { bandRows: 2 }).encode())).toBe(
      spaced('1D7630 00 0200 0200 8040FFC0 1D7630 00 0200 0100 0100'),
    );
    expect(() => enc().raster({ ...bitmap, height: 4 })).toThrow(RangeError);
  });
});

describe('real-time command helpers', () => {
  it('spells DLE EOT, GS a and DLE ENQ', () => {
    expect(hex(realtimeStatusQuery(4))).toBe('100404');
    expect(hex(autoStatusBack(0x0f))).toBe('1D610F');
    expect(hex(realtimeRecover(1))).toBe('100501');
  });
});
