import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseClaimCode } from '../../contract/claim-code.js';
import { Catalogue, KioskId, type PlatformError } from '../../contract/platform-api.js';
import { FaultRequest } from '../faults/fault-switch.js';
import type { PlatformState } from '../platform-state.js';
import { invalid } from './invalid.js';

/** GET /_control/stats: what the platform stored and answered since the last reset. */
export interface PlatformStats {
  /** Accepted requests stored. */
  acceptedTotal: number;
  /** Accepted requests stored per idempotency key (a correct platform has only 1s). */
  acceptedByKey: Record<string, number>;
  /** Requests stored more than once: Σ (count − 1) over keys (a correct platform has 0). */
  duplicatesStored: number;
  /** Deliveries answered from the idempotency record. */
  replays: number;
  /** Items rejected (first deliveries; replays of a rejection count under replays). */
  rejected: number;
  /** Deliveries whose key came with a different body. */
  keyReused: number;
  /** Deliveries that found their key still being applied. */
  inFlight: number;
  /** Deliveries refused as out of order. */
  outOfOrder: number;
  /** Heartbeats received. */
  heartbeats: number;
  /** tus uploads created and completed. */
  uploads: { created: number; completed: number };
  /** Faults committed. */
  faultsFired: number;
}

const CatalogueChange = z.strictObject({
  services: Catalogue.shape.services.optional(),
  notice: Catalogue.shape.notice.unwrap().nullable().optional(),
  matters: Catalogue.shape.matters.unwrap().nullable().optional(),
});

const EnrolmentCodes = z.strictObject({
  codes: z.array(z.string().min(6).max(64)).min(1).max(100),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The platform's stats. */
export function platformStats(state: PlatformState): PlatformStats {
  const byKey = state.submissions.acceptedByKey();
  const counts = Object.values(byKey);
  return {
    acceptedTotal: counts.reduce((sum, n) => sum + n, 0),
    acceptedByKey: byKey,
    duplicatesStored: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    replays: state.submissions.counter('replays'),
    rejected: state.submissions.counter('rejected'),
    keyReused: state.submissions.counter('keyReused'),
    inFlight: state.submissions.counter('inFlight'),
    outOfOrder: state.submissions.counter('outOfOrder'),
    heartbeats: state.heartbeats.count(),
    uploads: state.uploads.counts(),
    faultsFired: state.faults.firedCount(),
  };
}

/**
 * The test-control API, loopback only and never signed: faults, stats, reset, catalogue bumps,
 * enrolment codes, latest heartbeats — and the back office's claim-ticket lookup for counter
 * staff. Not part of the kiosk ↔ platform contract.
 */
export function registerControlRoutes(app: FastifyInstance, state: PlatformState): void {
  app.register(async (control) => {
    control.addHook('onRequest', async (request, reply) => {
      if (LOOPBACK.has(request.socket.remoteAddress ?? '')) return;
      const body: PlatformError = { error: 'forbidden', message: 'control API is loopback only' };
      await reply.code(403).send(body);
    });
    const none = { config: { signature: 'none' as const } };

    control.post('/_control/faults', none, async (request, reply) => {
      const parsed = FaultRequest.safeParse(request.body);
      if (!parsed.success) return invalid(reply, parsed.error);
      state.faults.arm(parsed.data);
      return { armed: state.faults.describe() };
    });
    control.get('/_control/faults', none, async () => ({ armed: state.faults.describe() }));
    control.delete('/_control/faults', none, async () => {
      state.faults.clear();
      return { armed: null };
    });
    control.get('/_control/stats', none, async () => platformStats(state));
    control.post('/_control/reset', none, async () => {
      state.reset();
      return { reset: true };
    });
    control.post('/_control/catalogue', none, async (request, reply) => {
      const parsed = CatalogueChange.safeParse(request.body ?? {});
      if (!parsed.success) return invalid(reply, parsed.error);
      return state.catalogue.bump(parsed.data);
    });
    control.post('/_control/enrolment-codes', none, async (request, reply) => {
      const parsed = EnrolmentCodes.safeParse(request.body);
      if (!parsed.success) return invalid(reply, parsed.error);
      state.kiosks.addEnrolmentCodes(parsed.data.codes);
      return { added: parsed.data.codes.length };
    });
    control.get('/_control/heartbeats', none, async () => state.heartbeats.latest());
    control.get<{ Params: { kioskId: string; claimCode: string } }>(
      '/_control/claims/:kioskId/:claimCode',
      none,
      async (request, reply) => {
        const { kioskId, claimCode } = request.params;
        const code = parseClaimCode(claimCode);
        if (!KioskId.safeParse(kioskId).success) {
          const body: PlatformError = { error: 'invalidKioskId', message: 'not a kiosk id' };
          return reply.code(400).send(body);
        }
        if (code === undefined) {
          const body: PlatformError = {
            error: 'invalidClaimCode',
            message: 'not a claim code (8 characters, the last a check character): retype it',
          };
          return reply.code(400).send(body);
        }
        const found = state.submissions.findByClaimCode(kioskId, code);
        if (found) return found;
        const body: PlatformError = {
          error: 'noSuchClaim',
          message: 'no request with this claim code has reached the platform from this kiosk',
        };
        return reply.code(404).send(body);
      },
    );
  });
}
