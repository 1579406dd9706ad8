import { failWith } from '../device/device-result.js';
import { pause, type Timers } from '../util/timers.js';
import type { ZfmDriver } from './zfm-driver.js';
import { isLinkFailure } from './zfm-failure.js';
import type { ZfmFailure, ZfmResult } from './zfm-failure.js';

/** What a finger placement is for. */
export type FingerPurpose = 'capture' | 'verify' | 'enrol';

/** Which placement a prompt is about, so the UI can say "place your finger again (2 of 2)". */
export interface FingerPrompt {
  /** What the finger is for. */
  readonly purpose: FingerPurpose;
  /** This placement, from 1. */
  readonly attempt: number;
  /** Placements the command needs (2 for enrol). */
  readonly attempts: number;
}

/** The prompt events a flow raises. */
export type PromptEvent = 'presentFinger' | 'fingerDetected' | 'liftFinger';

/** Where a flow is; a command timeout while waiting for a person becomes a user failure. */
export type FlowPhase = 'working' | 'waitingForFinger' | 'waitingForLift';

/** What a finger flow needs from the device class. */
export interface FlowContext {
  /** The protocol driver of the current connection. */
  readonly driver: ZfmDriver;
  /** Fires on timeout or cancellation: stop polling. */
  readonly signal: AbortSignal;
  /** Clock and timers for the pauses between polls. */
  readonly timers: Timers;
  /** Pause between two GenImg polls. */
  readonly pollIntervalMs: number;
  /** Retries of an exchange after a link failure. */
  readonly linkRetries: number;
  /** Where the flow is now. */
  phase: FlowPhase;
  /** Each GenImg answer: is a finger on the sensor. */
  fingerSeen(present: boolean): void;
  /** Raises a prompt event. */
  prompt(event: PromptEvent, prompt: FingerPrompt): void;
  /** A finger's features were extracted (for the captures counter). */
  captured(): void;
}

/** A failure worth retrying: the link garbled or lost one answer, the port is still there. */
export function retryable(failure: ZfmFailure): boolean {
  return (
    isLinkFailure(failure) && failure.code !== 'transportClosed' && failure.code !== 'writeFailed'
  );
}

/** Runs one exchange, again after a link failure up to `linkRetries` times. */
export async function retrying<T>(
  ctx: Pick<FlowContext, 'linkRetries' | 'signal'>,
  exchange: () => Promise<ZfmResult<T>>,
): Promise<ZfmResult<T>> {
  let result = await exchange();
  for (let retry = 0; retry < ctx.linkRetries; retry++) {
    if (result.ok || !retryable(result.error) || ctx.signal.aborted) break;
    result = await exchange();
  }
  return result;
}

/** Polls GenImg until a finger is (or is no longer) on the sensor, or the signal aborts. */
async function pollSensor(ctx: FlowContext, wantFinger: boolean): Promise<ZfmResult<void>> {
  for (;;) {
    if (ctx.signal.aborted) return failWith('cancelled', 'user', 'clear', 'finger wait stopped');
    const imaged = await retrying(ctx, () => ctx.driver.captureImage());
    if (!imaged.ok) return imaged;
    ctx.fingerSeen(imaged.value);
    if (imaged.value === wantFinger) return { ok: true, value: undefined };
    await pause(ctx.timers, ctx.pollIntervalMs, ctx.signal);
  }
}

/** Prompts, then polls until the sensor is as wanted; the phase tells a timeout's cause. */
async function promptAndPoll(
  ctx: FlowContext,
  phase: FlowPhase,
  event: PromptEvent,
  prompt: FingerPrompt,
  wantFinger: boolean,
): Promise<ZfmResult<void>> {
  ctx.phase = phase;
  ctx.prompt(event, prompt);
  const reached = await pollSensor(ctx, wantFinger);
  if (reached.ok) ctx.phase = 'working';
  return reached;
}

/** Asks for a finger, waits for it, and turns its image into features in CharBuffer `bufferId`. */
export async function captureFinger(
  ctx: FlowContext,
  bufferId: number,
  prompt: FingerPrompt,
): Promise<ZfmResult<void>> {
  const placed = await promptAndPoll(ctx, 'waitingForFinger', 'presentFinger', prompt, true);
  if (!placed.ok) return placed;
  ctx.prompt('fingerDetected', prompt);
  const extracted = await retrying(ctx, () => ctx.driver.extractFeatures(bufferId));
  if (extracted.ok) ctx.captured();
  return extracted;
}

/** Asks for the finger to be lifted and waits until the sensor is clear. */
export function waitForLift(ctx: FlowContext, prompt: FingerPrompt): Promise<ZfmResult<void>> {
  return promptAndPoll(ctx, 'waitingForLift', 'liftFinger', prompt, false);
}
