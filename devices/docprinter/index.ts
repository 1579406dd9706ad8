/** A4 document printer through CUPS over IPP: device class, IPP codec and client, private cupsd. */
export * from './cups-pdf-output.js';
export * from './cups-status-map.js';
export * from './document-printer.js';
export * from './document-printer-options.js';
export * from './ipp-client.js';
export * from './ipp-codec.js';
export * from './ipp-failure.js';
export * from './ipp-operations.js';
export * from './ipp-types.js';
export * from './ipp-values.js';
export * from './print-job-spec.js';
export * from './private-cupsd.js';
export * from './tcp-byte-sink.js';
export * from './test-page.js';
