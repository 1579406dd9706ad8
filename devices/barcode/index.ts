/** Barcode / QR scanners (device-protocols.md §5): serial and HID POS framing, the device class. */
export * from './aim-symbology.js';
export * from './barcode-events.js';
export * from './barcode-scanner-options.js';
export { BarcodeScanner } from './barcode-scanner.js';
export * from './hid-device-seam.js';
export * from './hid-pos-report.js';
export * from './hid-transport.js';
export * from './scan-line-decoder.js';
export * from './scan-text.js';
