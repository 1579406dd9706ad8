import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { failWith, succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import { runTool } from './cupsd-process.js';

/** A queue of a private cupsd. */
export type QueueSpec =
  | {
      /** cups-pdf: PDFs are re-rendered by Ghostscript into cups-pdf's output directory. */
      readonly kind: 'cups-pdf';
      /** Queue name, e.g. PDF. */
      readonly name: string;
    }
  | {
      /**
       * raw: bytes pass unchanged to `deviceUri`, e.g. socket://127.0.0.1:9100 (an ESC/POS
       * printer or simulator; a socket to a local listener is also a PDF "sink").
       */
      readonly kind: 'raw';
      /** Queue name, e.g. RECEIPT. */
      readonly name: string;
      /** CUPS device URI. */
      readonly deviceUri: string;
    }
  | {
      /**
       * sink: a raw queue into an in-memory TCP listener the PrivateCupsd owns (`sink(name)`).
       * Jobs complete, nothing is written to disk, no root needed: a private PDF "printer".
       */
      readonly kind: 'sink';
      /** Queue name, e.g. PDF. */
      readonly name: string;
    };

/** A queue as lpadmin gets it: sinks are raw queues to their listener's URI. */
export type LpadminQueue = Exclude<QueueSpec, { kind: 'sink' }>;

/** The cups-pdf backend and PPD (Debian's printer-driver-cups-pdf). */
const CUPS_PDF_BACKEND = '/usr/lib/cups/backend/cups-pdf';
const CUPS_PDF_MODEL = 'lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd';

/** Queue names CUPS accepts: printable, no space, slash, '#' or quote (max 127). */
const QUEUE_NAME = /^[^\s/#'"\\]{1,127}$/;

/**
 * Adds or changes a queue with `lpadmin -h SERVER -p NAME -E -v URI -m MODEL`. Raw queues use
 * `-m raw`: lpadmin warns that raw queues (and drivers) are deprecated, and they still work —
 * measured: `-m raw` and `-m drv:///sample.drv/generic.ppd` both pass application/vnd.cups-raw
 * jobs byte for byte to a socket:// device.
 */
export async function addQueue(
  queue: LpadminQueue,
  where: { readonly server: string; readonly toolDir: string },
): Promise<DeviceResult<void>> {
  if (!QUEUE_NAME.test(queue.name))
    return failWith('badQueueName', 'software', 'configuration', `bad queue name "${queue.name}"`);
  let device: string;
  let model: string;
  if (queue.kind === 'cups-pdf') {
    const backend = await access(CUPS_PDF_BACKEND, constants.F_OK).then(
      () => true,
      () => false,
    );
    if (!backend) {
      const why = 'cups-pdf is not installed (apt-get install printer-driver-cups-pdf)';
      return failWith('cupsPdfNotInstalled', 'software', 'configuration', why);
    }
    if (process.getuid?.() !== 0) {
      // The backend is mode 0700 root: cupsd runs it as root only when cupsd itself is root.
      const why = 'a cups-pdf queue needs cupsd running as root; use a raw queue to a listener';
      return failWith('cupsPdfNeedsRoot', 'software', 'configuration', why);
    }
    device = 'cups-pdf:/';
    model = CUPS_PDF_MODEL;
  } else {
    device = queue.deviceUri;
    model = 'raw';
  }
  const lpadmin = join(where.toolDir, 'lpadmin');
  const args = ['-h', where.server, '-p', queue.name, '-E', '-v', device, '-m', model];
  const ran = await runTool(lpadmin, args, 15_000);
  if (ran.code === 0) return succeed(undefined);
  if (ran.errno === 'ENOENT') {
    const why = `${lpadmin} not found: install cups-client`;
    return failWith('cupsNotInstalled', 'software', 'configuration', why);
  }
  const why = `lpadmin ${queue.name} failed: ${ran.output || ran.errno || `exit ${ran.code}`}`;
  return failWith('addQueueFailed', 'software', 'configuration', why);
}
