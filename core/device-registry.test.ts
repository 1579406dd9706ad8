import type { DeviceStatusDelta } from '../contract/index.js';
import { DeviceStatusDelta as DeltaSchema } from '../contract/index.js';
import { describe, expect, it } from 'vitest';
import { DeviceRegistry } from './device-registry.js';

describe('DeviceRegistry', () => {
  it('publishes only changed fields, and reason: null when a reason disappears', () => {
    const deltas: DeviceStatusDelta[] = [];
    const registry = new DeviceRegistry((d) => deltas.push(d));
    registry.register({ id: 'printer', deviceClass: 'receiptPrinter', state: 'starting' });
    registry.update('printer', { state: 'userError', reason: 'paperOut', paper: 'out' });
    registry.update('printer', { state: 'userError', reason: 'paperOut', paper: 'out' });
    registry.update('printer', { state: 'online', paper: 'full' });
    expect(deltas.map((d) => d.changes)).toEqual([
      { state: 'userError', reason: 'paperOut', paper: 'out' },
      { state: 'online', paper: 'full', reason: null },
    ]);
    for (const delta of deltas) expect(DeltaSchema.safeParse(delta).success).toBe(true);
    expect(registry.list()).toEqual([
      { id: 'printer', deviceClass: 'receiptPrinter', state: 'online', paper: 'full' },
    ]);
  });
});
