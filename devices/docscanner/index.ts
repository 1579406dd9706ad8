/** Document scanner through SANE's scanimage (device-protocols.md §6.2): device class and layers. */
export * from './device-list.js';
export * from './document-scanner.js';
export * from './image-header.js';
export * from './sane-options.js';
export * from './sane-status.js';
export * from './scan-types.js';
export * from './scanimage-args.js';
export * from './scanimage-cli.js';
export * from './scanimage-failure.js';
export * from './scanner-features.js';
