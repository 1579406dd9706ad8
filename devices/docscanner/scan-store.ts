import { randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Private directories for scanned images, which are personal data: one directory (mode 0700)
 * per scan inside one per-device base directory (mode 0700). A scan's files live until
 * `discard(scanId)` or `discardAll()` (device close).
 */
export class ScanStore {
  private base: Promise<string> | undefined;
  private readonly dirs = new Map<string, string>();

  /** `parentDir` holds the base directory. Default the OS temp directory. */
  constructor(private readonly parentDir: string = tmpdir()) {}

  /** Makes the directory of a new scan; returns its id and path. */
  async create(): Promise<{ readonly scanId: string; readonly dir: string }> {
    if (this.base === undefined) {
      // The parent (e.g. <dataDir>/scans on a fresh kiosk) is made on first use, private too.
      const made = mkdir(this.parentDir, { recursive: true, mode: 0o700 }).then(() =>
        mkdtemp(join(this.parentDir, 'kiosk-scans-')),
      );
      this.base = made;
      // A failed attempt (parent missing, disk full) is retried by the next scan.
      made.catch(() => {
        if (this.base === made) this.base = undefined;
      });
    }
    const base = await this.base;
    const scanId = randomUUID();
    const dir = join(base, scanId);
    await mkdir(dir, { mode: 0o700 });
    await chmod(dir, 0o700);
    this.dirs.set(scanId, dir);
    return { scanId, dir };
  }

  /** The directory of a scan that has not been discarded. */
  dirOf(scanId: string): string | undefined {
    return this.dirs.get(scanId);
  }

  /** Ids of the scans not yet discarded. */
  scanIds(): string[] {
    return [...this.dirs.keys()];
  }

  /** Deletes a scan's files; false when the id is unknown (already discarded). */
  async discard(scanId: string): Promise<boolean> {
    const dir = this.dirs.get(scanId);
    if (dir === undefined) return false;
    this.dirs.delete(scanId);
    await rm(dir, { recursive: true, force: true });
    return true;
  }

  /** Deletes every scan and the base directory. */
  async discardAll(): Promise<void> {
    const base = this.base;
    this.base = undefined;
    this.dirs.clear();
    if (base === undefined) return;
    const dir = await base.catch(() => undefined);
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }
}
