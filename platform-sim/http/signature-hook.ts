import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformError } from '../../contract/platform-api.js';
import {
  SIGNATURE_HEADERS,
  verifyRequest,
  type VerifyResult,
} from '../../contract/platform-signing.js';
import type { KioskStore } from '../store/kiosk-store.js';
import './request-context.js';

/** What checking a signature needs. */
export interface SignatureCheck {
  /** Registered kiosks and seen nonces. */
  kiosks: KioskStore;
  /** Platform clock. */
  now: () => Date;
  /** Tolerated clock difference, ms. */
  maxSkewMs: number;
  /** False: accept unsigned requests (tests, and kiosks whose client does not sign yet). */
  requireSignatures: boolean;
}

/** Verifies a request's signature headers over its body (or the body's hex SHA-256). */
export function checkSignature(
  check: SignatureCheck,
  request: FastifyRequest,
  body: { bytes?: Uint8Array } | { sha256Hex: string },
): VerifyResult {
  const nowMs = check.now().getTime();
  return verifyRequest({
    method: request.method,
    path: request.url,
    ...('sha256Hex' in body ? { bodySha256Hex: body.sha256Hex } : { body: body.bytes }),
    headers: request.headers,
    secretFor: (kioskId) => check.kiosks.secretFor(kioskId),
    now: nowMs,
    maxSkewMs: check.maxSkewMs,
    seenNonce: (kioskId, nonce) => check.kiosks.seenNonce(kioskId, nonce, nowMs),
  });
}

/** Answers 401 for a refused signature; the body carries the platform clock. */
export async function refuseSignature(
  check: SignatureCheck,
  reply: FastifyReply,
  failure: Extract<VerifyResult, { ok: false }>,
): Promise<void> {
  const body: PlatformError = {
    error: failure.code,
    message: failure.message,
    serverTime: check.now().toISOString(),
  };
  await reply.code(401).header('WWW-Authenticate', 'KioskSignature').send(body);
}

/** The kiosk id an unsigned request names, when signatures are off. */
export function claimedKioskId(request: FastifyRequest): string | undefined {
  const value = request.headers[SIGNATURE_HEADERS.kioskId.toLowerCase()];
  return typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value) ? value : undefined;
}

/**
 * preHandler: every route whose config does not say otherwise needs a valid signature. Routes
 * that stream their body (tus PATCH) say "deferred" and check it themselves once hashed.
 */
export function signatureHook(check: SignatureCheck) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const mode = request.routeOptions.config.signature ?? 'required';
    if (mode !== 'required' || request.is404) return;
    if (!check.requireSignatures) {
      request.kioskId = claimedKioskId(request);
      return;
    }
    const verdict = checkSignature(check, request, { bytes: request.rawBody });
    if (!verdict.ok) return refuseSignature(check, reply, verdict);
    request.kioskId = verdict.kioskId;
  };
}
