/**
 * Receipt templates for the ESC/POS receipt printer, in zh-CN, zh-TW and en: pure functions
 * `(data, locale, kiosk, layout?) → ReceiptDocument` (contract/receipt-document.ts), which the
 * printer driver renders. Personal data goes in already masked.
 */
export * from './acceptance-receipt.js';
export * from './acceptance-receipt-labels.js';
export * from './claim-ticket.js';
export * from './claim-ticket-labels.js';
export * from './common-labels.js';
export * from './id-card-collection-slip.js';
export * from './id-card-collection-slip-labels.js';
export * from './receipt-context.js';
export * from './receipt-time.js';
export * from './text-width.js';
