import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisterResponse, SubmissionItem } from '../contract/platform-api.js';
import type { PlatformStats } from './routes/control-routes.js';
import {
  enrol,
  enrolledPlatform,
  proofPrintedItem,
  submitBatch,
  type TestPlatform,
} from './testing.js';

/** Claim codes a kiosk made (see contract/claim-code.fuzz.test.ts). */
const CODE = 'S3GGZ2KH';
const OTHER_CODE = 'C39G24GT';

let platform: TestPlatform;
let kiosk: RegisterResponse;
beforeEach(async () => ({ platform, kiosk } = await enrolledPlatform()));
afterEach(() => platform.close());

async function submit(items: SubmissionItem[]) {
  const { statusCode, results } = await submitBatch(platform.app, kiosk, items);
  expect(statusCode).toBe(200);
  return results;
}

async function lookUp(typed: string, kioskId = kiosk.kioskId) {
  const response = await platform.app.inject({
    method: 'GET',
    url: `/_control/claims/${encodeURIComponent(kioskId)}/${encodeURIComponent(typed)}`,
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

async function stats(): Promise<PlatformStats> {
  return (await platform.app.inject('/_control/stats')).json() as PlatformStats;
}

describe('counter staff find a request by the claim code on the ticket', () => {
  it('finds it as printed, without the dash, in lower case — with the tracking number and no personal data', async () => {
    const item = proofPrintedItem(kiosk.kioskId, { claimCode: CODE });
    const [result] = await submit([
      item,
      proofPrintedItem(kiosk.kioskId, { claimCode: OTHER_CODE }),
    ]);
    expect(result?.status).toBe('accepted');
    const expected = {
      kioskId: kiosk.kioskId,
      claimCode: CODE,
      idempotencyKey: item.idempotencyKey,
      kind: 'proofPrinted',
      trackingNumber: result?.trackingNumber,
      acceptedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      createdAt: item.createdAt,
    };
    for (const typed of ['S3GG-Z2KH', 'S3GGZ2KH', 's3gg-z2kh', 's3ggz2kh', ' S3GG Z2KH ']) {
      expect(await lookUp(typed), typed).toEqual({ status: 200, body: expected });
    }
    expect((await lookUp(OTHER_CODE)).body['idempotencyKey']).not.toBe(item.idempotencyKey);
  });

  it('answers 404 noSuchClaim for a code that has not arrived, or came from another kiosk', async () => {
    await submit([proofPrintedItem(kiosk.kioskId, { claimCode: CODE })]);
    expect(await lookUp(OTHER_CODE)).toMatchObject({ status: 404, body: { error: 'noSuchClaim' } });
    const other = await enrol(platform.app, 'FS-CC-0043');
    expect(await lookUp(CODE, other.kioskId)).toMatchObject({
      status: 404,
      body: { error: 'noSuchClaim' },
    });
  });

  it('answers 400 for a mistyped code (its check character fails) and a malformed kiosk id', async () => {
    await submit([proofPrintedItem(kiosk.kioskId, { claimCode: CODE })]);
    for (const typed of ['S3GG-Z2KJ', 'S3GGZ2K', 'S3GGZ2KHX', 'S3GG_Z2KH']) {
      expect(await lookUp(typed), typed).toMatchObject({
        status: 400,
        body: { error: 'invalidClaimCode' },
      });
    }
    expect(await lookUp(CODE, 'FS CC 0042')).toMatchObject({
      status: 400,
      body: { error: 'invalidKioskId' },
    });
  });

  it('keeps one claim when a delivery is replayed', async () => {
    const item = proofPrintedItem(kiosk.kioskId, { claimCode: CODE });
    const [first] = await submit([item]);
    const [again] = await submit([item]);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await stats()).toMatchObject({
      acceptedTotal: 1,
      acceptedByKey: { [item.idempotencyKey]: 1 },
      replays: 1,
    });
    expect((await lookUp(CODE)).body['trackingNumber']).toBe(first?.trackingNumber);
    const [changed] = await submit([{ ...item, claimCode: OTHER_CODE }]);
    expect(changed?.status).toBe('keyReused');
    expect((await lookUp(OTHER_CODE)).status).toBe(404);
  });

  it('still accepts items without a claim code (older kiosks)', async () => {
    const [result] = await submit([proofPrintedItem(kiosk.kioskId)]);
    expect(result).toMatchObject({ status: 'accepted', replayed: false });
    expect((await lookUp(CODE)).status).toBe(404);
  });

  it('refuses a claim code that is not canonical in an item (the kiosk sends it as stored)', async () => {
    const [result] = await submit([proofPrintedItem(kiosk.kioskId, { claimCode: 'S3GG-Z2KH' })]);
    expect(result).toMatchObject({ status: 'rejected', errorCode: 'invalidItem' });
  });

  it('takes a redelivery that only adds the claim code (kiosk updated meanwhile) as the same request', async () => {
    const legacy = proofPrintedItem(kiosk.kioskId);
    const [first] = await submit([legacy]);
    const [again] = await submit([{ ...legacy, claimCode: CODE }]);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await lookUp(CODE)).toMatchObject({
      status: 200,
      body: { idempotencyKey: legacy.idempotencyKey, trackingNumber: first?.trackingNumber },
    });
    expect((await stats()).acceptedByKey).toEqual({ [legacy.idempotencyKey]: 1 });
    // Another claim code for the same key is another body.
    const [changed] = await submit([{ ...legacy, claimCode: OTHER_CODE }]);
    expect(changed?.status).toBe('keyReused');
    // And the item as first sent is still the same request.
    expect((await submit([legacy]))[0]).toEqual({ ...first, replayed: true });
  });
});
