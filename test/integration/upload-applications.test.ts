import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionBatch, SubmissionItem } from '../../contract/platform-api.js';
import { parseConfig } from '../../core/config.js';
import { createLogger } from '../../core/log.js';
import { httpSubmissionTransport } from '../../core/sync/http-submission-transport.js';
import { createSync, waitForConfirmation } from '../../core/sync/sync-wiring.js';
import {
  startUploadPlatform,
  type ObservedHttp,
  type UploadPlatform,
  type UploadStats,
} from '../../core/sync/test-upload-platform.js';
import type { UploadReport } from '../../core/sync/tus-upload.js';
import { FileKeyProvider } from '../../offline-cache/crypto/file-key-provider.js';
import { StaticKeyProvider } from '../../offline-cache/crypto/key-provider.js';
import { openKioskDatabase, type KioskDatabase } from '../../offline-cache/database.js';
import { KIOSK_MIGRATIONS } from '../../offline-cache/migrations/index.js';
import type { NewRequest } from '../../offline-cache/outbox/outbox-types.js';
import { Outbox } from '../../offline-cache/outbox/outbox.js';
import { SyncRelay } from '../../offline-cache/sync/sync-relay.js';
import { drainRelay, proofPrintedRequest } from '../support/sync-kiosk.js';

/**
 * Document applications through the whole sync path — outbox, relay, HTTP transport, tus uploads —
 * against the reference platform over real HTTP: uploaded and accepted exactly once, resumed
 * after a cut rather than sent again, refused documents dead-letter only their own application,
 * and every delivery of an item carries the same body.
 */

const MiB = 1024 * 1024;
const LIMIT = 3 * MiB;
/** Sizes of the three documents of an application: 2.75 MiB in all, one over a chunk. */
const THREE = [0.75 * MiB, 1.5 * MiB, 0.5 * MiB];
/** A queued application as the core stores it: applicant and matter (documents beside it). */
const APPLICATION: NewRequest = {
  kind: 'documentApplication',
  payload: {
    applicant: { name: '陈嘉欣', idNumber: '440604199203150027' },
    matter: 'HUKOU-TRANSFER',
  },
};
/** A scanned document of a test application: its bytes (default: `size` random bytes) and kind. */
interface ScannedDocument {
  /** The document's bytes. */
  bytes?: Buffer;
  /** Random bytes to make when `bytes` is absent (default 1). */
  size?: number;
  /** Media type (default PDF). */
  contentType?: 'application/pdf' | 'image/jpeg' | 'image/png';
  /** Pages (default 1). */
  pages?: number;
}
/**
 * The application with its documents, as the outbox stores them (sealed, in the `materials` table);
 * the transport reads them back through `outbox.materials`, the real MaterialStore.
 */
function applicationRequest(
  documents: readonly (ScannedDocument & { bytes: Buffer })[],
): NewRequest {
  return {
    ...APPLICATION,
    materials: documents.map((d) => ({
      contentType: d.contentType ?? 'application/pdf',
      pages: d.pages ?? 1,
      data: d.bytes,
    })),
  };
}
const dir = mkdtempSync(join(tmpdir(), 'upload-applications-'));
let sim: UploadPlatform;
let kiosks = 0;
const databases: { close: () => void }[] = [];

beforeAll(async () => {
  sim = await startUploadPlatform({ maxUploadBytes: LIMIT });
});
afterAll(async () => {
  for (const db of databases) db.close();
  await sim.platform.close();
  rmSync(dir, { recursive: true, force: true });
});

const stats = async () => (await sim.control('GET', '/_control/stats')) as UploadStats;

/** A fresh kiosk: its own database and documents, the relay over the HTTP transport with uploads. */
async function kiosk(options: { submitTimeoutMs?: number } = {}) {
  kiosks++;
  const kioskId = `UPLOAD-${kiosks}`;
  const db = openKioskDatabase(join(dir, `${kioskId}.sqlite`), KIOSK_MIGRATIONS);
  databases.push(db);
  const outbox = new Outbox(db, { kioskId, keys: new StaticKeyProvider(randomBytes(32)) });
  const { http } = await sim.kiosk(kioskId, { timeoutMs: 5_000 });
  const reports: UploadReport[] = [];
  const relay = new SyncRelay({
    outbox,
    transport: httpSubmissionTransport(http, {
      materials: outbox.materials,
      upload: { chunkBytes: MiB },
      onUpload: (report) => reports.push(report),
    }),
    batchSize: 10,
    submitTimeoutMs: options.submitTimeoutMs ?? 10_000,
    backoff: { baseMs: 50, capMs: 200 },
  });
  const deadLettered: { idempotencyKey: string; errorCode: string }[] = [];
  relay.on('deadLettered', (event) => deadLettered.push(event));
  const application = (documents: readonly ScannedDocument[]) => {
    const withBytes = documents.map((d) => ({ ...d, bytes: d.bytes ?? randomBytes(d.size ?? 1) }));
    const queued = outbox.enqueue(applicationRequest(withBytes));
    if (!queued.ok) throw new Error(queued.code);
    return {
      key: queued.idempotencyKey,
      /** The documents as the store holds them, in position order. */
      materials: outbox.materials.forRequest(queued.idempotencyKey),
      /** The scanned bytes, in position order (what the platform must end up holding). */
      scans: withBytes.map((d) => d.bytes),
    };
  };
  const proof = (n: number) => {
    const queued = outbox.enqueue(proofPrintedRequest(n, String(kiosks).padStart(4, '0')));
    if (!queued.ok) throw new Error(queued.code);
    return queued.idempotencyKey;
  };
  const drained = async () => {
    await drainRelay(relay, outbox);
  };
  return { db, http, outbox, relay, reports, deadLettered, application, proof, drained };
}

/** Every item of every batch POST, as sent. */
function sentItems(http: ObservedHttp): { item: SubmissionItem; raw: string }[] {
  return http.calls
    .filter((call) => call.method === 'POST' && call.path === '/v1/requests/batch')
    .flatMap((call) => (JSON.parse(call.body!.toString('utf8')) as SubmissionBatch).items)
    .map((item) => ({ item, raw: JSON.stringify(item) }));
}

/** Arms `fault` right before the `nth` PATCH (1-based) this kiosk sends. */
function faultOnPatch(http: ObservedHttp, nth: number, fault: object): void {
  let patches = 0;
  http.before = async (call) => {
    if (call.method === 'PATCH' && ++patches === nth) {
      await sim.control('POST', '/_control/faults', { path: '/v1/uploads/', ...fault });
    }
  };
}

/** Sets a document's bytes aside as the purge does (the row stays, its bytes are gone). */
function purgeMaterial(db: KioskDatabase, materialId: number): void {
  db.prepare('UPDATE materials SET data = NULL, purged_at = ? WHERE material_id = ?').run(
    new Date().toISOString(),
    materialId,
  );
}

/** Every document recorded uploaded in the kiosk's store, and the platform holds its scan exactly. */
async function expectStoredAsSent(outbox: Outbox, key: string, scans: readonly Buffer[]) {
  const materials = outbox.materials.forRequest(key);
  expect(materials).toHaveLength(scans.length);
  for (const [i, material] of materials.entries()) {
    expect(material.uploaded).toBe(true);
    const stored = await sim.storedBytes(material.uploadUrl!);
    expect(stored.equals(scans[i]!)).toBe(true);
    expect(outbox.materials.read(material.materialId)?.equals(scans[i]!)).toBe(true);
  }
}

describe('document applications with uploads, over real HTTP', () => {
  it('a 3-document application is uploaded and accepted exactly once, with its documents in order', async () => {
    const k = await kiosk();
    const before = await stats();
    const app = k.application(
      THREE.map((size, i) => ({ size, pages: i + 1, contentType: 'image/jpeg' })),
    );
    const proofs = [k.proof(1), k.proof(2)];
    await k.drained();

    const after = await stats();
    expect(after.uploads.created - before.uploads.created).toBe(3);
    expect(after.uploads.completed - before.uploads.completed).toBe(3);
    expect(after.acceptedTotal - before.acceptedTotal).toBe(3);
    for (const key of [app.key, ...proofs]) expect(after.acceptedByKey[key]).toBe(1);
    expect(k.outbox.get(app.key)?.status).toBe('confirmed');
    await expectStoredAsSent(k.outbox, app.key, app.scans);
    const sent = sentItems(k.http).find((s) => s.item.idempotencyKey === app.key)!;
    expect(sent.item.payload['documents']).toEqual(
      k.outbox.materials.forRequest(app.key).map((m, i) => ({
        uploadUrl: m.uploadUrl,
        contentType: 'image/jpeg',
        pages: i + 1,
      })),
    );
    expect(k.http.patchedBytes()).toBe(THREE.reduce((a, b) => a + b));
  });

  it.each([
    ['connection reset', { mode: 'reset' }, {}],
    ['stall past the relay timeout', { mode: 'stall', stallMs: 5_000 }, { submitTimeoutMs: 1_500 }],
  ] as const)(
    '%s in the middle of a document: the next attempt resumes from the HEAD offset',
    async (_name, fault, options) => {
      const k = await kiosk(options);
      const before = await stats();
      const app = k.application(THREE.map((size) => ({ size })));
      // PATCHes: document 1 → #1; document 2 → #2 (1 MiB), #3 (cut), …
      faultOnPatch(k.http, 3, fault);
      await k.drained();

      const second = k.reports.filter((r) => r.position === 2);
      expect(second.map((r) => r.outcome)).toEqual(['retryable', 'uploaded']);
      expect(second[1]).toMatchObject({
        resumedFrom: MiB,
        bytesSent: 0.5 * MiB,
        uploadsCreated: 0,
      });
      // Everything once, plus the one chunk that was cut off — never a document from 0 again.
      expect(k.http.patchedBytes()).toBe(THREE.reduce((a, b) => a + b) + 0.5 * MiB);
      const after = await stats();
      expect(after.uploads.created - before.uploads.created).toBe(3);
      expect(after.faultsFired).toBeGreaterThan(before.faultsFired);
      expect(after.acceptedByKey[app.key]).toBe(1);
      await expectStoredAsSent(k.outbox, app.key, app.scans);
    },
  );

  it('an upload the platform lost (404) is made again from the start', async () => {
    const k = await kiosk();
    const before = await stats();
    const lost = '/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA';
    const app = k.application([{ size: 0.5 * MiB }, { size: 1.2 * MiB }]);
    // As if an earlier attempt had created the upload and the platform then lost it.
    k.outbox.materials.recordUploadUrl(app.materials[0]!.materialId, lost);
    expect(k.outbox.materials.forRequest(app.key)[0]).toMatchObject({
      uploadUrl: lost,
      uploaded: false,
    });
    await k.drained();
    // It asked after the recorded upload first, then forgot it and made a new one.
    expect(k.http.calls[0]).toMatchObject({ method: 'HEAD', path: lost });
    const first = k.outbox.materials.forRequest(app.key)[0]!;
    expect(first.uploadUrl).toBeDefined();
    expect(first.uploadUrl).not.toBe(lost);
    expect(first.uploaded).toBe(true);
    const after = await stats();
    expect(after.uploads.created - before.uploads.created).toBe(2);
    expect(after.acceptedByKey[app.key]).toBe(1);
    await expectStoredAsSent(k.outbox, app.key, app.scans);
  });

  it('refused or purged documents dead-letter only their own application; the rest is accepted', async () => {
    const k = await kiosk();
    const tooLarge = k.application([{ size: 1000 }, { size: LIMIT + 1 }]);
    const purged = k.application([{ size: 1000 }]);
    purgeMaterial(k.db, purged.materials[0]!.materialId);
    expect(k.outbox.materials.read(purged.materials[0]!.materialId)).toBeUndefined();
    const good = k.application([{ size: 1.5 * MiB }]);
    const proof = k.proof(1);
    await k.drained();

    expect(k.deadLettered).toEqual([
      expect.objectContaining({ idempotencyKey: tooLarge.key, errorCode: 'uploadRefused' }),
      expect.objectContaining({ idempotencyKey: purged.key, errorCode: 'materialsMissing' }),
    ]);
    const after = await stats();
    expect(after.acceptedByKey[good.key]).toBe(1);
    expect(after.acceptedByKey[proof]).toBe(1);
    expect(after.acceptedByKey[tooLarge.key]).toBeUndefined();
    expect(k.outbox.get(tooLarge.key)?.status).toBe('deadLettered');
    // One batch, answered by the kiosk for the refused ones and by the platform for the rest.
    const posts = k.http.calls.filter((c) => c.path === '/v1/requests/batch');
    expect(posts).toHaveLength(1);
    expect(sentItems(k.http).map((s) => s.item.idempotencyKey)).toEqual([good.key, proof]);
  });

  it('an answer lost after the platform stored the batch: the redelivery is byte-identical, a replay', async () => {
    const k = await kiosk();
    const before = await stats();
    const app = k.application(THREE.map((size) => ({ size })));
    let batches = 0;
    k.http.before = async (call) => {
      if (call.path === '/v1/requests/batch' && ++batches === 1) {
        await sim.control('POST', '/_control/faults', {
          mode: 'commitThenDrop',
          path: '/v1/requests/batch',
        });
      }
    };
    await k.drained();

    const deliveries = sentItems(k.http).filter((s) => s.item.idempotencyKey === app.key);
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    expect(new Set(deliveries.map((d) => d.raw)).size).toBe(1);
    const after = await stats();
    expect(after.keyReused - before.keyReused).toBe(0);
    expect(after.replays - before.replays).toBeGreaterThanOrEqual(1);
    expect(after.acceptedByKey[app.key]).toBe(1);
    expect(after.uploads.created - before.uploads.created).toBe(3);
  });

  it('waitForConfirmation: confirmed when the relay confirms the key, pending on timeout', async () => {
    const k = await kiosk();
    const app = k.application([{ size: 2000 }]);
    const offline = k.proof(1);
    expect(await waitForConfirmation(k.relay, k.outbox, offline, 50)).toBe('pending');
    const waiting = waitForConfirmation(k.relay, k.outbox, app.key, 10_000);
    await k.drained();
    expect(await waiting).toBe('confirmed');
  });

  it('createSync: an application queued before the start is uploaded and confirmed; enqueue answers', async () => {
    kiosks++;
    const kioskId = `UPLOAD-${kiosks}`;
    const dataDir = join(dir, kioskId);
    const config = parseConfig({ kioskId, dataDir, sync: { batchSize: 5 } });
    const db = openKioskDatabase(join(dir, `${kioskId}.sqlite`), KIOSK_MIGRATIONS);
    databases.push(db);
    const { http } = await sim.kiosk(kioskId);
    // Queued (with its documents) by an earlier run of the core, under the same key file.
    const earlier = new Outbox(db, {
      kioskId,
      keys: new FileKeyProvider(join(dataDir, 'keys', 'outbox.key')),
    });
    const scan = [{ bytes: randomBytes(1.2 * MiB) }];
    const queued = earlier.enqueue(applicationRequest(scan));
    if (!queued.ok) throw new Error(queued.code);

    const sync = createSync(
      config,
      db,
      http,
      { appVersion: 'test', devices: () => ({ devices: [], counters: [] }) },
      createLogger('silent'),
      () => {},
      { materials: (outbox) => outbox.materials },
    );
    expect(await sync.waitForConfirmation(queued.idempotencyKey, 10_000)).toBe('confirmed');
    // This run opened the earlier run's sealed documents and recorded their upload in the database.
    await expectStoredAsSent(
      earlier,
      queued.idempotencyKey,
      scan.map((d) => d.bytes),
    );
    const proof = sync.enqueue(proofPrintedRequest(1, '9999'));
    expect(proof).toMatchObject({ ok: true, idempotencyKey: expect.stringMatching(/^UPLOAD-/) });
    if (!proof.ok) return;
    expect(await sync.waitForConfirmation(proof.idempotencyKey, 10_000)).toBe('confirmed');
    // Already confirmed: answered at once.
    expect(await sync.waitForConfirmation(proof.idempotencyKey, 0)).toBe('confirmed');
    expect(sync.submit(proofPrintedRequest(2, '9999'))).toBe(true);
    await sync.close();
    const after = await stats();
    expect(after.acceptedByKey[queued.idempotencyKey]).toBe(1);
    expect(after.acceptedByKey[proof.idempotencyKey]).toBe(1);
  });

  it("createSync with the outbox's own material store: enqueue with documents, uploaded, confirmed", async () => {
    kiosks++;
    const kioskId = `UPLOAD-${kiosks}`;
    const dataDir = join(dir, kioskId);
    const config = parseConfig({ kioskId, dataDir });
    const db = openKioskDatabase(join(dir, `${kioskId}.sqlite`), KIOSK_MIGRATIONS);
    databases.push(db);
    const { http } = await sim.kiosk(kioskId);
    const sync = createSync(
      config,
      db,
      http,
      { appVersion: 'test', devices: () => ({ devices: [], counters: [] }) },
      createLogger('silent'),
      () => {},
      { materials: (outbox) => outbox.materials },
    );
    const scans = THREE.map((size) => randomBytes(size));
    const queued = sync.enqueue({
      ...APPLICATION,
      materials: scans.map((data, i) => ({ contentType: 'image/png', pages: i + 1, data })),
    });
    if (!queued.ok) throw new Error(queued.code);
    expect(await sync.waitForConfirmation(queued.idempotencyKey, 10_000)).toBe('confirmed');
    await sync.close();
    const sent = sentItems(http).find((s) => s.item.idempotencyKey === queued.idempotencyKey)!;
    const documents = sent.item.payload['documents'] as { uploadUrl: string; pages: number }[];
    expect(documents.map((d) => d.pages)).toEqual([1, 2, 3]);
    for (const [i, document] of documents.entries()) {
      expect((await sim.storedBytes(document.uploadUrl)).equals(scans[i]!)).toBe(true);
    }
    expect((await stats()).acceptedByKey[queued.idempotencyKey]).toBe(1);
  });
});
