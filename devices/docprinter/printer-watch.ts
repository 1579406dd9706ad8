import type { DeviceState } from '../../contract/index.js';
import type { Capabilities } from '../device/kiosk-device.js';
import type { StatusTracker } from '../util/status-tracker.js';
import type { TimerHandle, Timers } from '../util/timers.js';
import { mapPrinterStatus } from './cups-status-map.js';
import type { PrinterView } from './cups-status-map.js';
import type { IppClient, PrinterInfo } from './ipp-client.js';
import type { IppFailure, IppResult } from './ipp-failure.js';
import { A4_MEDIA } from './print-job-spec.js';

/** What a PrinterWatch needs. */
export interface PrinterWatchOptions {
  /** The queue's IPP client. */
  readonly client: IppClient;
  /** The device's status. */
  readonly tracker: StatusTracker;
  /** Clock and timers. */
  readonly timers: Timers;
  /** Pause between polls while CUPS answers. */
  readonly pollMs: number;
  /** First retry delay while CUPS does not answer; doubles up to `retryMaxMs`. */
  readonly retryInitialMs: number;
  /** Cap of the retry delay. */
  readonly retryMaxMs: number;
  /** Timeout of one Get-Printer-Attributes. */
  readonly requestTimeoutMs: number;
  /** Operational log. */
  readonly log: (event: string, detail?: Readonly<Record<string, string | number>>) => void;
}

/** The status state each failure to reach the queue puts the device in. */
function unreachableState(failure: IppFailure): DeviceState {
  if (failure.code === 'queueNotFound') return 'noDevice';
  if (failure.code === 'badResponse') return 'hardwareError';
  return 'offline';
}

/**
 * Watches one CUPS queue while the device is open, in the manner of the ConnectionKeeper: polls
 * Get-Printer-Attributes every `pollMs` and publishes the mapped status (problems once, notices
 * before "out"); when CUPS stops answering (cupsd down, host gone) it reports offline with an
 * action and retries with capped exponential backoff, so a restarted cupsd is seen within ~3 s.
 * There is no connection to keep (IPP is one HTTP request each), hence no ByteTransport/keeper.
 */
export class PrinterWatch {
  /** The last mapped view, while CUPS answers. */
  view: PrinterView | undefined;
  /** The last printer attributes, while CUPS answers. */
  info: PrinterInfo | undefined;
  private running = false;
  private timer: TimerHandle | undefined;
  private failures = 0;
  private polling: Promise<IppResult<PrinterInfo>> | undefined;
  private readonly notices = new Set<string>();
  private stopper = new AbortController();

  constructor(private readonly o: PrinterWatchOptions) {}

  /** What the queue can do (empty until CUPS answered once). */
  get capabilities(): Capabilities {
    const info = this.info;
    if (info === undefined) return {};
    const formats = info.documentFormats;
    return {
      queue: this.o.client.queue,
      pdf: formats.length === 0 || formats.includes('application/pdf'),
      raw: formats.includes('application/vnd.cups-raw'),
      color: info.color ?? false,
      duplex: info.sides.some((s) => s.startsWith('two-sided')),
      a4: info.mediaReady.length === 0 || info.mediaReady.includes(A4_MEDIA),
      ...(info.makeAndModel !== undefined ? { makeAndModel: info.makeAndModel } : {}),
    };
  }

  /** True while the last poll was answered. */
  get reachable(): boolean {
    return this.view !== undefined;
  }

  /** Polls once, then keeps polling. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopper = new AbortController();
    this.o.tracker.update({ state: 'starting' });
    await this.poll();
  }

  /** Stops polling and waits for a running poll. */
  async stop(): Promise<void> {
    this.running = false;
    this.cancelTimer();
    this.stopper.abort();
    await this.polling;
    this.view = undefined;
  }

  /** Polls now (joining a running poll) and reschedules; resolves with the answer. */
  poll(): Promise<IppResult<PrinterInfo>> {
    this.polling ??= this.pollOnce().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async pollOnce(): Promise<IppResult<PrinterInfo>> {
    this.cancelTimer();
    const answer = await this.o.client.getPrinterAttributes({
      timeoutMs: this.o.requestTimeoutMs,
      signal: this.stopper.signal,
    });
    if (!this.running) return answer;
    if (answer.ok) this.answered(answer.value);
    else this.unanswered(answer.error);
    this.schedule();
    return answer;
  }

  private schedule(): void {
    if (!this.running) return;
    const delay =
      this.failures === 0
        ? this.o.pollMs
        : Math.min(this.o.retryMaxMs, this.o.retryInitialMs * 2 ** (this.failures - 1));
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.o.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private answered(info: PrinterInfo): void {
    if (this.failures > 0) this.o.log('docprinter.reachable', { after: this.failures });
    this.failures = 0;
    this.info = info;
    const view = mapPrinterStatus(info);
    this.view = view;
    const { tracker } = this.o;
    const current = new Set(view.notices.map((n) => n.code));
    for (const code of this.notices) if (!current.has(code)) tracker.clearNotice(code);
    this.notices.clear();
    for (const notice of view.notices) {
      this.notices.add(notice.code);
      tracker.notice(notice.code, notice);
    }
    const { paper, cover, problem } = view;
    if (problem !== undefined) {
      tracker.update({ state: problem.state, reason: problem.code, paper, cover });
      tracker.problem(problem.state, problem.code, problem);
    } else if (view.state === 'busy') {
      tracker.update({ state: 'busy', reason: 'connectingToDevice', paper, cover });
    } else tracker.online({ paper, cover });
  }

  private unanswered(failure: IppFailure): void {
    if (failure.code === 'cancelled') return;
    this.failures = Math.min(this.failures + 1, 30);
    this.view = undefined;
    if (this.failures === 1) this.o.log('docprinter.unreachable', { reason: failure.code });
    this.o.tracker.problem(unreachableState(failure), failure.code, failure);
  }
}
