import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the renderer into dist/renderer, which the core serves at http://127.0.0.1:PORT/. */
export default defineConfig({
  // Vite replaces import.meta.dirname with this file's folder when it bundles the config.
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or data: URLs for assets, so a strict CSP (script-src 'self') holds.
    assetsInlineLimit: 0,
  },
});
