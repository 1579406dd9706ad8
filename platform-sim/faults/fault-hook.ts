import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FaultSwitch } from './fault-switch.js';
import '../http/request-context.js';

/**
 * Runs as the last preHandler (after the signature check): picks this request's fault and
 * commits it — answering 500/429, holding or resetting the connection before the handler runs,
 * or arming the response so that what the handler sends is dropped or cut in half after it has
 * applied and stored the request. Needs a listening server: inject() has no socket to drop.
 */
export function faultHook(faults: FaultSwitch, closing: AbortSignal) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const fault = faults.take(request.url);
    if (!fault) return;
    request.fault = fault;
    switch (fault.mode) {
      case 'error500':
        await reply.code(500).send({ error: 'internalError', message: 'injected fault: error500' });
        return;
      case 'rateLimit429':
        reply.header('Retry-After', String(fault.retryAfterSeconds));
        await reply
          .code(429)
          .send({ error: 'rateLimited', message: 'too many requests; retry later' });
        return;
      case 'reset':
        reply.hijack();
        resetSocket(request.raw.socket);
        return;
      case 'stall': {
        reply.hijack();
        const socket = request.raw.socket;
        const gone = new AbortController();
        socket.once('close', () => gone.abort());
        await sleep(fault.stallMs, undefined, {
          signal: AbortSignal.any([gone.signal, closing]),
        }).catch(() => undefined);
        socket.destroy();
        return;
      }
      case 'commitThenDrop':
        dropInsteadOfAnswering(reply.raw);
        return;
      case 'truncatedBody':
        sendHalfTheBody(reply.raw);
        return;
      case 'slowApply':
        return; // read by the submission routes
    }
  };
}

/** Closes with a TCP RST where the platform supports it (the client sees ECONNRESET). */
function resetSocket(socket: Socket): void {
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/*
 * The response is patched at the Node level because Fastify writes it after every hook has run:
 * the handler applies and stores the request as usual, and only the bytes never leave.
 */
function dropInsteadOfAnswering(res: ServerResponse): void {
  res.writeHead = (() => res) as ServerResponse['writeHead'];
  res.write = (() => true) as ServerResponse['write'];
  res.end = (() => {
    res.socket?.destroy();
    return res;
  }) as ServerResponse['end'];
}

function sendHalfTheBody(res: ServerResponse): void {
  const write = res.write.bind(res) as (chunk: Uint8Array, callback: () => void) => boolean;
  res.end = ((chunk?: unknown) => {
    const bytes =
      typeof chunk === 'string' || chunk instanceof Uint8Array
        ? Buffer.from(chunk)
        : Buffer.alloc(0);
    // Content-Length still announces the whole body; the connection closes after half of it.
    write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    return res;
  }) as ServerResponse['end'];
}
