import type { Language } from '../i18n/index.js';

/**
 * A calendar date (YYYY-MM-DD) written out for `language`: "2025年7月31日", "31 July 2025".
 * Read as UTC and formatted in UTC, so the kiosk's time zone can never shift the day.
 */
export function formatCalendarDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  const date = new Date(Date.UTC(year, month - 1, day));
  const locale = language === 'en' ? 'en-GB' : language;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
