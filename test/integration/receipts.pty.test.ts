import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../contract/index.js';
import { ReceiptPrinter } from '../../devices/escpos/receipt-printer.js';
import { EscPosSimulator } from '../../devices/sim/escpos-simulator.js';
import { startPtyLink } from '../../devices/sim/pty-link.js';
import type { PtyLink } from '../../devices/sim/pty-link.js';
import { sampleReceipts } from '../../printing/receipts/testing/sample-receipts.js';
import type { SampleReceipt } from '../../printing/receipts/testing/sample-receipts.js';

/*
 * The templates through the real ReceiptPrinter (status check, job, confirming status) to the
 * ESC/POS simulator over a socat PTY pair at 115200 baud: one template per locale, on the
 * printer's default 48 columns.
 */

const CASES: readonly { locale: Locale; template: SampleReceipt['template'] }[] = [
  { locale: 'zh-CN', template: 'acceptanceReceipt' },
  { locale: 'zh-TW', template: 'idCardCollectionSlip' },
  { locale: 'en', template: 'claimTicket' },
];

describe('receipt templates printed by ReceiptPrinter on the simulator over a PTY', () => {
  const sim = new EscPosSimulator({ baudRate: 115_200 });
  let link: PtyLink;
  let printer: ReceiptPrinter;

  beforeAll(async () => {
    link = await startPtyLink(sim, 115_200, () => {}, 'printer');
    printer = new ReceiptPrinter({
      port: link.port,
      pollIntervalMs: 100,
      statusTimeoutMs: 400,
      confirmDelayMs: 50,
    });
    expect((await printer.open()).state).toBe('online');
  });

  afterAll(async () => {
    await printer.close();
    await link.stop();
  });

  it.each(CASES)('$template in $locale', async ({ locale, template }) => {
    const sample = sampleReceipts(locale, { columns: 48 }).find((r) => r.template === template);
    if (sample === undefined) throw new Error(`no sample ${template}`);
    const printed = await printer.print(sample.doc, { timeoutMs: 8000 });
    expect(printed).toMatchObject({ ok: true, value: { cuts: 1, replacedCharacters: 0 } });
    const receipt = sim.lastReceipt;
    expect(receipt?.cut).toBe('partial');
    expect(receipt?.complete).toBe(true);
    expect(receipt?.lines[0]).toBe('佛山市禅城区行政服务中心');
    expect(receipt?.lines.some((l) => l.includes(sample.code))).toBe(true);
    expect(receipt?.items.filter((i) => i.kind === 'qr')).toEqual([
      { kind: 'qr', data: sample.qr, moduleSize: 6, errorCorrection: 'M' },
    ]);
    expect(printer.status.state).toBe('online');
  });
});
