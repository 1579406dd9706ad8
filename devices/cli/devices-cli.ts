import { readFile } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { decodeCapturedRead } from '../idcard/captured-read.js';
import { probeSamReader } from '../idcard/sam-probe.js';

/**
 * Technician device CLI: `npm run devices -- <command>`.
 *   list                          serial ports the OS reports (PTYs are not listed)
 *   probe <port>                  is a SAM ID-card reader there, and at which baud rate?
 *   decode sam-idcard <file>      decode a captured ID-card reader reply (binary) to JSON
 * Exit codes: 0 ok, 1 the input could not be decoded, 2 usage.
 */

const USAGE = `usage: npm run devices -- <command>
  list                        list serial ports (USB-serial adapters, COM ports)
  probe <port>                find a SAM ID-card reader on a port (115200, 9600, 57600, 38400, 19200)
  decode sam-idcard <file>    decode a captured reply to "read card" (30 01 / 30 10) as JSON`;

const [command, ...args] = process.argv.slice(2);

switch (command) {
  case 'list':
    await list();
    break;
  case 'probe':
    await probe(args[0]);
    break;
  case 'decode':
    await decode(args[0], args[1]);
    break;
  default:
    console.error(USAGE);
    process.exitCode = 2;
}

async function list(): Promise<void> {
  const ports = await SerialPort.list();
  if (ports.length === 0)
    console.error('no serial ports found (pseudo-terminals are never listed)');
  for (const port of ports) {
    const ids = port.vendorId ? ` ${port.vendorId}:${port.productId ?? '????'}` : '';
    console.log(`${port.path}${ids} ${port.manufacturer ?? ''}`.trim());
  }
}

async function probe(port: string | undefined): Promise<void> {
  if (!port) {
    console.error(USAGE);
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

async function decode(protocol: string | undefined, file: string | undefined): Promise<void> {
  if (protocol !== 'sam-idcard' || !file) {
    console.error(USAGE);
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
