import { expect, it } from 'vitest';
import { FingerprintSimulator } from '../sim/fingerprint-simulator.js';
import { startPtyLink } from '../sim/pty-link.js';
import { describeDeviceContract } from '../testing/contract-suite.js';
import type { ContractTarget } from '../testing/contract-suite.js';
import { waitFor } from '../testing/wait-for.js';
import { FingerprintScanner } from './fingerprint-scanner.js';

/*
 * The fingerprint scanner's device contract, run against the simulator over a PTY and, with
 * KIOSK_TEST_PORT_FINGERPRINT set, against a real module. Tests that need a finger on the
 * sensor or a fault run only on the simulator; on hardware nobody touches the sensor.
 */

let sim: FingerprintSimulator | undefined;

async function startSimulated(): Promise<ContractTarget> {
  sim = new FingerprintSimulator();
  const link = await startPtyLink(sim, 57_600, () => {}, 'fingerprint-contract');
  return { port: link.port, simulated: true, stop: () => link.stop() };
}

describeDeviceContract(
  'fingerprint scanner',
  'KIOSK_TEST_PORT_FINGERPRINT',
  startSimulated,
  (target) => {
    async function opened(): Promise<FingerprintScanner> {
      const scanner = new FingerprintScanner({ port: target().port, pollIntervalMs: 100 });
      await scanner.open();
      await waitFor(() => scanner.status.state === 'online', 'online');
      return scanner;
    }

    it('opens online as a fingerprintScanner without a finger, and closes offline', async () => {
      const scanner = await opened();
      expect(scanner.status).toMatchObject({
        deviceClass: 'fingerprintScanner',
        state: 'online',
        fingerPresent: false,
      });
      expect(typeof scanner.capabilities.libraryCapacity).toBe('number');
      expect([32, 64, 128, 256]).toContain(scanner.capabilities.packetSize);
      await scanner.close();
      expect(scanner.status).toMatchObject({ state: 'offline', reason: 'closed' });
    });

    it('passes the internal health check', async () => {
      const scanner = await opened();
      expect(await scanner.checkHealth('internal')).toMatchObject({ ok: true, code: 'ok' });
      await scanner.close();
    });

    it('answers noFinger when nobody touches the sensor, and stops at once when cancelled', async () => {
      const scanner = await opened();
      expect(await scanner.capture({ timeoutMs: 1500 })).toMatchObject({
        ok: false,
        error: { code: 'noFinger', action: 'clear' },
      });
      const controller = new AbortController();
      const capture = scanner.capture({ timeoutMs: 30_000, signal: controller.signal });
      setTimeout(() => controller.abort(), 300);
      expect(await capture).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      await scanner.close();
    });

    it('captures, verifies and clears biometric data (simulator: finger placed by the test)', async () => {
      if (!target().simulated || sim === undefined) return;
      const module = sim;
      const scanner = await opened();
      scanner.on('presentFinger', () => module.placeFinger('A'));
      const health = await scanner.checkHealth('interactive', { timeoutMs: 5000 });
      expect(health).toMatchObject({ level: 'interactive', ok: true });
      const template = await scanner.uploadTemplate({ timeoutMs: 5000 });
      if (!template.ok) throw new Error(template.error.code);
      const verified = await scanner.verifyAgainst(template.value, { timeoutMs: 5000 });
      expect(verified.ok && verified.value.matched).toBe(true);
      const cleared: number[] = [];
      scanner.on('templateCleared', ({ count }) => cleared.push(count));
      scanner.clearBiometrics();
      expect(cleared).toEqual([1]);
      expect(template.value.every((byte) => byte === 0)).toBe(true);
      module.liftFinger();
      await scanner.close();
    });

    it('reports a wrong password as a configuration error (simulator fault)', async () => {
      if (!target().simulated || sim === undefined) return;
      sim.setFault('wrongPassword');
      const scanner = new FingerprintScanner({ port: target().port });
      const errors: string[] = [];
      scanner.on('error', (error) => errors.push(`${error.errorCode}/${error.action}`));
      expect(await scanner.open()).toMatchObject({
        state: 'hardwareError',
        reason: 'wrongPassword',
      });
      expect(errors).toContain('wrongPassword/configuration');
      sim.setFault(null);
      await scanner.close();
    });
  },
);
