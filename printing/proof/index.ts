export { renderProofPdf, type ProofRenderRequest, type RenderedProof } from './render-proof-pdf.js';
export {
  ProofRenderError,
  type ProofRenderErrorCode,
  type ProofRenderFailure,
  type ProofRenderResult,
} from './proof-render-error.js';
export {
  DEFAULT_SEAL_COLOR,
  DEFAULT_SEAL_DIAMETER_MM,
  DEFAULT_SEAL_LABEL,
  type SealStyle,
} from './seal.js';
export { PROOF_LABELS, type ProofLabels } from './labels/index.js';
export type { ProofFonts, ProofFontPaths, FontSource } from '../fonts/index.js';
export {
  ProofRenderer,
  type ProofRendererOptions,
  type ProofRendererStats,
} from './proof-renderer.js';
export { loadProofFonts } from '../fonts/index.js';
