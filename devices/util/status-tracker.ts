import type {
  DeviceError,
  DeviceState,
  DeviceStatus,
  DeviceStatusFields,
  ErrorAction,
  ErrorKind,
} from '../../contract/index.js';

/** What to tell technicians about a problem. */
export interface ProblemDetail {
  /** Who or what caused it. */
  readonly kind: ErrorKind;
  /** What a person must do about it. */
  readonly action: ErrorAction;
  /** Technician-facing text, no personal data (cut to 500 characters). */
  readonly description: string;
}

/** Where a tracker publishes. */
export interface StatusSink {
  /** Called with the full status each time it changes. */
  status(status: DeviceStatus): void;
  /** Called once per new problem. */
  error(error: DeviceError): void;
}

/** Fields a device may update (everything but its identity and the problem reason). */
export type StatusChanges = Partial<Omit<DeviceStatusFields, 'reason'>> & {
  /** A new reason; kept while the state is a problem state unless replaced. */
  readonly reason?: string;
};

/**
 * Holds one device's status and publishes only changes. A problem (a state other than online
 * plus a reason) raises one DeviceError when it starts, not on every poll that sees it again.
 */
export class StatusTracker {
  private current: DeviceStatus;
  private activeProblem = '';
  private readonly notices = new Set<string>();

  constructor(
    initial: DeviceStatus,
    private readonly sink: StatusSink,
  ) {
    this.current = initial;
  }

  /** The current status. */
  get status(): DeviceStatus {
    return this.current;
  }

  /** Enters `state` with `reason`; raises the error if this problem is new. */
  problem(state: DeviceState, reason: string, detail: ProblemDetail): void {
    this.update({ state, reason });
    const key = `${state}:${reason}`;
    if (key === this.activeProblem) return;
    this.activeProblem = key;
    this.raise(reason, detail);
  }

  /**
   * Raises a DeviceError without changing state, once until `clearNotice(code)` — for
   * conditions staff must act on while the device still works (paper low, stacker low).
   */
  notice(code: string, detail: ProblemDetail): void {
    if (this.notices.has(code)) return;
    this.notices.add(code);
    this.raise(code, detail);
  }

  /** Forgets a notice so that it is raised again if it comes back. */
  clearNotice(code: string): void {
    this.notices.delete(code);
  }

  /** Back to online; a later problem raises its error again. */
  online(changes: Omit<StatusChanges, 'state' | 'reason'> = {}): void {
    this.activeProblem = '';
    this.update({ ...changes, state: 'online' });
  }

  /** Applies changes; the reason is dropped in online and starting, kept otherwise unless replaced. */
  update(changes: StatusChanges): void {
    const { id, deviceClass } = this.current;
    const state = changes.state ?? this.current.state;
    const keepsReason = state !== 'online' && state !== 'starting';
    const reason = keepsReason ? (changes.reason ?? this.current.reason) : undefined;
    const next: DeviceStatus = { ...this.current, ...changes, id, deviceClass, state };
    if (reason === undefined) delete next.reason;
    else next.reason = reason;
    for (const key of Object.keys(next) as (keyof DeviceStatus)[]) {
      if (next[key] === undefined) delete next[key];
    }
    const changed = (Object.keys({ ...next, ...this.current }) as (keyof DeviceStatus)[]).some(
      (key) => next[key] !== this.current[key],
    );
    this.current = next;
    if (changed) this.sink.status(next);
  }

  private raise(code: string, detail: ProblemDetail): void {
    const { id, deviceClass } = this.current;
    this.sink.error({
      id,
      deviceClass,
      kind: detail.kind,
      action: detail.action,
      errorCode: code.slice(0, 64),
      description: detail.description.slice(0, 500),
    });
  }
}
