import { signRequest } from '../contract/platform-signing.js';

/** The kiosk's registered identity at the platform. */
export interface PlatformCredentials {
  /** Registered kiosk id. */
  kioskId: string;
  /** HMAC key (base64url of 32 bytes). */
  secret: string;
}

/** Why the platform gave no usable answer. */
export interface PlatformFailure {
  /** Machine-readable cause. */
  code:
    | 'platformUnreachable'
    | 'platformTimeout'
    | 'noRecord'
    | 'notEligible'
    | 'platformError'
    | 'badResponse'
    | 'notRegistered';
  /** Technician-facing text, no personal data. */
  message: string;
}

/** A platform answer or a typed failure. */
export type PlatformResult<T> = { ok: true; value: T } | { ok: false; error: PlatformFailure };

/** An HTTP answer: status, parsed JSON body (null when empty), headers. */
export interface PlatformAnswer {
  /** HTTP status. */
  status: number;
  /** The JSON body, or null. */
  body: unknown;
  /** Response headers. */
  headers: Headers;
}

/** A failed result. */
export function platformFailure(
  code: PlatformFailure['code'],
  message: string,
): { ok: false; error: PlatformFailure } {
  return { ok: false, error: { code, message } };
}

/**
 * HTTP to the central platform: JSON in and out, a deadline on every call, and every request
 * signed with the kiosk's credentials when it has them (the platform refuses unsigned calls except
 * registration, health and the public proof keys).
 */
export class PlatformHttp {
  constructor(
    private readonly baseUrl: string,
    private readonly options: {
      /** Deadline of one call. */
      timeoutMs?: number;
      /** The credentials to sign with, once registered. */
      credentials?: () => PlatformCredentials | undefined;
      /** Kiosk clock (ms), for the signature's timestamp. */
      now?: () => number;
    } = {},
  ) {}

  /** How far the platform's clock is ahead of ours, learned from a clockSkew refusal. */
  private clockOffsetMs = 0;

  /** The learned clock offset (ms, platform minus kiosk), for the technician's status. */
  get clockOffset(): number {
    return this.clockOffsetMs;
  }

  /**
   * One call; never throws. A kiosk whose clock is wrong by more than the platform tolerates is
   * refused with `clockSkew` and the platform's time: the call is signed again once with the
   * offset applied (and the offset kept), so a wrong clock delays nothing — it is logged for
   * maintenance by the caller through `clockOffset`.
   */
  async request(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    headers: Record<string, string> = {},
  ): Promise<PlatformResult<PlatformAnswer>> {
    const answer = await this.send(method, path, body, signal, headers);
    if (!answer.ok || answer.value.status !== 401) return answer;
    const refusal = answer.value.body as { error?: unknown; serverTime?: unknown } | null;
    const serverTime =
      typeof refusal?.serverTime === 'string' ? Date.parse(refusal.serverTime) : NaN;
    if (refusal?.error !== 'clockSkew' || Number.isNaN(serverTime)) return answer;
    this.clockOffsetMs = serverTime - (this.options.now ?? Date.now)();
    return this.send(method, path, body, signal, headers);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    headers: Record<string, string> = {},
  ): Promise<PlatformResult<PlatformAnswer>> {
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const deadline = AbortSignal.timeout(timeoutMs);
    const text = body === undefined ? undefined : JSON.stringify(body);
    const url = new URL(
      path.replace(/^\//, ''),
      this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`,
    );
    const credentials = this.options.credentials?.();
    const signature = credentials
      ? signRequest({
          method,
          path: url.pathname + url.search,
          body: text,
          ...credentials,
          now: (this.options.now ?? Date.now)() + this.clockOffsetMs,
        })
      : {};
    try {
      const response = await fetch(url, {
        method,
        headers: {
          ...(text === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...signature,
          ...headers,
        },
        body: text,
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      });
      const received = await response.text();
      let json: unknown = null;
      try {
        json = received ? JSON.parse(received) : null;
      } catch {
        return platformFailure(
          'badResponse',
          `${path} answered ${response.status} with a body that is not JSON`,
        );
      }
      return {
        ok: true,
        value: { status: response.status, body: json, headers: response.headers },
      };
    } catch (error) {
      if (deadline.aborted)
        return platformFailure('platformTimeout', `${path} gave no answer in ${timeoutMs} ms`);
      return platformFailure('platformUnreachable', `${path}: ${(error as Error).message}`);
    }
  }
}
