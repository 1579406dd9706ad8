import type { CameraSettings, DeviceState } from '../../../contract/index.js';

/** What the renderer found when it tried the configured camera. */
export interface CameraFinding {
  /** Device state to report to the core. */
  readonly state: DeviceState;
  /** Why it is not online: notSupported, notFound, notMatched, permissionDenied, inUse, failed. */
  readonly reason?: string;
  /** The chosen camera's deviceId, when one was found (for capture). */
  readonly deviceId?: string;
}

/** The part of `navigator.mediaDevices` the camera code uses (tests pass a fake). */
export type MediaDevicesLike = Pick<MediaDevices, 'enumerateDevices' | 'getUserMedia'>;

/** getUserMedia constraints for the configured camera, or the first one. */
export function videoConstraints(
  settings: CameraSettings,
  deviceId?: string,
): MediaStreamConstraints {
  return {
    audio: false,
    video: {
      width: { ideal: settings.width },
      height: { ideal: settings.height },
      ...(deviceId !== undefined ? { deviceId: { exact: deviceId } } : {}),
    },
  };
}

/** Stops every track, so the camera's light goes off and no frame lingers. */
export function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * Finds and briefly opens the configured camera. Labels are only visible after a first
 * permission grant, so the probe opens any camera first, then picks by label, then opens the
 * chosen one at the requested size, and closes it again. Never rejects.
 */
export async function probeCamera(
  settings: CameraSettings,
  media: MediaDevicesLike | undefined,
): Promise<CameraFinding> {
  if (media === undefined) return { state: 'noDevice', reason: 'notSupported' };
  try {
    stopStream(await media.getUserMedia(videoConstraints(settings)));
    const cameras = (await media.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    const wanted = settings.labelContains;
    const chosen =
      wanted === undefined ? cameras[0] : cameras.find((c) => c.label.includes(wanted));
    if (chosen === undefined) {
      return { state: 'noDevice', reason: cameras.length === 0 ? 'notFound' : 'notMatched' };
    }
    stopStream(await media.getUserMedia(videoConstraints(settings, chosen.deviceId)));
    return { state: 'online', deviceId: chosen.deviceId };
  } catch (error) {
    return failure(error);
  }
}

/** Maps a getUserMedia DOMException to a finding. */
export function failure(error: unknown): CameraFinding {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return { state: 'offline', reason: 'permissionDenied' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return { state: 'noDevice', reason: 'notFound' };
  if (name === 'NotReadableError' || name === 'AbortError')
    return { state: 'hardwareError', reason: 'inUse' };
  return { state: 'hardwareError', reason: 'failed' };
}
