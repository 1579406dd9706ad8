import { execFile } from 'node:child_process';
import type { ErrorAction } from '../../contract/device-status.js';

/*
 * Runs the poppler-utils tools (pdftoppm, pdfdetach, pdftotext) the PDF verifier reads proofs
 * with. A missing tool, an unreadable PDF and a hung tool are typed failures, never throws.
 */

/** The poppler tools the verifier uses. */
export type PopplerTool = 'pdftoppm' | 'pdfdetach' | 'pdftotext';

/** Where each tool is (default: its name, looked up on PATH); tests point one at nothing. */
export type PopplerPaths = Partial<Record<PopplerTool, string>>;

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

const TIMEOUT_MS = 60_000;
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/** Runs one poppler tool on `args`. */
export function runPoppler(
  tool: PopplerTool,
  args: readonly string[],
  paths: PopplerPaths = {},
): Promise<PopplerOutput | PdfToolFailure> {
  const command = paths[tool] ?? tool;
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        encoding: 'buffer',
        timeout: TIMEOUT_MS,
        maxBuffer: MAX_OUTPUT_BYTES,
        killSignal: 'SIGKILL',
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
        if (error.killed)
          return resolve({
            ok: false,
            code: 'toolFailed',
            message: `${tool} did not finish within ${TIMEOUT_MS / 1000} s`,
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
