// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { READ_FAILURE_MS } from './components/ReadFailedNotice.js';
import { kioskState } from './test/fake-client.js';
import { identity, renderApp, tap } from './test/render-app.js';

afterEach(cleanup);

const noPersonInPage = () => {
  const text = document.body.textContent ?? '';
  expect(text).not.toMatch(/张|1101|002X/);
};

describe('App', () => {
  it('shows the home screen with the services, their availability and the kiosk id', async () => {
    await renderApp({
      services: [
        { service: 'printProof', available: true },
        { service: 'collectIdCard', available: true },
        { service: 'scanDocuments', available: false, reason: 'deviceNotInstalled' },
      ],
    });
    expect(screen.getByTestId('home-title').textContent).toBe('市民之窗 自助服务');
    expect(screen.getByTestId('service-printProof').dataset.available).toBe('true');
    const scan = screen.getByTestId('service-scanDocuments');
    expect(scan.dataset.available).toBe('false');
    expect(scan.textContent).toContain('本机未配备所需设备');
    expect(screen.getByTestId('kiosk-id').textContent).toContain('FS-CHANCHENG-A');
    expect(screen.queryByTestId('connection-banner')).toBeNull();
  });

  it('greets the card holder and keeps the session when the card is lifted off the reader', async () => {
    const { client } = await renderApp();
    act(() => client.emit('IdCard.CardInserted', { identity }));
    expect(screen.getByTestId('greeting-name').textContent).toBe('张*');
    expect(screen.getByTestId('greeting').textContent).toContain('您好，张*');
    expect(screen.getByTestId('greeting-id').textContent).toBe('1101**********002X');
    expect(screen.getByTestId('greeting').textContent).toContain('居民身份证');

    // A SAM reader stops answering for a card once it has been read: "removed" is not "gone".
    act(() => client.emit('IdCard.CardRemoved', {}));
    expect(screen.getByTestId('greeting-name').textContent).toBe('张*');
  });

  it('"finish" ends the session with citizenFinished and goes home', async () => {
    const { client } = await renderApp();
    act(() => client.emit('IdCard.CardInserted', { identity }));
    await tap('finish');
    expect(client.sent.at(-1)).toEqual({
      name: 'Session.End',
      payload: { reason: 'citizenFinished' },
    });
    expect(screen.getByTestId('home')).toBeTruthy();
    noPersonInPage();
  });

  it('Session.Ended from the core goes home', async () => {
    const { client } = await renderApp();
    act(() => client.emit('IdCard.CardInserted', { identity }));
    act(() => client.emit('Session.Ended', { reason: 'idleTimeout' }));
    noPersonInPage();
  });

  it('switches language without ending the session, and sets <html lang>', async () => {
    const { client } = await renderApp();
    await tap('lang-en');
    expect(screen.getByTestId('home-title').textContent).toBe('Citizen Window Self-Service');
    expect(document.documentElement.lang).toBe('en');
    act(() => client.emit('IdCard.CardInserted', { identity }));
    await tap('lang-zh-TW');
    expect(screen.getByTestId('greeting').textContent).toContain('居民身份證');
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(client.sentNames()).not.toContain('Session.End');
    await tap('finish');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('shows the banner while disconnected and restores the session after reconnecting', async () => {
    const { client } = await renderApp();
    act(() => client.setConnection('connecting'));
    expect(screen.getByTestId('connection-banner').textContent).toContain('正在重新连接');
    expect(screen.getByTestId('service-printProof').dataset.available).toBe('false');

    client.state = kioskState({ session: { active: true, identity } });
    await act(async () => client.setConnection('open'));
    expect(screen.queryByTestId('connection-banner')).toBeNull();
    expect(client.sentNames()).toEqual(['Kiosk.GetState', 'Kiosk.GetState']);
    expect(screen.getByTestId('greeting-name').textContent).toBe('张*');
  });

  it('shows a read failure by error code, which goes away on tap or by itself', async () => {
    const { client, clock } = await renderApp();
    act(() => client.emit('IdCard.ReadFailed', { errorCode: 'unknownCardType', action: 'clear' }));
    expect(screen.getByTestId('read-failed').textContent).toContain('暂不支持此类证件');
    await tap('read-failed');
    expect(screen.queryByTestId('read-failed')).toBeNull();

    act(() =>
      client.emit('IdCard.ReadFailed', { errorCode: 'somethingNew', action: 'maintenance' }),
    );
    expect(screen.getByTestId('read-failed').textContent).toContain('请联系大厅工作人员');
    act(() => clock.advance(READ_FAILURE_MS));
    expect(screen.queryByTestId('read-failed')).toBeNull();
  });

  it('asks "still there?" after idleMs, counts down, and wipes the page at zero even offline', async () => {
    const { client, clock, store } = await renderApp();
    act(() => client.emit('IdCard.CardInserted', { identity }));
    act(() => clock.advance(30_000));
    fireEvent.pointerDown(document.body);
    act(() => clock.advance(59_000));
    expect(screen.queryByTestId('still-there')).toBeNull();
    act(() => clock.advance(1_000));
    expect(screen.getByTestId('still-there-seconds').textContent).toBe('10');

    await tap('still-there-continue');
    expect(screen.queryByTestId('still-there')).toBeNull();
    act(() => clock.advance(63_000));
    expect(screen.getByTestId('still-there-seconds').textContent).toBe('7');

    act(() => client.setConnection('connecting'));
    act(() => clock.advance(7_000));
    expect(client.sent.at(-1)).toEqual({ name: 'Session.End', payload: { reason: 'idleTimeout' } });
    expect(screen.queryByTestId('still-there')).toBeNull();
    expect(screen.getByTestId('home')).toBeTruthy();
    noPersonInPage();
    expect(JSON.stringify(store.getSnapshot())).not.toMatch(/张|1101|002X/);
  });
});
