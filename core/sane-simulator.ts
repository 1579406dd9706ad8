import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The SANE device the embedded document-scanner simulator uses. */
export const SANE_SIMULATOR_DEVICE = 'test:0';

/**
 * The document scanner's "simulator" is SANE's own `test` backend (sane-utils), behind a private
 * SANE_CONFIG_DIR whose dll.conf loads only `test`, so no real scanner is probed. Returns the
 * directory. Its faults come from the backend option read-return-value (see the scanner doc).
 */
export function prepareSaneSimulator(dataDir: string): string {
  const dir = join(dataDir, 'sane-simulator');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  try {
    copyFileSync('/etc/sane.d/test.conf', join(dir, 'test.conf'));
  } catch {
    writeFileSync(join(dir, 'test.conf'), 'number_of_devices 2\n');
  }
  return dir;
}
