// Public API of the device layer. Simulators live under sim/ and are started as processes.

export type { ByteTransport } from './transport/byte-transport.js';
export { TransportError } from './transport/transport-error.js';
export type { TransportErrorCode } from './transport/transport-error.js';
export { openTransport, parseTransportSpec } from './transport/open-transport.js';
export type { OpenTransport, TransportSpec } from './transport/open-transport.js';
export { openSerialTransport } from './transport/serial-transport.js';
export { openTcpTransport, socketTransport } from './transport/tcp-transport.js';
export { createMemoryTransportPair } from './transport/memory-transport.js';
export type { MemoryTransportPair } from './transport/memory-transport.js';

export { IdCardReader } from './idcard/idcard-reader.js';
export type {
  IdCardReaderEvents,
  IdCardReaderOptions,
  ReadFailedEvent,
  ReaderLogEntry,
} from './idcard/idcard-reader.js';
export type { ReadCard } from './idcard/card-readout.js';
export { maskIdentity } from './idcard/card-readout.js';
export { LONG_TERM } from './idcard/card-identity.js';
export type { CardIdentity, Gender } from './idcard/card-identity.js';
export { calendarDate, citizenIdCheckChar, validateCitizenId } from './idcard/citizen-id.js';
export type { CitizenIdCheck, CitizenIdProblem } from './idcard/citizen-id.js';
export {
  SamFrameDecoder,
  encodeSamCommand,
  encodeSamReply,
  commandFields,
  replyFields,
} from './idcard/sam-frame.js';
export type { SamDecoded, SamFrame, SamFrameError } from './idcard/sam-frame.js';
export { SamDriver } from './idcard/sam-driver.js';
export type { SamDriverOptions, SamError, SamResult } from './idcard/sam-driver.js';
export { decodeTextBlock, encodeTextBlock } from './idcard/text-block.js';

export type { Timers } from './util/timers.js';
export { realTimers } from './util/timers.js';

export type {
  Capabilities,
  CommonDeviceEvents,
  HealthLevel,
  HealthReport,
  KioskDevice,
} from './device/kiosk-device.js';
export { DeviceBase, safeLog } from './device/device-base.js';
export type { BaseLogDetail, DeviceBaseSetup } from './device/device-base.js';
export { MemoryCounters } from './device/device-counters.js';
export type { DeviceCounters } from './device/device-counters.js';
export type { CommandLimits } from './device/device-command.js';
export type { DeviceFailure, DeviceResult } from './device/device-result.js';

export { CardDispenser } from './dispenser/card-dispenser.js';
export type {
  CardDispenserOptions,
  DispenserStepRecord,
} from './dispenser/card-dispenser-options.js';

export { BarcodeScanner } from './barcode/barcode-scanner.js';
export type { BarcodeScannerOptions } from './barcode/barcode-scanner-options.js';

export { FingerprintScanner } from './fingerprint/fingerprint-scanner.js';
export type { FingerprintScannerOptions } from './fingerprint/fingerprint-scanner-options.js';
export type { FingerprintBridge } from './fingerprint/vendor-bridge.js';

export { ReceiptPrinter } from './escpos/receipt-printer.js';
export type { ReceiptPrinterOptions } from './escpos/receipt-printer-options.js';
export type { ReceiptDocument } from './escpos/escpos-receipt.js';

export { DocumentScanner } from './docscanner/document-scanner.js';
export type { DocumentScannerOptions } from './docscanner/document-scanner-options.js';

export { TypedEmitter } from './util/typed-emitter.js';
export type { Listener, Unsubscribe } from './util/typed-emitter.js';

export { DocumentPrinter } from './docprinter/document-printer.js';
export type {
  DocumentPrinterEvents,
  DocumentPrinterOptions,
  FollowedJob,
  FoundJob,
  PrintedJob,
  PrintFailure,
  PrintOptions,
  PrintProgress,
} from './docprinter/document-printer.js';
export { parsePrinterUri } from './docprinter/document-printer-options.js';
export { PrivateCupsd } from './docprinter/private-cupsd.js';
export type { PrivateCupsdOptions, QueueSpec } from './docprinter/private-cupsd.js';
export { TcpByteSink } from './docprinter/tcp-byte-sink.js';
