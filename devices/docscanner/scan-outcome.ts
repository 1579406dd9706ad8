import type { DeviceStatus } from '../../contract/index.js';
import type { DeviceCounters } from '../device/device-counters.js';
import type { StatusTracker } from '../util/status-tracker.js';
import { faultEffect } from './scan-fault-status.js';
import type { ScanFailure, ScannedBatch, ScannedPage } from './scan-types.js';
import type { ScannerPresence } from './scanner-presence.js';

/** Where the outcome of a scan command is recorded. */
export interface OutcomeTargets {
  /** The device's status. */
  readonly tracker: StatusTracker;
  /** Counters: pages, batches, jams, errors. */
  readonly stats: DeviceCounters;
  /** Presence checks, told when a scan raised or cleared a fault. */
  readonly presence: ScannerPresence;
  /** Operational log (codes only, never paths or images). */
  readonly log: (event: string, detail: Readonly<Record<string, string>>) => void;
}

/** The counter names every DocumentScanner reports, from 0. */
export const SCANNER_COUNTERS = ['pages', 'batches', 'jams', 'errors'] as const;

/**
 * Turns scan results into status and counters. A success clears every fault (online, cover
 * closed). A failure with a status effect (jam, cover, I/O error, …) enters that state and raises
 * its error once; other failures (busy, bad option, empty feeder, cancel) leave the state as it
 * was, and non-user ones raise a notice for technicians until the next success.
 */
export class ScanOutcomes {
  private readonly notices = new Set<string>();

  constructor(private readonly t: OutcomeTargets) {}

  /** Records a successful page or batch. */
  succeeded(value: ScannedPage | ScannedBatch): void {
    const batch = 'pages' in value;
    this.t.stats.add('pages', batch ? value.pages.length : 1);
    if (batch) this.t.stats.add('batches');
    for (const code of this.notices) this.t.tracker.clearNotice(code);
    this.notices.clear();
    this.t.presence.faultCleared();
    this.t.tracker.online(this.t.tracker.status.cover === 'open' ? { cover: 'closed' } : {});
  }

  /** Records a failed command; `before` is the status it started from. */
  failed(
    command: string,
    batch: boolean,
    failure: ScanFailure,
    before: Pick<DeviceStatus, 'state' | 'reason'>,
  ): void {
    const { tracker, stats } = this.t;
    this.t.log('docscanner.scanFailed', { command, code: failure.code });
    if (failure.pages !== undefined) stats.add('pages', failure.pages.length);
    if (batch) stats.add('batches');
    if (failure.code === 'paperJam') stats.add('jams');
    if (failure.code !== 'cancelled' && failure.code !== 'noDocuments') stats.add('errors');
    const { state, ...fields } = faultEffect(failure.code);
    if (state === 'online') {
      // The scanner answered properly: whatever was wrong before (e.g. a timeout) is over.
      this.t.presence.faultCleared();
      tracker.online(fields);
      return;
    }
    if (state !== undefined) {
      this.t.presence.faultRaised();
      tracker.update({ state, reason: failure.code, ...fields });
      tracker.problem(state, failure.code, failure);
      return;
    }
    if (before.state === 'online') tracker.online(fields);
    else tracker.update({ state: before.state, reason: before.reason, ...fields });
    if (failure.kind !== 'user') {
      this.notices.add(failure.code);
      tracker.notice(failure.code, failure);
    }
  }
}
