import type { FastifyInstance } from 'fastify';
import type { PlatformState } from '../platform-state.js';
import { UploadStore } from '../store/upload-store.js';
import {
  ownUpload,
  speaksTus,
  TUS_VERSION,
  tusError,
  uploaderOf,
  type UploadRouteOptions,
} from './tus-common.js';
import { patchUpload, UploadLocks } from './upload-patch.js';

/**
 * tus 1.0.0 core + creation for scanned documents: OPTIONS (discovery), POST (create, Location),
 * HEAD (how much arrived), PATCH (append at Upload-Offset; upload-patch.ts). Only the kiosk that
 * created an upload may see or extend it.
 */
export function registerUploadRoutes(
  app: FastifyInstance,
  state: PlatformState,
  options: UploadRouteOptions,
): void {
  const locks = new UploadLocks();

  app.options('/v1/uploads', async (_request, reply) =>
    reply
      .code(204)
      .header('Tus-Resumable', TUS_VERSION)
      .header('Tus-Version', TUS_VERSION)
      .header('Tus-Max-Size', String(options.maxUploadBytes))
      .header('Tus-Extension', 'creation')
      .send(),
  );

  app.post('/v1/uploads', async (request, reply) => {
    if (!speaksTus(request, reply)) return reply;
    if (request.headers['upload-defer-length'] !== undefined) {
      return tusError(reply, 400, 'deferLengthUnsupported', 'send Upload-Length when creating');
    }
    const lengthHeader = request.headers['upload-length'];
    if (typeof lengthHeader !== 'string' || !/^\d{1,16}$/.test(lengthHeader)) {
      return tusError(reply, 400, 'invalidUploadLength', 'Upload-Length must be a byte count');
    }
    const length = Number(lengthHeader);
    if (length > options.maxUploadBytes) {
      reply.header('Tus-Max-Size', String(options.maxUploadBytes));
      return tusError(
        reply,
        413,
        'uploadTooLarge',
        `uploads are limited to ${options.maxUploadBytes} bytes`,
      );
    }
    const metadata = request.headers['upload-metadata'];
    const upload = state.uploads.create(
      uploaderOf(request),
      length,
      typeof metadata === 'string' ? metadata.slice(0, 2000) : undefined,
      options.now(),
    );
    return reply
      .code(201)
      .header('Tus-Resumable', TUS_VERSION)
      .header('Location', UploadStore.urlOf(upload.uploadId))
      .header('Upload-Offset', '0')
      .send();
  });

  app.head<{ Params: { uploadId: string } }>('/v1/uploads/:uploadId', async (request, reply) => {
    if (!speaksTus(request, reply)) return reply;
    const upload = ownUpload(state, request, uploaderOf(request));
    reply.header('Tus-Resumable', TUS_VERSION).header('Cache-Control', 'no-store');
    if (!upload) return reply.code(404).send();
    return reply
      .code(200)
      .header('Upload-Offset', String(upload.offset))
      .header('Upload-Length', String(upload.length))
      .send();
  });

  app.patch<{ Params: { uploadId: string } }>(
    '/v1/uploads/:uploadId',
    { config: { signature: 'deferred' } },
    async (request, reply) => patchUpload(state, options, locks, request, reply),
  );
}
