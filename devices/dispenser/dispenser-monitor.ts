import type { DeviceCounters } from '../device/device-counters.js';
import type { StatusTracker } from '../util/status-tracker.js';
import type { CrtFailure, CrtReply } from './crt-result.js';
import { dispenserCondition, dispenserFields, problemOf } from './dispenser-conditions.js';
import type { DispenserCondition } from './dispenser-conditions.js';

/** What the monitor needs to know. */
export interface DispenserMonitorOptions {
  /** Consecutive link failures before state hardwareError. */
  readonly failuresBeforeHardwareError: number;
  /** Captures since the bin was emptied at which it reads high; 0 = off. */
  readonly captureBinHighAt: number;
}

/**
 * Turns every command outcome (poll or class command) into status, notices, problems and
 * counters. After a jam, a reset-required answer or a link breakdown it asks for a fresh
 * initialise (`needsInit`), and only a successful one brings the device back online.
 */
export class DispenserMonitor {
  /** The next poll must initialise the unit instead of reading its status. */
  needsInit = false;
  private linkFailures = 0;
  private jammed = false;

  constructor(
    private readonly tracker: StatusTracker,
    private readonly counters: DeviceCounters,
    private readonly o: DispenserMonitorOptions,
  ) {}

  /** Captures since the bin was last emptied (estimate; the unit only reports full). */
  binLevel(): number {
    const c = this.counters.snapshot();
    return (c['captured'] ?? 0) - (c['captureBinBaseline'] ?? 0);
  }

  /** Staff emptied the capture bin: the estimate starts from zero (counters only grow). */
  binEmptied(): void {
    this.counters.add('captureBinBaseline', this.binLevel());
  }

  /** A command succeeded; `fromInit` = it was an initialise, which clears jams. */
  succeeded(reply: CrtReply, fromInit: boolean): void {
    this.linkFailures = 0;
    if (fromInit) this.needsInit = this.jammed = false;
    if (reply.status === undefined) return;
    const highAt = this.o.captureBinHighAt;
    const fields = dispenserFields(reply.status, highAt > 0 && this.binLevel() >= highAt);
    this.threshold('stackerLow', fields.stacker === 'low');
    this.threshold('captureBinHigh', fields.captureBin === 'high');
    this.tracker.update(fields);
    if (this.needsInit) return;
    const problem = problemOf(fields);
    if (problem === undefined) this.tracker.online();
    else this.raise(problem);
  }

  /** A command failed. Returns true when the port is unusable and must be reopened. */
  failed(error: CrtFailure): boolean {
    if (error.code === 'writeFailed') return true;
    if (error.code === 'transportClosed') return false;
    if (error.errorCode === undefined) {
      this.linkFailures++;
      if (this.linkFailures >= this.o.failuresBeforeHardwareError) {
        this.needsInit = true;
        this.tracker.problem('hardwareError', error.code, error);
      }
      return false;
    }
    this.linkFailures = 0;
    switch (error.code) {
      case 'cardJam':
        if (!this.jammed) this.counters.add('jams');
        this.jammed = this.needsInit = true;
        this.raise('cardJam', error.description);
        return false;
      case 'stackerEmpty':
        this.tracker.update({ stacker: 'empty' });
        if (!this.needsInit) this.raise('stackerEmpty');
        return false;
      case 'captureBinFull':
        this.tracker.update({ captureBin: 'full' });
        if (!this.needsInit) this.raise('captureBinFull');
        return false;
      case 'resetRequired':
        this.needsInit = true;
        return false;
      default:
        if (error.action === 'maintenance') {
          this.needsInit = true;
          this.tracker.problem('hardwareError', error.code, error);
        }
        return false;
    }
  }

  /** The connection is gone: what the unit held is no longer known. */
  forget(): void {
    this.linkFailures = 0;
    this.tracker.update({ stacker: undefined, captureBin: undefined, cardPosition: undefined });
  }

  private raise(condition: DispenserCondition, description?: string): void {
    const m = dispenserCondition(condition);
    const detail = { ...m, description: description ?? m.description };
    this.tracker.problem(m.state, condition, detail);
  }

  private threshold(condition: 'stackerLow' | 'captureBinHigh', active: boolean): void {
    if (!active) {
      this.tracker.clearNotice(condition);
      return;
    }
    const m = dispenserCondition(condition);
    this.tracker.notice(condition, m);
  }
}
