import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SubmissionBatchResponse,
  type RegisterResponse,
  type SubmissionItem,
} from '../contract/platform-api.js';
import {
  enrol,
  enrolledPlatform,
  proofPrintedItem,
  signedInject,
  submitBatch,
  type TestPlatform,
} from './testing.js';

let platform: TestPlatform;
let kiosk: RegisterResponse;
beforeEach(async () => ({ platform, kiosk } = await enrolledPlatform()));
afterEach(() => platform.close());

async function batch(items: SubmissionItem[], as = kiosk) {
  const { results } = await submitBatch(platform.app, as, items);
  return results.map((r) => r.errorCode ?? r.status);
}

function step(sequence: number, orderingKey = 'CASE-1', overrides: Partial<SubmissionItem> = {}) {
  return proofPrintedItem(kiosk.kioskId, { orderingKey, sequence, ...overrides });
}

describe('ordering groups', () => {
  it('applies a group in sequence order and holds back an item that comes early', async () => {
    const [one, two, three] = [step(1), step(2), step(3)];
    expect(await batch([one!, three!])).toEqual(['accepted', 'outOfOrder']);
    expect(await batch([two!])).toEqual(['accepted']);
    // Held back means not applied: the same item now goes through.
    expect(await batch([three!])).toEqual(['accepted']);
  });

  it('applies a whole group sent in order in one batch, and another group independently', async () => {
    expect(await batch([step(1), step(2), step(1, 'CASE-2'), step(3), step(2, 'CASE-2')])).toEqual(
      Array(5).fill('accepted'),
    );
  });

  it('treats a repeat of an applied item as a replay, and a new item on a used sequence as rejected', async () => {
    const one = step(1);
    await batch([one, step(2)]);
    const response = await signedInject(platform.app, kiosk, {
      method: 'POST',
      url: '/v1/requests/batch',
      body: { items: [one] },
    });
    expect(SubmissionBatchResponse.parse(response.json()).results[0]).toMatchObject({
      status: 'accepted',
      replayed: true,
    });
    expect(await batch([step(2)])).toEqual(['sequenceReused']);
  });

  it('lets the group go on past a poisoned item (its rejection uses up its sequence)', async () => {
    const poisoned = step(2, 'CASE-1', { payload: { poison: true } });
    expect(await batch([step(1), poisoned, step(3)])).toEqual(['accepted', 'poisoned', 'accepted']);
  });

  it('rejects half an ordering (a key without a sequence)', async () => {
    expect(await batch([proofPrintedItem(kiosk.kioskId, { orderingKey: 'CASE-1' })])).toEqual([
      'invalidOrdering',
    ]);
  });

  it('keeps each kiosk its own groups', async () => {
    const other = await enrol(platform.app, 'FS-CC-0043');
    await batch([step(1)]);
    expect(
      await batch([proofPrintedItem(other.kioskId, { orderingKey: 'CASE-1', sequence: 1 })], other),
    ).toEqual(['accepted']);
  });
});
