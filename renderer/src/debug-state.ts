import type { KioskStore } from './store.js';

declare global {
  interface Window {
    /** The store's snapshot as JSON, read by the end-to-end tests. */
    __kioskDebugState?: () => string;
  }
}

/**
 * Exposes the store, read-only, as `window.__kioskDebugState()`. The end-to-end test calls it
 * after a session ends to assert that no name or ID number remains anywhere in the renderer's
 * state, not just on screen. It holds nothing the screen does not already show (masked only).
 */
export function exposeDebugState(store: KioskStore, win: Window = window): void {
  win.__kioskDebugState = () => JSON.stringify(store.getSnapshot());
}
