import type { HidDeviceFactory, HidDeviceInfo, HidHandle } from '../hid-device-seam.js';

/** An open fake device: what the kiosk wrote, and whether it was closed. */
export interface FakeHidHandle extends HidHandle {
  /** Output reports written, in order. */
  readonly written: Uint8Array[];
  /** True once closed (by the kiosk or by an unplug). */
  readonly closed: boolean;
}

/**
 * A HidDeviceFactory for tests (no virtual HID device can be made on the build machines):
 * plug and unplug devices, send input reports to whoever opened them, make opens fail.
 */
export class FakeHidFactory implements HidDeviceFactory {
  private readonly attached = new Map<string, HidDeviceInfo>();
  private readonly handles = new Map<string, FakeHandle>();
  /** When set, `open` rejects with it. */
  openError: Error | undefined;
  /** Times `list` was called. */
  lists = 0;

  /** Lists the attached devices. */
  list(): Promise<HidDeviceInfo[]> {
    this.lists++;
    return Promise.resolve([...this.attached.values()]);
  }

  /** Opens an attached device. */
  open(path: string): Promise<HidHandle> {
    if (this.openError !== undefined) return Promise.reject(this.openError);
    if (!this.attached.has(path))
      return Promise.reject(new Error(`cannot open device with path ${path}`));
    const handle = new FakeHandle();
    this.handles.set(path, handle);
    return Promise.resolve(handle);
  }

  /** Attaches a device. */
  plug(info: HidDeviceInfo): void {
    this.attached.set(info.path, info);
  }

  /** Detaches a device; an open handle gets a read error, like hidapi after an unplug. */
  unplug(path: string): void {
    this.attached.delete(path);
    this.handles.get(path)?.fail(new Error('could not read from HID device'));
  }

  /** Sends input reports from `path` to its open handle; false when nobody has it open. */
  send(path: string, ...reports: Uint8Array[]): boolean {
    const handle = this.handles.get(path);
    if (handle === undefined || handle.closed) return false;
    for (const report of reports) handle.emitData(report);
    return true;
  }

  /** The most recent handle opened on `path`. */
  handle(path: string): FakeHidHandle | undefined {
    return this.handles.get(path);
  }
}

class FakeHandle implements FakeHidHandle {
  readonly written: Uint8Array[] = [];
  closed = false;
  private readonly dataListeners = new Set<(report: Uint8Array) => void>();
  private readonly errorListeners = new Set<(error: Error) => void>();

  onData(listener: (report: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => void this.dataListeners.delete(listener);
  }

  onError(listener: (error: Error) => void): () => void {
    this.errorListeners.add(listener);
    return () => void this.errorListeners.delete(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  write(report: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error('device closed'));
    this.written.push(Uint8Array.from(report));
    return Promise.resolve();
  }

  emitData(report: Uint8Array): void {
    for (const listener of [...this.dataListeners]) listener(Uint8Array.from(report));
  }

  fail(error: Error): void {
    if (this.closed) return;
    for (const listener of [...this.errorListeners]) listener(error);
    this.closed = true;
  }
}
