import {
  ProofKeysResponse,
  SignedProof,
  type ProofLookupRequest,
  type ProofPublicKey,
} from '../contract/index.js';

/** Why the platform gave no usable answer. */
export interface PlatformFailure {
  /** Machine-readable cause. */
  code:
    | 'platformUnreachable'
    | 'platformTimeout'
    | 'noRecord'
    | 'notEligible'
    | 'platformError'
    | 'badResponse';
  /** Technician-facing text, no personal data. */
  message: string;
}

/** A platform answer or a typed failure. */
export type PlatformResult<T> = { ok: true; value: T } | { ok: false; error: PlatformFailure };

/**
 * The kiosk's HTTP client of the central platform (proof lookups and proof keys). Every response
 * is validated against the contract before anyone uses it; every call has a deadline.
 */
export class PlatformClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** The signed proof of one type for the person on the card. */
  async lookupProof(
    request: ProofLookupRequest,
    signal?: AbortSignal,
  ): Promise<PlatformResult<SignedProof>> {
    const answer = await this.call('POST', '/v1/proofs/lookup', request, signal);
    if (!answer.ok) return answer;
    const { status, body } = answer.value;
    if (status === 404) {
      const code =
        (body as { error?: unknown } | null)?.error === 'notEligible' ? 'notEligible' : 'noRecord';
      return fail(code, `the platform has no ${request.type} proof for this person`);
    }
    return parse(status, body, SignedProof);
  }

  /** The public keys proofs are signed with. */
  async proofKeys(signal?: AbortSignal): Promise<PlatformResult<ProofPublicKey[]>> {
    const answer = await this.call('GET', '/v1/proof-keys', undefined, signal);
    if (!answer.ok) return answer;
    const parsed = parse(answer.value.status, answer.value.body, ProofKeysResponse);
    return parsed.ok ? { ok: true, value: parsed.value.keys } : parsed;
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<PlatformResult<{ status: number; body: unknown }>> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        return fail(
          'badResponse',
          `${path} answered ${response.status} with a body that is not JSON`,
        );
      }
      return { ok: true, value: { status: response.status, body: json } };
    } catch (error) {
      if (deadline.aborted)
        return fail('platformTimeout', `${path} gave no answer in ${this.timeoutMs} ms`);
      return fail('platformUnreachable', `${path}: ${(error as Error).message}`);
    }
  }
}

function parse<T>(
  status: number,
  body: unknown,
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } },
): PlatformResult<T> {
  if (status >= 500) return fail('platformError', `the platform answered ${status}`);
  if (status !== 200) return fail('badResponse', `the platform answered ${status}`);
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : fail('badResponse', 'the platform answer does not match the contract');
}

function fail(
  code: PlatformFailure['code'],
  message: string,
): { ok: false; error: PlatformFailure } {
  return { ok: false, error: { code, message } };
}
