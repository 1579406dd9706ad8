import type { FastifyInstance } from 'fastify';
import {
  Heartbeat,
  RegisterRequest,
  type HeartbeatResponse,
  type PlatformError,
  type RegisterResponse,
} from '../../contract/platform-api.js';
import type { PlatformState } from '../platform-state.js';
import { invalid } from './invalid.js';

/**
 * Enrolment (unsigned: the kiosk has no secret yet) and heartbeats. Enrolling an already
 * registered kiosk with a valid code rotates its secret — what a technician does after a kiosk's
 * disk is replaced or its secret may have leaked.
 */
export function registerKioskRoutes(
  app: FastifyInstance,
  state: PlatformState,
  now: () => Date,
): void {
  app.post('/v1/kiosks/register', { config: { signature: 'none' } }, async (request, reply) => {
    const parsed = RegisterRequest.safeParse(request.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const enrolled = state.kiosks.enrol(parsed.data.kioskId, parsed.data.enrolmentCode, now());
    if (typeof enrolled === 'string') {
      const body: PlatformError = {
        error: enrolled,
        message:
          enrolled === 'enrolmentCodeUsed'
            ? 'this enrolment code was already used; ask the operator for a new one'
            : 'unknown enrolment code',
      };
      return reply.code(403).send(body);
    }
    const body: RegisterResponse = enrolled;
    return body;
  });

  app.post('/v1/heartbeat', async (request, reply) => {
    const parsed = Heartbeat.safeParse(request.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const at = now();
    state.heartbeats.record(request.kioskId ?? 'unsigned', parsed.data, at);
    const body: HeartbeatResponse = {
      serverTime: at.toISOString(),
      catalogueVersion: state.catalogue.current().version,
    };
    return body;
  });
}
