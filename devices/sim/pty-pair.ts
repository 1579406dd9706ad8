import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A linked pseudo-terminal pair made by socat. */
export interface PtyPair {
  /** Path of one end (a symlink to /dev/pts/N): give this one to the kiosk. */
  readonly a: string;
  /** Path of the other end: the simulator's. */
  readonly b: string;
  /** Resolves when socat exits for any reason (e.g. killed from outside). */
  readonly exited: Promise<void>;
  /** Kills socat and removes the links; safe to call more than once. */
  dispose(): Promise<void>;
}

/** Options of createPtyPair. */
export interface PtyPairOptions {
  /** Folder for the links; default a new temp folder, removed on dispose. */
  readonly dir?: string;
  /** Link names inside the folder. Default "kiosk" and "device". */
  readonly names?: readonly [string, string];
  /** The socat binary. Default "socat" from PATH. */
  readonly socat?: string;
  /** How long to wait for both links. Default 5000 ms. */
  readonly timeoutMs?: number;
}

/**
 * Spawns `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B` and resolves once both links
 * exist and socat has started its transfer loop. Rejects with a clear message when socat is
 * missing (install: apt-get install socat) or exits early.
 */
export async function createPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'kiosk-pty-')));
  const [nameA, nameB] = options.names ?? ['kiosk', 'device'];
  const a = join(dir, nameA);
  const b = join(dir, nameB);
  const socat = options.socat ?? 'socat';
  const child = spawn(socat, ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('error', () => resolve());
  });
  let disposed: Promise<void> | undefined;
  const dispose = (): Promise<void> => {
    disposed ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (ownDir) await rm(dir, { recursive: true, force: true });
    })();
    return disposed;
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + (options.timeoutMs ?? 5000);
      let settled = false;
      const finish = (error?: Error): void => {
        if (settled) return;
        settled = true;
        if (error === undefined) resolve();
        else reject(error);
      };
      child.once('error', (error: NodeJS.ErrnoException) => {
        const missing = error.code === 'ENOENT';
        finish(
          missing
            ? new Error(`socat not found ("${socat}"); install it: apt-get install socat`)
            : error,
        );
      });
      child.once('exit', (code) =>
        finish(new Error(`socat exited (${code}) before the PTYs were ready: ${stderr.trim()}`)),
      );
      const check = (): void => {
        if (settled) return;
        if (existsSync(a) && existsSync(b) && stderr.includes('starting data transfer loop'))
          finish();
        else if (Date.now() > deadline)
          finish(new Error(`socat PTYs not ready in time: ${stderr.trim()}`));
        else setTimeout(check, 10);
      };
      check();
    });
  } catch (error) {
    await dispose();
    throw error;
  }
  return { a, b, exited, dispose };
}
