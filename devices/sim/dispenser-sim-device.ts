import { DispenserSimulator } from './dispenser-simulator.js';
import type { SimCardPosition } from './dispenser-simulator.js';
import { SimControlError } from './simulated-device.js';
import type { SimulatedDevice } from './simulated-device.js';

const POSITIONS: readonly SimCardPosition[] = ['none', 'gate', 'rf', 'ic'];

/**
 * The CRT-591 card dispenser simulator as a simulated device. Actions: `take` (the citizen
 * takes the card at the gate), `cards` {"count": n} (refill the stacker), `emptyBin`, and
 * `place` {"position": "none"|"gate"|"rf"|"ic"} (a card left somewhere, e.g. after a crash).
 */
export function dispenserSimDevice(baudRate = 9_600): SimulatedDevice {
  const sim = new DispenserSimulator({ baudRate });
  return {
    key: 'dispenser',
    deviceId: 'cardDispenser',
    sim,
    baudRate,
    actions: {
      take: { POST: () => ({ ok: sim.takeCard() }) },
      cards: {
        POST: (body) => {
          const count = (body as { count?: unknown } | undefined)?.count;
          if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1000)
            throw new SimControlError('invalidCount', 'want {"count": 0..1000}');
          sim.loadCards(count);
          return { ok: true };
        },
      },
      emptyBin: { POST: () => (sim.emptyBin(), { ok: true }) },
      place: {
        POST: (body) => {
          const position = (body as { position?: unknown } | undefined)?.position;
          if (!POSITIONS.includes(position as SimCardPosition))
            throw new SimControlError(
              'invalidPosition',
              `want {"position": ${POSITIONS.join('|')}}`,
            );
          sim.placeCard(position as SimCardPosition);
          return { ok: true };
        },
      },
    },
    status: () => ({ ...sim.state }),
  };
}
