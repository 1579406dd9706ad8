import type {
  CommandName,
  CommandPayload,
  CommandResult,
  CompletionCode,
  ConnectionState,
  ErrorAction,
  ExecuteOptions,
  KioskState,
  UnsolicitedName,
  UnsolicitedPayload,
} from '../../../contract/index.js';
import type { KioskClientLike } from '../sync.js';

/** A kiosk state with every service available, no session, and short timeouts. */
export function kioskState(overrides: Partial<KioskState> = {}): KioskState {
  return {
    kioskId: 'FS-CHANCHENG-A',
    services: [
      { service: 'printProof', available: true },
      { service: 'collectIdCard', available: true },
      { service: 'scanDocuments', available: true },
    ],
    devices: [{ id: 'idCardReader', deviceClass: 'idCardReader', state: 'online' }],
    session: { active: false },
    uiTimeouts: { idleMs: 60_000, countdownMs: 10_000 },
    ...overrides,
  };
}

/** A successful completion with `payload` (its type says which command it answers). */
export function succeeded<P>(payload: P): {
  kind: 'completed';
  completionCode: 'success';
  payload: P;
} {
  return { kind: 'completed', completionCode: 'success', payload };
}

/** A failed completion carrying `{ errorCode, action }`, as the core's handlers send them. */
export function failed(
  completionCode: Exclude<CompletionCode, 'success'>,
  errorCode?: string,
  action: ErrorAction = 'clear',
): { kind: 'completed'; completionCode: typeof completionCode; payload: Record<string, unknown> } {
  const payload = errorCode === undefined ? {} : { errorCode, action };
  return { kind: 'completed', completionCode, payload };
}

/** A command the test answers by hand: events first if it likes, then the completion. */
export interface HeldCommand<N extends CommandName = CommandName> {
  /** The command's name. */
  readonly name: N;
  /** What the renderer sent. */
  readonly payload: CommandPayload<N>;
  /** True once completed (by the test, a cancel or a lost connection). */
  readonly settled: boolean;
  /** Sends one of this command's events to the renderer (ExecuteOptions.onEvent). */
  emit(event: string, payload: Record<string, unknown>): void;
  /** Completes the command. */
  complete(result: CommandResult<N>): void;
}

/** How the fake answers a command: a result at once, or undefined to hold it for the test. */
export type Answer<N extends CommandName> = (
  command: HeldCommand<N>,
) => CommandResult<N> | undefined;

/** A KioskClient stand-in: tests set its state and answers, emit events and read what was sent. */
export class FakeClient implements KioskClientLike {
  connection: ConnectionState = 'open';
  state: KioskState = kioskState();
  readonly sent: { name: CommandName; payload: unknown; options?: ExecuteOptions }[] = [];
  private readonly answers = new Map<CommandName, Answer<never>>();
  private readonly inFlight: HeldCommand[] = [];
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private readonly listeners = new Map<string, Set<(payload: never) => void>>();

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  on<N extends UnsolicitedName>(name: N, fn: (payload: UnsolicitedPayload<N>) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    this.listeners.set(name, set);
    const entry = fn as (payload: never) => void;
    set.add(entry);
    return () => set.delete(entry);
  }

  execute<N extends CommandName>(
    name: N,
    payload: CommandPayload<N>,
    options?: ExecuteOptions,
  ): Promise<CommandResult<N>> {
    this.sent.push({ name, payload, ...(options ? { options } : {}) });
    if (this.connection !== 'open') {
      return Promise.resolve({ kind: 'lost', reason: 'disconnected' });
    }
    // Like the core: Common.Cancel without ids cancels every request of the connection.
    if (name === 'Common.Cancel')
      this.settleAll({ kind: 'completed', completionCode: 'canceled', payload: {} });
    return new Promise((resolve) => {
      let settled = false;
      const command: HeldCommand<N> = {
        name,
        payload,
        get settled() {
          return settled;
        },
        emit: (event, eventPayload) => {
          if (!settled) options?.onEvent?.(event, eventPayload);
        },
        complete: (result) => {
          if (settled) return;
          settled = true;
          this.inFlight.splice(this.inFlight.indexOf(command as HeldCommand), 1);
          resolve(result);
        },
      };
      this.inFlight.push(command as HeldCommand);
      const result = this.answerOf(name)(command);
      if (result) command.complete(result);
    });
  }

  /** Answers every later `name` with `answer` (a fixed result, or a function of the command). */
  answer<N extends CommandName>(name: N, answer: Answer<N> | CommandResult<N>): void {
    const fn: Answer<N> = typeof answer === 'function' ? answer : () => answer;
    this.answers.set(name, fn as Answer<never>);
  }

  /** Holds every later `name` until the test completes it (see held()). */
  hold(name: CommandName): void {
    this.answer(name, () => undefined);
  }

  /** The oldest command `name` still in flight. */
  held<N extends CommandName>(name: N): HeldCommand<N> {
    const command = this.inFlight.find((c) => c.name === name);
    if (!command) throw new Error(`no ${name} in flight`);
    return command as HeldCommand<N>;
  }

  /** Sends an unsolicited event to the subscribers. */
  emit<N extends UnsolicitedName>(name: N, payload: UnsolicitedPayload<N>): void {
    for (const fn of this.listeners.get(name) ?? []) fn(payload as never);
  }

  /** Changes the connection state and tells the subscribers; leaving "open" loses what is in flight. */
  setConnection(state: ConnectionState): void {
    this.connection = state;
    if (state !== 'open') this.settleAll({ kind: 'lost', reason: 'disconnected' });
    for (const fn of this.connectionListeners) fn(state);
  }

  /** Names of the commands sent, in order. */
  sentNames(): string[] {
    return this.sent.map((c) => c.name);
  }

  private answerOf<N extends CommandName>(name: N): Answer<N> {
    const given = this.answers.get(name);
    if (given) return given as Answer<N>;
    if (name === 'Kiosk.GetState') return () => succeeded(structuredClone(this.state) as never);
    return () => succeeded({} as never);
  }

  private settleAll(result: CommandResult<CommandName>): void {
    for (const command of [...this.inFlight]) command.complete(result as never);
  }
}
