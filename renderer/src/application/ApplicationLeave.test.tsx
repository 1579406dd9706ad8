// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pages } from '../test/application-fixtures.js';
import { atScan, thumbs, withPages } from '../test/application-driver.js';
import { succeeded } from '../test/fake-client.js';
import { identity, tap } from '../test/render-app.js';

afterEach(cleanup);

describe('leaving or losing the application', () => {
  it('discards the pages when the citizen leaves, after asking', async () => {
    const { client } = await withPages(2);
    await tap('scan-back');
    expect(screen.getByTestId('leave-dialog').textContent).toContain('您已扫描的 2 页材料将被删除');
    await tap('leave-stay');
    expect(screen.queryByTestId('leave-dialog')).toBeNull();
    expect(thumbs()).toHaveLength(2);
    expect(client.sentNames()).not.toContain('Application.Discard');

    await tap('scan-back');
    await tap('leave-confirm');
    expect(client.sent.at(-1)).toEqual({ name: 'Application.Discard', payload: {} });
    expect(screen.getByTestId('matter-chooser')).toBeTruthy();
    expect(document.querySelectorAll('img')).toHaveLength(0);

    await tap('matter-residence-permit');
    expect(thumbs()).toHaveLength(0);
    client.answer('Application.ScanPage', succeeded({ pages: pages(1, 'OtherSessionKey01') }));
    await tap('scan-page');
    await tap('scan-done');
    await tap('review-cancel');
    await tap('leave-confirm');
    expect(client.sentNames().filter((n) => n === 'Application.Discard')).toHaveLength(2);
    expect(screen.getByTestId('greeting')).toBeTruthy();
  });

  it('leaves without asking when nothing was scanned, and the list goes back to the greeting', async () => {
    const { client } = await atScan();
    await tap('scan-back');
    expect(screen.queryByTestId('leave-dialog')).toBeNull();
    expect(client.sent.at(-1)?.name).toBe('Application.Discard');
    await tap('matter-chooser-back');
    expect(screen.getByTestId('greeting')).toBeTruthy();
  });

  it('does not count scanning or submitting as the citizen being idle', async () => {
    const { client, clock } = await withPages(1);
    client.hold('Application.ScanPage');
    await tap('scan-page');
    act(() => clock.advance(300_000));
    expect(screen.queryByTestId('still-there')).toBeNull();
    await act(async () =>
      client.held('Application.ScanPage').complete(succeeded({ pages: pages(2) })),
    );

    await tap('scan-done');
    client.hold('Application.Submit');
    await tap('submit-application');
    act(() => clock.advance(300_000));
    expect(screen.queryByTestId('still-there')).toBeNull();
    expect(client.sentNames()).not.toContain('Session.End');
    expect(screen.getByTestId('submit-progress')).toBeTruthy();
  });

  it('the idle countdown runs on the scan screen and wipes the pages at zero', async () => {
    const { client, clock, store } = await withPages(2);
    act(() => clock.advance(70_000));
    expect(client.sent.at(-1)).toEqual({ name: 'Session.End', payload: { reason: 'idleTimeout' } });
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(store.getSnapshot().application).toBeUndefined();
  });

  it('a session end while scanning drops the answer that comes afterwards', async () => {
    const { client, store } = await withPages(1);
    client.hold('Application.ScanPage');
    await tap('scan-page');
    act(() => client.emit('Session.Ended', { reason: 'idleTimeout' }));
    act(() => client.emit('IdCard.CardInserted', { identity }));
    await act(async () =>
      client.held('Application.ScanPage').complete(succeeded({ pages: pages(2) })),
    );
    expect(screen.getByTestId('greeting')).toBeTruthy();
    expect(JSON.stringify(store.getSnapshot())).not.toContain('/preview/');
  });

  it('a connection lost while submitting does not offer to send again', async () => {
    const { client } = await withPages(1);
    await tap('scan-done');
    client.hold('Application.Submit');
    await tap('submit-application');
    await act(async () => client.setConnection('connecting'));
    expect(screen.getByTestId('application-error').dataset.errorCode).toBe('connectionLost');
    expect(screen.getByTestId('application-error-message').textContent).toBe(
      '提交过程中断，暂时无法确认申请是否已保存',
    );
    expect(screen.queryByTestId('application-error-retry')).toBeNull();
    await tap('application-error-back');
    expect(client.sent.at(-1)?.name).toBe('Session.End');
  });
});
