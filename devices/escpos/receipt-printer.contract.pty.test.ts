import { expect, it } from 'vitest';
import { EscPosSimulator } from '../sim/escpos-simulator.js';
import { startPtyLink } from '../sim/pty-link.js';
import { describeDeviceContract } from '../testing/contract-suite.js';
import { waitFor } from '../testing/wait-for.js';
import { ReceiptPrinter } from './receipt-printer.js';

/*
 * The receipt printer's contract, against the simulator over a PTY and, when
 * KIOSK_TEST_PORT_RECEIPT_PRINTER names a port (/dev/ttyUSB0, tcp:HOST:9100, usblp:/dev/usb/lp0),
 * against a real printer. On hardware only status is read; the one tiny test print needs
 * KIOSK_TEST_RECEIPT_PRINTER_PRINT=1 as well, so nobody wastes paper by accident.
 */

const sim = new EscPosSimulator({ baudRate: 115_200 });
const mayPrintOnHardware = process.env.KIOSK_TEST_RECEIPT_PRINTER_PRINT === '1';
const limits = { timeoutMs: 15_000 };

describeDeviceContract(
  'receipt printer',
  'KIOSK_TEST_PORT_RECEIPT_PRINTER',
  async () => {
    const link = await startPtyLink(sim, 115_200, () => {}, 'receipt-contract');
    return { port: link.port, simulated: true, stop: () => link.stop() };
  },
  (target) => {
    const withPrinter = async (body: (printer: ReceiptPrinter) => Promise<void>) => {
      const printer = new ReceiptPrinter({
        port: target().port,
        pollIntervalMs: 200,
        statusTimeoutMs: 800,
      });
      try {
        await printer.open();
        await body(printer);
      } finally {
        await printer.close();
      }
    };

    it('connects, answers DLE EOT and reports paper and cover', async () => {
      await withPrinter(async (printer) => {
        expect(printer.status.state).not.toBe('starting');
        expect(['full', 'low', 'out', 'jammed']).toContain(printer.status.paper);
        expect(['open', 'closed']).toContain(printer.status.cover);
        expect(printer.capabilities).toMatchObject({ statusBack: true });
      });
    });

    it('passes the internal health check (status query) with a typed report', async () => {
      await withPrinter(async (printer) => {
        const report = await printer.checkHealth('internal');
        expect(report.level).toBe('internal');
        expect(typeof report.code).toBe('string');
        if (target().simulated) expect(report).toMatchObject({ ok: true, code: 'ok' });
      });
    });

    it('prints one tiny test slip', async () => {
      if (!target().simulated && !mayPrintOnHardware) return;
      await withPrinter(async (printer) => {
        const printed = await printer.print(
          { blocks: [{ kind: 'text', text: 'kiosk 测试' }] },
          limits,
        );
        expect(printed).toMatchObject({ ok: true });
        if (target().simulated) expect(sim.lastReceipt?.lines[0]).toBe('kiosk 测试');
      });
    });

    it('refuses to print when the paper is out, and notices the refill', async () => {
      if (!target().simulated) return;
      await withPrinter(async (printer) => {
        sim.setPaper('out');
        await waitFor(() => printer.status.paper === 'out', 'paper out', 5000);
        const refused = await printer.print({ blocks: [{ kind: 'text', text: 'x' }] }, limits);
        expect(refused).toMatchObject({ ok: false, error: { code: 'paperOut', action: 'clear' } });
        sim.setPaper('full');
        await waitFor(() => printer.status.state === 'online', 'refilled', 5000);
      });
    });

    it('reports an open cover as userError with action clear', async () => {
      if (!target().simulated) return;
      await withPrinter(async (printer) => {
        sim.openCover();
        await waitFor(() => printer.status.reason === 'coverOpen', 'cover open', 5000);
        expect(printer.status).toMatchObject({ state: 'userError', cover: 'open' });
        sim.closeCover();
        await waitFor(() => printer.status.state === 'online', 'cover closed', 5000);
      });
    });
  },
);
