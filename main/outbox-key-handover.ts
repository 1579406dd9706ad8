import type { Clock } from './clock.js';
import type { ChildProcessHandle, SafeStorageHandle } from './electron-facade.js';
import {
  loadOrCreateOutboxKey,
  outboxKeyFailure,
  type OutboxKeyFailureCode,
  type OutboxKeyResult,
} from './outbox-key.js';
import { errorText, type ShellLog } from './shell-log.js';

/**
 * What the shell posts to every core it starts (core/outbox-key-source.ts validates it): the key
 * as base64, or why there is none — then the core refuses to store personal data. Never in argv,
 * env or a file: only over the utilityProcess port.
 */
export type OutboxKeyMessage =
  | { type: 'outboxKey'; key: string }
  | { type: 'outboxKey'; error: { code: OutboxKeyFailureCode; message: string } };

/** How long the OS secret store may take before the shell gives up (a locked keyring prompts). */
export const DEFAULT_OUTBOX_KEY_TIMEOUT_MS = 20_000;

/** What obtainOutboxKeyMessage needs. */
export interface ObtainOutboxKeyOptions {
  /** Electron's safeStorage. */
  safeStorage: SafeStorageHandle;
  /** The core's data folder. */
  dataDir: string;
  /** Time source for the timeout. */
  clock: Clock;
  /** The shell's log. */
  log: ShellLog;
  /** Longest wait for the secret store (default 20 s). */
  timeoutMs?: number;
}

/** The message for a load result. */
export function outboxKeyMessage(result: OutboxKeyResult): OutboxKeyMessage {
  return result.ok
    ? { type: 'outboxKey', key: result.key.toString('base64') }
    : { type: 'outboxKey', error: { code: result.code, message: result.message } };
}

/**
 * Loads (or on first start creates) the wrapped key, bounded in time, and logs the outcome —
 * never the key. Called once per shell start; the message is posted to every core started.
 */
export async function obtainOutboxKeyMessage(
  options: ObtainOutboxKeyOptions,
): Promise<OutboxKeyMessage> {
  const { clock, log, dataDir, safeStorage } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_OUTBOX_KEY_TIMEOUT_MS;
  let timer: unknown;
  const timedOut = new Promise<OutboxKeyResult>((resolve) => {
    timer = clock.setTimeout(
      () =>
        resolve(
          outboxKeyFailure(
            'encryptionUnavailable',
            `the OS secret store did not answer within ${timeoutMs} ms (a locked keyring ` +
              'waiting for its password?)',
          ),
        ),
      timeoutMs,
    );
  });
  const result = await Promise.race([
    loadOrCreateOutboxKey({ safeStorage, dataDir, log }),
    timedOut,
  ]);
  clock.clearTimeout(timer);
  if (result.ok) {
    log.info('outboxKey.ready', { path: result.path, created: result.created });
  } else {
    log.error('outboxKey.unavailable', {
      code: result.code,
      message: result.message,
      action: result.action,
      effect:
        'the core refuses requests with personal data until this is fixed and the app restarted',
    });
  }
  return outboxKeyMessage(result);
}

/** Posts the key message to a core just started; a failure is logged (the core then times out). */
export function handOverOutboxKey(
  child: ChildProcessHandle,
  message: OutboxKeyMessage,
  log: ShellLog,
): void {
  try {
    child.postMessage(message);
    log.info('outboxKey.handedOver', { pid: child.pid, withKey: 'key' in message });
  } catch (error) {
    log.error('outboxKey.handOverFailed', { pid: child.pid, error: errorText(error) });
  }
}
