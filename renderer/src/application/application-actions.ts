import { ApplicationStage } from '../../../contract/index.js';
import type { ApplicationMatter } from '../../../contract/platform-api.js';
import { LOCALE_OF_LANGUAGE } from '../catalogue-text.js';
import type { FailedResult } from '../flow/failed-command.js';
import type { KioskClientLike } from '../kiosk-client-like.js';
import type { KioskStore } from '../store.js';
import { endSession } from '../sync.js';
import { classifyApplicationFailure } from './application-failure.js';
import type {
  ApplicationDraft,
  ApplicationFlow,
  ApplicationRetry,
  ApplicationStep,
  LeaveTarget,
} from './application-flow.js';

/** A flatbed scan at document resolution, with the lamp warming up first, takes up to a minute. */
export const SCAN_TIMEOUT_MS = 120_000;
/**
 * Saving, the platform's answer (the core waits a bounded time, then queues) and the receipt. A
 * deadline shorter than the core's own would turn a saved application into "outcome unknown".
 */
export const SUBMIT_TIMEOUT_MS = 180_000;

let lastAttempt = 0;

const flowOf = (store: KioskStore): ApplicationFlow | undefined => store.getSnapshot().application;

/** The scan step if the command of `attempt` is still the one under way there. */
function scanningNow(store: KioskStore, attempt: number): ApplicationStep<'scan'> | undefined {
  const flow = flowOf(store);
  return flow?.step === 'scan' && flow.activity?.attempt === attempt ? flow : undefined;
}

/** The submitting step if it is still that of `attempt` (not overtaken by a session end). */
function submittingNow(
  store: KioskStore,
  attempt: number,
): ApplicationStep<'submitting'> | undefined {
  const flow = flowOf(store);
  return flow?.step === 'submitting' && flow.attempt === attempt ? flow : undefined;
}

/** The matter and pages of the current step, when it has them. */
function draftOf(flow: ApplicationFlow | undefined): ApplicationDraft | undefined {
  if (!flow || flow.step === 'choose' || flow.step === 'done') return undefined;
  return { matter: flow.matter, pages: flow.pages };
}

/** The scan step for `draft`, nothing under way. */
function scanStep(draft: ApplicationDraft): ApplicationStep<'scan'> {
  return {
    step: 'scan',
    matter: draft.matter,
    pages: draft.pages,
    activity: undefined,
    enlarged: undefined,
    confirmLeave: undefined,
  };
}

/** Opens the matter list (from the service card). */
export function startApplication(store: KioskStore): void {
  store.setApplicationFlow({ step: 'choose' });
}

/** Leaves the matter list for the greeting (nothing was scanned yet). */
export function leaveMatterList(store: KioskStore): void {
  store.setApplicationFlow(undefined);
}

/** Chooses the matter to apply for: on to scanning, no page yet. */
export function chooseMatter(store: KioskStore, matter: ApplicationMatter): void {
  store.setApplicationFlow(scanStep({ matter, pages: [] }));
}

/** Scans one page, following Application.ScanProgress; the thumbnails then show every page. */
export async function scanPage(client: KioskClientLike, store: KioskStore): Promise<void> {
  const draft = draftOf(flowOf(store));
  if (!draft) return;
  const attempt = ++lastAttempt;
  store.setApplicationFlow({
    ...scanStep(draft),
    activity: { kind: 'scanning', percent: 0, attempt },
  });
  const result = await client.execute(
    'Application.ScanPage',
    {},
    {
      timeoutMs: SCAN_TIMEOUT_MS,
      onEvent: (name, payload) => {
        const flow = scanningNow(store, attempt);
        const percent = payload.percent;
        if (name !== 'Application.ScanProgress' || !flow || typeof percent !== 'number') return;
        const clamped = Math.max(0, Math.min(100, Math.round(percent)));
        store.setApplicationFlow({
          ...flow,
          activity: { kind: 'scanning', percent: clamped, attempt },
        });
      },
    },
  );
  const flow = scanningNow(store, attempt);
  if (!flow) return;
  if (result.kind === 'completed' && result.completionCode === 'success') {
    store.setApplicationFlow({ ...scanStep(flow), pages: result.payload.pages });
  } else {
    fail(store, flow, result, { phase: 'scan' });
  }
}

/** Removes page `pageNumber`; the others renumber, as the core answers. */
export async function removePage(
  client: KioskClientLike,
  store: KioskStore,
  pageNumber: number,
): Promise<void> {
  const draft = draftOf(flowOf(store));
  if (!draft) return;
  const attempt = ++lastAttempt;
  store.setApplicationFlow({
    ...scanStep(draft),
    activity: { kind: 'removing', pageNumber, attempt },
  });
  const result = await client.execute('Application.RemovePage', { pageNumber });
  const flow = scanningNow(store, attempt);
  if (!flow) return;
  if (result.kind === 'completed' && result.completionCode === 'success') {
    store.setApplicationFlow({ ...scanStep(flow), pages: result.payload.pages });
  } else {
    fail(store, flow, result, { phase: 'remove', pageNumber });
  }
}

/** Shows page `pageNumber` large, or (undefined) closes it. */
export function enlargePage(store: KioskStore, pageNumber: number | undefined): void {
  const flow = flowOf(store);
  if (flow?.step === 'scan' && !flow.activity) {
    store.setApplicationFlow({ ...flow, enlarged: pageNumber });
  }
}

/** Scanning done: on to the review, when there is a page to send. */
export function finishScanning(store: KioskStore): void {
  const flow = flowOf(store);
  if (flow?.step !== 'scan' || flow.activity || flow.pages.length === 0) return;
  const { matter, pages } = flow;
  store.setApplicationFlow({ step: 'review', matter, pages, confirmLeave: undefined });
}

/** From the review (or a failure) back to scanning, every page kept. */
export function backToScanning(store: KioskStore): void {
  const draft = draftOf(flowOf(store));
  if (draft) store.setApplicationFlow(scanStep(draft));
}

/**
 * The citizen wants to leave before submitting: with pages scanned they confirm first (the pages
 * will be deleted), else they leave at once.
 */
export function askToLeave(client: KioskClientLike, store: KioskStore, target: LeaveTarget): void {
  const flow = flowOf(store);
  if (flow?.step === 'scan' && flow.pages.length > 0) {
    store.setApplicationFlow({ ...flow, enlarged: undefined, confirmLeave: target });
  } else if (flow?.step === 'review') {
    store.setApplicationFlow({ ...flow, confirmLeave: target });
  } else {
    leaveApplication(client, store, target);
  }
}

/** The citizen stays after all. */
export function stayInApplication(store: KioskStore): void {
  const flow = flowOf(store);
  if (flow?.step === 'scan' || flow?.step === 'review') {
    store.setApplicationFlow({ ...flow, confirmLeave: undefined });
  }
}

/**
 * Leaves the application unsubmitted, for the matter list or the greeting. The pages go from the
 * screen at once; Application.Discard tells the core to delete them (its answer changes nothing).
 */
export function leaveApplication(
  client: KioskClientLike,
  store: KioskStore,
  target: LeaveTarget,
): void {
  store.setApplicationFlow(target === 'choose' ? { step: 'choose' } : undefined);
  void client.execute('Application.Discard', {});
}

/** Submits the application in the screen's language, following Application.Progress. */
export async function submitApplication(client: KioskClientLike, store: KioskStore): Promise<void> {
  const draft = draftOf(flowOf(store));
  if (!draft) return;
  const attempt = ++lastAttempt;
  const { matter, pages } = draft;
  store.setApplicationFlow({ step: 'submitting', matter, pages, stage: undefined, attempt });
  const locale = LOCALE_OF_LANGUAGE[store.getSnapshot().language];
  const result = await client.execute(
    'Application.Submit',
    { matter: matter.code, locale },
    {
      timeoutMs: SUBMIT_TIMEOUT_MS,
      onEvent: (name, payload) => {
        const stage = ApplicationStage.safeParse(payload.stage);
        const flow = submittingNow(store, attempt);
        if (name === 'Application.Progress' && stage.success && flow) {
          store.setApplicationFlow({ ...flow, stage: stage.data });
        }
      },
    },
  );
  const flow = submittingNow(store, attempt);
  if (!flow) return;
  if (result.kind === 'completed' && result.completionCode === 'success') {
    const { outcome, claimCode, trackingNumber, receiptPrinted } = result.payload;
    // The pages stay behind: the done screen shows none of them.
    store.setApplicationFlow({ step: 'done', outcome, claimCode, trackingNumber, receiptPrinted });
  } else {
    fail(store, flow, result, { phase: 'submit' });
  }
}

/** Repeats what failed. */
export function retryApplication(
  client: KioskClientLike,
  store: KioskStore,
  retry: ApplicationRetry,
): void {
  if (retry.phase === 'scan') void scanPage(client, store);
  else if (retry.phase === 'remove') void removePage(client, store, retry.pageNumber);
  else void submitApplication(client, store);
}

/** "Back" from a failure, to where the failure says. */
export function leaveFailure(client: KioskClientLike, store: KioskStore): void {
  const flow = flowOf(store);
  if (flow?.step !== 'error') return;
  const { matter, pages } = flow;
  switch (flow.exit) {
    case 'scan':
      return store.setApplicationFlow(scanStep(flow));
    case 'review':
      return store.setApplicationFlow({ step: 'review', matter, pages, confirmLeave: undefined });
    case 'choose':
    case 'greeting':
      return leaveApplication(client, store, flow.exit);
    case 'finish':
      return endSession(client, store, 'citizenFinished');
  }
}

/** Shows the failure of a command sent with `draft` on screen. */
function fail(
  store: KioskStore,
  draft: ApplicationDraft,
  result: FailedResult,
  retry: ApplicationRetry,
): void {
  const failure = classifyApplicationFailure(result, retry.phase);
  store.setApplicationFlow({
    step: 'error',
    matter: draft.matter,
    pages: draft.pages,
    errorCode: failure.errorCode,
    kind: failure.kind,
    exit: failure.exit,
    retry: failure.retryable ? retry : undefined,
  });
}
