import { describe, expect, it } from 'vitest';
import { ZFM_INSTRUCTIONS, zfmInstructionName, zfmPayload } from './zfm-instructions.js';

const bytes = (payload: Uint8Array): number[] => [...payload];

describe('the instruction table of §2.2', () => {
  it('has unique codes and finds every name by its code', () => {
    const entries = Object.entries(ZFM_INSTRUCTIONS);
    expect(new Set(entries.map(([, e]) => e.code)).size).toBe(entries.length);
    for (const [name, entry] of entries) expect(zfmInstructionName(entry.code)).toBe(name);
    expect(zfmInstructionName(0x99)).toBeUndefined();
  });

  it('has a builder for every instruction that starts with its code', () => {
    expect(Object.keys(zfmPayload).sort()).toEqual(Object.keys(ZFM_INSTRUCTIONS).sort());
    expect(zfmPayload.genImg()[0]).toBe(ZFM_INSTRUCTIONS.genImg.code);
  });
});

describe('command payload builders', () => {
  it.each([
    ['vfyPwd default', zfmPayload.vfyPwd(), [0x13, 0, 0, 0, 0]],
    ['vfyPwd FFFFFFFF', zfmPayload.vfyPwd(0xffffffff), [0x13, 0xff, 0xff, 0xff, 0xff]],
    ['setPwd', zfmPayload.setPwd(0x01020304), [0x12, 1, 2, 3, 4]],
    ['setAddress', zfmPayload.setAddress(0xa1b2c3d4), [0x15, 0xa1, 0xb2, 0xc3, 0xd4]],
    ['img2Tz 2', zfmPayload.img2Tz(2), [0x02, 2]],
    ['search', zfmPayload.search(1, 0, 300), [0x04, 1, 0, 0, 0x01, 0x2c]],
    ['highSpeedSearch', zfmPayload.highSpeedSearch(2, 5, 10), [0x1b, 2, 0, 5, 0, 10]],
    ['store', zfmPayload.store(1, 0x0102), [0x06, 1, 1, 2]],
    ['loadChar', zfmPayload.loadChar(2, 7), [0x07, 2, 0, 7]],
    ['deleteChar', zfmPayload.deleteChar(3, 1), [0x0c, 0, 3, 0, 1]],
    ['setSysPara security 3', zfmPayload.setSysPara(5, 3), [0x0e, 5, 3]],
    ['portControl', zfmPayload.portControl(0), [0x17, 0]],
    ['readNotepad', zfmPayload.readNotepad(15), [0x19, 15]],
    ['readIndexTable', zfmPayload.readIndexTable(3), [0x1f, 3]],
    ['upImage', zfmPayload.upImage(), [0x0a]],
    ['empty', zfmPayload.empty(), [0x0d]],
  ])('%s', (_name, payload, expected) => {
    expect(bytes(payload)).toEqual(expected);
  });

  it('writeNotepad takes exactly 32 bytes', () => {
    const page = new Uint8Array(32).fill(7);
    expect(bytes(zfmPayload.writeNotepad(1, page))).toEqual([0x18, 1, ...page]);
    expect(() => zfmPayload.writeNotepad(1, new Uint8Array(31))).toThrow(RangeError);
  });

  it('range-checks every parameter instead of emitting a malformed packet', () => {
    expect(() => zfmPayload.img2Tz(256)).toThrow(RangeError);
    expect(() => zfmPayload.img2Tz(-1)).toThrow(RangeError);
    expect(() => zfmPayload.search(1, 0x10000, 1)).toThrow(RangeError);
    expect(() => zfmPayload.vfyPwd(2 ** 32)).toThrow(RangeError);
    expect(() => zfmPayload.store(1, 1.5)).toThrow(RangeError);
    expect(() => zfmPayload.readNotepad(16)).toThrow(RangeError);
    expect(() => zfmPayload.readIndexTable(4)).toThrow(RangeError);
  });
});
