import type {
  DeviceError,
  DeviceState,
  DeviceStatus,
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

/**
 * Holds one device's status and publishes only changes. A problem (a state other than online
 * plus a reason) raises one DeviceError when it starts, not on every poll that sees it again.
 */
export class StatusTracker {
  private current: DeviceStatus;
  private activeProblem = '';

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
    const { id, deviceClass } = this.current;
    this.sink.error({
      id,
      deviceClass,
      kind: detail.kind,
      action: detail.action,
      errorCode: reason.slice(0, 64),
      description: detail.description.slice(0, 500),
    });
  }

  /** Back to online; a later problem raises its error again. */
  online(): void {
    this.activeProblem = '';
    this.update({ state: 'online' });
  }

  /** Applies changes; the reason is dropped in online and starting, kept otherwise unless replaced. */
  update(changes: Partial<Pick<DeviceStatus, 'state' | 'reason' | 'cardPresent'>>): void {
    const { id, deviceClass } = this.current;
    const state = changes.state ?? this.current.state;
    const keepsReason = state !== 'online' && state !== 'starting';
    const reason = keepsReason ? (changes.reason ?? this.current.reason) : undefined;
    const cardPresent = changes.cardPresent ?? this.current.cardPresent;
    const next: DeviceStatus = {
      id,
      deviceClass,
      state,
      ...(reason !== undefined ? { reason } : {}),
      ...(cardPresent !== undefined ? { cardPresent } : {}),
    };
    const changed =
      next.state !== this.current.state ||
      next.reason !== this.current.reason ||
      next.cardPresent !== this.current.cardPresent;
    this.current = next;
    if (changed) this.sink.status(next);
  }
}
