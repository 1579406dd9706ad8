import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformError } from '../../contract/platform-api.js';
import { claimedKioskId, type SignatureCheck } from '../http/signature-hook.js';
import type { PlatformState } from '../platform-state.js';
import type { UploadRecord } from '../store/upload-store.js';

/** The tus protocol version spoken. */
export const TUS_VERSION = '1.0.0';

/** What the upload routes need. */
export interface UploadRouteOptions {
  /** Platform clock. */
  now: () => Date;
  /** Largest Upload-Length accepted. */
  maxUploadBytes: number;
  /** Signature checking (PATCH checks its own, after hashing the streamed body). */
  signature: SignatureCheck;
}

/** Sends a PlatformError with the tus header every tus answer carries. */
export function tusError(reply: FastifyReply, status: number, error: string, message: string) {
  const body: PlatformError = { error, message };
  return reply.code(status).header('Tus-Resumable', TUS_VERSION).send(body);
}

/** False (and answered 412) when the client speaks another tus version. */
export function speaksTus(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.headers['tus-resumable'] === TUS_VERSION) return true;
  reply.header('Tus-Version', TUS_VERSION);
  void tusError(reply, 412, 'tusVersion', `Tus-Resumable: ${TUS_VERSION} is required`);
  return false;
}

/** The upload named in the URL, if it exists and belongs to the requesting kiosk. */
export function ownUpload(
  state: PlatformState,
  request: FastifyRequest<{ Params: { uploadId: string } }>,
  kioskId: string,
): UploadRecord | undefined {
  const upload = state.uploads.get(request.params.uploadId);
  if (!upload) return undefined;
  return upload.kioskId === kioskId || upload.kioskId === '*' ? upload : undefined;
}

/** The kiosk behind a request: the verified one, else (signatures off) whoever it says it is. */
export function uploaderOf(request: FastifyRequest): string {
  return request.kioskId ?? claimedKioskId(request) ?? '*';
}
