import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatClaimCode } from '../../offline-cache/outbox/claim-code.js';
import { CITIZEN_PAYLOAD, testOutbox } from '../../offline-cache/outbox/test-outbox.js';
import type { CommandContext } from '../command-handlers.js';
import { claimHandlers } from './claim-handlers.js';

let t: ReturnType<typeof testOutbox>;
beforeEach(() => {
  t = testOutbox();
});
afterEach(() => t.remove());

const find = (claimCode: string) =>
  claimHandlers(t.outbox)['Sync.FindClaim']({
    payload: { claimCode },
    signal: new AbortController().signal,
    emit: () => {},
  } as CommandContext<'Sync.FindClaim'>);

describe('finding a request by the code on its claim ticket', () => {
  it('finds it however the clerk types the code, without any personal data', async () => {
    const queued = t.outbox.enqueue({ kind: 'proofPrinted', payload: CITIZEN_PAYLOAD });
    if (!queued.ok) throw new Error(queued.message);
    const printed = formatClaimCode(queued.claimCode);
    for (const typed of [printed, printed.toLowerCase(), ` ${queued.claimCode} `]) {
      const answer = await find(typed);
      expect(answer).toMatchObject({
        completionCode: 'success',
        payload: { claimCode: printed, idempotencyKey: queued.idempotencyKey, status: 'queued' },
      });
      expect(JSON.stringify(answer)).not.toContain(CITIZEN_PAYLOAD.idNumber);
      expect(JSON.stringify(answer)).not.toContain(CITIZEN_PAYLOAD.name);
    }
  });

  it('says clearly when no request has that code', async () => {
    expect(await find('ZZZZ-ZZZZ')).toMatchObject({
      completionCode: 'invalidData',
      payload: { errorCode: 'noSuchClaim' },
    });
  });
});
