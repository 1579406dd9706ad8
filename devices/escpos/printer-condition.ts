/**
 * What the kiosk makes of a printer's status flags: the paper and cover fields of DeviceStatus,
 * the problem to report (state, reason, action) and the failure a print gets. Pure; builds on
 * escpos-status's exhaustive condition mapping.
 */
import type { CoverState, ErrorKind, PaperState } from '../../contract/index.js';
import type { DeviceFailure } from '../device/device-result.js';
import { conditionMapping, conditionsOf } from './escpos-status.js';
import type { ConditionMapping, EscPosFlags, PrinterCondition } from './escpos-status.js';

/** A condition that stops printing, as a status problem and as a print failure. */
export interface PrinterProblem extends DeviceFailure {
  /** The condition (also the failure code and status reason). */
  readonly code: PrinterCondition;
  /** The device state it puts the printer in. */
  readonly state: ConditionMapping['state'];
}

/** The printer as the UI and the print path see it. */
export interface PrinterView {
  /** Paper field of the status. */
  readonly paper: PaperState;
  /** Cover field of the status. */
  readonly cover: CoverState;
  /** The near-end sensor is dark (paper low, or out). */
  readonly nearEnd: boolean;
  /** The most specific condition that stops printing, if any. */
  readonly problem: PrinterProblem | undefined;
}

const DESCRIPTIONS: Readonly<Record<PrinterCondition, string>> = {
  offline: 'printer reports offline',
  waitingOnlineRecovery: 'printer waits for online recovery',
  coverOpen: 'printer cover is open',
  paperOut: 'paper roll is empty',
  paperNearEnd: 'paper roll near its end',
  feeding: 'paper is being fed by the FEED button',
  cutterError: 'auto-cutter error (paper jammed in the cutter?)',
  mechanicalError: 'recoverable mechanical error',
  unrecoverableError: 'unrecoverable printer error',
  autoRecoverableError: 'auto-recoverable error (e.g. head over-temperature)',
  unspecifiedError: 'printer reports an error',
};

/** Whose fault a condition is: an open cover is a person's doing; the rest is the machine's. */
const kindOf = (condition: PrinterCondition): ErrorKind =>
  condition === 'coverOpen' ? 'user' : 'hardware';

/** Reads flags (from DLE EOT 1–4 or an ASB block) into the view. */
export function interpretFlags(
  flags: Partial<EscPosFlags>,
  paperNearEndSensor: boolean,
): PrinterView {
  let problem: PrinterProblem | undefined;
  for (const condition of conditionsOf(flags)) {
    const { state, action } = conditionMapping(condition);
    if (action === undefined) continue;
    problem = {
      code: condition,
      state,
      kind: kindOf(condition),
      action,
      description: DESCRIPTIONS[condition],
    };
    break;
  }
  const out = flags.paperOut === true || flags.paperEndStop === true;
  const nearEnd = paperNearEndSensor && (flags.paperNearEnd === true || out);
  const paper: PaperState = out ? 'out' : flags.cutterError ? 'jammed' : nearEnd ? 'low' : 'full';
  return { paper, cover: flags.coverOpen ? 'open' : 'closed', nearEnd, problem };
}

/** The failure a print gets for a problem found before (`refused`) or after (`during`) the job. */
export function printFailure(problem: PrinterProblem, when: 'before' | 'during'): DeviceFailure {
  const { code, kind, action, description } = problem;
  const prefix = when === 'before' ? 'not printed' : 'printing failed';
  return { code, kind, action, description: `${prefix}: ${description}` };
}

/** A one-line summary for health reports, e.g. "paper low, cover closed". */
export function describeView(view: PrinterView): string {
  const parts = [`paper ${view.paper}`, `cover ${view.cover}`];
  if (view.problem !== undefined) parts.push(view.problem.description);
  return parts.join(', ');
}
