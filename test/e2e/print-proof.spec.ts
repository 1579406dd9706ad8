import { expect, presentCard, resetKiosk, test, type RunningKiosk } from './kiosk-fixture.js';

/** Requests the reference platform has accepted so far (other tests share the kiosk). */
async function acceptedTotal(kiosk: RunningKiosk): Promise<number> {
  const stats = await fetch(`${kiosk.platformUrl}/_control/stats`);
  return ((await stats.json()) as { acceptedTotal: number }).acceptedTotal;
}

test.afterEach(async ({ kiosk }) => {
  await resetKiosk(kiosk);
});

/**
 * A citizen prints a proof in the browser host, on real parts behind the screen: the reference
 * platform, the worker-thread renderer, pdftoppm previews, the SQLite journal, and the kiosk's
 * private cupsd. A second print of the same proof is refused without staff.
 */
test('tap, choose a proof, preview its pages, print it; the same proof is not printed twice', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(60_000);
  const acceptedBefore = await acceptedTotal(kiosk);
  await page.goto(kiosk.url);
  await expect(page.getByTestId('service-printProof')).toHaveAttribute('data-available', 'true');
  await presentCard(kiosk);
  await page.getByTestId('start-printProof').click();
  await page.getByTestId('proof-choice-socialInsurance').click();

  const preview = page.getByTestId('proof-preview');
  await expect(preview).toBeVisible({ timeout: 15_000 });
  const pages = page.getByTestId('proof-preview-page');
  expect(await pages.count()).toBeGreaterThan(1);
  // The page image really loaded (same-origin PNG from the core), not a broken image.
  await expect
    .poll(() => pages.first().evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(400);

  await page.getByTestId('proof-print').click();
  await expect(page.getByTestId('print-done')).toBeVisible({ timeout: 20_000 });
  // The platform receives the print's audit record through the outbox, exactly once.
  await expect.poll(() => acceptedTotal(kiosk)).toBe(acceptedBefore + 1);
  await page.getByTestId('finish-session').click();
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('proof-preview-page')).toHaveCount(0);

  // Same citizen, same proof, same day: the preview says it was printed and offers no print.
  await resetKiosk(kiosk);
  await presentCard(kiosk);
  await page.getByTestId('start-printProof').click();
  await page.getByTestId('proof-choice-socialInsurance').click();
  await expect(page.getByTestId('proof-preview')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('proof-print')).toHaveCount(0);
});
