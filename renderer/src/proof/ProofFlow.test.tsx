// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { failed, succeeded } from '../test/fake-client.js';
import { preparedProof } from '../test/proof-fixtures.js';
import { identity, renderApp, tap } from '../test/render-app.js';

afterEach(cleanup);

/** A session on the greeting screen, with the proof chooser open. */
async function atChooser(...args: Parameters<typeof renderApp>) {
  const kiosk = await renderApp(...args);
  act(() => kiosk.client.emit('IdCard.CardInserted', { identity }));
  await tap('start-printProof');
  return kiosk;
}

const pages = () => screen.queryAllByTestId<HTMLImageElement>('proof-preview-page');
const visiblePages = () => pages().filter((img) => !img.hidden);
const stageShown = () => screen.getByTestId('print-progress').dataset.stage;

describe('print a proof', () => {
  it('chooses, previews every page, prints with progress, and finishes', async () => {
    const { client } = await atChooser();
    expect(screen.getByTestId('proof-chooser').textContent).toContain('社会保险参保证明');

    client.hold('Proof.Prepare');
    await tap('proof-choice-socialInsurance');
    expect(screen.getByTestId('proof-preparing').textContent).toContain('正在从政务服务平台');
    expect(client.held('Proof.Prepare').payload).toEqual({
      type: 'socialInsurance',
      locale: 'zh-CN',
    });

    const proof = preparedProof({ type: 'socialInsurance', pageCount: 3 });
    await act(async () => client.held('Proof.Prepare').complete(succeeded(proof)));
    const preview = screen.getByTestId('proof-preview');
    expect(preview.textContent).toContain('请核对您的社会保险参保证明');
    expect(pages().map((img) => img.getAttribute('src'))).toEqual(proof.previewUrls);
    expect(visiblePages().map((img) => img.dataset.page)).toEqual(['1']);
    expect(screen.getByTestId('proof-page-position').textContent).toBe('第 1 页，共 3 页');
    expect(screen.getByTestId<HTMLButtonElement>('proof-page-prev').disabled).toBe(true);
    expect(screen.getByTestId('proof-valid-until').textContent).toBe('2025年7月31日');

    await tap('proof-page-next');
    await tap('proof-page-next');
    expect(visiblePages().map((img) => img.dataset.page)).toEqual(['3']);
    expect(screen.getByTestId('proof-page-position').textContent).toBe('第 3 页，共 3 页');
    expect(screen.getByTestId<HTMLButtonElement>('proof-page-next').disabled).toBe(true);
    await tap('proof-page-prev');
    expect(visiblePages().map((img) => img.dataset.page)).toEqual(['2']);

    client.hold('Proof.Print');
    await tap('proof-print');
    const print = client.held('Proof.Print');
    expect(print.payload).toEqual({ proofId: proof.proofId });
    expect(stageShown()).toBe('starting');
    for (const stage of ['recorded', 'submitted', 'printing', 'completed', 'receipt'] as const) {
      act(() => print.emit('Print.Progress', { stage }));
      expect(stageShown()).toBe(stage);
    }
    const steps = within(screen.getByTestId('print-progress')).getAllByRole('listitem');
    expect(steps.map((li) => li.dataset.state)).toEqual(['done', 'done', 'active']);

    await act(async () =>
      print.complete(
        succeeded({ jobId: '01JZ0000000000000000000000', pages: 3, receiptPrinted: true }),
      ),
    );
    const done = screen.getByTestId('print-done');
    expect(done.textContent).toContain('请从 A4 出纸口取走您的证明');
    expect(done.textContent).toContain('请从回执出口取走您的回执');
    expect(pages()).toHaveLength(0);

    await tap('finish-session');
    expect(client.sent.at(-1)).toEqual({
      name: 'Session.End',
      payload: { reason: 'citizenFinished' },
    });
    expect(screen.getByTestId('home')).toBeTruthy();
  });

  it('shows the steps in order while printing', async () => {
    const { client } = await atChooser();
    client.answer('Proof.Prepare', succeeded(preparedProof({ pageCount: 1 })));
    await tap('proof-choice-noHousing');
    // One page: nothing to turn.
    expect(screen.queryByTestId('proof-page-next')).toBeNull();
    expect(pages()).toHaveLength(1);

    client.hold('Proof.Print');
    await tap('proof-print');
    const states = () =>
      within(screen.getByTestId('print-progress'))
        .getAllByRole('listitem')
        .map((li) => li.dataset.state);
    expect(states()).toEqual(['active', 'todo', 'todo']);
    act(() => client.held('Proof.Print').emit('Print.Progress', { stage: 'printing' }));
    expect(states()).toEqual(['done', 'active', 'todo']);
  });

  it('mentions the receipt only when one printed, and offers another proof', async () => {
    const { client } = await atChooser();
    client.answer('Proof.Prepare', succeeded(preparedProof()));
    client.answer(
      'Proof.Print',
      succeeded({ jobId: '01JZ0000000000000000000000', pages: 3, receiptPrinted: false }),
    );
    await tap('proof-choice-noHousing');
    await tap('proof-print');
    const done = screen.getByTestId('print-done');
    expect(done.dataset.receiptPrinted).toBe('false');
    expect(done.textContent).toContain('请从 A4 出纸口取走您的证明');
    expect(done.textContent).not.toContain('回执');

    await tap('print-another');
    expect(screen.getByTestId('proof-chooser')).toBeTruthy();
  });

  it('lays the proof out in the screen language, and speaks it', async () => {
    const { client } = await atChooser();
    await tap('lang-en');
    expect(screen.getByTestId('proof-choice-taxPaid').textContent).toContain(
      'Individual income tax paid proof',
    );
    client.answer('Proof.Prepare', succeeded(preparedProof({ type: 'taxPaid', locale: 'en' })));
    await tap('proof-choice-taxPaid');
    expect(client.sent.find((c) => c.name === 'Proof.Prepare')?.payload).toEqual({
      type: 'taxPaid',
      locale: 'en',
    });
    expect(screen.getByTestId('proof-valid-until').textContent).toBe('31 July 2025');
    expect(screen.getByTestId('proof-page-position').textContent).toBe('Page 1 of 3');
    expect(pages()[0]?.alt).toBe('Individual income tax paid proof, page 1 of 3');
  });

  it('does not offer to print a proof printed before: staff reprint it', async () => {
    const { client } = await atChooser();
    client.answer('Proof.Prepare', succeeded(preparedProof({ alreadyPrinted: true })));
    await tap('proof-choice-noHousing');
    expect(pages()).toHaveLength(3);
    expect(screen.queryByTestId('proof-print')).toBeNull();
    expect(screen.getByTestId('proof-already-printed').textContent).toContain(
      '请到服务台请工作人员为您补打',
    );
    await tap('proof-back');
    expect(screen.getByTestId('proof-chooser')).toBeTruthy();
    expect(client.sentNames()).not.toContain('Proof.Print');
  });

  it('cancel while preparing sends Common.Cancel and drops the late answer', async () => {
    const { client } = await atChooser();
    client.hold('Proof.Prepare');
    await tap('proof-choice-noHousing');
    const prepare = client.held('Proof.Prepare');
    await tap('proof-cancel');
    expect(client.sent.at(-1)).toEqual({ name: 'Common.Cancel', payload: {} });
    expect(prepare.settled).toBe(true);
    expect(screen.getByTestId('proof-chooser')).toBeTruthy();
    expect(screen.queryByTestId('print-error')).toBeNull();
  });

  it('a late answer after a cancel does not bring the preview back', async () => {
    const { client } = await atChooser();
    // A core that finishes the lookup just as the cancel arrives.
    client.answer('Proof.Prepare', () => undefined);
    await tap('proof-choice-noHousing');
    const prepare = client.held('Proof.Prepare');
    client.answer('Common.Cancel', () => undefined);
    await tap('proof-cancel');
    await act(async () => prepare.complete(succeeded(preparedProof())));
    expect(screen.getByTestId('proof-chooser')).toBeTruthy();
    expect(pages()).toHaveLength(0);
  });

  it('session end while previewing goes home and removes the pages from page and store', async () => {
    const { client, store } = await atChooser();
    client.answer('Proof.Prepare', succeeded(preparedProof()));
    await tap('proof-choice-noHousing');
    expect(pages()).toHaveLength(3);

    act(() => client.emit('Session.Ended', { reason: 'idleTimeout' }));
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(store.getSnapshot().proof).toBeUndefined();
    expect(JSON.stringify(store.getSnapshot())).not.toMatch(/preview|FS-NH|张/);

    // The next citizen starts from the greeting, not from the last one's proof.
    act(() => client.emit('IdCard.CardInserted', { identity }));
    expect(screen.getByTestId('greeting')).toBeTruthy();
  });

  it('session end while preparing drops the answer that comes afterwards', async () => {
    const { client } = await atChooser();
    client.hold('Proof.Prepare');
    await tap('proof-choice-noHousing');
    act(() => client.emit('Session.Ended', { reason: 'idleTimeout' }));
    act(() => client.emit('IdCard.CardInserted', { identity }));
    await act(async () => client.held('Proof.Prepare').complete(succeeded(preparedProof())));
    expect(screen.getByTestId('greeting')).toBeTruthy();
    expect(pages()).toHaveLength(0);
  });

  it('the idle countdown runs on the preview and wipes it at zero', async () => {
    const { client, clock } = await atChooser();
    client.answer('Proof.Prepare', succeeded(preparedProof()));
    await tap('proof-choice-noHousing');
    act(() => clock.advance(60_000));
    expect(screen.getByTestId('still-there')).toBeTruthy();
    act(() => clock.advance(10_000));
    expect(client.sent.at(-1)).toEqual({ name: 'Session.End', payload: { reason: 'idleTimeout' } });
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  it('does not count a long print as the citizen being idle', async () => {
    const { client, clock } = await atChooser();
    client.answer('Proof.Prepare', succeeded(preparedProof()));
    await tap('proof-choice-noHousing');
    client.hold('Proof.Print');
    await tap('proof-print');
    act(() => clock.advance(300_000));
    expect(screen.queryByTestId('still-there')).toBeNull();
    expect(client.sentNames()).not.toContain('Session.End');
    expect(screen.getByTestId('print-progress')).toBeTruthy();
  });

  it('keeps the flow across a reconnect of the same session', async () => {
    const { client } = await atChooser();
    client.answer('Proof.Prepare', succeeded(preparedProof()));
    await tap('proof-choice-noHousing');
    act(() => client.setConnection('connecting'));
    client.state = { ...client.state, session: { active: true, identity } };
    await act(async () => client.setConnection('open'));
    expect(pages()).toHaveLength(3);
  });

  it('tries a failed lookup again, and goes back from an error to the chooser', async () => {
    const { client } = await atChooser();
    client.answer('Proof.Prepare', failed('timeOut', 'platformTimeout', 'reset'));
    await tap('proof-choice-taxPaid');
    expect(screen.getByTestId('print-error').dataset.errorCode).toBe('platformTimeout');

    client.answer('Proof.Prepare', succeeded(preparedProof({ type: 'taxPaid' })));
    await tap('print-error-retry');
    expect(client.sentNames().filter((n) => n === 'Proof.Prepare')).toHaveLength(2);
    expect(screen.getByTestId('proof-preview')).toBeTruthy();

    client.answer('Proof.Print', failed('hardwareError', 'mediaEmpty', 'maintenance'));
    await tap('proof-print');
    expect(screen.getByTestId('print-error').dataset.errorCode).toBe('mediaEmpty');
    expect(screen.queryByTestId('print-error-retry')).toBeNull();
    await tap('print-error-back');
    expect(screen.getByTestId('proof-chooser')).toBeTruthy();
  });

  it('only an available service is a button, and "back" leaves the chooser', async () => {
    const { client } = await renderApp({
      services: [
        { service: 'printProof', available: false, reason: 'deviceNotReady' },
        { service: 'collectIdCard', available: true },
        { service: 'scanDocuments', available: true },
      ],
    });
    act(() => client.emit('IdCard.CardInserted', { identity }));
    expect(screen.queryByTestId('start-printProof')).toBeNull();
    // No flow behind these yet: a card that does nothing must not look like a button.
    expect(screen.queryByTestId('start-collectIdCard')).toBeNull();

    act(() =>
      client.emit('Kiosk.ServicesChanged', {
        services: [{ service: 'printProof', available: true }],
      }),
    );
    await tap('start-printProof');
    await tap('proof-chooser-back');
    expect(screen.getByTestId('greeting')).toBeTruthy();
  });
});
