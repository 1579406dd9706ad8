import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../contract/platform-api.js';
import { CatalogueCache } from '../../offline-cache/catalogue/catalogue-cache.js';
import { openKioskDatabase, type KioskDatabase } from '../../offline-cache/database.js';
import { KIOSK_MIGRATIONS } from '../../offline-cache/migrations/index.js';
import { SEED_CATALOGUE } from '../../platform-sim/seed-platform.js';
import { testPlatform, type TestPlatform } from '../../platform-sim/testing.js';
import { platformControl, registeredPlatform } from '../support/sync-kiosk.js';
import { until } from '../support/until.js';
import { createLogger } from '../../core/log.js';
import type { PlatformHttp } from '../../core/platform-http.js';
import { deriveAvailability } from '../../core/service-availability.js';
import {
  createCatalogueService,
  type CatalogueService,
} from '../../core/catalogue/catalogue-service.js';

/**
 * The catalogue service against the reference platform over real HTTP, with the kiosk's real
 * SQLite file: what the kiosk shows when the platform answers, changes its catalogue, stops, comes
 * back, or sends a catalogue that breaks the contract.
 */

let dir: string;
let platform: TestPlatform;
let url: string;
let port: number;
let http: PlatformHttp;
let db: KioskDatabase;
/** Every answer the kiosk got for its catalogue requests: HTTP status or failure code. */
let answers: (number | string)[];
/** Every catalogue `changed` announced, by version. */
let changes: number[];
let logs: { level: number; msg: string; problem?: string }[];
const services: CatalogueService[] = [];

const WARN = 40;
const ERROR = 50;

async function listen(options: { catalogue?: Catalogue; port?: number } = {}): Promise<void> {
  platform = testPlatform({ dataDir: join(dir, 'platform'), ...options });
  url = await platform.app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  port = Number(new URL(url).port);
}

const openDb = () => openKioskDatabase(join(dir, 'kiosk', 'kiosk.sqlite'), KIOSK_MIGRATIONS);

/** A catalogue service on the kiosk's database, as the core builds it. */
function service(refreshMs?: number): CatalogueService {
  const created = createCatalogueService({
    cache: new CatalogueCache(db),
    http: {
      request: async (...args: Parameters<PlatformHttp['request']>) => {
        const answer = await http.request(...args);
        answers.push(answer.ok ? answer.value.status : answer.error.code);
        return answer;
      },
    },
    log: createLogger('debug', {
      write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]),
    }),
    changed: (catalogue) => changes.push(catalogue.version),
    ...(refreshMs !== undefined ? { refreshMs } : {}),
  });
  services.push(created);
  return created;
}

const storedRow = () =>
  db.prepare('SELECT etag, version FROM catalogue_cache WHERE slot = 1').get() as
    { etag: string | null; version: number } | undefined;
const logged = (level: number) => logs.filter((line) => line.level === level);
const bump = (body: object) => platformControl(url, 'POST', '/_control/catalogue', body);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'catalogue-service-'));
  answers = [];
  changes = [];
  logs = [];
  await listen();
  db = openDb();
  http = await registeredPlatform(url, join(dir, 'kiosk'), 'FS-CATALOGUE-01', { timeoutMs: 1_000 });
});
afterEach(async () => {
  for (const s of services.splice(0)) s.stop();
  db.close();
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('catalogue service against the reference platform', () => {
  it('stores the first catalogue, then is answered 304 Not Modified', async () => {
    const catalogue = service();
    expect(catalogue.current()).toBeUndefined();
    await catalogue.refresh();
    expect(catalogue.current()).toEqual(SEED_CATALOGUE);
    expect(catalogue.current()?.matters?.map((m) => m.titles['zh-CN'])).toEqual([
      '居住证申领',
      '灵活就业人员参保登记',
      '住房公积金租房提取',
    ]);
    expect(storedRow()).toEqual({ etag: '"v1"', version: 1 });
    expect(changes).toEqual([1]);

    await catalogue.refresh();
    await catalogue.refresh();
    expect(answers).toEqual([200, 304, 304]);
    expect(changes).toEqual([1]);
  });

  it('picks up a change the platform makes, announcing it once', async () => {
    const catalogue = service();
    await catalogue.refresh();
    const switchedOff = SEED_CATALOGUE.services.map((s) =>
      s.service === 'scanDocuments' ? { ...s, enabled: false } : s,
    );
    await bump({ services: switchedOff });

    // A refresh asked for mid-fetch runs once more after it (it may carry newer news).
    await Promise.all([catalogue.refresh(), catalogue.refresh(), catalogue.refresh()]);
    await catalogue.refresh();
    expect(changes).toEqual([1, 2]);
    expect(answers).toEqual([200, 200, 304, 304]);
    expect(storedRow()).toEqual({ etag: '"v2"', version: 2 });
    // What the citizen sees: scanning is switched off by the platform, the rest unchanged.
    const scan = deriveAvailability([], true, catalogue.current()).find(
      (s) => s.service === 'scanDocuments',
    );
    expect(scan).toEqual({ service: 'scanDocuments', available: false, reason: 'disabled' });
  });

  it('refreshes on its own every refreshMs', async () => {
    service(100).start();
    await until(() => changes.length === 1);
    await bump({
      notice: { 'zh-CN': '今日延时服务', 'zh-TW': '今日延時服務', en: 'Open late today' },
    });
    await until(() => changes.length === 2, 3_000);
    expect(changes).toEqual([1, 2]);
    expect(answers.filter((a) => a === 200)).toHaveLength(2);
  });

  it('refreshes when the platform reports a newer catalogue version, and only then', async () => {
    const catalogue = service();
    await catalogue.refresh();
    catalogue.platformVersion(1);
    await bump({ services: SEED_CATALOGUE.services.slice(0, 2) });
    catalogue.platformVersion(2);
    await until(() => changes.length === 2);
    catalogue.platformVersion(2);
    await catalogue.refresh();
    expect(answers).toEqual([200, 200, 304]);
    expect(catalogue.current()?.services).toHaveLength(2);
  });

  it('abandons a request the platform holds when stopped, without a warning', async () => {
    await platformControl(url, 'POST', '/_control/faults', {
      mode: 'stall',
      path: '/v1/catalogue',
    });
    const catalogue = service();
    catalogue.start();
    const faultsFired = async () =>
      ((await platformControl(url, 'GET', '/_control/stats')) as { faultsFired: number })
        .faultsFired;
    for (let i = 0; i < 200 && (await faultsFired()) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await faultsFired()).toBe(1);
    const started = Date.now();
    catalogue.stop();
    await catalogue.refresh();
    expect(Date.now() - started).toBeLessThan(500);
    expect(answers).toEqual(['platformUnreachable', 'platformUnreachable']);
    expect(logged(WARN)).toEqual([]);
    expect(storedRow()).toBeUndefined();
  });

  it('after a restart with the platform down, shows the stored catalogue at once', async () => {
    const first = service();
    await first.refresh();
    first.stop();
    await platform.close({ keepDir: true });
    db.close();
    db = openDb();
    changes = [];
    answers = [];

    const rebooted = service(60_000);
    rebooted.start();
    // Before any answer: the stored copy is in force and announced.
    expect(rebooted.current()).toEqual(SEED_CATALOGUE);
    expect(changes).toEqual([1]);
    await rebooted.refresh();
    await rebooted.refresh();
    await rebooted.refresh();
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers.every((a) => a === 'platformUnreachable')).toBe(true);
    expect(rebooted.current()?.version).toBe(1);
    // One warning for the whole outage, not one per refresh.
    expect(logged(WARN).map((l) => l.msg)).toEqual([
      'catalogue.unreachable: showing the stored catalogue (version 1)',
    ]);

    // The platform comes back (the core calls refresh() when its monitor says so).
    await listen({ port });
    await bump({ notice: { 'zh-CN': '恢复服务', 'zh-TW': '恢復服務', en: 'Back in service' } });
    await rebooted.refresh();
    expect(answers.at(-1)).toBe(200);
    expect(changes).toEqual([1, 2]);
    expect(logs.map((l) => l.msg)).toContain('catalogue.reachable');
    expect(logged(WARN)).toHaveLength(1);
  });

  it('refuses a catalogue that breaks the contract and keeps the one it had', async () => {
    const catalogue = service();
    await catalogue.refresh();
    await platform.close({ keepDir: true });
    const [firstMatter, ...otherMatters] = SEED_CATALOGUE.matters ?? [];
    const malformed = {
      ...SEED_CATALOGUE,
      version: 2,
      matters: [{ ...firstMatter!, code: 'residence permit!' }, ...otherMatters],
    };
    await listen({ port, catalogue: malformed });

    /*
     * The first call after the restart may meet the connection the old platform closed ("other
     * side closed": PlatformHttp does not retry it), so refresh until two answers came.
     */
    for (let i = 0; i < 5 && answers.filter((a) => a === 200).length < 3; i++) {
      await catalogue.refresh();
    }
    expect(answers.filter((a) => a === 200)).toHaveLength(3);
    expect(catalogue.current()).toEqual(SEED_CATALOGUE);
    expect(storedRow()).toEqual({ etag: '"v1"', version: 1 });
    expect(changes).toEqual([1]);
    const errors = logged(ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.problem).toBe('matters.0.code: invalid_format');
    expect(errors[0]?.msg).toContain('the kiosk keeps version 1');

    // And after a restart the stored copy is still the good one.
    db.close();
    db = openDb();
    expect(service().current()).toEqual(SEED_CATALOGUE);
  });
});
