import type { ConnectionKeeper } from '../device/connection-keeper.js';
import { TransportError } from '../transport/transport-error.js';
import type { StatusTracker } from '../util/status-tracker.js';
import type { ResolvedScannerOptions } from './fingerprint-scanner-options.js';
import { ZFM_CONFIRMATION } from './zfm-confirmation.js';
import type { ZfmDriver, ZfmResult } from './zfm-driver.js';
import { isLinkFailure } from './zfm-failure.js';
import { zfmHandshake } from './zfm-handshake.js';

/** Keep-alive interval while the module is not online. */
const RECOVERY_CHECK_MS = 1_000;

/** One connection to a module. */
export interface ScannerSession {
  /** The protocol driver on the connection's transport. */
  readonly driver: ZfmDriver;
}

type UpkeepOptions = Pick<
  ResolvedScannerOptions,
  'pollIntervalMs' | 'keepAliveIntervalMs' | 'linkRetries' | 'failuresBeforeHardwareError'
>;

/**
 * Keeps a connected scanner's status true between and after commands: link failures in a row
 * become hardwareError and a success clears it; while idle, a finger left on the sensor is
 * polled until lifted (so the UI can say "remove your finger"), otherwise the handshake is
 * re-run as a keep-alive (it also re-verifies the password after a module power cycle).
 */
export class ScannerUpkeep {
  private linkFailures = 0;

  constructor(
    private readonly keeper: ConnectionKeeper<ScannerSession>,
    private readonly tracker: StatusTracker,
    private readonly o: UpkeepOptions,
    private readonly busy: () => boolean,
  ) {}

  /** A new session is up: online, no finger known, keep-alive scheduled. */
  started(session: ScannerSession): void {
    this.linkFailures = 0;
    this.tracker.online({ fingerPresent: false });
    this.schedule(session, this.o.keepAliveIntervalMs);
  }

  /** A command ended: watch a finger still on the sensor until it is lifted. */
  commandEnded(): void {
    const session = this.keeper.session;
    if (session !== undefined && this.tracker.status.fingerPresent === true)
      this.schedule(session, this.o.pollIntervalMs);
  }

  /** Link health after an exchange: failures in a row become hardwareError, success clears it. */
  exchangeDone(session: ScannerSession, result: ZfmResult<unknown>): void {
    if (!this.keeper.isCurrent(session)) return;
    if (result.ok) {
      this.linkFailures = 0;
      if (this.tracker.status.state !== 'online') this.tracker.online();
      return;
    }
    const failure = result.error;
    if (failure.code === 'writeFailed') {
      // The port is unusable even if the OS has not closed it yet: treat it as lost and reopen.
      this.keeper.fail(session, new TransportError('writeFailed', failure.description));
    } else if (failure.confirmation === ZFM_CONFIRMATION.passwordRequired) {
      // The module was power-cycled and forgot the password check: handshake again now.
      this.schedule(session, 0);
    } else if (!isLinkFailure(failure)) {
      this.linkFailures = 0;
    } else if (++this.linkFailures >= this.o.failuresBeforeHardwareError) {
      this.tracker.problem('hardwareError', failure.code, failure);
    }
  }

  private schedule(session: ScannerSession, ms: number): void {
    this.keeper.schedule(() => this.idle(session), ms);
  }

  private async idle(session: ScannerSession): Promise<void> {
    if (!this.keeper.isCurrent(session)) return;
    if (!this.busy()) {
      if (this.tracker.status.fingerPresent === true) await this.watchLift(session);
      else await this.keepAlive(session);
    }
    if (!this.keeper.isCurrent(session)) return;
    const fingerOn = this.tracker.status.fingerPresent === true;
    // A module in trouble is checked every second, so it is back within the 5 s the kiosk promises.
    const troubled = this.tracker.status.state !== 'online';
    const idleMs = troubled
      ? Math.min(RECOVERY_CHECK_MS, this.o.keepAliveIntervalMs)
      : this.o.keepAliveIntervalMs;
    this.schedule(session, fingerOn ? this.o.pollIntervalMs : idleMs);
  }

  private async watchLift(session: ScannerSession): Promise<void> {
    const imaged = await session.driver.captureImage();
    if (imaged.ok && !this.busy() && this.keeper.isCurrent(session))
      this.tracker.update({ fingerPresent: imaged.value });
    this.exchangeDone(session, imaged);
  }

  private async keepAlive(session: ScannerSession): Promise<void> {
    const parameters = await zfmHandshake(session.driver, this.o.linkRetries);
    const failure = parameters.ok ? undefined : parameters.error;
    // The module answered but refused (e.g. its password changed): that is the device's state.
    if (failure?.confirmation !== undefined && this.keeper.isCurrent(session))
      this.tracker.problem('hardwareError', failure.code, failure);
    else this.exchangeDone(session, parameters);
  }
}
