import { readFile } from 'node:fs/promises';
import { sleep } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { runControlAction } from './simulated-device.js';
import type { SimulatedDevice } from './simulated-device.js';

/** One timed step of a scenario: after `afterMs` from the previous step, run an action. */
export interface ScenarioStep {
  /** Delay after the previous step, in ms. */
  readonly afterMs: number;
  /** Action name, e.g. "card", "fault", "paper", "scan". */
  readonly action: string;
  /** HTTP-style method of the action; default POST. */
  readonly method: 'POST' | 'DELETE';
  /** The action's JSON body, e.g. {"fault": "garbage"}. */
  readonly body?: unknown;
}

/** Checks a parsed scenario file: `{"steps": [{"afterMs": 0, "action": "card"}, …]}`. */
export function parseScenario(json: unknown): ScenarioStep[] {
  const steps = (json as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps) || steps.length > 10_000)
    throw new Error('a scenario is {"steps": [ … ]} with at most 10000 steps');
  return steps.map((raw: unknown, i) => {
    const step = raw as Partial<Record<keyof ScenarioStep, unknown>> | null;
    const afterMs = step?.afterMs ?? 0;
    const method = step?.method ?? 'POST';
    if (typeof afterMs !== 'number' || !(afterMs >= 0) || afterMs > 86_400_000)
      throw new Error(`step ${i}: afterMs must be 0..86400000`);
    if (typeof step?.action !== 'string' || step.action === '')
      throw new Error(`step ${i}: action must be a name`);
    if (method !== 'POST' && method !== 'DELETE')
      throw new Error(`step ${i}: method must be POST or DELETE`);
    return {
      afterMs,
      action: step.action,
      method,
      ...(step.body !== undefined ? { body: step.body } : {}),
    };
  });
}

/** Reads and checks a scenario file. */
export async function readScenarioFile(path: string): Promise<ScenarioStep[]> {
  return parseScenario(JSON.parse(await readFile(path, 'utf8')) as unknown);
}

/**
 * Plays the steps against `device` in order; a failing step is reported to `onStep` and the
 * scenario goes on (a technician's script should show every problem, not stop at the first).
 */
export async function playScenario(
  device: SimulatedDevice,
  steps: readonly ScenarioStep[],
  timers: Timers,
  onStep: (index: number, outcome: unknown) => void,
): Promise<void> {
  for (const [index, step] of steps.entries()) {
    if (step.afterMs > 0) await sleep(timers, step.afterMs);
    try {
      onStep(index, runControlAction(device, step.action, step.method, step.body));
    } catch (error) {
      onStep(index, { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
