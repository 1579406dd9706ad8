import type { ApplicationMatter } from '../../../contract/platform-api.js';
import { localized } from '../catalogue-text.js';
import type { Language } from '../i18n/index.js';

/** A matter's name in `language` (its code if the catalogue has no name for it). */
export function matterTitle(matter: ApplicationMatter, language: Language): string {
  return localized(matter.titles, language) ?? matter.code;
}

/** What to scan for a matter, in `language`, when the catalogue says. */
export function matterDocuments(matter: ApplicationMatter, language: Language): string | undefined {
  return localized(matter.documentsHint, language);
}
