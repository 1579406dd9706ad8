import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Request signing between a kiosk and the central platform (HMAC-SHA256 over a canonical string).
 * Node only (node:crypto): deliberately not exported from contract/index.ts, which the browser
 * imports.
 *
 *   canonical = METHOD \n path?query \n timestamp \n nonce \n hex(SHA-256(body bytes))
 *   X-Kiosk-Signature = base64url(HMAC-SHA256(secret bytes, canonical))
 *
 * `path?query` is the request target exactly as the platform receives it (e.g.
 * `/v1/catalogue?x=1`); behind a proxy that strips a prefix, sign the path the platform sees.
 * The secret is the base64url text from RegisterResponse; its 32 decoded bytes are the HMAC key.
 */

/** The four signature header names, as sent. */
export const SIGNATURE_HEADERS = {
  kioskId: 'X-Kiosk-Id',
  timestamp: 'X-Kiosk-Timestamp',
  nonce: 'X-Kiosk-Nonce',
  signature: 'X-Kiosk-Signature',
} as const;

/** Default tolerated difference between the kiosk's and the platform's clocks: 5 minutes. */
export const DEFAULT_MAX_SKEW_MS = 300_000;

/** The signature headers of one request. */
export interface SignatureHeaders {
  /** The registered kiosk id. */
  'X-Kiosk-Id': string;
  /** Kiosk clock, milliseconds since the epoch, decimal. */
  'X-Kiosk-Timestamp': string;
  /** 22–64 base64url characters, never reused by this kiosk within the skew window. */
  'X-Kiosk-Nonce': string;
  /** base64url(HMAC-SHA256(secret, canonical)), 43 characters. */
  'X-Kiosk-Signature': string;
}

/** What a kiosk signs. */
export interface SignRequestInput {
  /** HTTP method (case-insensitive; signed upper-case). */
  method: string;
  /** Request target: path and query string as sent, e.g. "/v1/catalogue". */
  path: string;
  /** The exact body bytes sent (a string is taken as UTF-8); absent for no body. */
  body?: string | Uint8Array;
  /** The kiosk's registered id. */
  kioskId: string;
  /** The kiosk's secret from RegisterResponse (base64url of 32 bytes). */
  secret: string;
  /** Kiosk clock, ms since the epoch. */
  now: number;
  /** A fresh nonce; generated when absent. */
  nonce?: string;
}

/** What the platform checks. */
export interface VerifyRequestInput {
  /** HTTP method of the received request. */
  method: string;
  /** Request target as received (path and query string). */
  path: string;
  /** The exact body bytes received; absent for no body. */
  body?: string | Uint8Array;
  /** Hex SHA-256 of the body, instead of `body`, when the body was streamed and hashed on the way (tus PATCH). */
  bodySha256Hex?: string;
  /** Received headers, any letter case (Node's lower-case IncomingHttpHeaders fit). */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The secret of a registered kiosk, or undefined when the id is unknown. */
  secretFor: (kioskId: string) => string | undefined;
  /** Platform clock, ms since the epoch. */
  now: number;
  /** Largest tolerated clock difference (default 5 minutes). */
  maxSkewMs?: number;
  /** Records the nonce and returns true when this kiosk already used it (a replay). */
  seenNonce: (kioskId: string, nonce: string) => boolean;
}

/** Why a request's signature was refused. */
export type SignatureFailureCode =
  'missingHeaders' | 'unknownKiosk' | 'clockSkew' | 'replayed' | 'badSignature';

/** The outcome of verifyRequest. */
export type VerifyResult =
  { ok: true; kioskId: string } | { ok: false; code: SignatureFailureCode; message: string };

const KIOSK_ID = /^[A-Za-z0-9-]{1,64}$/;
const TIMESTAMP = /^\d{1,16}$/;
const NONCE = /^[A-Za-z0-9_-]{22,64}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh random nonce: 16 bytes, 22 base64url characters. */
export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** Hex SHA-256 of a body (empty for none). */
export function bodySha256Hex(body: string | Uint8Array | undefined): string {
  return createHash('sha256')
    .update(body ?? '')
    .digest('hex');
}

/** The canonical string that is signed. */
export function canonicalRequest(parts: {
  /** HTTP method. */
  method: string;
  /** Path and query. */
  path: string;
  /** Decimal ms timestamp. */
  timestamp: string;
  /** The nonce. */
  nonce: string;
  /** Hex SHA-256 of the body. */
  bodySha256Hex: string;
}): string {
  return [
    parts.method.toUpperCase(),
    parts.path,
    parts.timestamp,
    parts.nonce,
    parts.bodySha256Hex,
  ].join('\n');
}

function hmac(secret: string, canonical: string): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url'))
    .update(canonical, 'utf8')
    .digest('base64url');
}

/** The signature headers for one request. */
export function signRequest(input: SignRequestInput): SignatureHeaders {
  const timestamp = String(Math.trunc(input.now));
  const nonce = input.nonce ?? newNonce();
  const canonical = canonicalRequest({
    method: input.method,
    path: input.path,
    timestamp,
    nonce,
    bodySha256Hex: bodySha256Hex(input.body),
  });
  return {
    'X-Kiosk-Id': input.kioskId,
    'X-Kiosk-Timestamp': timestamp,
    'X-Kiosk-Nonce': nonce,
    'X-Kiosk-Signature': hmac(input.secret, canonical),
  };
}

function header(headers: VerifyRequestInput['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    // A repeated signature header is ambiguous: refuse it rather than pick one.
    if (typeof value === 'string') return value;
    return undefined;
  }
  return undefined;
}

function fail(code: SignatureFailureCode, message: string): VerifyResult {
  return { ok: false, code, message };
}

/**
 * Checks a request's signature. Order matters: the signature is checked before the clock and the
 * nonce, so an unauthenticated sender can neither burn a kiosk's nonces nor learn anything but
 * "bad signature"; the nonce is recorded only for requests that pass everything else.
 */
export function verifyRequest(input: VerifyRequestInput): VerifyResult {
  const kioskId = header(input.headers, SIGNATURE_HEADERS.kioskId);
  const timestamp = header(input.headers, SIGNATURE_HEADERS.timestamp);
  const nonce = header(input.headers, SIGNATURE_HEADERS.nonce);
  const signature = header(input.headers, SIGNATURE_HEADERS.signature);
  if (kioskId === undefined || timestamp === undefined || nonce === undefined) {
    return fail('missingHeaders', 'X-Kiosk-Id, X-Kiosk-Timestamp and X-Kiosk-Nonce are required');
  }
  if (signature === undefined) return fail('missingHeaders', 'X-Kiosk-Signature is required');
  if (!KIOSK_ID.test(kioskId)) return fail('missingHeaders', 'X-Kiosk-Id is malformed');
  if (!TIMESTAMP.test(timestamp)) {
    return fail('missingHeaders', 'X-Kiosk-Timestamp must be milliseconds since the epoch');
  }
  if (!NONCE.test(nonce)) return fail('missingHeaders', 'X-Kiosk-Nonce must be 22–64 base64url');
  const secret = input.secretFor(kioskId);
  if (secret === undefined) return fail('unknownKiosk', 'this kiosk id is not registered');
  const expected = hmac(
    secret,
    canonicalRequest({
      method: input.method,
      path: input.path,
      timestamp,
      nonce,
      bodySha256Hex: input.bodySha256Hex ?? bodySha256Hex(input.body),
    }),
  );
  // Compare the base64url text, not decoded bytes: decoding is lenient (the last character's
  // spare bits), so two different texts could decode to the same MAC.
  const given = Buffer.from(signature, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (!SIGNATURE.test(signature) || given.length !== wanted.length) {
    return fail('badSignature', 'the signature does not match the request');
  }
  if (!timingSafeEqual(given, wanted)) {
    return fail('badSignature', 'the signature does not match the request');
  }
  const ahead = Number(timestamp) - input.now;
  if (Math.abs(ahead) > (input.maxSkewMs ?? DEFAULT_MAX_SKEW_MS)) {
    const seconds = Math.round(Math.abs(ahead) / 1000);
    const side = ahead > 0 ? 'ahead of' : 'behind';
    return fail('clockSkew', `the kiosk clock is ${seconds} s ${side} the platform; set its time`);
  }
  if (input.seenNonce(kioskId, nonce)) {
    return fail('replayed', 'this nonce was already used: the request is a replay');
  }
  return { ok: true, kioskId };
}
