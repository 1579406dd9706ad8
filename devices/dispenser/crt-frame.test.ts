import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex.js';
import { CRT_COMMANDS } from './crt-commands.js';
import type { CrtCommandName } from './crt-commands.js';
import { describeCrtError } from './crt-errors.js';
import { CrtFrameDecoder, encodeCrtFrame } from './crt-frame.js';
import {
  decodeCrtStatus,
  encodeCrtCommand,
  encodeCrtNegative,
  encodeCrtPositive,
  parseCrtText,
} from './crt-replies.js';
import { DEFAULT_CRT_VARIANT, resolveCrtVariant } from './crt-variant.js';

const v = DEFAULT_CRT_VARIANT;
const toHex = (bytes: Uint8Array): string =>
  Buffer.from(bytes)
    .toString('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1 ');

// Every worked frame of device-protocols.md §4.2, byte for byte.
const WORKED_COMMANDS: Array<[CrtCommandName, string]> = [
  ['initKeep', 'F2 00 00 03 43 30 33 03 B2'],
  ['status', 'F2 00 00 03 43 31 30 03 B0'],
  ['moveToGate', 'F2 00 00 03 43 32 30 03 B3'],
  ['moveToRf', 'F2 00 00 03 43 32 32 03 B1'],
  ['capture', 'F2 00 00 03 43 32 33 03 B0'],
  ['eject', 'F2 00 00 03 43 32 39 03 BA'],
];
const REPLY_RF_LOW_BIN_OK = 'F2 00 00 06 50 31 30 32 31 30 03 95';
const REPLY_NEGATIVE_JAM = 'F2 00 00 05 4E 32 30 31 30 03 B9';

describe('CRT-591 framing — the spec worked frames', () => {
  it.each(WORKED_COMMANDS)('encodes %s as %s', (name, frame) => {
    const [cm, pm] = CRT_COMMANDS[name];
    expect(toHex(encodeCrtCommand(cm, pm, v))).toBe(frame);
  });

  it.each(WORKED_COMMANDS)('decodes %s from %s', (name, frame) => {
    const items = new CrtFrameDecoder(v).push(hex(frame));
    expect(items).toHaveLength(1);
    const item = items[0];
    if (item?.kind !== 'frame') throw new Error('no frame');
    expect(item.frame.address).toBe(0);
    const [cm, pm] = CRT_COMMANDS[name];
    expect(parseCrtText(item.frame.text)).toEqual({
      kind: 'command',
      cm,
      pm,
      data: new Uint8Array(0),
    });
  });

  it('encodes and reads the positive status reply: card at RF, few cards, bin OK', () => {
    const status = { st0: 0x32, st1: 0x31, st2: 0x30 };
    expect(toHex(encodeCrtPositive(0x31, 0x30, status, v))).toBe(REPLY_RF_LOW_BIN_OK);
    const [item] = new CrtFrameDecoder(v).push(hex(REPLY_RF_LOW_BIN_OK));
    if (item?.kind !== 'frame') throw new Error('no frame');
    const text = parseCrtText(item.frame.text);
    expect(text).toMatchObject({ kind: 'positive', cm: 0x31, pm: 0x30, status });
    expect(decodeCrtStatus(status)).toEqual({
      cardPosition: 'ready',
      stacker: 'low',
      captureBinFull: false,
      raw: status,
    });
  });

  it('encodes and reads the negative jam reply (N variant), and its E twin', () => {
    expect(toHex(encodeCrtNegative(0x32, 0x30, '10', v))).toBe(REPLY_NEGATIVE_JAM);
    const [item] = new CrtFrameDecoder(v).push(hex(REPLY_NEGATIVE_JAM));
    if (item?.kind !== 'frame') throw new Error('no frame');
    expect(parseCrtText(item.frame.text)).toEqual({
      kind: 'negative',
      header: 'N',
      cm: 0x32,
      pm: 0x30,
      errorCode: '10',
    });
    const e = encodeCrtNegative(0x32, 0x30, '10', v, 'E');
    const [eItem] = new CrtFrameDecoder(v).push(e);
    if (eItem?.kind !== 'frame') throw new Error('no frame');
    expect(parseCrtText(eItem.frame.text)).toMatchObject({ kind: 'negative', header: 'E' });
  });
});

describe('CRT-591 status bytes and error codes', () => {
  it('maps every st0/st1/st2 value, unknown values to undefined, and the inverted st2 variant', () => {
    const at = (st0: number, st1: number, st2: number, inv = false) =>
      decodeCrtStatus({ st0, st1, st2 }, { st2Inverted: inv });
    expect(at(0x30, 0x30, 0x31)).toMatchObject({
      cardPosition: 'none',
      stacker: 'empty',
      captureBinFull: true,
    });
    expect(at(0x31, 0x32, 0x30)).toMatchObject({ cardPosition: 'gate', stacker: 'ok' });
    expect(at(0x39, 0x00, 0x77)).toMatchObject({
      cardPosition: undefined,
      stacker: undefined,
      captureBinFull: undefined,
    });
    expect(at(0x30, 0x32, 0x30, true).captureBinFull).toBe(true);
  });

  it.each([
    ['10', 'cardJam', 'hardware', 'maintenance'],
    ['A0', 'stackerEmpty', 'hardware', 'clear'],
    ['a1', 'captureBinFull', 'hardware', 'clear'],
    ['B0', 'resetRequired', 'hardware', 'reset'],
    ['00', 'undefinedCommand', 'software', 'softwareError'],
    ['45', 'cardMovedManually', 'user', 'reset'],
    ['65', 'icCardError', 'hardware', 'reset'],
    ['77', 'deviceError', 'hardware', 'reset'],
    ['\u0000Z', 'deviceError', 'hardware', 'reset'],
  ])('error code %j → %s (%s, %s)', (code, name, kind, action) => {
    expect(describeCrtError(code)).toMatchObject({ ok: false, code: name, kind, action });
  });
});

describe('CrtFrameDecoder', () => {
  it('reports control bytes between frames and garbage as typed items, in order', () => {
    const stream = hex(`06 AA BB 15 ${WORKED_COMMANDS[1]?.[1]} 05 04`);
    const kinds = new CrtFrameDecoder(v)
      .push(stream)
      .map((i) => (i.kind === 'frame' ? 'frame' : i.kind === 'control' ? i.control : i.error.code));
    expect(kinds).toEqual(['ack', 'garbage', 'nak', 'frame', 'enq', 'eot']);
  });

  it('finds a frame split over many pushes, and a good frame after a corrupt one', () => {
    const good = hex(REPLY_RF_LOW_BIN_OK);
    const bad = good.slice();
    bad[bad.length - 1] = 0x00;
    const decoder = new CrtFrameDecoder(v);
    const items = [...bad, ...good].flatMap((b) => decoder.push(Uint8Array.of(b)));
    expect(items.filter((i) => i.kind === 'frame')).toHaveLength(1);
    expect(items[0]).toEqual({
      kind: 'error',
      error: { code: 'badChecksum', expected: 0x95, actual: 0 },
    });
    expect(decoder.pendingBytes).toBe(0);
  });

  it('rejects a bad length and a missing ETX without waiting for more bytes', () => {
    const decoder = new CrtFrameDecoder(v);
    expect(decoder.push(hex('F2 00 FF FF'))[0]).toEqual({
      kind: 'error',
      error: { code: 'badLength', length: 0xffff },
    });
    const noEtx = hex('F2 00 00 03 43 31 30 07 B0');
    expect(new CrtFrameDecoder(v).push(noEtx)[0]).toMatchObject({
      kind: 'error',
      error: { code: 'missingEtx', found: 0x07 },
    });
  });

  it('round-trips each framing variant: no address, 1-byte length, BCC after STX', () => {
    const variants = [
      resolveCrtVariant({ address: null }),
      resolveCrtVariant({ lengthBytes: 1, address: 5 }),
      resolveCrtVariant({ bcc: 'afterStxThroughEtx' }),
    ];
    for (const variant of variants) {
      const frame = encodeCrtCommand(0x32, 0x33, variant);
      const [item] = new CrtFrameDecoder(variant).push(frame);
      expect(item?.kind).toBe('frame');
      // The other BCC coverage is not accepted: tolerating both would halve error detection.
      if (variant.bcc !== v.bcc) expect(new CrtFrameDecoder(v).push(frame)[0]?.kind).toBe('error');
    }
    // Without the (zero) address byte the BCC of the status request stays B0.
    expect(toHex(encodeCrtFrame(hex('43 31 30'), variants[0]!))).toBe('F2 00 03 43 31 30 03 B0');
  });

  it('refuses impossible variants', () => {
    expect(() => resolveCrtVariant({ address: 16 })).toThrow(RangeError);
    expect(() => resolveCrtVariant({ lengthBytes: 1, maxTextLength: 300 })).toThrow(RangeError);
  });
});
