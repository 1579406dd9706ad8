import type { Logger } from './log.js';

/**
 * Watches whether the central platform answers its health endpoint. Services that need the
 * platform are shown unavailable while it does not.
 */
export class PlatformMonitor {
  private timer: ReturnType<typeof setInterval> | undefined;
  private online = false;

  constructor(
    private readonly baseUrl: string,
    private readonly onChange: (online: boolean) => void,
    private readonly log: Logger,
    private readonly intervalMs = 10_000,
  ) {}

  /** Whether the platform answered the last check. */
  get isOnline(): boolean {
    return this.online;
  }

  /** Checks now, then every interval. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  /**
   * Checks now, outside the interval: something else (the sync relay) just got through to the
   * platform or lost it, so the screen need not wait up to an interval to follow.
   */
  checkNow(): void {
    void this.check();
  }

  /** Stops checking. */
  stop(): void {
    clearInterval(this.timer);
  }

  private async check(): Promise<void> {
    let online: boolean;
    try {
      const response = await fetch(new URL('v1/health', ensureSlash(this.baseUrl)), {
        signal: AbortSignal.timeout(3_000),
      });
      online = response.ok;
    } catch {
      online = false;
    }
    if (online !== this.online) {
      this.online = online;
      this.log.info({ online }, 'platform.reachability');
      this.onChange(online);
    }
  }
}

function ensureSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
