import { expect, it } from 'vitest';
import { describeDeviceContract } from '../testing/contract-suite.js';
import type { ContractTarget } from '../testing/contract-suite.js';
import { DocumentScanner } from './document-scanner.js';
import { SCANIMAGE, createSaneTestConfig } from './sane-test-backend.js';
import { retryOnceOnTimeout } from './test-support.js';

/*
 * The DocumentScanner contract. The contract suite's "port" is the SANE device name: the
 * simulated target is SANE's `test` backend (test:0 in a private SANE_CONFIG_DIR); real hardware
 * runs with KIOSK_TEST_PORT_DOCUMENT_SCANNER=<SANE device name> (e.g. "epson2:libusb:001:004")
 * and the system's SANE configuration. Tests that inject faults or need paper in the feeder run
 * on the test backend only.
 */

/** SANE_CONFIG_DIR of the simulated target (undefined for real hardware: system config). */
let configDir: string | undefined;

async function startTestBackend(): Promise<ContractTarget> {
  const sane = await createSaneTestConfig();
  configDir = sane.dir;
  return {
    port: 'test:0',
    simulated: true,
    stop: async () => {
      configDir = undefined;
      await sane.dispose();
    },
  };
}

const needsScanimage = SCANIMAGE === undefined;
const skipNote = needsScanimage
  ? ' — SKIPPED: scanimage not on PATH (apt-get install sane-utils)'
  : '';

describeDeviceContract(
  'document scanner',
  'KIOSK_TEST_PORT_DOCUMENT_SCANNER',
  startTestBackend,
  (target) => {
    const limits = { timeoutMs: 60_000 };
    const make = () =>
      new DocumentScanner({
        device: target().port,
        saneConfigDir: target().simulated ? configDir : undefined,
        defaultResolution: 75,
        presencePollMs: 60_000,
      });

    it.skipIf(needsScanimage)(
      `opens online with its class, capabilities and counters${skipNote}`,
      async () => {
        const scanner = make();
        try {
          const status = await scanner.open();
          expect(status).toMatchObject({ deviceClass: 'documentScanner', state: 'online' });
          expect(Object.keys(scanner.capabilities)).toEqual(
            expect.arrayContaining(['adf', 'duplex', 'flatbed', 'colour', 'maxResolution']),
          );
          expect(Object.values(scanner.counters()).every(Number.isFinite)).toBe(true);
          expect(await scanner.checkHealth('internal')).toMatchObject({ ok: true });
        } finally {
          await scanner.close();
        }
        expect(scanner.status).toMatchObject({ state: 'offline', reason: 'closed' });
      },
    );

    it.skipIf(needsScanimage)(`scans one page and discards it${skipNote}`, async () => {
      const scanner = make();
      try {
        await scanner.open();
        const scan = await scanner.scanPage({ format: 'png' }, limits);
        if (!scan.ok) throw new Error(`${scan.error.code}: ${scan.error.description}`);
        expect(scan.value.width).toBeGreaterThan(0);
        expect(scan.value.height).toBeGreaterThan(0);
        expect(await scanner.discard(scan.value.scanId)).toBe(true);
        expect(scanner.status.state).toBe('online');
      } finally {
        await scanner.close();
      }
    });

    it.skipIf(needsScanimage)(
      `answers an already-cancelled command with "cancelled"${skipNote}`,
      async () => {
        const scanner = make();
        try {
          await scanner.open();
          const signal = AbortSignal.abort();
          const scan = await scanner.scanPage({}, { timeoutMs: 10_000, signal });
          expect(scan).toMatchObject({ ok: false, error: { code: 'cancelled' } });
          expect(scanner.status.state).toBe('online');
        } finally {
          await scanner.close();
        }
      },
    );

    it.skipIf(needsScanimage)(
      `reports a jam with action "clear" and recovers${skipNote}`,
      async ({ skip }) => {
        // Faults are injected through the test backend only.
        if (!target().simulated) skip('fault injection needs the SANE test backend');
        const scanner = make();
        try {
          await scanner.open();
          scanner.setBackendOptions({ 'read-return-value': 'SANE_STATUS_JAMMED' });
          const scan = await retryOnceOnTimeout(() => scanner.scanBatch({}, { timeoutMs: 8_000 }));
          expect(scan).toMatchObject({
            ok: false,
            error: { code: 'paperJam', action: 'clear', failedPage: 1 },
          });
          expect(scanner.status).toMatchObject({ state: 'hardwareError', reason: 'paperJam' });
          scanner.setBackendOptions({});
          const batch = await scanner.scanBatch({}, limits);
          expect(batch.ok && batch.value.pages.length).toBe(10);
          expect(scanner.status).toMatchObject({ state: 'online', feeder: 'empty' });
        } finally {
          await scanner.close();
        }
      },
    );
  },
  { simulated: "SANE's test backend", portExample: 'epson2:libusb:001:004' },
);
