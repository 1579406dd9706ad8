import { act, fireEvent, render, screen } from '@testing-library/react';
import type { KioskState } from '../../../contract/index.js';
import { App } from '../App.js';
import { createKioskStore } from '../store.js';
import { FakeClient, kioskState } from './fake-client.js';
import { FakeClock } from './fake-clock.js';

/** The masked demo card holder. */
export const identity = {
  cardType: 'residentId',
  maskedName: '张*',
  maskedIdNumber: '1101**********002X',
} as const;

/** Renders App on a fake client and lets its first Kiosk.GetState complete. */
export async function renderApp(state: Partial<KioskState> = {}) {
  const client = new FakeClient();
  client.state = kioskState(state);
  const clock = new FakeClock();
  const store = createKioskStore();
  await act(async () => {
    render(<App client={client} store={store} clock={clock} />);
  });
  return { client, clock, store };
}

/** Taps the element with `testId`, letting any command it sends settle. */
export async function tap(testId: string): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
}
