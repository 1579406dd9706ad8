import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../contract/index.js';
import { CITIZEN_PAYLOAD, testOutbox } from '../../offline-cache/outbox/test-outbox.js';
import { createLogger } from '../log.js';
import { deadLetterHandlers } from './dead-letter-handlers.js';

let t: ReturnType<typeof testOutbox>;
let handlers: ReturnType<typeof deadLetterHandlers>;
let logLines: string[];
let nudges: number;
let changes: number;

beforeEach(() => {
  t = testOutbox();
  logLines = [];
  nudges = 0;
  changes = 0;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  handlers = deadLetterHandlers({
    outbox: t.outbox,
    nudge: () => nudges++,
    log: createLogger('info', sink),
    changed: () => changes++,
  });
});
afterEach(() => t.remove());

const ctx = <P>(payload: P) => ({
  payload,
  signal: new AbortController().signal,
  emit: () => {},
});
const note = { technicianId: 'tech-07', reason: 'platform fixed the case record' };

/** Queues a citizen's request (name and ID number in its payload). */
function enqueued(orderingKey?: string): string {
  const result = t.outbox.enqueue({
    kind: 'proofPrinted',
    payload: CITIZEN_PAYLOAD,
    ...(orderingKey ? { orderingKey } : {}),
  });
  if (!result.ok) throw new Error(result.message);
  return result.idempotencyKey;
}

/** The relay's view: what is due now (keys). */
const due = (): string[] =>
  t.outbox.queue.due(Number.MAX_SAFE_INTEGER, 100).map((i) => i.idempotencyKey);

/** The platform refused this request (as the relay records a `rejected` result). */
function refused(key: string, message = 'case CASE-7 is closed'): void {
  const settled = t.outbox.queue.settle([
    { kind: 'deadLettered', idempotencyKey: key, errorCode: 'caseClosed', message },
  ]);
  expect(settled.deadLettered).toHaveLength(1);
}

async function list() {
  const answer = await handlers['Sync.ListDeadLetters'](ctx({}));
  if (answer.completionCode !== 'success') throw new Error(answer.errorDescription);
  // What the core would send: the contract must accept it as it is.
  expect(commands['Sync.ListDeadLetters'].completion.parse(answer.payload)).toEqual(answer.payload);
  return answer.payload;
}

const resolve = (idempotencyKey: string, resolution: 'requeue' | 'discard') =>
  handlers['Sync.ResolveDeadLetter'](ctx({ idempotencyKey, resolution, ...note }));

describe('Sync.ListDeadLetters', () => {
  it('lists refused requests with what a technician needs and no personal data', async () => {
    const first = enqueued('CASE-7');
    const held = enqueued('CASE-7');
    const loose = enqueued();
    refused(first, `applicant ${CITIZEN_PAYLOAD.idNumber} has an open case`);
    refused(loose);
    const answer = await list();
    expect(answer.total).toBe(2);
    expect(answer.deadLetters).toEqual([
      {
        idempotencyKey: first,
        kind: 'proofPrinted',
        claimCode: t.outbox.get(first)?.claimCode,
        createdAt: t.outbox.get(first)?.createdAt,
        deadLetteredAt: expect.any(String),
        errorCode: 'caseClosed',
        message: 'applicant 1101**********002X has an open case',
        attempts: 1,
        orderingKey: 'CASE-7',
        sequence: 1,
        holding: 1,
      },
      expect.objectContaining({ idempotencyKey: loose, holding: 0 }),
    ]);
    expect(answer.deadLetters.map((d) => d.idempotencyKey)).not.toContain(held);
    const json = JSON.stringify(answer);
    expect(json).not.toContain(CITIZEN_PAYLOAD.name);
    expect(json).not.toContain(CITIZEN_PAYLOAD.idNumber);
    expect(json).not.toContain(CITIZEN_PAYLOAD.proofId);
  });

  it('cuts the list at the limit but still says how many are open', async () => {
    for (let i = 0; i < 3; i++) refused(enqueued());
    const answer = await handlers['Sync.ListDeadLetters'](ctx({ limit: 2 }));
    expect(answer).toMatchObject({ completionCode: 'success', payload: { total: 3 } });
    if (answer.completionCode === 'success') expect(answer.payload.deadLetters).toHaveLength(2);
  });

  it('lists nothing when nothing was refused', async () => {
    enqueued();
    expect(await list()).toEqual({ deadLetters: [], total: 0 });
  });
});

describe('Sync.ResolveDeadLetter', () => {
  it('requeue puts the request back, unblocks its group and wakes the relay', async () => {
    const first = enqueued('CASE-7');
    const second = enqueued('CASE-7');
    refused(first);
    expect(due()).toEqual([]);
    expect(t.outbox.stats()).toMatchObject({ deadLetters: 1, blocked: 1 });

    expect(await resolve(first, 'requeue')).toEqual({ completionCode: 'success', payload: {} });
    expect([nudges, changes]).toEqual([1, 1]);
    expect(t.outbox.get(first)?.status).toBe('queued');
    expect(t.outbox.stats()).toMatchObject({ deadLetters: 0, blocked: 0, queueDepth: 2 });
    // The group goes on in order: the requeued request first, then the one held behind it.
    expect(due()).toEqual([first]);
    expect(t.outbox.readPayload(first)).toEqual({ ok: true, payload: CITIZEN_PAYLOAD });
    t.outbox.queue.settle([{ kind: 'confirmed', idempotencyKey: first }]);
    expect(due()).toEqual([second]);
    expect(await list()).toEqual({ deadLetters: [], total: 0 });
  });

  it('discard erases the payload and lets the rest of the group go', async () => {
    const first = enqueued('CASE-7');
    const second = enqueued('CASE-7');
    refused(first);
    expect(await resolve(first, 'discard')).toMatchObject({ completionCode: 'success' });
    expect(nudges).toBe(0);
    expect(changes).toBe(1);
    expect(t.outbox.get(first)).toMatchObject({ status: 'discarded', payloadPurged: true });
    expect(t.outbox.readPayload(first)).toMatchObject({ ok: false, code: 'noSuchRequest' });
    const stored = t.db
      .prepare('SELECT payload FROM requests WHERE idempotency_key = ?')
      .pluck()
      .get(first);
    expect(stored).toBeNull();
    expect(due()).toEqual([second]);
  });

  it('refuses a second resolution and says why', async () => {
    const key = enqueued();
    refused(key);
    expect(await resolve(key, 'discard')).toMatchObject({ completionCode: 'success' });
    expect(await resolve(key, 'requeue')).toEqual({
      completionCode: 'invalidData',
      errorDescription: `request ${key} is not an open dead letter: it was discarded already`,
      payload: { errorCode: 'notDeadLettered', action: 'clear' },
    });
    expect(t.outbox.get(key)?.status).toBe('discarded');

    const requeued = enqueued();
    refused(requeued);
    await resolve(requeued, 'requeue');
    expect(await resolve(requeued, 'discard')).toMatchObject({
      completionCode: 'invalidData',
      errorDescription: expect.stringContaining('waiting to be sent'),
    });
    expect(t.outbox.readPayload(requeued)).toEqual({ ok: true, payload: CITIZEN_PAYLOAD });
    expect([nudges, changes]).toEqual([1, 2]);
  });

  it('refuses an unknown key and a request that was never refused', async () => {
    const unknown = 'FS-CHANCHENG-0042.01J0000000000000000000000Z';
    expect(await resolve(unknown, 'discard')).toMatchObject({
      completionCode: 'invalidData',
      errorDescription: `no request has the key ${unknown}`,
    });
    const waiting = enqueued();
    expect(await resolve(waiting, 'discard')).toMatchObject({ completionCode: 'invalidData' });
    expect(t.outbox.readPayload(waiting)).toEqual({ ok: true, payload: CITIZEN_PAYLOAD });
    expect(changes).toBe(0);
  });

  it('logs who settled what, without the reason or any personal data', async () => {
    const key = enqueued();
    refused(key);
    await resolve(key, 'requeue');
    const line = logLines
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'sync.deadLetterResolved');
    expect(line).toMatchObject({
      idempotencyKey: key,
      kind: 'proofPrinted',
      resolution: 'requeue',
      technicianId: 'tech-07',
    });
    const text = logLines.join('');
    expect(text).not.toContain(note.reason);
    expect(text).not.toContain(CITIZEN_PAYLOAD.name);
    expect(text).not.toContain(CITIZEN_PAYLOAD.idNumber);
  });
});
