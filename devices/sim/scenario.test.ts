import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../testing/manual-timers.js';
import { idCardSimDevice } from './idcard-sim-device.js';
import { parseScenario, playScenario } from './scenario.js';

describe('simulator scenarios', () => {
  it('plays timed steps through the same actions as the control API, reporting bad steps', async () => {
    const device = idCardSimDevice(0);
    const timers = new ManualTimers();
    const steps = parseScenario({
      steps: [
        { action: 'card' },
        { afterMs: 1000, action: 'fault', body: { fault: 'garbage' } },
        { afterMs: 500, action: 'fault', body: { fault: 'melt' } },
        { afterMs: 500, action: 'card', method: 'DELETE' },
      ],
    });
    const outcomes: unknown[] = [];
    const done = playScenario(device, steps, timers, (_i, outcome) => outcomes.push(outcome));
    await timers.advance(0);
    expect(device.status()).toMatchObject({ cardPresent: true, fault: null });
    await timers.advance(1000);
    expect(device.status()).toMatchObject({ fault: 'garbage' });
    await timers.advance(1000);
    await done;
    expect(device.status()).toMatchObject({ cardPresent: false, fault: 'garbage' });
    expect(outcomes[2]).toMatchObject({ error: expect.stringContaining('one of: noCard') });
  });

  it('rejects a malformed scenario with the step that is wrong', () => {
    expect(() => parseScenario({ steps: [{ action: 'card', afterMs: -1 }] })).toThrow(/step 0/);
    expect(() => parseScenario({ steps: [{}] })).toThrow(/action/);
    expect(() => parseScenario([])).toThrow(/steps/);
  });
});
