import {
  SERVICE_IDS,
  type DeviceClass,
  type DeviceStatus,
  type ServiceAvailability,
  type ServiceId,
} from '../contract/index.js';

/**
 * Which devices each citizen service needs, and whether it needs the central platform online.
 * Every transaction ends with a receipt, so every service needs the receipt printer.
 */
export const SERVICE_REQUIREMENTS: Record<
  ServiceId,
  { devices: DeviceClass[]; platform: boolean }
> = {
  printProof: { devices: ['idCardReader', 'documentPrinter', 'receiptPrinter'], platform: true },
  collectIdCard: {
    devices: ['idCardReader', 'fingerprintScanner', 'camera', 'cardDispenser', 'receiptPrinter'],
    platform: true,
  },
  // Scans are queued offline and synced later, so the platform may be down.
  scanDocuments: {
    devices: ['idCardReader', 'documentScanner', 'receiptPrinter'],
    platform: false,
  },
};

/** Derives every service's availability from device states and platform reachability. */
export function deriveAvailability(
  devices: DeviceStatus[],
  platformOnline: boolean,
): ServiceAvailability[] {
  return SERVICE_IDS.map((service) => {
    const needs = SERVICE_REQUIREMENTS[service];
    const installed = needs.devices.map((cls) => devices.find((d) => d.deviceClass === cls));
    if (installed.some((d) => d === undefined)) {
      return { service, available: false, reason: 'deviceNotInstalled' };
    }
    if (installed.some((d) => d?.state !== 'online')) {
      return { service, available: false, reason: 'deviceNotReady' };
    }
    if (needs.platform && !platformOnline)
      return { service, available: false, reason: 'platformOffline' };
    return { service, available: true };
  });
}

/** True when two availability lists say the same thing. */
export function sameAvailability(a: ServiceAvailability[], b: ServiceAvailability[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
