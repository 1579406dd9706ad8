import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageHandle, UnwrappedString } from '../electron-facade.js';

/**
 * safeStorage backed by an in-memory "OS secret" (AES-256-GCM): a FakeSafeStorage made with the
 * same secret unwraps what another wrapped, as the same kiosk user's keyring would; a fresh one
 * (keyring reset) cannot.
 */
export class FakeSafeStorage implements SafeStorageHandle {
  /** What isEncryptionAvailable() answers. */
  available = true;
  /** What selectedBackend() answers on "Linux"; undefined = another OS (no such method). */
  backend: string | undefined;
  /** What decryptString() reports as shouldReEncrypt (the OS rotated its key). */
  rotated = false;
  /** When set, the secret store never answers (a locked keyring waiting for a password). */
  hang = false;
  /** encryptString() calls. */
  encryptions = 0;
  /** decryptString() calls. */
  decryptions = 0;

  constructor(readonly secret: Buffer = randomBytes(32)) {}

  get selectedBackend(): (() => string) | undefined {
    const backend = this.backend;
    return backend === undefined ? undefined : () => backend;
  }

  isEncryptionAvailable = () => this.answer(() => this.available);

  encryptString = (plainText: string) =>
    this.answer(() => {
      this.encryptions++;
      if (!this.available) throw new Error('Encryption is not available.');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', this.secret, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
    });

  decryptString = (encrypted: Buffer) =>
    this.answer((): UnwrappedString => {
      this.decryptions++;
      if (encrypted.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting');
      const decipher = createDecipheriv('aes-256-gcm', this.secret, encrypted.subarray(3, 15));
      decipher.setAuthTag(encrypted.subarray(15, 31));
      const text = Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]);
      return { text: text.toString('utf8'), shouldReEncrypt: this.rotated };
    });

  private answer<T>(fn: () => T): Promise<T> {
    if (this.hang) return new Promise<T>(() => {});
    return new Promise<T>((resolve) => resolve(fn()));
  }
}
