import type { DeviceError, DeviceStatus } from '../../contract/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdCardSimulator } from '../sim/idcard-simulator.js';
import type { SimFault } from '../sim/idcard-simulator.js';
import { startPtyLink } from '../sim/pty-link.js';
import type { PtyLink } from '../sim/pty-link.js';
import { demoCard } from '../sim/sim-card.js';
import { waitFor } from '../testing/wait-for.js';
import { IdCardReader } from './idcard-reader.js';

/*
 * Every simulator fault against ONE reader object over a real PTY link (socat; the link replugs
 * when the simulator pulls its cable): what the kiosk reports while the fault lasts, and a card
 * read within 5 s after the fault is cleared, without re-creating anything.
 */

const RECOVERY_MS = 5_000;

/** What each fault must look like while it lasts (besides never crashing). */
const EXPECTED: Record<
  SimFault,
  { state?: DeviceStatus['state']; errorCode?: string; action?: string }
> = {
  noCard: {},
  badChecksum: {},
  garbage: {},
  slow: {},
  truncated: {},
  samFailure: { state: 'hardwareError', errorCode: 'samSelfTestFailed', action: 'maintenance' },
  baudMismatch: { state: 'hardwareError' },
  disconnect: { state: 'offline' },
};

describe('IdCardReader: every simulator fault, then recovery within 5 s', () => {
  const sim = new IdCardSimulator({ baudRate: 115_200, slowDelayMs: 400 });
  let link: PtyLink;
  let reader: IdCardReader;
  const statuses: DeviceStatus[] = [];
  const errors: DeviceError[] = [];
  let reads = 0;

  beforeAll(async () => {
    link = await startPtyLink(sim, 115_200, () => {}, 'faults');
    reader = new IdCardReader({
      port: link.port,
      pollIntervalMs: 100,
      commandTimeoutMs: 500,
      reopenInitialDelayMs: 200,
    });
    reader.on('status', (s) => statuses.push(s));
    reader.on('error', (e) => errors.push(e));
    reader.on('cardInserted', () => reads++);
    await reader.open();
    await waitFor(() => reader.status.state === 'online', 'online');
  });

  afterAll(async () => {
    await reader.close();
    await link.stop();
  });

  for (const fault of Object.keys(EXPECTED) as SimFault[]) {
    it(`${fault}`, async () => {
      const expected = EXPECTED[fault];
      sim.remove();
      await waitFor(() => reader.status.cardPresent === false, 'no card');
      statuses.length = 0;
      errors.length = 0;
      const readsBefore = reads;
      sim.setFault(fault);
      sim.present(demoCard());
      if (expected.state !== undefined) {
        await waitFor(() => statuses.some((s) => s.state === expected.state), expected.state);
      } else {
        await new Promise((resolve) => setTimeout(resolve, 800));
      }
      if (expected.errorCode !== undefined) {
        expect(errors).toContainEqual(
          expect.objectContaining({ errorCode: expected.errorCode, action: expected.action }),
        );
      }
      if (fault === 'noCard') expect(reads).toBe(readsBefore);
      for (const error of errors)
        expect(error.action).toMatch(/reset|clear|maintenance|configuration/);
      // Staff clear the fault; the citizen taps again.
      sim.setFault(null);
      const before = reads;
      sim.remove();
      await new Promise((resolve) => setTimeout(resolve, 300));
      sim.present(demoCard());
      await waitFor(() => reads > before, `a card read after ${fault} cleared`, RECOVERY_MS);
      expect(reader.status.state).toBe('online');
    }, 20_000);
  }
});
