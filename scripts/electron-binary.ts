import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Whether an Electron binary is installed, and where. */
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * Finds the Electron executable the way node_modules/electron does, without calling its index.js:
 * that one starts a download when the binary is missing, which hangs on a machine without access.
 */
export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { found: false, reason: `${pathFile} is missing` };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const executable = join(distDir, relative);
  return existsSync(executable)
    ? { found: true, path: executable }
    : { found: false, reason: `${executable} does not exist` };
}
