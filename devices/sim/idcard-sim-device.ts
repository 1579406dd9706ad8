import { maskIdentity } from '../idcard/card-readout.js';
import { IdCardSimulator } from './idcard-simulator.js';
import { demoCard, parseSimCard } from './sim-card.js';
import type { SimCard } from './sim-card.js';
import { SimControlError } from './simulated-device.js';
import type { SimulatedDevice } from './simulated-device.js';

/**
 * The ID-card reader simulator as a simulated device. Actions: `card` POST (a SimCard JSON;
 * empty = the demo card 张三) puts a card on the reader, `card` DELETE takes it away.
 */
export function idCardSimDevice(baudRate: number, initialCard?: SimCard): SimulatedDevice {
  const sim = new IdCardSimulator({ baudRate });
  if (initialCard !== undefined) sim.present(initialCard);
  return {
    key: 'idcard',
    deviceId: 'idCardReader',
    sim,
    baudRate,
    actions: {
      card: {
        POST: (body) => {
          const parsed =
            body === undefined ? { ok: true as const, card: demoCard() } : parseSimCard(body);
          if (!parsed.ok) throw new SimControlError('invalidCard', parsed.error);
          sim.present(parsed.card);
          return { ok: true, card: maskIdentity(parsed.card.identity) };
        },
        DELETE: () => {
          sim.remove();
          return { ok: true };
        },
      },
    },
    status: () => {
      const card = sim.currentCard;
      return { ...sim.state, card: card === undefined ? null : maskIdentity(card.identity) };
    },
  };
}
