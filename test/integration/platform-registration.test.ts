import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../core/log.js';
import { PlatformRegistration } from '../../core/platform-credentials.js';
import { PlatformHttp } from '../../core/platform-http.js';
import { testPlatform, type TestPlatform } from '../../platform-sim/testing.js';
import { platformControl } from '../support/sync-kiosk.js';

let dir: string;
let platform: TestPlatform;
let url: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-registration-'));
  platform = testPlatform({ dataDir: join(dir, 'platform') });
  url = await platform.app.listen({ host: '127.0.0.1', port: 0 });
});

afterEach(async () => {
  await platform.app.close();
  rmSync(dir, { recursive: true, force: true });
});

it('registers once when the core asks twice at the same time (an enrolment code is one-time)', async () => {
  const code = 'ONE-TIME-123456';
  await platformControl(url, 'POST', '/_control/enrolment-codes', { codes: [code] });
  const registration = new PlatformRegistration({
    dataDir: dir,
    kioskId: 'FS-0042',
    enrolmentCode: code,
    log: createLogger('silent'),
  });
  const http = new PlatformHttp(url, { credentials: registration.credentials });
  const both = await Promise.all([registration.ensure(http), registration.ensure(http)]);
  expect(both).toEqual([true, true]);
  expect(statSync(join(dir, 'platform-credentials.json')).mode & 0o777).toBe(0o600);
  // The credentials work: a signed call is accepted.
  const catalogue = await http.request('GET', '/v1/catalogue');
  expect(catalogue.ok && catalogue.value.status).toBe(200);
});
