import { monitorEventLoopDelay } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ProofRenderer } from './proof-renderer.js';
import type { ProofRenderRequest } from './render-proof-pdf.js';
import {
  SAMPLE_NO_HOUSING,
  SAMPLE_UNPRINTABLE_NAME,
  socialInsuranceProof,
} from './sample-proofs.js';
import { pdfPageCount } from './test-support/poppler-tools.js';

const request = (proof = SAMPLE_NO_HOUSING): ProofRenderRequest => ({
  proof,
  locale: 'zh-CN',
  kioskId: 'FS-CHANCHENG-0042',
  printedAt: '2026-03-02T02:15:30Z',
});

const renderers: ProofRenderer[] = [];
const renderer = (options?: ConstructorParameters<typeof ProofRenderer>[0]) => {
  const created = new ProofRenderer(options);
  renderers.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(renderers.splice(0).map((r) => r.close()));
});

describe('ProofRenderer (worker thread)', () => {
  it('renders in a worker thread and hands back the PDF bytes', async () => {
    const proofs = renderer();
    const result = await proofs.render(request());
    if (!result.ok) throw new Error(result.error.message);
    expect(Buffer.from(result.value.pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(result.value.pageCount).toBe(1);
    expect(await pdfPageCount(result.value.pdf)).toBe(1);
    expect(proofs.stats.lastThreadId).toBeDefined();
    expect(proofs.stats.lastThreadId).not.toBe(threadId);
  });

  it('keeps the main event loop responsive (< 50 ms) while rendering a 5-page proof', async () => {
    const proofs = renderer();
    // Warm: the worker is up and its fonts parsed, as in a running kiosk.
    expect((await proofs.render(request())).ok).toBe(true);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    delay.enable();
    const started = performance.now();
    const result = await proofs.render(request(socialInsuranceProof(130)));
    const elapsed = performance.now() - started;
    delay.disable();
    clearInterval(timer);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.pageCount).toBe(5);
    expect(delay.max / 1e6).toBeLessThan(50);
    // The timer kept ticking through the render.
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 10 / 3));
  });

  it('fails a render in flight with workerExited when the worker dies, then restarts it', async () => {
    const proofs = renderer();
    expect((await proofs.render(request())).ok).toBe(true);
    const inFlight = proofs.render(request(socialInsuranceProof(130)));
    await proofs.terminateWorker();
    expect(await inFlight).toEqual({
      ok: false,
      error: { code: 'workerExited', action: 'softwareError', message: expect.any(String) },
    });
    const again = await proofs.render(request());
    expect(again.ok).toBe(true);
    expect(proofs.stats.workerStarts).toBe(2);
  });

  it('returns missingGlyphs as a typed result, without the name', async () => {
    const result = await renderer().render(request(SAMPLE_UNPRINTABLE_NAME));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'missingGlyphs', action: 'maintenance' },
    });
    if (!result.ok)
      expect(result.error.message).not.toContain(SAMPLE_UNPRINTABLE_NAME.content.subject.name);
  });

  it('returns a missing configured font as fontNotFound for configuration', async () => {
    const proofs = renderer({
      fontPaths: { scRegular: { file: '/nonexistent/font.otf', postscriptName: 'X' } },
    });
    expect(await proofs.render(request())).toMatchObject({
      ok: false,
      error: { code: 'fontNotFound', action: 'configuration' },
    });
  });

  it('refuses renders after close', async () => {
    const proofs = renderer();
    await proofs.close();
    expect(await proofs.render(request())).toMatchObject({
      ok: false,
      error: { code: 'rendererClosed' },
    });
  });
});
