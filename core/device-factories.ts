import { join } from 'node:path';
import {
  BarcodeScanner,
  CardDispenser,
  DocumentPrinter,
  DocumentScanner,
  FingerprintScanner,
  IdCardReader,
  ReceiptPrinter,
} from '../devices/index.js';
import type { KioskDevice } from '../devices/index.js';
import type { CounterStore } from './counter-store.js';
import type { DevicesConfig } from './device-config.js';
import { SIMULATED_PORT, portedDevices } from './device-config.js';
import type { Logger } from './log.js';
import { RendererCamera } from './renderer-camera.js';
import { SANE_SIMULATOR_DEVICE, prepareSaneSimulator } from './sane-simulator.js';

/** Where each simulated device is reachable, from sim-host's ready line. */
export type SimulatorPorts = Readonly<Record<string, string>>;

/** What device construction needs besides the configuration. */
export interface DeviceContext {
  /** Ports of the embedded simulators, for devices configured as "simulator". */
  readonly simulatorPorts: SimulatorPorts;
  /** Persisted counters. */
  readonly counters: CounterStore;
  /** Core log; devices log through it without personal data. */
  readonly log: Logger;
  /** The core's data folder (the SANE simulator's private configuration lives there). */
  readonly dataDir: string;
  /** The embedded CUPS with its simulated A4 queue, when it started. */
  readonly cupsSimulator?: { readonly host: string; readonly port: number; readonly queue: string };
}

/** The devices the kiosk core owns, built from configuration. */
export interface BuiltDevices {
  /** The ID-card reader (every kiosk has one). */
  readonly idCardReader: IdCardReader;
  /** The receipt printer, if installed. */
  readonly receiptPrinter: ReceiptPrinter | undefined;
  /** The fingerprint scanner, if installed. */
  readonly fingerprintScanner: FingerprintScanner | undefined;
  /** The card dispenser, if installed. */
  readonly cardDispenser: CardDispenser | undefined;
  /** The barcode/QR scanner, if installed. */
  readonly barcodeScanner: BarcodeScanner | undefined;
  /** The A4 document printer (CUPS), if installed. */
  readonly documentPrinter: DocumentPrinter | undefined;
  /** The document scanner (SANE), if installed. */
  readonly documentScanner: DocumentScanner | undefined;
  /** The camera, owned by the renderer, if installed. */
  readonly camera: RendererCamera | undefined;
  /** All of them, for the device manager. */
  readonly all: KioskDevice[];
}

/** Resolves "simulator" to the embedded simulator's port for `device`. */
export function resolvePort(port: string, device: string, ports: SimulatorPorts): string {
  if (port !== SIMULATED_PORT) return port;
  const simulated = ports[device];
  if (simulated === undefined) throw new Error(`no simulator port for ${device}`);
  return simulated;
}

/** Builds every configured device. */
export function buildDevices(config: DevicesConfig, ctx: DeviceContext): BuiltDevices {
  const deviceLog =
    (device: string) => (entry: { event: string; detail?: Readonly<Record<string, unknown>> }) =>
      ctx.log.info({ device, ...entry.detail }, entry.event);
  // What every serial device gets: its port (simulator resolved), persisted counters and log.
  const serial = (device: string, port: string) => ({
    port: resolvePort(port, device, ctx.simulatorPorts),
    counters: ctx.counters.countersFor(device),
    log: deviceLog(device),
  });
  const reader = config.idCardReader;
  const idCardReader = new IdCardReader({
    ...serial('idCardReader', reader.port),
    baudRate: reader.baud,
    pollIntervalMs: reader.pollIntervalMs,
  });
  const printer = config.receiptPrinter;
  const receiptPrinter = printer.installed
    ? new ReceiptPrinter({
        port: resolvePort(printer.port, 'receiptPrinter', ctx.simulatorPorts),
        baudRate: printer.baud,
        columns: printer.columns,
        nativeQr: printer.nativeQr,
        cut: printer.cut,
        paperNearEndSensor: printer.paperNearEndSensor,
        statusBack: printer.statusBack,
        counters: ctx.counters.countersFor('receiptPrinter'),
        log: (event, detail) => ctx.log.info({ device: 'receiptPrinter', ...detail }, event),
      })
    : undefined;
  const fingerprint = config.fingerprintScanner;
  const fingerprintScanner = fingerprint.installed
    ? new FingerprintScanner({
        ...serial('fingerprintScanner', fingerprint.port),
        baudRate: fingerprint.baud,
        address: fingerprint.address,
        password: fingerprint.password,
        matchThreshold: fingerprint.matchThreshold,
        ...(fingerprint.packetSize !== undefined ? { packetSize: fingerprint.packetSize } : {}),
      })
    : undefined;
  const dispenser = config.cardDispenser;
  const cardDispenser = dispenser.installed
    ? new CardDispenser({
        ...serial('cardDispenser', dispenser.port),
        baudRate: dispenser.baud,
        initMode: dispenser.initMode,
        takeTimeoutMs: dispenser.takeTimeoutMs,
        variant: withoutUndefined(dispenser.variant),
      })
    : undefined;
  const scanner = config.barcodeScanner;
  const barcodeScanner = scanner.installed
    ? new BarcodeScanner({
        connection:
          scanner.connection === 'hid'
            ? withoutUndefined({
                kind: 'hid' as const,
                vendorId: scanner.vendorId,
                productId: scanner.productId,
                encoding: scanner.encoding,
              })
            : {
                kind: 'serial',
                port: resolvePort(scanner.port, 'barcodeScanner', ctx.simulatorPorts),
                baudRate: scanner.baud,
                suffix: scanner.suffix,
                aimIds: scanner.aimIds,
                encoding: scanner.encoding,
              },
        debounceMs: scanner.debounceMs,
        counters: ctx.counters.countersFor('barcodeScanner'),
        log: deviceLog('barcodeScanner'),
      })
    : undefined;
  const a4 = config.documentPrinter;
  const cups = a4.queue === SIMULATED_PORT ? ctx.cupsSimulator : { ...a4 };
  const documentPrinter =
    a4.installed && cups
      ? new DocumentPrinter({
          queue: cups.queue,
          host: cups.host,
          port: cups.port,
          pollIntervalMs: a4.pollIntervalMs,
          jobTimeoutMs: a4.jobTimeoutMs,
          counters: ctx.counters.countersFor('documentPrinter'),
          log: deviceLog('documentPrinter'),
        })
      : undefined;
  const docs = config.documentScanner;
  const simulatedSane = docs.device === SIMULATED_PORT;
  const documentScanner = docs.installed
    ? new DocumentScanner({
        device: simulatedSane ? SANE_SIMULATOR_DEVICE : docs.device,
        scanimagePath: docs.scanimagePath,
        saneConfigDir: simulatedSane ? prepareSaneSimulator(ctx.dataDir) : docs.saneConfigDir,
        defaultResolution: docs.resolution,
        pageLimit: docs.pageLimit,
        // The test backend scans solid black by default; a grid looks like a page on screen.
        backendOptions: simulatedSane
          ? { 'test-picture': 'Grid', ...docs.backendOptions }
          : docs.backendOptions,
        scanDir: join(ctx.dataDir, 'scans'),
        counters: ctx.counters.countersFor('documentScanner'),
        log: deviceLog('documentScanner'),
      })
    : undefined;
  const camera = config.camera.installed
    ? new RendererCamera('camera', ctx.counters.countersFor('camera'))
    : undefined;
  const all: KioskDevice[] = [
    idCardReader,
    receiptPrinter,
    documentPrinter,
    fingerprintScanner,
    cardDispenser,
    barcodeScanner,
    documentScanner,
    camera,
  ].filter((d): d is NonNullable<typeof d> => d !== undefined);
  return {
    idCardReader,
    receiptPrinter,
    documentPrinter,
    fingerprintScanner,
    cardDispenser,
    barcodeScanner,
    documentScanner,
    camera,
    all,
  };
}

/** True when any configured device runs against the embedded simulators. */
export function usesSimulators(config: DevicesConfig): boolean {
  return portedDevices(config).some((d) => d.port === SIMULATED_PORT);
}

/** Drops keys whose value is undefined (zod optional fields vs exactOptionalPropertyTypes). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
