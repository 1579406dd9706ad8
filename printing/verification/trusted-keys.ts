import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { importProofPublicKey } from '../../contract/proof-signature.js';
import { ProofPublicKey } from '../../contract/proofs.js';

/*
 * Where the verifier's trusted public keys come from: a keys file (a JSON array of ProofPublicKey,
 * { keys: [...] }, or one record as `keys generate` writes it), the platform's /v1/proof-keys, or KIOSK_PROOF_KEYS (that JSON, or a path to
 * it). A proof is only as trustworthy as this list: recipients should pin a file they got from the
 * authority rather than fetch keys from a platform they cannot authenticate.
 */

/** Environment variable holding the trusted keys (JSON text or a file path). */
export const PROOF_KEYS_ENV = 'KIOSK_PROOF_KEYS';

/** The loaded keys, or why there are none. */
export type TrustedKeys =
  | { ok: true; keys: ProofPublicKey[]; source: string }
  | {
      ok: false;
      code: 'noKeys' | 'badKeys' | 'platformUnreachable';
      message: string;
      action: 'configuration';
    };

/** Where to look for keys; the first one given wins. */
export interface TrustedKeySources {
  /** --keys: a file. */
  keysFile?: string;
  /** --platform: a platform base URL. */
  platformUrl?: string;
  /** The value of KIOSK_PROOF_KEYS. */
  env?: string;
}

const KeyList = z.union([
  z.array(z.unknown()),
  z.object({ keys: z.array(z.unknown()) }).transform((o) => o.keys),
  z.looseObject({ kid: z.unknown() }).transform((record) => [record]),
]);

const badKeys = (message: string): TrustedKeys => ({
  ok: false,
  code: 'badKeys',
  message,
  action: 'configuration',
});

/** Validates a key list (or one key record) from a file, an env variable or a platform. */
export function parseTrustedKeys(json: unknown, source: string): TrustedKeys {
  const list = KeyList.safeParse(json);
  if (!list.success)
    return badKeys(`${source}: expected a JSON array of keys, { "keys": [...] } or one key`);
  const keys: ProofPublicKey[] = [];
  for (const [index, item] of list.data.entries()) {
    const key = ProofPublicKey.safeParse(item);
    if (!key.success) {
      const field = key.error.issues[0]?.path.join('.') ?? '';
      return badKeys(`${source}: key ${index + 1} has a missing or invalid "${field}"`);
    }
    try {
      importProofPublicKey(key.data.publicKey);
    } catch {
      return badKeys(`${source}: key "${key.data.kid}" is not a valid Ed25519 public key`);
    }
    if (keys.some((k) => k.kid === key.data.kid))
      return badKeys(`${source}: key id "${key.data.kid}" appears twice`);
    keys.push(key.data);
  }
  if (keys.length === 0) return badKeys(`${source}: the key list is empty`);
  return { ok: true, keys, source };
}

async function fromFile(path: string, source: string): Promise<TrustedKeys> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return badKeys(`${source}: cannot read ${path}`);
  }
  return fromText(text, source);
}

function fromText(text: string, source: string): TrustedKeys {
  try {
    return parseTrustedKeys(JSON.parse(text) as unknown, source);
  } catch {
    return badKeys(`${source}: not valid JSON`);
  }
}

async function fromPlatform(base: string, fetchImpl: typeof fetch): Promise<TrustedKeys> {
  let url: URL;
  try {
    url = new URL('v1/proof-keys', base.endsWith('/') ? base : `${base}/`);
  } catch {
    return badKeys(`--platform: "${base}" is not a URL`);
  }
  const unreachable = (why: string): TrustedKeys => ({
    ok: false,
    code: 'platformUnreachable',
    message: `${url.href}: ${why}`,
    action: 'configuration',
  });
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    return unreachable(`no answer (${(error as Error).message})`);
  }
  if (!response.ok) return unreachable(`HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return badKeys(`${url.href}: the answer is not JSON`);
  }
  const wrapped = z.object({ keys: z.array(z.unknown()) }).safeParse(body);
  if (!wrapped.success) return badKeys(`${url.href}: the answer has no "keys" list`);
  return parseTrustedKeys(wrapped.data.keys, url.href);
}

/** Loads the trusted keys from the first source given. */
export function loadTrustedKeys(
  sources: TrustedKeySources,
  fetchImpl: typeof fetch = fetch,
): Promise<TrustedKeys> {
  if (sources.keysFile !== undefined) return fromFile(sources.keysFile, '--keys');
  if (sources.platformUrl !== undefined) return fromPlatform(sources.platformUrl, fetchImpl);
  const env = sources.env?.trim();
  if (env) {
    return env.startsWith('[') || env.startsWith('{')
      ? Promise.resolve(fromText(env, PROOF_KEYS_ENV))
      : fromFile(env, PROOF_KEYS_ENV);
  }
  return Promise.resolve({
    ok: false,
    code: 'noKeys',
    message: `no trusted keys: pass --keys <file>, --platform <url>, or set ${PROOF_KEYS_ENV}`,
    action: 'configuration',
  });
}
