import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** A wrapped 32-byte key is a few hundred bytes on every OS; anything far larger is not one. */
const MAX_WRAPPED_SIZE = 64 * 1024;

/** What is at the key file's path. */
export type KeyFileContent =
  | { kind: 'missing' }
  | { kind: 'present'; bytes: Buffer; mode: number }
  | { kind: 'notAFile' }
  | { kind: 'tooLarge'; size: number }
  | { kind: 'unreadable'; reason: string };

/** Reads the wrapped key file (mode = its permission bits). */
export function readKeyFile(path: string): KeyFileContent {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { kind: 'notAFile' };
    if (stat.size > MAX_WRAPPED_SIZE) return { kind: 'tooLarge', size: stat.size };
    return { kind: 'present', bytes: readFileSync(path), mode: stat.mode & 0o777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: (error as Error).message };
  }
}

/**
 * Writes `bytes` to `path` (0600, folder 0700) only if nothing is there yet, atomically: a
 * temporary file is written and synced, then hard-linked into place. A reader sees the whole file
 * or none, and a file another process created meanwhile is never overwritten — that would orphan
 * whatever was sealed under its key. Returns 'exists' in that case; throws on I/O errors.
 */
export function createKeyFile(path: string, bytes: Buffer): 'created' | 'exists' {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = writeTemp(path, bytes);
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  } finally {
    removeQuietly(temp);
  }
  syncFolder(dirname(path));
  return 'created';
}

/** Replaces the file at `path` with `bytes` atomically (rename over it), 0600. Throws on I/O errors. */
export function replaceKeyFile(path: string, bytes: Buffer): void {
  const temp = writeTemp(path, bytes);
  try {
    renameSync(temp, path);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  syncFolder(dirname(path));
}

function writeTemp(path: string, bytes: Buffer): string {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

// The new directory entry survives a power cut only once the folder is synced (not on Windows).
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
