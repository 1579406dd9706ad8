import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../contract/index.js';
import { renderReceipt } from '../../devices/escpos/escpos-receipt.js';
import { DocumentPrinter, PrivateCupsd } from '../../devices/index.js';
import { EscPosSimulator } from '../../devices/sim/escpos-simulator.js';
import { serveSimulatorOverTcp, type TcpSimServer } from '../../devices/sim/tcp-sim-server.js';
import { acceptanceReceipt } from '../../printing/receipts/index.js';

/**
 * Where a hall's receipt printer hangs off CUPS (a raw queue to a network printer on port 9100),
 * the ESC/POS bytes pass through a real cupsd unchanged: the simulator decodes them back into the
 * same receipt.
 */

const simulator = new EscPosSimulator({ baudRate: 0 });
let server: TcpSimServer;
let cups: PrivateCupsd;
let queue: DocumentPrinter;

beforeAll(async () => {
  server = await serveSimulatorOverTcp(simulator, '127.0.0.1', 0);
  const started = await PrivateCupsd.start({
    queues: [{ kind: 'raw', name: 'RECEIPT', deviceUri: `socket://127.0.0.1:${server.port}` }],
  });
  if (!started.ok) throw new Error(started.error.description);
  cups = started.value;
  queue = new DocumentPrinter({ queue: 'RECEIPT', port: cups.port, jobPollMs: 100 });
  await queue.open();
}, 60_000);

afterAll(async () => {
  await queue.close();
  await cups.stop();
  await server.close();
});

describe('receipts through a raw CUPS queue to the ESC/POS simulator', () => {
  it.each<Locale>(['zh-CN', 'zh-TW', 'en'])('arrive intact (%s)', async (locale) => {
    simulator.clearReceipts();
    const document = acceptanceReceipt(
      {
        serviceName: locale === 'en' ? 'No-housing proof' : '无房证明',
        trackingNumber: 'NH-20261123-0A1B2C3D',
        maskedName: '张*',
        maskedIdNumber: '1101**********002X',
        items: [{ kind: 'proof', proofId: 'NH-20261123-0A1B2C3D', pages: 1 }],
        acceptedAt: '2026-11-23T06:30:00Z',
      },
      locale,
      { kioskId: 'FS-CHANCHENG-0042' },
    );
    const { bytes } = renderReceipt(document, {
      gb18030: true,
      nativeQr: true,
      cut: true,
      maxWidthDots: 576,
    });
    const printed = await queue.print(bytes, {
      jobName: `receipt-${locale}`,
      format: 'application/vnd.cups-raw',
    });
    expect(printed.ok).toBe(true);
    for (let i = 0; i < 100 && simulator.receipts.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [receipt] = simulator.receipts;
    expect(receipt?.cut).not.toBe('none');
    expect(receipt?.complete).toBe(true);
    expect(receipt?.lines.join('\n')).toContain('NH-20261123-0A1B2C3D');
    expect(receipt?.lines.join('\n')).toContain('FS-CHANCHENG-0042');
    expect(receipt?.lines.join('\n')).not.toContain('?');
  });
});
