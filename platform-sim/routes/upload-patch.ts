import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, truncate } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SIGNATURE_HEADERS } from '../../contract/platform-signing.js';
import { TUS_PATCH_TYPE } from '../http/body-parsers.js';
import { checkSignature, refuseSignature } from '../http/signature-hook.js';
import type { PlatformState } from '../platform-state.js';
import {
  ownUpload,
  speaksTus,
  TUS_VERSION,
  tusError,
  uploaderOf,
  type UploadRouteOptions,
} from './tus-common.js';

/**
 * One PATCH at a time per upload. A newer PATCH cuts off an older one still running — after a
 * dropped connection the platform may not have noticed yet that the old one is gone, and the
 * kiosk's resume must not wait for a half-open TCP connection to time out.
 */
export class UploadLocks {
  private readonly held = new Map<string, { abort: () => void; released: Promise<void> }>();

  /** Takes the lock of an upload; `abort` cuts this PATCH off if a newer one arrives. */
  async acquire(uploadId: string, abort: () => void): Promise<() => void> {
    for (let older = this.held.get(uploadId); older; older = this.held.get(uploadId)) {
      older.abort();
      await older.released;
    }
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.held.set(uploadId, { abort, released });
    return () => {
      this.held.delete(uploadId);
      release();
    };
  }
}

type Received =
  { ok: true; bytes: number; sha256Hex: string } | { ok: false; reason: 'aborted' | 'tooLong' };

/** Streams a PATCH body into the file at `offset`, hashing it; at most `room` bytes. */
async function receive(
  body: IncomingMessage,
  file: string,
  offset: number,
  room: number,
): Promise<Received> {
  const handle = await open(file, 'r+');
  const hash = createHash('sha256');
  let bytes = 0;
  let tooLong = false;
  try {
    for await (const chunk of body) {
      const data = chunk as Buffer;
      // Past the declared length: keep reading (so the 413 can be answered) but write nothing.
      if (tooLong || bytes + data.length > room) {
        tooLong = true;
        continue;
      }
      await handle.write(data, 0, data.length, offset + bytes);
      hash.update(data);
      bytes += data.length;
    }
    if (!body.complete) return { ok: false, reason: 'aborted' };
    if (tooLong) return { ok: false, reason: 'tooLong' };
    await handle.datasync();
    return { ok: true, bytes, sha256Hex: hash.digest('hex') };
  } catch {
    return { ok: false, reason: 'aborted' };
  } finally {
    await handle.close();
  }
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * tus PATCH. A PATCH is applied whole or not at all: the signature covers the SHA-256 of its
 * body, so it can only be checked once the body is in, and the bytes of a PATCH cut off half-way
 * are unauthenticated and discarded. The kiosk resumes from the offset HEAD reports, so it should
 * send a large file in chunks (a few MiB) rather than in one PATCH.
 */
export async function patchUpload(
  state: PlatformState,
  options: UploadRouteOptions,
  locks: UploadLocks,
  request: FastifyRequest<{ Params: { uploadId: string } }>,
  reply: FastifyReply,
): Promise<FastifyReply> {
  if (!speaksTus(request, reply)) return reply;
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== TUS_PATCH_TYPE) {
    return tusError(reply, 415, 'unsupportedMediaType', `PATCH bodies are ${TUS_PATCH_TYPE}`);
  }
  const check = options.signature;
  const claimed = request.headers[SIGNATURE_HEADERS.kioskId.toLowerCase()];
  if (
    check.requireSignatures &&
    (typeof claimed !== 'string' || !check.kiosks.secretFor(claimed))
  ) {
    // Refused before reading a body an unknown sender could make as long as it likes.
    const verdict = checkSignature(check, request, { bytes: new Uint8Array(0) });
    if (!verdict.ok) return refuseSignature(check, reply, verdict).then(() => reply);
  }
  const kioskId = check.requireSignatures ? (claimed as string) : uploaderOf(request);
  const offsetHeader = request.headers['upload-offset'];
  if (typeof offsetHeader !== 'string' || !/^\d{1,16}$/.test(offsetHeader)) {
    return tusError(reply, 400, 'invalidUploadOffset', 'Upload-Offset must be a byte offset');
  }
  const release = await locks.acquire(request.params.uploadId, () => request.raw.destroy());
  try {
    const upload = ownUpload(state, request, kioskId);
    if (!upload) return tusError(reply, 404, 'notFound', 'no such upload of this kiosk');
    if (Number(offsetHeader) !== upload.offset) {
      reply.header('Upload-Offset', String(upload.offset));
      return tusError(reply, 409, 'offsetMismatch', `the upload is at offset ${upload.offset}`);
    }
    const room = upload.length - upload.offset;
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > room) {
      return tusError(reply, 413, 'uploadTooLong', 'the body goes past Upload-Length');
    }
    const file = state.uploads.fileOf(upload.uploadId);
    const received = await receive(request.raw, file, upload.offset, room);
    const undo = () => truncate(file, upload.offset);
    if (!received.ok) {
      await undo();
      if (received.reason === 'aborted') {
        reply.hijack(); // the connection is gone: nobody to answer
        return reply;
      }
      return tusError(reply, 413, 'uploadTooLong', 'the body goes past Upload-Length');
    }
    if (check.requireSignatures) {
      const verdict = checkSignature(check, request, { sha256Hex: received.sha256Hex });
      if (!verdict.ok) {
        await undo();
        return refuseSignature(check, reply, verdict).then(() => reply);
      }
    }
    const offset = upload.offset + received.bytes;
    const complete = offset === upload.length;
    state.uploads.commitOffset(
      upload.uploadId,
      offset,
      options.now(),
      complete ? await fileSha256(file) : undefined,
    );
    return reply
      .code(204)
      .header('Tus-Resumable', TUS_VERSION)
      .header('Upload-Offset', String(offset))
      .send();
  } finally {
    release();
  }
}
