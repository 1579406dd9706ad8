import type { ProofFontPaths } from '../fonts/index.js';
import type { ProofRenderFailure } from './proof-render-error.js';
import type { ProofRenderRequest } from './render-proof-pdf.js';

/** What the render worker is started with. */
export interface ProofWorkerData {
  /** Configured font files. */
  readonly fontPaths: ProofFontPaths;
}

/** Main thread → worker: render one proof. */
export interface ProofWorkerRequest {
  /** Correlates the reply. */
  readonly id: number;
  /** The render request. */
  readonly request: ProofRenderRequest;
}

/** Worker → main thread: the rendered proof (its bytes transferred) or a failure. */
export type ProofWorkerReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly pdf: Uint8Array;
      readonly pageCount: number;
      readonly glyphFallbacks: number;
      /** The worker's thread id (diagnostics; proves the render ran off the main thread). */
      readonly threadId: number;
      /** Time spent rendering inside the worker, ms. */
      readonly renderMs: number;
    }
  | { readonly id: number; readonly ok: false; readonly error: ProofRenderFailure };
