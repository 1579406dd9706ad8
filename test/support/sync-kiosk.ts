import { until } from './until.js';
import type { NewRequest } from '../../offline-cache/outbox/outbox-types.js';
import { createLogger } from '../../core/log.js';
import { PlatformRegistration } from '../../core/platform-credentials.js';
import { PlatformHttp } from '../../core/platform-http.js';

/** A valid `proofPrinted` request, number `n` (its proof id is unique per `n` and `series`). */
export function proofPrintedRequest(n: number, series = '0000'): NewRequest {
  return {
    kind: 'proofPrinted',
    payload: {
      proofId: `NH-20261123-${series}${String(n).padStart(8, '0')}`,
      proofType: 'noHousing',
      pages: 1,
      printedAt: new Date().toISOString(),
    },
  };
}

/** Signed HTTP to a reference platform, registered with its dev enrolment code (retried until it answers). */
export async function registeredPlatform(
  url: string,
  dataDir: string,
  kioskId: string,
  options: { timeoutMs?: number; now?: () => number } = {},
): Promise<PlatformHttp> {
  const registration = new PlatformRegistration({
    dataDir,
    kioskId,
    enrolmentCode: 'DEV-ENROL-000000',
    log: createLogger('silent'),
  });
  const http = new PlatformHttp(url, { credentials: registration.credentials, ...options });
  for (let attempt = 0; !(await registration.ensure(http)); attempt++) {
    if (attempt >= 50) throw new Error(`kiosk ${kioskId} could not register at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return http;
}

/** One call of the reference platform's loopback control API (faults, stats). */
export async function platformControl(
  base: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: object,
): Promise<unknown> {
  const response = await fetch(new URL(path, base), {
    method,
    ...(body
      ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  return response.status === 204 ? undefined : response.json();
}

/** Starts the relay and waits until the outbox is empty (throws after `timeoutMs`), then stops it; returns the ms it took. */
export async function drainRelay(
  relay: { start: () => void; stop: () => Promise<void> },
  outbox: { stats: () => { queueDepth: number } },
  timeoutMs = 15_000,
): Promise<number> {
  const started = Date.now();
  relay.start();
  await until(() => outbox.stats().queueDepth === 0, timeoutMs);
  await relay.stop();
  return Date.now() - started;
}
