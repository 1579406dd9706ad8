import type { CommandHandlers } from '../command-handlers.js';
import { formatClaimCode } from '../../offline-cache/outbox/claim-code.js';
import type { Outbox } from '../../offline-cache/outbox/outbox.js';

/**
 * `Sync.FindClaim`: a hall clerk or technician at the kiosk looks up a claim ticket — whether
 * the request behind it is still queued, confirmed (with the platform's tracking number) or held
 * by a technician. Only the request's standing, never its personal data.
 */
export function claimHandlers(
  outbox: Pick<Outbox, 'findByClaimCode'>,
): Pick<CommandHandlers, 'Sync.FindClaim'> {
  return {
    'Sync.FindClaim': async ({ payload }) => {
      const found = outbox.findByClaimCode(payload.claimCode);
      if (!found) {
        return {
          completionCode: 'invalidData',
          errorDescription: 'no request on this kiosk has that claim code',
          payload: { errorCode: 'noSuchClaim', action: 'clear' },
        };
      }
      return {
        completionCode: 'success',
        payload: {
          claimCode: formatClaimCode(found.claimCode),
          idempotencyKey: found.idempotencyKey,
          kind: found.kind,
          status: found.status,
          createdAt: found.createdAt,
          ...(found.trackingNumber !== undefined ? { trackingNumber: found.trackingNumber } : {}),
          ...(found.confirmedAt !== undefined ? { confirmedAt: found.confirmedAt } : {}),
        },
      };
    },
  };
}
