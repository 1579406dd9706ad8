import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformHttp } from '../platform-http.js';
import { MemoryMaterialSource } from './test-material-source.js';
import {
  startUploadPlatform,
  type ObservedHttp,
  type UploadPlatform,
} from './test-upload-platform.js';
import { uploadMaterial, type TusUploadOptions } from './tus-upload.js';

/**
 * One document's tus upload against the reference platform over real HTTP: in chunks, resumed
 * from the platform's offset after a cut, made again when the platform lost it, and refused with a
 * clear, typed reason when it can never be taken.
 */

const MiB = 1024 * 1024;
const LIMIT = 3 * MiB;
let sim: UploadPlatform;
let kiosks = 0;

beforeAll(async () => {
  sim = await startUploadPlatform({ maxUploadBytes: LIMIT });
});
afterAll(() => sim.platform.close());

async function setup(size: number, extra: { uploadUrl?: string } = {}) {
  kiosks++;
  const { http } = await sim.kiosk(`TUS-${kiosks}`, { timeoutMs: 2_000 });
  const source = new MemoryMaterialSource();
  const [material] = source.add(`TUS-${kiosks}.01JABCDEFGHJKMNPQRSTVWXYZ0`, [{ size, ...extra }]);
  const upload = (options: TusUploadOptions = {}, signal = new AbortController().signal) =>
    uploadMaterial(http, source, source.get(material!.materialId), signal, {
      chunkBytes: MiB,
      ...options,
    });
  return { http, source, id: material!.materialId, upload };
}

const stats = async () =>
  (await sim.control('GET', '/_control/stats')) as {
    uploads: { created: number; completed: number };
  };

/** Arms `fault` right before the `nth` PATCH (1-based) of this kiosk's uploads. */
function faultOnPatch(http: ObservedHttp, nth: number, fault: object): void {
  let patches = 0;
  http.before = async (call) => {
    if (call.method === 'PATCH' && ++patches === nth) {
      await sim.control('POST', '/_control/faults', { path: '/v1/uploads/', ...fault });
    }
  };
}

describe('tus upload of one document', () => {
  it('creates, records the URL before the first byte, sends 1 MiB chunks and completes', async () => {
    const { http, source, id, upload } = await setup(2.5 * MiB);
    const before = await stats();
    const result = await upload();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report).toMatchObject({ outcome: 'uploaded', uploadsCreated: 1 });
    expect(result.report.bytesSent).toBe(2.5 * MiB);
    expect(http.calls.map((c) => c.method)).toEqual(['POST', 'PATCH', 'PATCH', 'PATCH']);
    expect(http.calls.filter((c) => c.method === 'PATCH').map((c) => c.body!.length)).toEqual([
      MiB,
      MiB,
      MiB / 2,
    ]);
    expect(source.calls.map((c) => c.call)).toEqual(['recordUploadUrl', 'recordUploaded']);
    expect(source.get(id)).toMatchObject({ uploadUrl: result.uploadUrl, uploaded: true });
    expect((await sim.storedBytes(result.uploadUrl)).equals(source.bytesOf(id))).toBe(true);
    const after = await stats();
    expect(after.uploads.created - before.uploads.created).toBe(1);
    expect(after.uploads.completed - before.uploads.completed).toBe(1);
  });

  it('stopped after the first chunk: the next attempt resumes from the offset HEAD reports', async () => {
    const { http, source, id, upload } = await setup(2.5 * MiB);
    const stop = new AbortController();
    const first = await upload(
      { onProgress: ({ offset }) => offset >= MiB && stop.abort() },
      stop.signal,
    );
    expect(first.ok).toBe(false);
    expect(!first.ok && first.failure.kind).toBe('retryable');
    expect(source.get(id)).toMatchObject({ uploaded: false, uploadUrl: expect.any(String) });

    http.calls.length = 0;
    const second = await upload();
    expect(second.ok).toBe(true);
    expect(second.report).toMatchObject({
      resumedFrom: MiB,
      bytesSent: 1.5 * MiB,
      uploadsCreated: 0,
    });
    expect(http.calls.map((c) => c.method)).toEqual(['HEAD', 'PATCH', 'PATCH']);
    expect(second.ok && (await sim.storedBytes(second.uploadUrl)).equals(source.bytesOf(id))).toBe(
      true,
    );
  });

  it.each([
    ['reset', { mode: 'reset' }, 'network'],
    ['stall', { mode: 'stall', stallMs: 3_000 }, 'timeout'],
  ] as const)(
    'connection %s on the second PATCH: retryable, then resumed from 1 MiB, not from 0',
    async (_name, fault, kind) => {
      const { http, source, id, upload } = await setup(2.5 * MiB);
      faultOnPatch(http, 2, fault);
      const first = await upload({ patchTimeoutMs: 1_000 });
      expect(!first.ok && first.failure).toMatchObject({ kind: 'retryable', failure: { kind } });
      http.before = () => {};
      const second = await upload();
      expect(second.report).toMatchObject({ outcome: 'uploaded', resumedFrom: MiB });
      expect(second.report.bytesSent).toBe(1.5 * MiB);
      expect(
        second.ok && (await sim.storedBytes(second.uploadUrl)).equals(source.bytesOf(id)),
      ).toBe(true);
    },
  );

  it('an upload the platform lost (404): forgotten, made again, completed', async () => {
    const lost = '/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA';
    const { source, id, upload } = await setup(300_000, { uploadUrl: lost });
    expect(source.get(id).uploadUrl).toBe(lost);
    const result = await upload();
    expect(result.ok).toBe(true);
    expect(source.calls.map((c) => c.call)).toEqual([
      'clearUploadUrl',
      'recordUploadUrl',
      'recordUploaded',
    ]);
    expect(result.ok && result.uploadUrl).not.toBe(lost);
    expect(result.report).toMatchObject({ uploadsCreated: 1, bytesSent: 300_000 });
  });

  it('already uploaded: nothing is sent', async () => {
    const { http, source, id, upload } = await setup(1000);
    expect((await upload()).ok).toBe(true);
    http.calls.length = 0;
    const again = await uploadMaterial(http, source, source.get(id), new AbortController().signal);
    expect(again).toMatchObject({ ok: true, report: { outcome: 'alreadyUploaded' } });
    expect(http.calls).toEqual([]);
  });

  it('too large for the platform: refused (413) with a clear message', async () => {
    const { upload, source } = await setup(LIMIT + 1);
    const result = await upload({ maxUploadBytes: 10 * MiB });
    expect(!result.ok && result.failure).toEqual({
      kind: 'refused',
      errorCode: 'uploadRefused',
      message: expect.stringMatching(
        /document 1: create: the platform answered 413 \(uploadTooLarge/,
      ),
    });
    expect(source.calls).toEqual([]);
  });

  it('over the contract limit: refused before anything is sent', async () => {
    const { http, upload } = await setup(2 * MiB);
    const result = await upload({ maxUploadBytes: MiB });
    expect(!result.ok && result.failure).toMatchObject({
      kind: 'refused',
      errorCode: 'uploadRefused',
    });
    expect(http.calls).toEqual([]);
  });

  it('bytes purged from the kiosk: materialsMissing', async () => {
    const { http, source, id, upload } = await setup(1000);
    source.purge(id);
    const result = await upload();
    expect(!result.ok && result.failure).toMatchObject({
      kind: 'refused',
      errorCode: 'materialsMissing',
    });
    expect(http.calls).toEqual([]);
  });

  it('429 and 500 from the platform are retryable, with Retry-After', async () => {
    const { http, upload } = await setup(1000);
    http.before = async (call, i) => {
      if (i === 0)
        await sim.control('POST', '/_control/faults', {
          mode: 'rateLimit429',
          retryAfterSeconds: 7,
        });
    };
    const limited = await upload();
    expect(!limited.ok && limited.failure).toMatchObject({
      kind: 'retryable',
      failure: { kind: 'http', status: 429, retryAfterMs: 7000 },
    });
    http.before = async (_call, i) => {
      if (i === 1) await sim.control('POST', '/_control/faults', { mode: 'error500' });
    };
    const failed = await upload();
    expect(!failed.ok && failed.failure).toMatchObject({
      kind: 'retryable',
      failure: { kind: 'http', status: 500 },
    });
    http.before = () => {};
    expect((await upload()).ok).toBe(true);
  });

  it('no platform: retryable network failure, nothing recorded', async () => {
    const source = new MemoryMaterialSource();
    const [material] = source.add('X.01JABCDEFGHJKMNPQRSTVWXYZ0', [{ size: 10 }]);
    const http = new PlatformHttp('http://127.0.0.1:9/', { timeoutMs: 500 });
    const result = await uploadMaterial(http, source, material!, new AbortController().signal);
    expect(!result.ok && result.failure.kind).toBe('retryable');
    expect(source.calls).toEqual([]);
  });
});
