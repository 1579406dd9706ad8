import i18next, { type TFunction } from 'i18next';
import { en } from './en.js';
import { zhCN, type Messages } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

/** The languages the kiosk offers, the default first. */
export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
/** One of LANGUAGES. */
export type Language = (typeof LANGUAGES)[number];
/** The language a kiosk starts in and returns to after each citizen. */
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** Each language's name in that language, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  en: 'English',
};

/** Messages of every language. */
export const messages: Record<Language, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
  }
}

/** The renderer's i18next instance, loaded synchronously (every language is bundled). */
export const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: messages[l] }])),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  initAsync: false,
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
});

/** A translate function fixed to one language (the store, not i18next, holds the current one). */
export function translator(language: Language): TFunction {
  return i18n.getFixedT(language);
}
