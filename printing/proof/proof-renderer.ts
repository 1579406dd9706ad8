import { Worker } from 'node:worker_threads';
import type { ProofFontPaths } from '../fonts/index.js';
import type { ProofRenderFailure, ProofRenderResult } from './proof-render-error.js';
import type { ProofRenderRequest, RenderedProof } from './render-proof-pdf.js';
import type { ProofWorkerData, ProofWorkerReply, ProofWorkerRequest } from './worker-protocol.js';

/** Options of a ProofRenderer. */
export interface ProofRendererOptions {
  /** Configured font files per role; the rest are found through fontconfig. */
  fontPaths?: ProofFontPaths;
  /** A render taking longer fails and restarts the worker (default 30 s). */
  renderTimeoutMs?: number;
}

/** What the renderer has done (diagnostics, no personal data). */
export interface ProofRendererStats {
  /** Renders that produced a PDF. */
  renders: number;
  /** Worker threads started (1 + restarts). */
  workerStarts: number;
  /** Thread id of the worker that did the last successful render. */
  lastThreadId?: number;
  /** Time the last successful render took inside the worker, ms. */
  lastRenderMs?: number;
}

interface Pending {
  resolve(result: ProofRenderResult<RenderedProof>): void;
  timer: NodeJS.Timeout;
}

/**
 * Starts the worker: from the esbuild bundle (this module inside dist/core/kiosk-core.js) the
 * bundled dist/core/proof-worker.js next to it; from the TypeScript source (vitest, tsx) the .ts
 * worker through tsx's loader. `execArgv: ['--import', 'tsx']` is not enough on Node 20: the
 * worker resolves its .ts entry before the loader is registered (ERR_UNKNOWN_FILE_EXTENSION), so
 * a two-line bootstrap registers tsx and then imports the entry.
 */
function startWorker(workerData: ProofWorkerData): Worker {
  if (import.meta.url.endsWith('.js')) {
    return new Worker(new URL('./proof-worker.js', import.meta.url), { workerData });
  }
  const entry = new URL('./proof-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Renders proofs in a worker thread so the core's event loop never waits for pdfkit. The worker
 * keeps the fonts parsed between renders; if it dies, the renders in flight fail with
 * workerExited and the next render starts a new one. Results are values, never thrown.
 */
export class ProofRenderer {
  /** Diagnostics. */
  readonly stats: ProofRendererStats = { renders: 0, workerStarts: 0 };
  private readonly fontPaths: ProofFontPaths;
  private readonly timeoutMs: number;
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(options: ProofRendererOptions = {}) {
    this.fontPaths = options.fontPaths ?? {};
    this.timeoutMs = options.renderTimeoutMs ?? 30_000;
  }

  /** Renders a proof to PDF in the worker thread. */
  render(request: ProofRenderRequest): Promise<ProofRenderResult<RenderedProof>> {
    if (this.closed) {
      return Promise.resolve(
        failure({
          code: 'rendererClosed',
          action: 'softwareError',
          message: 'proof renderer is closed',
        }),
      );
    }
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle(
          id,
          failure({
            code: 'renderFailed',
            action: 'softwareError',
            message: `proof render timed out after ${this.timeoutMs} ms`,
          }),
        );
        // A render that hangs may hang the next one too: start afresh.
        void this.terminateWorker();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, timer });
      worker.ref();
      const message: ProofWorkerRequest = { id, request };
      try {
        worker.postMessage(message);
      } catch {
        // Not structured-cloneable (a function, a class instance): not a proof request.
        this.settle(
          id,
          failure({
            code: 'invalidRequest',
            action: 'softwareError',
            message: 'render request cannot be sent to the worker',
          }),
        );
      }
    });
  }

  /**
   * Stops the worker thread now (a stuck render, or tests). Renders in flight fail with
   * workerExited; the next render starts a new worker.
   */
  async terminateWorker(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.detach(worker, 'proof render worker was stopped');
    await worker.terminate();
  }

  /** Stops the worker; later renders fail with rendererClosed. */
  async close(): Promise<void> {
    this.closed = true;
    this.failAll({
      code: 'rendererClosed',
      action: 'softwareError',
      message: 'proof renderer closed',
    });
    const worker = this.worker;
    if (!worker) return;
    this.detach(worker, 'proof renderer closed');
    await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker({ fontPaths: this.fontPaths });
    this.stats.workerStarts++;
    worker.on('message', (reply: ProofWorkerReply) => this.onReply(reply));
    worker.on('error', (error: Error) => {
      this.detach(worker, `proof render worker crashed: ${error.name}`);
    });
    worker.on('exit', (code) => {
      this.detach(worker, `proof render worker exited (code ${code})`);
    });
    this.worker = worker;
    return worker;
  }

  /** Forgets a worker that is gone or going, failing what it had in flight. */
  private detach(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll({ code: 'workerExited', action: 'softwareError', message });
  }

  private onReply(reply: ProofWorkerReply): void {
    if (!reply.ok) {
      this.settle(reply.id, { ok: false, error: reply.error });
      return;
    }
    this.stats.renders++;
    this.stats.lastThreadId = reply.threadId;
    this.stats.lastRenderMs = reply.renderMs;
    this.settle(reply.id, {
      ok: true,
      value: { pdf: reply.pdf, pageCount: reply.pageCount, glyphFallbacks: reply.glyphFallbacks },
    });
  }

  private settle(id: number, result: ProofRenderResult<RenderedProof>): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(result);
    // An idle worker must not keep the process alive.
    if (this.pending.size === 0) this.worker?.unref();
  }

  private failAll(error: ProofRenderFailure): void {
    for (const id of [...this.pending.keys()]) this.settle(id, failure(error));
  }
}

function failure(error: ProofRenderFailure): {
  readonly ok: false;
  readonly error: ProofRenderFailure;
} {
  return { ok: false, error };
}
