import { describe, expect, it } from 'vitest';
import {
  DEVICE_CLASSES,
  type DeviceClass,
  type DeviceState,
  type DeviceStatus,
  type ServiceAvailability,
} from '../contract/index.js';
import type { Catalogue } from '../contract/platform-api.js';
import { SEED_CATALOGUE } from '../platform-sim/seed-platform.js';
import { deriveAvailability, sameAvailability } from './service-availability.js';

type Service = ServiceAvailability['service'];

/** Every device class installed and in `state`, except the overrides. */
function devices(
  state: DeviceState = 'online',
  overrides: Partial<Record<DeviceClass, DeviceState | 'absent'>> = {},
): DeviceStatus[] {
  return DEVICE_CLASSES.flatMap((deviceClass) => {
    const own = overrides[deviceClass] ?? state;
    return own === 'absent' ? [] : [{ id: deviceClass, deviceClass, state: own }];
  });
}

/** The reference platform's catalogue with some services switched off / matters replaced. */
function catalogue(
  options: { off?: Service[]; matters?: Catalogue['matters'] | null; drop?: Service[] } = {},
): Catalogue {
  const services = SEED_CATALOGUE.services
    .filter((s) => !options.drop?.includes(s.service))
    .map((s): Catalogue['services'][number] => ({
      ...s,
      enabled: !options.off?.includes(s.service),
    }));
  const { matters: _seeded, ...rest } = SEED_CATALOGUE;
  const matters = options.matters === undefined ? SEED_CATALOGUE.matters : options.matters;
  return { ...rest, services, ...(matters ? { matters } : {}) };
}

const reasonOf = (list: ServiceAvailability[], service: Service) =>
  list.find((s) => s.service === service)?.reason ?? 'available';

describe('service availability', () => {
  it('offers every service when the devices are ready and the platform answers', () => {
    const all = deriveAvailability(devices(), true);
    expect(all.every((s) => s.available)).toBe(true);
    expect(deriveAvailability(devices(), true, catalogue())).toEqual(all);
  });

  it('without a catalogue, decides from devices and reachability as before', () => {
    expect(deriveAvailability([], false).map((s) => s.reason)).toEqual([
      'deviceNotInstalled',
      'deviceNotInstalled',
      'deviceNotInstalled',
    ]);
    const paperOut = deriveAvailability(devices('online', { receiptPrinter: 'userError' }), true);
    expect(paperOut.every((s) => s.reason === 'deviceNotReady')).toBe(true);
    const offline = deriveAvailability(devices(), false);
    expect(offline.map((s) => [s.service, s.available, s.reason])).toEqual([
      ['printProof', false, 'platformOffline'],
      ['collectIdCard', false, 'platformOffline'],
      // Scans are queued and sent later.
      ['scanDocuments', true, undefined],
    ]);
    const noScanner = deriveAvailability(devices('online', { documentScanner: 'absent' }), true);
    expect(reasonOf(noScanner, 'scanDocuments')).toBe('deviceNotInstalled');
  });

  it('shows a service the platform switched off as disabled, whatever else is wrong', () => {
    const off = catalogue({ off: ['collectIdCard'] });
    const cases: [DeviceStatus[], boolean][] = [
      [devices(), true],
      [devices(), false],
      [devices('online', { cardDispenser: 'hardwareError' }), true],
      [devices('online', { fingerprintScanner: 'absent' }), false],
      [[], false],
    ];
    for (const [list, online] of cases) {
      const derived = deriveAvailability(list, online, off);
      expect(derived.find((s) => s.service === 'collectIdCard')).toEqual({
        service: 'collectIdCard',
        available: false,
        reason: 'disabled',
      });
      // The other services are decided as without the switch.
      expect(derived.filter((s) => s.service !== 'collectIdCard')).toEqual(
        deriveAvailability(list, online).filter((s) => s.service !== 'collectIdCard'),
      );
    }
  });

  it('leaves a service the catalogue does not list as it is without a catalogue', () => {
    const partial = catalogue({ drop: ['printProof'], off: ['collectIdCard'] });
    expect(reasonOf(deriveAvailability(devices(), true, partial), 'printProof')).toBe('available');
    expect(reasonOf(deriveAvailability(devices(), false, partial), 'printProof')).toBe(
      'platformOffline',
    );
  });

  it('disables scanning when the catalogue offers no matter to apply for', () => {
    for (const matters of [null, []]) {
      const derived = deriveAvailability(devices(), true, catalogue({ matters }));
      expect(reasonOf(derived, 'scanDocuments')).toBe('disabled');
      expect(reasonOf(derived, 'printProof')).toBe('available');
    }
    const oneMatter = catalogue({ matters: SEED_CATALOGUE.matters?.slice(0, 1) ?? null });
    expect(reasonOf(deriveAvailability(devices(), false, oneMatter), 'scanDocuments')).toBe(
      'available',
    );
    // With no catalogue yet nothing says there are no matters: scanning stays as before.
    expect(reasonOf(deriveAvailability(devices(), true), 'scanDocuments')).toBe('available');
  });

  it('tells an enabled service back apart from a disabled one', () => {
    const before = deriveAvailability(devices(), true, catalogue());
    const after = deriveAvailability(devices(), true, catalogue({ off: ['printProof'] }));
    expect(sameAvailability(before, after)).toBe(false);
    expect(
      sameAvailability(
        after,
        deriveAvailability(devices(), true, catalogue({ off: ['printProof'] })),
      ),
    ).toBe(true);
  });
});
