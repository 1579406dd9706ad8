import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodySha256Hex,
  canonicalRequest,
  newNonce,
  signRequest,
  verifyRequest,
  type VerifyRequestInput,
} from './platform-signing.js';

// 100,000 cases per property in CI (the decoders' bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

const SECRET = randomBytes(32).toString('base64url');
const NOW = Date.UTC(2026, 10, 23, 2, 0, 0);
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

type Request = { method: string; path: string; body: Uint8Array; timestamp: number; nonce: string };

function verify(
  request: Request,
  headers: Record<string, string>,
  overrides: Partial<VerifyRequestInput> = {},
) {
  return verifyRequest({
    method: request.method,
    path: request.path,
    body: request.body,
    headers,
    secretFor: (id) => (id === 'KIOSK-1' ? SECRET : undefined),
    now: NOW,
    seenNonce: () => false,
    ...overrides,
  });
}

function signed(request: Request): Record<string, string> {
  return {
    ...signRequest({
      method: request.method,
      path: request.path,
      body: request.body,
      kioskId: 'KIOSK-1',
      secret: SECRET,
      now: request.timestamp,
      nonce: request.nonce,
    }),
  };
}

const sample: Request = {
  method: 'POST',
  path: '/v1/requests/batch',
  body: new TextEncoder().encode('{"items":[]}'),
  timestamp: NOW - 1_000,
  nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
};

describe('request signing', () => {
  it('signs the canonical string the platform documents', () => {
    expect(
      canonicalRequest({
        method: 'post',
        path: '/v1/catalogue?x=1',
        timestamp: '1',
        nonce: 'n',
        bodySha256Hex: bodySha256Hex(undefined),
      }),
    ).toBe(
      'POST\n/v1/catalogue?x=1\n1\nn\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    const headers = signed(sample);
    expect(headers['X-Kiosk-Id']).toBe('KIOSK-1');
    expect(headers['X-Kiosk-Timestamp']).toBe(String(NOW - 1_000));
    expect(headers['X-Kiosk-Signature']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newNonce()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('accepts a valid request, with headers in any letter case and a string body', () => {
    const headers = signed(sample);
    expect(verify(sample, headers)).toEqual({ ok: true, kioskId: 'KIOSK-1' });
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(verify(sample, lower, { body: '{"items":[]}' })).toMatchObject({ ok: true });
    expect(
      verify(sample, lower, { body: undefined, bodySha256Hex: bodySha256Hex(sample.body) }),
    ).toMatchObject({ ok: true });
  });

  it('refuses missing or malformed headers', () => {
    const headers = signed(sample);
    for (const name of Object.keys(headers)) {
      const rest = { ...headers };
      delete rest[name];
      expect(verify(sample, rest)).toMatchObject({ ok: false, code: 'missingHeaders' });
    }
    expect(verify(sample, { ...headers, 'X-Kiosk-Nonce': 'short' })).toMatchObject({
      code: 'missingHeaders',
    });
    expect(verify(sample, { ...headers, 'X-Kiosk-Timestamp': '1e12' })).toMatchObject({
      code: 'missingHeaders',
    });
    const doubled = { ...headers, 'x-kiosk-signature': [headers['X-Kiosk-Signature']!, 'x'] };
    delete (doubled as Record<string, unknown>)['X-Kiosk-Signature'];
    expect(verify(sample, doubled as never)).toMatchObject({ code: 'missingHeaders' });
  });

  it('refuses an unknown kiosk', () => {
    const headers = { ...signed(sample), 'X-Kiosk-Id': 'KIOSK-2' };
    expect(verify(sample, headers)).toMatchObject({ ok: false, code: 'unknownKiosk' });
  });

  it('refuses a signature made with another secret', () => {
    const other = signRequest({
      ...sample,
      kioskId: 'KIOSK-1',
      secret: randomBytes(32).toString('base64url'),
      now: sample.timestamp,
    });
    expect(verify(sample, { ...other })).toMatchObject({ ok: false, code: 'badSignature' });
  });

  it('refuses a clock more than the allowed skew away, either side, and says which side', () => {
    const late = { ...sample, timestamp: NOW - 300_001 };
    expect(verify(late, signed(late))).toMatchObject({ ok: false, code: 'clockSkew' });
    const early = { ...sample, timestamp: NOW + 600_000 };
    const result = verify(early, signed(early));
    expect(result).toMatchObject({ ok: false, code: 'clockSkew' });
    expect(!result.ok && result.message).toContain('600 s ahead');
    const edge = { ...sample, timestamp: NOW - 300_000 };
    expect(verify(edge, signed(edge))).toMatchObject({ ok: true });
    expect(verify(late, signed(late), { maxSkewMs: 400_000 })).toMatchObject({ ok: true });
  });

  it('refuses a replayed nonce, and records nonces only for requests that pass', () => {
    const seen = new Set<string>();
    const seenNonce = (kiosk: string, nonce: string) => {
      const key = `${kiosk}/${nonce}`;
      const had = seen.has(key);
      seen.add(key);
      return had;
    };
    const headers = signed(sample);
    const tampered = { ...headers, 'X-Kiosk-Signature': `${'A'.repeat(42)}B` };
    expect(verify(sample, tampered, { seenNonce })).toMatchObject({ code: 'badSignature' });
    expect(seen.size).toBe(0);
    expect(verify(sample, headers, { seenNonce })).toMatchObject({ ok: true });
    expect(verify(sample, headers, { seenNonce })).toMatchObject({ ok: false, code: 'replayed' });
  });
});

const request = fc.record({
  method: fc.constantFrom(...METHODS),
  path: fc
    .string({ unit: fc.constantFrom(...`${BASE64URL}/?=&.%~`), minLength: 1, maxLength: 80 })
    .map((p) => `/${p}`),
  body: fc.uint8Array({ maxLength: 256 }),
  timestamp: fc.integer({ min: NOW - 290_000, max: NOW + 290_000 }),
  nonce: fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: 22, maxLength: 64 }),
});

/** One change to one part of a signed request. */
const change = fc.oneof(
  fc.record({ part: fc.constant('method' as const), pick: fc.nat() }),
  fc.record({
    part: fc.constant('path' as const),
    at: fc.nat(),
    char: fc.constantFrom(...'/aZ9?=&%.'),
  }),
  fc.record({
    part: fc.constant('bodyByte' as const),
    at: fc.nat(),
    xor: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ part: fc.constant('bodyLength' as const), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    part: fc.constant('timestamp' as const),
    delta: fc.integer({ min: -9_000, max: 9_000 }),
  }),
  fc.record({
    part: fc.constant('nonce' as const),
    at: fc.nat(),
    char: fc.constantFrom(...BASE64URL),
  }),
  fc.record({
    part: fc.constant('signature' as const),
    at: fc.nat(),
    char: fc.constantFrom(...BASE64URL),
  }),
);

function replaceAt(text: string, at: number, char: string): string {
  const i = at % text.length;
  return text.slice(0, i) + char + text.slice(i + 1);
}

describe('request signing under fuzzing', { timeout: 300_000 }, () => {
  it('verifies every request as signed, and refuses any single change', () => {
    fc.assert(
      fc.property(request, change, (original, c) => {
        const headers = signed(original);
        expect(verify(original, headers)).toMatchObject({ ok: true });
        const req = { ...original };
        const hdr = { ...headers };
        switch (c.part) {
          case 'method': {
            const others = METHODS.filter((m) => m !== original.method);
            req.method = others[c.pick % others.length]!;
            break;
          }
          case 'path':
            fc.pre(req.path[c.at % req.path.length] !== c.char);
            req.path = replaceAt(req.path, c.at, c.char);
            break;
          case 'bodyByte': {
            fc.pre(req.body.length > 0);
            const body = Uint8Array.from(req.body);
            const i = c.at % body.length;
            body[i] = body[i]! ^ c.xor;
            req.body = body;
            break;
          }
          case 'bodyLength':
            req.body = Uint8Array.from([...req.body, c.byte]);
            break;
          case 'timestamp':
            fc.pre(c.delta !== 0);
            hdr['X-Kiosk-Timestamp'] = String(original.timestamp + c.delta);
            break;
          case 'nonce':
            fc.pre(original.nonce[c.at % original.nonce.length] !== c.char);
            hdr['X-Kiosk-Nonce'] = replaceAt(original.nonce, c.at, c.char);
            break;
          case 'signature': {
            const sig = headers['X-Kiosk-Signature']!;
            fc.pre(sig[c.at % sig.length] !== c.char);
            hdr['X-Kiosk-Signature'] = replaceAt(sig, c.at, c.char);
            break;
          }
        }
        expect(verify(req, hdr)).toMatchObject({ ok: false, code: 'badSignature' });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
