import type { Statement } from 'better-sqlite3';
import { KioskId, type SubmissionKind } from '../../contract/platform-api.js';
import type { KeyProvider } from '../crypto/key-provider.js';
import { SEALED_OVERHEAD } from '../crypto/sealed-box.js';
import type { KioskDatabase } from '../database.js';
import { prepareMaterialInsert } from '../materials/material-rows.js';
import { MaterialStore } from '../materials/material-store.js';
import { UlidFactory } from '../ulid.js';
import { ClaimCodes, parseClaimCode } from './claim-code.js';
import { DeadLetterList } from './dead-letter-list.js';
import { OutboxQueue } from './outbox-queue.js';
import {
  outboxFailure,
  storageFullFailure,
  toOutboxFailure,
  type OutboxFailure,
} from './outbox-failure.js';
import type {
  Enqueued,
  LocalRequest,
  NewMaterial,
  NewRequest,
  OutboxStats,
} from './outbox-types.js';
import { PayloadSealer } from './payload-sealer.js';
import { purgeConfirmed } from './pii-purge.js';
import { requestProblem } from './request-check.js';
import { hasStorageHeadroom } from './storage-headroom.js';

/** Outbox settings. */
export interface OutboxOptions {
  /** This kiosk's id: the first half of every idempotency key. */
  kioskId: string;
  /** The key that seals payloads. */
  keys: KeyProvider;
  /** Waiting requests at most; beyond it enqueue answers `queueFull`. Default 50,000. */
  maxQueued?: number;
  /** Largest payload as JSON, bytes. Default 256 KiB (scans travel by tus upload, not here). */
  maxPayloadBytes?: number;
  /** Free disk space needed to take requests again after the disk was full. Default 32 MiB. */
  minFreeBytes?: number;
  /** Wall clock (createdAt, confirmation times). */
  now?: () => Date;
}

/** The request row's values: key, kind, createdAt, sealed payload, updatedAt. */
type NewRequestRow = [string, string, string, Buffer, string];

/** Writes a request, its outbox row and its materials in one transaction. */
type EnqueueTransaction = (
  row: NewRequestRow,
  orderingKey: string | null,
  materials: readonly NewMaterial[] | undefined,
) => { requestId: number; sequence: number | null };

interface RequestRow {
  request_id: number;
  idempotency_key: string;
  kind: SubmissionKind;
  created_at: string;
  status: LocalRequest['status'];
  tracking_number: string | null;
  confirmed_at: string | null;
  has_payload: number;
}

/**
 * The durable outbox: `enqueue` writes the kiosk's record of a request (payload sealed) and its
 * outbox row in one SQLite transaction, so a request is either fully queued or not at all, and a
 * committed one survives power loss (WAL, synchronous=FULL). The SyncRelay delivers it through
 * `queue`; technicians handle refused ones through `deadLetters`. A document application's scanned
 * materials are written in the same transaction, sealed too; the transport reads and records
 * their uploads through `materials`.
 */
export class Outbox {
  /** The relay's side: due items, outcomes. */
  readonly queue: OutboxQueue;
  /** Requests the platform refused, for a technician. */
  readonly deadLetters: DeadLetterList;
  /** The scanned materials stored with requests, for the transport that uploads them. */
  readonly materials: MaterialStore;
  private readonly sealer: PayloadSealer;
  private readonly ids: UlidFactory;
  private readonly now: () => Date;
  private readonly maxQueued: number;
  private readonly maxPayloadBytes: number;
  private readonly minFreeBytes: number;
  private readonly claimCodes: ClaimCodes;
  private readonly enqueueTransaction: EnqueueTransaction;
  private readonly statements: Record<'getRequest' | 'byId' | 'payload' | 'count', Statement>;
  /** Never below the true count (only enqueue adds rows): recounted when it reaches the cap. */
  private queuedUpperBound: number;
  /** Set by SQLITE_FULL; cleared when the storage has room again. */
  private storageFull = false;
  /** The enqueue's clock reading (ms), for its ULID: one reading gives the key and createdAt. */
  private enqueueTime = 0;

  constructor(
    private readonly db: KioskDatabase,
    private readonly options: OutboxOptions,
  ) {
    if (!KioskId.safeParse(options.kioskId).success) {
      throw new Error(`kiosk id ${JSON.stringify(options.kioskId)} cannot make idempotency keys`);
    }
    this.now = options.now ?? (() => new Date());
    this.ids = new UlidFactory(() => this.enqueueTime);
    this.sealer = new PayloadSealer(options.keys);
    this.maxQueued = options.maxQueued ?? 50_000;
    this.maxPayloadBytes = options.maxPayloadBytes ?? 256 * 1024;
    this.minFreeBytes = options.minFreeBytes ?? 32 * 1024 * 1024;
    const claimKey = db.prepare('SELECT key FROM claim_code_key').pluck().get() as Buffer;
    this.claimCodes = new ClaimCodes(claimKey);
    this.queue = new OutboxQueue(db, this.sealer, this.now, this.claimCodes);
    this.deadLetters = new DeadLetterList(db, this.now, this.claimCodes);
    this.materials = new MaterialStore(db, options.keys, { now: this.now });
    this.statements = {
      getRequest: db.prepare(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE idempotency_key = ?`),
      byId: db.prepare(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE request_id = ?`),
      payload: db.prepare('SELECT payload FROM requests WHERE idempotency_key = ?'),
      count: db.prepare('SELECT count(*) FROM outbox').pluck(),
    };
    this.enqueueTransaction = this.prepareEnqueue();
    this.queuedUpperBound = this.statements.count.get() as number;
  }

  /**
   * Stores a request (and its materials) for delivery. Returns its idempotency key and the claim
   * code for the ticket, or a typed failure (nothing written): storageFull, queueFull,
   * invalidRequest, keyUnavailable, storageError.
   */
  enqueue(request: NewRequest): Enqueued | OutboxFailure {
    const problem = requestProblem(request);
    if (problem !== undefined) {
      return outboxFailure('invalidRequest', problem, 'softwareError');
    }
    if (this.storageFull && !this.storageRecovered()) return storageFullFailure();
    const full = this.queueFull();
    if (full) return full;
    const now = this.now();
    this.enqueueTime = now.getTime();
    const idempotencyKey = `${this.options.kioskId}.${this.ids.next()}`;
    const createdAt = now.toISOString();
    try {
      const sealed = this.sealer.seal(request.payload, idempotencyKey);
      if (sealed.length - SEALED_OVERHEAD > this.maxPayloadBytes) {
        return outboxFailure('invalidRequest', 'payload is too large', 'softwareError');
      }
      const { requestId, sequence } = this.enqueueTransaction(
        [idempotencyKey, request.kind, createdAt, sealed, createdAt],
        request.orderingKey ?? null,
        request.materials,
      );
      this.queuedUpperBound++;
      return {
        ok: true,
        idempotencyKey,
        claimCode: this.claimCodes.forRequest(requestId),
        createdAt,
        ...(sequence !== null ? { sequence } : {}),
      };
    } catch (error) {
      const failure = toOutboxFailure(error);
      if (failure.code === 'storageFull') this.storageFull = true;
      return failure;
    }
  }

  /**
   * Whether a citizen may start a new request now: not when the queue is at its cap, nor when the
   * disk (or the database's size limit) has no room. Ask before the citizen starts, not after.
   */
  canAccept(): { ok: true } | OutboxFailure {
    if (!this.storageRecovered()) return storageFullFailure();
    return this.queueFull() ?? { ok: true };
  }

  /** The kiosk's record of one request (no payload). */
  get(idempotencyKey: string): LocalRequest | undefined {
    const row = this.statements.getRequest.get(idempotencyKey) as RequestRow | undefined;
    return row ? this.toLocalRequest(row) : undefined;
  }

  /** The request behind a claim code as typed (any case, dashes, O for 0); undefined if invalid. */
  findByClaimCode(typed: string): LocalRequest | undefined {
    const code = parseClaimCode(typed);
    const requestId = code === undefined ? undefined : this.claimCodes.requestId(code);
    if (requestId === undefined) return undefined;
    const row = this.statements.byId.get(requestId) as RequestRow | undefined;
    return row ? this.toLocalRequest(row) : undefined;
  }

  /** A request's payload, decrypted (e.g. to reprint a ticket); purged ones have none. */
  readPayload(
    idempotencyKey: string,
  ): { ok: true; payload: Record<string, unknown> } | OutboxFailure {
    const row = this.statements.payload.get(idempotencyKey) as
      { payload: Buffer | null } | undefined;
    if (!row) return outboxFailure('noSuchRequest', 'no such request', 'softwareError');
    if (row.payload === null) {
      return outboxFailure('noSuchRequest', 'the payload was purged', 'softwareError');
    }
    try {
      const opened = this.sealer.open(row.payload, idempotencyKey);
      return opened.ok ? opened : outboxFailure('storageError', opened.message, opened.action);
    } catch (error) {
      return toOutboxFailure(error);
    }
  }

  /** Figures for the heartbeat: queue depth, oldest waiting request, dead letters, held items. */
  stats(): OutboxStats {
    return { ...this.queue.stats(), deadLetters: this.deadLetters.openCount() };
  }

  /**
   * Removes the personal payload and materials of requests confirmed more than `olderThanDays`
   * before `now`, keeping kind, times, claim code and tracking number; returns how many requests
   * were purged.
   * Dead-lettered requests keep theirs until a technician requeues or discards them.
   */
  purgeConfirmed(olderThanDays: number, now: Date = this.now()): number {
    return purgeConfirmed(this.db, olderThanDays, now);
  }

  /**
   * A technician settles a dead letter: send it again, or give it up (its payload and materials
   * are erased).
   */
  resolveDeadLetter(
    idempotencyKey: string,
    resolution: 'requeue' | 'discard',
    note: { technicianId: string; reason: string },
  ): { ok: true } | OutboxFailure {
    try {
      return this.deadLetters.resolve(idempotencyKey, resolution, note);
    } catch (error) {
      return toOutboxFailure(error);
    } finally {
      this.queuedUpperBound = this.statements.count.get() as number;
    }
  }

  private prepareEnqueue(): EnqueueTransaction {
    const nextSequence = this.db
      .prepare(
        `INSERT INTO ordering_groups (ordering_key, last_sequence) VALUES (?, 1)
         ON CONFLICT (ordering_key) DO UPDATE SET last_sequence = last_sequence + 1
         RETURNING last_sequence`,
      )
      .pluck();
    const insertRequest = this.db.prepare(
      `INSERT INTO requests (idempotency_key, kind, created_at, status, payload, updated_at)
       VALUES (?, ?, ?, 'queued', ?, ?)`,
    );
    const insertOutbox = this.db.prepare(
      `INSERT INTO outbox (request_id, idempotency_key, kind, ordering_key, sequence)
       VALUES (?, ?, ?, ?, ?)`,
    );
    const insertMaterials = prepareMaterialInsert(this.db, this.sealer);
    return this.db.transaction<EnqueueTransaction>((row, orderingKey, materials) => {
      const sequence = orderingKey === null ? null : (nextSequence.get(orderingKey) as number);
      const requestId = Number(insertRequest.run(row).lastInsertRowid);
      insertOutbox.run(requestId, row[0], row[1], orderingKey, sequence);
      if (materials !== undefined) insertMaterials(requestId, row[0], materials);
      return { requestId, sequence };
    });
  }

  private queueFull(): OutboxFailure | undefined {
    if (this.queuedUpperBound < this.maxQueued) return undefined;
    this.queuedUpperBound = this.statements.count.get() as number;
    if (this.queuedUpperBound < this.maxQueued) return undefined;
    return outboxFailure(
      'queueFull',
      `${this.queuedUpperBound} requests are waiting to be sent (limit ${this.maxQueued}): ` +
        'the platform has been unreachable for long; new requests are refused',
      'maintenance',
    );
  }

  private toLocalRequest(row: RequestRow): LocalRequest {
    return {
      idempotencyKey: row.idempotency_key,
      kind: row.kind,
      createdAt: row.created_at,
      claimCode: this.claimCodes.forRequest(row.request_id),
      status: row.status,
      payloadPurged: row.has_payload === 0,
      ...(row.tracking_number !== null ? { trackingNumber: row.tracking_number } : {}),
      ...(row.confirmed_at !== null ? { confirmedAt: row.confirmed_at } : {}),
    };
  }

  private storageRecovered(): boolean {
    this.storageFull = !hasStorageHeadroom(this.db, this.minFreeBytes);
    return !this.storageFull;
  }
}

const REQUEST_COLUMNS = `request_id, idempotency_key, kind, created_at, status, tracking_number,
  confirmed_at, payload IS NOT NULL AS has_payload`;
