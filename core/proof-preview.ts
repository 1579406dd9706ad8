import { renderPdfPages } from '../printing/verification/poppler.js';

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
  const rendered = await renderPdfPages(pdf, options.dpi ?? 60, {
    signal: options.signal,
    timeoutMs: 30_000,
  });
  if (rendered.ok) return { ok: true, pages: rendered.pages };
  const code = rendered.code === 'toolMissing' ? 'previewToolMissing' : 'previewFailed';
  return { ok: false, error: { code, message: rendered.message } };
}
