import { useCallback, useSyncExternalStore } from 'react';
import { languageTag, type Locale } from '@/lib/i18n/locale';

// The lockout as the reader sees it: a time to come back, and buttons that stay disabled until
// then (the server refuses anyway; this saves a pointless round trip and a confusing answer).

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** True until `retryAt` (ms since the epoch) has passed; re-renders the moment it does. */
export function useLockedUntil(retryAt: number): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const wait = retryAt - Date.now();
      if (wait <= 0) return () => {};
      const timer = window.setTimeout(onChange, Math.min(wait + 50, MAX_TIMEOUT_MS));
      return () => window.clearTimeout(timer);
    },
    [retryAt],
  );
  return useSyncExternalStore(
    subscribe,
    () => retryAt > Date.now(),
    () => false,
  );
}

/**
 * "HH:MM" in the reader's time zone, with the date when it is not today. `timeZone` (the
 * browser's by default) and `hourCycle` serve /accounts, which writes China time on a 24-hour
 * clock; `now` serves tests that compute the text a page shows.
 */
export function formatRetryTime(retryAt: number, locale: Locale, now = Date.now(), timeZone?: string, hourCycle?: 'h23'): string {
  const dayOf = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms);
  const sameDay = dayOf(retryAt) === dayOf(now);
  return new Intl.DateTimeFormat(languageTag(locale), {
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle,
    timeZone,
  }).format(retryAt);
}
