import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SubmissionBatchResponse, type RegisterResponse } from '../contract/platform-api.js';
import type { FaultRequest } from './faults/fault-switch.js';
import type { PlatformStats } from './routes/control-routes.js';
import {
  enrol,
  proofPrintedItem,
  signCall,
  signedFetch,
  testPlatform,
  type SignedCall,
  type TestPlatform,
} from './testing.js';

/**
 * Fault modes over real TCP: what a kiosk's HTTP client actually sees when the platform drops,
 * resets, stalls or truncates — and what the platform stored meanwhile.
 */

let platform: TestPlatform;
let base: URL;
let kiosk: RegisterResponse;

beforeAll(async () => {
  platform = testPlatform();
  base = new URL(await platform.app.listen({ host: '127.0.0.1', port: 0 }));
});
afterAll(() => platform.close());
beforeEach(async () => {
  await control('POST', '/_control/reset');
  kiosk = await enrol(platform.app, 'FS-CC-0042');
});

async function control(method: string, path: string, body?: object) {
  const response = await fetch(new URL(path, base), {
    method,
    ...(body
      ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  return response.json() as Promise<unknown>;
}
const arm = (fault: FaultRequest) => control('POST', '/_control/faults', fault);
const stats = () => control('GET', '/_control/stats') as Promise<PlatformStats>;

/** What a raw HTTP client saw: a complete answer, a cut-off one, or no answer at all. */
type Seen =
  | {
      kind: 'answer';
      status: number;
      headers: Record<string, unknown>;
      body: string;
      complete: boolean;
    }
  | { kind: 'noAnswer'; code: string };

/** One signed request over a fresh TCP connection, reporting exactly what came back. */
function raw(call: SignedCall, timeoutMs = 5_000): Promise<Seen> {
  const { payload, headers } = signCall(kiosk, call);
  return new Promise((resolve) => {
    const req = httpRequest(new URL(call.url, base), {
      method: call.method,
      headers,
      agent: false,
      timeout: timeoutMs,
    });
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })),
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: 'noAnswer', code: error.code ?? error.message }),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = () =>
        resolve({
          kind: 'answer',
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          complete: res.complete,
        });
      res.on('end', done);
      res.on('error', done);
      res.on('aborted', done);
    });
    req.end(payload === undefined ? undefined : Buffer.from(payload));
  });
}

const batchCall = (items: object[]): SignedCall => ({
  method: 'POST',
  url: '/v1/requests/batch',
  body: { items },
});

describe('fault modes over real sockets', () => {
  it('commitThenDrop: the platform stores the request and closes without a word; the retry is a replay', async () => {
    const item = proofPrintedItem(kiosk.kioskId);
    await arm({ mode: 'commitThenDrop', path: '/v1/requests' });
    const seen = await raw(batchCall([item]));
    expect(seen).toEqual({ kind: 'noAnswer', code: 'ECONNRESET' });
    expect(await stats()).toMatchObject({ acceptedTotal: 1, faultsFired: 1 });

    const retry = await raw(batchCall([item]));
    expect(retry.kind === 'answer' && retry.status).toBe(200);
    const [result] = SubmissionBatchResponse.parse(
      JSON.parse((retry as { body: string }).body),
    ).results;
    expect(result).toMatchObject({ status: 'accepted', replayed: true });
    const after = await stats();
    expect(after).toMatchObject({ acceptedTotal: 1, duplicatesStored: 0, replays: 1 });
    expect(after.acceptedByKey).toEqual({ [item.idempotencyKey]: 1 });
  });

  it('commitThenDrop on a single request: the retry gets the stored 201 with Idempotent-Replayed', async () => {
    const item = proofPrintedItem(kiosk.kioskId);
    const call: SignedCall = {
      method: 'POST',
      url: '/v1/requests',
      body: item,
      headers: { 'Idempotency-Key': item.idempotencyKey },
    };
    await arm({ mode: 'commitThenDrop' });
    expect((await raw(call)).kind).toBe('noAnswer');
    const retry = await raw(call);
    expect(retry).toMatchObject({
      kind: 'answer',
      status: 201,
      headers: { 'idempotent-replayed': 'true' },
    });
    expect((await stats()).acceptedTotal).toBe(1);
  });

  it('error500: answers 500 and applies nothing', async () => {
    await arm({ mode: 'error500' });
    const seen = await raw(batchCall([proofPrintedItem(kiosk.kioskId)]));
    expect(seen).toMatchObject({ kind: 'answer', status: 500, complete: true });
    expect(JSON.parse((seen as { body: string }).body)).toMatchObject({ error: 'internalError' });
    expect((await stats()).acceptedTotal).toBe(0);
  });

  it('rateLimit429: answers 429 with Retry-After and applies nothing', async () => {
    await arm({ mode: 'rateLimit429', retryAfterSeconds: 7 });
    const seen = await raw(batchCall([proofPrintedItem(kiosk.kioskId)]));
    expect(seen).toMatchObject({ kind: 'answer', status: 429, headers: { 'retry-after': '7' } });
    expect((await stats()).acceptedTotal).toBe(0);
  });

  it('stall: holds the request past the client timeout, then drops it; nothing applied', async () => {
    await arm({ mode: 'stall', stallMs: 1_500 });
    const started = Date.now();
    expect(await raw(batchCall([proofPrintedItem(kiosk.kioskId)]), 300)).toEqual({
      kind: 'noAnswer',
      code: 'CLIENT_TIMEOUT',
    });
    expect(Date.now() - started).toBeLessThan(1_400);
    // A patient client sees the drop when the stall ends.
    await arm({ mode: 'stall', stallMs: 300 });
    expect(await raw(batchCall([proofPrintedItem(kiosk.kioskId)]))).toMatchObject({
      kind: 'noAnswer',
    });
    expect((await stats()).acceptedTotal).toBe(0);
  });

  it('reset: resets the connection before applying', async () => {
    await arm({ mode: 'reset' });
    expect(await raw(batchCall([proofPrintedItem(kiosk.kioskId)]))).toEqual({
      kind: 'noAnswer',
      code: 'ECONNRESET',
    });
    expect((await stats()).acceptedTotal).toBe(0);
  });

  it('truncatedBody: applies, sends the headers and half the body, then closes', async () => {
    const item = proofPrintedItem(kiosk.kioskId);
    await arm({ mode: 'truncatedBody' });
    const seen = await raw(batchCall([item]));
    if (seen.kind !== 'answer') throw new Error(`no answer: ${seen.code}`);
    expect(seen.status).toBe(200);
    expect(seen.complete).toBe(false);
    const announced = Number(seen.headers['content-length']);
    expect(Buffer.byteLength(seen.body)).toBe(Math.floor(announced / 2));
    expect(() => JSON.parse(seen.body)).toThrow();
    expect((await stats()).acceptedTotal).toBe(1);
    // fetch, as a kiosk would use it, fails while reading the body.
    await arm({ mode: 'truncatedBody' });
    const { payload, headers } = signCall(kiosk, batchCall([item]));
    const response = await fetch(new URL('/v1/requests/batch', base), {
      method: 'POST',
      headers,
      body: payload as string,
    });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(await stats()).toMatchObject({ acceptedTotal: 1, replays: 1 });
  });

  it('hits only matching paths, as many times as asked, or until cleared', async () => {
    const catalogue: SignedCall = { method: 'GET', url: '/v1/catalogue' };
    await arm({ mode: 'error500', path: '/v1/requests', count: 2 });
    expect(await raw(catalogue)).toMatchObject({ status: 200 });
    for (let i = 0; i < 2; i += 1) {
      expect(await raw(batchCall([proofPrintedItem(kiosk.kioskId)]))).toMatchObject({
        status: 500,
      });
    }
    expect(await raw(batchCall([proofPrintedItem(kiosk.kioskId)]))).toMatchObject({ status: 200 });

    await arm({ mode: 'rateLimit429', count: 0 });
    for (let i = 0; i < 3; i += 1) expect(await raw(catalogue)).toMatchObject({ status: 429 });
    expect(await control('GET', '/_control/faults')).toEqual({
      armed: { mode: 'rateLimit429', remaining: 'untilCleared' },
    });
    await control('DELETE', '/_control/faults');
    expect(await raw(catalogue)).toMatchObject({ status: 200 });
  });

  it('keeps the control API to loopback callers', async () => {
    const response = await platform.app.inject({
      method: 'GET',
      url: '/_control/stats',
      remoteAddress: '10.0.0.8',
    });
    expect(response.statusCode).toBe(403);
  });

  it('does not let a stalled request hold up shutdown', async () => {
    const other = testPlatform();
    const url = await other.app.listen({ host: '127.0.0.1', port: 0 });
    const someone = await enrol(other.app, 'K-1');
    await other.app.inject({ method: 'POST', url: '/_control/faults', payload: { mode: 'stall' } });
    const pending = signedFetch(url, someone, { method: 'GET', url: '/v1/catalogue' }).catch(
      (e: unknown) => e,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await pending).toBeInstanceOf(Error);
  });
});
