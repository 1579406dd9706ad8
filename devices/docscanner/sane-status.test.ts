import { describe, expect, it } from 'vitest';
import {
  SANE_STATUS,
  SANE_STATUS_INFO,
  describeSaneStatus,
  saneStatusFromName,
  saneStatusFromText,
} from './sane-status.js';
import { classifyScanimageExit, classifyStderrLine } from './scanimage-failure.js';

describe('SANE status table', () => {
  it('maps every SANE_Status to a code, kind and action', () => {
    expect(SANE_STATUS_INFO.size).toBe(Object.keys(SANE_STATUS).length);
    const rows = Object.values(SANE_STATUS).map((value) => {
      const info = describeSaneStatus(value);
      return info.ok ? [value, info.code] : [value, info.code, info.kind, info.action];
    });
    expect(rows).toEqual([
      [0, 'good'],
      [1, 'unsupported', 'software', 'configuration'],
      [2, 'cancelled', 'user', 'clear'],
      [3, 'deviceBusy', 'hardware', 'reset'],
      [4, 'invalidArgument', 'software', 'configuration'],
      [5, 'noImageData', 'hardware', 'reset'],
      [6, 'paperJam', 'hardware', 'clear'],
      [7, 'noDocuments', 'user', 'clear'],
      [8, 'coverOpen', 'hardware', 'clear'],
      [9, 'ioError', 'hardware', 'reset'],
      [10, 'noMemory', 'software', 'reset'],
      [11, 'accessDenied', 'software', 'configuration'],
      [12, 'warmingUp', 'hardware', 'reset'],
      [13, 'hardwareLocked', 'hardware', 'maintenance'],
    ]);
  });

  it('treats an unknown status as a hardware error', () => {
    expect(describeSaneStatus(42)).toMatchObject({
      ok: false,
      code: 'unknownSaneStatus',
      action: 'reset',
    });
  });

  it('reads sane_strstatus texts and SANE_STATUS_ names', () => {
    expect(saneStatusFromText('Document feeder jammed')).toBe(6);
    expect(saneStatusFromText('Operation was canceled')).toBe(2);
    expect(saneStatusFromText('Error during device I/O')).toBe(9);
    expect(saneStatusFromText('something else')).toBeUndefined();
    expect(saneStatusFromName('SANE_STATUS_COVER_OPEN')).toBe(8);
    expect(saneStatusFromName('NO_DOCS')).toBe(7);
    expect(saneStatusFromName('toString')).toBeUndefined();
  });
});

describe('scanimage stderr and exit status', () => {
  // Lines captured from scanimage 1.1.1 with the test backend (LC_ALL=C).
  it.each([
    ['scanimage: sane_read: Document feeder jammed', 'paperJam', 6],
    ['scanimage: sane_start: Document feeder out of documents', 'noDocuments', 7],
    ['scanimage: sane_read: Scanner cover is open', 'coverOpen', 8],
    ['scanimage: sane_read: Error during device I/O', 'ioError', 9],
    ['scanimage: sane_read: Access to resource has been denied', 'accessDenied', 11],
    ['scanimage: sane_read: Device busy', 'deviceBusy', 3],
    ['scanimage: open of device test:9 failed: Invalid argument', 'deviceNotFound', 4],
    ['scanimage: open of device hp:x failed: Device busy', 'deviceBusy', 3],
    ['scanimage: no SANE devices found', 'deviceNotFound', undefined],
    ["scanimage: unrecognized option '--bogus=1'", 'invalidOption', undefined],
    ['scanimage: setting of option --mode failed (Invalid argument)', 'invalidOption', undefined],
    ["Unknown output image format 'xyz'.", 'invalidOption', undefined],
    ['libpng error: No IDATs written into file', 'noImageData', 5],
  ])('%s → %s', (line, code, saneStatus) => {
    const failure = classifyStderrLine(line);
    expect(failure?.code).toBe(code);
    expect(failure?.saneStatus).toBe(saneStatus);
  });

  it('ignores progress and batch lines', () => {
    expect(classifyStderrLine('Progress: 47.1%')).toBeUndefined();
    expect(classifyStderrLine('Batch terminated, 10 pages scanned')).toBeUndefined();
  });

  it('treats exit 0 as success even when the batch ended on an empty feeder', () => {
    const stderr = ['scanimage: sane_start: Document feeder out of documents'];
    expect(classifyScanimageExit({ code: 0, signal: null, stderr })).toBeUndefined();
  });

  it('falls back to the exit status, which is the SANE status', () => {
    expect(classifyScanimageExit({ code: 8, signal: null, stderr: [] })).toMatchObject({
      code: 'coverOpen',
      action: 'clear',
      saneStatus: 8,
    });
    expect(classifyScanimageExit({ code: 134, signal: null, stderr: [] })?.code).toBe(
      'scanimageCrashed',
    );
    expect(classifyScanimageExit({ code: 77, signal: null, stderr: [] })?.code).toBe(
      'scanimageFailed',
    );
    expect(classifyScanimageExit({ code: null, signal: 'SIGKILL', stderr: [] })?.code).toBe(
      'scanimageKilled',
    );
  });

  it('reports a missing program as notInstalled with action configuration', () => {
    expect(
      classifyScanimageExit({ code: null, signal: null, spawnError: 'ENOENT', stderr: [] }),
    ).toMatchObject({
      code: 'notInstalled',
      kind: 'software',
      action: 'configuration',
    });
  });
});
