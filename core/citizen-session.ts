import type { MaskedIdentity, SessionEndReason, SessionState } from '../contract/index.js';

/**
 * The person at the kiosk. The full identity (as read from the card) stays in this process's
 * memory for the session only and is dropped when the session ends; the renderer sees the masked
 * identity only.
 */
export class CitizenSession<FullIdentity> {
  private current:
    { identity: FullIdentity; masked: MaskedIdentity; startedAt: number } | undefined;

  /** Starts a session; any earlier one is replaced. */
  start(identity: FullIdentity, masked: MaskedIdentity, now = Date.now()): void {
    this.current = { identity, masked, startedAt: now };
  }

  /** Ends the session; returns false when none was active. */
  end(_reason: SessionEndReason): boolean {
    const had = this.current !== undefined;
    this.current = undefined;
    return had;
  }

  /** The full identity, for flows that must send it to the platform. */
  get identity(): FullIdentity | undefined {
    return this.current?.identity;
  }

  /** What the renderer may see. */
  get state(): SessionState {
    return this.current ? { active: true, identity: this.current.masked } : { active: false };
  }
}
