import {
  expect,
  presentCard,
  resetKiosk,
  test,
  waitForCatalogue,
  type RunningKiosk,
} from './kiosk-fixture.js';

test.afterEach(async ({ kiosk }) => {
  await platform(kiosk, 'DELETE', '/_control/faults');
  await resetKiosk(kiosk);
});

/** Calls the reference platform's control API. */
async function platform(
  kiosk: RunningKiosk,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: object,
): Promise<unknown> {
  const response = await fetch(new URL(path, kiosk.platformUrl), {
    method,
    ...(body
      ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  return response.status === 204 ? undefined : response.json();
}

interface PlatformStats {
  acceptedTotal: number;
  duplicatesStored: number;
  uploads: { created: number; completed: number };
}

const stats = async (kiosk: RunningKiosk) =>
  (await platform(kiosk, 'GET', '/_control/stats')) as PlatformStats;

/** Every text line the receipt printer simulator printed so far. */
async function receiptLines(kiosk: RunningKiosk): Promise<string> {
  const response = await fetch(`${kiosk.simControl}/printer/receipts`, { method: 'POST' });
  return JSON.stringify(await response.json());
}

/**
 * The network is down: a citizen still applies with scanned documents (SANE test backend), is
 * handed a claim ticket with a claim code, and the application with its pages reaches the
 * reference platform exactly once when the network is back — on real parts: SQLite outbox, tus
 * uploads and signed HTTP to platform-sim, the ESC/POS simulator printing the ticket.
 */
test('offline: scan two pages, submit, take the claim ticket; the platform gets it once when back', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  const before = await stats(kiosk);
  // The matters come from the catalogue the kiosk fetched (and cached) while it was online.
  await waitForCatalogue(kiosk);
  await page.goto(kiosk.url);
  // Every request to the platform is reset, its health check too: the kiosk sees it offline.
  await platform(kiosk, 'POST', '/_control/faults', { mode: 'reset', count: 0 });
  await expect(page.getByTestId('service-printProof')).toHaveAttribute('data-available', 'false', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('service-scanDocuments')).toHaveAttribute('data-available', 'true');

  await presentCard(kiosk);
  await page.getByTestId('start-scanDocuments').click();
  await page.getByTestId('matter-residence-permit').click();
  await page.getByTestId('scan-page').click();
  await expect(page.getByTestId('page-thumb-1')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('scan-page').click();
  await expect(page.getByTestId('page-thumb-2')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('scan-done').click();
  await page.getByTestId('submit-application').click();

  const outcome = page.getByTestId('application-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'queued', { timeout: 20_000 });
  const claimCode = (await page.getByTestId('claim-code').textContent())?.trim() ?? '';
  expect(claimCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const printed = await receiptLines(kiosk);
  expect(printed).toContain(claimCode);
  expect(printed).toContain('离线受理凭证');
  // The ticket shows the applicant masked, never the full ID number.
  expect(printed).not.toMatch(/\d{17}[\dX]/);
  expect((await stats(kiosk)).acceptedTotal).toBe(before.acceptedTotal);
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('home')).toBeVisible();

  // The network is back: the relay uploads both pages and submits the application, once.
  await platform(kiosk, 'DELETE', '/_control/faults');
  await expect
    .poll(async () => (await stats(kiosk)).acceptedTotal, { timeout: 60_000 })
    .toBe(before.acceptedTotal + 1);
  const after = await stats(kiosk);
  expect(after.uploads.completed - before.uploads.completed).toBe(2);
  expect(after.duplicatesStored).toBe(before.duplicatesStored);
  // At the counter, the code on the citizen's ticket finds the application in the back office.
  const claim = (await platform(kiosk, 'GET', `/_control/claims/E2E-0001/${claimCode}`)) as {
    trackingNumber?: string;
    kind?: string;
  };
  expect(claim.kind).toBe('documentApplication');
  expect(claim.trackingNumber).toMatch(/^[A-Z0-9-]{6,40}$/);
  // The kiosk sees the platform again (services that need it come back) before the next test.
  await expect(page.getByTestId('service-printProof')).toHaveAttribute('data-available', 'true', {
    timeout: 20_000,
  });
});

/** Online: the platform confirms within the wait, so the citizen gets its tracking number. */
test('online: one page submitted, the acceptance receipt carries the platform’s tracking number', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(60_000);
  await waitForCatalogue(kiosk);
  const before = await stats(kiosk);
  await page.goto(kiosk.url);
  await expect(page.getByTestId('service-printProof')).toHaveAttribute('data-available', 'true', {
    timeout: 20_000,
  });
  await presentCard(kiosk);
  await page.getByTestId('start-scanDocuments').click();
  await page.getByTestId('matter-flexible-employment-insurance').click();
  await page.getByTestId('scan-page').click();
  await expect(page.getByTestId('page-thumb-1')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('scan-done').click();
  await page.getByTestId('submit-application').click();

  await expect(page.getByTestId('application-outcome')).toHaveAttribute(
    'data-outcome',
    'submitted',
    { timeout: 20_000 },
  );
  const tracking = (await page.getByTestId('tracking-number').textContent())?.trim() ?? '';
  expect(tracking).toMatch(/^[A-Z0-9-]{6,40}$/);
  expect(await receiptLines(kiosk)).toContain(tracking);
  const after = await stats(kiosk);
  expect(after.acceptedTotal).toBe(before.acceptedTotal + 1);
  expect(after.uploads.completed).toBe(before.uploads.completed + 1);
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('home')).toBeVisible();
});
