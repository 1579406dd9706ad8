import { readFile, readdir, stat } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/wait-for.js';
import { DocumentScanner } from './document-scanner.js';
import type {
  DocumentScannerEvents,
  DocumentScannerOptions,
  ScannerLogEntry,
} from './document-scanner.js';
import { PNG_SIGNATURE, imageSize } from './image-header.js';
import { SCANIMAGE, createSaneTestConfig } from './sane-test-backend.js';
import type { SaneTestConfig } from './sane-test-backend.js';
import { filesUnder, processesMentioning, retryOnceOnTimeout } from './test-support.js';

/*
 * The DocumentScanner against the real scanimage and SANE's `test` backend. Faults are injected
 * with the backend's own --read-return-value option, passed as a vendor/backend option.
 * Skipped (saying so in its name) only when scanimage is not on PATH.
 */
const suite = SCANIMAGE === undefined ? describe.skip : describe;
const limits = { timeoutMs: 15_000 };
// Two tries (see retryOnceOnTimeout) plus the clean scan must fit the 20 s test timeout.
const FAULT_LIMITS = { timeoutMs: 6_000 };
const SLOW = { 'read-delay': 'yes', 'read-delay-duration': '100000' };

type Seen = { [K in keyof DocumentScannerEvents]: DocumentScannerEvents[K][] };

suite(
  `DocumentScanner with the SANE test backend${SCANIMAGE ? '' : ' — SKIPPED: scanimage not on PATH (apt-get install sane-utils)'}`,
  () => {
    let sane: SaneTestConfig;
    let scanDir: string;
    let scanner: DocumentScanner | undefined;
    const logs: ScannerLogEntry[] = [];

    function start(options: Partial<DocumentScannerOptions> = {}) {
      scanner = new DocumentScanner({
        device: 'test:0',
        saneConfigDir: sane.dir,
        scanDir,
        defaultResolution: 100,
        presencePollMs: 60_000,
        log: (entry) => logs.push(entry),
        ...options,
      });
      const seen: Seen = { status: [], error: [], progress: [], page: [], discarded: [] };
      for (const name of Object.keys(seen) as (keyof Seen)[]) {
        scanner.on(name, (payload: unknown) => (seen[name] as unknown[]).push(payload));
      }
      return { scanner, seen };
    }

    beforeAll(async () => {
      sane = await createSaneTestConfig();
      scanDir = await mkdtemp(join(tmpdir(), 'docscanner-test-'));
    });

    afterEach(async () => {
      await scanner?.close();
      scanner = undefined;
      expect(await filesUnder(scanDir)).toEqual([]);
    });

    afterAll(async () => {
      // Scanned images are personal data: no log entry may name a file or directory of them.
      expect(JSON.stringify(logs)).not.toContain(scanDir);
      await rm(scanDir, { recursive: true, force: true });
      await sane.dispose();
    });

    it('opens online with capabilities read from the device options', async () => {
      const { scanner, seen } = start({ device: 'auto' });
      expect(await scanner.open()).toEqual({
        id: 'documentScanner',
        deviceClass: 'documentScanner',
        state: 'online',
      });
      expect(scanner.saneDevice).toBe('test:0');
      expect(seen.status.map((s) => s.state)).toEqual(['starting', 'online']);
      expect(scanner.capabilities).toMatchObject({
        adf: true,
        duplex: false,
        flatbed: true,
        colour: true,
        modes: 'Gray,Color',
        sources: 'Flatbed,Automatic Document Feeder',
        minResolution: 1,
        maxResolution: 1200,
      });
    });

    it('scans a 300 dpi colour PNG into a private directory and discards it', async () => {
      const { scanner, seen } = start();
      await scanner.open();
      const scan = await scanner.scanPage({ mode: 'Color', resolution: 300 }, limits);
      if (!scan.ok) throw new Error(scan.error.description);
      const { path, scanId } = scan.value;
      expect(scan.value).toMatchObject({ page: 1, format: 'png', width: 944, height: 1181 });
      const data = await readFile(path!);
      expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(imageSize('png', data)).toEqual({ width: 944, height: 1181 });
      expect((await stat(dirname(path!))).mode & 0o777).toBe(0o700);
      expect((await stat(dirname(dirname(path!)))).mode & 0o777).toBe(0o700);
      expect(seen.progress.at(-1)).toEqual({ scanId, page: 1, percent: 100 });
      expect(scanner.status.state).toBe('online');
      expect(await scanner.discard(scanId)).toBe(true);
      expect(seen.discarded).toEqual([{ scanId }]);
      await expect(stat(path!)).rejects.toThrow();
      expect(await scanner.discard(scanId)).toBe(false);
      expect(scanner.counters()).toMatchObject({ pages: 1 });
    });

    it('scans to memory without writing the image to disk', async () => {
      const { scanner } = start();
      await scanner.open();
      const scan = await scanner.scanPage({ destination: 'memory', format: 'tiff' }, limits);
      if (!scan.ok) throw new Error(scan.error.description);
      expect(scan.value.path).toBeUndefined();
      expect(scan.value).toMatchObject({ format: 'tiff', width: 314, height: 393 });
      expect(scan.value.bytes?.length).toBe(scan.value.size);
      expect(await filesUnder(scanDir)).toEqual([]);
    });

    it('scans a 10-page ADF batch with a page event per page, then reports the feeder empty', async () => {
      const { scanner, seen } = start();
      await scanner.open();
      const batch = await scanner.scanBatch({ format: 'png' }, limits);
      if (!batch.ok) throw new Error(batch.error.description);
      expect(batch.value.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(seen.page.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(new Set(seen.progress.map((p) => p.page))).toEqual(
        new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      );
      for (const page of batch.value.pages) {
        expect(page).toMatchObject({ scanId: batch.value.scanId, width: 314, height: 393 });
        expect((await readFile(page.path!)).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      }
      expect(scanner.status).toMatchObject({ state: 'online', feeder: 'empty' });
      expect(scanner.counters()).toMatchObject({ pages: 10, batches: 1 });
      await scanner.discard(batch.value.scanId);
    });

    it('stops at the page limit and reports the feeder still loaded', async () => {
      const { scanner } = start({ pageLimit: 4 });
      await scanner.open();
      const batch = await scanner.scanBatch({ maxPages: 9 }, limits);
      expect(batch.ok && batch.value.pages.length).toBe(4);
      expect(scanner.status.feeder).toBe('loaded');
    });

    const FAULTS = [
    ['SANE_STATUS_JAMMED', { code: 'paperJam', kind: 'hardware', action: 'clear', saneStatus: 6 }, { state: 'hardwareError', reason: 'paperJam' }, true],
    ['SANE_STATUS_COVER_OPEN', { code: 'coverOpen', kind: 'hardware', action: 'clear', saneStatus: 8 }, { state: 'userError', reason: 'coverOpen', cover: 'open' }, true],
    ['SANE_STATUS_NO_DOCS', { code: 'noDocuments', kind: 'user', action: 'clear', saneStatus: 7 }, { state: 'online', feeder: 'empty' }, false],
    ['SANE_STATUS_IO_ERROR', { code: 'ioError', kind: 'hardware', action: 'reset', saneStatus: 9 }, { state: 'hardwareError', reason: 'ioError' }, true],
    ['SANE_STATUS_NO_MEM', { code: 'noMemory', kind: 'software', action: 'reset', saneStatus: 10 }, { state: 'hardwareError', reason: 'noMemory' }, true],
    ['SANE_STATUS_ACCESS_DENIED', { code: 'accessDenied', kind: 'software', action: 'configuration', saneStatus: 11 }, { state: 'offline', reason: 'accessDenied' }, true],
    ['SANE_STATUS_DEVICE_BUSY', { code: 'deviceBusy', kind: 'hardware', action: 'reset', saneStatus: 3 }, { state: 'online' }, true],
    ['SANE_STATUS_EOF', { code: 'noImageData', kind: 'hardware', action: 'reset', saneStatus: 5 }, { state: 'online' }, true],
    ['SANE_STATUS_UNSUPPORTED', { code: 'unsupported', kind: 'software', action: 'configuration', saneStatus: 1 }, { state: 'online' }, true],
  ] as const; // prettier-ignore

    it.each(FAULTS)(
      '%s → typed failure and status; a clean scan then recovers',
      async (fault, error, status, raised) => {
        const { scanner, seen } = start();
        await scanner.open();
        expect(scanner.setBackendOptions({ 'read-return-value': fault }).ok).toBe(true);
        const scan = await retryOnceOnTimeout(
          () => scanner.scanPage({ format: 'pnm' }, FAULT_LIMITS),
          () => (seen.error.length = 0),
        );
        expect(scan).toMatchObject({ ok: false, error });
        expect(scanner.status).toMatchObject(status);
        expect(seen.error.map((e) => [e.errorCode, e.action])).toEqual(
          raised ? [[error.code, error.action]] : [],
        );
        expect(await filesUnder(scanDir)).toEqual([]);
        // Staff clear the fault: the same device object scans again and goes back online.
        scanner.setBackendOptions({});
        const again = await retryOnceOnTimeout(() =>
          scanner.scanPage({ format: 'pnm' }, { timeoutMs: 5000 }),
        );
        expect(again.ok).toBe(true);
        expect(scanner.status.state).toBe('online');
        expect(scanner.status.reason).toBeUndefined();
        if (fault === 'SANE_STATUS_COVER_OPEN') expect(scanner.status.cover).toBe('closed');
        expect(scanner.counters()).toMatchObject({
          pages: 1,
          jams: fault === 'SANE_STATUS_JAMMED' ? 1 : 0,
        });
        if (again.ok) await scanner.discard(again.value.scanId);
      },
    );

    it('keeps the pages before a mid-batch jam and names the page that jammed', async () => {
      // The test backend faults every page; this stand-in runs the real scanimage twice: 3 good pages, then a jam.
      const { scanner, seen } = start({ scanimagePath: await sane.writeMidBatchJam(3) });
      await scanner.open();
      const batch = await scanner.scanBatch({ format: 'png' }, limits);
      if (batch.ok) throw new Error('the batch should have jammed');
      expect(batch.error).toMatchObject({
        code: 'paperJam',
        action: 'clear',
        failedPage: 4,
        saneStatus: 6,
      });
      expect(batch.error.pages?.map((p) => p.page)).toEqual([1, 2, 3]);
      expect(seen.page.map((p) => p.page)).toEqual([1, 2, 3]);
      for (const page of batch.error.pages ?? [])
        await expect(stat(page.path!)).resolves.toBeDefined();
      expect(scanner.status).toMatchObject({ state: 'hardwareError', reason: 'paperJam' });
      expect(scanner.counters()).toMatchObject({ pages: 3, batches: 1, jams: 1, errors: 1 });
      expect(await scanner.discard(batch.error.scanId!)).toBe(true);
    });

    it('cancels mid-batch: scanimage is killed and no image file is left', async () => {
      const { scanner, seen } = start({ backendOptions: SLOW, defaultResolution: 150 });
      await scanner.open();
      const controller = new AbortController();
      scanner.on('page', () => controller.abort());
      const batch = await scanner.scanBatch(
        { format: 'pnm' },
        { timeoutMs: 60_000, signal: controller.signal },
      );
      expect(batch).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(seen.page.length).toBeGreaterThanOrEqual(1);
      expect(seen.page.length).toBeLessThan(10);
      expect(await processesMentioning(scanDir)).toEqual([]);
      expect(await filesUnder(scanDir)).toEqual([]);
      expect(scanner.status.state).toBe('online');
      scanner.setBackendOptions({});
      expect((await scanner.scanPage({ destination: 'memory' }, limits)).ok).toBe(true);
    });

    it('times out a scan that hangs, kills it, reports hardwareError, then recovers', async () => {
      const { scanner } = start({ backendOptions: SLOW, defaultResolution: 300 });
      await scanner.open();
      const scan = await scanner.scanPage({ mode: 'Color' }, { timeoutMs: 300 });
      expect(scan).toMatchObject({ ok: false, error: { code: 'timeOut', action: 'reset' } });
      expect(await processesMentioning(scanDir)).toEqual([]);
      expect(scanner.status).toMatchObject({ state: 'hardwareError', reason: 'timeOut' });
      scanner.setBackendOptions({});
      expect((await scanner.scanPage({ destination: 'memory' }, limits)).ok).toBe(true);
      expect(scanner.status.state).toBe('online');
    });

    it('refuses a second scan while one runs', async () => {
      const { scanner } = start({ backendOptions: SLOW });
      await scanner.open();
      const first = scanner.scanPage({ destination: 'memory' }, limits);
      const second = await scanner.scanPage({ destination: 'memory' }, limits);
      expect(second).toMatchObject({ ok: false, error: { code: 'scanInProgress' } });
      expect((await first).ok).toBe(true);
    });

    it('reports a missing scanimage as notInstalled with action configuration', async () => {
      const { scanner, seen } = start({ scanimagePath: join(scanDir, 'no-such-scanimage') });
      expect(await scanner.open()).toMatchObject({ state: 'offline', reason: 'notInstalled' });
      expect(seen.error).toEqual([
        expect.objectContaining({
          errorCode: 'notInstalled',
          kind: 'software',
          action: 'configuration',
        }),
      ]);
      expect(await scanner.scanPage({}, limits)).toMatchObject({
        ok: false,
        error: { code: 'notInstalled' },
      });
      expect(await scanner.checkHealth('internal')).toMatchObject({
        ok: false,
        code: 'notInstalled',
      });
    });

    it('goes noDevice when the scanner disappears from the list and online when it is back', async () => {
      const { scanner, seen } = start({ presencePollMs: 50 });
      await scanner.open();
      try {
        await sane.setListed(false);
        await waitFor(() => scanner.status.state === 'noDevice', 'noDevice');
        expect(scanner.status.reason).toBe('deviceNotListed');
        expect(seen.error.at(-1)).toMatchObject({
          errorCode: 'deviceNotListed',
          action: 'maintenance',
        });
        expect(await scanner.scanPage({}, limits)).toMatchObject({
          ok: false,
          error: { code: 'deviceNotListed' },
        });
      } finally {
        await sane.setListed(true);
      }
      await waitFor(() => scanner.status.state === 'online', 'online again');
      expect((await scanner.scanPage({ destination: 'memory' }, limits)).ok).toBe(true);
    });

    it('checks health: internal lists and reads options, external scans a page', async () => {
      const { scanner } = start();
      await scanner.open();
      expect(await scanner.checkHealth('internal')).toMatchObject({
        level: 'internal',
        ok: true,
        code: 'ok',
      });
      expect(await scanner.checkHealth('external')).toMatchObject({ level: 'external', ok: true });
      scanner.setBackendOptions({ 'read-return-value': 'SANE_STATUS_COVER_OPEN' });
      const faulted = await retryOnceOnTimeout(() => scanner.checkHealth('external', FAULT_LIMITS));
      expect(faulted).toMatchObject({ ok: false, code: 'coverOpen' });
    });

    it('refuses a batch from the flatbed (it would scan the same sheet again and again)', async () => {
      const { scanner } = start();
      await scanner.open();
      expect(await scanner.scanBatch({ source: 'Flatbed' }, limits)).toMatchObject({
        ok: false,
        error: { code: 'noFeeder', action: 'configuration' },
      });
      expect(scanner.status.state).toBe('online');
    });

    it('refuses backend options that would be scanimage options', () => {
      const { scanner } = start();
      expect(scanner.setBackendOptions({ 'output-file': '/etc/x' })).toMatchObject({
        ok: false,
        error: { code: 'invalidOption' },
      });
    });

    it('deletes every kept scan at close and reports offline/closed', async () => {
      const { scanner, seen } = start();
      await scanner.open();
      const scan = await scanner.scanPage({}, limits);
      expect(scan.ok).toBe(true);
      expect((await filesUnder(scanDir)).length).toBe(1);
      await scanner.close();
      expect(await filesUnder(scanDir)).toEqual([]);
      expect(await readdir(scanDir)).toEqual([]);
      expect(seen.discarded).toHaveLength(1);
      expect(scanner.status).toMatchObject({ state: 'offline', reason: 'closed' });
    });
  },
);
