import type { KioskClient, SessionEndReason } from '../../contract/index.js';
import type { KioskStore } from './store.js';

/** What the renderer uses of a KioskClient; tests pass a fake. */
export type KioskClientLike = Pick<KioskClient, 'connection' | 'onConnection' | 'on' | 'execute'>;

/** Fetches Kiosk.GetState into the store; a failure leaves the store as it was. */
export async function refreshState(client: KioskClientLike, store: KioskStore): Promise<void> {
  const result = await client.execute('Kiosk.GetState', {});
  if (result.kind === 'completed' && result.completionCode === 'success') {
    store.applyKioskState(result.payload);
  }
}

/** Feeds the client's connection and events into the store; returns the unsubscribe function. */
export function bindClient(client: KioskClientLike, store: KioskStore): () => void {
  const onConnection = (state: KioskClientLike['connection']): void => {
    store.setConnection(state);
    // Every (re)connect: the core may have changed anything, a session included.
    if (state === 'open') void refreshState(client, store);
  };
  const unsubscribe = [
    client.onConnection(onConnection),
    client.on('IdCard.CardInserted', ({ identity }) => store.startSession(identity)),
    // IdCard.CardRemoved does not end a session: a SAM reader stops answering for a card once it
    // has been read, and citizens lift their card right after the tap. Sessions end only by
    // Session.Ended (finish, idle timeout).
    client.on('Session.Ended', () => store.clearPerson()),
    client.on('IdCard.ReadFailed', ({ errorCode, action }) =>
      store.showReadFailure(errorCode, action),
    ),
    client.on('Kiosk.ServicesChanged', ({ services }) => store.setServices(services)),
    client.on('Device.StatusChanged', (delta) => store.applyDeviceDelta(delta)),
  ];
  onConnection(client.connection);
  return () => unsubscribe.forEach((off) => off());
}

/**
 * Ends the session. The page is wiped first and unconditionally: if the command is lost (the
 * connection is down), no trace of the person may stay on screen waiting for it.
 */
export function endSession(
  client: KioskClientLike,
  store: KioskStore,
  reason: SessionEndReason,
): void {
  store.clearPerson();
  void client.execute('Session.End', { reason });
}
