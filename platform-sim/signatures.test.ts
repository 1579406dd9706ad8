import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignedProof } from '../contract/index.js';
import { PlatformError, type RegisterResponse } from '../contract/platform-api.js';
import { signRequest } from '../contract/platform-signing.js';
import { enrol, signCall, signedInject, testPlatform, type TestPlatform } from './testing.js';

let clock = Date.UTC(2026, 10, 23, 2, 0, 0);
let platform: TestPlatform;
let kiosk: RegisterResponse;
const lookup = { type: 'taxPaid', idNumber: '11010519491231002X', name: '张三' };

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 23, 2, 0, 0);
  platform = testPlatform({ now: () => new Date(clock) });
  kiosk = await enrol(platform.app, 'FS-CC-0042');
});
afterEach(() => platform.close());

function send(payload: string | undefined, headers: Record<string, string>) {
  return platform.app.inject({
    method: 'POST',
    url: '/v1/proofs/lookup',
    headers: { 'content-type': 'application/json', ...headers },
    ...(payload === undefined ? {} : { payload }),
  });
}

describe('signed requests', () => {
  it('answers a signed proof lookup', async () => {
    const response = await signedInject(platform.app, kiosk, {
      method: 'POST',
      url: '/v1/proofs/lookup',
      body: lookup,
      now: clock,
    });
    expect(response.statusCode).toBe(200);
    expect(SignedProof.parse(response.json()).content.type).toBe('taxPaid');
  });

  it('refuses an unsigned call with 401 missingHeaders, but serves health and proof keys unsigned', async () => {
    const unsigned = await send(JSON.stringify(lookup), {});
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.headers['www-authenticate']).toBe('KioskSignature');
    expect(PlatformError.parse(unsigned.json())).toMatchObject({ error: 'missingHeaders' });
    expect((await platform.app.inject('/v1/health')).statusCode).toBe(200);
    expect((await platform.app.inject('/v1/proof-keys')).statusCode).toBe(200);
  });

  it('refuses a body changed after signing (badSignature)', async () => {
    const { headers } = signCall(kiosk, {
      method: 'POST',
      url: '/v1/proofs/lookup',
      body: lookup,
      now: clock,
    });
    const tampered = JSON.stringify({ ...lookup, type: 'noHousing' });
    const response = await send(tampered, headers);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'badSignature' });
    // The same bytes re-serialised with other whitespace are other bytes, too.
    const spaced = await send(JSON.stringify(lookup, null, 1), headers);
    expect(spaced.json()).toMatchObject({ error: 'badSignature' });
  });

  it('refuses a signature over another path or with another secret', async () => {
    const { headers } = signCall(kiosk, {
      method: 'POST',
      url: '/v1/heartbeat',
      body: lookup,
      now: clock,
    });
    expect((await send(JSON.stringify(lookup), headers)).json()).toMatchObject({
      error: 'badSignature',
    });
    const forged = { ...kiosk, secret: Buffer.alloc(32, 7).toString('base64url') };
    const other = signCall(forged, {
      method: 'POST',
      url: '/v1/proofs/lookup',
      body: lookup,
      now: clock,
    });
    expect((await send(JSON.stringify(lookup), other.headers)).json()).toMatchObject({
      error: 'badSignature',
    });
  });

  it('refuses a replayed nonce', async () => {
    const { headers, payload } = signCall(kiosk, {
      method: 'POST',
      url: '/v1/proofs/lookup',
      body: lookup,
      now: clock,
    });
    expect((await send(payload as string, headers)).statusCode).toBe(200);
    const replay = await send(payload as string, headers);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ error: 'replayed' });
  });

  it('refuses a kiosk clock more than 5 minutes off and tells it the platform time', async () => {
    for (const offset of [-301_000, 301_000]) {
      const response = await signedInject(platform.app, kiosk, {
        method: 'GET',
        url: '/v1/catalogue',
        now: clock + offset,
      });
      expect(response.statusCode).toBe(401);
      const body = PlatformError.parse(response.json());
      expect(body.error).toBe('clockSkew');
      expect(body.serverTime).toBe(new Date(clock).toISOString());
    }
    const within = await signedInject(platform.app, kiosk, {
      method: 'GET',
      url: '/v1/catalogue',
      now: clock - 299_000,
    });
    expect(within.statusCode).toBe(200);
  });

  it('refuses an unknown kiosk', async () => {
    const stranger = { ...kiosk, kioskId: 'NOT-REGISTERED' };
    const response = await signedInject(platform.app, stranger, {
      method: 'GET',
      url: '/v1/catalogue',
      now: clock,
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'unknownKiosk' });
  });

  it('signs the query string too', async () => {
    const headers = signRequest({
      method: 'GET',
      path: '/v1/catalogue?a=1',
      kioskId: kiosk.kioskId,
      secret: kiosk.secret,
      now: clock,
    });
    const moved = await platform.app.inject({
      method: 'GET',
      url: '/v1/catalogue?a=2',
      headers: { ...headers },
    });
    expect(moved.json()).toMatchObject({ error: 'badSignature' });
    const right = await platform.app.inject({
      method: 'GET',
      url: '/v1/catalogue?a=1',
      headers: { ...headers },
    });
    expect(right.statusCode).toBe(200);
  });

  it('forgets nonces once their window has passed', async () => {
    const nonces = () => {
      const db = new Database(join(platform.dataDir, 'platform.sqlite'), { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM seen_nonces').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const { headers, payload } = signCall(kiosk, {
      method: 'POST',
      url: '/v1/proofs/lookup',
      body: lookup,
      now: clock,
    });
    expect((await send(payload as string, headers)).statusCode).toBe(200);
    expect(nonces()).toBe(1);
    clock += 11 * 60_000; // past twice the skew window
    await signedInject(platform.app, kiosk, { method: 'GET', url: '/v1/catalogue', now: clock });
    expect(nonces()).toBe(1); // only the new one
    // The old request cannot be replayed even so: its timestamp is refused first.
    expect((await send(payload as string, headers)).json()).toMatchObject({ error: 'clockSkew' });
  });
});
