import { build, type BuildOptions } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

/**
 * Builds every process of the kiosk into dist/: the core, the simulators, the reference platform
 * and the Electron shell are bundled with esbuild (node_modules stay external, so native modules
 * load as installed); the renderer is built by Vite.
 */

const node: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

const only = process.argv.slice(2);
const wants = (part: string) => only.length === 0 || only.includes(part);

if (only.length === 0) rmSync('dist', { recursive: true, force: true });

const jobs: Promise<unknown>[] = [];
if (wants('core')) {
  jobs.push(
    build({
      ...node,
      entryPoints: {
        'core/kiosk-core': 'core/main.ts',
        // The proof render worker thread; ProofRenderer starts it from next to the core bundle.
        'core/proof-worker': 'printing/proof/proof-worker.ts',
      },
      outdir: 'dist',
    }),
  );
}
if (wants('sim')) {
  jobs.push(
    build({
      ...node,
      entryPoints: { 'sim/sim-host': 'devices/sim/sim-host.ts', 'sim/cli': 'devices/sim/cli.ts' },
      outdir: 'dist',
    }),
  );
}
if (wants('platform')) {
  jobs.push(
    build({
      ...node,
      entryPoints: { 'platform-sim/platform-sim': 'platform-sim/platform-sim.ts' },
      outdir: 'dist',
    }),
  );
}
if (wants('main')) {
  jobs.push(
    build({
      ...node,
      entryPoints: { 'main/electron-main': 'main/electron-main.ts' },
      outdir: 'dist',
      external: ['electron'],
    }),
    // Sandboxed preloads cannot be ES modules.
    build({
      ...node,
      format: 'cjs',
      entryPoints: ['main/preload.ts'],
      outfile: 'dist/main/preload.cjs',
      external: ['electron'],
    }),
  );
}
await Promise.all(jobs);
if (wants('main')) {
  // The shell's out-of-service page, shown when the renderer or the core keeps crashing.
  mkdirSync('dist/main', { recursive: true });
  copyFileSync('main/recovery.html', 'dist/main/recovery.html');
}

if (wants('renderer')) {
  execFileSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'renderer/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      stdio: 'inherit',
    },
  );
}
