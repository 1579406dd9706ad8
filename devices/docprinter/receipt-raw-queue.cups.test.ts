import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUPSD_MISSING, startTestCupsd, testPrinter } from './cups-test-support.js';
import type { PrivateCupsd } from './private-cupsd.js';
import { TcpByteSink } from './tcp-byte-sink.js';

/*
 * The path receipts may take through CUPS: a raw queue (lpadmin -m raw) whose device is
 * socket:// to the printer, jobs sent as application/vnd.cups-raw. Every byte value must arrive
 * unchanged — ESC/POS is binary (GB18030 text, raster images, cut commands).
 */

const note = CUPSD_MISSING === undefined ? '' : ` — ${CUPSD_MISSING}`;

describe.skipIf(CUPSD_MISSING !== undefined)(`a raw CUPS queue to a TCP printer${note}`, () => {
  let cupsd: PrivateCupsd;
  let sink: TcpByteSink;

  beforeAll(async () => {
    sink = await TcpByteSink.start();
    cupsd = await startTestCupsd({
      queues: [{ kind: 'raw', name: 'RECEIPT', deviceUri: sink.deviceUri }],
    });
  });
  afterAll(async () => {
    await cupsd?.stop();
    await sink?.close();
  });

  it('delivers a raw job byte for byte', async () => {
    const printer = testPrinter(cupsd, 'RECEIPT');
    // Every byte value, twice, inside an ESC/POS frame: init, GB18030 "收据", cut.
    const job = Uint8Array.from([
      ...[0x1b, 0x40],
      ...Array.from({ length: 512 }, (_, i) => i % 256),
      ...[0xca, 0xd5, 0xbe, 0xdd, 0x0a],
      ...[0x1d, 0x56, 0x00],
    ]);
    try {
      await printer.open();
      const printed = await printer.print(job, {
        jobName: 'receipt-raw-1',
        format: 'application/vnd.cups-raw',
      });
      if (!printed.ok) throw new Error(`${printed.error.code}: ${printed.error.description}`);
      const [received] = (await sink.waitForJobs(1)).filter((j) => j.length > 0);
      expect(received?.length).toBe(job.length);
      expect(Buffer.from(received ?? []).equals(Buffer.from(job))).toBe(true);
      expect(printer.capabilities).toMatchObject({ raw: true });
    } finally {
      await printer.close();
    }
  });
});
