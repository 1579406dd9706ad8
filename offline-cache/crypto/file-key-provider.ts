import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname } from 'node:path';
import { KEY_LENGTH, KeyProviderError, type KeyProvider } from './key-provider.js';

/**
 * The data-encryption key in a file: 32 raw bytes, mode 0600, in a 0700 folder. Created with a
 * random key on first use; a key file that group or others could read is refused (the key may
 * have leaked, and silently tightening it would hide that). Windows has no POSIX modes: there the
 * folder's ACL (the kiosk user's profile) is what protects it, and the mode check is skipped.
 */
export class FileKeyProvider implements KeyProvider {
  private key: Buffer | undefined;

  constructor(
    /** Path of the key file, e.g. `<dataDir>/keys/outbox.key`. */
    readonly path: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** The key, read (or created) on first call and kept in memory. */
  getKey(): Buffer {
    this.key ??= this.load();
    return this.key;
  }

  private load(): Buffer {
    const stat = statOrUndefined(this.path);
    if (stat === undefined) return this.create();
    if (!stat.isFile()) {
      throw new KeyProviderError('keyFileInvalid', `key file ${this.path} is not a regular file`);
    }
    if (this.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      throw new KeyProviderError(
        'keyFileExposed',
        `key file ${this.path} has mode ${(stat.mode & 0o777).toString(8)}: other users can read ` +
          'it; replace the key (personal data may be exposed) and make the file 0600',
      );
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch (error) {
      throw new KeyProviderError(
        'keyFileUnreadable',
        `cannot read key file ${this.path}: ${(error as Error).message}`,
      );
    }
    if (bytes.length !== KEY_LENGTH) {
      throw new KeyProviderError(
        'keyFileInvalid',
        `key file ${this.path} holds ${bytes.length} bytes, expected ${KEY_LENGTH}`,
      );
    }
    return bytes;
  }

  private create(): Buffer {
    const key = randomBytes(KEY_LENGTH);
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      // 'wx': never overwrite a key another process created meanwhile (that would orphan its data).
      const fd = openSync(this.path, 'wx', 0o600);
      try {
        writeSync(fd, key);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return this.load();
      throw new KeyProviderError(
        'keyFileUnreadable',
        `cannot create key file ${this.path}: ${(error as Error).message}`,
      );
    }
    return key;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KeyProviderError(
      'keyFileUnreadable',
      `cannot stat key file ${path}: ${(error as Error).message}`,
    );
  }
}
