import { readFile, readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryOnceOnTimeout } from './test-support.js';
import { PNG_SIGNATURE, imageSize } from './image-header.js';
import { findOption } from './sane-options.js';
import { SCANIMAGE, createSaneTestConfig } from './sane-test-backend.js';
import type { SaneTestConfig } from './sane-test-backend.js';
import { ScanimageCli } from './scanimage-cli.js';
import type { ScanProgress } from './scanimage-cli.js';

/*
 * Integration: the real scanimage with SANE's `test` backend in a private SANE_CONFIG_DIR.
 * Nothing here mocks scanimage. Skipped (with this name in the report) only without sane-utils.
 */
const suite = SCANIMAGE === undefined ? describe.skip : describe;
const limits = { timeoutMs: 15_000 };
/** A 300 dpi colour page the test backend delivers slowly (about 10 s). */
const SLOW_PAGE = {
  format: 'pnm',
  mode: 'Color',
  resolution: 300,
  backendOptions: { 'read-delay': 'yes', 'read-delay-duration': '200000' },
} as const;

suite(
  `ScanimageCli with the real scanimage and the SANE test backend${SCANIMAGE ? '' : ' — SKIPPED: scanimage not on PATH (apt-get install sane-utils)'}`,
  () => {
    let sane: SaneTestConfig;
    let cli: ScanimageCli;
    let out: string;

    beforeAll(async () => {
      sane = await createSaneTestConfig();
      cli = new ScanimageCli({ saneConfigDir: sane.dir });
      out = await mkdtemp(join(tmpdir(), 'scanimage-cli-test-'));
    });

    afterAll(async () => {
      await rm(out, { recursive: true, force: true });
      await sane.dispose();
    });

    it('lists the test devices', async () => {
      const list = await cli.listDevices(limits);
      expect(list).toEqual({
        ok: true,
        value: [
          { name: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' },
          { name: 'test:1', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' },
        ],
      });
    });

    it('lists nothing (and does not fail) when dll.conf loads no backend', async () => {
      await sane.setListed(false);
      try {
        expect(await cli.listDevices(limits)).toEqual({ ok: true, value: [] });
      } finally {
        await sane.setListed(true);
      }
    });

    it('reads typed options of a device', async () => {
      const options = await cli.readOptions('test:0', limits);
      if (!options.ok) throw new Error(options.error.description);
      expect(findOption(options.value, 'source')?.constraint).toEqual({
        kind: 'list',
        values: ['Flatbed', 'Automatic Document Feeder'],
      });
    });

    it('fails typed on an unknown device', async () => {
      const options = await cli.readOptions('test:9', limits);
      expect(options).toMatchObject({
        ok: false,
        error: { code: 'deviceNotFound', action: 'maintenance' },
      });
    });

    it('scans a colour PNG page to a file, with progress', async () => {
      const file = join(out, 'colour.png');
      const progress: ScanProgress[] = [];
      const params = { format: 'png', mode: 'Color', resolution: 100 } as const;
      const scan = await cli.scanToFile('test:0', params, file, limits, (p) => progress.push(p));
      expect(scan).toEqual({ ok: true, value: file });
      const data = await readFile(file);
      expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      // 80 × 100 mm at 100 dpi (the test backend's default area).
      expect(imageSize('png', data)).toEqual({ width: 314, height: 393 });
      expect(progress.some((p) => p.kind === 'progress')).toBe(true);
    });

    it.each([
      ['tiff', { width: 157, height: 196 }],
      ['pnm', { width: 157, height: 196 }],
      ['jpeg', { width: 157, height: 196 }],
    ] as const)('scans %s to stdout and the header gives its size', async (format, size) => {
      const scan = await cli.scanToBuffer('test:0', { format, resolution: 50 }, limits);
      if (!scan.ok) throw new Error(scan.error.description);
      expect(imageSize(format, scan.value)).toEqual(size);
    });

    it('scans 10 ADF pages, reporting each as it is written, then ends normally', async () => {
      const dir = await mkdtemp(join(out, 'batch-'));
      const done: number[] = [];
      const params = {
        format: 'png',
        source: 'Automatic Document Feeder',
        resolution: 50,
      } as const;
      const run = await cli.scanBatch('test:0', params, { dir }, limits, (p) => {
        if (p.kind === 'pageDone') done.push(p.page.page);
      });
      expect(run.failure).toBeUndefined();
      expect(run.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(done).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect((await readdir(dir)).sort()).toEqual(
        run.pages.map((p) => `page-${p.page}.png`).sort(),
      );
    });

    // With a page count, scanimage exits 7 when the feeder empties first: still a normal end.
    it.each([
      [3, 3],
      [12, 10],
    ])('ends a batch with a limit of %i pages normally after %i pages', async (maxPages, pages) => {
      const dir = await mkdtemp(join(out, 'limit-'));
      const params = {
        format: 'pnm',
        source: 'Automatic Document Feeder',
        resolution: 50,
      } as const;
      const run = await cli.scanBatch('test:0', params, { dir, maxPages }, limits);
      expect(run.pages).toHaveLength(pages);
      expect(run.failure).toBeUndefined();
    });

    it('fails a batch whose first page faults, naming that page', async () => {
      const dir = await mkdtemp(join(out, 'fault-'));
      const backendOptions = { 'read-return-value': 'SANE_STATUS_NO_DOCS' };
      const params = {
        format: 'pnm',
        source: 'Automatic Document Feeder',
        backendOptions,
      } as const;
      const run = await retryOnceOnTimeout(() =>
        cli.scanBatch('test:0', params, { dir, maxPages: 12 }, { timeoutMs: 8_000 }),
      );
      expect(run).toMatchObject({ pages: [], failure: { code: 'noDocuments' }, failedPage: 1 });
    });

    it.each([
      ['SANE_STATUS_JAMMED', 'paperJam', 6],
      ['SANE_STATUS_COVER_OPEN', 'coverOpen', 8],
      ['SANE_STATUS_NO_DOCS', 'noDocuments', 7],
      ['SANE_STATUS_IO_ERROR', 'ioError', 9],
      ['SANE_STATUS_DEVICE_BUSY', 'deviceBusy', 3],
      ['SANE_STATUS_ACCESS_DENIED', 'accessDenied', 11],
      ['SANE_STATUS_NO_MEM', 'noMemory', 10],
      ['SANE_STATUS_UNSUPPORTED', 'unsupported', 1],
      ['SANE_STATUS_INVAL', 'invalidArgument', 4],
      ['SANE_STATUS_CANCELLED', 'cancelled', 2],
      ['SANE_STATUS_EOF', 'noImageData', 5],
    ])('%s → %s', async (fault, code, saneStatus) => {
      const params = { format: 'png', backendOptions: { 'read-return-value': fault } } as const;
      const scan = await retryOnceOnTimeout(() =>
        cli.scanToFile('test:0', params, join(out, `${code}.png`), { timeoutMs: 8_000 }),
      );
      expect(scan).toMatchObject({ ok: false, error: { code, saneStatus } });
    });

    it('cancels a slow scan: SIGTERM ends scanimage and the run reports cancelled', async () => {
      const controller = new AbortController();
      const started = cli.scanToBuffer(
        'test:0',
        SLOW_PAGE,
        { timeoutMs: 60_000, signal: controller.signal },
        (p) => {
          if (p.kind === 'progress') controller.abort();
        },
      );
      expect(await started).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    });

    it('times out a slow scan', async () => {
      const scan = await cli.scanToBuffer('test:0', SLOW_PAGE, { timeoutMs: 300 });
      expect(scan).toMatchObject({ ok: false, error: { code: 'timeOut' } });
    });

    it('reports a missing program as notInstalled', async () => {
      const missing = new ScanimageCli({ path: join(out, 'no-such-scanimage') });
      expect(await missing.listDevices(limits)).toMatchObject({
        ok: false,
        error: { code: 'notInstalled', kind: 'software', action: 'configuration' },
      });
    });
  },
);
