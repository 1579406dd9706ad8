import { readFile } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { decodeCapturedRead } from '../idcard/captured-read.js';
import { probeSamReader } from '../idcard/sam-probe.js';

/*
 * The technician CLI's commands that work on a port directly, without the kiosk core (the entry
 * is core/cli/devices-cli.ts). Each sets process.exitCode: 0 ok, 1 not found / not decodable,
 * 2 usage.
 */

/** Usage lines of these commands. */
export const PORT_TOOLS_USAGE = `  list                        list serial ports (USB-serial adapters, COM ports)
  probe <port>                find a SAM ID-card reader on a port (115200, 9600, 57600, 38400, 19200)
  decode sam-idcard <file>    decode a captured reply to "read card" (30 01 / 30 10) as JSON`;

/** Lists the serial ports the OS reports. */
export async function list(): Promise<void> {
  const ports = await SerialPort.list();
  if (ports.length === 0)
    console.error('no serial ports found (pseudo-terminals are never listed)');
  for (const port of ports) {
    const ids = port.vendorId ? ` ${port.vendorId}:${port.productId ?? '????'}` : '';
    console.log(`${port.path}${ids} ${port.manufacturer ?? ''}`.trim());
  }
}

/** Finds a SAM reader and its baud rate on `port`. */
export async function probe(port: string | undefined): Promise<void> {
  if (!port) {
    console.error(`usage:\n${PORT_TOOLS_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const result = await probeSamReader(port);
  for (const attempt of result.tried)
    console.error(`${port} @ ${attempt.baudRate}: ${attempt.code}`);
  if (result.found) {
    console.log(
      `SAM ID-card reader on ${port} at ${result.baudRate} baud (SAM id ${result.samId ?? 'unknown'})`,
    );
    return;
  }
  console.log(`no SAM ID-card reader answered on ${port}; action: ${result.action}`);
  process.exitCode = 1;
}

/** Decodes a captured reader reply to JSON. */
export async function decode(
  protocol: string | undefined,
  file: string | undefined,
): Promise<void> {
  if (protocol !== 'sam-idcard' || !file) {
    console.error(`usage:\n${PORT_TOOLS_USAGE}`);
    process.exitCode = 2;
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const result = decodeCapturedRead(bytes);
  if (!result.ok) {
    console.error(`${file}: ${result.error.code}: ${result.error.message}`);
    process.exitCode = 1;
    return;
  }
  // The technician asked for this card's data; it goes to their terminal and nowhere else.
  console.error('note: the output holds personal data; do not paste it into tickets or logs');
  console.log(JSON.stringify(result.value, null, 2));
}
