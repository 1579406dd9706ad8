import type {
  CoverState,
  DeviceState,
  ErrorAction,
  ErrorKind,
  PaperState,
} from '../../contract/index.js';

/** How serious a printer-state-reasons keyword is, from its suffix (RFC 8011 §5.4.12). */
export type ReasonSeverity = 'error' | 'warning' | 'report';

/** A keyword split into its base and severity. No suffix means error, as the RFC says. */
export function parseReason(keyword: string): { base: string; severity: ReasonSeverity } {
  const match = /^(.*)-(error|warning|report)$/.exec(keyword);
  if (match === null) return { base: keyword, severity: 'error' };
  return { base: match[1] ?? keyword, severity: match[2] as ReasonSeverity };
}

/** What one reason means for the kiosk. */
export interface ReasonRule {
  /** Our code (status reason, error code, notice code). */
  readonly code: string;
  /** The device state while it is an error; undefined = a notice only (the device still works). */
  readonly state?: DeviceState;
  /** Whose fault it is. */
  readonly kind: ErrorKind;
  /** What a person must do. */
  readonly action: ErrorAction;
  /** Paper field while it holds. */
  readonly paper?: PaperState;
  /** Cover field while it holds. */
  readonly cover?: CoverState;
  /** Technician text. */
  readonly description: string;
  /** Lower wins when several errors hold at once. */
  readonly priority: number;
}

const rule = (
  code: string,
  priority: number,
  state: DeviceState | undefined,
  kind: ErrorKind,
  action: ErrorAction,
  description: string,
  fields: { paper?: PaperState; cover?: CoverState } = {},
): ReasonRule => ({ code, priority, state, kind, action, description, ...fields });

const paperOut = rule('paperOut', 50, 'hardwareError', 'hardware', 'clear', 'paper tray empty', {
  paper: 'out',
});
const coverOpen = rule('coverOpen', 30, 'userError', 'user', 'clear', 'a door or cover is open', {
  cover: 'open',
});
const tonerEmpty = rule('tonerEmpty', 60, 'hardwareError', 'hardware', 'clear', 'toner empty');
const tonerLow = rule('tonerLow', 0, undefined, 'hardware', 'clear', 'toner low: replace soon');
const queuePaused = rule(
  'queuePaused',
  20,
  'offline',
  'software',
  'maintenance',
  'the CUPS queue is stopped (cupsdisable / an earlier error): cupsenable it',
);

/*
 * Base keyword → rule. Mirrors the receipt printer: paper out and jams stop printing and staff
 * fix them (clear); an open cover is a person's doing (userError); "low" conditions are notices
 * that fire before "out", while the printer still works. Printing itself (printer-state
 * processing) is not a fault: CUPS queues jobs, so the device stays online.
 */
const RULES: Readonly<Record<string, ReasonRule>> = {
  shutdown: rule('printerShutdown', 10, 'offline', 'hardware', 'maintenance', 'printer shut down'),
  offline: rule('printerOffline', 11, 'offline', 'hardware', 'reset', 'printer reports offline'),
  'timed-out': rule('printerTimedOut', 12, 'offline', 'hardware', 'maintenance', 'no answer'),
  paused: queuePaused,
  'moving-to-paused': queuePaused,
  stopping: queuePaused,
  'door-open': coverOpen,
  'cover-open': coverOpen,
  'interlock-open': coverOpen,
  'media-jam': rule('paperJam', 40, 'hardwareError', 'hardware', 'clear', 'paper jam', {
    paper: 'jammed',
  }),
  'media-empty': paperOut,
  'media-needed': paperOut,
  'media-low': rule('paperLow', 0, undefined, 'hardware', 'clear', 'paper low: refill soon', {
    paper: 'low',
  }),
  'input-tray-missing': rule('trayMissing', 55, 'hardwareError', 'user', 'clear', 'tray missing'),
  'toner-empty': tonerEmpty,
  'marker-supply-empty': tonerEmpty,
  'toner-low': tonerLow,
  'marker-supply-low': tonerLow,
  'marker-waste-full': rule('wasteFull', 61, 'hardwareError', 'hardware', 'clear', 'waste full'),
  'marker-waste-almost-full': rule('wasteAlmostFull', 0, undefined, 'hardware', 'clear', 'waste'),
  'output-area-full': rule('outputFull', 62, 'hardwareError', 'user', 'clear', 'output tray full'),
  'output-area-almost-full': rule('outputAlmostFull', 0, undefined, 'user', 'clear', 'output'),
  'spool-area-full': rule('spoolFull', 70, 'hardwareError', 'software', 'maintenance', 'spool'),
  'cups-missing-filter': rule(
    'missingFilter',
    71,
    'hardwareError',
    'software',
    'configuration',
    'CUPS lacks a filter for this queue (driver not installed)',
  ),
  'cups-insecure-filter': rule(
    'insecureFilter',
    72,
    'hardwareError',
    'software',
    'configuration',
    'CUPS refuses a filter with unsafe permissions',
  ),
};

/** Keywords that describe activity, not a fault, whatever their suffix. */
const ACTIVITY = new Set([
  'connecting-to-device',
  'cups-waiting-for-job-completed',
  'processing-to-stop-point',
  'cups-remote-pending',
  'cups-remote-pending-held',
]);

/** Turns "fuser-over-temp" or "com.vendor.thing" into a short camelCase code. */
export function codeOfKeyword(base: string): string {
  const words = base.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const code = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  return (code === '' ? 'printerError' : code).slice(0, 64);
}

/**
 * The rule for one printer-state-reasons keyword, or undefined when it means nothing to the
 * kiosk (reports, activity). Unknown errors stop printing (maintenance); unknown warnings are
 * notices. A warning of a known error (media-empty-warning: one tray of several) is a notice.
 */
export function ruleOfReason(keyword: string): ReasonRule | undefined {
  const { base, severity } = parseReason(keyword);
  if (ACTIVITY.has(base) || ACTIVITY.has(keyword)) return undefined;
  const known = RULES[base];
  if (base === 'offline' && severity === 'report') return known; // CUPS backends: offline-report
  if (severity === 'report') return undefined;
  if (known !== undefined) {
    if (severity === 'error' || known.state === undefined) return known;
    const paper = known.paper === 'out' ? 'low' : known.paper;
    return { ...known, state: undefined, paper, priority: 0 };
  }
  const code = codeOfKeyword(base);
  return severity === 'error'
    ? rule(code, 80, 'hardwareError', 'hardware', 'maintenance', `printer reports ${keyword}`)
    : rule(code, 0, undefined, 'hardware', 'maintenance', `printer reports ${keyword}`);
}

/** True for keywords that say the printer is (re)connecting. */
export function isConnecting(keyword: string): boolean {
  return parseReason(keyword).base === 'connecting-to-device';
}
