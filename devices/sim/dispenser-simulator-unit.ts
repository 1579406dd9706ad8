import type { CardPosition, StackerState } from '../../contract/index.js';
import { CRT_COMMANDS } from '../dispenser/crt-commands.js';
import type { CrtCommandName } from '../dispenser/crt-commands.js';
import { encodeCrtStatus } from '../dispenser/crt-replies.js';
import type { CrtStatusBytes } from '../dispenser/crt-replies.js';

/** Where the simulated card is: at a position inside, or none in the channel. */
export type SimCardPosition = 'none' | 'gate' | 'rf' | 'ic';

/** Limits of the simulated mechanics. */
export interface SimUnitLimits {
  /** At or below this many cards the stacker reads low. */
  readonly stackerLowAt: number;
  /** Bin level reported as high (the wire has no "high" bit). */
  readonly binHighAt: number;
  /** At this many cards the bin reads full. */
  readonly binFullAt: number;
}

/** Conditions forced by faults. */
export interface SimUnitFaults {
  /** Every command answers 10 (jam). */
  readonly jam: boolean;
  /** The stacker reads empty. */
  readonly stackerEmpty: boolean;
  /** The stacker reads low. */
  readonly stackerLow: boolean;
  /** The bin reads full. */
  readonly binFull: boolean;
}

/** What a command did: done, or the unit's e1 e0 error code. */
export type SimAnswer = { ok: true } | { ok: false; code: string };

/**
 * The mechanics of a simulated CRT-591, without the wire: a stacker, a channel with one card at
 * a time, a gate and a capture bin. Moves issue a card from the stacker when the channel is empty.
 */
export class SimDispenserUnit {
  /** Cards left in the stacker. */
  cards: number;
  /** Cards in the capture bin. */
  binCount: number;
  /** Where the card in the channel is. */
  position: SimCardPosition = 'none';
  /** The unit refuses moves (B0) until initialised (after a jam). */
  needsInit = false;
  /** Cards taken from the gate. */
  taken = 0;

  constructor(
    cards: number,
    binCount: number,
    private readonly limits: SimUnitLimits,
  ) {
    this.cards = cards;
    this.binCount = binCount;
  }

  /** The bin has reached its high mark. */
  get binHigh(): boolean {
    return this.binCount >= this.limits.binHighAt;
  }

  /** Executes a command; `name` undefined = unknown CM PM. */
  execute(name: CrtCommandName | undefined, faults: SimUnitFaults): SimAnswer {
    if (faults.jam) return { ok: false, code: '10' };
    if (name === undefined) return { ok: false, code: '00' };
    const [cm] = CRT_COMMANDS[name];
    if (cm === 0x30) return this.init(name, faults);
    if (cm === 0x31) return { ok: true };
    if (this.needsInit) return { ok: false, code: 'B0' };
    switch (name) {
      case 'moveToGate':
      case 'eject':
        return this.moveTo('gate', faults);
      case 'moveToRf':
        return this.moveTo('rf', faults);
      case 'moveToIc':
        return this.moveTo('ic', faults);
      case 'capture':
        return this.capture(faults);
      default:
        return { ok: false, code: '03' };
    }
  }

  /** The citizen takes the card at the gate; false when none is there. */
  take(): boolean {
    if (this.position !== 'gate') return false;
    this.position = 'none';
    this.taken++;
    return true;
  }

  /** The status bytes st0 st1 st2 now. */
  statusBytes(faults: SimUnitFaults, st2Inverted: boolean): CrtStatusBytes {
    const positions: Record<SimCardPosition, CardPosition> = {
      none: 'none',
      gate: 'gate',
      rf: 'ready',
      ic: 'ready',
    };
    const status = {
      cardPosition: positions[this.position],
      stacker: this.stacker(faults),
      captureBinFull: this.binFull(faults),
    };
    return encodeCrtStatus(status, { st2Inverted });
  }

  private init(name: CrtCommandName, faults: SimUnitFaults): SimAnswer {
    this.needsInit = false;
    if (this.position === 'none') return { ok: true };
    if (name.startsWith('initCapture')) return this.capture(faults);
    if (name.startsWith('initToGate')) this.position = 'gate';
    return { ok: true };
  }

  private moveTo(position: Exclude<SimCardPosition, 'none'>, faults: SimUnitFaults): SimAnswer {
    if (this.position === 'none') {
      if (this.stacker(faults) === 'empty') return { ok: false, code: 'A0' };
      this.cards--;
    }
    this.position = position;
    return { ok: true };
  }

  private capture(faults: SimUnitFaults): SimAnswer {
    if (this.position === 'none') return { ok: true };
    if (this.binFull(faults)) return { ok: false, code: 'A1' };
    this.position = 'none';
    this.binCount++;
    return { ok: true };
  }

  private stacker(faults: SimUnitFaults): StackerState {
    if (faults.stackerEmpty || this.cards <= 0) return 'empty';
    if (faults.stackerLow || this.cards <= this.limits.stackerLowAt) return 'low';
    return 'ok';
  }

  private binFull(faults: SimUnitFaults): boolean {
    return faults.binFull || this.binCount >= this.limits.binFullAt;
  }
}
