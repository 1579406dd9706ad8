import {
  commands,
  type CommandName,
  type CommandPayload,
  type CompletionCode,
  type CompletionPayload,
} from '../contract/index.js';

/** What a handler gets for one command. */
export interface CommandContext<N extends CommandName> {
  /** The validated payload. */
  payload: CommandPayload<N>;
  /** Aborted on cancel, timeout or disconnect. */
  signal: AbortSignal;
  /** Sends an event tied to this command (e.g. "present finger"). */
  emit: (name: string, payload: Record<string, unknown>) => void;
}

/** What a handler returns: expected failures are values, not exceptions. */
export type HandlerOutcome<N extends CommandName> =
  | { completionCode: 'success'; payload: CompletionPayload<N> }
  | {
      completionCode: Exclude<CompletionCode, 'success'>;
      errorDescription: string;
      payload?: Record<string, unknown>;
    };

/** Commands the connection answers itself rather than a handler. */
export type BuiltInCommand = 'Common.Cancel';

/** One handler per command of the contract. */
export type CommandHandlers = {
  [N in Exclude<CommandName, BuiltInCommand>]: (
    ctx: CommandContext<N>,
  ) => Promise<HandlerOutcome<N>>;
};

/** A handler for a command this core instance does not offer (tests, benches). */
export async function notOffered(): Promise<{
  completionCode: 'unsupportedCommand';
  errorDescription: string;
}> {
  return { completionCode: 'unsupportedCommand', errorDescription: 'not offered here' };
}

/** Handlers for a core that offers only some commands (tests, benches); the rest are notOffered. */
export function offeredHandlers(offered: Partial<CommandHandlers>): CommandHandlers {
  const all: Record<string, unknown> = {};
  for (const name of Object.keys(commands)) {
    if (name !== 'Common.Cancel') all[name] = notOffered;
  }
  return { ...(all as CommandHandlers), ...offered };
}
