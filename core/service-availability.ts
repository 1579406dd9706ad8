import {
  SERVICE_IDS,
  type DeviceClass,
  type DeviceStatus,
  type ServiceAvailability,
  type ServiceId,
} from '../contract/index.js';
import type { Catalogue } from '../contract/platform-api.js';

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

/**
 * Derives every service's availability from the platform's catalogue (when the kiosk has one),
 * device states and platform reachability.
 *
 * A service the catalogue switches off is `disabled` before any device or network check: that is
 * the reason the citizen should see, because it is the one that stays true. "Under maintenance,
 * try again later" would have them wait for a repair that changes nothing, and a service the
 * platform has withdrawn does not come back when the network does. A service the catalogue does
 * not list, or no catalogue at all (a kiosk that has never reached the platform), is decided by
 * devices and reachability alone.
 */
export function deriveAvailability(
  devices: DeviceStatus[],
  platformOnline: boolean,
  catalogue?: Catalogue,
): ServiceAvailability[] {
  return SERVICE_IDS.map((service): ServiceAvailability => {
    if (catalogue && disabledByCatalogue(service, catalogue)) {
      return { service, available: false, reason: 'disabled' };
    }
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

/**
 * True when the catalogue switches the service off, or — for scanDocuments — offers no matter to
 * apply for (a scan must be sent for a matter the back office knows, so with none there is
 * nothing the citizen could finish).
 */
function disabledByCatalogue(service: ServiceId, catalogue: Catalogue): boolean {
  if (catalogue.services.find((s) => s.service === service)?.enabled === false) return true;
  return service === 'scanDocuments' && (catalogue.matters ?? []).length === 0;
}

/** True when two availability lists say the same thing. */
export function sameAvailability(a: ServiceAvailability[], b: ServiceAvailability[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
