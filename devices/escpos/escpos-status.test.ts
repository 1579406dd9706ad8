import { describe, expect, it } from 'vitest';
import { EscPosStatusDemux } from './escpos-status-demux.js';
import type { EscPosStatusItem } from './escpos-status-demux.js';
import {
  conditionMapping,
  conditionsOf,
  decodeAsb,
  decodeRealtimeStatus,
  isAsbFirstByte,
  isRealtimeReply,
} from './escpos-status.js';
import type { EscPosFlags, PrinterCondition } from './escpos-status.js';

const FIXED = 0x12;

describe('DLE EOT decoding (§3.5)', () => {
  it.each([
    [1, 2, 'drawerPinHigh'],
    [1, 3, 'offline'],
    [1, 5, 'waitingOnlineRecovery'],
    [1, 6, 'feedButtonPressed'],
    [2, 2, 'coverOpen'],
    [2, 3, 'feedingByButton'],
    [2, 5, 'paperEndStop'],
    [2, 6, 'errorOccurred'],
    [3, 2, 'mechanicalError'],
    [3, 3, 'cutterError'],
    [3, 5, 'unrecoverableError'],
    [3, 6, 'autoRecoverableError'],
  ] as const)('n=%i bit %i → %s', (query, bit, flag) => {
    const flags = decodeRealtimeStatus(query, FIXED | (1 << bit));
    expect(Object.entries(flags).filter(([, v]) => v)).toEqual([[flag, true]]);
    expect(Object.values(decodeRealtimeStatus(query, FIXED)).some(Boolean)).toBe(false);
  });

  it('reads the paper sensor pairs, both bits by default, either on request', () => {
    expect(decodeRealtimeStatus(4, 0x12)).toEqual({ paperNearEnd: false, paperOut: false });
    expect(decodeRealtimeStatus(4, 0x1e)).toEqual({ paperNearEnd: true, paperOut: false });
    expect(decodeRealtimeStatus(4, 0x7e)).toEqual({ paperNearEnd: true, paperOut: true });
    expect(decodeRealtimeStatus(4, 0x72)).toEqual({ paperNearEnd: false, paperOut: true });
    expect(decodeRealtimeStatus(4, 0x16)).toEqual({ paperNearEnd: false, paperOut: false });
    expect(decodeRealtimeStatus(4, 0x36, { paperBits: 'either' })).toEqual({
      paperNearEnd: true,
      paperOut: true,
    });
  });

  it('decodes the worked examples', () => {
    expect(decodeRealtimeStatus(1, 0x1a).offline).toBe(true);
    expect(decodeRealtimeStatus(2, 0x16).coverOpen).toBe(true);
    expect(decodeRealtimeStatus(2, 0x32).paperEndStop).toBe(true);
  });

  it('tells reply bytes from ASB first bytes by the fixed bits', () => {
    for (const b of [0x12, 0x1a, 0x16, 0x32, 0x7e]) expect(isRealtimeReply(b)).toBe(true);
    for (const b of [0x10, 0x18, 0x30, 0x7c]) expect(isAsbFirstByte(b)).toBe(true);
    for (const b of [0x00, 0x13, 0x92, 0x02]) {
      expect(isRealtimeReply(b)).toBe(false);
      expect(isAsbFirstByte(b)).toBe(false);
    }
  });
});

describe('ASB decoding (§3.6)', () => {
  it.each([
    [0, 2, 'drawerPinHigh'],
    [0, 3, 'offline'],
    [0, 5, 'coverOpen'],
    [0, 6, 'feedingByButton'],
    [1, 0, 'waitingOnlineRecovery'],
    [1, 1, 'feedButtonPressed'],
  ] as const)('byte %i bit %i → %s', (index, bit, flag) => {
    const block = [0x10, 0, 0, 0];
    block[index] = (block[index] ?? 0) | (1 << bit);
    const set = Object.entries(decodeAsb(block)).filter(([, v]) => v);
    expect(set).toEqual([[flag, true]]);
  });

  it.each([
    [2, 'mechanicalError'],
    [3, 'cutterError'],
    [5, 'unrecoverableError'],
    [6, 'autoRecoverableError'],
  ] as const)('byte 2 bit %i → %s plus errorOccurred', (bit, flag) => {
    const flags = decodeAsb([0x10, 1 << bit, 0, 0]);
    expect(Object.keys(flags).filter((k) => flags[k as keyof EscPosFlags])).toEqual(
      expect.arrayContaining([flag, 'errorOccurred']),
    );
  });

  it('reads the paper pairs from byte 3', () => {
    expect(decodeAsb([0x10, 0, 0x03, 0])).toMatchObject({ paperNearEnd: true, paperOut: false });
    expect(decodeAsb([0x10, 0, 0x0f, 0])).toMatchObject({ paperNearEnd: true, paperOut: true });
    expect(decodeAsb([0x10, 0, 0x04, 0])).toMatchObject({ paperOut: false });
    expect(decodeAsb([0x10, 0, 0x04, 0], { paperBits: 'either' })).toMatchObject({
      paperOut: true,
    });
  });
});

describe('conditions and contract mapping', () => {
  it('maps the brief’s examples', () => {
    expect(conditionMapping('paperOut').action).toBe('clear');
    expect(conditionMapping('coverOpen').action).toBe('clear');
    expect(conditionMapping('cutterError').action).toBe('maintenance');
    expect(conditionMapping('autoRecoverableError').action).toBe('suspend');
    expect(conditionMapping('paperNearEnd')).toEqual({ state: 'online', action: undefined });
  });

  it('lists specific causes before generic ones', () => {
    expect(conditionsOf(decodeAsb([0x18 | 0x20, 0, 0x0f, 0]))).toEqual<PrinterCondition[]>([
      'coverOpen',
      'paperOut',
    ]);
    expect(conditionsOf({ offline: true })).toEqual(['offline']);
    expect(conditionsOf({ errorOccurred: true, offline: true })).toEqual(['unspecifiedError']);
    expect(conditionsOf({ paperNearEnd: true, feedingByButton: true })).toEqual([
      'feeding',
      'paperNearEnd',
    ]);
    expect(conditionsOf(decodeRealtimeStatus(1, 0x12))).toEqual([]);
  });
});

describe('EscPosStatusDemux', () => {
  const kinds = (items: EscPosStatusItem[]): string[] =>
    items.map((i) => (i.kind === 'error' ? `error:${i.error.code}` : i.kind));

  it('separates interleaved ASB blocks and replies, in any chunks', () => {
    const stream = Uint8Array.of(0x12, 0x18, 0x00, 0x1e, 0x0c, 0x00, 0x7e, 0x10, 0x00, 0x00, 0x00);
    for (const size of [1, 2, 3, 11]) {
      const demux = new EscPosStatusDemux();
      demux.expect(1);
      demux.expect(4);
      demux.expect(2);
      const items: EscPosStatusItem[] = [];
      for (let at = 0; at < stream.length; at += size)
        items.push(...demux.push(stream.subarray(at, at + size)));
      expect(kinds(items)).toEqual(['realtime', 'realtime', 'asb', 'realtime', 'asb']);
      expect(items[0]).toMatchObject({ query: 1, byte: 0x12 });
      expect(items[1]).toMatchObject({ query: 4, flags: { paperNearEnd: true, paperOut: false } });
      expect(items[2]).toMatchObject({ flags: { offline: true, paperOut: true } });
      expect(items[3]).toMatchObject({ query: 2, flags: { paperEndStop: true, coverOpen: true } });
      expect(demux.outstanding).toEqual([]);
      expect(demux.pendingBytes).toBe(0);
    }
  });

  it('reports unexpected replies, garbage and truncated blocks, then recovers', () => {
    const demux = new EscPosStatusDemux();
    const items = demux.push(
      Uint8Array.of(0x12, 0x00, 0x01, 0x80, 0x10, 0x00, 0x12, 0x10, 0, 0, 0),
    );
    expect(items.map((i) => (i.kind === 'error' ? i.error : i.kind))).toEqual([
      { code: 'unexpectedReply', byte: 0x12 },
      { code: 'garbage', discarded: 3 },
      { code: 'truncatedAsb', discarded: 2 },
      { code: 'unexpectedReply', byte: 0x12 },
      'asb',
    ]);
  });

  it('cancels outstanding queries and resets a partial block', () => {
    const demux = new EscPosStatusDemux();
    demux.expect(3);
    demux.push(Uint8Array.of(0x10, 0x00));
    expect(demux.pendingBytes).toBe(2);
    expect(demux.cancelQueries()).toBe(1);
    demux.reset();
    expect(demux.pendingBytes).toBe(0);
  });
});
