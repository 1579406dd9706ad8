import type { FastifyError, FastifyInstance } from 'fastify';
import type { PlatformError } from '../../contract/platform-api.js';

const CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'bodyTooLarge',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupportedMediaType',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalidJson',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalidJson',
};

/**
 * Every error answer has the contract's PlatformError body. Client errors keep their status and
 * say what was wrong; anything else is a 500 that says nothing about the platform's insides.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        CODES[error.code] ?? (error instanceof SyntaxError ? 'invalidJson' : 'invalidRequest');
      const body: PlatformError = { error: code, message: error.message.slice(0, 300) };
      return reply.code(status).send(body);
    }
    const body: PlatformError = { error: 'internalError', message: 'the platform failed' };
    return reply.code(500).send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    const body: PlatformError = { error: 'notFound' };
    return reply.code(404).send(body);
  });
}
