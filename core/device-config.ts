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
    receiptPrinter: z
      .strictObject({
        /** Whether a receipt printer is fitted (every transaction ends with a receipt). */
        installed: Installed,
        /** Serial path, `tcp:HOST:9100`, `usblp:/dev/usb/lp0` (or /dev/usb/lpN), or "simulator". */
        port: Port,
        /** Serial baud rate. */
        baud: z.number().int().positive().default(115_200),
        /** Characters per line of font A (48 on 80 mm paper, 32 on 58 mm). */
        columns: z.number().int().min(16).max(64).default(48),
        /** The printer draws QR codes itself (GS ( k); false = send them as raster images. */
        nativeQr: z.boolean().default(true),
        /** The printer has a cutter. */
        cut: z.boolean().default(true),
        /** The printer has a paper near-end sensor (warns staff before paper runs out). */
        paperNearEndSensor: z.boolean().default(true),
        /** Status comes back (DLE EOT); false for one-way links. */
        statusBack: z.boolean().default(true),
      })
      .prefault({}),
    fingerprintScanner: z
      .strictObject({
        /** Whether a fingerprint scanner is fitted (needed to collect new ID cards). */
        installed: Installed,
        /** Serial path, `tcp:HOST:PORT`, or "simulator". */
        port: Port,
        /** Baud rate (ZFM modules default to 57600). */
        baud: z.number().int().positive().default(57_600),
        /** Module address (default FFFFFFFF). */
        address: z.number().int().min(0).max(0xffffffff).default(0xffffffff),
        /** Module password (default 0). */
        password: z.number().int().min(0).max(0xffffffff).default(0),
        /** Data packet size; by default what the module reports. */
        packetSize: z
          .union([z.literal(32), z.literal(64), z.literal(128), z.literal(256)])
          .optional(),
        /** Minimum match score on top of the module's own decision (0 = the module decides). */
        matchThreshold: z.number().int().min(0).max(1000).default(0),
      })
      .prefault({}),
    cardDispenser: z
      .strictObject({
        /** Whether a card dispenser is fitted (needed to collect new ID cards). */
        installed: Installed,
        /** Serial path, `tcp:HOST:PORT`, or "simulator". */
        port: Port,
        /** Baud rate (CRT-591 default 9600). */
        baud: z.number().int().positive().default(9_600),
        /** At start: keep a card where it is (default; the journal decides), capture it, or move it to the gate. */
        initMode: z.enum(['keep', 'capture', 'gate']).default('keep'),
        /** How long a presented card waits at the gate before it is captured, in ms. */
        takeTimeoutMs: z.number().int().min(5_000).max(300_000).default(30_000),
        /** Protocol variant where public sources disagree (see devices/dispenser/README.md). */
        variant: z
          .strictObject({
            /** Address byte 0–15, or null for units without one. */
            address: z.number().int().min(0).max(15).nullable().optional(),
            /** Length field size in bytes. */
            lengthBytes: z.union([z.literal(1), z.literal(2)]).optional(),
            /** BCC coverage. */
            bcc: z.enum(['stxThroughEtx', 'afterStxThroughEtx']).optional(),
            /** Send ENQ after ACK to ask for the reply. */
            enq: z.boolean().optional(),
            /** Header of negative replies this unit sends. */
            negativeHeader: z.enum(['N', 'E']).optional(),
            /** Present by holding the card in the gate, or ejecting it. */
            presentCommand: z.enum(['hold', 'eject']).optional(),
            /** Read position: contactless (rf) or contacts (ic). */
            readPosition: z.enum(['rf', 'ic']).optional(),
            /** Stacker bits read inversely. */
            st2Inverted: z.boolean().optional(),
          })
          .default({}),
      })
      .prefault({}),
    barcodeScanner: z
      .strictObject({
        /** Whether a barcode/QR scanner is fitted (e-licence QR codes instead of the ID card). */
        installed: Installed,
        /** How it is attached: a serial/USB-CDC port, or HID POS (usage page 0x8C) via node-hid. */
        connection: z.enum(['serial', 'hid']).default('serial'),
        /** Serial: path, `tcp:HOST:PORT`, or "simulator". */
        port: Port,
        /** Serial baud rate. */
        baud: z.number().int().positive().default(9_600),
        /** Serial: what ends a scan, as configured on the scanner. */
        suffix: z.enum(['cr', 'lf', 'crlf', 'tab', 'none']).default('cr'),
        /** Serial: the scanner sends AIM symbology ids (]Q1 …) before the data. */
        aimIds: z.boolean().default(false),
        /** Character encoding of scanned text. */
        encoding: z.enum(['utf-8', 'gb18030']).default('utf-8'),
        /** HID: USB vendor id to match. */
        vendorId: z.number().int().min(0).max(0xffff).optional(),
        /** HID: USB product id to match. */
        productId: z.number().int().min(0).max(0xffff).optional(),
        /** Identical scans within this many ms count once (phones on a scanner repeat). */
        debounceMs: z.number().int().min(0).max(60_000).default(1_500),
      })
      .prefault({}),
    documentPrinter: z
      .strictObject({
        /** Whether an A4 printer is fitted (needed to print proofs). */
        installed: Installed,
        /** CUPS queue name, or "simulator" (a private cupsd with a cups-pdf queue, started by the core). */
        queue: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,127}$/)
          .default(SIMULATED_PORT),
        /** CUPS host (loopback: the kiosk's own cupsd). */
        host: z.string().min(1).default('127.0.0.1'),
        /** CUPS port. */
        port: z.number().int().min(1).max(65_535).default(631),
        /** How often the printer's state is polled, in ms. */
        pollIntervalMs: z.number().int().min(200).max(60_000).default(2000),
        /** Longest a proof may take from submission to the last page, in ms. */
        jobTimeoutMs: z.number().int().min(5_000).max(1_800_000).default(180_000),
      })
      .prefault({}),
    documentScanner: z
      .strictObject({
        /** Whether a document scanner is fitted (needed to scan documents for applications). */
        installed: Installed,
        /** SANE device name (e.g. "epson2:libusb:001:004"), "auto" (the first listed), or "simulator" (SANE's test backend). */
        device: z.string().min(1).max(256).default(SIMULATED_PORT),
        /** The scanimage program (sane-utils). */
        scanimagePath: z.string().min(1).default('scanimage'),
        /** SANE_CONFIG_DIR for a real scanner; default the system's /etc/sane.d. */
        saneConfigDir: z.string().min(1).optional(),
        /** Default resolution in dpi (snapped to what the scanner offers). */
        resolution: z.number().int().min(50).max(1200).default(300),
        /** Most pages in one feeder batch. */
        pageLimit: z.number().int().min(1).max(500).default(50),
        /** Backend options passed to scanimage (non-portable), e.g. {"read-return-value": "SANE_STATUS_JAMMED"} on the test backend. */
        backendOptions: z
          .record(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/), z.string().max(256))
          .default({}),
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

/** The device sections that have a port, and whether each is installed. */
export function portedDevices(config: DevicesConfig): Array<{ id: string; port: string }> {
  return [
    { id: 'idCardReader', port: config.idCardReader.port },
    ...(config.receiptPrinter.installed
      ? [{ id: 'receiptPrinter', port: config.receiptPrinter.port }]
      : []),
    ...(config.fingerprintScanner.installed
      ? [{ id: 'fingerprintScanner', port: config.fingerprintScanner.port }]
      : []),
    ...(config.cardDispenser.installed
      ? [{ id: 'cardDispenser', port: config.cardDispenser.port }]
      : []),
    ...(config.barcodeScanner.installed && config.barcodeScanner.connection === 'serial'
      ? [{ id: 'barcodeScanner', port: config.barcodeScanner.port }]
      : []),
  ];
}
