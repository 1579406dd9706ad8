import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why previews could not be made. */
export interface PreviewFailure {
  /** Machine-readable cause. */
  code: 'previewToolMissing' | 'previewFailed';
  /** What went wrong. */
  message: string;
}

/**
 * Renders a PDF's pages to PNG with poppler's pdftoppm, in a child process so the core's event
 * loop never waits on rasterising. 60 dpi gives a 496 × 702 px A4 page: readable on the kiosk's
 * screen, small enough to keep in memory for a session.
 */
export async function renderPreviewPages(
  pdf: Uint8Array,
  options: { dpi?: number; signal?: AbortSignal } = {},
): Promise<{ ok: true; pages: Uint8Array[] } | { ok: false; error: PreviewFailure }> {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-preview-'));
  try {
    await writeFile(join(dir, 'proof.pdf'), pdf, { mode: 0o600 });
    const args = ['-png', '-r', String(options.dpi ?? 60), 'proof.pdf', 'page'];
    const failure = await run('pdftoppm', args, dir, options.signal);
    if (failure) return { ok: false, error: failure };
    const files = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort(byPageNumber);
    const pages = await Promise.all(files.map((f) => readFile(join(dir, f))));
    return { ok: true, pages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(
  command: string,
  args: string[],
  cwd: string,
  signal: AbortSignal | undefined,
): Promise<PreviewFailure | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, timeout: 30_000, signal }, (error, _stdout, stderr) => {
      if (!error) return resolve(undefined);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return resolve({
          code: 'previewToolMissing',
          message: 'pdftoppm is not installed: install poppler-utils',
        });
      }
      resolve({
        code: 'previewFailed',
        message: `pdftoppm failed: ${stderr.trim().slice(0, 200)}`,
      });
    });
  });
}

/** pdftoppm names pages page-1.png … page-10.png (zero-padded by page count); sort numerically. */
function byPageNumber(a: string, b: string): number {
  return pageNumber(a) - pageNumber(b);
}

function pageNumber(file: string): number {
  return Number(/-(\d+)\.png$/.exec(file)?.[1] ?? 0);
}
