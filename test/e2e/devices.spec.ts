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

test('the page opens the camera, reports it, and the core publishes it online', async ({
  page,
  kiosk,
}) => {
  await page.goto(kiosk.url);
  await expect(page.getByTestId('home')).toBeVisible();
  await expect.poll(() => deviceState(page, 'camera'), { timeout: 10_000 }).toBe('online');
  await expect.poll(() => deviceState(page, 'idCardReader'), { timeout: 10_000 }).toBe('online');
});
