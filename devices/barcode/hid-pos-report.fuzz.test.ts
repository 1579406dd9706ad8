import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  GENERIC_HID_POS_LAYOUT,
  HONEYWELL_HID_POS_LAYOUT,
  HidPosAssembler,
  encodeHidPosReports,
  withoutReportId,
} from './hid-pos-report.js';
import type { HidPosItem } from './hid-pos-report.js';
import { encodeScanText } from './scan-text.js';

// 100,000 cases per property in CI (the device-layer bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const MAX = 200;
const ERROR_CODES = [
  'otherReport',
  'shortReport',
  'badLength',
  'overlongScan',
  'incompleteScan',
  'badEncoding',
];
const LAYOUTS = [
  HONEYWELL_HID_POS_LAYOUT,
  GENERIC_HID_POS_LAYOUT,
  withoutReportId(HONEYWELL_HID_POS_LAYOUT),
];

/** Scan text: ASCII plus 2-, 3- and 4-byte UTF-8 characters, long enough to need several reports. */
const scanText = fc.string({
  unit: fc.constantFrom('A', 'z', '0', '-', ':', '/', '?', 'é', '电', '子', '证', '照', '𠀀'),
  minLength: 1,
  maxLength: 40,
});

/** Reports that are often nearly right: report ID 2, plausible counts, continuation bits set. */
const report = fc
  .tuple(
    fc.uint8Array({ minLength: 40, maxLength: 66 }),
    fc.constantFrom(2, 2, 2, 0, 4),
    fc.integer({ min: 0, max: 70 }),
    fc.boolean(),
  )
  .map(([body, id, count, more]) => {
    const r = Uint8Array.from(body);
    if (r.length > 0) r[0] = id;
    if (r.length > 1) r[1] = count;
    if (r.length > 63 && more) r[63] = 1;
    if (r.length > 61 && more) r[61] = 1;
    return r;
  });

describe('HidPosAssembler under fuzzing', { timeout: 120_000 }, () => {
  it('turns any reports into scans or typed errors, holding at most one capped scan', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LAYOUTS),
        fc.array(fc.oneof(report, fc.constant(null)), { maxLength: 8 }),
        (layout, reports) => {
          const assembler = new HidPosAssembler({ layout, maxScanBytes: MAX });
          const items: HidPosItem[] = reports.flatMap((r) =>
            r === null ? assembler.idle() : assembler.push(r),
          );
          // Plain checks, not expect(), in the hot loop: fast-check reports the failing input.
          const typed = items.every((item) =>
            item.kind === 'scan'
              ? item.scan.byteLength >= 1 && item.scan.byteLength <= MAX
              : ERROR_CODES.includes(item.error.code),
          );
          return typed && assembler.pendingBytes <= MAX;
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reassembles any text split into reports by any layout', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LAYOUTS),
        fc.constantFrom('utf-8' as const, 'gb18030' as const),
        fc.array(scanText, { minLength: 1, maxLength: 3 }),
        (layout, encoding, texts) => {
          const assembler = new HidPosAssembler({ layout, encoding, maxScanBytes: 4096 });
          const got = texts.flatMap((text) =>
            encodeHidPosReports(encodeScanText(text, encoding), layout, ']Q1')
              .flatMap((r) => assembler.push(r))
              .map((i) => (i.kind === 'scan' ? i.scan.text : i.error.code)),
          );
          return got.join('|') === texts.join('|');
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
