import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FileKeyProvider } from '../offline-cache/crypto/file-key-provider.js';
import {
  KeyProviderError,
  StaticKeyProvider,
  type KeyProvider,
} from '../offline-cache/crypto/key-provider.js';
import type { Logger } from './log.js';

/*
 * Where the core's outbox key comes from. Under the Electron shell the key is kept wrapped by the
 * OS secret store (safeStorage), which only the shell's main process can use: the shell unwraps it
 * and posts `{ type: 'outboxKey', key: <base64> }` to this utility process right after starting it
 * (main/outbox-key-handover.ts), or `{ type: 'outboxKey', error: { code, message } }` when it has
 * none. Then the core must not fall back to a readable key file: it takes no key, so every
 * enqueue of personal data answers `keyUnavailable` (action 'configuration') — citizens are told
 * requests cannot be taken, a technician sees why in the log and the status. Without the shell
 * (browser host, tests, CLI) the key is the 0600 file `<dataDir>/keys/outbox.key`.
 */

/** How long the core waits for the shell's key message (it is posted right after the fork). */
export const DEFAULT_OUTBOX_KEY_WAIT_MS = 10_000;

/** Electron's `process.parentPort` (utility process), as far as the key hand-over needs it. */
export interface ParentPortLike {
  /** Adds a listener; Electron passes a MessageEvent `{ data, ports }`. */
  on(event: 'message', listener: (event: unknown) => void): unknown;
  /** Removes it (Electron pauses the port when no listener is left; later messages queue). */
  off(event: 'message', listener: (event: unknown) => void): unknown;
}

/** The log calls used here (the core's pino logger). */
export type KeySourceLog = Pick<Logger, 'info' | 'warn' | 'error'>;

/** What outboxKeySource needs. */
export interface OutboxKeySourceOptions {
  /** The core's data folder (for the key file when there is no shell). */
  dataDir: string;
  /** The shell's port: `electronParentPort()`; undefined outside an Electron utility process. */
  parentPort?: ParentPortLike | undefined;
  /** Longest wait for the shell's message (default 10 s). */
  timeoutMs?: number;
  /** The core's log. */
  log: KeySourceLog;
}

/** Why the shell gave no key: its own code, or 'noKeyFromShell' when nothing valid arrived. */
export type ShellKeyRefusal = string;

/** The shell has no key for the core: storing personal data is refused. */
export class ShellKeyUnavailableError extends KeyProviderError {
  constructor(
    /** The shell's reason ('encryptionUnavailable', 'keyFileInvalid' …) or 'noKeyFromShell'. */
    readonly reason: ShellKeyRefusal,
    message: string,
  ) {
    super('keyNotHandedOver', message);
    this.name = 'ShellKeyUnavailableError';
  }
}

/** A provider with no key: every getKey() throws the shell's refusal (the outbox answers keyUnavailable). */
export class RefusingKeyProvider implements KeyProvider {
  constructor(
    /** The shell's reason. */
    readonly reason: ShellKeyRefusal,
    /** Technician-facing text. */
    readonly message: string,
  ) {}

  /** Never a key. */
  getKey(): Buffer {
    throw new ShellKeyUnavailableError(this.reason, this.message);
  }
}

/** `process.parentPort` when this process is an Electron utility process, else undefined. */
export function electronParentPort(host: object = process): ParentPortLike | undefined {
  const port: unknown = (host as { parentPort?: unknown }).parentPort;
  if (typeof port !== 'object' || port === null) return undefined;
  const { on, off } = port as { on?: unknown; off?: unknown };
  return typeof on === 'function' && typeof off === 'function'
    ? (port as ParentPortLike)
    : undefined;
}

const ShellKeyMessage = z.union([
  z.strictObject({
    type: z.literal('outboxKey'),
    // Exactly 32 bytes, canonical base64.
    key: z
      .string()
      .length(44)
      .regex(/^[A-Za-z0-9+/]{43}=$/),
  }),
  z.strictObject({
    type: z.literal('outboxKey'),
    error: z.strictObject({
      code: z
        .string()
        .max(64)
        .regex(/^[A-Za-z][A-Za-z0-9]*$/),
      message: z.string().max(4_000),
    }),
  }),
]);
type ShellKeyMessage = z.infer<typeof ShellKeyMessage>;

/**
 * The outbox's key provider. Under the Electron shell: waits (bounded) for the shell's key message
 * and returns a `StaticKeyProvider`, or a `RefusingKeyProvider` with the shell's reason (or
 * 'noKeyFromShell' after the wait). Malformed messages are ignored and logged, never trusted.
 * Otherwise the 0600 key file `<dataDir>/keys/outbox.key`, as the browser host uses.
 */
export async function outboxKeySource(options: OutboxKeySourceOptions): Promise<KeyProvider> {
  const { dataDir, parentPort, log } = options;
  const keyFile = join(dataDir, 'keys', 'outbox.key');
  if (!parentPort) {
    log.info({ source: 'file', path: keyFile }, 'outboxKey.source');
    return new FileKeyProvider(keyFile);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_OUTBOX_KEY_WAIT_MS;
  const message = await shellKeyMessage(parentPort, timeoutMs, log);
  if (message && 'key' in message) {
    log.info({ source: 'shell' }, 'outboxKey.source');
    // Requests sealed under a file key from a browser-host run cannot be opened with this key.
    if (existsSync(keyFile))
      log.warn({ path: keyFile, source: 'shell' }, 'outboxKey.fileKeyIgnored');
    return new StaticKeyProvider(Buffer.from(message.key, 'base64'));
  }
  const reason = message ? message.error.code : 'noKeyFromShell';
  const detail = message
    ? message.error.message
    : `no valid key message from the Electron shell within ${timeoutMs} ms`;
  const text =
    `the Electron shell has no outbox key (${reason}): ${detail}. Requests with personal data ` +
    'are refused until this is fixed and the kiosk restarted';
  log.error(
    { source: 'shell', reason, action: 'configuration', detail: text },
    'outboxKey.unavailable',
  );
  return new RefusingKeyProvider(reason, text);
}

// The first valid outboxKey message, or undefined after `timeoutMs`. The listener is removed
// either way, so a late or second message cannot swap the key under a running outbox.
function shellKeyMessage(
  port: ParentPortLike,
  timeoutMs: number,
  log: KeySourceLog,
): Promise<ShellKeyMessage | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => settle(undefined), timeoutMs);
    let settled = false;
    const settle = (message: ShellKeyMessage | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      port.off('message', onMessage);
      resolve(message);
    };
    const onMessage = (event: unknown) => {
      try {
        const data: unknown =
          typeof event === 'object' && event !== null ? (event as { data?: unknown }).data : event;
        const parsed = ShellKeyMessage.safeParse(data);
        if (parsed.success) return settle(parsed.data);
        // Never log the data itself: it may hold (a mangled) key.
        log.warn({ issues: describeIssues(data, parsed.error) }, 'outboxKey.messageIgnored');
      } catch (error) {
        log.warn({ error: (error as Error).name }, 'outboxKey.messageIgnored');
      }
    };
    port.on('message', onMessage);
  });
}

function describeIssues(data: unknown, error: z.ZodError): string[] {
  const type = (data as { type?: unknown } | null | undefined)?.type;
  if (type !== 'outboxKey') return [`not an outboxKey message (${typeof data})`];
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.code} at ${issue.path.join('.') || '(root)'}`);
}
