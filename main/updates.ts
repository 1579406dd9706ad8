/**
 * Seam for application updates. Fleet kiosks are updated through the OS package channel (the .deb
 * in the hall's apt repository, or a replaced AppImage) by the operator's device management, so
 * the shell does nothing itself. An in-app updater (electron-updater: autoUpdater.checkForUpdates
 * on start, quitAndInstall only while no citizen session runs) would implement this interface and
 * be passed to the shell instead of `fleetManagedUpdates`.
 */
export interface UpdateService {
  /** Called once the kiosk is showing; may schedule update checks. */
  start(): void;
  /** Called on quit; cancels pending checks. */
  stop(): void;
}

/** Updates come from outside the app: nothing to do. */
export const fleetManagedUpdates: UpdateService = {
  start: () => undefined,
  stop: () => undefined,
};
