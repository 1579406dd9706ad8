import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { succeed } from '../device/device-result.js';
import type { Timers } from '../util/timers.js';
import { httpFailure, ippFail, networkFailure } from './ipp-failure.js';
import type { IppResult } from './ipp-failure.js';

/** One IPP-over-HTTP exchange (RFC 8010 §4: POST, Content-Type application/ipp). */
export interface IppPost {
  /** Host name or address. */
  readonly host: string;
  /** TCP port. */
  readonly port: number;
  /** Request path, e.g. /printers/PDF. */
  readonly path: string;
  /** The encoded IPP request (with its document). */
  readonly body: Uint8Array;
  /** Fails with timeOut after this many milliseconds. */
  readonly timeoutMs: number;
  /** Fails with cancelled when aborted. */
  readonly signal?: AbortSignal | undefined;
  /** Clock for the timeout. */
  readonly timers: Timers;
  /** Responses larger than this fail (badResponse). */
  readonly maxResponseBytes: number;
}

/** Answers bigger than any printer's attribute set: a bound, not a target. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/**
 * POSTs an IPP request and returns the response body. Never rejects: refused connections
 * (cupsd down), unreachable hosts, timeouts, aborts, HTTP errors and oversized answers are
 * typed failures. A new connection per request (no keep-alive): a restarted cupsd is simply
 * reached by the next call.
 */
export function postIpp(o: IppPost): Promise<IppResult<Uint8Array>> {
  const where = `${o.host}:${o.port}`;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: IppResult<Uint8Array>): void => {
      if (settled) return;
      settled = true;
      o.timers.clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      if (!result.ok) req.destroy();
      resolve(result);
    };
    const req = request({
      host: o.host,
      port: o.port,
      path: o.path,
      method: 'POST',
      agent: false,
      headers: {
        'Content-Type': 'application/ipp',
        'Content-Length': o.body.length,
        Accept: 'application/ipp',
      },
    });
    const onAbort = (): void =>
      finish(ippFail('cancelled', 'user', 'clear', `IPP request to ${where} cancelled`));
    const timer = o.timers.setTimeout(
      () =>
        finish(
          ippFail(
            'timeOut',
            'hardware',
            'reset',
            `no IPP answer from ${where} in ${o.timeoutMs} ms`,
          ),
        ),
      o.timeoutMs,
    );
    // Before anything can call finish(): destroying the request emits 'error'.
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish(networkFailure(error.code, where, error.message)),
    );
    if (o.signal?.aborted) {
      onAbort();
      return;
    }
    o.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('response', (response) => readResponse(response, o, where).then(finish));
    req.end(o.body);
  });
}

function readResponse(
  response: IncomingMessage,
  o: IppPost,
  where: string,
): Promise<IppResult<Uint8Array>> {
  return new Promise((resolve) => {
    if (response.statusCode !== 200) {
      response.resume();
      resolve(httpFailure(response.statusCode ?? 0, where));
      return;
    }
    const type = response.headers['content-type'] ?? '';
    if (!type.toLowerCase().startsWith('application/ipp')) {
      response.resume();
      resolve(ippFail('badResponse', 'software', 'softwareError', `${where} answered "${type}"`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > o.maxResponseBytes) {
        response.destroy();
        resolve(
          ippFail(
            'badResponse',
            'software',
            'softwareError',
            `${where}: answer over ${size} bytes`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    response.on('error', (error: NodeJS.ErrnoException) =>
      resolve(networkFailure(error.code, where, error.message)),
    );
    response.on('end', () => resolve(succeed(new Uint8Array(Buffer.concat(chunks)))));
  });
}
