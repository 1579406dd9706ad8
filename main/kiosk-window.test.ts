import { describe, expect, it } from 'vitest';
import { endpointOn } from './testing/fixtures.js';
import { createKioskWindow, kioskWindowOptions, type KioskWindowConfig } from './kiosk-window.js';
import { FakeElectron } from './testing/fake-electron.js';
import { FakeLog } from './testing/fake-log.js';

const endpoint = endpointOn(8787);
const host = { wsUrl: endpoint.wsUrl, token: 'ab'.repeat(32) };
const config: KioskWindowConfig = {
  preloadPath: '/app/dist/main/preload.cjs',
  devTools: false,
  windowed: false,
  display: { x: 0, y: 0, width: 1920, height: 1080 },
};

function openWindow(overrides: Partial<KioskWindowConfig> = {}) {
  const electron = new FakeElectron();
  const log = new FakeLog();
  let quitting = false;
  const win = createKioskWindow(electron, { ...config, ...overrides }, host, {
    endpoint: () => endpoint,
    closeAllowed: () => quitting,
    log,
  });
  const fake = electron.window;
  if (!fake || fake !== win) throw new Error('window not created through the facade');
  return { win: fake, log, quit: () => (quitting = true) };
}

describe('kiosk window options', () => {
  it('locks every renderer setting down', () => {
    expect(kioskWindowOptions(config, host).webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      preload: '/app/dist/main/preload.cjs',
      additionalArguments: [`--kiosk-ws-url=${host.wsUrl}`, `--kiosk-token=${host.token}`],
    });
  });

  it('covers the whole display in kiosk mode, without frame or menu, above other windows', () => {
    expect(kioskWindowOptions(config, host)).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      alwaysOnTop: true,
      backgroundColor: expect.stringMatching(/^#[0-9a-f]{6}$/),
      x: 0,
      y: 0,
      width: 1920,
      height: 1080,
    });
  });

  it('opens developer tools only when asked, and gives a normal window for development', () => {
    const dev = kioskWindowOptions({ ...config, devTools: true, windowed: true }, host);
    expect(dev.webPreferences.devTools).toBe(true);
    expect(dev).toMatchObject({ kiosk: false, fullscreen: false, frame: true, alwaysOnTop: false });
    expect(dev.width).toBe(1280);
    expect(dev.webPreferences.sandbox).toBe(true);
  });

  it('gives the page no connection info when there is no core', () => {
    expect(kioskWindowOptions(config, undefined).webPreferences.additionalArguments).toEqual([]);
  });
});

describe('kiosk window guards', () => {
  it('removes the menu and its accelerators', () => {
    expect(openWindow().win.menuRemoved).toBe(true);
  });

  it("allows navigation within the core's origin only", () => {
    const { win, log } = openWindow();
    expect(win.webContents.navigate('http://127.0.0.1:8787/services/proof')).toBe(false);
    expect(win.webContents.navigate('https://evil.example/phish')).toBe(true);
    expect(win.webContents.navigate('http://127.0.0.1:9999/')).toBe(true);
    expect(win.webContents.navigate('file:///etc/passwd')).toBe(true);
    expect(win.webContents.navigate('javascript:alert(1)')).toBe(true);
    expect(win.webContents.redirect('http://localhost:8787/')).toBe(true);
    expect(win.webContents.redirect('http://127.0.0.1:8787/home')).toBe(false);
    expect(log.messages()).toContain('window.navigation.blocked');
  });

  it('denies every new window', () => {
    const { win } = openWindow();
    expect(win.webContents.openHandler?.('https://evil.example/')).toEqual({ action: 'deny' });
    expect(win.webContents.openHandler?.('http://127.0.0.1:8787/')).toEqual({ action: 'deny' });
  });

  it('swallows reload, devtools, zoom and print keys but lets typing through', () => {
    const { win } = openWindow();
    const wc = win.webContents;
    expect(wc.press({ key: 'F5' })).toBe(true);
    expect(wc.press({ key: 'r', control: true })).toBe(true);
    expect(wc.press({ key: 'F12' })).toBe(true);
    expect(wc.press({ key: 'I', control: true, shift: true })).toBe(true);
    expect(wc.press({ key: '+', control: true, shift: true })).toBe(true);
    expect(wc.press({ key: 'p', control: true })).toBe(true);
    expect(wc.press({ key: 'F4', alt: true })).toBe(true);
    expect(wc.press({ key: 'a' })).toBe(false);
    expect(wc.press({ key: '7' })).toBe(false);
    expect(wc.press({ key: 'X', shift: true })).toBe(false);
    expect(wc.press({ key: 'Enter' })).toBe(false);
  });

  it('lets devtools keys through when devtools are enabled', () => {
    const { win } = openWindow({ devTools: true });
    expect(win.webContents.press({ key: 'F12' })).toBe(false);
    expect(win.webContents.press({ key: 'F5' })).toBe(true);
  });

  it('pins pinch zoom at 1 after every load and undoes Ctrl+wheel zoom', () => {
    const { win } = openWindow();
    win.webContents.didFinishLoad.emit();
    expect(win.webContents.zoomLimits).toEqual([
      [1, 1],
      [1, 1],
    ]);
    win.webContents.zoomChanged.emit();
    expect(win.webContents.zoomLevels).toEqual([0]);
  });

  it('refuses to close (Alt+F4, window manager) until the app quits', () => {
    const { win, quit } = openWindow();
    expect(win.tryClose()).toBe(true);
    quit();
    expect(win.tryClose()).toBe(false);
  });
});
