import type { ProofPublicKey, ProofType, SignedProof } from '../../contract/index.js';
import { verifyProof } from '../../contract/proof-signature.js';
import type { PlatformClient, PlatformFailure } from '../platform-client.js';
import type { PrintFailure, PrintOutcome, ProofSource } from './ports.js';

/**
 * Proofs from the central platform, each checked against the platform's signing keys before the
 * kiosk lays it out: a proof that would not verify in a recipient's hands is never printed.
 * Keys are pinned in configuration when the IT team sets them; otherwise they are fetched from
 * the platform once and again when a proof names a key not seen yet (key rotation).
 */
export class PlatformProofSource implements ProofSource {
  private keys: readonly ProofPublicKey[] | undefined;

  constructor(
    private readonly platform: PlatformClient,
    private readonly pinnedKeys: readonly ProofPublicKey[] = [],
    private readonly now: () => Date = () => new Date(),
  ) {
    if (pinnedKeys.length > 0) this.keys = pinnedKeys;
  }

  /** The verified proof of `type` for the person. */
  async fetch(
    type: ProofType,
    person: { name: string; idNumber: string },
    signal: AbortSignal,
  ): Promise<PrintOutcome<SignedProof>> {
    const { name, idNumber } = person;
    const found = await this.platform.lookupProof({ type, name, idNumber }, signal);
    if (!found.ok) return { ok: false, error: fromPlatform(found.error) };
    let verified = await this.verify(found.value, signal, false);
    if (!verified.ok && verified.error.code === 'unknownKey' && this.pinnedKeys.length === 0) {
      verified = await this.verify(found.value, signal, true);
    }
    return verified;
  }

  private async verify(
    proof: SignedProof,
    signal: AbortSignal,
    refresh: boolean,
  ): Promise<PrintOutcome<SignedProof>> {
    if (!this.keys || refresh) {
      const keys = await this.platform.proofKeys(signal);
      if (!keys.ok) return { ok: false, error: fromPlatform(keys.error) };
      this.keys = keys.value;
    }
    const check = verifyProof(proof, this.keys, { now: this.now });
    if (check.ok) return { ok: true, value: proof };
    return {
      ok: false,
      error: {
        code: check.code === 'unknownKey' ? 'unknownKey' : 'proofSignatureInvalid',
        message: `the platform's proof does not verify: ${check.code}`,
        action: 'softwareError',
        completionCode: 'fraudAttempt',
      },
    };
  }
}

/** Platform failures as print failures: what the citizen sees and what staff must do. */
function fromPlatform(error: PlatformFailure): PrintFailure {
  switch (error.code) {
    case 'noRecord':
    case 'notEligible':
      return { ...error, action: 'clear', completionCode: 'commandErrorCode' };
    case 'platformUnreachable':
    case 'platformTimeout':
      return { ...error, action: 'reset', completionCode: 'timeOut' };
    default:
      return { ...error, action: 'softwareError', completionCode: 'internalError' };
  }
}
