import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cupsPdfOutput, parseCupsPdfConf } from './cups-pdf-output.js';
import { CUPSD_MISSING, startTestCupsd, testPrinter } from './cups-test-support.js';
import { IppClient } from './ipp-client.js';
import { PRINTER_STATES } from './ipp-operations.js';
import { PrivateCupsd } from './private-cupsd.js';
import { testPagePdf } from './test-page.js';

const note = CUPSD_MISSING === undefined ? '' : ` — ${CUPSD_MISSING}`;

describe.skipIf(CUPSD_MISSING !== undefined)(`PrivateCupsd${note}`, () => {
  it('starts on a loopback port in well under a second, with its queues, and stops clean', async () => {
    const began = performance.now();
    const cupsd = await startTestCupsd({
      queues: [{ kind: 'raw', name: 'RECEIPT', deviceUri: 'socket://127.0.0.1:9' }],
    });
    const total = performance.now() - began;
    const dir = cupsd.dir;
    try {
      expect(cupsd.startupMs).toBeLessThan(2000);
      expect(total).toBeLessThan(5000);
      expect(cupsd.printerUri('RECEIPT')).toBe(`ipp://127.0.0.1:${cupsd.port}/printers/RECEIPT`);
      const client = new IppClient({ port: cupsd.port, queue: 'RECEIPT' });
      const info = await client.getPrinterAttributes();
      expect(info).toMatchObject({
        ok: true,
        value: { state: PRINTER_STATES.idle, accepting: true },
      });
      expect(await cupsd.disableQueue('RECEIPT')).toEqual({ ok: true, value: undefined });
      const stopped = await client.getPrinterAttributes();
      expect(stopped).toMatchObject({
        value: { state: PRINTER_STATES.stopped, reasons: ['paused'] },
      });
    } finally {
      await cupsd.stop();
    }
    expect(cupsd.running).toBe(false);
    expect(existsSync(dir)).toBe(false);
    const gone = await new IppClient({ port: cupsd.port, queue: 'RECEIPT' }).getPrinterAttributes();
    expect(gone).toMatchObject({ ok: false, error: { code: 'connectionRefused' } });
  });

  it('keeps its queues and job history in a kept directory across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-cupsd-kept-'));
    try {
      const first = await startTestCupsd({
        dir,
        keepDir: true,
        queues: [{ kind: 'raw', name: 'KEPT', deviceUri: 'socket://127.0.0.1:9' }],
      });
      await first.stop();
      const second = await startTestCupsd({ dir, keepDir: true, queues: [] });
      try {
        const client = new IppClient({ port: second.port, queue: 'KEPT' });
        expect((await client.getPrinterAttributes()).ok).toBe(true);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints into a sink queue: the job completes and its bytes stay in memory', async () => {
    const cupsd = await startTestCupsd({ queues: [{ kind: 'sink', name: 'PDF' }] });
    try {
      const printer = testPrinter(cupsd, 'PDF');
      await printer.open();
      const page = testPagePdf(['sink']);
      const printed = await printer.print(page, { jobName: 'J-sink-1' });
      await printer.close();
      expect(printed.ok).toBe(true);
      const jobs = (await cupsd.sink('PDF')?.waitForJobs(1)) ?? [];
      expect(jobs.filter((j) => j.length > 0)).toEqual([page]);
    } finally {
      await cupsd.stop();
    }
  });

  it('refuses bad queue names with a typed failure', async () => {
    const cupsd = await startTestCupsd({ queues: [] });
    try {
      const added = await cupsd.addQueue({ kind: 'raw', name: 'a b', deviceUri: 'socket://x:9' });
      expect(added).toMatchObject({ ok: false, error: { code: 'badQueueName' } });
    } finally {
      await cupsd.stop();
    }
  });
});

describe('PrivateCupsd without cups', () => {
  it('fails with "install cups" (configuration) when cupsd is missing', async () => {
    const started = await PrivateCupsd.start({ cupsdPath: '/nonexistent/cupsd' });
    expect(started).toMatchObject({
      ok: false,
      error: { code: 'cupsNotInstalled', action: 'configuration' },
    });
    expect(!started.ok && started.error.description).toContain('install cups');
  });

  it('fails with the reason when cupsd exits at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-fake-cupsd-'));
    const fake = join(dir, 'cupsd');
    await writeFile(fake, '#!/bin/sh\necho "Unable to read configuration file" >&2\nexit 1\n');
    await chmod(fake, 0o755);
    try {
      const started = await PrivateCupsd.start({ cupsdPath: fake, queues: [] });
      expect(started).toMatchObject({ ok: false, error: { code: 'cupsdFailed' } });
      expect(!started.ok && started.error.description).toContain('Unable to read configuration');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("cups-pdf's output directory", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-cups-pdf-conf-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads Out, AnonDirName and AnonUser, with defaults', () => {
    const conf = '# comment\nOut ${HOME}/PDF\n  AnonDirName /srv/anon \n#AnonUser root\n';
    expect(parseCupsPdfConf(conf)).toEqual({
      out: '${HOME}/PDF',
      anonDir: '/srv/anon',
      anonUser: 'nobody',
    });
  });

  it('explains an anonymous output directory that is not world-writable', async () => {
    const anon = join(dir, 'ANONYMOUS');
    await mkdir(anon);
    const conf = join(dir, 'cups-pdf.conf');
    await writeFile(conf, `AnonDirName ${anon}\nAnonUser nobody\n`);
    const user = 'kiosk-nobody-knows-this-user';
    await chmod(anon, 0o755);
    const closed = await cupsPdfOutput(user, conf);
    expect(closed).toMatchObject({ dir: anon, writer: 'nobody', writable: false });
    expect(closed.problem).toMatchObject({
      code: 'cupsPdfOutputNotWritable',
      action: 'configuration',
    });
    expect(closed.problem?.description).toContain(`chmod 1777 ${anon}`);
    await chmod(anon, 0o1777);
    expect(await cupsPdfOutput(user, conf)).toEqual({
      dir: anon,
      writer: 'nobody',
      writable: true,
    });
  });
});
