import type { Page } from '@playwright/test';
import { expect, presentCard, removeCard, resetKiosk, test } from './kiosk-fixture.js';

const FULL_NAME = '张三';
const FULL_ID = '11010519491231002X';
const MASKED_NAME = '张*';
const MASKED_ID = '1101**********002X';

/** Neither the page nor the renderer's store may keep any trace of the person. */
async function expectNoTraceOfPerson(page: Page): Promise<void> {
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  const store = await page.evaluate(() =>
    (window as unknown as { __kioskDebugState: () => string }).__kioskDebugState(),
  );
  for (const text of [html, store]) {
    for (const secret of [FULL_NAME, FULL_ID, MASKED_NAME, MASKED_ID, '002X'])
      expect(text).not.toContain(secret);
  }
}

test.afterEach(async ({ kiosk }) => {
  await resetKiosk(kiosk);
});

test('home in three languages, then a card tap greets the citizen; "finish" returns home', async ({
  page,
  kiosk,
}) => {
  await page.goto(kiosk.url);
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The token leaves the address bar once read.
  await expect.poll(() => page.url()).not.toContain('token');
  const zhCnTitle = await page.getByTestId('home-title').textContent();

  await page.getByTestId('lang-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('home-title')).not.toHaveText(zhCnTitle ?? '');
  const enTitle = await page.getByTestId('home-title').textContent();
  expect(enTitle).toMatch(/[A-Za-z]/);

  await page.getByTestId('lang-zh-TW').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await expect(page.getByTestId('home-title')).not.toHaveText(enTitle ?? '');

  // Every service is listed with availability from the core.
  for (const service of ['printProof', 'collectIdCard', 'scanDocuments']) {
    await expect(page.getByTestId(`service-${service}`)).toHaveAttribute(
      'data-available',
      /true|false/,
    );
  }

  await presentCard(kiosk);
  // Acceptance goal: the greeting appears within 1 s of the tap (reader polls every 500 ms).
  await expect(page.getByTestId('greeting')).toBeVisible({ timeout: 1_000 });
  await expect(page.getByTestId('greeting-name')).toContainText(MASKED_NAME);
  await expect(page.getByTestId('greeting-id')).toContainText(MASKED_ID);
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  expect(html).not.toContain(FULL_NAME);
  expect(html).not.toContain(FULL_ID);

  // Lifting the card off the reader does not end the session (see docs/architecture.md).
  await removeCard(kiosk);
  await page.waitForTimeout(1_500);
  await expect(page.getByTestId('greeting-name')).toContainText(MASKED_NAME);

  await page.getByTestId('finish').click();
  await expect(page.getByTestId('home')).toBeVisible();
  await expectNoTraceOfPerson(page);
});

test('an idle citizen gets a countdown, then the kiosk returns home and forgets them', async ({
  page,
  kiosk,
}) => {
  await page.goto(kiosk.url);
  await expect(page.getByTestId('home')).toBeVisible();
  await presentCard(kiosk);
  await expect(page.getByTestId('greeting')).toBeVisible();

  await expect(page.getByTestId('still-there')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('still-there-seconds')).toHaveText(/\d/);
  await expect(page.getByTestId('home')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('still-there')).toBeHidden();
  await expectNoTraceOfPerson(page);
});

test('"continue" on the countdown keeps the session', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await presentCard(kiosk);
  await expect(page.getByTestId('greeting')).toBeVisible();
  await expect(page.getByTestId('still-there')).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('still-there-continue').click();
  await expect(page.getByTestId('still-there')).toBeHidden();
  await expect(page.getByTestId('greeting-name')).toContainText(MASKED_NAME);
});

test('a reload during a session keeps the greeting (state lives in the core)', async ({
  page,
  kiosk,
}) => {
  await page.goto(kiosk.url);
  await presentCard(kiosk);
  await expect(page.getByTestId('greeting')).toBeVisible();
  // A real reload (F5, crash recovery): the token fragment is gone from the URL by now.
  await page.reload();
  await expect(page.getByTestId('greeting-name')).toContainText(MASKED_NAME);
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('home')).toBeVisible();
  await expectNoTraceOfPerson(page);
});

test('a page without the right token cannot connect and says so', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.baseUrl}#token=${'0'.repeat(64)}`);
  await expect(page.getByTestId('connection-banner')).toBeVisible();
});

test('the core logs no personal data', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await presentCard(kiosk);
  await expect(page.getByTestId('greeting')).toBeVisible();
  const logs = kiosk.logs.join('\n');
  expect(logs).not.toContain(FULL_NAME);
  expect(logs).not.toContain(FULL_ID);
});
