import type { ApplicationOutcome, ApplicationStage, Locale } from '../../contract/index.js';
import { formatClaimCode } from '../../offline-cache/outbox/claim-code.js';
import type { OutboxFailure } from '../../offline-cache/outbox/outbox-failure.js';
import { applicationFailure, type ApplicationDeps, type ApplicationFailure } from './ports.js';

/** What a submission ends with. */
export interface SubmittedApplication {
  /** Sent, or saved for later. */
  outcome: ApplicationOutcome;
  /** The code on the ticket, formatted. */
  claimCode: string;
  /** The platform's tracking number, when submitted. */
  trackingNumber?: string;
  /** Whether the receipt or claim ticket printed. */
  receiptPrinted: boolean;
}

/**
 * Submits the draft: checks the matter and pages, saves the application and its pages in one
 * transaction (from then on it is the kiosk's promise, whatever happens to the network or the
 * power), drops the pages from memory, waits a little for the platform's confirmation when the
 * platform answers, and prints an acceptance receipt (confirmed) or a claim ticket (queued).
 */
export async function submitApplication(
  deps: ApplicationDeps,
  request: { matter: string; locale: Locale },
  stage: (stage: ApplicationStage) => void,
  signal: AbortSignal,
): Promise<{ ok: true; value: SubmittedApplication } | { ok: false; error: ApplicationFailure }> {
  const person = deps.person();
  if (!person) {
    return failure(applicationFailure('noSession', 'no citizen session', 'clear', 'sequenceError'));
  }
  const matter = deps.matters().find((m) => m.code === request.matter);
  if (!matter) {
    return failure(
      applicationFailure(
        'unknownMatter',
        `matter ${request.matter} is not in the catalogue`,
        'clear',
        'invalidData',
      ),
    );
  }
  const images = deps.draft.images();
  if (images.length === 0) {
    return failure(applicationFailure('noPages', 'no page was scanned', 'clear', 'userError'));
  }
  if (images.length > matter.maxPages) {
    return failure(
      applicationFailure(
        'tooManyPages',
        `${matter.code} takes at most ${matter.maxPages} pages`,
        'clear',
        'userError',
      ),
    );
  }
  const saved = deps.queue.enqueue({
    kind: 'documentApplication',
    payload: { applicant: { name: person.name, idNumber: person.idNumber }, matter: matter.code },
    materials: images.map((data) => ({ contentType: 'image/png', pages: 1, data })),
  });
  if (!saved.ok) return failure(saveFailure(saved));
  // Saved and sealed: the plain images in memory are no longer needed.
  deps.draft.clear();
  const claimCode = formatClaimCode(saved.claimCode);
  deps.log.info(
    { idempotencyKey: saved.idempotencyKey, matter: matter.code, pages: images.length },
    'application.saved',
  );
  stage('saved');
  stage('sending');
  const waitMs = deps.platformOnline() ? deps.confirmWaitMs : 0;
  const confirmed =
    waitMs > 0 &&
    (await deps.queue.waitForConfirmation(saved.idempotencyKey, waitMs)) === 'confirmed';
  const trackingNumber = confirmed ? deps.queue.trackingNumber(saved.idempotencyKey) : undefined;
  const outcome: ApplicationOutcome = confirmed ? 'submitted' : 'queued';
  stage('receipt');
  const document = deps.receiptFor({
    outcome,
    matter,
    claimCode,
    ...(trackingNumber !== undefined ? { trackingNumber } : {}),
    pages: images.length,
    person,
    savedAt: saved.createdAt,
    locale: request.locale,
  });
  const receiptPrinted = deps.printReceipt
    ? await deps.printReceipt(
        document,
        `${outcome === 'submitted' ? 'acceptance' : 'claim'}:${saved.claimCode}`,
        signal,
      )
    : false;
  deps.log.info(
    { idempotencyKey: saved.idempotencyKey, outcome, receiptPrinted },
    'application.submitted',
  );
  return {
    ok: true,
    value: {
      outcome,
      claimCode,
      ...(trackingNumber !== undefined ? { trackingNumber } : {}),
      receiptPrinted,
    },
  };
}

function failure(error: ApplicationFailure): { ok: false; error: ApplicationFailure } {
  return { ok: false, error };
}

/** The outbox's refusal as the citizen's failure: nothing was saved. */
export function saveFailure(refused: OutboxFailure): ApplicationFailure {
  switch (refused.code) {
    case 'storageFull':
      return applicationFailure('storageFull', refused.message, 'maintenance', 'notEnoughSpace');
    case 'queueFull':
      return applicationFailure('queueFull', refused.message, 'maintenance', 'notEnoughSpace');
    default:
      return applicationFailure(
        'saveFailed',
        `${refused.code}: ${refused.message}`,
        'maintenance',
        'internalError',
      );
  }
}
