import { afterAll, beforeAll, expect, it } from 'vitest';
import { IdCardSimulator } from '../sim/idcard-simulator.js';
import { startPtyLink } from '../sim/pty-link.js';
import { demoCard } from '../sim/sim-card.js';
import { describeDeviceContract } from '../testing/contract-suite.js';
import type { ContractTarget } from '../testing/contract-suite.js';
import { waitFor } from '../testing/wait-for.js';
import { IdCardReader } from './idcard-reader.js';
import type { ReadCard } from './card-readout.js';

/*
 * One contract, two targets: the simulator over a PTY (always) and a real SAM reader when
 * KIOSK_TEST_PORT_IDCARD names its port (baud found by auto-probing). On real hardware the card
 * test waits for a person to tap a card and checks only what every valid card has.
 */

let sim: IdCardSimulator | undefined;

async function startSimulated(): Promise<ContractTarget> {
  const own = new IdCardSimulator({ baudRate: 115_200 });
  sim = own;
  const link = await startPtyLink(own, 115_200, () => {}, 'idcard-contract');
  return { port: link.port, simulated: true, stop: () => link.stop() };
}

describeDeviceContract('ID-card reader', 'KIOSK_TEST_PORT_IDCARD', startSimulated, (target) => {
  let reader: IdCardReader;

  beforeAll(async () => {
    reader = new IdCardReader({ port: target().port, baudRate: 'auto', pollIntervalMs: 200 });
    await reader.open();
  });

  afterAll(async () => {
    await reader.close();
  });

  it('comes online with a SAM that answers its status check', async () => {
    await waitFor(() => reader.status.state === 'online', 'the reader online', 20_000);
    expect(reader.status).toMatchObject({ deviceClass: 'idCardReader', cardPresent: false });
    expect(typeof reader.capabilities['baudRate']).toBe('number');
    const health = await reader.checkHealth('internal');
    expect(health).toMatchObject({ level: 'internal', ok: true, code: 'ok' });
  });

  it('reads a tapped card into a checked identity, masked for display', async () => {
    const read = new Promise<ReadCard>((resolve) => reader.on('cardInserted', resolve));
    if (target().simulated) sim?.present(demoCard());
    else console.error('tap a valid ID card on the reader within 60 s');
    const card = await read;
    expect(card.identity.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(card.masked.maskedIdNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(reader.counters()['reads']).toBeGreaterThanOrEqual(1);
  }, 90_000);
});
