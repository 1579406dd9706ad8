import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SubmissionItem } from '../../contract/platform-api.js';
import type { Enqueued } from './outbox-types.js';
import { CITIZEN_PAYLOAD, testOutbox } from './test-outbox.js';

let t: ReturnType<typeof testOutbox>;
beforeEach(() => {
  t = testOutbox();
});
afterEach(() => t.remove());

function enqueued(n: number, orderingKey?: string): Enqueued {
  const result = t.outbox.enqueue({
    kind: 'proofPrinted',
    payload: { ...CITIZEN_PAYLOAD, n },
    ...(orderingKey ? { orderingKey } : {}),
  });
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** Every due item as the platform would receive it, by key. */
function submitted(): Map<string, SubmissionItem> {
  const items = new Map<string, SubmissionItem>();
  for (const due of t.outbox.queue.due(Number.MAX_SAFE_INTEGER, 1000)) {
    const opened = t.outbox.queue.toSubmissionItem(due);
    if (!opened.ok) throw new Error(opened.message);
    items.set(due.idempotencyKey, opened.item);
  }
  return items;
}

describe('outbox queue: the submitted item', () => {
  it("carries the claim code printed on the citizen's ticket, valid for the contract", () => {
    const ticket = enqueued(0);
    const item = submitted().get(ticket.idempotencyKey);
    expect(item).toEqual({
      idempotencyKey: ticket.idempotencyKey,
      kind: 'proofPrinted',
      createdAt: ticket.createdAt,
      claimCode: ticket.claimCode,
      payload: { ...CITIZEN_PAYLOAD, n: 0 },
    });
    expect(SubmissionItem.parse(item)).toEqual(item);
  });

  it('gives every request the code enqueue returned for it, ordering groups included', () => {
    const tickets = Array.from({ length: 60 }, (_, n) =>
      enqueued(n, n % 3 === 0 ? undefined : `CASE-${n % 3}`),
    );
    // Deliver everything: one item per ordering group is due at a time.
    const seen = new Map<string, string | undefined>();
    for (let round = 0; round < 60 && seen.size < tickets.length; round++) {
      const items = submitted();
      for (const [key, item] of items) seen.set(key, item.claimCode);
      t.outbox.queue.settle(
        [...items.keys()].map((key) => ({ kind: 'confirmed', idempotencyKey: key })),
      );
    }
    expect(seen).toEqual(
      new Map(tickets.map((ticket) => [ticket.idempotencyKey, ticket.claimCode])),
    );
  });

  it('is byte-identical on every retry, also after a restart (the platform compares bodies)', () => {
    const tickets = [enqueued(0), enqueued(1, 'CASE-A')];
    const bodies = () => [...submitted().values()].map((item) => JSON.stringify(item));
    const first = bodies();
    expect(first).toHaveLength(2);
    t.outbox.queue.recordDeliveryFailure(
      tickets.map((ticket) => ticket.idempotencyKey),
      'connection reset',
    );
    expect(bodies()).toEqual(first);
    t.reopen();
    expect(bodies()).toEqual(first);
    expect(first[0]).toContain(`"claimCode":"${tickets[0]?.claimCode}"`);
  });
});
