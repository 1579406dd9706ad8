import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ScanLineDecoder } from './scan-line-decoder.js';
import type { ScanLineItem } from './scan-line-decoder.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const texts = (items: ScanLineItem[]): string[] =>
  items.flatMap((i) => (i.kind === 'scan' ? [i.scan.text] : [`!${i.error.code}`]));

describe('ScanLineDecoder', () => {
  it.each([
    ['cr', 'ABC\rDEF\r'],
    ['cr', 'ABC\r\nDEF\r\n'],
    ['lf', 'ABC\nDEF\n'],
    ['lf', 'ABC\r\nDEF\r\n'],
    ['crlf', 'ABC\r\nDEF\r\n'],
    ['tab', 'ABC\tDEF\t'],
  ] as const)('splits %s-terminated scans (%j)', (suffix, stream) => {
    expect(texts(new ScanLineDecoder({ suffix }).push(bytes(stream)))).toEqual(['ABC', 'DEF']);
  });

  it('keeps lone CR and LF inside the data in strict crlf mode', () => {
    expect(texts(new ScanLineDecoder({ suffix: 'crlf' }).push(bytes('A\rB\nC\r\n')))).toEqual([
      'A\rB\nC',
    ]);
  });

  it('ends a suffix-less scan at the idle gap', () => {
    const decoder = new ScanLineDecoder({ suffix: 'none' });
    expect(decoder.push(bytes('https://e.gov.cn/licence?t=1'))).toEqual([]);
    expect(texts(decoder.idle())).toEqual(['https://e.gov.cn/licence?t=1']);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('joins a scan split across pushes', () => {
    const decoder = new ScanLineDecoder();
    expect(decoder.push(bytes('12'))).toEqual([]);
    expect(texts(decoder.push(bytes('34\r')))).toEqual(['1234']);
  });

  it('strips a prefix and an AIM identifier and reports the identifier', () => {
    const decoder = new ScanLineDecoder({ prefix: Uint8Array.of(0x02), aimIds: true });
    const items = decoder.push(Uint8Array.from([0x02, ...bytes(']Q1token-42\r')]));
    expect(items).toEqual([
      { kind: 'scan', scan: { text: 'token-42', aimId: ']Q1', byteLength: 8 } },
    ]);
  });

  it('drops bytes before the prefix as noise and a line without it as missingPrefix', () => {
    const decoder = new ScanLineDecoder({ prefix: Uint8Array.of(0x02) });
    expect(texts(decoder.push(Uint8Array.from([0x41, 0x02, 0x42, 0x0d])))).toEqual(['!noise', 'B']);
    expect(texts(decoder.push(bytes('XYZ\r')))).toEqual(['!missingPrefix']);
  });

  it('decodes GB18030 when configured', () => {
    const decoder = new ScanLineDecoder({ encoding: 'gb18030' });
    const scan = Uint8Array.from([...iconv.encode('电子证照', 'gb18030'), 0x0d]);
    expect(texts(decoder.push(scan))).toEqual(['电子证照']);
  });

  it('reports invalid UTF-8 as badEncoding, not replacement characters', () => {
    const decoder = new ScanLineDecoder();
    expect(decoder.push(Uint8Array.of(0x41, 0xc3, 0x28, 0x0d))).toEqual([
      { kind: 'error', error: { code: 'badEncoding', byteLength: 3 } },
    ]);
  });

  it('reports a runaway stream once as overlongScan and resyncs at the next suffix', () => {
    const decoder = new ScanLineDecoder({ maxScanBytes: 16 });
    const items = decoder.push(bytes(`${'A'.repeat(100)}\rOK\r`));
    expect(items).toEqual([
      { kind: 'error', error: { code: 'overlongScan', discarded: 17 } },
      { kind: 'scan', scan: { text: 'OK', byteLength: 2 } },
    ]);
  });

  it('resyncs after an overlong suffix-less stream at the idle gap', () => {
    const decoder = new ScanLineDecoder({ suffix: 'none', maxScanBytes: 8 });
    expect(texts(decoder.push(bytes('A'.repeat(20))))).toEqual(['!overlongScan']);
    expect(decoder.idle()).toEqual([]);
    decoder.push(bytes('OK'));
    expect(texts(decoder.idle())).toEqual(['OK']);
  });

  it('reports a scan that lost its suffix as incompleteScan, and control bytes as noise', () => {
    const decoder = new ScanLineDecoder();
    decoder.push(bytes('half'));
    expect(decoder.idle()).toEqual([
      { kind: 'error', error: { code: 'incompleteScan', discarded: 4 } },
    ]);
    decoder.push(Uint8Array.of(0, 1, 7));
    expect(texts(decoder.idle())).toEqual(['!noise']);
    expect(texts(decoder.push(Uint8Array.of(0, 0x0d)))).toEqual(['!noise']);
  });

  it('skips empty lines silently', () => {
    expect(new ScanLineDecoder().push(bytes('\r\r\n\n'))).toEqual([]);
  });
});
