import { formatRetryTime } from '@/components/wizard/lockout';
import { languageTag, type Locale } from '@/lib/i18n/locale';

// Times on /accounts are shown in China Standard Time: the mailboxes are NetEase's, most readers
// live there, and a fixed zone renders the same on the server and in the browser.
export const TIME_ZONE = 'Asia/Shanghai';

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 分钟前" / "3 minutes ago"; under a minute reads as "now". */
export function formatRelative(iso: string, nowMs: number, locale: Locale): string {
  const diff = new Date(iso).getTime() - nowMs;
  const rtf = new Intl.RelativeTimeFormat(languageTag(locale), { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return rtf.format(Math.trunc(diff / size), unit);
  }
  return rtf.format(0, 'second');
}

/** Date and time, e.g. "2026年11月28日 16:05". */
export function formatAbsolute(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(languageTag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/** "HH:MM" for a lockout's end, with the date in front when it is not today (China time, 24-hour). */
export function formatRetryClock(iso: string, locale: Locale, nowMs = Date.now()): string {
  return formatRetryTime(new Date(iso).getTime(), locale, nowMs, TIME_ZONE, 'h23');
}
