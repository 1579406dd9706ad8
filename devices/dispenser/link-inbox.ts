import type { TimerHandle, Timers } from '../util/timers.js';
import type { CrtFrame } from './crt-frame.js';

/** What the link hears while a command is in flight. */
export type LinkEvent =
  | {
      /** ACK, NAK: the unit's answer to a frame. */
      kind: 'ack' | 'nak';
    }
  | {
      /** A whole, valid frame. */
      kind: 'frame';
      /** The frame. */
      frame: CrtFrame;
    }
  | {
      /** A frame was rejected (bad BCC, length or ETX). */
      kind: 'badFrame';
      /** The decoder's error code. */
      code: string;
    }
  | {
      /** Writing to the transport failed. */
      kind: 'writeFailed';
      /** Why. */
      reason: string;
    };

/** What waiting for the next event can end in. */
export type InboxEvent =
  | LinkEvent
  | {
      /** Nothing arrived in time. */
      kind: 'timeout';
    }
  | {
      /** The transport or driver is gone. */
      kind: 'closed';
      /** Why. */
      reason: string;
    };

/**
 * The queue between the byte stream and the one command in flight. Outside a command (between
 * `open` and `shut`) everything is dropped: late bytes after a timeout never reach the next one.
 */
export class LinkInbox {
  private active = false;
  private events: LinkEvent[] = [];
  private waiter: ((event: InboxEvent) => void) | undefined;
  private reason: string | undefined;

  constructor(private readonly timers: Timers) {}

  /** Why the link closed, once it has. */
  get closed(): string | undefined {
    return this.reason;
  }

  /** A command starts: collect events from now on. */
  open(): void {
    this.active = true;
    this.events = [];
  }

  /** The command ended: drop what is queued and what comes. */
  shut(): void {
    this.active = false;
    this.events = [];
  }

  /** Delivers an event to the waiting command, or queues it; dropped between commands. */
  push(event: LinkEvent): void {
    if (!this.active) return;
    const waiter = this.waiter;
    if (waiter === undefined) this.events.push(event);
    else waiter(event);
  }

  /** The link is gone for good; a waiting command hears it at once. */
  close(reason: string): void {
    this.reason ??= reason;
    this.waiter?.({ kind: 'closed', reason: this.reason });
  }

  /** The next event, or `timeout` after `ms`. */
  next(ms: number): Promise<InboxEvent> {
    if (this.reason !== undefined) return Promise.resolve({ kind: 'closed', reason: this.reason });
    const queued = this.events.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (ms <= 0) return Promise.resolve({ kind: 'timeout' });
    return new Promise((resolve) => {
      const timer: TimerHandle = this.timers.setTimeout(() => done({ kind: 'timeout' }), ms);
      const done = (event: InboxEvent): void => {
        this.timers.clearTimeout(timer);
        this.waiter = undefined;
        resolve(event);
      };
      this.waiter = done;
    });
  }
}
