import type {
  CommandName,
  CommandPayload,
  CommandResult,
  ConnectionState,
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

/** A KioskClient stand-in: tests set its state, emit events and read what was sent. */
export class FakeClient implements KioskClientLike {
  connection: ConnectionState = 'open';
  state: KioskState = kioskState();
  readonly sent: { name: CommandName; payload: unknown }[] = [];
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

  execute<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<CommandResult<N>> {
    this.sent.push({ name, payload });
    if (this.connection !== 'open') {
      return Promise.resolve({ kind: 'lost', reason: 'disconnected' });
    }
    const result = { kind: 'completed', completionCode: 'success', payload: {} };
    if (name === 'Kiosk.GetState') result.payload = structuredClone(this.state);
    return Promise.resolve(result as CommandResult<N>);
  }

  /** Sends an unsolicited event to the subscribers. */
  emit<N extends UnsolicitedName>(name: N, payload: UnsolicitedPayload<N>): void {
    for (const fn of this.listeners.get(name) ?? []) fn(payload as never);
  }

  /** Changes the connection state and tells the subscribers. */
  setConnection(state: ConnectionState): void {
    this.connection = state;
    for (const fn of this.connectionListeners) fn(state);
  }

  /** Names of the commands sent, in order. */
  sentNames(): string[] {
    return this.sent.map((c) => c.name);
  }
}
