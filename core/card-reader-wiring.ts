import { unsolicited } from '../contract/index.js';
import type { CardIdentity, IdCardReader } from '../devices/index.js';
import type { CitizenSession } from './citizen-session.js';
import type { Logger } from './log.js';

/**
 * The ID-card reader drives the citizen session: a card read starts a session (after `newPerson`
 * dropped everything prepared for the previous one), and every reader event reaches the screen.
 * Only the masked identity is logged or broadcast.
 */
export function wireCardReader(
  reader: Pick<IdCardReader, 'on'>,
  session: CitizenSession<CardIdentity>,
  deps: { newPerson: () => void; broadcast: (message: object) => void; log: Logger },
): void {
  const { broadcast, log } = deps;
  reader.on('cardInserted', ({ identity, masked }) => {
    // A new card is a new person: nothing prepared for the previous one may reach them.
    deps.newPerson();
    session.start(identity, masked);
    log.info({ cardType: masked.cardType, idNumber: masked.maskedIdNumber }, 'session.start');
    broadcast(unsolicited('IdCard.CardInserted', { identity: masked }));
  });
  // Not the end of the session: a read card stops answering even while it lies on the reader.
  reader.on('cardRemoved', () => broadcast(unsolicited('IdCard.CardRemoved', {})));
  reader.on('readFailed', (failure) => {
    log.info({ errorCode: failure.errorCode }, 'idcard.readFailed');
    broadcast(unsolicited('IdCard.ReadFailed', failure));
  });
}
