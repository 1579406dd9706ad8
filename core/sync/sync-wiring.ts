import { join } from 'node:path';
import type { SyncStatus } from '../../contract/index.js';
import type { Heartbeat } from '../../contract/platform-api.js';
import { FileKeyProvider } from '../../offline-cache/crypto/file-key-provider.js';
import type { KioskDatabase } from '../../offline-cache/database.js';
import type { NewRequest } from '../../offline-cache/outbox/outbox-types.js';
import { Outbox } from '../../offline-cache/outbox/outbox.js';
import { SyncRelay } from '../../offline-cache/sync/sync-relay.js';
import type { KioskConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { PlatformHttp } from '../platform-http.js';
import { httpSubmissionTransport } from './http-submission-transport.js';

/** The sync side of a running core. */
export interface Sync {
  /** Queues a request (durably) and tries to deliver it now; false when refused (logged). */
  submit: (request: NewRequest) => boolean;
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

const DAY_MS = 86_400_000;

/**
 * The outbox and the relay in the core: requests are committed to `kiosk.sqlite` (payload sealed
 * under `<dataDir>/keys/outbox.key`) and delivered by the relay over signed HTTP; confirmed
 * requests lose their personal data after `sync.purgeAfterDays`; a heartbeat reports the queue.
 */
export function createSync(
  config: KioskConfig,
  db: KioskDatabase,
  platform: PlatformHttp,
  heartbeat: HeartbeatSource,
  log: Logger,
  announce: (status: SyncStatus) => void = () => {},
): Sync {
  const outbox = new Outbox(db, {
    kioskId: config.kioskId,
    keys: new FileKeyProvider(join(config.dataDir, 'keys', 'outbox.key')),
  });
  const relay = new SyncRelay({
    outbox,
    transport: httpSubmissionTransport(platform),
    batchSize: config.sync.batchSize,
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
    await platform.request('POST', '/v1/heartbeat', body);
  };
  const heartbeatTimer = setInterval(() => void beat(), config.sync.heartbeatSeconds * 1000);
  heartbeatTimer.unref();
  return {
    submit: (request) => {
      const queued = outbox.enqueue(request);
      if (!queued.ok) {
        log.error({ code: queued.code, action: queued.action }, 'sync.enqueueRefused');
        return false;
      }
      relay.nudge();
      return true;
    },
    platformOnline: () => relay.nudge(),
    status,
    close: async () => {
      clearInterval(purgeTimer);
      clearInterval(heartbeatTimer);
      await relay.stop();
    },
  };
}
