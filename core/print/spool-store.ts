import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The PDFs of recent proof jobs, kept so a technician can reprint a damaged page. They hold
 * personal data, so the folder is 0700, files 0600, and files older than the retention are
 * deleted at start and after every job.
 */
export class SpoolStore {
  constructor(
    private readonly dir: string,
    private readonly retentionMs: number,
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** Keeps the PDF of a job, and deletes those past the retention (a kiosk runs for weeks). */
  write(jobId: string, pdf: Uint8Array): void {
    writeFileSync(this.file(jobId), pdf, { mode: 0o600 });
    this.purge();
  }

  /** The PDF of a job, if still kept. */
  read(jobId: string): Uint8Array | undefined {
    try {
      return readFileSync(this.file(jobId));
    } catch {
      return undefined;
    }
  }

  /** Deletes PDFs older than the retention; returns how many. */
  purge(): number {
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      if (this.now() - statSync(path).mtimeMs > this.retentionMs) {
        rmSync(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private file(jobId: string): string {
    if (!/^[0-9A-Z]{26}$/.test(jobId)) throw new Error('not a journal job id');
    return join(this.dir, `${jobId}.pdf`);
  }
}
