import type { FastifyInstance } from 'fastify';
import './request-context.js';

/** Media type of a tus PATCH body. */
export const TUS_PATCH_TYPE = 'application/offset+octet-stream';

/**
 * JSON bodies are read as bytes first and kept on the request, because the signature covers the
 * exact bytes sent, not what they parse to; then parsed by Fastify's own (prototype-poisoning
 * safe) JSON parser. tus PATCH bodies are left unread for the upload route to stream to disk.
 */
export function installBodyParsers(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer;
    parseJson(request, (body as Buffer).toString('utf8'), done);
  });
  app.addContentTypeParser(TUS_PATCH_TYPE, (_request, _payload, done) => done(null, undefined));
}
