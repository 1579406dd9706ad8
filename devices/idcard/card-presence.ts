/**
 * What the reader knows about the card in its field, from find-card answers alone. Real SAM
 * readers answer "no card" (80) to a card they have already read until it leaves the field and
 * comes back, so after a read "no card" may mean "still lying there": removal is declared after
 * `removalMisses` consecutive misses, and a card is never read twice in one presence.
 */
export class CardPresence {
  private inField = false;
  private done = false;
  private attempts = 0;
  private misses = 0;

  constructor(
    private readonly removalMisses: number,
    private readonly maxReadAttempts: number,
  ) {}

  /** A card is believed to be in the field. */
  get present(): boolean {
    return this.inField;
  }

  /** Find card answered 9F. Returns whether the card just appeared and whether to read it now. */
  found(): { appeared: boolean; read: boolean } {
    this.misses = 0;
    const appeared = !this.inField;
    this.inField = true;
    const read = !this.done;
    if (read) this.attempts++;
    return { appeared, read };
  }

  /** A read attempt failed; after `maxReadAttempts` the card is left alone until it leaves. */
  readFailed(): void {
    if (this.attempts >= this.maxReadAttempts) this.done = true;
  }

  /** The card was read (whatever its content): no more attempts in this presence. */
  readDone(): void {
    this.done = true;
  }

  /** Find card answered 80. Returns true when this confirms the card has gone. */
  missed(): boolean {
    if (!this.inField) return false;
    this.misses++;
    if (this.misses < this.removalMisses) return false;
    this.forget();
    return true;
  }

  /** Forgets the card (port lost, reader closed). Returns whether one was present. */
  forget(): boolean {
    const was = this.inField;
    this.inField = this.done = false;
    this.attempts = this.misses = 0;
    return was;
  }
}
