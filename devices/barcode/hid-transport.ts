import { Duplex } from 'node:stream';
import type { ByteTransport } from '../transport/byte-transport.js';
import { StreamTransport } from '../transport/stream-transport.js';
import { TransportError, classifyOpenError } from '../transport/transport-error.js';
import type { HidDeviceFactory, HidDeviceInfo, HidHandle } from './hid-device-seam.js';

/** HID usage page of bar code scanners (HID POS). */
export const HID_POS_USAGE_PAGE = 0x8c;

/** Which HID device is the scanner. */
export interface HidScannerMatch {
  /** USB vendor ID; any when absent. */
  readonly vendorId?: number;
  /** USB product ID; any when absent. */
  readonly productId?: number;
  /** Usage page to require. Default 0x8C (HID POS). */
  readonly usagePage?: number;
  /** One exact device path, when several identical scanners are attached. */
  readonly path?: string;
}

/**
 * True when `info` is the configured scanner. Platforms that report no usage page (libusb
 * backends report 0) match on vendor and product ID alone, and only when both are configured.
 */
export function matchesHidScanner(info: HidDeviceInfo, match: HidScannerMatch): boolean {
  if (match.path !== undefined && info.path !== match.path) return false;
  if (match.vendorId !== undefined && info.vendorId !== match.vendorId) return false;
  if (match.productId !== undefined && info.productId !== match.productId) return false;
  const usagePage = match.usagePage ?? HID_POS_USAGE_PAGE;
  if (info.usagePage !== undefined && info.usagePage !== 0) return info.usagePage === usagePage;
  return match.vendorId !== undefined && match.productId !== undefined;
}

/** "hid:0c2e:0b6a" style name of a match, for status and logs. */
export function describeHidMatch(match: HidScannerMatch): string {
  const id = (n: number | undefined): string =>
    n === undefined ? '*' : n.toString(16).padStart(4, '0');
  return `hid:${id(match.vendorId)}:${id(match.productId)}`;
}

/**
 * Finds and opens the scanner, as a ByteTransport whose every data chunk is one input report.
 * Rejects with TransportError `portNotFound` when no matching device is attached, otherwise
 * with the classified open error.
 */
export async function openHidScanner(
  factory: HidDeviceFactory,
  match: HidScannerMatch,
): Promise<ByteTransport> {
  const name = describeHidMatch(match);
  const devices = await factory.list().catch((error: unknown) => {
    throw classifyOpenError(error, name);
  });
  const info = devices.find((d) => matchesHidScanner(d, match));
  if (info === undefined) {
    throw new TransportError('portNotFound', `${name}: no HID POS scanner attached`);
  }
  const handle = await factory.open(info.path).catch((error: unknown) => {
    throw classifyOpenError(error, name);
  });
  const stream = hidStream(handle);
  return new StreamTransport(stream, name, async () => {
    stream.destroy();
    await handle.close().catch(() => {});
  });
}

/**
 * node-hid's handle as a Duplex, so that StreamTransport gives it the usual ByteTransport life
 * cycle. Object mode keeps each input report a chunk of its own: reports are never merged.
 */
function hidStream(handle: HidHandle): Duplex {
  const stream = new Duplex({
    readableObjectMode: true,
    read() {},
    write(chunk: Buffer, _encoding, callback) {
      if (handle.write === undefined) callback(new Error('the device takes no output reports'));
      else handle.write(new Uint8Array(chunk)).then(() => callback(), callback);
    },
  });
  const stops = [
    handle.onData((report) => stream.push(Buffer.from(report))),
    handle.onError((error) => stream.destroy(error)),
  ];
  stream.once('close', () => {
    for (const stop of stops) stop();
    void handle.close().catch(() => {});
  });
  return stream;
}
