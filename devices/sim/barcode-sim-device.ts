import { BarcodeSimulator } from './barcode-simulator.js';
import { SimControlError } from './simulated-device.js';
import type { SimulatedDevice } from './simulated-device.js';

/**
 * The serial barcode/QR scanner simulator as a simulated device. Action: `scan`
 * {"data": "…", "symbology"?: "]Q1"} — a code held in front of the scanner.
 */
export function barcodeSimDevice(baudRate = 9_600): SimulatedDevice {
  const sim = new BarcodeSimulator({ baudRate });
  return {
    key: 'barcode',
    deviceId: 'barcodeScanner',
    sim,
    baudRate,
    actions: {
      scan: {
        POST: (body) => {
          const { data, symbology } = (body ?? {}) as { data?: unknown; symbology?: unknown };
          if (typeof data !== 'string' || data === '' || data.length > 4000)
            throw new SimControlError('invalidScan', 'want {"data": "1..4000 characters"}');
          if (symbology !== undefined && typeof symbology !== 'string')
            throw new SimControlError('invalidScan', 'symbology must be an AIM id such as "]Q1"');
          void sim.scan(data, symbology);
          return { ok: true, length: data.length };
        },
      },
    },
    // The scanned data may be personal (an e-licence token): the status shows none of it.
    status: () => ({ ...sim.state }),
  };
}
