/** Who holds a device (UnifiedPOS claim): the citizen flows or a technician's tool. */
export type DeviceOwner = 'citizenFlow' | 'technician';

/** Lifecycle stage of one device: open → claimed → enabled (and back). */
export type LifecycleStage = 'closed' | 'opened' | 'claimed' | 'enabled';

/** Why a lifecycle step was refused (contract completion codes). */
export type LifecycleRefusal = 'sequenceError' | 'deviceNotReady';

/** A step's outcome. */
export type LifecycleOutcome = { ok: true } | { ok: false; code: LifecycleRefusal; reason: string };

const OK: LifecycleOutcome = { ok: true };

/**
 * The UnifiedPOS lifecycle of one device: open → claim (exclusive use) → enable → use →
 * disable → release → close. A technician's tool can take a device only from a claim by
 * nobody, or by the citizen flows when they are idle (XFS4IoT VendorMode hand-off): the caller
 * says whether the citizen side is idle.
 */
export class DeviceLifecycle {
  private current: LifecycleStage = 'closed';
  private owner: DeviceOwner | undefined;

  /** The current stage. */
  get stage(): LifecycleStage {
    return this.current;
  }

  /** Who holds the claim, if anyone. */
  get claimedBy(): DeviceOwner | undefined {
    return this.owner;
  }

  /** The device was opened. */
  opened(): void {
    if (this.current === 'closed') this.current = 'opened';
  }

  /** The device was closed: every claim ends. */
  closed(): void {
    this.current = 'closed';
    this.owner = undefined;
  }

  /** Takes exclusive use; a technician may take it from idle citizen flows. */
  claim(owner: DeviceOwner, citizenIdle: boolean): LifecycleOutcome {
    if (this.current === 'closed') return refuse('sequenceError', 'device is closed');
    if (this.owner === owner) return OK;
    if (this.owner !== undefined) {
      const handOff = owner === 'technician' && this.owner === 'citizenFlow' && citizenIdle;
      if (!handOff) return refuse('deviceNotReady', `claimed by ${this.owner}`);
    }
    this.owner = owner;
    this.current = 'claimed';
    return OK;
  }

  /** Enables the claimed device for its owner. */
  enable(owner: DeviceOwner): LifecycleOutcome {
    if (this.owner !== owner) return refuse('sequenceError', 'claim the device first');
    this.current = 'enabled';
    return OK;
  }

  /** Disables it (the claim stays). */
  disable(owner: DeviceOwner): LifecycleOutcome {
    if (this.owner !== owner) return refuse('sequenceError', 'not the owner');
    this.current = 'claimed';
    return OK;
  }

  /** Releases the claim. */
  release(owner: DeviceOwner): LifecycleOutcome {
    if (this.owner !== owner) return refuse('sequenceError', 'not the owner');
    this.owner = undefined;
    this.current = 'opened';
    return OK;
  }
}

function refuse(code: LifecycleRefusal, reason: string): LifecycleOutcome {
  return { ok: false, code, reason };
}
