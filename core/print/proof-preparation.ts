import type { Locale, MaskedIdentity, PreparedProof, ProofType } from '../../contract/index.js';
import type { PrintJournal } from '../../offline-cache/print-journal.js';
import type { PreviewStore } from '../preview-store.js';
import { renderPreviewPages } from '../proof-preview.js';
import type { PreparedProofs } from './prepared-proofs.js';
import type { PrintOutcome, ProofLayout, ProofSource } from './ports.js';

/** What preparing a proof needs. */
export interface PreparationDeps {
  /** The platform, verified. */
  source: ProofSource;
  /** The PDF layout. */
  layout: ProofLayout;
  /** The print journal (to tell whether it was printed before). */
  journal: PrintJournal;
  /** This session's prepared proofs. */
  prepared: PreparedProofs;
  /** This session's page previews. */
  previews: PreviewStore;
  /** The kiosk id, for the watermark. */
  kioskId: string;
  /** Clock. */
  now: () => Date;
}

/** The person at the kiosk, as the session holds them. */
export interface SessionPerson {
  /** Full name from the card. */
  name: string;
  /** Full ID number from the card. */
  idNumber: string;
  /** The masked identity. */
  masked: MaskedIdentity;
}

/**
 * Fetches the proof from the platform, lays it out and renders page previews, so the citizen
 * sees exactly what will be printed before anything is printed.
 */
export async function prepareProof(
  deps: PreparationDeps,
  person: SessionPerson,
  type: ProofType,
  locale: Locale,
  signal: AbortSignal,
): Promise<PrintOutcome<PreparedProof>> {
  const fetched = await deps.source.fetch(type, person, signal);
  if (!fetched.ok) return fetched;
  const proof = fetched.value;
  const rendered = await deps.layout.render({
    proof,
    locale,
    kioskId: deps.kioskId,
    printedAt: deps.now().toISOString(),
  });
  if (!rendered.ok) return rendered;
  const previews = await renderPreviewPages(rendered.value.pdf, { signal });
  if (!previews.ok) {
    return {
      ok: false,
      error: { ...previews.error, action: 'maintenance', completionCode: 'internalError' },
    };
  }
  const { pdf, pageCount } = rendered.value;
  deps.prepared.add({ proof, pdf, pageCount, locale, holder: person.masked });
  const content = proof.content;
  return {
    ok: true,
    value: {
      proofId: content.proofId,
      type: content.type,
      locale,
      pageCount,
      previewUrls: deps.previews.add(previews.pages),
      validUntil: content.validUntil,
      alreadyPrinted: deps.journal.original('proof', content.proofId) !== undefined,
    },
  };
}
