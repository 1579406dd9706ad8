import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformHttp } from '../platform-http.js';
import { startUploadPlatform, type UploadPlatform } from './test-upload-platform.js';

/**
 * PlatformHttp's raw-bytes calls against the reference platform over real HTTP: tus create, HEAD
 * and PATCH are signed over the exact bytes sent, as the platform verifies them, and a wrong
 * kiosk clock is corrected the same way as for JSON calls.
 */

const TUS = { 'Tus-Resumable': '1.0.0' };
let sim: UploadPlatform;
let kiosks = 0;

beforeAll(async () => {
  sim = await startUploadPlatform();
});
afterAll(() => sim.platform.close());

async function kiosk(skewMs = 0) {
  kiosks++;
  return sim.kiosk(`BYTES-${kiosks}`, { now: () => Date.now() + skewMs });
}

async function create(http: Awaited<ReturnType<typeof kiosk>>['http'], length: number) {
  const created = await http.requestBytes({
    method: 'POST',
    path: '/v1/uploads',
    headers: { ...TUS, 'Upload-Length': String(length) },
  });
  if (!created.ok) throw new Error(created.error.message);
  expect(created.value.status).toBe(201);
  return created.value.headers.get('location')!;
}

describe('PlatformHttp raw-bytes calls', () => {
  it('creates, appends binary chunks and reads the offset, all signed', async () => {
    const { http } = await kiosk();
    const file = randomBytes(200_000);
    const url = await create(http, file.length);
    for (const [from, to] of [
      [0, 120_000],
      [120_000, 200_000],
    ] as const) {
      const patched = await http.requestBytes({
        method: 'PATCH',
        path: url,
        body: file.subarray(from, to),
        headers: {
          ...TUS,
          'Upload-Offset': String(from),
          'Content-Type': 'application/offset+octet-stream',
        },
      });
      expect(patched.ok && patched.value.status).toBe(204);
      expect(patched.ok && patched.value.body).toBeNull();
    }
    const head = await http.requestBytes({ method: 'HEAD', path: url, headers: TUS });
    expect(head.ok && head.value.headers.get('upload-offset')).toBe(String(file.length));
    expect((await sim.storedBytes(url)).equals(file)).toBe(true);
  });

  it('hands back tus error bodies as JSON', async () => {
    const { http } = await kiosk();
    const url = await create(http, 10);
    const wrong = await http.requestBytes({
      method: 'PATCH',
      path: url,
      body: randomBytes(4),
      headers: { ...TUS, 'Upload-Offset': '3', 'Content-Type': 'application/offset+octet-stream' },
    });
    expect(wrong.ok && wrong.value.status).toBe(409);
    expect(wrong.ok && wrong.value.body).toMatchObject({ error: 'offsetMismatch' });
  });

  it('a kiosk clock an hour slow: PATCH and HEAD are signed again with the platform time', async () => {
    const { http } = await kiosk(-3_600_000);
    // The first call to meet the clock is a HEAD (no body): the Date header stands in.
    const { http: helper } = await kiosk();
    const url = await create(helper, 8);
    const other = await http.requestBytes({ method: 'HEAD', path: url, headers: TUS });
    expect(other.ok && other.value.status).toBe(404); // another kiosk's upload: not visible
    expect(http.clockOffset).toBeGreaterThan(3_590_000);

    const { http: slow } = await kiosk(-3_600_000);
    const own = await create(slow, 8);
    expect(slow.clockOffset).toBeGreaterThan(3_590_000);
    const patched = await slow.requestBytes({
      method: 'PATCH',
      path: own,
      body: Buffer.from('12345678'),
      headers: { ...TUS, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
    });
    expect(patched.ok && patched.value.status).toBe(204);
  });

  it('keeps the JSON API: a signed GET is answered and its JSON parsed', async () => {
    const { http } = await kiosk();
    const answer = await http.request('GET', '/v1/catalogue');
    expect(answer.ok && answer.value.status).toBe(200);
    expect(answer.ok && answer.value.body).toMatchObject({ version: expect.any(Number) });
  });

  it('no platform: a typed failure, never a throw', async () => {
    const http = new PlatformHttp('http://127.0.0.1:9/', { timeoutMs: 500 });
    const answer = await http.requestBytes({ method: 'HEAD', path: '/v1/uploads/x', headers: TUS });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toMatch(/platformUnreachable|platformTimeout/);
  });
});
