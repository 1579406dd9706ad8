import { act, screen } from '@testing-library/react';
import type { KioskState } from '../../../contract/index.js';
import { catalogue, matter, pages } from './application-fixtures.js';
import { succeeded } from './fake-client.js';
import { identity, renderApp, tap } from './render-app.js';

/** A session on the greeting screen of a kiosk with the test catalogue, at the matter list. */
export async function atMatters(state: Partial<KioskState> = {}) {
  const kiosk = await renderApp({ catalogue: catalogue(), ...state });
  act(() => kiosk.client.emit('IdCard.CardInserted', { identity }));
  await tap('start-scanDocuments');
  return kiosk;
}

/** At the scan screen of the residence-permit matter (at most `maxPages` pages). */
export async function atScan(maxPages = 5) {
  const kiosk = await atMatters({ catalogue: catalogue({ matters: [matter({ maxPages })] }) });
  await tap('matter-residence-permit');
  return kiosk;
}

/** At the scan screen with `count` pages scanned. */
export async function withPages(count: number, maxPages = 5) {
  const kiosk = await atScan(maxPages);
  for (let n = 1; n <= count; n++) {
    kiosk.client.answer('Application.ScanPage', succeeded({ pages: pages(n) }));
    await tap('scan-page');
  }
  return kiosk;
}

/** The thumbnails on the scan screen. */
export const thumbs = () => screen.queryAllByRole('img').filter((img) => img.closest('.thumbs'));
/** The big scan button. */
export const scanButton = () => screen.getByTestId<HTMLButtonElement>('scan-page');
/** The outcome panel of the done screen. */
export const outcome = () => screen.getByTestId('application-outcome');
