import type { CommandLimits } from '../device/device-command.js';
import type { DeviceResult } from '../device/device-result.js';
import type { Capabilities, HealthLevel, HealthReport } from '../device/kiosk-device.js';
import type { DeviceStatus } from '../../contract/index.js';
import type { ResolvedDispenserOptions } from './card-dispenser-options.js';

/** What the unit can do, from its variant and options. */
export function dispenserCapabilities(o: ResolvedDispenserOptions): Capabilities {
  const v = o.variant;
  return {
    protocol: 'CRT-591',
    address: v.address ?? 'none',
    readPosition: v.readPosition,
    rfPosition: v.readPosition === 'rf',
    icPosition: v.readPosition === 'ic',
    gateHold: v.presentCommand === 'hold',
    captureBin: true,
    captureBinFullSensor: true,
    captureBinHighSensor: false,
    captureBinHighEstimate: o.captureBinHighAt > 0,
    stackerLowSensor: true,
  };
}

/** What a health check uses of the dispenser (structural, so this file need not import it). */
interface HealthTarget {
  readonly status: DeviceStatus;
  queryStatus(limits: CommandLimits): Promise<DeviceResult<unknown>>;
  moveToReadPosition(limits: CommandLimits): Promise<DeviceResult<unknown>>;
  capture(limits: CommandLimits): Promise<DeviceResult<unknown>>;
  presentAndWaitForTake(
    limits: CommandLimits & { takeTimeoutMs?: number },
  ): Promise<DeviceResult<'taken' | 'captured'>>;
}

/**
 * Health check: `internal` reads the status (no media); `external` moves ONE CARD from the
 * stacker to the read position and captures it (it costs a card and a bin place);
 * `interactive` presents a card and needs a person to take it (also costs a card).
 */
export async function dispenserHealth(
  d: HealthTarget,
  level: HealthLevel,
  limits: Partial<CommandLimits> = {},
  takeTimeoutMs: number,
): Promise<HealthReport> {
  const bound = (ms: number): CommandLimits => ({
    timeoutMs: limits.timeoutMs ?? ms,
    signal: limits.signal,
  });
  let result: DeviceResult<unknown>;
  if (level === 'internal') {
    result = await d.queryStatus(bound(10_000));
  } else if (level === 'external') {
    result = await d.moveToReadPosition(bound(20_000));
    if (result.ok) result = await d.capture(bound(20_000));
  } else {
    result = await d.presentAndWaitForTake({ ...bound(takeTimeoutMs + 20_000), takeTimeoutMs });
    if (result.ok && result.value !== 'taken')
      return report(level, false, 'notTaken', 'card not taken');
  }
  if (!result.ok) return report(level, false, result.error.code, result.error.description);
  const s = d.status;
  const ok = s.state === 'online';
  const summary = `stacker ${s.stacker ?? '?'}, bin ${s.captureBin ?? '?'}, card ${s.cardPosition ?? '?'}`;
  return report(level, ok, ok ? 'ok' : (s.reason ?? s.state), summary);
}

function report(level: HealthLevel, ok: boolean, code: string, description: string): HealthReport {
  return { level, ok, code, description };
}
