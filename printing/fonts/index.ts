export * from './font-result.js';
export * from './font-locator.js';
export * from './font-cache.js';
export * from './pdf-font.js';
export * from './proof-fonts.js';
export * from './glyph-coverage.js';
export * from './glyph-outline.js';
