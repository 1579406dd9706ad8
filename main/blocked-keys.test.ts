import { describe, expect, it } from 'vitest';
import { isBlockedKey } from './blocked-keys.js';
import { keyInput as key } from './testing/fixtures.js';

describe('isBlockedKey', () => {
  it.each([
    ['F5 (reload)', key({ key: 'F5' })],
    ['Ctrl+R (reload)', key({ key: 'r', control: true })],
    ['Ctrl+Shift+R (hard reload)', key({ key: 'R', control: true, shift: true })],
    ['Cmd+R (reload, macOS)', key({ key: 'r', meta: true })],
    ['F12 (devtools)', key({ key: 'F12' })],
    ['Ctrl+Shift+I (devtools)', key({ key: 'I', control: true, shift: true })],
    ['Ctrl+Shift+J (console)', key({ key: 'J', control: true, shift: true })],
    ['Cmd+Alt+I (devtools, macOS)', key({ key: 'i', meta: true, alt: true })],
    ['Ctrl++ (zoom in)', key({ key: '+', control: true, shift: true })],
    ['Ctrl+= (zoom in)', key({ key: '=', control: true })],
    ['Ctrl+- (zoom out)', key({ key: '-', control: true })],
    ['Ctrl+0 (zoom reset)', key({ key: '0', control: true })],
    ['Ctrl+P (print)', key({ key: 'p', control: true })],
    ['Ctrl+S (save page)', key({ key: 's', control: true })],
    ['Ctrl+U (view source)', key({ key: 'u', control: true })],
    ['Ctrl+W (close)', key({ key: 'w', control: true })],
    ['Ctrl+F (find)', key({ key: 'f', control: true })],
    ['F11 (fullscreen toggle)', key({ key: 'F11' })],
    ['F7 (caret browsing)', key({ key: 'F7' })],
    ['Alt+F4 (close)', key({ key: 'F4', alt: true })],
    ['Alt+Left (history back)', key({ key: 'ArrowLeft', alt: true })],
    ['Alt+Home (home page)', key({ key: 'Home', alt: true })],
    ['BrowserBack key', key({ key: 'BrowserBack', code: 'BrowserBack' })],
    ['BrowserRefresh key', key({ key: 'BrowserRefresh', code: 'BrowserRefresh' })],
  ])('blocks %s', (_name, input) => {
    expect(isBlockedKey(input)).toBe(true);
    expect(isBlockedKey({ ...input, type: 'keyUp' })).toBe(true);
  });

  it.each([
    ['letters', key({ key: 'a', code: 'KeyA' })],
    ['capitals', key({ key: 'A', shift: true })],
    ['digits', key({ key: '5', code: 'Digit5' })],
    ['X of an ID number', key({ key: 'X', shift: true })],
    ['space', key({ key: ' ' })],
    ['Enter', key({ key: 'Enter' })],
    ['Backspace', key({ key: 'Backspace' })],
    ['Tab', key({ key: 'Tab' })],
    ['Escape', key({ key: 'Escape' })],
    ['arrows', key({ key: 'ArrowDown' })],
    ['Ctrl+C / Ctrl+V / Ctrl+A', key({ key: 'v', control: true })],
    ['Ctrl+Z', key({ key: 'z', control: true })],
    ['Ctrl+Backspace', key({ key: 'Backspace', control: true })],
    ['a modifier on its own', key({ key: 'Control', control: true })],
    ['AltGr characters', key({ key: '@', control: true, alt: true })],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedKey(input)).toBe(false);
  });

  it('lets devtools shortcuts through only when devtools are allowed', () => {
    expect(isBlockedKey(key({ key: 'F12' }), true)).toBe(false);
    expect(isBlockedKey(key({ key: 'I', control: true, shift: true }), true)).toBe(false);
    expect(isBlockedKey(key({ key: 'F5' }), true)).toBe(true);
  });
});
