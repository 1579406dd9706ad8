import type { CameraSettings } from '../contract/index.js';
import type { CommandHandlers } from './command-handlers.js';
import type { KioskConfig } from './config.js';
import type { DeviceManager } from './device-manager.js';
import type { RendererCamera } from './renderer-camera.js';

type DeviceHandlers = Pick<
  CommandHandlers,
  'Device.CheckHealth' | 'Device.GetCounters' | 'Camera.ReportStatus'
>;

/** Handlers of the device commands: health checks, counters, and the renderer's camera reports. */
export function deviceCommandHandlers(
  manager: DeviceManager,
  camera: RendererCamera | undefined,
): DeviceHandlers {
  return {
    // Common.Cancel or a dropped connection aborts the check (e.g. an interactive one).
    'Device.CheckHealth': async ({ payload, signal }) => {
      const report = await manager.checkHealth(payload.id, payload.level, signal);
      if (report === undefined) {
        return { completionCode: 'invalidData', errorDescription: `no device ${payload.id}` };
      }
      return { completionCode: 'success', payload: report };
    },
    'Device.GetCounters': async () => ({
      completionCode: 'success',
      payload: { devices: manager.counters() },
    }),
    'Camera.ReportStatus': async ({ payload }) => {
      if (camera === undefined) {
        return { completionCode: 'unsupportedCommand', errorDescription: 'no camera configured' };
      }
      camera.report(payload.state, payload.reason);
      return { completionCode: 'success', payload: {} };
    },
  };
}

/** What the renderer needs to open the configured camera. */
export function cameraSettings(config: KioskConfig): CameraSettings {
  const { labelContains, width, height } = config.devices.camera;
  return { width, height, ...(labelContains !== undefined ? { labelContains } : {}) };
}
