import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { maskIdNumber, maskName } from './masking.js';
import {
  IsoDate,
  ProofContent,
  ProofId,
  ProofIssuer,
  ProofPublicKey,
  ProofType,
} from './proofs.js';
import type { SignedProof } from './proofs.js';

/*
 * Signed verification QR of official proofs. The central platform signs, the kiosk only prints,
 * recipients verify offline. Node only (node:crypto): deliberately not exported from index.ts,
 * which the browser renderer imports.
 *
 * QR text: KP1.<base64url(header JSON)>.<base64url(Ed25519 signature over the header bytes)>.
 * The header carries what a recipient compares with the paper (id, type, issuer, name, masked ID
 * number, dates) plus the SHA-256 of the canonical content, which binds the whole content.
 */

/** The QR text's prefix for format version 1. */
export const PROOF_QR_PREFIX = 'KP1';
/** Longest QR text accepted (the contract allows 1200). */
export const MAX_PROOF_QR_LENGTH = 1200;
const SIGNATURE_BYTES = 64;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The signed QR header. */
export const ProofQrHeader = z.strictObject({
  /** Format version. */
  v: z.literal(1),
  /** Proof id. */
  id: ProofId,
  /** Proof type. */
  t: ProofType,
  /** Issuer id. */
  iss: ProofIssuer.shape.id,
  /** Signing key id. */
  kid: ProofPublicKey.shape.kid,
  /** Subject's full name. */
  n: z.string().min(1).max(64),
  /** Subject's masked ID number. */
  idm: z.string().min(1).max(40),
  /** Issued on. */
  on: IsoDate,
  /** Valid until. */
  to: IsoDate,
  /** base64url SHA-256 of the canonical content. */
  d: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type ProofQrHeader = z.infer<typeof ProofQrHeader>;

/** Why a proof or its QR does not verify. */
export type ProofFailureCode =
  | 'malformedQr'
  | 'unsupportedVersion'
  | 'truncatedSignature'
  | 'unknownKey'
  | 'invalidKey'
  | 'issuerNotAllowed'
  | 'badSignature'
  | 'malformedContent'
  | 'contentMismatch'
  | 'fieldMismatch';

/** A failed verification: never thrown, always returned. */
export interface ProofFailure {
  /** False. */
  ok: false;
  /** Machine-readable reason. */
  code: ProofFailureCode;
  /** One sentence for a person; never holds a full ID number. */
  message: string;
  /** The content field concerned (e.g. "subject.name"), for fieldMismatch and malformed input. */
  field?: string;
  /** The header as the QR claims it, when it could be read (unverified unless code says so). */
  claimed?: ProofQrHeader;
}

/** A successful verification. */
export interface ProofSuccess {
  /** True. */
  ok: true;
  /** The verified header. */
  header: ProofQrHeader;
  /** Warning, not failure: validUntil lies before today. */
  expired: boolean;
  /** Today as the verifier saw it (YYYY-MM-DD, local time). */
  today: string;
}

/** The outcome of verifying a QR or a proof. */
export type ProofVerification = ProofSuccess | ProofFailure;

/** Options of the verify functions. */
export interface VerifyOptions {
  /** Clock for the expiry check (default: now). */
  now?: () => Date;
}

const fail = (
  code: ProofFailureCode,
  message: string,
  extra: Partial<Pick<ProofFailure, 'field' | 'claimed'>> = {},
): ProofFailure => ({ ok: false, code, message, ...extra });

/** Raised only for values ProofContent cannot hold (a programming error, not bad input). */
export class CanonicalJsonError extends TypeError {}

function canonical(value: unknown, path: string): string {
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return JSON.stringify(value);
    throw new CanonicalJsonError(`${path}: only safe integers are allowed, got ${value}`);
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(canonical(value[i], `${path}[${i}]`));
    return `[${items.join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null)
      throw new CanonicalJsonError(`${path}: only plain objects are allowed`);
    const entries = Object.keys(value)
      .sort()
      .map((key) => {
        const child = (value as Record<string, unknown>)[key];
        return `${JSON.stringify(key)}:${canonical(child, path ? `${path}.${key}` : key)}`;
      });
    return `{${entries.join(',')}}`;
  }
  throw new CanonicalJsonError(`${path || 'value'}: ${typeof value} is not allowed`);
}

/**
 * Deterministic JSON of a proof's content: keys sorted by UTF-16 code unit, no whitespace, only
 * strings, booleans, safe integers, arrays and plain objects (a subset of RFC 8785, JCS).
 * Throws CanonicalJsonError for anything else.
 */
export function canonicalProofJson(content: ProofContent): string {
  return canonical(content, '');
}

/** SHA-256 of the canonical content's UTF-8 bytes. */
export function proofDigest(content: ProofContent): Buffer {
  return createHash('sha256').update(canonicalProofJson(content), 'utf8').digest();
}

/** Signs a proof (platform side). Throws on content that fails the ProofContent schema. */
export function signProof(content: ProofContent, privateKey: KeyObject, kid: string): SignedProof {
  const valid = ProofContent.parse(content);
  const header: ProofQrHeader = ProofQrHeader.parse({
    v: 1,
    id: valid.proofId,
    t: valid.type,
    iss: valid.issuer.id,
    kid,
    n: valid.subject.name,
    idm: maskIdNumber(valid.subject.idNumber),
    on: valid.issuedOn,
    to: valid.validUntil,
    d: proofDigest(valid).toString('base64url'),
  });
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const signature = sign(null, headerBytes, privateKey);
  const qr = `${PROOF_QR_PREFIX}.${headerBytes.toString('base64url')}.${signature.toString('base64url')}`;
  return { content: valid, qr };
}

/** base64url that decodes to exactly one byte string (no padding, no spare bits set). */
function decodeStrictBase64url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

/** A QR text split into its parts, header not yet verified. */
export interface ParsedProofQr {
  /** True. */
  ok: true;
  /** The decoded header. */
  header: ProofQrHeader;
  /** The exact signed bytes. */
  headerBytes: Buffer;
  /** The 64-byte signature. */
  signature: Buffer;
}

/** Splits and decodes a QR text without checking its signature. */
export function parseProofQr(text: unknown): ParsedProofQr | ProofFailure {
  if (typeof text !== 'string' || text.length === 0)
    return fail('malformedQr', 'the QR is empty or not text');
  if (text.length > MAX_PROOF_QR_LENGTH)
    return fail('malformedQr', `the QR text is too long (${text.length} > ${MAX_PROOF_QR_LENGTH})`);
  const parts = text.split('.');
  const [prefix, headerText, signatureText] = parts;
  if (prefix !== PROOF_QR_PREFIX) {
    if (parts.length === 3 && /^KP\d{1,3}$/.test(prefix ?? ''))
      return fail('unsupportedVersion', `QR format ${prefix} is not supported (only KP1)`);
    return fail('malformedQr', 'this is not a proof verification QR (no KP1 prefix)');
  }
  if (parts.length !== 3 || headerText === undefined || signatureText === undefined)
    return fail('malformedQr', 'the QR must have three parts separated by dots');
  const headerBytes = decodeStrictBase64url(headerText);
  if (headerBytes === undefined || headerBytes.length === 0)
    return fail('malformedQr', 'the QR header is not valid base64url');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
  } catch {
    return fail('malformedQr', 'the QR header is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail('malformedQr', 'the QR header is not a JSON object');
  const version = (json as Record<string, unknown>).v;
  if (typeof version === 'number' && version !== 1)
    return fail('unsupportedVersion', `QR header version ${version} is not supported`);
  const parsed = ProofQrHeader.safeParse(json);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    return fail('malformedQr', `the QR header field "${field}" is missing or invalid`, { field });
  }
  const header = parsed.data;
  if (!BASE64URL.test(signatureText))
    return fail('malformedQr', 'the QR signature is not base64url', { claimed: header });
  const signatureLength = Math.floor((signatureText.length * 6) / 8);
  if (signatureLength < SIGNATURE_BYTES)
    return fail(
      'truncatedSignature',
      `the signature is truncated (${signatureLength} of ${SIGNATURE_BYTES} bytes)`,
      { claimed: header },
    );
  const signature = decodeStrictBase64url(signatureText);
  if (signature === undefined || signature.length !== SIGNATURE_BYTES)
    return fail('malformedQr', `the signature is not exactly ${SIGNATURE_BYTES} bytes`, {
      claimed: header,
    });
  return { ok: true, header, headerBytes, signature };
}

/** Local calendar date, YYYY-MM-DD. */
function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Verifies a QR text on its own against the trusted keys (offline). */
export function verifyProofQr(
  text: unknown,
  keys: readonly ProofPublicKey[],
  options: VerifyOptions = {},
): ProofVerification {
  const parsed = parseProofQr(text);
  if (!parsed.ok) return parsed;
  const { header, headerBytes, signature } = parsed;
  const claimed = { claimed: header };
  const key = keys.find((k) => k.kid === header.kid);
  if (key === undefined)
    return fail(
      'unknownKey',
      `the QR was signed with key "${header.kid}", which is not trusted`,
      claimed,
    );
  let publicKey: KeyObject;
  try {
    publicKey = importProofPublicKey(key.publicKey);
  } catch {
    return fail('invalidKey', `trusted key "${key.kid}" is not a valid Ed25519 key`, claimed);
  }
  if (!verify(null, headerBytes, publicKey, signature))
    return fail(
      'badSignature',
      `the signature does not match: the QR was altered or signed by another key than "${key.kid}"`,
      claimed,
    );
  if (!key.issuers.includes(header.iss))
    return fail(
      'issuerNotAllowed',
      `key "${key.kid}" may not sign proofs of issuer "${header.iss}"`,
      claimed,
    );
  const today = localDate((options.now ?? (() => new Date()))());
  return { ok: true, header, expired: header.to < today, today };
}

type Masker = (value: string) => string;
const HEADER_FIELDS: ReadonlyArray<
  [string, (h: ProofQrHeader) => string, (c: ProofContent) => string, Masker]
> = [
  ['proofId', (h) => h.id, (c) => c.proofId, (v) => v],
  ['type', (h) => h.t, (c) => c.type, (v) => v],
  ['issuer.id', (h) => h.iss, (c) => c.issuer.id, (v) => v],
  ['subject.name', (h) => h.n, (c) => c.subject.name, maskName],
  ['subject.idNumber', (h) => h.idm, (c) => maskIdNumber(c.subject.idNumber), (v) => v],
  ['issuedOn', (h) => h.on, (c) => c.issuedOn, (v) => v],
  ['validUntil', (h) => h.to, (c) => c.validUntil, (v) => v],
];

/** Verifies a signed proof: the QR verifies, its fields equal the content's, its digest matches. */
export function verifyProof(
  signed: SignedProof,
  keys: readonly ProofPublicKey[],
  options: VerifyOptions = {},
): ProofVerification {
  const qr = verifyProofQr((signed as { qr?: unknown } | null)?.qr, keys, options);
  if (!qr.ok) return qr;
  const content = ProofContent.safeParse((signed as { content?: unknown }).content);
  if (!content.success) {
    const field = content.error.issues[0]?.path.join('.') ?? '';
    return fail('malformedContent', `the proof content field "${field}" is missing or invalid`, {
      field,
      claimed: qr.header,
    });
  }
  for (const [field, inHeader, inContent, mask] of HEADER_FIELDS) {
    const said = inHeader(qr.header);
    const has = inContent(content.data);
    if (said !== has)
      return fail('fieldMismatch', `${field}: QR says ${mask(said)}, content says ${mask(has)}`, {
        field,
        claimed: qr.header,
      });
  }
  if (proofDigest(content.data).toString('base64url') !== qr.header.d)
    return fail('contentMismatch', 'the proof content was altered after signing', {
      claimed: qr.header,
    });
  return qr;
}

/** A new Ed25519 key pair for signing proofs. */
export function generateProofKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

/** A private key as PKCS#8 PEM (keep it 0600). */
export function exportProofPrivateKeyPem(privateKey: KeyObject): string {
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** A private key from PKCS#8 PEM, or a typed failure. */
export function importProofPrivateKeyPem(
  pem: string,
): { ok: true; key: KeyObject } | { ok: false; message: string } {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519')
      return {
        ok: false,
        message: `the key is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519`,
      };
    return { ok: true, key };
  } catch {
    return { ok: false, message: 'the text is not a PEM private key' };
  }
}

/** A public key (or the public half of a private key) as raw 32 bytes, base64url. */
export function exportProofPublicKey(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError('not an Ed25519 key');
  return jwk.x;
}

/** A public key from raw 32 bytes, base64url. Throws on anything else. */
export function importProofPublicKey(raw: string): KeyObject {
  if (decodeStrictBase64url(raw)?.length !== 32) throw new TypeError('not 32 bytes of base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });
}

/** The public key record recipients trust, for a key and the issuers it may sign for. */
export function publicKeyRecord(
  kid: string,
  key: KeyObject,
  issuers: readonly string[],
): ProofPublicKey {
  return ProofPublicKey.parse({
    kid,
    alg: 'Ed25519',
    publicKey: exportProofPublicKey(key),
    issuers,
  });
}
