import { expect, type Locator } from '@playwright/test';

// A lockout's "请在 … 之后再试" names a time the server chose. The tests do not guess its shape
// ("HH:MM" today, the date as well once it is tomorrow): they compute, with the app's own
// formatter, every text it could be for a retry time in the span the lockout allows, and expect
// the page to show one of them. A run at any time of day, midnight included, passes.

const MINUTE_MS = 60_000;

/**
 * The texts `format` gives for every half minute from `earliestMs` to `latestMs`, a minute either
 * side, as the page may have written them at any moment from `shownFromMs` to now (which may be
 * either side of midnight).
 */
export function retryTimeTexts(
  span: { earliestMs: number; latestMs: number; shownFromMs: number },
  format: (retryAt: number, now: number) => string,
): Set<string> {
  const texts = new Set<string>();
  for (const now of [span.shownFromMs, Date.now()]) {
    for (let at = span.earliestMs - MINUTE_MS; at <= span.latestMs + MINUTE_MS; at += MINUTE_MS / 2) texts.add(format(at, now));
  }
  return texts;
}

/**
 * Expects `locator` to say 「请在 <time> 之后再试」 for a lock taken by failures made from `fromMs`
 * until now: the app sets the time one lockout window after the failure that tipped the count,
 * so it lies between `fromMs + windowMs` and now `+ windowMs`.
 */
export async function expectRetryTimeAfterFailures(
  locator: Locator,
  failures: { fromMs: number; windowMs: number },
  format: (retryAt: number, now: number) => string,
): Promise<void> {
  await expect(locator).toContainText(/请在 .+? 之后再试/);
  const shown = ((await locator.textContent()) ?? '').match(/请在 (.+?) 之后再试/)?.[1];
  const span = { earliestMs: failures.fromMs + failures.windowMs, latestMs: Date.now() + failures.windowMs, shownFromMs: failures.fromMs };
  expect([...retryTimeTexts(span, format)]).toContain(shown);
}

/** The lockout window of the browser-test server (LOCKOUT_WINDOW_MINUTES, default 15). */
export const LOCKOUT_WINDOW_MS = 15 * MINUTE_MS;
