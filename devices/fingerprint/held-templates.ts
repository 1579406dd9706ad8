/**
 * The biometric buffers (templates) a scanner handed out or was given during a transaction.
 * They live in memory only and are zero-filled together at the end of the transaction, so a
 * template can never outlive it through a forgotten reference.
 */
export class HeldTemplates {
  private readonly held = new Set<Uint8Array>();

  /** Keeps `template` for the next wipe and returns it. */
  hold(template: Uint8Array): Uint8Array {
    this.held.add(template);
    return template;
  }

  /** How many buffers are held. */
  get count(): number {
    return this.held.size;
  }

  /** Zero-fills every held buffer and forgets them; returns how many there were. */
  wipe(): number {
    const count = this.held.size;
    for (const template of this.held) template.fill(0);
    this.held.clear();
    return count;
  }
}
