import { EscPosSimulator } from './escpos-simulator.js';
import { SimControlError } from './simulated-device.js';
import type { SimulatedDevice } from './simulated-device.js';

const PAPER = ['full', 'low', 'out'] as const;

/**
 * The ESC/POS receipt printer simulator as a simulated device. Actions: `paper`
 * {"paper": "full"|"low"|"out"}, `cover` {"open": true|false}, and `receipts` POST (the decoded
 * receipts printed so far: text lines, QR payloads, cuts) / DELETE (forget them). Receipts are
 * development data and may hold what a test printed; they never leave the simulator otherwise.
 */
export function escposSimDevice(baudRate = 115_200): SimulatedDevice {
  const sim = new EscPosSimulator({ baudRate });
  return {
    key: 'printer',
    deviceId: 'receiptPrinter',
    sim,
    baudRate,
    actions: {
      paper: {
        POST: (body) => {
          const paper = (body as { paper?: unknown } | undefined)?.paper;
          if (!PAPER.includes(paper as (typeof PAPER)[number]))
            throw new SimControlError('invalidPaper', `want {"paper": ${PAPER.join('|')}}`);
          sim.setPaper(paper as (typeof PAPER)[number]);
          return { ok: true, paper };
        },
      },
      cover: {
        POST: (body) => {
          const open = (body as { open?: unknown } | undefined)?.open;
          if (typeof open !== 'boolean')
            throw new SimControlError('invalidCover', 'want {"open": true|false}');
          if (open) sim.openCover();
          else sim.closeCover();
          return { ok: true, open };
        },
      },
      receipts: {
        POST: () => ({ receipts: sim.receipts, pending: sim.pendingReceipt }),
        DELETE: () => (sim.clearReceipts(), { ok: true }),
      },
    },
    status: () => ({ ...sim.state, receipts: sim.receipts.length }),
  };
}
