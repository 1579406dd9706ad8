import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { RegisterResponse } from '../contract/platform-api.js';
import type { Logger } from './log.js';
import type { PlatformCredentials, PlatformHttp } from './platform-http.js';

/**
 * The kiosk's credentials at the platform: read from `<dataDir>/platform-credentials.json`
 * (0600), or obtained once by registering with the enrolment code a technician configured. Until
 * then every signed call fails with notRegistered, and registration is tried again whenever the
 * platform is reachable.
 */
export class PlatformRegistration {
  private current: PlatformCredentials | undefined;
  private readonly file: string;
  private toldNoCode = false;
  /** The registration under way: callers at the same time share it (an enrolment code is one-time). */
  private inFlight: Promise<boolean> | undefined;

  constructor(
    private readonly options: {
      dataDir: string;
      kioskId: string;
      enrolmentCode: string | undefined;
      log: Logger;
    },
  ) {
    this.file = join(options.dataDir, 'platform-credentials.json');
    this.current = this.read();
  }

  /** The credentials to sign with, once registered. */
  credentials = (): PlatformCredentials | undefined => this.current;

  /** Registers when not yet registered (and an enrolment code is configured); true when registered. */
  async ensure(http: PlatformHttp, signal?: AbortSignal): Promise<boolean> {
    if (this.current) return true;
    this.inFlight ??= this.register(http, signal).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async register(http: PlatformHttp, signal?: AbortSignal): Promise<boolean> {
    const { kioskId, enrolmentCode, log } = this.options;
    if (!enrolmentCode) {
      if (!this.toldNoCode)
        log.warn({ action: 'configuration' }, 'platform.notRegistered: set platform.enrolmentCode');
      this.toldNoCode = true;
      return false;
    }
    const answer = await http.request(
      'POST',
      '/v1/kiosks/register',
      { kioskId, enrolmentCode },
      signal,
    );
    if (!answer.ok) return false;
    const registered = RegisterResponse.safeParse(answer.value.body);
    if (answer.value.status !== 200 && answer.value.status !== 201) {
      log.error(
        { status: answer.value.status, action: 'configuration' },
        'platform.registerRefused',
      );
      return false;
    }
    if (!registered.success) return false;
    const { secret } = registered.data;
    this.current = { kioskId, secret };
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(this.current), { mode: 0o600 });
    renameSync(temp, this.file);
    log.info({ kioskId }, 'platform.registered');
    return true;
  }

  private read(): PlatformCredentials | undefined {
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<PlatformCredentials>;
      if (saved.kioskId !== this.options.kioskId || typeof saved.secret !== 'string')
        return undefined;
      return { kioskId: saved.kioskId, secret: saved.secret };
    } catch {
      return undefined;
    }
  }
}
