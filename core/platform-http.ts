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

/** A signed call with raw bytes and headers of its own (tus: HEAD, PATCH, POST create). */
export interface BinaryCall {
  /** HTTP method. */
  method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'DELETE';
  /** Path and query, as the platform will see them (it is what is signed). */
  path: string;
  /** The exact bytes to send (the signature covers them); absent for no body. */
  body?: Uint8Array;
  /** Headers to send, e.g. Tus-Resumable, Upload-Offset, Content-Type. */
  headers?: Record<string, string>;
  /** Stops the call (the relay's timeout, shutdown). */
  signal?: AbortSignal;
  /** Deadline of this call, ms (default: the client's). */
  timeoutMs?: number;
}

/** A failed result. */
export function platformFailure(
  code: PlatformFailure['code'],
  message: string,
): { ok: false; error: PlatformFailure } {
  return { ok: false, error: { code, message } };
}

/**
 * HTTP to the central platform: JSON in and out (or raw bytes for tus uploads), a deadline on every
 * call, and every request signed with the kiosk's credentials when it has them (the platform
 * refuses unsigned calls except registration, health and the public proof keys).
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
   * One JSON call; never throws. A kiosk whose clock is wrong by more than the platform tolerates
   * is refused with `clockSkew` and the platform's time: the call is signed again once with the
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
    const text = body === undefined ? undefined : JSON.stringify(body);
    return this.withClockRetry(() =>
      this.send(
        {
          method,
          path,
          ...(text === undefined ? {} : { body: Buffer.from(text, 'utf8') }),
          headers: {
            ...(text === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...headers,
          },
          ...(signal ? { signal } : {}),
        },
        true,
      ),
    );
  }

  /**
   * One call with raw bytes (tus); never throws. Signed over the exact bytes sent, with the same
   * clock-skew retry as `request`. The answer's body is its JSON when it has some (tus error
   * bodies), else null: an empty or non-JSON body is no failure here.
   */
  async requestBytes(call: BinaryCall): Promise<PlatformResult<PlatformAnswer>> {
    return this.withClockRetry(() => this.send(call, false));
  }

  private async withClockRetry(
    attempt: () => Promise<PlatformResult<PlatformAnswer>>,
  ): Promise<PlatformResult<PlatformAnswer>> {
    const answer = await attempt();
    if (!answer.ok || answer.value.status !== 401) return answer;
    const now = (this.options.now ?? Date.now)();
    const serverTime = clockSkewServerTime(answer.value, now + this.clockOffsetMs);
    if (serverTime === undefined) return answer;
    this.clockOffsetMs = serverTime - now;
    return attempt();
  }

  /**
   * One call, tried a second time at once when a safe method (GET, HEAD) failed to connect: a
   * platform that restarted has closed the kept-alive connection the first attempt reused.
   */
  private async send(
    call: BinaryCall,
    jsonRequired: boolean,
  ): Promise<PlatformResult<PlatformAnswer>> {
    const first = await this.sendOnce(call, jsonRequired);
    const safe = call.method === 'GET' || call.method === 'HEAD';
    if (first.ok || !safe || first.error.code !== 'platformUnreachable' || call.signal?.aborted) {
      return first;
    }
    return this.sendOnce(call, jsonRequired);
  }

  private async sendOnce(
    call: BinaryCall,
    jsonRequired: boolean,
  ): Promise<PlatformResult<PlatformAnswer>> {
    const { method, path, body, signal } = call;
    const timeoutMs = call.timeoutMs ?? this.options.timeoutMs ?? 10_000;
    const deadline = AbortSignal.timeout(timeoutMs);
    const url = new URL(
      path.replace(/^\//, ''),
      this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`,
    );
    const credentials = this.options.credentials?.();
    const signature = credentials
      ? signRequest({
          method,
          path: url.pathname + url.search,
          body,
          ...credentials,
          now: (this.options.now ?? Date.now)() + this.clockOffsetMs,
        })
      : {};
    try {
      const response = await fetch(url, {
        method,
        headers: { ...signature, ...call.headers },
        ...(body === undefined ? {} : { body }),
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      });
      const received = await response.text();
      let json: unknown = null;
      try {
        json = received ? JSON.parse(received) : null;
      } catch {
        if (jsonRequired) {
          return platformFailure(
            'badResponse',
            `${path} answered ${response.status} with a body that is not JSON`,
          );
        }
      }
      return {
        ok: true,
        value: { status: response.status, body: json, headers: response.headers },
      };
    } catch (error) {
      if (deadline.aborted)
        return platformFailure('platformTimeout', `${path} gave no answer in ${timeoutMs} ms`);
      return platformFailure('platformUnreachable', `${path}: ${describe(error)}`);
    }
  }
}

/** Smallest clock difference a body-less 401 (HEAD) is taken to mean a clock skew, ms. */
const BODYLESS_SKEW_MS = 60_000;

/**
 * The platform's time from a `clockSkew` refusal. A HEAD answer has no body, so its Date header
 * (second resolution, far inside the tolerated skew) stands in for the body's serverTime.
 */
function clockSkewServerTime(answer: PlatformAnswer, kioskNow: number): number | undefined {
  const refusal = answer.body as { error?: unknown; serverTime?: unknown } | null;
  if (refusal === null) {
    const date = answer.headers.get('www-authenticate') ? answer.headers.get('date') : null;
    const time = date === null ? NaN : Date.parse(date);
    // Only a clock far off: a 401 for another reason must not move the offset by the header's rounding.
    return Number.isNaN(time) || Math.abs(time - kioskNow) < BODYLESS_SKEW_MS ? undefined : time;
  }
  if (refusal.error !== 'clockSkew' || typeof refusal.serverTime !== 'string') return undefined;
  const time = Date.parse(refusal.serverTime);
  return Number.isNaN(time) ? undefined : time;
}

/** An error's message with its cause (undici puts ECONNRESET and the like there). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
