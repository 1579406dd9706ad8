import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { translator } from './i18n/index.js';
import type { Clock } from './idle-timer.js';
import type { KioskSnapshot, KioskStore } from './store.js';
import type { KioskClientLike } from './sync.js';

/** The store, the client and the clock, for every component below App. */
export interface KioskContextValue {
  store: KioskStore;
  client: KioskClientLike;
  clock: Clock;
}

/** Provided by App. */
export const KioskContext = createContext<KioskContextValue | undefined>(undefined);

/** The store and client from context (throws outside App: a programming error). */
export function useKioskContext(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKioskContext outside <App>');
  return value;
}

/** The current store snapshot; re-renders on every change. */
export function useKiosk(): KioskSnapshot {
  const { store } = useKioskContext();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** Translate function in the store's current language. */
export function useT(): TFunction {
  const { language } = useKiosk();
  return useMemo(() => translator(language), [language]);
}
