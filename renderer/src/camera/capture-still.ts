import type { CameraSettings } from '../../../contract/index.js';
import { stopStream, videoConstraints } from './camera-probe.js';
import type { MediaDevicesLike } from './camera-probe.js';

/**
 * Takes one JPEG photo from the camera and closes it at once. PERSONAL DATA: the Blob lives
 * only in memory; the caller sends it to the core for the transaction and drops it when the
 * session ends. Rejects with the getUserMedia error (see camera-probe `failure`).
 */
export async function captureStill(
  settings: CameraSettings,
  deviceId: string | undefined,
  media: MediaDevicesLike,
  quality = 0.9,
): Promise<Blob> {
  const stream = await media.getUserMedia(videoConstraints(settings, deviceId));
  try {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2D canvas');
    context.drawImage(video, 0, 0);
    video.srcObject = null;
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('no image'))),
        'image/jpeg',
        quality,
      ),
    );
  } finally {
    stopStream(stream);
  }
}
