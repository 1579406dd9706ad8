import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalogue, SubmissionBatchResponse } from '../contract/platform-api.js';
import type { PlatformStats } from './routes/control-routes.js';
import { itemFingerprint } from './submissions/canonical-json.js';
import {
  enrol,
  proofPrintedItem,
  signedInject,
  submitBatch,
  testPlatform,
  type TestPlatform,
} from './testing.js';

let platform: TestPlatform | undefined;
afterEach(() => platform?.close());

describe('persistence', () => {
  it('keeps kiosks, outcomes, sequences, catalogue, uploads and used codes across a restart', async () => {
    const first = testPlatform({ enrolmentCodes: ['ONE-TIME-CODE-1'] });
    const kiosk = await enrol(first.app, 'FS-CC-0042', 'ONE-TIME-CODE-1');
    const item = proofPrintedItem(kiosk.kioskId, { orderingKey: 'CASE-1', sequence: 1 });
    const batch = (app = first.app, items = [item]) =>
      signedInject(app, kiosk, { method: 'POST', url: '/v1/requests/batch', body: { items } });
    const [accepted] = SubmissionBatchResponse.parse((await batch()).json()).results;
    await first.app.inject({ method: 'POST', url: '/_control/catalogue', payload: {} });
    const upload = await signedInject(first.app, kiosk, {
      method: 'POST',
      url: '/v1/uploads',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '5' },
    });
    await first.close({ keepDir: true });

    // Another process on the same folder (a new proof-signing key does not matter here).
    platform = testPlatform({ dataDir: first.dataDir, enrolmentCodes: ['ONE-TIME-CODE-1'] });
    const app = platform.app;

    // The kiosk's secret still signs; the stored outcome comes back as a replay.
    const [replayed] = SubmissionBatchResponse.parse((await batch(app)).json()).results;
    expect(replayed).toEqual({ ...accepted, replayed: true });
    // The sequence went on from where it was.
    const next = proofPrintedItem(kiosk.kioskId, { orderingKey: 'CASE-1', sequence: 2 });
    expect(
      SubmissionBatchResponse.parse((await batch(app, [next])).json()).results[0]?.status,
    ).toBe('accepted');
    const stats = (await app.inject('/_control/stats')).json() as PlatformStats;
    expect(stats).toMatchObject({ acceptedTotal: 2, duplicatesStored: 0, replays: 1 });

    const catalogue = await signedInject(app, kiosk, { method: 'GET', url: '/v1/catalogue' });
    expect(Catalogue.parse(catalogue.json()).version).toBe(2);
    const head = await signedInject(app, kiosk, {
      method: 'HEAD',
      url: upload.headers.location as string,
      headers: { 'Tus-Resumable': '1.0.0' },
    });
    expect([head.statusCode, head.headers['upload-offset']]).toEqual([200, '0']);
    const reuse = await app.inject({
      method: 'POST',
      url: '/v1/kiosks/register',
      payload: { kioskId: 'FS-CC-0099', enrolmentCode: 'ONE-TIME-CODE-1' },
    });
    expect(reuse.json()).toMatchObject({ error: 'enrolmentCodeUsed' });
  });

  it('upgrades a version-1 database in place, so claim codes are stored and found', async () => {
    const first = testPlatform();
    const kiosk = await enrol(first.app, 'FS-CC-0042');
    const old = proofPrintedItem(kiosk.kioskId);
    const [accepted] = (await submitBatch(first.app, kiosk, [old])).results;
    await first.close({ keepDir: true });
    // What the platform before claim codes left: no claim_code column, user_version 1.
    const db = new Database(join(first.dataDir, 'platform.sqlite'));
    db.exec(`DROP INDEX accepted_by_claim_code;
      ALTER TABLE accepted_requests DROP COLUMN claim_code; PRAGMA user_version = 1`);
    db.close();

    platform = testPlatform({ dataDir: first.dataDir });
    const app = platform.app;
    // The old request is still there: its redelivery, now with a claim code, is a replay.
    const [replayed] = (await submitBatch(app, kiosk, [{ ...old, claimCode: 'C39G24GT' }])).results;
    expect(replayed).toEqual({ ...accepted, replayed: true });
    const [fresh] = (
      await submitBatch(app, kiosk, [proofPrintedItem(kiosk.kioskId, { claimCode: 'S3GGZ2KH' })])
    ).results;
    await platform.close({ keepDir: true });

    // And what was stored survives another restart.
    platform = testPlatform({ dataDir: first.dataDir });
    const found = async (code: string) =>
      (await platform!.app.inject(`/_control/claims/${kiosk.kioskId}/${code}`)).json() as {
        trackingNumber?: string;
      };
    expect((await found('s3gg-z2kh')).trackingNumber).toBe(fresh?.trackingNumber);
    expect((await found('C39G-24GT')).trackingNumber).toBe(accepted?.trackingNumber);
    const version = new Database(join(first.dataDir, 'platform.sqlite'), { readonly: true });
    expect(version.pragma('user_version', { simple: true })).toBe(2);
    version.close();
  });

  it('frees keys a crash left in flight, so their retry is applied', async () => {
    const first = testPlatform();
    const kiosk = await enrol(first.app, 'FS-CC-0042');
    await first.close({ keepDir: true });
    // What a process killed between claiming a key and committing its outcome leaves behind.
    const item = proofPrintedItem(kiosk.kioskId);
    const db = new Database(join(first.dataDir, 'platform.sqlite'));
    db.prepare(
      `INSERT INTO idempotency (idempotency_key, kiosk_id, body_hash, state, created_at)
       VALUES (?, ?, ?, 'inFlight', ?)`,
    ).run(item.idempotencyKey, kiosk.kioskId, itemFingerprint(item), new Date().toISOString());
    db.close();

    platform = testPlatform({ dataDir: first.dataDir });
    const response = await signedInject(platform.app, kiosk, {
      method: 'POST',
      url: '/v1/requests/batch',
      body: { items: [item] },
    });
    expect(SubmissionBatchResponse.parse(response.json()).results[0]).toMatchObject({
      status: 'accepted',
      replayed: false,
    });
  });
});
