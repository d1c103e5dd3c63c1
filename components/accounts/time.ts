import type { Locale } from '@/lib/i18n/locale';
import { formatClock } from '@/lib/i18n/time';

// The lockout's "come back at" on /accounts: the wizard's words for it (the bare time today,
// the date as well on another day), in the zone every other time on the page is written in
// (lib/i18n/time.ts) rather than the browser's, so it matches the checks listed beside it.

/** "HH:MM" for a lockout's end, with the date in front when it is not today (China time, 24-hour). */
export function formatRetryClock(iso: string, locale: Locale, nowMs = Date.now()): string {
  return formatClock(iso, locale, nowMs);
}
