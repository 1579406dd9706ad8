import { IdCardReader } from '../devices/index.js';
import type { KioskConfig } from './config.js';
import type { Logger } from './log.js';

/** What the core uses of an ID-card reader (a fake for tests needs only this). */
export type IdCardReaderLike = Pick<IdCardReader, 'open' | 'close' | 'on'>;

/** Builds the configured ID-card reader; its operational log goes to the core's log. */
export function createIdCardReader(
  config: KioskConfig['devices']['idCardReader'],
  log: Logger,
): IdCardReaderLike {
  return new IdCardReader({
    port: config.port,
    baudRate: config.baud,
    pollIntervalMs: config.pollIntervalMs,
    log: (entry) => log.info({ device: 'idCardReader', ...entry.detail }, entry.event),
  });
}
