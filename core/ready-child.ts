import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from './log.js';

/** A child process that announced itself ready with one JSON line on stdout. */
export interface ReadyChild<Ready> {
  /** The process. */
  child: ChildProcess;
  /** The parsed ready line. */
  ready: Ready;
  /** Stops it: SIGTERM, then SIGKILL after a grace period. */
  stop: () => Promise<void>;
}

/**
 * Starts a helper process (simulators, reference platform) and waits for the JSON line whose
 * `event` is `readyEvent`. Its other output goes to our log at debug level.
 */
export function spawnReady<Ready>(
  command: string,
  args: string[],
  readyEvent: string,
  log: Logger,
  timeoutMs = 15_000,
): Promise<ReadyChild<Ready>> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() });
  const stop = () => stopChild(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(`${args[0] ?? command} did not report ${readyEvent} within ${timeoutMs} ms`),
      );
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const parsed = tryJson(line);
      if (parsed?.event === readyEvent) {
        clearTimeout(timer);
        resolve({ child, ready: parsed as Ready, stop });
      } else {
        log.debug({ child: readyEvent, line: line.slice(0, 500) }, 'child.output');
      }
    });
    createInterface({ input: child.stderr! }).on('line', (line) =>
      log.warn({ child: readyEvent, line: line.slice(0, 500) }, 'child.stderr'),
    );
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${args[0] ?? command} exited (${code ?? signal}) before ${readyEvent}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function tryJson(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

// Inside Electron's utility process, process.execPath is Electron: ask it to behave as Node.
function childEnv(): NodeJS.ProcessEnv {
  return process.versions.electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env;
}
