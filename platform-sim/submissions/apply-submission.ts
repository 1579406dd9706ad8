import { setTimeout as sleep } from 'node:timers/promises';
import type { SubmissionItem, SubmissionResult } from '../../contract/platform-api.js';
import type { SubmissionStore } from '../store/submission-store.js';
import { itemFingerprint } from './canonical-json.js';
import { checkPayload, type PayloadCheckContext, type Rejection } from './payload-check.js';

/** What applying an item needs. */
export interface ApplyContext extends PayloadCheckContext {
  /** Idempotency records, accepted requests, sequences. */
  store: SubmissionStore;
  /** Platform clock. */
  now: () => Date;
}

/** One delivery of one item. */
export interface Delivery {
  /** The item as received. */
  item: SubmissionItem;
  /** The authenticated kiosk, or undefined when signatures are off. */
  kioskId: string | undefined;
  /** Extra time the "back office" takes (the slowApply fault), so a second delivery finds it in flight. */
  applyDelayMs?: number;
}

function result(
  item: SubmissionItem,
  status: SubmissionResult['status'],
  extra: Partial<SubmissionResult> = {},
): SubmissionResult {
  return { idempotencyKey: item.idempotencyKey, status, replayed: false, ...extra };
}

/**
 * Applies one item with the IETF Idempotency-Key draft's semantics. A new key is claimed
 * (inFlight), the "back office" works, then the outcome — accepted with a tracking number, or
 * rejected for good — is committed in one transaction with the sequence advance and the
 * idempotency record. A key seen before answers from the record; an item that is out of order is
 * not applied and its claim is released so a later delivery can apply it.
 */
export async function applySubmission(
  context: ApplyContext,
  delivery: Delivery,
): Promise<SubmissionResult> {
  const claimed = claimItem(context, delivery);
  if (claimed.decided) return claimed.result;
  try {
    if (delivery.applyDelayMs) await sleep(delivery.applyDelayMs);
    return finish(context, delivery.item, claimed.kioskId);
  } catch (error) {
    context.store.release(delivery.item.idempotencyKey);
    throw error;
  }
}

/**
 * The same without a back-office delay, synchronously: a batch applies all its items this way
 * inside one outer transaction (each item's steps become savepoints), so a batch costs one
 * durable commit instead of two per item — and its answer is sent only after that commit.
 */
export function applySubmissionNow(context: ApplyContext, delivery: Delivery): SubmissionResult {
  const claimed = claimItem(context, delivery);
  return claimed.decided ? claimed.result : finish(context, delivery.item, claimed.kioskId);
}

/** Checks the key's owner and claims the key; a decided result when nothing is left to apply. */
function claimItem(
  context: ApplyContext,
  delivery: Delivery,
): { decided: true; result: SubmissionResult } | { decided: false; kioskId: string } {
  const { item, store } = { item: delivery.item, store: context.store };
  const keyOwner = item.idempotencyKey.slice(0, item.idempotencyKey.lastIndexOf('.'));
  if (delivery.kioskId !== undefined && keyOwner !== delivery.kioskId) {
    // Not stored: recording it under the key would answer the key's real owner with our refusal.
    store.count('rejected');
    return decided(
      result(item, 'rejected', {
        errorCode: 'foreignIdempotencyKey',
        message: 'the idempotency key belongs to another kiosk',
      }),
    );
  }
  const kioskId = delivery.kioskId ?? keyOwner;
  const { claimCode, ...body } = item;
  // The claim code is compared on its own (SubmissionStore.claim): not part of the fingerprint.
  const claim = store.claim(
    item.idempotencyKey,
    kioskId,
    itemFingerprint(body),
    context.now(),
    claimCode,
  );
  if (claim.kind === 'replay') {
    store.count('replays');
    return decided({ ...claim.result, replayed: true });
  }
  if (claim.kind === 'keyReused') {
    store.count('keyReused');
    return decided(
      result(item, 'keyReused', {
        errorCode: 'keyReused',
        message: 'this idempotency key was used for a different request',
      }),
    );
  }
  if (claim.kind === 'inFlight') {
    store.count('inFlight');
    return decided(
      result(item, 'inFlight', {
        errorCode: 'inFlight',
        message: 'the first delivery of this key is still being applied; retry shortly',
      }),
    );
  }
  return { decided: false, kioskId };
}

function decided(outcome: SubmissionResult): { decided: true; result: SubmissionResult } {
  return { decided: true, result: outcome };
}

function finish(context: ApplyContext, item: SubmissionItem, kioskId: string): SubmissionResult {
  const { store } = context;
  return store.inTransaction(() => {
    const now = context.now();
    const ordering = checkOrdering(store, item, kioskId);
    if (ordering === 'outOfOrder') {
      store.release(item.idempotencyKey);
      store.count('outOfOrder');
      return result(item, 'outOfOrder', {
        errorCode: 'outOfOrder',
        message: 'an earlier item of this ordering group has not arrived yet; retry after it',
      });
    }
    const rejection = ordering ?? checkPayload(item, kioskId, context);
    // A decided item, accepted or rejected, uses up its sequence: a poisoned item never blocks the rest.
    if (item.orderingKey !== undefined && item.sequence !== undefined && ordering === undefined) {
      store.advanceSequence(kioskId, item.orderingKey, item.sequence);
    }
    let outcome: SubmissionResult;
    if (rejection) {
      store.count('rejected');
      outcome = result(item, 'rejected', rejection);
    } else {
      outcome = result(item, 'accepted', { trackingNumber: store.accept(item, kioskId, now) });
    }
    store.storeOutcome(item.idempotencyKey, outcome, now);
    return outcome;
  });
}

function checkOrdering(
  store: SubmissionStore,
  item: SubmissionItem,
  kioskId: string,
): Rejection | 'outOfOrder' | undefined {
  if (item.orderingKey === undefined && item.sequence === undefined) return undefined;
  if (item.orderingKey === undefined || item.sequence === undefined) {
    return { errorCode: 'invalidOrdering', message: 'orderingKey and sequence go together' };
  }
  const last = store.lastSequence(kioskId, item.orderingKey);
  if (item.sequence === last + 1) return undefined;
  if (item.sequence > last + 1) return 'outOfOrder';
  return {
    errorCode: 'sequenceReused',
    message: 'another item already took this sequence number of the ordering group',
  };
}
