import { join } from 'node:path';
import type { SyncStatus } from '../../contract/index.js';
import { HeartbeatResponse, type Heartbeat } from '../../contract/platform-api.js';
import { FileKeyProvider } from '../../offline-cache/crypto/file-key-provider.js';
import type { KeyProvider } from '../../offline-cache/crypto/key-provider.js';
import type { KioskDatabase } from '../../offline-cache/database.js';
import type { OutboxFailure } from '../../offline-cache/outbox/outbox-failure.js';
import type { Enqueued, NewRequest } from '../../offline-cache/outbox/outbox-types.js';
import { Outbox } from '../../offline-cache/outbox/outbox.js';
import { SyncRelay } from '../../offline-cache/sync/sync-relay.js';
import type { KioskConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { PlatformHttp } from '../platform-http.js';
import { parsed } from '../platform-client.js';
import { httpSubmissionTransport } from './http-submission-transport.js';
import type { MaterialSource } from './material-source.js';
import type { TusUploadOptions } from './tus-upload.js';

/** The sync side of a running core. */
export interface Sync {
  /** Queues a request (durably) and tries to deliver it now; false when refused (logged). */
  submit: (request: NewRequest) => boolean;
  /**
   * Queues a request (with its scanned documents, when the request carries them) and tries to
   * deliver it now: its key and claim code, or the outbox's typed refusal (logged).
   */
  enqueue: (request: NewRequest) => Enqueued | OutboxFailure;
  /**
   * Waits until the platform confirmed the request (`confirmed`, also when it already was) or
   * `timeoutMs` passed (`pending`: it stays queued and is delivered later).
   */
  waitForConfirmation: (
    idempotencyKey: string,
    timeoutMs: number,
  ) => Promise<'confirmed' | 'pending'>;
  /** Whether a citizen may start a request now (room on disk, queue not full). */
  canAccept: () => { ok: true } | OutboxFailure;
  /** The platform's tracking number of a confirmed request. */
  trackingNumber: (idempotencyKey: string) => string | undefined;
  /** The outbox itself, for the technician's dead-letter tools. */
  outbox: Outbox;
  /** The platform answered again: deliver what waits. */
  platformOnline: () => void;
  /** Where delivery stands, for the technician console. */
  status: () => SyncStatus;
  /** Stops the relay (the batch in flight is answered and recorded first) and the timers. */
  close: () => Promise<void>;
}

/** What the heartbeat reports besides the queue. */
export interface HeartbeatSource {
  /** Software version. */
  appVersion: string;
  /** Device statuses and counters. */
  devices: () => Pick<Heartbeat, 'devices' | 'counters'>;
}

/** Optional parts of the sync side. */
export interface SyncOptions {
  /** The key sealing personal data (core/outbox-key-source.ts); default: the 0600 file `<dataDir>/keys/outbox.key`. */
  keys?: KeyProvider;
  /**
   * Where queued applications' scanned documents are (uploaded before their application is
   * sent): a source, or one made from the outbox (e.g. `(outbox) => outbox.materials`). Without
   * it, requests are sent as stored.
   */
  materials?: MaterialSource | ((outbox: Outbox) => MaterialSource);
  /** Chunk size, PATCH deadline, size limit of uploads. */
  upload?: TusUploadOptions;
  /** Told the platform's catalogue version from each heartbeat answer (refetch when newer). */
  catalogueVersion?: (version: number) => void;
  /** How long one batch, its uploads included, may take (default 30 s, 5 min with documents). */
  submitTimeoutMs?: number;
}

const DAY_MS = 86_400_000;
/** Free disk a kiosk keeps before it takes a new request, bytes. */
const MIN_FREE_BYTES = 128 * 1024 * 1024;

/** Default time for one batch when its documents are uploaded first: a few MiB on a slow link. */
const UPLOAD_BATCH_TIMEOUT_MS = 300_000;

/**
 * The outbox and the relay in the core: requests are committed to `kiosk.sqlite` (payload sealed
 * under the key from `outboxKeySource`) and delivered by the relay over signed HTTP; confirmed
 * requests lose their personal data after `sync.purgeAfterDays`; a heartbeat reports the queue.
 */
export function createSync(
  config: KioskConfig,
  db: KioskDatabase,
  platform: PlatformHttp,
  heartbeat: HeartbeatSource,
  log: Logger,
  announce: (status: SyncStatus) => void = () => {},
  options: SyncOptions = {},
): Sync {
  const outbox = new Outbox(db, {
    kioskId: config.kioskId,
    keys: options.keys ?? new FileKeyProvider(join(config.dataDir, 'keys', 'outbox.key')),
    // Room for the largest application (20 scanned pages) before a citizen starts one.
    minFreeBytes: MIN_FREE_BYTES,
  });
  const materials =
    typeof options.materials === 'function' ? options.materials(outbox) : options.materials;
  const stopping = new AbortController();
  const transport = httpSubmissionTransport(platform, {
    ...(materials ? { materials } : {}),
    ...(options.upload ? { upload: options.upload } : {}),
    stop: stopping.signal,
    onUpload: (report) => {
      if (report.outcome === 'alreadyUploaded') return;
      if (report.outcome === 'uploaded') log.info(report, 'sync.upload');
      else
        log.warn(report, report.outcome === 'refused' ? 'sync.uploadRefused' : 'sync.uploadPaused');
    },
  });
  const submitTimeoutMs =
    options.submitTimeoutMs ?? (materials ? UPLOAD_BATCH_TIMEOUT_MS : undefined);
  const relay = new SyncRelay({
    outbox,
    transport,
    batchSize: config.sync.batchSize,
    ...(submitTimeoutMs !== undefined ? { submitTimeoutMs } : {}),
  });
  const status = (): SyncStatus => ({
    ...relay.stats(),
    clockOffsetMs: Math.round(platform.clockOffset),
  });
  relay.on('state', ({ state, previous }) => {
    log.info({ state, previous }, 'sync.state');
    announce(status());
  });
  relay.on('deadLettered', ({ idempotencyKey, errorCode }) =>
    log.warn({ idempotencyKey, errorCode, action: 'maintenance' }, 'sync.deadLettered'),
  );
  relay.on('error', ({ code, action }) => log.error({ code, action }, 'sync.error'));
  relay.start();
  const purge = () => {
    const purged = outbox.purgeConfirmed(config.sync.purgeAfterDays);
    if (purged > 0) log.info({ purged }, 'sync.piiPurged');
  };
  purge();
  const purgeTimer = setInterval(purge, DAY_MS);
  purgeTimer.unref();
  const beat = async () => {
    const stats = outbox.stats();
    const body: Heartbeat = {
      sentAt: new Date().toISOString(),
      appVersion: heartbeat.appVersion,
      ...heartbeat.devices(),
      queueDepth: stats.queueDepth,
      deadLetters: stats.deadLetters,
      ...(stats.oldestQueuedAt ? { oldestQueuedAt: stats.oldestQueuedAt } : {}),
    };
    const answer = await platform.request('POST', '/v1/heartbeat', body);
    if (!answer.ok) return;
    const beat = parsed(answer.value.status, answer.value.body, HeartbeatResponse);
    if (beat.ok) options.catalogueVersion?.(beat.value.catalogueVersion);
  };
  const heartbeatTimer = setInterval(() => void beat(), config.sync.heartbeatSeconds * 1000);
  heartbeatTimer.unref();
  const enqueue = (request: NewRequest): Enqueued | OutboxFailure => {
    const queued = outbox.enqueue(request);
    if (!queued.ok) {
      log.error({ code: queued.code, action: queued.action }, 'sync.enqueueRefused');
      return queued;
    }
    relay.nudge();
    return queued;
  };
  return {
    submit: (request) => enqueue(request).ok,
    enqueue,
    waitForConfirmation: (idempotencyKey, timeoutMs) =>
      waitForConfirmation(relay, outbox, idempotencyKey, timeoutMs),
    canAccept: () => outbox.canAccept(),
    trackingNumber: (idempotencyKey) => outbox.get(idempotencyKey)?.trackingNumber,
    outbox,
    platformOnline: () => relay.nudge(),
    status,
    close: async () => {
      clearInterval(purgeTimer);
      clearInterval(heartbeatTimer);
      stopping.abort();
      await relay.stop();
    },
  };
}

/** Resolves `confirmed` on the relay's `confirmed` event for the key, `pending` after the timeout. */
export function waitForConfirmation(
  relay: Pick<SyncRelay, 'on'>,
  outbox: Pick<Outbox, 'get'>,
  idempotencyKey: string,
  timeoutMs: number,
): Promise<'confirmed' | 'pending'> {
  return new Promise((resolve) => {
    const unsubscribe = relay.on('confirmed', (event) => {
      if (event.idempotencyKey === idempotencyKey) settle('confirmed');
    });
    const timer = setTimeout(() => settle('pending'), Math.max(0, timeoutMs));
    function settle(outcome: 'confirmed' | 'pending'): void {
      clearTimeout(timer);
      unsubscribe();
      resolve(outcome);
    }
    // Subscribed first, then checked: a confirmation in between is not missed.
    if (outbox.get(idempotencyKey)?.status === 'confirmed') settle('confirmed');
  });
}
