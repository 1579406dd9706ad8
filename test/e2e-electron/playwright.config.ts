import { defineConfig } from '@playwright/test';

// The Electron shell end to end. Needs the Electron binary, the build (dist/) and, on Linux
// without a display, `xvfb-run -a npx playwright test -c test/e2e-electron/playwright.config.ts`.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: 'list',
  outputDir: '../../test-results/e2e-electron',
});
