import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex.js';
import { EscPosStreamParser } from './escpos-stream-parser.js';
import type { EscPosToken } from './escpos-stream-parser.js';

const show = (t: EscPosToken): string =>
  t.kind === 'text'
    ? `text:${Buffer.from(t.bytes).toString('latin1')}`
    : t.kind === 'control'
      ? `ctl:${t.byte}`
      : `cmd:${Buffer.from(t.header).toString('hex')}/${t.dataLength}`;

const tokens = (bytes: Uint8Array, parser = new EscPosStreamParser()): string[] =>
  parser.push(bytes).map(show);

describe('EscPosStreamParser', () => {
  it('splits text, controls and fixed commands', () => {
    expect(tokens(hex('1B 40 1B 61 01 48 69 0A 1D 56 41 03 10 04 04 1C 26'))).toEqual([
      'cmd:1b40/0',
      'cmd:1b6101/0',
      'text:Hi',
      'ctl:10',
      'cmd:1d564103/0',
      'cmd:100404/0',
      'cmd:1c26/0',
    ]);
  });

  it('reads variable data: GS ( k, GS v 0, GS k function A and B', () => {
    const bytes = hex(
      '1D 28 6B 04 00 31 50 30 41  1D 76 30 00 01 00 02 00 FF 00  1D 6B 04 41 42 00  1D 6B 49 03 7B 42 31',
    );
    const out = new EscPosStreamParser().push(bytes);
    expect(out.map(show)).toEqual([
      'cmd:1d286b0400/4',
      'cmd:1d76300001000200/2',
      'cmd:1d6b04/2',
      'cmd:1d6b4903/3',
    ]);
    expect(out[0]?.kind === 'command' && Buffer.from(out[0].data ?? []).toString('hex')).toBe(
      '31503041',
    );
  });

  it('keeps partial commands across pushes, one byte at a time', () => {
    const parser = new EscPosStreamParser();
    const bytes = hex('1D 28 6B 05 00 31 50 30 41 42 0A 1B');
    const out: string[] = [];
    for (const b of bytes) out.push(...tokens(Uint8Array.of(b), parser));
    expect(out).toEqual(['cmd:1d286b0500/5', 'ctl:10']);
    expect(parser.midCommand).toBe(true);
  });

  it('counts but does not keep data over the limit', () => {
    const parser = new EscPosStreamParser({ maxDataBytes: 4 });
    const [token] = parser.push(hex('1D 76 30 00 02 00 04 00 01 02 03 04 05 06 07 08'));
    expect(token).toMatchObject({ kind: 'command', data: undefined, dataLength: 8 });
  });
});
