import { unsolicited } from '../../contract/index.js';
import type { CommandHandlers } from '../command-handlers.js';
import type { Logger } from '../log.js';
import { claimHandlers } from './claim-handlers.js';
import { deadLetterHandlers } from './dead-letter-handlers.js';
import type { Sync } from './sync-wiring.js';

/** The technician's sync commands: status, dead letters, claim tickets. */
export function syncHandlers(
  sync: Sync,
  log: Logger,
  broadcast: (message: object) => void,
): Pick<
  CommandHandlers,
  'Sync.GetStatus' | 'Sync.ListDeadLetters' | 'Sync.ResolveDeadLetter' | 'Sync.FindClaim'
> {
  return {
    'Sync.GetStatus': async () => ({ completionCode: 'success', payload: sync.status() }),
    ...deadLetterHandlers({
      outbox: sync.outbox,
      nudge: () => sync.platformOnline(),
      log,
      changed: () => broadcast(unsolicited('Sync.StatusChanged', sync.status())),
    }),
    ...claimHandlers(sync.outbox),
  };
}
