import type { Logger } from '../log.js';

/**
 * The catalogue service's log lines, without repeats: a refresh runs every few minutes, and an
 * outage of a day must not leave hundreds of identical warnings. One warning when the platform
 * stops answering, one line when it answers again; one error per distinct refused catalogue.
 */
export class CatalogueLog {
  private failing = false;
  private lastRefusal: string | undefined;
  private lastStorageError: string | undefined;

  constructor(private readonly log: Logger) {}

  /** No answer (or an error status): warns on the first failure of an outage only. */
  unreachable(problem: string, keptVersion: number | undefined): void {
    if (this.failing) {
      this.log.debug({ problem }, 'catalogue.stillUnreachable');
      return;
    }
    this.failing = true;
    this.log.warn(
      { problem, keptVersion: keptVersion ?? null },
      keptVersion === undefined
        ? 'catalogue.unreachable: no catalogue yet; the kiosk decides services from its devices'
        : `catalogue.unreachable: showing the stored catalogue (version ${keptVersion})`,
    );
  }

  /** The platform answered (any answer ends an outage). */
  answered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.log.info('catalogue.reachable');
  }

  /** The platform sent a catalogue that breaks the contract: it was not stored. */
  refused(problem: string, keptVersion: number | undefined): void {
    if (problem === this.lastRefusal) {
      this.log.debug({ problem }, 'catalogue.refusedAgain');
      return;
    }
    this.lastRefusal = problem;
    this.log.error(
      { problem, keptVersion: keptVersion ?? null, action: 'configuration' },
      `catalogue.refused: the platform sent a catalogue that does not match the contract (${problem}); ${
        keptVersion === undefined
          ? 'no catalogue is shown'
          : `the kiosk keeps version ${keptVersion}`
      }`,
    );
  }

  /** A new catalogue is stored and in force. */
  updated(version: number): void {
    this.lastRefusal = undefined;
    this.log.info({ version }, 'catalogue.updated');
  }

  /** Reading or writing kiosk.sqlite failed: logged once per distinct error. */
  storageFailed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (message === this.lastStorageError) return;
    this.lastStorageError = message;
    this.log.error({ err: error, action: 'maintenance' }, 'catalogue.storageFailed');
  }
}
