const EMPTY = new Uint8Array(0);

/** One decoded item at a header: the item, and where scanning goes on. */
export interface DecodeStep<Item> {
  /** A frame/packet or a typed error. */
  item: Item;
  /** Index in the buffer after this item (past a frame, or just past a rejected header). */
  next: number;
}

/**
 * The bookkeeping every streaming protocol decoder shares: bytes held across pushes, scanning for
 * the next header, reporting skipped bytes as garbage, never throwing and never holding more than
 * one capped frame. A protocol supplies only how to find a header, how many trailing bytes might
 * start one, and how to decode at a header.
 */
export abstract class ResyncDecoder<Item> {
  private buffer: Uint8Array = EMPTY;
  private start = 0;

  /** Bytes held back: a partial frame, or a tail that may start a header. */
  get pendingBytes(): number {
    return this.buffer.length - this.start;
  }

  /** Drops any partial frame (e.g. after a reply timed out). */
  reset(): void {
    this.buffer = EMPTY;
    this.start = 0;
  }

  /** Feeds bytes; returns every item they complete, in order. */
  push(bytes: Uint8Array): Item[] {
    const pending = this.buffer.subarray(this.start);
    const buf = new Uint8Array(pending.length + bytes.length);
    buf.set(pending, 0);
    buf.set(bytes, pending.length);
    this.buffer = buf;
    this.start = 0;
    const out: Item[] = [];
    const skip = (to: number): void => {
      if (to > this.start) out.push(this.garbage(to - this.start));
      this.start = to;
    };
    for (;;) {
      const at = this.findHeader(buf, this.start);
      if (at < 0) {
        skip(buf.length - this.headerPrefixAtEnd(buf, this.start));
        break;
      }
      skip(at);
      const step = this.decodeAt(buf, at);
      if (step === undefined) break;
      out.push(step.item);
      this.start = step.next;
    }
    if (this.start === buf.length) this.reset();
    return out;
  }

  /** Index of the next header at or after `from`, or -1. */
  protected abstract findHeader(buf: Uint8Array, from: number): number;
  /** How many bytes at the end of `buf[from..]` could be the start of a header. */
  protected abstract headerPrefixAtEnd(buf: Uint8Array, from: number): number;
  /** Decodes at a header; undefined when more bytes are needed. */
  protected abstract decodeAt(buf: Uint8Array, at: number): DecodeStep<Item> | undefined;
  /** The item reporting `discarded` bytes skipped outside any frame. */
  protected abstract garbage(discarded: number): Item;
}
