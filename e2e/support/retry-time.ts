import { expect, type Locator } from '@playwright/test';

// A lockout's "请在 … 之后再试" names a time the server chose. The tests do not guess its shape
// ("HH:MM" today, the date as well once it is tomorrow): they compute, with the app's own
// formatter, every text it could be for a retry time in the span the lockout allows, and expect
// the page to show one of them. A run at any time of day, midnight included, passes.

const MINUTE_MS = 60_000;

/** The texts `format` gives for every minute from `fromMs` to `toMs` (a minute either side). */
export function retryTimeTexts(fromMs: number, toMs: number, format: (retryAt: number, now: number) => string): Set<string> {
  const texts = new Set<string>();
  // The page formatted "now" at some moment in the span, which may be either side of midnight.
  for (const now of [fromMs, Date.now()]) {
    for (let at = fromMs - MINUTE_MS; at <= toMs + MINUTE_MS; at += MINUTE_MS / 2) texts.add(format(at, now));
  }
  return texts;
}

/** Expects `locator` to say 「请在 <time> 之后再试」 with a time `format` gives for a retry in the span. */
export async function expectRetryTimeWithin(
  locator: Locator,
  span: { fromMs: number; toMs: number },
  format: (retryAt: number, now: number) => string,
): Promise<void> {
  await expect(locator).toContainText(/请在 .+? 之后再试/);
  const shown = ((await locator.textContent()) ?? '').match(/请在 (.+?) 之后再试/)?.[1];
  expect([...retryTimeTexts(span.fromMs, span.toMs, format)]).toContain(shown);
}
