import { barcodeSimDevice } from './barcode-sim-device.js';
import { dispenserSimDevice } from './dispenser-sim-device.js';
import { escposSimDevice } from './escpos-sim-device.js';
import { fingerprintSimDevice } from './fingerprint-sim-device.js';
import { idCardSimDevice } from './idcard-sim-device.js';
import type { SimulatedDevice } from './simulated-device.js';

/** Builds one simulated device at a baud rate (undefined = the device's usual rate). */
export type SimulatedDeviceFactory = (baudRate: number | undefined) => SimulatedDevice;

/** Every simulator, by its CLI/URL key. */
export const SIMULATED_DEVICES: Readonly<Record<string, SimulatedDeviceFactory>> = {
  idcard: (baud) => idCardSimDevice(baud ?? 115_200),
  dispenser: (baud) => dispenserSimDevice(baud),
  barcode: (baud) => barcodeSimDevice(baud),
  fingerprint: (baud) => fingerprintSimDevice(baud),
  printer: (baud) => escposSimDevice(baud),
};

/** The keys, for usage texts. */
export const SIMULATED_DEVICE_KEYS = Object.keys(SIMULATED_DEVICES);
