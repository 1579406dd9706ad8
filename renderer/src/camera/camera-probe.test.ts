import { describe, expect, it } from 'vitest';
import { probeCamera } from './camera-probe.js';
import type { MediaDevicesLike } from './camera-probe.js';

const settings = { width: 1280, height: 720 };

function fakeMedia(
  cameras: Array<{ deviceId: string; label: string }>,
  fail?: string,
): MediaDevicesLike & { opened: MediaStreamConstraints[]; stopped: number } {
  const fake = {
    opened: [] as MediaStreamConstraints[],
    stopped: 0,
    async getUserMedia(constraints?: MediaStreamConstraints) {
      if (fail) throw Object.assign(new Error(fail), { name: fail });
      fake.opened.push(constraints ?? {});
      return { getTracks: () => [{ stop: () => fake.stopped++ }] } as unknown as MediaStream;
    },
    async enumerateDevices() {
      return cameras.map((c) => ({ ...c, kind: 'videoinput', groupId: '' })) as MediaDeviceInfo[];
    },
  };
  return fake;
}

describe('probeCamera', () => {
  it('opens the camera whose label matches, at the requested size, and closes it again', async () => {
    const media = fakeMedia([
      { deviceId: 'a', label: 'Integrated Webcam' },
      { deviceId: 'b', label: 'USB2.0 HD UVC' },
    ]);
    const found = await probeCamera({ ...settings, labelContains: 'USB2.0' }, media);
    expect(found).toEqual({ state: 'online', deviceId: 'b' });
    expect(media.opened.at(-1)?.video).toMatchObject({
      deviceId: { exact: 'b' },
      width: { ideal: 1280 },
    });
    expect(media.stopped).toBe(2);
  });

  it('says which problem staff must fix', async () => {
    expect(await probeCamera(settings, undefined)).toMatchObject({ reason: 'notSupported' });
    expect(await probeCamera(settings, fakeMedia([]))).toMatchObject({
      state: 'noDevice',
      reason: 'notFound',
    });
    const other = fakeMedia([{ deviceId: 'a', label: 'Integrated Webcam' }]);
    expect(await probeCamera({ ...settings, labelContains: 'USB' }, other)).toMatchObject({
      reason: 'notMatched',
    });
    expect(await probeCamera(settings, fakeMedia([], 'NotAllowedError'))).toMatchObject({
      state: 'offline',
      reason: 'permissionDenied',
    });
    expect(await probeCamera(settings, fakeMedia([], 'NotReadableError'))).toMatchObject({
      state: 'hardwareError',
      reason: 'inUse',
    });
  });
});
