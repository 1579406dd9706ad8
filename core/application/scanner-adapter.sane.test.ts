import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DocumentScanner } from '../../devices/index.js';
import { SCANIMAGE, createSaneTestConfig } from '../../devices/docscanner/sane-test-backend.js';
import { saneApplicationScanner } from './scanner-adapter.js';

/**
 * What a citizen is told when the real SANE test backend fails a scan in the ways real scanners
 * do (its --read-return-value option): nothing on the glass, a jam, a scanner busy elsewhere,
 * and the citizen cancelling. Each keeps the device's own action.
 */
describe.skipIf(SCANIMAGE === undefined)('application scanner on the SANE test backend', () => {
  let sane: Awaited<ReturnType<typeof createSaneTestConfig>>;
  let scanDir: string;
  let scanner: DocumentScanner | undefined;

  beforeAll(async () => {
    sane = await createSaneTestConfig();
    scanDir = await mkdtemp(join(tmpdir(), 'application-scanner-'));
  });
  afterEach(async () => {
    await scanner?.close();
    scanner = undefined;
  });
  afterAll(async () => {
    await rm(scanDir, { recursive: true, force: true });
    await sane.dispose();
  });

  async function scanWith(fault: string | undefined, signal = new AbortController().signal) {
    scanner = new DocumentScanner({
      device: 'test:0',
      saneConfigDir: sane.dir,
      scanDir,
      defaultResolution: 50,
      presencePollMs: 60_000,
      backendOptions: fault ? { 'read-return-value': fault } : {},
    });
    await scanner.open();
    return saneApplicationScanner(scanner).scan(() => {}, signal);
  }

  it('gives a PNG page when the scan works', async () => {
    const page = await scanWith(undefined);
    expect(page.ok && [...page.image.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  // The action is the device's own, from the SANE status table.
  it.each([
    ['SANE_STATUS_NO_DOCS', 'noDocument', 'userError', 'clear'],
    ['SANE_STATUS_JAMMED', 'scannerNotReady', 'deviceNotReady', 'clear'],
    ['SANE_STATUS_DEVICE_BUSY', 'scannerNotReady', 'deviceNotReady', 'reset'],
    ['SANE_STATUS_IO_ERROR', 'scanFailed', 'hardwareError', 'reset'],
  ])('%s tells the citizen %s (%s, %s)', async (fault, code, completionCode, action) => {
    expect(await scanWith(fault)).toMatchObject({
      ok: false,
      error: { code, completionCode, action },
    });
  });

  it('a cancelled scan is a cancel, not a failure', async () => {
    const aborted = new AbortController();
    aborted.abort();
    expect(await scanWith(undefined, aborted.signal)).toEqual({ ok: false, canceled: true });
  });
});
