import { describe, expect, it } from 'vitest';
import { jobOutcome, mapPrinterStatus } from './cups-status-map.js';
import type { JobInfo } from './ipp-records.js';
import { codeOfKeyword, parseReason } from './printer-reasons.js';

const IDLE = 3;
const PROCESSING = 4;
const STOPPED = 5;

/** printer-state, printer-state-reasons → state, reason code, paper, cover, action. */
const PRINTER_CASES: [number, string[], string, string | undefined, string, string, string?][] = [
  [IDLE, [], 'online', undefined, 'full', 'closed'],
  [PROCESSING, [], 'online', undefined, 'full', 'closed'],
  [PROCESSING, ['connecting-to-device'], 'busy', undefined, 'full', 'closed'],
  [IDLE, ['media-empty-error'], 'hardwareError', 'paperOut', 'out', 'closed', 'clear'],
  [IDLE, ['media-empty'], 'hardwareError', 'paperOut', 'out', 'closed', 'clear'],
  [IDLE, ['media-needed-error'], 'hardwareError', 'paperOut', 'out', 'closed', 'clear'],
  [IDLE, ['media-empty-warning'], 'online', undefined, 'low', 'closed'],
  [IDLE, ['media-low-warning'], 'online', undefined, 'low', 'closed'],
  [IDLE, ['media-low-report'], 'online', undefined, 'full', 'closed'],
  [STOPPED, ['media-jam-error'], 'hardwareError', 'paperJam', 'jammed', 'closed', 'clear'],
  [IDLE, ['door-open-error'], 'userError', 'coverOpen', 'full', 'open', 'clear'],
  [IDLE, ['cover-open'], 'userError', 'coverOpen', 'full', 'open', 'clear'],
  [IDLE, ['interlock-open-error'], 'userError', 'coverOpen', 'full', 'open', 'clear'],
  [IDLE, ['offline-report'], 'offline', 'printerOffline', 'full', 'closed', 'reset'],
  [IDLE, ['offline-error'], 'offline', 'printerOffline', 'full', 'closed', 'reset'],
  [IDLE, ['toner-empty-error'], 'hardwareError', 'tonerEmpty', 'full', 'closed', 'clear'],
  [IDLE, ['marker-supply-empty-error'], 'hardwareError', 'tonerEmpty', 'full', 'closed', 'clear'],
  [IDLE, ['toner-low-warning'], 'online', undefined, 'full', 'closed'],
  [STOPPED, ['paused'], 'offline', 'queuePaused', 'full', 'closed', 'maintenance'],
  [IDLE, ['shutdown'], 'offline', 'printerShutdown', 'full', 'closed', 'maintenance'],
  [IDLE, ['spool-area-full'], 'hardwareError', 'spoolFull', 'full', 'closed', 'maintenance'],
  [
    IDLE,
    ['fuser-over-temp-error'],
    'hardwareError',
    'fuserOverTemp',
    'full',
    'closed',
    'maintenance',
  ],
  [IDLE, ['fuser-over-temp-warning'], 'online', undefined, 'full', 'closed'],
  [IDLE, ['cups-missing-filter-warning'], 'online', undefined, 'full', 'closed'],
  [
    IDLE,
    ['cups-missing-filter-error'],
    'hardwareError',
    'missingFilter',
    'full',
    'closed',
    'configuration',
  ],
  [STOPPED, [], 'offline', 'printerStopped', 'full', 'closed', 'maintenance'],
  // Most specific first: a paused queue with an open door and no paper shows the pause.
  [
    STOPPED,
    ['media-empty-error', 'door-open-error', 'paused'],
    'offline',
    'queuePaused',
    'out',
    'open',
    'maintenance',
  ],
  [
    IDLE,
    ['media-empty-error', 'media-jam-error'],
    'hardwareError',
    'paperJam',
    'jammed',
    'closed',
    'clear',
  ],
  [
    IDLE,
    ['media-empty-error', 'door-open-error'],
    'userError',
    'coverOpen',
    'out',
    'open',
    'clear',
  ],
  [
    PROCESSING,
    ['offline-report', 'connecting-to-device'],
    'offline',
    'printerOffline',
    'full',
    'closed',
    'reset',
  ],
];

describe('mapPrinterStatus', () => {
  it.each(PRINTER_CASES)(
    'printer-state %i with %j → %s %s (paper %s, cover %s, action %s)',
    (state, reasons, deviceState, code, paper, cover, action) => {
      const view = mapPrinterStatus({ state, reasons, accepting: true });
      expect(view.state).toBe(deviceState);
      expect(view.problem?.code).toBe(code);
      expect(view.problem?.action).toBe(action);
      expect(view.paper).toBe(paper);
      expect(view.cover).toBe(cover);
    },
  );

  it('raises low conditions as notices while the printer stays online', () => {
    const view = mapPrinterStatus({
      state: IDLE,
      reasons: ['media-low-warning', 'toner-low-warning', 'marker-supply-low-warning'],
      accepting: true,
    });
    expect(view.state).toBe('online');
    expect(view.notices.map((n) => [n.code, n.action])).toEqual([
      ['paperLow', 'clear'],
      ['tonerLow', 'clear'],
    ]);
  });

  it('reads an unreachable printer from the backend message while a job runs', () => {
    const message = 'The printer may not exist or is unavailable at this time.';
    const running = mapPrinterStatus({ state: PROCESSING, reasons: [], accepting: true, message });
    expect(running.problem).toMatchObject({ code: 'printerUnreachable', action: 'maintenance' });
    expect(running.state).toBe('offline');
    // An idle queue keeps the last message; it is stale then.
    expect(mapPrinterStatus({ state: IDLE, reasons: [], accepting: true, message }).state).toBe(
      'online',
    );
  });

  it('reports a queue that rejects jobs', () => {
    const view = mapPrinterStatus({ state: IDLE, reasons: [], accepting: false });
    expect(view.problem).toMatchObject({ code: 'notAcceptingJobs', state: 'offline' });
  });
});

describe('printer-state-reasons keywords', () => {
  it.each([
    ['media-empty-error', 'media-empty', 'error'],
    ['media-low-warning', 'media-low', 'warning'],
    ['offline-report', 'offline', 'report'],
    ['paused', 'paused', 'error'],
    ['com.example.tray-error', 'com.example.tray', 'error'],
  ])('%s → base %s, severity %s', (keyword, base, severity) => {
    expect(parseReason(keyword)).toEqual({ base, severity });
  });

  it('makes short camelCase codes of unknown keywords', () => {
    expect(codeOfKeyword('fuser-over-temp')).toBe('fuserOverTemp');
    expect(codeOfKeyword('com.vendor.Print_thing')).toBe('comVendorPrintThing');
    expect(codeOfKeyword('---')).toBe('printerError');
    expect(codeOfKeyword('x'.repeat(100))).toHaveLength(64);
  });
});

const job = (state: number, reasons: string[] = [], extra: Partial<JobInfo> = {}): JobInfo => ({
  jobId: 7,
  state,
  reasons,
  ...extra,
});

describe('jobOutcome', () => {
  it.each([
    [
      job(9, ['processing-to-stop-point'], { impressionsCompleted: 2 }),
      { kind: 'completed', pages: 2 },
    ],
    [job(9, ['job-completed-successfully']), { kind: 'completed' }],
    [job(7, ['job-canceled-by-user']), { kind: 'canceled', reasons: ['job-canceled-by-user'] }],
    [job(3), { kind: 'pending', phase: 'queued' }],
    [job(5, ['job-printing']), { kind: 'pending', phase: 'printing' }],
    [
      job(4, ['job-hold-until-specified']),
      { kind: 'pending', phase: 'stalled', stalledBy: 'job-hold-until-specified' },
    ],
    [
      job(6, ['printer-stopped']),
      { kind: 'pending', phase: 'stalled', stalledBy: 'printer-stopped' },
    ],
  ])('%j → %j', (info, expected) => {
    expect(jobOutcome(info)).toMatchObject(expected);
  });

  it('fails an aborted job with its job-state-reason as the error code', () => {
    const outcome = jobOutcome(
      job(8, ['job-completed-with-errors', 'aborted-by-system'], { message: 'filter failed' }),
    );
    expect(outcome).toMatchObject({
      kind: 'failed',
      failure: { code: 'aborted-by-system', kind: 'hardware', action: 'maintenance' },
    });
    expect(outcome.kind === 'failed' && outcome.failure.description).toContain('filter failed');
    const bad = jobOutcome(job(8, ['document-format-error']));
    expect(bad).toMatchObject({
      failure: { code: 'document-format-error', action: 'softwareError' },
    });
    expect(jobOutcome(job(8))).toMatchObject({ failure: { code: 'aborted-by-system' } });
  });

  it('keeps a job waiting behind a stopped printer pending, naming the printer problem', () => {
    const paused = mapPrinterStatus({ state: STOPPED, reasons: ['paused'], accepting: true });
    expect(jobOutcome(job(3), paused)).toEqual({
      kind: 'pending',
      phase: 'stalled',
      stalledBy: 'queuePaused',
      reasons: [],
    });
    const noPaper = mapPrinterStatus({
      state: PROCESSING,
      reasons: ['media-empty-error'],
      accepting: true,
    });
    expect(jobOutcome(job(5, ['job-printing']), noPaper)).toMatchObject({
      phase: 'stalled',
      stalledBy: 'paperOut',
    });
  });
});
