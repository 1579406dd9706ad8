import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../contract/platform-api.js';
import { openKioskDatabase, type KioskDatabase } from '../database.js';
import { KIOSK_MIGRATIONS } from '../migrations/index.js';
import { tempDbDir } from '../test-db.js';
import { CatalogueCache, type CatalogueFetch } from './catalogue-cache.js';

function catalogue(version: number, enabled: boolean): Catalogue {
  return {
    version,
    services: [
      {
        service: 'printProof',
        enabled,
        titles: { 'zh-CN': '打印证明', 'zh-TW': '列印證明', en: 'Print a proof' },
        descriptions: {
          'zh-CN': '无房证明等',
          'zh-TW': '無房證明等',
          en: 'No-housing proof and more',
        },
      },
    ],
    notice: {
      'zh-CN': '国庆假期照常服务',
      'zh-TW': '國慶假期照常服務',
      en: 'Open over the holiday',
    },
  };
}

const START = new Date('2024-10-01T08:00:00.000Z');
let clock: Date;
let temp: ReturnType<typeof tempDbDir>;
let db: KioskDatabase;
let cache: CatalogueCache;
const reopen = () => {
  db.close();
  db = openKioskDatabase(temp.file, KIOSK_MIGRATIONS);
  cache = new CatalogueCache(db, { now: () => clock });
};
beforeEach(() => {
  clock = START;
  temp = tempDbDir();
  db = openKioskDatabase(temp.file, KIOSK_MIGRATIONS);
  cache = new CatalogueCache(db, { now: () => clock });
});
afterEach(() => {
  db.close();
  temp.remove();
});

const answer = (result: CatalogueFetch) => async () => result;

describe('catalogue cache', () => {
  it('has no catalogue before the platform was ever reached', async () => {
    expect(cache.current()).toBeUndefined();
    const failed = await cache.refresh(answer({ kind: 'failed', message: 'ECONNREFUSED' }));
    expect(failed).toEqual({ outcome: 'failed', current: undefined, message: 'ECONNREFUSED' });
  });

  it('keeps the last catalogue across a restart and shows it while offline', async () => {
    const v7 = catalogue(7, false);
    const seen: (string | undefined)[] = [];
    const updated = await cache.refresh(async (etag) => {
      seen.push(etag);
      return { kind: 'catalogue', catalogue: v7, etag: '"v7"' };
    });
    expect(updated).toMatchObject({ outcome: 'updated', current: { catalogue: v7, etag: '"v7"' } });
    reopen();
    const offline = await cache.refresh(async () => {
      throw new Error('getaddrinfo ENOTFOUND');
    });
    expect(offline).toMatchObject({ outcome: 'failed', message: 'getaddrinfo ENOTFOUND' });
    expect(cache.current()).toMatchObject({ catalogue: v7, etag: '"v7"' });
    expect(seen).toEqual([undefined]);
  });

  it('sends the stored ETag and keeps the catalogue on 304 Not Modified', async () => {
    await cache.refresh(answer({ kind: 'catalogue', catalogue: catalogue(3, true), etag: '"v3"' }));
    const stored = () =>
      db.prepare('SELECT etag, version, catalogue, fetched_at FROM catalogue_cache').get();
    const first = stored() as { catalogue: string };
    clock = new Date('2024-10-01T08:10:00.000Z');
    let sent: string | undefined;
    const result = await cache.refresh(async (etag) => {
      sent = etag;
      return { kind: 'notModified' };
    });
    expect(sent).toBe('"v3"');
    expect(result).toMatchObject({
      outcome: 'notModified',
      current: { catalogue: { version: 3 }, fetchedAt: '2024-10-01T08:10:00.000Z' },
    });
    // Only the time it was last confirmed moves.
    expect(stored()).toEqual({ ...first, fetched_at: '2024-10-01T08:10:00.000Z' });
    reopen();
    expect(cache.current()).toMatchObject({ etag: '"v3"', fetchedAt: '2024-10-01T08:10:00.000Z' });
  });

  it('refuses a malformed catalogue and keeps the previous one', async () => {
    await cache.refresh(answer({ kind: 'catalogue', catalogue: catalogue(3, true), etag: '"v3"' }));
    const result = await cache.refresh(answer({ kind: 'catalogue', catalogue: { version: -1 } }));
    expect(result).toMatchObject({
      outcome: 'invalid',
      current: { catalogue: { version: 3 } },
      message: 'version: too_small; services: invalid_type',
    });
    reopen();
    expect(cache.current()?.catalogue.version).toBe(3);
  });

  it('has no catalogue when the stored one no longer parses, and fetches a whole new one', async () => {
    db.prepare(
      `INSERT INTO catalogue_cache VALUES (1, '"v9"', 9, '{"version":9,"services":"?"}', 'x')`,
    ).run();
    expect(cache.current()).toBeUndefined();
    let sent: string | undefined = 'not asked';
    const result = await cache.refresh(async (etag) => {
      sent = etag;
      return { kind: 'catalogue', catalogue: catalogue(10, true), etag: '"v10"' };
    });
    expect(sent).toBeUndefined();
    expect(result).toMatchObject({ outcome: 'updated', current: { catalogue: { version: 10 } } });
  });
});
