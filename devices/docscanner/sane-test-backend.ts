import { accessSync, constants } from 'node:fs';
import { chmod, copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/*
 * Test support for SANE's `test` backend (sane-utils): a private SANE_CONFIG_DIR whose dll.conf
 * loads only `test`, so `scanimage -L` lists test:0 and test:1 and no real hardware is probed.
 */

/** The system's test backend configuration (Debian/Ubuntu path). */
const SYSTEM_TEST_CONF = '/etc/sane.d/test.conf';

/** The full path of `program` on PATH, if it is there and executable. */
export function findOnPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** The scanimage program on PATH, or undefined (tests that need it are skipped, saying so). */
export const SCANIMAGE = findOnPath('scanimage');

/** A private SANE configuration for the test backend. */
export interface SaneTestConfig {
  /** The directory to pass as SANE_CONFIG_DIR. */
  readonly dir: string;
  /** Lists (true) or hides (false) the test devices, as if a scanner were plugged in or out. */
  setListed(listed: boolean): Promise<void>;
  /**
   * Writes a scanimage stand-in that runs the REAL scanimage twice: `goodPages` pages, then one
   * more page with SANE_STATUS_JAMMED. The test backend applies a fault to every page, so this
   * is how a jam in the middle of a batch is produced. Returns the script's path.
   */
  writeMidBatchJam(goodPages: number): Promise<string>;
  /** Deletes the directory. */
  dispose(): Promise<void>;
}

/** Creates a private SANE_CONFIG_DIR with dll.conf = `test` and a copy of the system test.conf. */
export async function createSaneTestConfig(): Promise<SaneTestConfig> {
  const dir = await mkdtemp(join(tmpdir(), 'sane-test-config-'));
  const testConf = join(dir, 'test.conf');
  await copyFile(SYSTEM_TEST_CONF, testConf).catch(() =>
    writeFile(testConf, 'number_of_devices 2\nmode Gray\nresolution 50.0\n'),
  );
  const setListed = (listed: boolean): Promise<void> =>
    writeFile(join(dir, 'dll.conf'), listed ? 'test\n' : '# test\n');
  await setListed(true);
  return {
    dir,
    setListed,
    async writeMidBatchJam(goodPages) {
      const script = join(dir, 'scanimage-mid-batch-jam.sh');
      const real = SCANIMAGE ?? 'scanimage';
      const next = goodPages + 1;
      await writeFile(
        script,
        [
          '#!/bin/sh',
          `"${real}" "$@" --batch-count=${goodPages} || exit $?`,
          `exec "${real}" "$@" --batch-start=${next} --batch-count=1 --read-return-value=SANE_STATUS_JAMMED`,
          '',
        ].join('\n'),
      );
      await chmod(script, 0o755);
      return script;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
