import type {
  ConnectionState,
  DeviceStatus,
  DeviceStatusDelta,
  ErrorAction,
  KioskState,
  MaskedIdentity,
  ServiceAvailability,
  UiTimeouts,
} from '../../contract/index.js';
import type { Catalogue } from '../../contract/platform-api.js';
import { DEFAULT_LANGUAGE, type Language } from './i18n/index.js';
import type { ApplicationFlow } from './application/application-flow.js';
import type { ProofFlow } from './proof/proof-flow.js';

/** Which screen is showing. */
export type Screen = 'home' | 'greeting';

/** What the core says about this kiosk (no person in it). */
export interface KioskInfo {
  readonly kioskId: string;
  readonly services: readonly ServiceAvailability[];
  readonly devices: readonly DeviceStatus[];
  readonly uiTimeouts: UiTimeouts;
  /** The platform's catalogue (home notice, service texts, matters), once the core has one. */
  readonly catalogue: Catalogue | undefined;
}

/** A card that could not be read; `seq` tells one failure from the next. */
export interface ReadFailure {
  readonly errorCode: string;
  readonly action: ErrorAction;
  readonly seq: number;
}

/** Everything the renderer knows; replaced, never mutated, on each change. */
export interface KioskSnapshot {
  readonly connection: ConnectionState;
  readonly kiosk: KioskInfo | undefined;
  /** The person at the kiosk, masked; set only while a session is active. */
  readonly identity: MaskedIdentity | undefined;
  readonly readFailure: ReadFailure | undefined;
  /** Whatever the person typed into a form, by field. */
  readonly drafts: Readonly<Record<string, string>>;
  readonly screen: Screen;
  readonly language: Language;
  /** The "print a proof" flow while the citizen is in it (its previews show personal data). */
  readonly proof: ProofFlow | undefined;
  /** The "scan documents" flow while the citizen is in it (its page previews show documents). */
  readonly application: ApplicationFlow | undefined;
}

/** Nothing about any person: where every session ends. */
const NOBODY = {
  identity: undefined,
  readFailure: undefined,
  drafts: {},
  screen: 'home',
  language: DEFAULT_LANGUAGE,
  proof: undefined,
  application: undefined,
} as const satisfies Partial<KioskSnapshot>;

/** The renderer's state and the only ways to change it. */
export type KioskStore = ReturnType<typeof createKioskStore>;

/** Creates an empty store (one per App; tests make their own). */
export function createKioskStore() {
  let state: KioskSnapshot = { connection: 'closed', kiosk: undefined, ...NOBODY };
  let failureSeq = 0;
  const listeners = new Set<() => void>();
  const set = (patch: Partial<KioskSnapshot>): void => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  const updateKiosk = (patch: Partial<KioskInfo>): void => {
    if (state.kiosk) set({ kiosk: { ...state.kiosk, ...patch } });
  };

  const store = {
    /** For useSyncExternalStore. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The current snapshot. */
    getSnapshot: (): KioskSnapshot => state,
    /** Records the connection to the core. */
    setConnection(connection: ConnectionState): void {
      if (connection !== state.connection) set({ connection });
    },
    /** Takes a full Kiosk.GetState answer, including the session (so a reload loses nothing). */
    applyKioskState(k: KioskState): void {
      const { kioskId, services, devices, uiTimeouts, session } = k;
      const catalogue = newerCatalogue(k.catalogue, state.kiosk?.catalogue);
      set({ kiosk: { kioskId, services, devices, uiTimeouts, catalogue } });
      if (!session.active || !session.identity) {
        if (state.identity) store.clearPerson();
      } else if (!sameIdentity(session.identity, state.identity)) {
        store.startSession(session.identity);
      }
      // Same person after a reconnect: the session went on in the core, so does the screen.
    },
    /** Replaces the service availability list. */
    setServices(services: readonly ServiceAvailability[]): void {
      updateKiosk({ services });
    },
    /** Takes the catalogue of a Kiosk.CatalogueChanged (an older version than the one held is dropped). */
    setCatalogue(catalogue: Catalogue): void {
      updateKiosk({ catalogue: newerCatalogue(catalogue, state.kiosk?.catalogue) });
    },
    /** Applies one device's status delta. */
    applyDeviceDelta(delta: DeviceStatusDelta): void {
      const devices = state.kiosk?.devices.map((d) =>
        d.id === delta.id ? applyDelta(d, delta) : d,
      );
      if (devices) updateKiosk({ devices });
    },
    /** A card was read: greet its holder. */
    startSession(identity: MaskedIdentity): void {
      set({
        identity,
        readFailure: undefined,
        screen: 'greeting',
        proof: undefined,
        application: undefined,
      });
    },
    /** Shows a read-failure notice. */
    showReadFailure(errorCode: string, action: ErrorAction): void {
      set({ readFailure: { errorCode, action, seq: ++failureSeq } });
    },
    /** Hides the read-failure notice `seq` (a newer one stays). */
    dismissReadFailure(seq: number): void {
      if (state.readFailure?.seq === seq) set({ readFailure: undefined });
    },
    /** Switches the language; a session, if any, goes on. */
    setLanguage(language: Language): void {
      set({ language });
    },
    /** Records what the person typed into `field`. */
    setDraft(field: string, value: string): void {
      set({ drafts: { ...state.drafts, [field]: value } });
    },
    /** Enters, moves through or (undefined) leaves the "print a proof" flow. */
    setProofFlow(proof: ProofFlow | undefined): void {
      set({ proof });
    },
    /** Enters, moves through or (undefined) leaves the "scan documents" flow. */
    setApplicationFlow(application: ApplicationFlow | undefined): void {
      set({ application });
    },
    /**
     * Drops every trace of the person: identity, read failures, typed input, the proof and
     * application flows (their page previews show the person's data and documents), and the
     * language they chose (the next citizen starts in the default one). Back to the home screen.
     */
    clearPerson(): void {
      set(NOBODY);
    },
  };
  return store;
}

/**
 * The catalogue to keep: the higher version of the two. A Kiosk.GetState answer without one keeps
 * the one held, and one computed before a Kiosk.CatalogueChanged cannot bring an older one back.
 */
function newerCatalogue(
  offered: Catalogue | undefined,
  held: Catalogue | undefined,
): Catalogue | undefined {
  if (!offered) return held;
  if (!held) return offered;
  return offered.version >= held.version ? offered : held;
}

/** True when `b` is the person `a` (masked identities are all the renderer ever sees). */
function sameIdentity(a: MaskedIdentity, b: MaskedIdentity | undefined): boolean {
  return (
    b !== undefined &&
    a.cardType === b.cardType &&
    a.maskedName === b.maskedName &&
    a.maskedIdNumber === b.maskedIdNumber
  );
}

/** A device's status after a delta; `reason: null` removes the reason. */
function applyDelta(device: DeviceStatus, delta: DeviceStatusDelta): DeviceStatus {
  const { reason, ...changes } = delta.changes;
  const next: DeviceStatus = { ...device, ...changes };
  if (reason === null) delete next.reason;
  else if (reason !== undefined) next.reason = reason;
  return next;
}
