import type { ActiveFault } from '../faults/fault-switch.js';

/** What the platform's hooks attach to a request. */
declare module 'fastify' {
  interface FastifyRequest {
    /** The exact body bytes of a JSON request (what the signature covers). */
    rawBody?: Buffer;
    /** The kiosk whose signature verified (undefined when signatures are off). */
    kioskId?: string;
    /** The fault this request was chosen for, if any. */
    fault?: ActiveFault;
  }
  interface FastifyContextConfig {
    /** How the request is authenticated: "required" (default), "none", or "deferred" to the handler (streamed bodies). */
    signature?: 'required' | 'none' | 'deferred';
  }
}
