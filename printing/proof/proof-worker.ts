import { performance } from 'node:perf_hooks';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { loadProofFonts } from '../fonts/index.js';
import { toRenderFailure } from './proof-render-error.js';
import { renderProofPdf } from './render-proof-pdf.js';
import type { ProofWorkerData, ProofWorkerReply, ProofWorkerRequest } from './worker-protocol.js';

/**
 * The render worker thread: keeps the parsed fonts (and their glyph and layout caches) warm and
 * renders one proof per message, transferring the PDF bytes back. Bundled to
 * dist/core/proof-worker.js; run from source through tsx.
 */

const port = parentPort;
if (!port) throw new Error('proof-worker must run as a worker thread');
const { fontPaths } = workerData as ProofWorkerData;

// Start parsing fonts now, so the first render does not wait for them.
void loadProofFonts(fontPaths);

port.on('message', (message: ProofWorkerRequest) => {
  void handle(message).then(({ reply, transfer }) => port.postMessage(reply, transfer));
});

async function handle({
  id,
  request,
}: ProofWorkerRequest): Promise<{ reply: ProofWorkerReply; transfer: ArrayBuffer[] }> {
  // Cached once loaded; a failed load is not cached, so a fixed font file is found again.
  const fonts = await loadProofFonts(fontPaths);
  if (!fonts.ok) {
    return { reply: { id, ok: false, error: fonts.error }, transfer: [] };
  }
  const started = performance.now();
  try {
    const rendered = await renderProofPdf(request, fonts.value);
    const reply: ProofWorkerReply = {
      id,
      ok: true,
      pdf: rendered.pdf,
      pageCount: rendered.pageCount,
      glyphFallbacks: rendered.glyphFallbacks,
      threadId,
      renderMs: performance.now() - started,
    };
    return { reply, transfer: [rendered.pdf.buffer as ArrayBuffer] };
  } catch (error) {
    return { reply: { id, ok: false, error: toRenderFailure(error) }, transfer: [] };
  }
}
