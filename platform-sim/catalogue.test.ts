import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  Catalogue,
  HeartbeatResponse,
  PendingCardResponse,
  type Heartbeat,
  type RegisterResponse,
} from '../contract/platform-api.js';
import { LOCALES } from '../contract/proofs.js';
import { enrolledPlatform, signedInject, type TestPlatform } from './testing.js';

let platform: TestPlatform;
let kiosk: RegisterResponse;
beforeEach(async () => ({ platform, kiosk } = await enrolledPlatform()));
afterEach(() => platform.close());

const getCatalogue = (ifNoneMatch?: string) =>
  signedInject(platform.app, kiosk, {
    method: 'GET',
    url: '/v1/catalogue',
    headers: ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {},
  });

describe('catalogue', () => {
  it('serves the three services in every locale, with an ETag from its version', async () => {
    const response = await getCatalogue();
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"v1"');
    const catalogue = Catalogue.parse(response.json());
    expect(catalogue.services.map((s) => s.service)).toEqual([
      'printProof',
      'collectIdCard',
      'scanDocuments',
    ]);
    for (const service of catalogue.services)
      expect(Object.keys(service.titles).sort()).toEqual([...LOCALES].sort());
  });

  it('answers 304 without a body while the version has not changed, 200 once it has', async () => {
    const notModified = await getCatalogue('"v1"');
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers.etag).toBe('"v1"');
    expect((await getCatalogue('W/"v1", "v0"')).statusCode).toBe(304);

    const bumped = await platform.app.inject({
      method: 'POST',
      url: '/_control/catalogue',
      payload: {
        notice: {
          'zh-CN': '春节期间暂停服务',
          'zh-TW': '春節期間暫停服務',
          en: 'Closed over the Spring Festival',
        },
      },
    });
    expect(Catalogue.parse(bumped.json()).version).toBe(2);
    const changed = await getCatalogue('"v1"');
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe('"v2"');
    expect(Catalogue.parse(changed.json()).notice?.en).toBe('Closed over the Spring Festival');
  });

  it('lists the matters a citizen can apply for by scanning, in every locale', async () => {
    const catalogue = Catalogue.parse((await getCatalogue()).json());
    const matters = catalogue.matters ?? [];
    expect(matters.map((m) => m.code)).toEqual([
      'residence-permit',
      'flexible-employment-insurance',
      'housing-fund-rent-withdrawal',
    ]);
    expect(matters.map((m) => m.titles['zh-CN'])).toEqual([
      '居住证申领',
      '灵活就业人员参保登记',
      '住房公积金租房提取',
    ]);
    for (const matter of matters) {
      expect(Object.keys(matter.titles).sort()).toEqual([...LOCALES].sort());
      expect(Object.keys(matter.documentsHint).sort()).toEqual([...LOCALES].sort());
      expect(matter.documentsHint['zh-CN']).toContain('身份证正反面');
      expect(matter.maxPages).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps the matters when an operator changes the notice or switches a service off', async () => {
    const seeded = Catalogue.parse((await getCatalogue()).json());
    const services = seeded.services.map((s) =>
      s.service === 'collectIdCard' ? { ...s, enabled: false } : s,
    );
    const bumped = await platform.app.inject({
      method: 'POST',
      url: '/_control/catalogue',
      payload: { services },
    });
    expect(bumped.statusCode).toBe(200);
    const served = Catalogue.parse((await getCatalogue()).json());
    expect(served.version).toBe(2);
    expect(served.services.find((s) => s.service === 'collectIdCard')?.enabled).toBe(false);
    expect(served.matters).toEqual(seeded.matters);
  });

  it('lets a test withdraw every matter through the control API', async () => {
    const bumped = await platform.app.inject({
      method: 'POST',
      url: '/_control/catalogue',
      payload: { matters: null },
    });
    expect(bumped.statusCode).toBe(200);
    expect(Catalogue.parse((await getCatalogue()).json()).matters).toBeUndefined();
  });
});

describe('pending ID cards', () => {
  const ask = (body: object) =>
    signedInject(platform.app, kiosk, { method: 'POST', url: '/v1/id-cards/pending', body });

  it("finds 陈嘉欣's new card at any kiosk", async () => {
    const response = await ask({ name: '陈嘉欣', idNumber: '440604199203150027' });
    expect(PendingCardResponse.parse(response.json())).toEqual({
      pending: true,
      cardRecordId: 'IDC-FS-2026-000421',
      cardNumberLast4: '0027',
    });
  });

  it('says nothing is pending for anyone else, or for a name that does not match', async () => {
    expect((await ask({ name: '张三', idNumber: '11010519491231002X' })).json()).toEqual({
      pending: false,
    });
    expect((await ask({ name: '陈嘉', idNumber: '440604199203150027' })).json()).toEqual({
      pending: false,
    });
    expect((await ask({ idNumber: '440604199203150027' })).statusCode).toBe(400);
  });
});

describe('heartbeat', () => {
  it('records the heartbeat and answers with the platform clock and the catalogue version', async () => {
    const heartbeat: Heartbeat = {
      sentAt: '2020-01-01T00:00:00.000Z',
      appVersion: '0.1.0',
      devices: [
        { id: 'receiptPrinter', deviceClass: 'receiptPrinter', state: 'online', paper: 'low' },
      ],
      counters: [{ id: 'receiptPrinter', counters: { receiptsPrinted: 12 } }],
      queueDepth: 3,
      oldestQueuedAt: '2019-12-31T23:00:00.000Z',
      deadLetters: 0,
    };
    const response = await signedInject(platform.app, kiosk, {
      method: 'POST',
      url: '/v1/heartbeat',
      body: heartbeat,
    });
    expect(response.statusCode).toBe(200);
    const answer = HeartbeatResponse.parse(response.json());
    expect(answer.catalogueVersion).toBe(1);
    expect(Math.abs(Date.parse(answer.serverTime) - Date.now())).toBeLessThan(5_000);
    const latest = (await platform.app.inject('/_control/heartbeats')).json() as Record<
      string,
      { heartbeat: Heartbeat }
    >;
    expect(latest[kiosk.kioskId]?.heartbeat).toEqual(heartbeat);
    const bad = await signedInject(platform.app, kiosk, {
      method: 'POST',
      url: '/v1/heartbeat',
      body: { ...heartbeat, queueDepth: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'invalidRequest', message: 'queueDepth: too_small' });
  });
});
