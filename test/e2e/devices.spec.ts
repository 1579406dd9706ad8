import type { Page } from '@playwright/test';
import { expect, test } from './kiosk-fixture.js';

/** The renderer's view of one device, read from its store. */
async function deviceState(page: Page, id: string): Promise<string> {
  const json = await page.evaluate(() =>
    (window as unknown as { __kioskDebugState: () => string }).__kioskDebugState(),
  );
  const snapshot = JSON.parse(json) as {
    kiosk?: { devices: Array<{ id: string; state: string }> };
  };
  return snapshot.kiosk?.devices.find((d) => d.id === id)?.state ?? 'absent';
}

/** Sends one action to the embedded simulators' control API. */
async function simulator(simControl: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${simControl}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(200);
}

const DEVICES = [
  'idCardReader',
  'receiptPrinter',
  'documentPrinter',
  'fingerprintScanner',
  'cardDispenser',
  'barcodeScanner',
  'documentScanner',
  'camera',
];

test('every simulated device comes online, the camera through the page', async ({
  page,
  kiosk,
}) => {
  await page.goto(kiosk.url);
  await expect(page.getByTestId('home')).toBeVisible();
  for (const id of DEVICES) {
    await expect.poll(() => deviceState(page, id), { timeout: 15_000, message: id }).toBe('online');
  }
  // The A4 printer is the kiosk's own cupsd; with every device online, every service can run.
  for (const service of ['printProof', 'collectIdCard', 'scanDocuments']) {
    await expect(page.getByTestId(`service-${service}`)).toHaveAttribute('data-available', 'true');
  }
});

// A device fault reaches the citizen's screen as an unavailable service, and clearing it brings
// the service back within 5 s without restarting anything.
const FAULTS: Array<{ device: string; fault: string; service: string }> = [
  { device: 'printer', fault: 'paperOut', service: 'scanDocuments' },
  { device: 'printer', fault: 'paperOut', service: 'printProof' },
  { device: 'printer', fault: 'coverOpen', service: 'collectIdCard' },
  { device: 'dispenser', fault: 'cardJam', service: 'collectIdCard' },
  { device: 'dispenser', fault: 'stackerEmpty', service: 'collectIdCard' },
  { device: 'fingerprint', fault: 'wrongPassword', service: 'collectIdCard' },
];

for (const { device, fault, service } of FAULTS) {
  test(`${device} ${fault}: ${service} becomes unavailable, then recovers within 5 s`, async ({
    page,
    kiosk,
  }) => {
    await page.goto(kiosk.url);
    const card = page.getByTestId(`service-${service}`);
    await expect(card).toHaveAttribute('data-available', 'true', { timeout: 15_000 });
    await simulator(kiosk.simControl, `/${device}/fault`, { fault });
    await expect(card).toHaveAttribute('data-available', 'false', { timeout: 15_000 });
    await simulator(kiosk.simControl, `/${device}/fault`, { fault: null });
    if (fault === 'cardJam')
      await simulator(kiosk.simControl, '/dispenser/place', { position: 'none' });
    await expect(card).toHaveAttribute('data-available', 'true', { timeout: 5_000 });
  });
}
