import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SubmissionBatchResponse, type RegisterResponse } from '../contract/platform-api.js';
import {
  enrol,
  signCall,
  signedFetch,
  testPlatform,
  testUlid,
  type SignedCall,
  type TestPlatform,
} from './testing.js';

/** tus over real TCP: create, append in chunks, lose the connection mid-chunk, resume, complete. */

const MAX = 1024 * 1024;
let platform: TestPlatform;
let base: string;
let kiosk: RegisterResponse;
const file = randomBytes(300 * 1024);
const TUS = { 'Tus-Resumable': '1.0.0' };

beforeAll(async () => {
  platform = testPlatform({ maxUploadBytes: MAX });
  base = await platform.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => platform.close());
beforeEach(async () => {
  await fetch(new URL('/_control/reset', base), { method: 'POST' });
  kiosk = await enrol(platform.app, 'FS-CC-0042');
});

function call(c: SignedCall, as = kiosk) {
  return signedFetch(base, as, { ...c, headers: { ...TUS, ...c.headers } });
}

async function create(length = file.length): Promise<string> {
  const response = await call({
    method: 'POST',
    url: '/v1/uploads',
    headers: { 'Upload-Length': String(length), 'Upload-Metadata': 'filename c2Nhbi5wZGY=' },
  });
  expect(response.status).toBe(201);
  expect(response.headers.get('tus-resumable')).toBe('1.0.0');
  return response.headers.get('location')!;
}

async function offsetOf(url: string, as = kiosk): Promise<number | undefined> {
  const response = await call({ method: 'HEAD', url }, as);
  if (response.status !== 200) return undefined;
  expect(response.headers.get('upload-length')).toBe(String(file.length));
  expect(response.headers.get('cache-control')).toBe('no-store');
  return Number(response.headers.get('upload-offset'));
}

function patch(
  url: string,
  offset: number,
  chunk: Uint8Array,
  headers: Record<string, string> = {},
) {
  return call({
    method: 'PATCH',
    url,
    body: chunk,
    headers: {
      'Content-Type': 'application/offset+octet-stream',
      'Upload-Offset': String(offset),
      ...headers,
    },
  });
}

/** A PATCH whose connection is left half-sent: `cut` drops it, as a failing 4G link would. */
function halfSentPatch(
  url: string,
  offset: number,
  chunk: Uint8Array,
): { request: ClientRequest; cut: () => Promise<void> } {
  const { headers } = signCall(kiosk, { method: 'PATCH', url, body: chunk });
  const request = httpRequest(new URL(url, base), {
    method: 'PATCH',
    agent: false,
    headers: {
      ...headers,
      ...TUS,
      'Content-Type': 'application/offset+octet-stream',
      'Upload-Offset': String(offset),
      'Content-Length': String(chunk.length),
    },
  });
  request.on('error', () => undefined);
  request.write(chunk.subarray(0, chunk.length / 2));
  return {
    request,
    cut: () =>
      new Promise((resolve) => {
        request.destroy();
        setTimeout(resolve, 100);
      }),
  };
}

const CHUNK = 100 * 1024;
const chunk = (i: number) => file.subarray(i * CHUNK, (i + 1) * CHUNK);

describe('tus uploads', () => {
  it('advertises tus 1.0.0, its extensions and the size limit', async () => {
    const response = await call({ method: 'OPTIONS', url: '/v1/uploads' });
    expect(response.status).toBe(204);
    expect(response.headers.get('tus-version')).toBe('1.0.0');
    expect(response.headers.get('tus-max-size')).toBe(String(MAX));
    expect(response.headers.get('tus-extension')).toBe('creation');
  });

  it('resumes after a connection dropped mid-chunk, and completes with the exact bytes', async () => {
    const url = await create();
    expect(url).toMatch(/^\/v1\/uploads\/[A-Za-z0-9_-]{22}$/);
    expect(await offsetOf(url)).toBe(0);
    expect((await patch(url, 0, chunk(0))).headers.get('upload-offset')).toBe(String(CHUNK));

    const dropped = halfSentPatch(url, CHUNK, chunk(1));
    await dropped.cut();
    // Bytes of the cut-off PATCH are unauthenticated: discarded, the upload is where it was.
    expect(await offsetOf(url)).toBe(CHUNK);
    const bin = join(platform.dataDir, 'uploads', `${url.split('/').at(-1)!}.bin`);
    expect(statSync(bin).size).toBe(CHUNK);

    for (const i of [1, 2]) {
      const response = await patch(url, i * CHUNK, chunk(i));
      expect(response.status).toBe(204);
    }
    expect(await offsetOf(url)).toBe(file.length);
    expect(readFileSync(bin).equals(file)).toBe(true);
    const stats = (await (await fetch(new URL('/_control/stats', base))).json()) as {
      uploads: object;
    };
    expect(stats.uploads).toEqual({ created: 1, completed: 1 });
  });

  it('lets a resume cut off a PATCH whose connection is still half-open', async () => {
    const url = await create();
    const stuck = halfSentPatch(url, 0, chunk(0));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const resumed = await patch(url, 0, chunk(0));
    expect(resumed.status).toBe(204);
    expect(await offsetOf(url)).toBe(CHUNK);
    stuck.request.destroy();
  });

  it('answers 409 with the real offset when Upload-Offset is wrong', async () => {
    const url = await create();
    await patch(url, 0, chunk(0));
    const response = await patch(url, 0, chunk(1));
    expect(response.status).toBe(409);
    expect(response.headers.get('upload-offset')).toBe(String(CHUNK));
    expect(await response.json()).toMatchObject({ error: 'offsetMismatch' });
  });

  it('refuses a chunk changed after signing, keeping nothing of it', async () => {
    const url = await create();
    const { headers } = signCall(kiosk, { method: 'PATCH', url, body: chunk(0) });
    const tampered = Buffer.from(chunk(0));
    tampered[10] = tampered[10]! ^ 1;
    const response = await fetch(new URL(url, base), {
      method: 'PATCH',
      headers: {
        ...headers,
        ...TUS,
        'Content-Type': 'application/offset+octet-stream',
        'Upload-Offset': '0',
      },
      body: tampered,
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'badSignature' });
    expect(await offsetOf(url)).toBe(0);
  });

  it('refuses uploads over the limit, chunks past the length, other versions and media types', async () => {
    const tooBig = await call({
      method: 'POST',
      url: '/v1/uploads',
      headers: { 'Upload-Length': String(MAX + 1) },
    });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: 'uploadTooLarge' });
    const url = await create(10);
    expect((await patch(url, 0, randomBytes(11))).status).toBe(413);
    const head = await call({ method: 'HEAD', url });
    expect([head.headers.get('upload-offset'), head.headers.get('upload-length')]).toEqual([
      '0',
      '10',
    ]);
    const oldTus = await call({ method: 'HEAD', url, headers: { 'Tus-Resumable': '0.2.2' } });
    expect(oldTus.status).toBe(412);
    expect(oldTus.headers.get('tus-version')).toBe('1.0.0');
    const wrongType = await patch(url, 0, randomBytes(5), {
      'Content-Type': 'application/octet-stream',
    });
    expect(wrongType.status).toBe(415);
  });

  it("keeps one kiosk's uploads from another", async () => {
    const url = await create();
    const other = await enrol(platform.app, 'FS-CC-0043');
    expect(await offsetOf(url, other)).toBeUndefined();
    const response = await call(
      {
        method: 'PATCH',
        url,
        body: chunk(0),
        headers: { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' },
      },
      other,
    );
    expect(response.status).toBe(404);
  });

  it('accepts an application only for complete uploads of the same kiosk', async () => {
    const complete = await create();
    for (const i of [0, 1, 2]) await patch(complete, i * CHUNK, chunk(i));
    const partial = await create();
    const application = (uploadUrl: string) => ({
      idempotencyKey: `${kiosk.kioskId}.${testUlid()}`,
      kind: 'documentApplication',
      createdAt: new Date().toISOString(),
      payload: {
        applicant: { name: '陈嘉欣', idNumber: '440604199203150027' },
        matter: 'HUKOU-TRANSFER',
        documents: [{ uploadUrl, contentType: 'application/pdf', pages: 3 }],
      },
    });
    const response = await signedFetch(base, kiosk, {
      method: 'POST',
      url: '/v1/requests/batch',
      body: { items: [complete, partial, '/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA'].map(application) },
    });
    const results = SubmissionBatchResponse.parse(await response.json()).results;
    expect(results.map((r) => r.errorCode ?? r.trackingNumber?.slice(0, 3))).toEqual([
      'DA-',
      'uploadIncomplete',
      'uploadNotFound',
    ]);
  });
});
