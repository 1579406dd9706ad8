import type { DeviceState, DeviceStatus } from '../../contract/index.js';
import { StatusTracker } from '../util/status-tracker.js';
import type { ProblemDetail, StatusSink } from '../util/status-tracker.js';

/**
 * The scanner's status. For a HID scanner, "no matching device listed" is not a lost port but
 * an absent device: state noDevice (reason scannerNotFound) instead of offline portNotFound.
 */
export class ScannerStatusTracker extends StatusTracker {
  constructor(
    initial: DeviceStatus,
    sink: StatusSink,
    private readonly hid: boolean,
  ) {
    super(initial, sink);
  }

  /** Enters `state` with `reason`; an absent HID scanner becomes noDevice. */
  override problem(state: DeviceState, reason: string, detail: ProblemDetail): void {
    if (this.hid && state === 'offline' && reason === 'portNotFound') {
      super.problem('noDevice', 'scannerNotFound', { ...detail, action: 'maintenance' });
      return;
    }
    super.problem(state, reason, detail);
  }
}
