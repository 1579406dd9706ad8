import type { KeyProvider } from '../crypto/key-provider.js';
import { open, seal, type OpenFailure } from '../crypto/sealed-box.js';

/** A request's data as the platform receives it. */
export type RequestPayload = Record<string, unknown>;

/**
 * Seals a request's payload (JSON) for the database, bound to its idempotency key, and opens it
 * again. The JSON text is what the platform receives on every delivery, byte for byte, so a
 * redelivery is the "same body" the platform recognises as a replay. Also seals other personal
 * bytes of a request (scanned materials), bound to whatever associated data the caller names.
 */
export class PayloadSealer {
  constructor(private readonly keys: KeyProvider) {}

  /** The sealed JSON of `payload`; throws KeyProviderError when there is no key. */
  seal(payload: RequestPayload, idempotencyKey: string): Buffer {
    return seal(this.keys.getKey(), Buffer.from(JSON.stringify(payload), 'utf8'), idempotencyKey);
  }

  /** The payload, or why it cannot be read (wrong key, altered, moved between rows). */
  open(
    sealed: Uint8Array,
    idempotencyKey: string,
  ): { ok: true; payload: RequestPayload } | OpenFailure {
    const opened = open(this.keys.getKey(), sealed, idempotencyKey);
    if (!opened.ok) return opened;
    return { ok: true, payload: JSON.parse(opened.plain.toString('utf8')) as RequestPayload };
  }

  /** `plain` sealed, bound to `associatedData`; throws KeyProviderError when there is no key. */
  sealBytes(plain: Uint8Array, associatedData: string): Buffer {
    return seal(this.keys.getKey(), plain, associatedData);
  }

  /** What `sealBytes` sealed with the same associated data, or why it cannot be read. */
  openBytes(sealed: Uint8Array, associatedData: string): { ok: true; plain: Buffer } | OpenFailure {
    return open(this.keys.getKey(), sealed, associatedData);
  }
}
