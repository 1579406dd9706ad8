import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { SafeStorageHandle } from './electron-facade.js';
import { createKeyFile, readKeyFile, replaceKeyFile } from './outbox-key-file.js';
import { errorText, type ShellLog } from './shell-log.js';

/*
 * The key that encrypts personal data in the core's outbox (AES-256), kept on disk only wrapped by
 * the OS secret store through Electron's safeStorage. The shell unwraps it and hands the 32 bytes
 * to the core over the utilityProcess port (outbox-key-handover.ts); see
 * offline-cache/crypto/key-provider.ts for the core's side. main/ may not import offline-cache/,
 * hence the length and file name are restated here.
 */

/** Name of the wrapped key file in the core's data folder. */
export const OUTBOX_KEY_FILE = 'outbox-key.safe';

/** Length of the key: AES-256 (offline-cache/crypto/key-provider.ts KEY_LENGTH). */
export const OUTBOX_KEY_LENGTH = 32;

/** Exactly 32 bytes in canonical base64: what the file wraps. */
const KEY_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/** Why the shell has no key to hand over. */
export type OutboxKeyFailureCode = 'encryptionUnavailable' | 'keyFileUnreadable' | 'keyFileInvalid';

/** No key: the core must refuse to store personal data until a technician fixes this. */
export interface OutboxKeyFailure {
  /** Discriminant. */
  ok: false;
  /** Machine-readable reason. */
  code: OutboxKeyFailureCode;
  /** Technician-facing text (never holds key material). */
  message: string;
  /** Always a configuration problem: the secret store or the key file must be fixed. */
  action: 'configuration';
}

/** The unwrapped key. */
export interface OutboxKey {
  /** Discriminant. */
  ok: true;
  /** The 32 key bytes (never logged, never written unwrapped). */
  key: Buffer;
  /** Whether this start made the key (first start, or the file was moved away). */
  created: boolean;
  /** The wrapped key file. */
  path: string;
}

/** The key, or why there is none. */
export type OutboxKeyResult = OutboxKey | OutboxKeyFailure;

/** What loadOrCreateOutboxKey needs. */
export interface OutboxKeyOptions {
  /** Electron's safeStorage. */
  safeStorage: SafeStorageHandle;
  /** The core's data folder; the key is `<dataDir>/outbox-key.safe`. */
  dataDir: string;
  /** The shell's log (warnings only; the caller logs the result). */
  log: ShellLog;
  /** OS (default: this one); Windows has no POSIX modes to check. */
  platform?: NodeJS.Platform;
}

/** Builds a failure value. */
export function outboxKeyFailure(code: OutboxKeyFailureCode, message: string): OutboxKeyFailure {
  return { ok: false, code, message, action: 'configuration' };
}

/**
 * Reads `<dataDir>/outbox-key.safe` and unwraps it with safeStorage; on first start makes a random
 * key and stores it wrapped (0600, atomically). Refuses when the OS has no real secret store. A
 * file that cannot be read or unwrapped is reported, never replaced: every payload sealed under
 * its key would become unreadable.
 */
export async function loadOrCreateOutboxKey(options: OutboxKeyOptions): Promise<OutboxKeyResult> {
  const path = join(options.dataDir, OUTBOX_KEY_FILE);
  try {
    const refusal = await secretStoreRefusal(options.safeStorage);
    if (refusal) return refusal;
    const content = readKeyFile(path);
    switch (content.kind) {
      case 'missing':
        return await createKey(path, options);
      case 'notAFile':
        return outboxKeyFailure('keyFileInvalid', `${path} is not a regular file`);
      case 'tooLarge':
        return outboxKeyFailure(
          'keyFileInvalid',
          `${path} holds ${content.size} bytes: not a wrapped key; the file was kept`,
        );
      case 'unreadable':
        return outboxKeyFailure('keyFileUnreadable', `cannot read ${path}: ${content.reason}`);
      case 'present':
        if ((options.platform ?? process.platform) !== 'win32' && (content.mode & 0o077) !== 0)
          options.log.warn('outboxKey.fileMode', { path, mode: content.mode.toString(8) });
        return await unwrapKey(path, content.bytes, options);
    }
  } catch (error) {
    // File errors are answered where they happen: what throws here is the secret store.
    return outboxKeyFailure(
      'encryptionUnavailable',
      `the OS secret store failed while loading ${path}: ${errorText(error)}`,
    );
  }
}

async function secretStoreRefusal(
  safeStorage: SafeStorageHandle,
): Promise<OutboxKeyFailure | undefined> {
  if (!(await safeStorage.isEncryptionAvailable())) {
    return outboxKeyFailure(
      'encryptionUnavailable',
      'the OS secret store is not available to Electron safeStorage (on Linux: no keyring ' +
        'running or unlocked for the kiosk user): personal data cannot be encrypted at rest',
    );
  }
  const backend = safeStorage.selectedBackend?.();
  if (backend === 'basic_text') {
    return outboxKeyFailure(
      'encryptionUnavailable',
      'Electron safeStorage selected the "basic_text" backend: with no keyring it would wrap ' +
        'the key with a password built into Chromium, i.e. readably; run gnome-keyring or ' +
        'kwallet for the kiosk user (unlocked at login) and start the shell with ' +
        '--password-store=gnome-libsecret (or kwallet5/kwallet6)',
    );
  }
  if (backend === 'unknown') {
    return outboxKeyFailure(
      'encryptionUnavailable',
      'Electron safeStorage cannot tell which secret store it uses (backend "unknown")',
    );
  }
  return undefined;
}

async function createKey(path: string, options: OutboxKeyOptions): Promise<OutboxKeyResult> {
  const key = randomBytes(OUTBOX_KEY_LENGTH);
  const wrapped = await wrapVerified(options.safeStorage, key);
  if (!wrapped) {
    return outboxKeyFailure(
      'encryptionUnavailable',
      'the OS secret store wrapped a new key but could not unwrap it again: nothing was stored',
    );
  }
  let outcome: 'created' | 'exists';
  try {
    outcome = createKeyFile(path, wrapped);
  } catch (error) {
    return outboxKeyFailure('keyFileUnreadable', `cannot create ${path}: ${errorText(error)}`);
  }
  if (outcome === 'created') return { ok: true, key, created: true, path };
  // Another process made it meanwhile: use that one.
  const content = readKeyFile(path);
  if (content.kind !== 'present')
    return outboxKeyFailure('keyFileUnreadable', `${path} vanished while it was being created`);
  return unwrapKey(path, content.bytes, options);
}

async function unwrapKey(
  path: string,
  wrapped: Buffer,
  options: OutboxKeyOptions,
): Promise<OutboxKeyResult> {
  let text: string;
  let shouldReEncrypt: boolean;
  try {
    ({ text, shouldReEncrypt } = await options.safeStorage.decryptString(wrapped));
  } catch (error) {
    return outboxKeyFailure(
      'keyFileInvalid',
      `cannot unwrap ${path} with the OS secret store (${errorText(error)}). The file was kept: ` +
        "if the kiosk user's keyring or Windows profile was reset, restore it; only if it is " +
        'lost for good move the file away to start a new key (requests still queued under the ' +
        'old key can then never be sent)',
    );
  }
  if (!KEY_BASE64.test(text)) {
    return outboxKeyFailure(
      'keyFileInvalid',
      `${path} unwraps to something that is not a ${OUTBOX_KEY_LENGTH}-byte key; the file was ` +
        'kept (replacing it would orphan every sealed request)',
    );
  }
  const key = Buffer.from(text, 'base64');
  if (shouldReEncrypt) await rewrap(path, key, options);
  return { ok: true, key, created: false, path };
}

// The OS rotated its key: store the same outbox key wrapped anew. Failing is only a warning.
async function rewrap(path: string, key: Buffer, options: OutboxKeyOptions): Promise<void> {
  try {
    const wrapped = await wrapVerified(options.safeStorage, key);
    if (!wrapped) throw new Error('the new wrapping does not unwrap');
    replaceKeyFile(path, wrapped);
    options.log.info('outboxKey.rewrapped', { path });
  } catch (error) {
    options.log.warn('outboxKey.rewrapFailed', { path, error: errorText(error) });
  }
}

// Never store a wrapping that the secret store cannot open again: the next start would fail.
async function wrapVerified(
  safeStorage: SafeStorageHandle,
  key: Buffer,
): Promise<Buffer | undefined> {
  const text = key.toString('base64');
  const wrapped = await safeStorage.encryptString(text);
  try {
    const back = await safeStorage.decryptString(wrapped);
    return back.text === text ? wrapped : undefined;
  } catch {
    return undefined;
  }
}
