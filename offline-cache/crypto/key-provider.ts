/** Length of the data-encryption key: AES-256. */
export const KEY_LENGTH = 32;

/**
 * Where the key that encrypts personal data at rest comes from. `getKey()` is called whenever a
 * payload is sealed or opened, so implementations load the key once and keep it in memory.
 *
 * Implementations:
 * - `FileKeyProvider` (file-key-provider.ts): a 0600 key file in a 0700 folder. For the browser
 *   host and for Linux kiosks whose data folder sits on an encrypted disk.
 * - The Electron shell's provider (implemented by the shell, main/): the key is kept wrapped by
 *   Electron's `safeStorage` (DPAPI on Windows, the keyring / kwallet / libsecret on Linux), see
 *   `SafeStorageLike` below. Only the shell's main process can call safeStorage, and main/ may not
 *   import offline-cache/ (layer rule), so the shell unwraps the key at start and hands the 32 bytes
 *   to the core process over its utilityProcess MessagePort; the core wraps them in a
 *   `StaticKeyProvider`. The key never touches the disk unwrapped.
 */
export interface KeyProvider {
  /** The 32-byte AES-256 key; throws `KeyProviderError` when it cannot be had. */
  getKey(): Buffer;
}

/**
 * What the Electron shell needs from `safeStorage` to keep the key wrapped (the same method names,
 * so the shell passes `electron.safeStorage` itself). The shell's provider: on first start make 32
 * random bytes, `encryptString(base64)` them into `<dataDir>/outbox-key.safe` (0600); on every
 * start `decryptString` that file. When `isEncryptionAvailable()` is false (no keyring on Linux,
 * or the "basic_text" backend) the shell must refuse to hand over a key and report a
 * 'configuration' problem rather than store it readably.
 */
export interface SafeStorageLike {
  /** True when the OS offers a real secret store. */
  isEncryptionAvailable(): boolean;
  /** Wraps a string with the OS's secret store. */
  encryptString(plainText: string): Buffer;
  /** Unwraps what encryptString produced. */
  decryptString(encrypted: Buffer): string;
}

/** Why no key could be had. */
export type KeyProviderErrorCode =
  'keyFileExposed' | 'keyFileInvalid' | 'keyFileUnreadable' | 'keyInvalid';

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
