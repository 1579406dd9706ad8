import { describe, expect, it } from 'vitest';
import {
  GENERIC_HID_POS_LAYOUT,
  HONEYWELL_HID_POS_LAYOUT,
  HidPosAssembler,
  encodeHidPosReports,
  withoutReportId,
} from './hid-pos-report.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The Honeywell QR report from the protocol notes: 02, count, "]Q1", data, 's' = QR, 0, more. */
function honeywellReport(data: string, more = false): Uint8Array {
  const report = new Uint8Array(64);
  report.set([0x02, data.length, 0x5d, 0x51, 0x31]);
  report.set(bytes(data), 5);
  report[61] = 0x73;
  report[63] = more ? 1 : 0;
  return report;
}

describe('HidPosAssembler', () => {
  it('decodes a one-report Honeywell scan with its AIM identifier and code ID', () => {
    const items = new HidPosAssembler().push(honeywellReport('token-1'));
    expect(items).toEqual([
      { kind: 'scan', scan: { text: 'token-1', aimId: ']Q1', byteLength: 7, vendorCode: 0x73 } },
    ]);
  });

  it('assembles a scan spread over several reports by the continuation flag', () => {
    const assembler = new HidPosAssembler();
    const long = 'x'.repeat(56);
    expect(assembler.push(honeywellReport(long, true))).toEqual([]);
    expect(assembler.pendingBytes).toBe(56);
    const items = assembler.push(honeywellReport('tail', false));
    expect(items).toMatchObject([{ kind: 'scan', scan: { text: `${long}tail`, byteLength: 60 } }]);
  });

  it('round-trips multi-report scans in the generic 62-byte layout and without report IDs', () => {
    const data = bytes('电子证照:'.repeat(30));
    for (const layout of [GENERIC_HID_POS_LAYOUT, withoutReportId(HONEYWELL_HID_POS_LAYOUT)]) {
      const assembler = new HidPosAssembler({ layout });
      const reports = encodeHidPosReports(data, layout, ']Q1', 64);
      expect(reports.length).toBeGreaterThan(1);
      const items = reports.flatMap((r) => assembler.push(r));
      expect(items).toMatchObject([
        { kind: 'scan', scan: { text: '电子证照:'.repeat(30), aimId: ']Q1' } },
      ]);
    }
  });

  it('ignores reports with another report ID without disturbing a scan in progress', () => {
    const assembler = new HidPosAssembler();
    assembler.push(honeywellReport('a'.repeat(56), true));
    const other = new Uint8Array(64);
    other[0] = 0x04;
    expect(assembler.push(other)).toEqual([
      { kind: 'error', error: { code: 'otherReport', reportId: 4 } },
    ]);
    expect(assembler.push(honeywellReport('b'))).toMatchObject([{ kind: 'scan' }]);
  });

  it('rejects short reports and impossible counts, dropping the scan they belonged to', () => {
    const assembler = new HidPosAssembler();
    assembler.push(honeywellReport('a'.repeat(56), true));
    expect(assembler.push(Uint8Array.of(2, 1, 0x41))).toEqual([
      { kind: 'error', error: { code: 'shortReport', length: 3 } },
    ]);
    expect(assembler.pendingBytes).toBe(0);
    const bad = honeywellReport('x');
    bad[1] = 57;
    expect(assembler.push(bad)).toEqual([
      { kind: 'error', error: { code: 'badLength', length: 64 } },
    ]);
  });

  it('caps the assembled length and skips the rest of the overlong symbol', () => {
    const assembler = new HidPosAssembler({ maxScanBytes: 100 });
    const chunk = 'z'.repeat(56);
    expect(assembler.push(honeywellReport(chunk, true))).toEqual([]);
    expect(assembler.push(honeywellReport(chunk, true))).toEqual([
      { kind: 'error', error: { code: 'overlongScan', discarded: 112 } },
    ]);
    expect(assembler.push(honeywellReport(chunk, false))).toEqual([]);
    expect(assembler.push(honeywellReport('ok'))).toMatchObject([
      { kind: 'scan', scan: { text: 'ok' } },
    ]);
  });

  it('reports a continued scan that never finished as incompleteScan at idle', () => {
    const assembler = new HidPosAssembler();
    assembler.push(honeywellReport('q'.repeat(56), true));
    expect(assembler.idle()).toEqual([
      { kind: 'error', error: { code: 'incompleteScan', discarded: 56 } },
    ]);
  });

  it('reports invalid UTF-8 as badEncoding', () => {
    const report = honeywellReport('ab');
    report[6] = 0xff;
    expect(new HidPosAssembler().push(report)).toEqual([
      { kind: 'error', error: { code: 'badEncoding', byteLength: 2 } },
    ]);
  });
});
