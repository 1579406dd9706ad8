/**
 * ESC/POS receipt printers (device-protocols.md §3): pure command data, encoder, GB18030 text,
 * raster QR, status decoders/encoders, stream parser, then the driver and the device class.
 */
export * from './escpos-commands.js';
export * from './escpos-driver.js';
export * from './escpos-encoder.js';
export * from './escpos-qr-raster.js';
export * from './escpos-receipt.js';
export * from './escpos-status-demux.js';
export * from './escpos-status-encode.js';
export * from './escpos-status.js';
export * from './escpos-stream-parser.js';
export * from './escpos-symbols.js';
export * from './escpos-text.js';
export * from './gb18030-text.js';
export * from './printer-condition.js';
export * from './receipt-printer.js';
