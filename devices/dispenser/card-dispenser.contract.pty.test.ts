import { afterAll, beforeAll, expect, it } from 'vitest';
import { DispenserSimulator } from '../sim/dispenser-simulator.js';
import { startPtyLink } from '../sim/pty-link.js';
import { describeDeviceContract } from '../testing/contract-suite.js';
import type { ContractTarget } from '../testing/contract-suite.js';
import { waitFor } from '../testing/wait-for.js';
import { CardDispenser } from './card-dispenser.js';

/*
 * One contract, two targets: the simulator over a PTY (always) and a real CRT-591 when
 * KIOSK_TEST_PORT_CARD_DISPENSER names its port. On real hardware only the status is read:
 * nothing moves a card (a real card would be spent) and no fault can be injected.
 */

const LIMITS = { timeoutMs: 15_000 };
let sim: DispenserSimulator | undefined;

async function startSimulated(): Promise<ContractTarget> {
  const own = new DispenserSimulator({ baudRate: 9600 });
  sim = own;
  const link = await startPtyLink(own, 9600, () => {}, 'dispenser-contract');
  return { port: link.port, simulated: true, stop: () => link.stop() };
}

describeDeviceContract(
  'card dispenser',
  'KIOSK_TEST_PORT_CARD_DISPENSER',
  startSimulated,
  (target) => {
    let dispenser: CardDispenser;

    beforeAll(async () => {
      dispenser = new CardDispenser({ port: target().port, pollIntervalMs: 250 });
      await dispenser.open();
    });

    afterAll(async () => {
      await dispenser.close();
    });

    it('comes online and reports stacker, capture bin and card position', async () => {
      await waitFor(() => dispenser.status.state !== 'starting', 'first status');
      expect(dispenser.status).toMatchObject({ deviceClass: 'cardDispenser' });
      expect(['online', 'hardwareError']).toContain(dispenser.status.state);
      expect(['ok', 'low', 'empty']).toContain(dispenser.status.stacker);
      expect(['ok', 'high', 'full']).toContain(dispenser.status.captureBin);
      expect(['none', 'ready', 'gate']).toContain(dispenser.status.cardPosition);
    });

    it('answers a status query and an internal health check', async () => {
      const status = await dispenser.queryStatus(LIMITS);
      expect(status.ok).toBe(true);
      const health = await dispenser.checkHealth('internal');
      expect(health).toMatchObject({ level: 'internal' });
      expect(health.ok).toBe(dispenser.status.state === 'online');
    });

    it('dispenses a card that is taken (simulator only)', async () => {
      if (!target().simulated) return;
      expect((await dispenser.moveToReadPosition(LIMITS)).ok).toBe(true);
      const presented = dispenser.presentAndWaitForTake({ ...LIMITS, takeTimeoutMs: 5000 });
      await waitFor(() => sim?.state.position === 'gate', 'card at the gate');
      sim?.takeCard();
      expect(await presented).toEqual({ ok: true, value: 'taken' });
    });

    it('captures an untaken card (simulator only)', async () => {
      if (!target().simulated) return;
      const before = sim?.state.binCount ?? 0;
      const result = await dispenser.presentAndWaitForTake({ ...LIMITS, takeTimeoutMs: 300 });
      expect(result).toEqual({ ok: true, value: 'captured' });
      expect(sim?.state.binCount).toBe(before + 1);
    });

    it('reports a jam for maintenance and recovers when it is cleared (simulator only)', async () => {
      if (!target().simulated) return;
      sim?.setFault('cardJam');
      await waitFor(() => dispenser.status.reason === 'cardJam', 'jam');
      sim?.setFault(null);
      await waitFor(() => dispenser.status.state === 'online', 'online', 5000);
    });
  },
);
