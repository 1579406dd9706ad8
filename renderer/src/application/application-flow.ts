import type { ApplicationMatter } from '../../../contract/platform-api.js';
import type {
  ApplicationOutcome,
  ApplicationPage,
  ApplicationStage,
} from '../../../contract/index.js';
import type { ApplicationFailureKind, FailureExit } from './application-failure.js';

/** A command of the scan step under way; `attempt` tells its answer from an older one's. */
export type ScanActivity =
  | { readonly kind: 'scanning'; readonly percent: number; readonly attempt: number }
  | { readonly kind: 'removing'; readonly pageNumber: number; readonly attempt: number };

/** Where a "leave" the citizen must confirm goes: the matter list, or the greeting. */
export type LeaveTarget = 'choose' | 'greeting';

/** What "try again" repeats after a failure. */
export type ApplicationRetry =
  | { readonly phase: 'scan' }
  | { readonly phase: 'remove'; readonly pageNumber: number }
  | { readonly phase: 'submit' };

/** The matter and the pages scanned for it so far: what every step between scan and submit holds. */
export interface ApplicationDraft {
  /** The matter chosen, as the catalogue described it then. */
  readonly matter: ApplicationMatter;
  /** Every page scanned so far, in order (the core's list after its last answer). */
  readonly pages: readonly ApplicationPage[];
}

/**
 * Where the citizen is in the "scan documents for an application" flow. The page previews show
 * personal documents: the flow lives in the store only while the citizen is in it, and the done
 * step keeps none of them.
 */
export type ApplicationFlow =
  | { readonly step: 'choose' }
  | (ApplicationDraft & {
      readonly step: 'scan';
      /** The scan or removal under way, if any. */
      readonly activity: ScanActivity | undefined;
      /** The page shown large, if any. */
      readonly enlarged: number | undefined;
      /** Where the citizen asked to go, while they confirm that the pages will be deleted. */
      readonly confirmLeave: LeaveTarget | undefined;
    })
  | (ApplicationDraft & {
      readonly step: 'review';
      /** Set while the citizen confirms cancelling the application. */
      readonly confirmLeave: LeaveTarget | undefined;
    })
  | (ApplicationDraft & {
      readonly step: 'submitting';
      /** The last stage the core reported. */
      readonly stage: ApplicationStage | undefined;
      readonly attempt: number;
    })
  | {
      readonly step: 'done';
      /** Sent, or saved on the kiosk for later. */
      readonly outcome: ApplicationOutcome;
      /** The code on the claim ticket. */
      readonly claimCode: string;
      /** The platform's tracking number, when sent. */
      readonly trackingNumber: string | undefined;
      /** Whether the receipt or claim ticket printed. */
      readonly receiptPrinted: boolean;
    }
  | (ApplicationDraft & {
      readonly step: 'error';
      /** Machine-readable cause, as the core sent it (or the completion code / "connectionLost"). */
      readonly errorCode: string;
      /** Which message the citizen sees. */
      readonly kind: ApplicationFailureKind;
      /** Where "back" leads. */
      readonly exit: FailureExit;
      /** What "try again" repeats; absent when trying again cannot help. */
      readonly retry: ApplicationRetry | undefined;
    });

/** A flow step by name. */
export type ApplicationStep<S extends ApplicationFlow['step']> = Extract<
  ApplicationFlow,
  { step: S }
>;
