import { FingerprintSimulator } from './fingerprint-simulator.js';
import { SimControlError } from './simulated-device.js';
import type { SimulatedDevice } from './simulated-device.js';

/**
 * The ZFM fingerprint module simulator as a simulated device. Actions: `finger` POST
 * {"finger": "A"} places a finger (the same id always gives the same template, so "A" matches
 * "A" and not "B"); `finger` DELETE lifts it.
 */
export function fingerprintSimDevice(baudRate = 57_600): SimulatedDevice {
  const sim = new FingerprintSimulator({ baudRate });
  return {
    key: 'fingerprint',
    deviceId: 'fingerprintScanner',
    sim,
    baudRate,
    actions: {
      finger: {
        POST: (body) => {
          const finger = (body as { finger?: unknown } | undefined)?.finger ?? 'A';
          if (typeof finger !== 'string' || finger === '' || finger.length > 32)
            throw new SimControlError('invalidFinger', 'want {"finger": "a short id, e.g. A"}');
          sim.placeFinger(finger);
          return { ok: true, finger };
        },
        DELETE: () => (sim.liftFinger(), { ok: true }),
      },
    },
    status: () => ({ ...sim.state }),
  };
}
