/** Layer rule, checked in CI (`npm run lint:layers`). See docs/architecture.md. */
module.exports = {
  forbidden: [
    {
      name: 'contract-is-leaf',
      comment: 'contract/ is shared by every process: it imports nothing of ours.',
      severity: 'error',
      from: { path: '^contract/' },
      to: { path: '^(devices|printing|offline-cache|core|renderer|main|platform-sim)/' },
    },
    {
      name: 'drivers-see-only-contract',
      comment: 'devices, printing and offline-cache import only contract/ (and their own folder).',
      severity: 'error',
      from: { path: '^(devices|printing|offline-cache)/' },
      to: { path: '^(core|renderer|main|platform-sim)/' },
    },
    {
      name: 'device-layers-independent',
      severity: 'error',
      from: { path: '^devices/' },
      to: { path: '^(printing|offline-cache)/' },
    },
    {
      name: 'printing-independent',
      severity: 'error',
      from: { path: '^printing/' },
      to: { path: '^(devices|offline-cache)/' },
    },
    {
      name: 'offline-cache-independent',
      severity: 'error',
      from: { path: '^offline-cache/' },
      to: { path: '^(devices|printing)/' },
    },
    {
      name: 'renderer-sees-only-contract',
      comment: 'The renderer talks to the core over the WebSocket contract only.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(devices|printing|offline-cache|core|main|platform-sim)/' },
    },
    {
      name: 'main-crosses-process-boundary',
      comment: 'The Electron shell starts the core as a process; it never imports it.',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: '^(devices|printing|offline-cache|core|renderer|platform-sim)/' },
    },
    {
      name: 'platform-sim-is-separate',
      comment: 'The reference platform is another system: it shares only the contract.',
      severity: 'error',
      from: { path: '^platform-sim/' },
      to: { path: '^(devices|printing|offline-cache|core|renderer|main)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
