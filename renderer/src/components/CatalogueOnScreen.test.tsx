// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogue } from '../test/application-fixtures.js';
import { identity, renderApp, tap } from '../test/render-app.js';

afterEach(cleanup);

const notice = () => screen.queryByTestId('home-notice');
const scanCard = () => screen.getByTestId('service-scanDocuments');

describe('the platform catalogue on screen', () => {
  it('shows the notice in the screen language, and follows a language switch', async () => {
    await renderApp({ catalogue: catalogue() });
    expect(notice()?.textContent).toBe('春节期间大厅 2 月 9 日至 2 月 17 日休息，自助机照常使用');
    expect(notice()?.getAttribute('aria-label')).toBe('公告');
    await tap('lang-en');
    expect(notice()?.textContent).toBe(
      'The hall is closed 9–17 February for Spring Festival; the kiosks stay open',
    );
    await tap('lang-zh-TW');
    expect(notice()?.textContent).toContain('自助機照常使用');
  });

  it('shows no notice when the catalogue has none, or none in this language', async () => {
    const { client } = await renderApp({ catalogue: catalogue({ notice: undefined }) });
    expect(notice()).toBeNull();
    act(() =>
      client.emit('Kiosk.CatalogueChanged', {
        catalogue: catalogue({
          version: 8,
          notice: { 'zh-CN': '今日 17:00 闭厅', 'zh-TW': '', en: ' ' },
        }),
      }),
    );
    expect(notice()?.textContent).toBe('今日 17:00 闭厅');
    await tap('lang-en');
    expect(notice()).toBeNull();
  });

  it('takes a catalogue that arrives later, and keeps the newest version', async () => {
    const { client, store } = await renderApp();
    expect(notice()).toBeNull();
    act(() => client.emit('Kiosk.CatalogueChanged', { catalogue: catalogue({ version: 9 }) }));
    expect(notice()).not.toBeNull();
    // A reconnect's Kiosk.GetState, computed before the change, does not bring the old one back.
    client.state = { ...client.state, catalogue: catalogue({ version: 3, notice: undefined }) };
    act(() => client.setConnection('connecting'));
    await act(async () => client.setConnection('open'));
    expect(store.getSnapshot().kiosk?.catalogue?.version).toBe(9);
    expect(notice()).not.toBeNull();
  });

  it('names the services as the catalogue does, in the screen language', async () => {
    await renderApp({ catalogue: catalogue() });
    expect(scanCard().textContent).toContain('材料扫描申请');
    expect(scanCard().textContent).toContain('扫描纸质材料，在线提交申请');
    // Services the catalogue does not describe keep the built-in texts.
    expect(screen.getByTestId('service-printProof').textContent).toContain('打印证明');
    await tap('lang-en');
    expect(scanCard().textContent).toContain('Apply with documents');
  });

  it('looks as before without a catalogue: built-in texts, and the scan service still starts', async () => {
    const { client } = await renderApp();
    expect(notice()).toBeNull();
    expect(scanCard().textContent).toContain('扫描材料');
    expect(scanCard().textContent).toContain('将纸质材料扫描提交');
    act(() => client.emit('IdCard.CardInserted', { identity }));
    expect(screen.getByTestId('start-scanDocuments').textContent).toContain('扫描材料');
    await tap('start-scanDocuments');
    expect(screen.getByTestId('no-matters')).toBeTruthy();
  });
});
