import type { DeviceCounters } from '../device/device-counters.js';
import { failWith } from '../device/device-result.js';
import type { DeviceFailure, DeviceResult } from '../device/device-result.js';
import type { HealthLevel, HealthReport } from '../device/kiosk-device.js';
import { captureFinger, retrying, waitForLift } from './finger-flows.js';
import type { FlowContext, FlowPhase } from './finger-flows.js';
import type { HeldTemplates } from './held-templates.js';
import { ZFM_CONFIRMATION, describeZfmConfirmation } from './zfm-confirmation.js';
import type { ZfmResult } from './zfm-failure.js';

/** The answer of verifyAgainst. */
export interface FingerMatch {
  /** True when the module matched and the score reached `matchThreshold`. */
  readonly matched: boolean;
  /** The module's score (0 on no match); never logged with a person. */
  readonly score: number;
}

/** What the command flows need besides the flow context. */
export interface CommandDeps {
  /** Where templates are held until clearBiometrics. */
  readonly held: HeldTemplates;
  /** Statistics counters. */
  readonly counters: DeviceCounters;
  /** Lowest Match score accepted on top of the module's decision. */
  readonly matchThreshold: number;
}

/** UpChar of CharBuffer 1; the template is held for the next wipe. */
export async function uploadFlow(
  ctx: FlowContext,
  deps: CommandDeps,
): Promise<ZfmResult<Uint8Array>> {
  const uploaded = await retrying(ctx, () => ctx.driver.uploadTemplate(1));
  return uploaded.ok ? { ok: true, value: deps.held.hold(uploaded.value) } : uploaded;
}

/** DownChar `template` into buffer 2, capture into buffer 1, Match (spec §2.6 b). */
export async function verifyFlow(
  ctx: FlowContext,
  deps: CommandDeps,
  template: Uint8Array,
): Promise<ZfmResult<FingerMatch>> {
  const loaded = await retrying(ctx, () => ctx.driver.downloadTemplate(2, template));
  if (!loaded.ok) return loaded;
  const captured = await captureFinger(ctx, 1, { purpose: 'verify', attempt: 1, attempts: 1 });
  if (!captured.ok) return captured;
  const compared = await retrying(ctx, () => ctx.driver.match());
  if (!compared.ok) return compared;
  const { score } = compared.value;
  const matched = compared.value.matched && score >= deps.matchThreshold;
  deps.counters.add(matched ? 'matches' : 'mismatches');
  return { ok: true, value: { matched, score } };
}

/** Two placements with a lift in between, RegModel, UpChar: the enrolled template. */
export async function enrolFlow(
  ctx: FlowContext,
  deps: CommandDeps,
): Promise<ZfmResult<Uint8Array>> {
  const first = { purpose: 'enrol', attempt: 1, attempts: 2 } as const;
  const firstCapture = await captureFinger(ctx, 1, first);
  if (!firstCapture.ok) return firstCapture;
  const lifted = await waitForLift(ctx, first);
  if (!lifted.ok) return lifted;
  const secondCapture = await captureFinger(ctx, 2, { ...first, attempt: 2 });
  if (!secondCapture.ok) return secondCapture;
  const merged = await retrying(ctx, () => ctx.driver.createModel());
  if (!merged.ok) return merged;
  const template = await uploadFlow(ctx, deps);
  if (template.ok) deps.counters.add('enrolments');
  return template;
}

const NO_FINGER = describeZfmConfirmation(ZFM_CONFIRMATION.noFinger).meaning;

/** A command timeout while waiting for a person is that person's failure, not the device's. */
export function personTimeout<T>(
  phase: FlowPhase,
  timedOut: { ok: false; error: DeviceFailure },
): DeviceResult<T> {
  if (phase === 'waitingForFinger')
    return failWith('noFinger', 'user', 'clear', `${NO_FINGER} before the timeout`);
  if (phase === 'waitingForLift')
    return failWith(
      'fingerNotLifted',
      'user',
      'clear',
      'finger still on the sensor at the timeout',
    );
  return timedOut;
}

/** A command result as a health report. */
export function healthReport(
  level: HealthLevel,
  result: DeviceResult<unknown>,
  okText: string,
): HealthReport {
  return result.ok
    ? { level, ok: true, code: 'ok', description: okText }
    : { level, ok: false, code: result.error.code, description: result.error.description };
}
