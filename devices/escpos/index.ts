/** Pure ESC/POS layer (device-protocols.md §3): command data, encoder, status decoders, demux. */
export * from './escpos-commands.js';
export * from './escpos-encoder.js';
export * from './escpos-status-demux.js';
export * from './escpos-status.js';
export * from './escpos-symbols.js';
export * from './escpos-text.js';
