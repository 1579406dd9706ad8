import { describe, expect, it } from 'vitest';
import { ERROR_ACTIONS, ErrorKind } from '../../contract/index.js';
import {
  ZFM_CONFIRMATION,
  ZFM_CONFIRMATIONS,
  describeZfmConfirmation,
} from './zfm-confirmation.js';

/** Every code listed in §2.3. */
const SPEC_CODES = [
  ...Array.from({ length: 0x12 }, (_, i) => i),
  0x13,
  0x15,
  0x18,
  0x19,
  0x1a,
  0x1b,
  0x1c,
  0x1d,
  0x1f,
  0x20,
  0x21,
  0x22,
  0x24,
  0x26,
  0x27,
  0x29,
  0x41,
  0x42,
  0x43,
  0x44,
  0x45,
  0xfc,
  0xfd,
  0xfe,
];

describe('the confirmation codes of §2.3', () => {
  it('maps every listed code and nothing else', () => {
    expect([...ZFM_CONFIRMATIONS.keys()].sort((a, b) => a - b)).toEqual(SPEC_CODES);
  });

  it('gives every failure a valid kind and action and a unique name', () => {
    const names = new Set<string>();
    for (const info of ZFM_CONFIRMATIONS.values()) {
      names.add(info.code);
      if (info.ok) continue;
      expect(ErrorKind.options).toContain(info.kind);
      expect(ERROR_ACTIONS).toContain(info.action);
    }
    expect(names.size).toBe(ZFM_CONFIRMATIONS.size);
  });

  it('treats no finger, bad images and mismatches as the citizen’s to retry', () => {
    for (const code of [0x02, 0x03, 0x06, 0x07, 0x08, 0x09]) {
      expect(describeZfmConfirmation(code)).toMatchObject({
        ok: false,
        kind: 'user',
        action: 'clear',
      });
    }
  });

  it('names the codes a driver tests for', () => {
    expect(describeZfmConfirmation(ZFM_CONFIRMATION.ok)).toEqual({
      ok: true,
      code: 'ok',
      meaning: 'OK',
    });
    expect(describeZfmConfirmation(ZFM_CONFIRMATION.noFinger).code).toBe('noFinger');
    expect(describeZfmConfirmation(ZFM_CONFIRMATION.noMatch).code).toBe('noMatch');
    expect(describeZfmConfirmation(ZFM_CONFIRMATION.wrongPassword)).toMatchObject({
      kind: 'software',
      action: 'configuration',
    });
    expect(describeZfmConfirmation(0x18)).toMatchObject({
      kind: 'hardware',
      action: 'maintenance',
    });
  });

  it('reports an unlisted code as unknown hardware trouble', () => {
    expect(describeZfmConfirmation(0x7b)).toEqual({
      ok: false,
      code: 'unknownConfirmation',
      meaning: 'unknown confirmation 7B',
      kind: 'hardware',
      action: 'reset',
    });
  });
});
