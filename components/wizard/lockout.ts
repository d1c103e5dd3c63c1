import { useCallback, useSyncExternalStore } from 'react';
import type { Locale } from '@/lib/i18n/locale';
import { formatClock } from '@/lib/i18n/time';

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
 * "HH:MM" in the reader's time zone, with the date when it is not today (lib/i18n/time.ts). The
 * wizard writes it in the browser's zone, as the reader's clock shows it; `timeZone` and `now`
 * serve tests that compute the text a page shows.
 */
export function formatRetryTime(retryAt: number, locale: Locale, now = Date.now(), timeZone = browserTimeZone()): string {
  return formatClock(retryAt, locale, now, timeZone);
}

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
