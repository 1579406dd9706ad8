import type { Locale, ServiceId } from '../../contract/index.js';
import type { Catalogue } from '../../contract/platform-api.js';
import type { Language } from './i18n/index.js';

/** The locale of the platform's texts for each screen language (the same names, by design). */
export const LOCALE_OF_LANGUAGE: Record<Language, Locale> = {
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
  en: 'en',
};

/**
 * The text for `language` from a per-locale record of the platform's catalogue; undefined when
 * there is none or it is blank (the platform sends "" for "no notice in this language").
 */
export function localized(
  texts: Partial<Record<Locale, string>> | undefined,
  language: Language,
): string | undefined {
  const text = texts?.[LOCALE_OF_LANGUAGE[language]]?.trim();
  return text ? text : undefined;
}

/** A service's name and description from the catalogue in `language`, where it has them. */
export function catalogueServiceText(
  catalogue: Catalogue | undefined,
  service: ServiceId,
  language: Language,
): { name: string | undefined; description: string | undefined } {
  const entry = catalogue?.services.find((s) => s.service === service);
  return {
    name: localized(entry?.titles, language),
    description: localized(entry?.descriptions, language),
  };
}
