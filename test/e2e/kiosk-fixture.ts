import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { KioskClient } from '../../contract/index.js';

/** A running kiosk core (built bundle) with embedded simulators and reference platform. */
export interface RunningKiosk {
  /** Page URL including the token fragment, as the browser host opens it. */
  url: string;
  /** The core's base URL, without the token. */
  baseUrl: string;
  /** Control API of the device simulators. */
  simControl: string;
  /** Base URL of the (embedded reference) central platform. */
  platformUrl: string;
  /** The per-boot token. */
  token: string;
  /** Every log line the core printed. */
  logs: string[];
}

async function startKiosk(): Promise<{ kiosk: RunningKiosk; core: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const config = join(dir, 'kiosk.json');
  // Short citizen timeouts so the idle test runs in seconds.
  writeFileSync(
    config,
    JSON.stringify({ kioskId: 'E2E-0001', ui: { idleMs: 2_000, countdownMs: 3_000 } }),
  );
  const token = randomBytes(32).toString('hex');
  const core = spawn(process.execPath, ['dist/core/kiosk-core.js'], {
    env: {
      ...process.env,
      KIOSK_TOKEN: token,
      KIOSK_PORT: '0',
      KIOSK_CONFIG: config,
      KIOSK_DATA_DIR: dir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const kiosk = await new Promise<RunningKiosk>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`core not ready in 30 s:\n${logs.join('\n')}`)),
      30_000,
    );
    core.once('exit', (code) => reject(new Error(`core exited with ${code}:\n${logs.join('\n')}`)));
    createInterface({ input: core.stderr! }).on('line', (line) => logs.push(line));
    createInterface({ input: core.stdout! }).on('line', (line) => {
      logs.push(line);
      const entry = JSON.parse(line) as {
        msg?: string;
        url?: string;
        simControl?: string;
        platformUrl?: string;
      };
      if (entry.msg === 'core.ready' && entry.url && entry.simControl) {
        clearTimeout(timer);
        resolve({
          url: `${entry.url}#token=${token}`,
          baseUrl: entry.url,
          simControl: entry.simControl,
          platformUrl: entry.platformUrl ?? '',
          token,
          logs,
        });
      }
    });
  });
  return { kiosk, core };
}

export const test = base.extend<object, { kiosk: RunningKiosk }>({
  kiosk: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { kiosk, core } = await startKiosk();
      await use(kiosk);
      const exited = new Promise((resolve) => core.once('exit', resolve));
      core.kill('SIGTERM');
      await exited;
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';

/** Drives the ID-card reader simulator. */
export async function presentCard(
  kiosk: RunningKiosk,
  card?: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`${kiosk.simControl}/idcard/card`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(card ?? {}),
  });
  if (!response.ok)
    throw new Error(`simulator refused the card: ${response.status} ${await response.text()}`);
}

/** Takes the card off the simulated reader. */
export async function removeCard(kiosk: RunningKiosk): Promise<void> {
  const response = await fetch(`${kiosk.simControl}/idcard/card`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`simulator refused to remove the card: ${response.status}`);
}

/**
 * Puts the kiosk back to its idle state between tests: card off the reader, the reader ready for
 * the next card (it reports the field empty only after consecutive "no card" polls, so a card put
 * back sooner counts as the same, already-read card), and no citizen session.
 */
export async function resetKiosk(kiosk: RunningKiosk): Promise<void> {
  await removeCard(kiosk);
  await withClient(kiosk, async (client) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const state = await client.execute('Kiosk.GetState', {});
      const reader =
        state.kind === 'completed' && state.completionCode === 'success'
          ? state.payload.devices.find((d) => d.id === 'idCardReader')
          : undefined;
      if (reader?.cardPresent === false) break;
      if (Date.now() > deadline) throw new Error('the reader still reports a card after 10 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.execute('Session.End', { reason: 'reset' });
  });
}

/** Waits until the core holds the platform's catalogue (fetched after registration at boot). */
export async function waitForCatalogue(kiosk: RunningKiosk, timeoutMs = 20_000): Promise<void> {
  await withClient(kiosk, async (client) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await client.execute('Kiosk.GetState', {});
      if (
        state.kind === 'completed' &&
        state.completionCode === 'success' &&
        state.payload.catalogue
      )
        return;
      if (Date.now() > deadline) {
        const said = JSON.stringify(state).slice(0, 300);
        throw new Error(`no catalogue after ${timeoutMs} ms; the core said ${said}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}

/** Runs `work` with a connected command client of the core. */
async function withClient<T>(kiosk: RunningKiosk, work: (client: KioskClient) => Promise<T>) {
  const client = new KioskClient({
    url: `${kiosk.baseUrl.replace(/^http/, 'ws')}ws`,
    token: kiosk.token,
    createSocket: (url, protocols) => new WebSocket(url, protocols),
  });
  client.start();
  try {
    await new Promise<void>((resolve) => {
      if (client.connection === 'open') resolve();
      client.onConnection((state) => state === 'open' && resolve());
    });
    return await work(client);
  } finally {
    client.stop();
  }
}
