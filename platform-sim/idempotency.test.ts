import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PlatformError,
  SubmissionBatchResponse,
  SubmissionResult,
  type RegisterResponse,
  type SubmissionItem,
} from '../contract/platform-api.js';
import type { PlatformStats } from './routes/control-routes.js';
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

async function batch(items: SubmissionItem[]) {
  const { statusCode, results } = await submitBatch(platform.app, kiosk, items);
  expect(statusCode).toBe(200);
  return results;
}

function single(item: SubmissionItem, key: string | null = item.idempotencyKey) {
  return signedInject(platform.app, kiosk, {
    method: 'POST',
    url: '/v1/requests',
    body: item,
    headers: key === null ? {} : { 'Idempotency-Key': key },
  });
}

async function stats(): Promise<PlatformStats> {
  return (await platform.app.inject('/_control/stats')).json() as PlatformStats;
}

function slowApply(stallMs = 300) {
  return platform.app.inject({
    method: 'POST',
    url: '/_control/faults',
    payload: { mode: 'slowApply', stallMs },
  });
}

describe('batch submissions: idempotency per item', () => {
  it('accepts new items with tracking numbers and replays the stored result for the same item', async () => {
    const items = [proofPrintedItem(kiosk.kioskId), proofPrintedItem(kiosk.kioskId)];
    const first = await batch(items);
    expect(first.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(first[0]!.trackingNumber).toMatch(/^PP-\d{8}-\d{8}$/);
    expect(first[0]!.trackingNumber).not.toBe(first[1]!.trackingNumber);
    expect(first.every((r) => !r.replayed)).toBe(true);

    // Same items, keys in another order inside the payload: still the same request.
    const reordered = items.map((item) => ({
      ...item,
      payload: Object.fromEntries(Object.entries(item.payload).reverse()),
    }));
    const again = await batch(reordered);
    expect(again).toEqual(first.map((r) => ({ ...r, replayed: true })));
    const s = await stats();
    expect(s).toMatchObject({ acceptedTotal: 2, duplicatesStored: 0, replays: 2 });
    expect(Object.values(s.acceptedByKey)).toEqual([1, 1]);
  });

  it('answers keyReused for the same key with a different body, and applies nothing', async () => {
    const item = proofPrintedItem(kiosk.kioskId);
    await batch([item]);
    const [changed] = await batch([{ ...item, payload: { ...item.payload, pages: 3 } }]);
    expect(changed).toMatchObject({ status: 'keyReused', replayed: false, errorCode: 'keyReused' });
    expect(await stats()).toMatchObject({ acceptedTotal: 1, keyReused: 1 });
  });

  it('applies a key once when two deliveries race: the second is told it is in flight', async () => {
    await slowApply();
    const item = proofPrintedItem(kiosk.kioskId);
    const [a, b] = await Promise.all([batch([item]), batch([item])]);
    expect([a[0]!.status, b[0]!.status].sort()).toEqual(['accepted', 'inFlight']);
    const [later] = await batch([item]);
    expect(later).toMatchObject({ status: 'accepted', replayed: true });
    expect(await stats()).toMatchObject({ acceptedTotal: 1, inFlight: 1, duplicatesStored: 0 });
  });

  it('answers each item on its own: a poisoned or malformed item never blocks the rest', async () => {
    const good = proofPrintedItem(kiosk.kioskId);
    const poison = proofPrintedItem(kiosk.kioskId, { payload: { poison: true } });
    const invalid = proofPrintedItem(kiosk.kioskId, { payload: { proofId: 'x' } });
    const malformed = {
      ...proofPrintedItem(kiosk.kioskId),
      kind: 'mortgage',
    } as unknown as SubmissionItem;
    const results = await batch([poison, invalid, malformed, good]);
    expect(results.map((r) => [r.status, r.errorCode])).toEqual([
      ['rejected', 'poisoned'],
      ['rejected', 'invalidPayload'],
      ['rejected', 'invalidItem'],
      ['accepted', undefined],
    ]);
    expect(results[1]!.message).toContain('payload.proofId');
    // A rejection is stored like an acceptance: the same item is answered the same way.
    const [again] = await batch([poison]);
    expect(again).toEqual({ ...results[0], replayed: true });
    expect(await stats()).toMatchObject({ acceptedTotal: 1, rejected: 3 });
  });

  it('refuses an idempotency key of another kiosk without recording it under that key', async () => {
    const foreign = proofPrintedItem('FS-OTHER-0001');
    const [result] = await batch([foreign]);
    expect(result).toMatchObject({ status: 'rejected', errorCode: 'foreignIdempotencyKey' });
    const other = await enrol(platform.app, 'FS-OTHER-0001');
    const own = await signedInject(platform.app, other, {
      method: 'POST',
      url: '/v1/requests/batch',
      body: { items: [foreign] },
    });
    expect(SubmissionBatchResponse.parse(own.json()).results[0]).toMatchObject({
      status: 'accepted',
    });
  });

  it('fails a batch only when an item has no usable key (there is no way to answer it)', async () => {
    const response = await signedInject(platform.app, kiosk, {
      method: 'POST',
      url: '/v1/requests/batch',
      body: { items: [{ ...proofPrintedItem(kiosk.kioskId), idempotencyKey: 'nope' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(PlatformError.parse(response.json()).error).toBe('invalidRequest');
  });
});

describe('single submissions: the Idempotency-Key header', () => {
  it('answers 201 with the result, and the stored response again on a replay', async () => {
    const item = proofPrintedItem(kiosk.kioskId);
    const first = await single(item);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const result = SubmissionResult.parse(first.json());
    expect(result).toMatchObject({ status: 'accepted', replayed: false });
    const again = await single(item);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    expect(await stats()).toMatchObject({ acceptedTotal: 1, replays: 1 });
  });

  it('answers 422 keyReused for the same key with a different body', async () => {
    const item = proofPrintedItem(kiosk.kioskId);
    await single(item);
    const changed = await single({ ...item, createdAt: '2026-11-23T02:00:01.000Z' });
    expect(changed.statusCode).toBe(422);
    expect(changed.json()).toMatchObject({ error: 'keyReused' });
  });

  it('answers 409 inFlight (Retry-After) while the first delivery is still being applied', async () => {
    await slowApply();
    const item = proofPrintedItem(kiosk.kioskId);
    const [a, b] = await Promise.all([single(item), single(item)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const conflict = a.statusCode === 409 ? a : b;
    expect(conflict.json()).toMatchObject({ error: 'inFlight' });
    expect(conflict.headers['retry-after']).toBe('1');
    expect((await stats()).acceptedTotal).toBe(1);
  });

  it('answers 400 without the header or with a header that differs from the body', async () => {
    const item = proofPrintedItem(kiosk.kioskId);
    const missing = await single(item, null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: 'missingIdempotencyKey' });
    const mismatch = await single(item, `${kiosk.kioskId}.01JD0000000000000000000000`);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({ error: 'idempotencyKeyMismatch' });
    expect((await stats()).acceptedTotal).toBe(0);
  });

  it('answers 422 for a rejected item, the same again on a replay', async () => {
    const poison = proofPrintedItem(kiosk.kioskId, { payload: { poison: true } });
    const first = await single(poison);
    expect(first.statusCode).toBe(422);
    expect(PlatformError.parse(first.json()).error).toBe('poisoned');
    const again = await single(poison);
    expect(again.statusCode).toBe(422);
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('shares one record with the batch endpoint: the same item is the same request', async () => {
    const item = proofPrintedItem(kiosk.kioskId);
    const [viaBatch] = await batch([item]);
    const viaSingle = await single(item);
    expect(viaSingle.statusCode).toBe(201);
    expect(viaSingle.json()).toEqual({ ...viaBatch, replayed: false });
    expect((await stats()).acceptedTotal).toBe(1);
  });
});
