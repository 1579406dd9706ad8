import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorAction } from '../../contract/device-status.js';

/*
 * Runs the poppler-utils tools (pdftoppm, pdfdetach, pdftotext, pdfinfo) proofs are read with:
 * by the verifier, by the core's print previews and by tests. A missing tool, an unreadable PDF,
 * a hung tool and a cancelled run are typed failures, never throws.
 */

/** The poppler tools in use. */
export type PopplerTool = 'pdftoppm' | 'pdfdetach' | 'pdftotext' | 'pdfinfo';

/** Where each tool is (default: its name, looked up on PATH); tests point one at nothing. */
export type PopplerPaths = Partial<Record<PopplerTool, string>>;

/** How one tool is run. */
export interface PopplerRunOptions {
  /** Working directory of the tool (default: this process's). */
  cwd?: string;
  /** Aborting it kills the tool; the run then fails with `toolFailed`. */
  signal?: AbortSignal;
  /** The tool is killed after this long (default 60 s); the run then fails with `toolFailed`. */
  timeoutMs?: number;
}

/** Why a PDF could not be examined. */
export type PdfToolFailureCode = 'toolMissing' | 'unreadablePdf' | 'toolFailed';

/** A PDF that could not be examined (as opposed to a proof that does not verify). */
export interface PdfToolFailure {
  /** False. */
  ok: false;
  /** Machine-readable reason. */
  code: PdfToolFailureCode;
  /** One sentence for a person. */
  message: string;
  /** What to do: install poppler-utils (configuration), supply another file (clear), report. */
  action: ErrorAction;
}

/** A tool's output. */
export interface PopplerOutput {
  /** True. */
  ok: true;
  /** Standard output. */
  stdout: Buffer;
}

/** Every page of a PDF as PNG bytes, in page order. */
export interface RenderedPages {
  /** True. */
  ok: true;
  /** One PNG per page, page 1 first. */
  pages: Buffer[];
}

const TIMEOUT_MS = 60_000;
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/** Runs one poppler tool on `args`. */
export function runPoppler(
  tool: PopplerTool,
  args: readonly string[],
  paths: PopplerPaths = {},
  options: PopplerRunOptions = {},
): Promise<PopplerOutput | PdfToolFailure> {
  const command = paths[tool] ?? tool;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        encoding: 'buffer',
        timeout: timeoutMs,
        maxBuffer: MAX_OUTPUT_BYTES,
        killSignal: 'SIGKILL',
        cwd: options.cwd,
        signal: options.signal,
      },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ ok: true, stdout });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES')
          return resolve({
            ok: false,
            code: 'toolMissing',
            message: `${tool} was not found: install poppler-utils (apt-get install poppler-utils)`,
            action: 'configuration',
          });
        if (options.signal?.aborted)
          return resolve({
            ok: false,
            code: 'toolFailed',
            message: `${tool} was cancelled`,
            action: 'softwareError',
          });
        if (error.killed)
          return resolve({
            ok: false,
            code: 'toolFailed',
            message: `${tool} did not finish within ${timeoutMs / 1000} s`,
            action: 'softwareError',
          });
        const detail = stderr.toString('utf8').trim().split('\n')[0] ?? '';
        resolve({
          ok: false,
          code: 'unreadablePdf',
          message: `${tool} cannot read the file${detail ? ` (${detail.slice(0, 200)})` : ''}`,
          action: 'clear',
        });
      },
    );
  });
}

/** Renders every page of `pdf` to PNG at `dpi` with pdftoppm, in a private temporary folder. */
export async function renderPdfPages(
  pdf: Uint8Array,
  dpi: number,
  options: { paths?: PopplerPaths } & Omit<PopplerRunOptions, 'cwd'> = {},
): Promise<RenderedPages | PdfToolFailure> {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-pages-'));
  try {
    await writeFile(join(dir, 'proof.pdf'), pdf, { mode: 0o600 });
    const args = ['-png', '-r', String(dpi), 'proof.pdf', 'page'];
    const { paths, ...run } = options;
    const rendered = await runPoppler('pdftoppm', args, paths, { ...run, cwd: dir });
    if (!rendered.ok) return rendered;
    const files = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort(byPageNumber);
    const pages = await Promise.all(files.map((f) => readFile(join(dir, f))));
    return { ok: true, pages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** pdftoppm names pages page-1.png … page-10.png (zero-padded by page count); sort numerically. */
function byPageNumber(a: string, b: string): number {
  return pageNumber(a) - pageNumber(b);
}

function pageNumber(file: string): number {
  return Number(/-(\d+)\.png$/.exec(file)?.[1] ?? 0);
}
