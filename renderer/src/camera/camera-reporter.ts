import type { CameraSettings } from '../../../contract/index.js';
import type { KioskClientLike } from '../kiosk-client-like.js';
import { probeCamera } from './camera-probe.js';
import type { CameraFinding, MediaDevicesLike } from './camera-probe.js';

/**
 * Probes the configured camera and reports it to the core (Camera.ReportStatus), again whenever
 * a camera is plugged in or out. Returns the function that stops listening. The last finding is
 * kept for capture (`current()`).
 */
export function startCameraReporter(
  client: KioskClientLike,
  settings: CameraSettings,
  media:
    | (MediaDevicesLike & Partial<Pick<MediaDevices, 'addEventListener' | 'removeEventListener'>>)
    | undefined,
): { current: () => CameraFinding | undefined; stop: () => void } {
  let finding: CameraFinding | undefined;
  let generation = 0;
  const probe = async (): Promise<void> => {
    const mine = ++generation;
    const found = await probeCamera(settings, media);
    if (mine !== generation) return;
    finding = found;
    void client.execute('Camera.ReportStatus', {
      state: found.state,
      ...(found.reason !== undefined ? { reason: found.reason } : {}),
    });
  };
  const onChange = (): void => void probe();
  media?.addEventListener?.('devicechange', onChange);
  void probe();
  return {
    current: () => finding,
    stop: () => {
      generation++;
      media?.removeEventListener?.('devicechange', onChange);
    },
  };
}
