import type { DeviceError, DeviceStatus } from '../../contract/index.js';
import { describe, expect, it } from 'vitest';
import { StatusTracker } from './status-tracker.js';

function tracker() {
  const statuses: DeviceStatus[] = [];
  const errors: DeviceError[] = [];
  const t = new StatusTracker(
    { id: 'receiptPrinter', deviceClass: 'receiptPrinter', state: 'starting' },
    { status: (s) => statuses.push(s), error: (e) => errors.push(e) },
  );
  return { t, statuses, errors };
}

const clear = { kind: 'user', action: 'clear', description: 'paper low' } as const;

describe('StatusTracker', () => {
  it('publishes class fields and drops the reason when back online', () => {
    const { t, statuses } = tracker();
    t.problem('userError', 'paperOut', clear);
    t.update({ paper: 'out' });
    t.online({ paper: 'full' });
    expect(statuses.at(-1)).toEqual({
      id: 'receiptPrinter',
      deviceClass: 'receiptPrinter',
      state: 'online',
      paper: 'full',
    });
  });

  it('publishes nothing when nothing changed', () => {
    const { t, statuses } = tracker();
    t.online({ paper: 'full' });
    t.online({ paper: 'full' });
    expect(statuses).toHaveLength(1);
  });

  it('raises a notice (paper low) once while the device stays online, again after it cleared', () => {
    const { t, errors, statuses } = tracker();
    t.online();
    t.notice('paperLow', clear);
    t.notice('paperLow', clear);
    expect(errors.map((e) => e.errorCode)).toEqual(['paperLow']);
    expect(statuses.at(-1)?.state).toBe('online');
    t.clearNotice('paperLow');
    t.notice('paperLow', clear);
    expect(errors).toHaveLength(2);
  });
});
