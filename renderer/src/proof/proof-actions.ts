import { PrintStage, type PreparedProof, type ProofType } from '../../../contract/index.js';
import { LOCALE_OF_LANGUAGE } from '../catalogue-text.js';
import type { KioskClientLike } from '../kiosk-client-like.js';
import type { KioskStore } from '../store.js';
import { classifyFailure, type ProofFailure } from './proof-failure.js';
import type { ProofFlow, ProofStep, RetryTarget } from './proof-flow.js';

/** The platform lookup, the layout and the previews together; the platform alone may take 10 s. */
export const PREPARE_TIMEOUT_MS = 60_000;
/**
 * A long proof on a cold printer takes minutes. The core follows a job the spooler has to its end
 * whatever happens, so a short deadline would only turn a printed proof into an error screen.
 */
export const PRINT_TIMEOUT_MS = 300_000;

let lastAttempt = 0;

/** The flow if it is still at `step` of `attempt` (not cancelled, not ended with the session). */
function current<S extends 'preparing' | 'printing'>(
  store: KioskStore,
  step: S,
  attempt: number,
): ProofStep<S> | undefined {
  const flow: ProofFlow | undefined = store.getSnapshot().proof;
  return flow?.step === step && flow.attempt === attempt ? (flow as ProofStep<S>) : undefined;
}

/** Opens the proof chooser. */
export function chooseProof(store: KioskStore): void {
  store.setProofFlow({ step: 'choose' });
}

/** Leaves the flow for the greeting screen. */
export function leaveProofFlow(store: KioskStore): void {
  store.setProofFlow(undefined);
}

/** Asks the core for the proof of `type`, in the screen's language, and shows its preview. */
export async function prepareProof(
  client: KioskClientLike,
  store: KioskStore,
  type: ProofType,
): Promise<void> {
  const attempt = ++lastAttempt;
  const locale = LOCALE_OF_LANGUAGE[store.getSnapshot().language];
  store.setProofFlow({ step: 'preparing', type, attempt });
  const result = await client.execute(
    'Proof.Prepare',
    { type, locale },
    { timeoutMs: PREPARE_TIMEOUT_MS },
  );
  if (!current(store, 'preparing', attempt)) return;
  if (result.kind === 'completed' && result.completionCode === 'success') {
    store.setProofFlow({ step: 'preview', proof: result.payload, page: 0 });
  } else {
    fail(store, classifyFailure(result, 'prepare'), { phase: 'prepare', type }, type);
  }
}

/**
 * Stops preparing. The screen goes back to the chooser at once, so the answer, whenever it comes,
 * finds another step and is dropped. The client does not tell us the request id, so the cancel
 * covers this connection's requests in flight: the renderer has no other long-running ones.
 */
export function cancelPreparing(client: KioskClientLike, store: KioskStore): void {
  store.setProofFlow({ step: 'choose' });
  void client.execute('Common.Cancel', {});
}

/** Shows page `page` (0-based) of the proof being previewed. */
export function showPage(store: KioskStore, page: number): void {
  const flow = store.getSnapshot().proof;
  if (flow?.step !== 'preview') return;
  const last = flow.proof.previewUrls.length - 1;
  store.setProofFlow({ ...flow, page: Math.max(0, Math.min(last, page)) });
}

/** Prints a prepared proof, following Print.Progress, then shows where to take it. */
export async function printProof(
  client: KioskClientLike,
  store: KioskStore,
  proof: PreparedProof,
): Promise<void> {
  const attempt = ++lastAttempt;
  store.setProofFlow({ step: 'printing', proof, stage: undefined, attempt });
  const result = await client.execute(
    'Proof.Print',
    { proofId: proof.proofId },
    {
      timeoutMs: PRINT_TIMEOUT_MS,
      onEvent: (name, payload) => {
        const stage = PrintStage.safeParse(payload.stage);
        const flow = current(store, 'printing', attempt);
        if (name === 'Print.Progress' && stage.success && flow) {
          store.setProofFlow({ ...flow, stage: stage.data });
        }
      },
    },
  );
  if (!current(store, 'printing', attempt)) return;
  if (result.kind === 'completed' && result.completionCode === 'success') {
    const { receiptPrinted } = result.payload;
    store.setProofFlow({ step: 'done', type: proof.type, receiptPrinted });
  } else {
    fail(store, classifyFailure(result, 'print'), { phase: 'print', proof }, proof.type);
  }
}

/** Repeats what failed. */
export function retry(client: KioskClientLike, store: KioskStore, target: RetryTarget): void {
  if (target.phase === 'prepare') void prepareProof(client, store, target.type);
  else void printProof(client, store, target.proof);
}

/** Shows `failure`, offering "try again" only where it can help. */
function fail(
  store: KioskStore,
  failure: ProofFailure,
  target: RetryTarget,
  type: ProofType,
): void {
  store.setProofFlow({
    step: 'error',
    errorCode: failure.errorCode,
    kind: failure.kind,
    type,
    retry: failure.retryable ? target : undefined,
  });
}
