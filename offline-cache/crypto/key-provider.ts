/** Length of the data-encryption key: AES-256. */
export const KEY_LENGTH = 32;

/**
 * Where the key that encrypts personal data at rest comes from. `getKey()` is called whenever a
 * payload is sealed or opened, so implementations load the key once and keep it in memory.
 *
 * Implementations:
 * - `FileKeyProvider` (file-key-provider.ts): a 0600 key file in a 0700 folder. For the browser
 *   host and for Linux kiosks whose data folder sits on an encrypted disk.
 * - Under the Electron shell: the key is kept wrapped by Electron's `safeStorage` (DPAPI on
 *   Windows, libsecret / kwallet on Linux; "basic_text" is refused) in `<dataDir>/outbox-key.safe`
 *   (main/outbox-key.ts). Only the shell's main process can call safeStorage, and main/ may not
 *   import offline-cache/ (layer rule), so the shell unwraps the key at start and posts the 32
 *   bytes to the core over its utilityProcess port (main/outbox-key-handover.ts); the core wraps
 *   them in a `StaticKeyProvider` (core/outbox-key-source.ts). The key never touches the disk
 *   unwrapped. When the shell cannot have the key, the core gets a provider that refuses
 *   (`keyNotHandedOver`), so requests with personal data are refused rather than stored readably.
 */
export interface KeyProvider {
  /** The 32-byte AES-256 key; throws `KeyProviderError` when it cannot be had. */
  getKey(): Buffer;
}

/** Why no key could be had. */
export type KeyProviderErrorCode =
  'keyFileExposed' | 'keyFileInvalid' | 'keyFileUnreadable' | 'keyInvalid' | 'keyNotHandedOver';

/** The key is missing, malformed or not protected: the kiosk must not store personal data. */
export class KeyProviderError extends Error {
  /** A technician must fix the key file or its permissions. */
  readonly action = 'configuration' as const;

  constructor(
    /** Machine-readable reason. */
    readonly code: KeyProviderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KeyProviderError';
  }
}

/** A key handed over in memory (e.g. by the Electron shell, unwrapped from safeStorage). */
export class StaticKeyProvider implements KeyProvider {
  private readonly key: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== KEY_LENGTH) {
      throw new KeyProviderError(
        'keyInvalid',
        `key must be ${KEY_LENGTH} bytes, got ${key.length}`,
      );
    }
    this.key = Buffer.from(key);
  }

  /** The key. */
  getKey(): Buffer {
    return this.key;
  }
}
