import { readFile } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { decodeCapturedRead } from '../idcard/captured-read.js';

/**
 * Technician device CLI: `npm run devices -- <command>`.
 *   list                          serial ports the OS reports (PTYs are not listed)
 *   decode sam-idcard <file>      decode a captured ID-card reader reply (binary) to JSON
 * Exit codes: 0 ok, 1 the input could not be decoded, 2 usage.
 */

const USAGE = `usage: npm run devices -- <command>
  list                        list serial ports (USB-serial adapters, COM ports)
  decode sam-idcard <file>    decode a captured reply to "read card" (30 01 / 30 10) as JSON`;

const [command, ...args] = process.argv.slice(2);

switch (command) {
  case 'list':
    await list();
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
