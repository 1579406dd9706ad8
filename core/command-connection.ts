import type { WebSocket } from 'ws';
import {
  acknowledge,
  commandEvent,
  commands,
  completion,
  parseCommand,
  type AckRejection,
  type CommandName,
  type ValidCommand,
} from '../contract/index.js';
import type { CommandContext, CommandHandlers, HandlerOutcome } from './command-handlers.js';
import type { Logger } from './log.js';
import { TokenBucket, WindowCounter } from './rate-limit.js';

/** Limits of one connection. */
export interface ConnectionLimits {
  /** Sustained commands per second. */
  messagesPerSecond: number;
  /** Burst size. */
  burst: number;
  /** Rejections within 10 s after which the connection is closed. */
  floodCloseAfter: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
// A client that does not read what we send must not make the core hold unbounded memory.
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
export const CLOSE_POLICY_VIOLATION = 1008;

/**
 * One authenticated client: reads commands, acknowledges each, runs its handler with a timeout and
 * cancel, and sends exactly one completion. Whatever a client sends, the core answers with a typed
 * rejection or closes this connection; it never throws.
 */
export class CommandConnection {
  private readonly bucket: TokenBucket;
  private readonly rejections = new WindowCounter(10_000);
  private readonly inFlight = new Map<number, AbortController>();

  constructor(
    private readonly socket: WebSocket,
    private readonly handlers: CommandHandlers,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.burst, now());
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.abortAll('disconnected'));
    socket.on('error', (error) => this.log.warn({ err: error }, 'ws.connection.error'));
  }

  /** Sends one message if the socket is open and keeping up. */
  send(message: object): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.log.warn('ws.connection.slowConsumer');
      this.socket.close(CLOSE_POLICY_VIOLATION, 'client is not reading');
      return;
    }
    this.socket.send(JSON.stringify(message));
  }

  private receive(data: unknown, isBinary: boolean): void {
    const now = this.now();
    if (!this.bucket.take(now)) {
      this.reject('Unknown.Message', 0, 'tooManyRequests', 'rate limit exceeded');
      return;
    }
    if (isBinary) {
      this.reject('Unknown.Message', 0, 'invalidMessage', 'binary frames are not accepted');
      return;
    }
    const parsed = parseCommand(String(data));
    if (!parsed.ok) {
      this.reject(parsed.name, parsed.requestId, parsed.status, parsed.description);
      return;
    }
    const { command } = parsed;
    if (this.inFlight.has(command.requestId)) {
      this.reject(
        command.name,
        command.requestId,
        'invalidRequestId',
        'requestId is already in flight',
      );
      return;
    }
    this.send(acknowledge(command.name, command.requestId));
    if (command.name === 'Common.Cancel') {
      this.cancel(command as ValidCommand<'Common.Cancel'>);
      return;
    }
    void this.run(command);
  }

  private reject(name: string, requestId: number, status: AckRejection, description: string): void {
    this.log.debug({ name, requestId, status }, 'ws.command.rejected');
    if (this.rejections.hit(this.now()) > this.limits.floodCloseAfter) {
      this.log.warn('ws.connection.flood');
      this.socket.close(CLOSE_POLICY_VIOLATION, 'too many rejected messages');
      return;
    }
    this.send(acknowledge(name, requestId, { status, description }));
  }

  private cancel(command: ValidCommand<'Common.Cancel'>): void {
    const ids = command.payload.requestIds ?? [...this.inFlight.keys()];
    for (const id of ids) this.inFlight.get(id)?.abort('canceled');
    this.send(completion(command.name, command.requestId, 'success'));
  }

  private async run(command: ValidCommand): Promise<void> {
    const { name, requestId } = command;
    const controller = new AbortController();
    this.inFlight.set(requestId, controller);
    const timeoutMs = command.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => controller.abort('timeOut'), timeoutMs);
    const aborted = new Promise<HandlerOutcome<CommandName>>((resolve) =>
      controller.signal.addEventListener('abort', () => {
        const reason = controller.signal.reason === 'timeOut' ? 'timeOut' : 'canceled';
        resolve({
          completionCode: reason,
          errorDescription: `command ${reason === 'timeOut' ? 'timed out' : 'canceled'}`,
        });
      }),
    );
    const context: CommandContext<CommandName> = {
      payload: command.payload,
      signal: controller.signal,
      emit: (event, payload) => {
        if (!controller.signal.aborted) this.send(commandEvent(event, requestId, payload));
      },
    };
    const outcome = await Promise.race([this.invoke(name, context), aborted]);
    clearTimeout(timer);
    this.inFlight.delete(requestId);
    this.send(this.toCompletion(name, requestId, outcome));
  }

  private async invoke(
    name: CommandName,
    context: CommandContext<CommandName>,
  ): Promise<HandlerOutcome<CommandName>> {
    try {
      const handler = this.handlers[name as keyof CommandHandlers] as (
        ctx: CommandContext<CommandName>,
      ) => Promise<HandlerOutcome<CommandName>>;
      return await handler(context);
    } catch (error) {
      this.log.error({ err: error, name }, 'ws.command.handlerFailed');
      return {
        completionCode: 'internalError',
        errorDescription: 'internal error in the kiosk core',
      };
    }
  }

  // The completion is checked against the contract too: a handler bug becomes internalError.
  private toCompletion(
    name: CommandName,
    requestId: number,
    outcome: HandlerOutcome<CommandName>,
  ): object {
    if (outcome.completionCode !== 'success') {
      return completion(
        name,
        requestId,
        outcome.completionCode,
        outcome.payload ?? {},
        outcome.errorDescription,
      );
    }
    const checked = commands[name].completion.safeParse(outcome.payload);
    if (!checked.success) {
      this.log.error({ name, issues: checked.error.issues.length }, 'ws.command.badCompletion');
      return completion(
        name,
        requestId,
        'internalError',
        {},
        'the core produced an invalid result',
      );
    }
    return completion(name, requestId, 'success', checked.data as Record<string, unknown>);
  }

  private abortAll(reason: string): void {
    for (const controller of this.inFlight.values()) controller.abort(reason);
  }
}
