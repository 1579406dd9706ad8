import type { Locale, MaskedIdentity, SignedProof } from '../../contract/index.js';

/** A proof laid out for the citizen at the kiosk, waiting for "print". */
export interface PreparedProofEntry {
  /** The signed proof from the platform. */
  proof: SignedProof;
  /** Its PDF. */
  pdf: Uint8Array;
  /** A4 pages. */
  pageCount: number;
  /** Layout locale. */
  locale: Locale;
  /** Who it is for, masked (for the receipt). */
  holder: MaskedIdentity;
}

/**
 * Proofs prepared in the current session, by proof id. Memory only: the session's end drops them
 * with everything else about the person.
 */
export class PreparedProofs {
  private readonly entries = new Map<string, PreparedProofEntry>();

  /** Keeps a prepared proof (replacing an earlier preparation of the same proof). */
  add(entry: PreparedProofEntry): void {
    this.entries.set(entry.proof.content.proofId, entry);
  }

  /** A prepared proof of this session. */
  get(proofId: string): PreparedProofEntry | undefined {
    return this.entries.get(proofId);
  }

  /** Forgets them all. */
  clear(): void {
    this.entries.clear();
  }
}
