import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  SubmissionBatchResponse,
  type RegisterResponse,
  type SubmissionItem,
  type SubmissionResult,
} from '../contract/platform-api.js';
import { signRequest } from '../contract/platform-signing.js';
import { buildPlatformServer, type PlatformOptions } from './server.js';
import { DEV_ENROLMENT_CODE } from './store/kiosk-store.js';

/**
 * Helpers for tests that drive the reference platform: a platform on a temp data folder, kiosk
 * enrolment, signed requests (inject or real HTTP), and valid submission items.
 */

/** A platform built for a test, with its data folder. */
export interface TestPlatform {
  /** The Fastify app (inject, or listen for socket-level tests). */
  app: FastifyInstance;
  /** Its data folder. */
  dataDir: string;
  /** Closes the app and deletes the folder (unless keepDir). */
  close(options?: { keepDir?: boolean }): Promise<void>;
}

/** Builds a platform on a fresh temp folder (or `dataDir`), signing key generated. */
export function testPlatform(options: Partial<PlatformOptions> = {}): TestPlatform {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'platform-test-'));
  const { privateKey } = generateKeyPairSync('ed25519');
  const app = buildPlatformServer({ signingKey: privateKey, kid: 'test-1', ...options, dataDir });
  return {
    app,
    dataDir,
    async close({ keepDir = false } = {}) {
      await app.close();
      if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Enrols a kiosk through the API (dev code unless given). */
export async function enrol(
  app: FastifyInstance,
  kioskId: string,
  enrolmentCode = DEV_ENROLMENT_CODE,
): Promise<RegisterResponse> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/kiosks/register',
    payload: { kioskId, enrolmentCode },
  });
  if (response.statusCode !== 200) throw new Error(`enrolment failed: ${response.body}`);
  return response.json() as RegisterResponse;
}

/** One request to sign and send. */
export interface SignedCall {
  /** HTTP method. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  /** Path and query. */
  url: string;
  /** JSON body (serialised once; the signature covers exactly those bytes), or raw bytes. */
  body?: unknown;
  /** Extra headers. */
  headers?: Record<string, string>;
  /** Kiosk clock for the signature (default: now). */
  now?: number;
}

/** Body bytes and headers of a signed call. */
export function signCall(credentials: RegisterResponse, call: SignedCall) {
  const raw = call.body instanceof Uint8Array;
  const text = call.body === undefined || raw ? undefined : JSON.stringify(call.body);
  const payload: string | Uint8Array | undefined = raw ? (call.body as Uint8Array) : text;
  const signature = signRequest({
    method: call.method,
    path: call.url,
    body: payload,
    kioskId: credentials.kioskId,
    secret: credentials.secret,
    now: call.now ?? Date.now(),
  });
  const headers: Record<string, string> = {
    ...(text === undefined ? {} : { 'content-type': 'application/json' }),
    ...signature,
    ...call.headers,
  };
  return { payload, headers };
}

/** A signed inject() call. */
export function signedInject(
  app: FastifyInstance,
  credentials: RegisterResponse,
  call: SignedCall,
) {
  const { payload, headers } = signCall(credentials, call);
  return app.inject({
    method: call.method,
    url: call.url,
    headers,
    ...(payload === undefined ? {} : { payload: Buffer.from(payload) }),
  });
}

/** A signed fetch() to a listening platform. */
export function signedFetch(
  baseUrl: string,
  credentials: RegisterResponse,
  call: SignedCall & { signal?: AbortSignal },
): Promise<Response> {
  const { payload, headers } = signCall(credentials, call);
  return fetch(new URL(call.url, baseUrl), {
    method: call.method,
    headers,
    ...(payload === undefined ? {} : { body: payload }),
    ...(call.signal ? { signal: call.signal } : {}),
  });
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID (timestamp + randomness, Crockford base32). */
export function testUlid(time = Date.now()): string {
  let out = '';
  let t = time;
  for (let i = 0; i < 10; i += 1) {
    out = CROCKFORD[t % 32]! + out;
    t = Math.floor(t / 32);
  }
  for (const byte of randomBytes(16)) out += CROCKFORD[byte % 32]!;
  return out;
}

/** A valid proofPrinted item of a kiosk, with overrides. */
export function proofPrintedItem(
  kioskId: string,
  overrides: Partial<SubmissionItem> = {},
): SubmissionItem {
  return {
    idempotencyKey: `${kioskId}.${testUlid()}`,
    kind: 'proofPrinted',
    createdAt: '2026-11-23T02:00:00.000Z',
    payload: {
      proofId: 'TX-20261123-1A2B3C4D',
      proofType: 'taxPaid',
      pages: 2,
      printedAt: '2026-11-23T02:01:00.000Z',
    },
    ...overrides,
  };
}

/** POSTs a signed batch; the HTTP status and, on 200, the per-item results. */
export async function submitBatch(
  app: FastifyInstance,
  credentials: RegisterResponse,
  items: SubmissionItem[],
): Promise<{ statusCode: number; results: SubmissionResult[] }> {
  const response = await signedInject(app, credentials, {
    method: 'POST',
    url: '/v1/requests/batch',
    body: { items },
  });
  const results =
    response.statusCode === 200 ? SubmissionBatchResponse.parse(response.json()).results : [];
  return { statusCode: response.statusCode, results };
}

/** A fresh in-memory platform with one kiosk enrolled (FS-CC-0042 unless told), for a test. */
export async function enrolledPlatform(
  kioskId = 'FS-CC-0042',
): Promise<{ platform: TestPlatform; kiosk: RegisterResponse }> {
  const platform = testPlatform();
  return { platform, kiosk: await enrol(platform.app, kioskId) };
}
