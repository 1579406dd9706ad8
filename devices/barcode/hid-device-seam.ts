/*
 * The one file that touches node-hid. Everything else gets a HidDeviceFactory injected, because
 * no virtual HID device can be created on the build machines: tests use a fake factory instead.
 * node-hid is imported lazily so that a kiosk with serial scanners only never loads it.
 */

/** One HID device as the OS lists it. */
export interface HidDeviceInfo {
  /** Path to open it with (hidraw node, IOService path, Windows device path). */
  readonly path: string;
  /** USB vendor ID. */
  readonly vendorId: number;
  /** USB product ID. */
  readonly productId: number;
  /** Top-level usage page (0x8C for HID POS scanners) where the platform reports it. */
  readonly usagePage?: number;
  /** Top-level usage (0x02 for a HID POS scanner) where the platform reports it. */
  readonly usage?: number;
  /** Product string, for logs. */
  readonly product?: string;
}

/** An open HID device. */
export interface HidHandle {
  /** Subscribes to input reports (report ID first for numbered reports); returns the unsubscriber. */
  onData(listener: (report: Uint8Array) => void): () => void;
  /** Subscribes to read errors (the device was unplugged or failed); returns the unsubscriber. */
  onError(listener: (error: Error) => void): () => void;
  /** Closes the device; safe to call more than once. */
  close(): Promise<void>;
  /** Sends an output report (report ID first), if the device takes output. */
  write?(report: Uint8Array): Promise<void>;
}

/** Lists and opens HID devices: the node-hid boundary. */
export interface HidDeviceFactory {
  /** The HID devices attached now. */
  list(): Promise<HidDeviceInfo[]>;
  /** Opens one by path; rejects when it cannot be opened (gone, permission denied). */
  open(path: string): Promise<HidHandle>;
}

/** The real factory over node-hid's async API (HID.devicesAsync, HID.HIDAsync.open). */
export const nodeHidFactory: HidDeviceFactory = {
  async list() {
    const hid = await import('node-hid');
    const devices = await hid.devicesAsync();
    return devices.flatMap((d) =>
      d.path === undefined
        ? []
        : [
            {
              path: d.path,
              vendorId: d.vendorId,
              productId: d.productId,
              ...(d.usagePage !== undefined ? { usagePage: d.usagePage } : {}),
              ...(d.usage !== undefined ? { usage: d.usage } : {}),
              ...(d.product !== undefined ? { product: d.product } : {}),
            },
          ],
    );
  },
  async open(path) {
    const hid = await import('node-hid');
    const device = await hid.HIDAsync.open(path);
    let closed = false;
    // node-hid only reads while a 'data' listener is attached; an error listener keeps an
    // unplug from becoming an uncaught 'error' event.
    device.on('error', () => {});
    const subscribe = <T>(event: 'data' | 'error', listener: (value: T) => void): (() => void) => {
      device.on(event, listener);
      return () => void device.off(event, listener);
    };
    return {
      onData: (listener) => subscribe<Buffer>('data', (data) => listener(new Uint8Array(data))),
      onError: (listener) =>
        subscribe<unknown>('error', (e) => listener(e instanceof Error ? e : new Error(String(e)))),
      async close() {
        if (closed) return;
        closed = true;
        await device.close().catch(() => {});
      },
      async write(report) {
        await device.write(Buffer.from(report));
      },
    };
  },
};
