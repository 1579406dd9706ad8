import type { ErrorAction } from '../../contract/index.js';
import type { PrintingFailure, PrintingResult } from '../fonts/index.js';

/** Why a proof could not be rendered. */
export type ProofRenderErrorCode =
  // The request is not a valid proof, locale, kiosk id or time (a bug in the caller).
  | 'invalidRequest'
  // A character of the proof is in no installed face; a technician must install a font.
  | 'missingGlyphs'
  // A configured or required font is not installed / cannot be read.
  | 'fontNotFound'
  | 'fontUnreadable'
  // pdfkit or fontkit failed unexpectedly.
  | 'renderFailed'
  // The render worker thread died during this render (it is restarted for the next one).
  | 'workerExited'
  // The renderer was closed.
  | 'rendererClosed';

/** A render failure: code, technician text without personal data, and what to do. */
export type ProofRenderFailure = PrintingFailure<ProofRenderErrorCode>;

/** The outcome of a render, never thrown. */
export type ProofRenderResult<T> = PrintingResult<T, ProofRenderErrorCode>;

/** The typed error renderProofPdf rejects with; ProofRenderer turns it into a result. */
export class ProofRenderError extends Error {
  /** Machine-readable code. */
  readonly code: ProofRenderErrorCode;
  /** What a person must do. */
  readonly action: ErrorAction;

  constructor(code: ProofRenderErrorCode, action: ErrorAction, message: string) {
    super(message);
    this.name = 'ProofRenderError';
    this.code = code;
    this.action = action;
  }

  /** As a failure value. */
  toFailure(): ProofRenderFailure {
    return { code: this.code, action: this.action, message: this.message };
  }
}

/** Any thrown value as a failure value (unknown errors are renderFailed). */
export function toRenderFailure(error: unknown): ProofRenderFailure {
  if (error instanceof ProofRenderError) return error.toFailure();
  const detail = error instanceof Error ? error.message : String(error);
  // Library messages do not carry proof text, but be safe: keep only the first line, shortened.
  return {
    code: 'renderFailed',
    action: 'softwareError',
    message: `proof rendering failed: ${detail.split('\n')[0]?.slice(0, 160) ?? ''}`,
  };
}
