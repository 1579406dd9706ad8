import {
  ProofKeysResponse,
  SignedProof,
  type ProofLookupRequest,
  type ProofPublicKey,
} from '../contract/index.js';
import { platformFailure, type PlatformHttp, type PlatformResult } from './platform-http.js';

export type { PlatformFailure, PlatformResult } from './platform-http.js';

/**
 * The kiosk's client of the platform's lookups (proofs, proof keys). Every response is validated
 * against the contract before anyone uses it.
 */
export class PlatformClient {
  constructor(private readonly http: PlatformHttp) {}

  /** The signed proof of one type for the person on the card. */
  async lookupProof(
    request: ProofLookupRequest,
    signal?: AbortSignal,
  ): Promise<PlatformResult<SignedProof>> {
    const answer = await this.http.request('POST', '/v1/proofs/lookup', request, signal);
    if (!answer.ok) return answer;
    const { status, body } = answer.value;
    if (status === 404) {
      const error = (body as { error?: unknown } | null)?.error;
      return platformFailure(
        error === 'notEligible' ? 'notEligible' : 'noRecord',
        `the platform has no ${request.type} proof for this person`,
      );
    }
    return parsed(status, body, SignedProof);
  }

  /** The public keys proofs are signed with. */
  async proofKeys(signal?: AbortSignal): Promise<PlatformResult<ProofPublicKey[]>> {
    const answer = await this.http.request('GET', '/v1/proof-keys', undefined, signal);
    if (!answer.ok) return answer;
    const keys = parsed(answer.value.status, answer.value.body, ProofKeysResponse);
    return keys.ok ? { ok: true, value: keys.value.keys } : keys;
  }
}

/** A 200 answer validated against `schema`; anything else as a typed failure. */
export function parsed<T>(
  status: number,
  body: unknown,
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } },
): PlatformResult<T> {
  if (status === 401)
    return platformFailure('notRegistered', "the platform refused the kiosk's credentials");
  if (status >= 500) return platformFailure('platformError', `the platform answered ${status}`);
  if (status !== 200 && status !== 201)
    return platformFailure('badResponse', `the platform answered ${status}`);
  const result = schema.safeParse(body);
  return result.success
    ? { ok: true, value: result.data }
    : platformFailure('badResponse', 'the platform answer does not match the contract');
}
