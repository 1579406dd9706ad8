import { maskIdNumbersInText, type DeadLetterSummary } from '../../contract/index.js';
import type { DeadLetter } from '../../offline-cache/outbox/dead-letter-list.js';
import type { OutboxFailure } from '../../offline-cache/outbox/outbox-failure.js';
import type { Outbox } from '../../offline-cache/outbox/outbox.js';
import type { RequestStatus } from '../../offline-cache/outbox/outbox-types.js';
import type { CommandHandlers, HandlerOutcome } from '../command-handlers.js';
import type { Logger } from '../log.js';

type DeadLetterHandlers = Pick<CommandHandlers, 'Sync.ListDeadLetters' | 'Sync.ResolveDeadLetter'>;

/** What the dead-letter handlers need from the core. */
export interface DeadLetterHandlerDeps {
  /** The durable outbox: its dead letters, their resolution, and each request's record. */
  outbox: Pick<Outbox, 'deadLetters' | 'resolveDeadLetter' | 'get'>;
  /** Wakes the relay (a requeued request is due at once). */
  nudge: () => void;
  /** Logger (no personal data). */
  log: Logger;
  /** Called after a dead letter was settled (the sync figures changed). */
  changed: () => void;
}

/** Why a request that is not an open dead letter cannot be settled, by its status. */
const NOT_OPEN: Record<Exclude<RequestStatus, 'deadLettered'>, string> = {
  queued: 'it is waiting to be sent (requeued already, or never refused)',
  confirmed: 'the platform accepted it',
  discarded: 'it was discarded already',
};

/** Dead letters listed when the command names no limit. */
const DEFAULT_LIMIT = 100;

/**
 * The technician's dead-letter commands: list the requests the platform refused (without personal
 * data), and settle one — requeue after the cause was fixed, or discard (its payload is erased).
 */
export function deadLetterHandlers(deps: DeadLetterHandlerDeps): DeadLetterHandlers {
  return {
    'Sync.ListDeadLetters': async ({ payload }) => {
      const letters = deps.outbox.deadLetters.list(payload.limit ?? DEFAULT_LIMIT);
      const deadLetters = letters.map(toSummary);
      return {
        completionCode: 'success',
        payload: { deadLetters, total: deps.outbox.deadLetters.openCount() },
      };
    },
    'Sync.ResolveDeadLetter': async ({ payload }) => {
      const { idempotencyKey, resolution, technicianId, reason } = payload;
      const request = deps.outbox.get(idempotencyKey);
      if (request === undefined) {
        return refused(`no request has the key ${idempotencyKey}`);
      }
      if (request.status !== 'deadLettered') {
        return refused(
          `request ${idempotencyKey} is not an open dead letter: ${NOT_OPEN[request.status]}`,
        );
      }
      const resolved = deps.outbox.resolveDeadLetter(idempotencyKey, resolution, {
        technicianId,
        reason,
      });
      if (!resolved.ok) return failed(resolved);
      // The reason stays in the database: free text a person typed may name the citizen.
      deps.log.warn(
        { idempotencyKey, kind: request.kind, resolution, technicianId },
        'sync.deadLetterResolved',
      );
      if (resolution === 'requeue') deps.nudge();
      deps.changed();
      return { completionCode: 'success', payload: {} };
    },
  };
}

/** A dead letter as the technician console sees it. */
function toSummary(letter: DeadLetter): DeadLetterSummary {
  const summary: DeadLetterSummary = {
    idempotencyKey: letter.idempotencyKey,
    kind: letter.kind,
    claimCode: letter.claimCode,
    createdAt: letter.createdAt,
    deadLetteredAt: letter.deadLetteredAt,
    errorCode: letter.errorCode.slice(0, 64),
    attempts: letter.attempts,
    holding: letter.holding,
  };
  // The platform promises no personal data in messages; an ID number is masked all the same.
  if (letter.message !== undefined)
    summary.message = maskIdNumbersInText(letter.message).slice(0, 300);
  if (letter.orderingKey !== undefined) summary.orderingKey = letter.orderingKey;
  if (letter.sequence !== undefined) summary.sequence = letter.sequence;
  return summary;
}

function refused(errorDescription: string): HandlerOutcome<never> {
  return {
    completionCode: 'invalidData',
    errorDescription,
    payload: { errorCode: 'notDeadLettered', action: 'clear' },
  };
}

function failed(failure: OutboxFailure): HandlerOutcome<never> {
  const completionCode =
    failure.code === 'notDeadLettered'
      ? 'invalidData'
      : failure.code === 'storageFull'
        ? 'notEnoughSpace'
        : 'internalError';
  return {
    completionCode,
    errorDescription: failure.message,
    payload: { errorCode: failure.code, action: failure.action },
  };
}
