import type { KeyInput } from './electron-facade.js';

/*
 * Keys the kiosk swallows before the page or Chromium sees them. Ctrl/Cmd combinations are an
 * allowlist (text editing only), because Chromium keeps adding shortcuts (reload, zoom, print,
 * find, view-source, history …) and a blocklist would always be one release behind. OS-level
 * combinations (Alt+Tab, Win, Ctrl+Alt+Del) never reach the app: locking those is the OS's job.
 */

/** Ctrl/Cmd + these keys stay usable: select all, copy, paste, cut, undo, redo. */
const EDITING_WITH_CTRL = new Set(['a', 'c', 'v', 'x', 'z', 'y']);

/** Ctrl/Cmd + these move the caret by word or line. */
const CARET_WITH_CTRL = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Backspace',
  'Delete',
  'Home',
  'End',
]);

/** Alt + these are browser or window-manager commands (Alt+F4, Alt+←/→ history, Alt+Home). */
const ALT_COMMANDS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'Escape', ' ']);

/** Modifier keys pressed on their own. */
const MODIFIERS = new Set(['Control', 'Meta', 'Shift', 'Alt', 'AltGraph']);

/** F1 … F24. */
const FUNCTION_KEY = /^F\d{1,2}$/;

function isDevToolsShortcut(input: KeyInput): boolean {
  const key = input.key.toLowerCase();
  if (input.key === 'F12') return true;
  if ((input.control || input.meta) && input.shift && ['i', 'j', 'c'].includes(key)) return true;
  return input.meta && input.alt && key === 'i';
}

/** Whether the kiosk window must cancel this key press. */
export function isBlockedKey(input: KeyInput, allowDevTools = false): boolean {
  if (MODIFIERS.has(input.key)) return false;
  if (isDevToolsShortcut(input)) return !allowDevTools;
  // Hardware browser keys: Back, Forward, Refresh, Home, Search, Favorites, Stop.
  if (input.code.startsWith('Browser') || input.key.startsWith('Browser')) return true;
  if (FUNCTION_KEY.test(input.key)) return true;
  // AltGr arrives as Ctrl+Alt on Windows and types characters such as @ on many layouts.
  if (input.control && input.alt && !input.meta && input.key.length === 1) return false;
  if (input.control || input.meta) {
    const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
    return !(EDITING_WITH_CTRL.has(key) || CARET_WITH_CTRL.has(key));
  }
  if (input.alt) return ALT_COMMANDS.has(input.key);
  return false;
}
