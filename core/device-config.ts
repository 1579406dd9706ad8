import { z } from 'zod';

/** The special port value that makes the core start the device simulators itself. */
export const SIMULATED_PORT = 'simulator';

/** A serial path (/dev/ttyUSB0, COM3), `tcp:HOST:PORT`, or "simulator". */
const Port = z.string().min(1).default(SIMULATED_PORT);

/** Whether the device is fitted in this kiosk; services that need a missing device are hidden. */
const Installed = z.boolean().default(true);

/** The devices of one kiosk. Defaults: every device present and simulated. */
export const DevicesConfig = z
  .strictObject({
    idCardReader: z
      .strictObject({
        /** Serial path (/dev/ttyUSB0, COM3), `tcp:HOST:PORT`, or "simulator". */
        port: Port,
        /** Baud rate, or "auto" to probe 115200, 9600, 57600, 38400, 19200 at each (re)connect. */
        baud: z.union([z.number().int().positive(), z.literal('auto')]).default('auto'),
        /** Card polling interval in ms. */
        pollIntervalMs: z.number().int().min(100).max(10_000).default(500),
      })
      .prefault({}),
    camera: z
      .strictObject({
        /** Whether a camera is fitted. */
        installed: Installed,
        /** Pick the camera whose label contains this text; the first camera when absent. */
        labelContains: z.string().min(1).max(128).optional(),
        /** Requested capture width in pixels. */
        width: z.number().int().min(160).max(4096).default(1280),
        /** Requested capture height in pixels. */
        height: z.number().int().min(120).max(4096).default(720),
      })
      .prefault({}),
  })
  .prefault({});
export type DevicesConfig = z.infer<typeof DevicesConfig>;
