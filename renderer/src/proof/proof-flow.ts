import type { PreparedProof, PrintStage, ProofType } from '../../../contract/index.js';
import type { FailureKind } from './proof-failure.js';

/** What "try again" repeats after a failure: preparing a proof, or printing a prepared one. */
export type RetryTarget =
  | { readonly phase: 'prepare'; readonly type: ProofType }
  | { readonly phase: 'print'; readonly proof: PreparedProof };

/**
 * Where the citizen is in the "print a proof" flow. `attempt` tells the answer of the command in
 * flight from an older one (cancelled, or overtaken by a session end) so a late answer changes
 * nothing.
 */
export type ProofFlow =
  | { readonly step: 'choose' }
  | { readonly step: 'preparing'; readonly type: ProofType; readonly attempt: number }
  | { readonly step: 'preview'; readonly proof: PreparedProof; readonly page: number }
  | {
      readonly step: 'printing';
      readonly proof: PreparedProof;
      readonly stage: PrintStage | undefined;
      readonly attempt: number;
    }
  | { readonly step: 'done'; readonly type: ProofType; readonly receiptPrinted: boolean }
  | {
      readonly step: 'error';
      /** Machine-readable cause, as the core sent it (or the completion code / "connectionLost"). */
      readonly errorCode: string;
      /** Which message the citizen sees. */
      readonly kind: FailureKind;
      /** The proof asked for, when known (some messages depend on it). */
      readonly type: ProofType | undefined;
      /** What "try again" repeats; absent when trying again cannot help. */
      readonly retry: RetryTarget | undefined;
    };

/** A flow step by name. */
export type ProofStep<S extends ProofFlow['step']> = Extract<ProofFlow, { step: S }>;
