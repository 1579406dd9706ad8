import { createHash } from 'node:crypto';

/**
 * Recognises a scan repeated within `windowMs` of the last sighting (a phone held over the
 * scanner is read again and again). Remembers only a hash of the data, never the data.
 */
export class RepeatFilter {
  private last: { readonly hash: string; at: number } | undefined;

  constructor(private readonly windowMs: number) {}

  /** True when `data` repeats the last scan within the window; the window slides on repeats. */
  isRepeat(data: string, now: number): boolean {
    const hash = createHash('sha256').update(data).digest('hex');
    const last = this.last;
    if (last !== undefined && last.hash === hash && now - last.at < this.windowMs) {
      last.at = now;
      return true;
    }
    this.last = { hash, at: now };
    return false;
  }
}
