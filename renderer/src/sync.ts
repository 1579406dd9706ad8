import type { KioskState, SessionEndReason } from '../../contract/index.js';
import type { KioskClientLike } from './kiosk-client-like.js';
import { startCameraReporter } from './camera/camera-reporter.js';
import type { KioskStore } from './store.js';

export type { KioskClientLike } from './kiosk-client-like.js';

/** Fetches Kiosk.GetState into the store; a failure leaves the store as it was. */
export async function refreshState(
  client: KioskClientLike,
  store: KioskStore,
): Promise<KioskState | undefined> {
  const result = await client.execute('Kiosk.GetState', {});
  if (result.kind !== 'completed' || result.completionCode !== 'success') return undefined;
  store.applyKioskState(result.payload);
  return result.payload;
}

/**
 * Feeds the client's connection and events into the store, and (when the kiosk has a camera)
 * reports the camera to the core after every (re)connect; returns the unsubscribe function.
 */
export function bindClient(
  client: KioskClientLike,
  store: KioskStore,
  media?: Parameters<typeof startCameraReporter>[2],
): () => void {
  let camera: ReturnType<typeof startCameraReporter> | undefined;
  const onConnection = (state: KioskClientLike['connection']): void => {
    store.setConnection(state);
    // Every (re)connect: the core may have changed anything, a session included, and a
    // restarted core knows nothing of the camera.
    if (state !== 'open') return;
    void refreshState(client, store).then((kiosk) => {
      camera?.stop();
      camera = kiosk?.camera ? startCameraReporter(client, kiosk.camera, media) : undefined;
    });
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
    client.on('Kiosk.CatalogueChanged', ({ catalogue }) => store.setCatalogue(catalogue)),
    client.on('Device.StatusChanged', (delta) => store.applyDeviceDelta(delta)),
  ];
  onConnection(client.connection);
  return () => {
    camera?.stop();
    unsubscribe.forEach((off) => off());
  };
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
