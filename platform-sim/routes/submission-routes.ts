import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  IdempotencyKey,
  SubmissionItem,
  type PlatformError,
  type SubmissionBatchResponse,
  type SubmissionResult,
} from '../../contract/platform-api.js';
import type { PlatformState } from '../platform-state.js';
import {
  applySubmission,
  applySubmissionNow,
  type ApplyContext,
} from '../submissions/apply-submission.js';
import { invalid } from './invalid.js';

/*
 * The batch envelope is checked loosely and each item on its own, so one malformed item is
 * answered `rejected` instead of failing — and forever blocking — the whole batch. Only an item
 * without a usable idempotency key fails the batch: there is no way to answer it.
 */
const LooseBatch = z.strictObject({
  items: z
    .array(z.looseObject({ idempotencyKey: IdempotencyKey }))
    .min(1)
    .max(100),
});

/** Where a single request's outcome goes: HTTP status and, for errors, the PlatformError code. */
function singleAnswer(result: SubmissionResult): { status: number; body: object } {
  const error = (code: string): PlatformError => ({
    error: code,
    ...(result.message ? { message: result.message } : {}),
  });
  switch (result.status) {
    case 'accepted':
      // The stored body exactly: a replay differs only by the Idempotent-Replayed header.
      return { status: 201, body: { ...result, replayed: false } };
    case 'rejected':
      return { status: 422, body: error(result.errorCode ?? 'rejected') };
    case 'keyReused':
      return { status: 422, body: error('keyReused') };
    case 'inFlight':
      return { status: 409, body: error('inFlight') };
    case 'outOfOrder':
      return { status: 409, body: error('outOfOrder') };
  }
}

/** Submissions: a batch answered per item, and one item under the IETF Idempotency-Key header. */
export function registerSubmissionRoutes(
  app: FastifyInstance,
  state: PlatformState,
  now: () => Date,
): void {
  const context: ApplyContext = {
    store: state.submissions,
    uploads: state.uploads,
    pendingCards: state.pendingCards,
    now,
  };
  const delivery = (request: FastifyRequest, item: SubmissionItem) => ({
    item,
    kioskId: request.kioskId,
    applyDelayMs: request.fault?.mode === 'slowApply' ? request.fault.stallMs : 0,
  });

  app.post('/v1/requests/batch', async (request, reply) => {
    const envelope = LooseBatch.safeParse(request.body);
    if (!envelope.success) return invalid(reply, envelope.error);
    const entries = envelope.data.items.map((raw) => ({
      raw,
      item: SubmissionItem.safeParse(raw),
    }));
    const invalidItem = (raw: { idempotencyKey: string }, error: z.ZodError): SubmissionResult => {
      state.submissions.count('rejected');
      const fields = error.issues.map((i) => `${i.path.join('.')}: ${i.code}`).join('; ');
      return {
        idempotencyKey: raw.idempotencyKey,
        status: 'rejected',
        replayed: false,
        errorCode: 'invalidItem',
        message: `not a valid submission item: ${fields}`.slice(0, 300),
      };
    };
    let results: SubmissionResult[];
    if (request.fault?.mode === 'slowApply') {
      results = [];
      for (const { raw, item } of entries) {
        results.push(
          item.success
            ? await applySubmission(context, delivery(request, item.data))
            : invalidItem(raw, item.error),
        );
      }
    } else {
      // Without a simulated slow back office the whole batch is one durable commit (each item's
      // steps are savepoints inside it), and the answer goes out only after that commit.
      results = state.submissions.inTransaction(() =>
        entries.map(({ raw, item }) =>
          item.success
            ? applySubmissionNow(context, delivery(request, item.data))
            : invalidItem(raw, item.error),
        ),
      );
    }
    const body: SubmissionBatchResponse = { results };
    return body;
  });

  app.post('/v1/requests', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (typeof header !== 'string' || header === '') {
      return refuse(reply, 400, 'missingIdempotencyKey', 'the Idempotency-Key header is required');
    }
    const parsed = SubmissionItem.safeParse(request.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    if (parsed.data.idempotencyKey !== header) {
      return refuse(
        reply,
        400,
        'idempotencyKeyMismatch',
        'the Idempotency-Key header differs from the body idempotencyKey',
      );
    }
    const result = await applySubmission(context, delivery(request, parsed.data));
    const answer = singleAnswer(result);
    if (result.replayed) reply.header('Idempotent-Replayed', 'true');
    if (result.status === 'inFlight') reply.header('Retry-After', '1');
    return reply.code(answer.status).send(answer.body);
  });
}

function refuse(reply: FastifyReply, status: number, error: string, message: string) {
  const body: PlatformError = { error, message };
  return reply.code(status).send(body);
}
