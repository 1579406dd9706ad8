import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { KioskClient, type DeadLetterSummary } from '../../contract/index.js';
import { CITIZEN_PAYLOAD, testOutbox } from '../../offline-cache/outbox/test-outbox.js';
import { offeredHandlers } from '../command-handlers.js';
import { KioskServer } from '../kiosk-server.js';
import { createLogger } from '../log.js';
import { claimHandlers } from '../sync/claim-handlers.js';
import { deadLetterHandlers } from '../sync/dead-letter-handlers.js';
import { parseSyncArgs, runSync, SYNC_USAGE, type SyncCliIo } from './sync-cli.js';
import { formatDeadLetters } from './sync-format.js';

const KEY = 'FS-CHANCHENG-0042.01J9Z8Y7X6W5V4T3S2R1Q0P9N8';
const NOTE = ['--technician', 'tech-07', '--reason', 'platform fixed the case'];

describe('parseSyncArgs', () => {
  it('reads the status, the listing and both resolutions', () => {
    expect(parseSyncArgs([])).toEqual({ command: 'status' });
    expect(parseSyncArgs(['dead-letters'])).toEqual({ command: 'deadLetters', limit: 100 });
    expect(parseSyncArgs(['dead-letters', '--limit', '500'])).toEqual({
      command: 'deadLetters',
      limit: 500,
    });
    expect(parseSyncArgs(['requeue', KEY, ...NOTE])).toEqual({
      command: 'resolve',
      payload: {
        idempotencyKey: KEY,
        resolution: 'requeue',
        technicianId: 'tech-07',
        reason: 'platform fixed the case',
      },
      yes: false,
    });
    expect(
      parseSyncArgs(['discard', KEY, '--tech', 'tech-07', '--reason', 'dup', '--yes']),
    ).toEqual({
      command: 'resolve',
      payload: {
        idempotencyKey: KEY,
        resolution: 'discard',
        technicianId: 'tech-07',
        reason: 'dup',
      },
      yes: true,
    });
  });

  it('says what is wrong with a command line instead of guessing', () => {
    const usage = (args: string[]) => {
      const parsed = parseSyncArgs(args);
      return 'usage' in parsed ? parsed.usage : 'accepted';
    };
    expect(usage(['dead-letters', '--limit', '0'])).toMatch(/--limit must be/);
    expect(usage(['dead-letters', '--limit', 'all'])).toMatch(/--limit must be/);
    expect(usage(['purge'])).toBe('unknown sync command "purge"');
    expect(usage(['discard'])).toBe(`discard needs the dead letter's key`);
    expect(usage(['requeue', KEY])).toMatch(/^--technician: .*\n--reason: /);
    expect(usage(['requeue', KEY, '--technician', 'x', '--reason', 'ok ok'])).toMatch(
      /^--technician/,
    );
    // A truncated or mistyped key is refused before the core is asked.
    expect(usage(['discard', KEY.slice(0, -1), ...NOTE])).toMatch(/^key: not a dead letter key/);
    expect(usage(['discard', KEY, '--technician', 'tech-07', '--reason', 'not', 'quoted'])).toMatch(
      /unexpected "quoted"/,
    );
    expect(usage(['requeue', KEY, ...NOTE, '--force'])).toMatch(/--force/);
  });
});

describe('formatDeadLetters', () => {
  const letter: DeadLetterSummary = {
    idempotencyKey: KEY,
    kind: 'documentApplication',
    claimCode: '7K3M9Q2X',
    createdAt: '2026-03-02T09:15:00.000Z',
    deadLetteredAt: '2026-03-02T09:16:04.000Z',
    errorCode: 'matterClosed',
    message: 'matter residence-permit is closed',
    attempts: 3,
    orderingKey: 'CASE-7',
    sequence: 2,
    holding: 1,
  };
  const { message: _message, ...silent } = letter;

  it('prints a table with the claim code as on the ticket and the platform message below', () => {
    expect(formatDeadLetters([letter, silent], 2)).toEqual([
      expect.stringMatching(/^KEY +KIND +CLAIM +CREATED +REFUSED +ERROR +TRIES +GROUP +HELD$/),
      expect.stringMatching(
        new RegExp(
          `^${KEY} +documentApplication +7K3M-9Q2X +2026-03-02T09:15:00.000Z +` +
            '2026-03-02T09:16:04.000Z +matterClosed +3 +CASE-7#2 +1$',
        ),
      ),
      '    platform: matter residence-permit is closed',
      expect.stringContaining('7K3M-9Q2X'),
      '2 open dead letters',
    ]);
  });

  it('says when the list was cut, and when there is nothing to do', () => {
    expect(formatDeadLetters([letter], 7).at(-1)).toBe(
      '1 of 7 open dead letters shown (oldest first); --limit shows more',
    );
    expect(formatDeadLetters([], 0)).toEqual(['no dead letters: nothing waits for a technician']);
  });
});

describe('npm run devices -- sync, against a core with a real outbox', () => {
  const TOKEN = 'b'.repeat(64);
  let t: ReturnType<typeof testOutbox>;
  let server: KioskServer;
  let port: number;
  let out: string[];
  let err: string[];
  let questions: string[];
  let answer: boolean;

  beforeEach(async () => {
    t = testOutbox();
    out = [];
    err = [];
    questions = [];
    answer = false;
    const log = createLogger('silent');
    server = new KioskServer({
      host: '127.0.0.1',
      port: 0,
      token: TOKEN,
      extraOrigins: [],
      rendererDir: '/nonexistent',
      limits: { messagesPerSecond: 20, burst: 40, floodCloseAfter: 100, maxConnections: 4 },
      handlers: offeredHandlers({
        'Sync.GetStatus': async () => ({
          completionCode: 'success',
          payload: {
            ...t.outbox.stats(),
            state: 'online',
            consecutiveFailures: 0,
            clockOffsetMs: 0,
          },
        }),
        ...deadLetterHandlers({ outbox: t.outbox, nudge: () => {}, log, changed: () => {} }),
        ...claimHandlers(t.outbox),
        'Kiosk.GetState': async () => ({
          completionCode: 'success',
          payload: {
            kioskId: 'FS-CHANCHENG-0042',
            services: [],
            devices: [],
            session: { active: false },
            uiTimeouts: { idleMs: 60_000, countdownMs: 20_000 },
          },
        }),
      }),
      log,
    });
    port = await server.listen();
  });
  afterEach(async () => {
    await server.close();
    t.remove();
  });

  const io = (): SyncCliIo => ({
    connect: async () => {
      const client = new KioskClient({
        url: `ws://127.0.0.1:${port}/ws`,
        token: TOKEN,
        createSocket: (url, protocols) => new WebSocket(url, protocols),
      });
      client.start();
      await new Promise<void>((resolve) =>
        client.onConnection((state) => state === 'open' && resolve()),
      );
      return client;
    },
    confirm: async (question) => {
      questions.push(question);
      return answer;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });

  /** A citizen's request the platform refused. */
  function deadLetter(): { key: string; claimCode: string } {
    const queued = t.outbox.enqueue({ kind: 'proofPrinted', payload: CITIZEN_PAYLOAD });
    if (!queued.ok) throw new Error(queued.message);
    t.outbox.queue.settle([
      { kind: 'deadLettered', idempotencyKey: queued.idempotencyKey, errorCode: 'rejected' },
    ]);
    return { key: queued.idempotencyKey, claimCode: queued.claimCode };
  }

  it('still shows the status for a bare "sync", exit 1 while a dead letter waits', async () => {
    expect(await runSync([], io())).toBe(0);
    expect(out[2]).toMatch(/^dead letters +0$/);
    deadLetter();
    expect(await runSync([], io())).toBe(1);
    expect(out.at(-2)).toMatch(/^dead letters +1$/);
  });

  it('finds the request behind a claim ticket as the clerk types it, and says when none has it', async () => {
    const { claimCode } = deadLetter();
    const printed = `${claimCode.slice(0, 4)}-${claimCode.slice(4)}`;
    expect(await runSync(['claim', printed.toLowerCase()], io())).toBe(0);
    expect(out[0]).toBe(`claim code   ${printed}`);
    expect(out.join('\n')).toContain('refused by the platform');
    expect(out.join('\n')).not.toContain(CITIZEN_PAYLOAD.idNumber);
    // Scanned from the ticket's QR: this kiosk's ticket is found, another kiosk's is sent there.
    expect(await runSync(['claim', `FS-CHANCHENG-0042/${printed}`], io())).toBe(0);
    expect(await runSync(['claim', `FS-NANHAI-0007/${printed}`], io())).toBe(1);
    expect(err.at(-1)).toContain('this ticket is from kiosk FS-NANHAI-0007');
    expect(await runSync(['claim', 'ZZZZ-ZZZZ'], io())).toBe(1);
    expect(err.at(-1)).toContain('no request on this kiosk has that claim code');
  });

  it('lists dead letters without personal data', async () => {
    const { key, claimCode } = deadLetter();
    expect(await runSync(['dead-letters'], io())).toBe(0);
    expect(out).toHaveLength(3);
    expect(out[1]).toContain(key);
    expect(out[1]).toContain(`${claimCode.slice(0, 4)}-${claimCode.slice(4)}`);
    expect(out.join('\n')).not.toMatch(
      new RegExp(`${CITIZEN_PAYLOAD.name}|${CITIZEN_PAYLOAD.idNumber}`),
    );
  });

  it('requeues a dead letter, and refuses to settle it twice', async () => {
    const { key } = deadLetter();
    expect(await runSync(['requeue', key, ...NOTE], io())).toBe(0);
    expect(out).toEqual([`${key} requeued: it is sent again in its original place`]);
    expect(t.outbox.get(key)?.status).toBe('queued');
    expect(await runSync(['requeue', key, ...NOTE], io())).toBe(1);
    expect(err).toEqual([
      `refused: request ${key} is not an open dead letter: it is waiting to be sent (requeued already, or never refused)`,
    ]);
  });

  it('discards only after showing the request and hearing yes', async () => {
    const { key, claimCode } = deadLetter();
    expect(await runSync(['discard', key, ...NOTE], io())).toBe(1);
    expect(questions).toHaveLength(1);
    expect(out).toContain(
      `claim code   ${claimCode.slice(0, 4)}-${claimCode.slice(4)} (on the citizen's ticket)`,
    );
    expect(err).toEqual(['not discarded']);
    expect(t.outbox.get(key)?.status).toBe('deadLettered');

    answer = true;
    expect(await runSync(['discard', key, ...NOTE], io())).toBe(0);
    expect(out.at(-1)).toBe(`${key} discarded: its data is erased`);
    expect(t.outbox.get(key)).toMatchObject({ status: 'discarded', payloadPurged: true });
  });

  it('discards with --yes without asking', async () => {
    const { key } = deadLetter();
    expect(await runSync(['discard', key, ...NOTE, '--yes'], io())).toBe(0);
    expect(questions).toEqual([]);
    expect(t.outbox.get(key)?.status).toBe('discarded');
  });

  it('does not even ask about a key that is no open dead letter', async () => {
    const { key } = deadLetter();
    const typo = `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`;
    answer = true;
    expect(await runSync(['discard', typo, ...NOTE], io())).toBe(1);
    expect(questions).toEqual([]);
    expect(err[0]).toBe(`no open dead letter has the key ${typo}: nothing discarded`);
    expect(t.outbox.get(key)?.status).toBe('deadLettered');
  });

  it('prints the usage and asks nothing of the core for a bad command line', async () => {
    let connected = false;
    const exit = await runSync(['requeue', 'FS-1.short', ...NOTE], {
      ...io(),
      connect: async () => {
        connected = true;
        return undefined;
      },
    });
    expect([exit, connected]).toEqual([2, false]);
    expect(err.join('\n')).toContain(SYNC_USAGE);
  });
});
