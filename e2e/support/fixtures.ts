import { test as base, expect, type BrowserContext, type ConsoleMessage } from '@playwright/test';

// The specs' `test`: Playwright's, plus one rule for every browser test (issue 13, item 6): a page
// that reports a Content-Security-Policy violation fails the test that opened it. A policy that
// refuses one of the app's own scripts or styles breaks a page quietly (a button that does
// nothing, an unstyled form); this makes it loud wherever a test goes.
//
// Every browser context created while a test runs is watched: the `page` fixture's and the ones a
// test opens itself with browser.newContext() (a second user, a staff member). Two sources:
//  - the console: Chromium reports each refusal there itself ("Refused to execute inline script
//    because it violates the following Content Security Policy directive: …");
//  - the page: a script added before any of the page's own records every
//    `securitypolicyviolation` event on window.__cspViolations and writes it to the console, so
//    a refusal reaches the test even if Chromium words it differently one day.
// After the test (every context is closed by then, so every message has arrived) the test fails
// with the list. A test that provokes a refusal on purpose says which with `allowedCspViolations`.

export { expect };
export type { Browser, BrowserContext, Locator, Page, Request } from '@playwright/test';

const VIOLATION = /Content[- ]Security[- ]Policy|^Refused to /;

/** Runs in every document (frames too) before its own scripts. */
function recordViolations(): void {
  const target = window as unknown as { __cspViolations?: string[] };
  // Watched again by a later test's guard: one recorder per document is enough.
  if (target.__cspViolations) return;
  const seen: string[] = (target.__cspViolations = []);
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
      const text = `Content Security Policy (securitypolicyviolation): ${event.effectiveDirective} refused ${event.blockedURI || 'inline'}${where}`;
      seen.push(text);
      console.error(text);
    },
    true,
  );
}

interface CspGuardOptions {
  /** Violations this test provokes on purpose (matched against the report); none by default. */
  allowedCspViolations: RegExp | undefined;
}

export const test = base.extend<CspGuardOptions & { cspViolationGuard: void }>({
  allowedCspViolations: [undefined, { option: true }],

  cspViolationGuard: [
    async ({ browser, allowedCspViolations }, use) => {
      const violations: string[] = [];
      const cleanups: (() => Promise<void>)[] = [];

      const watch = (context: BrowserContext) => {
        const onConsole = (message: ConsoleMessage) => {
          if (VIOLATION.test(message.text())) violations.push(`${message.page()?.url() ?? '(no page)'}: ${message.text()}`);
        };
        context.on('console', onConsole);
        // Sent before the test can open a page in this context: the event fires while
        // browser.newContext() is still resolving. A context closed at once refuses the script,
        // and has nothing to record anyway.
        const recorder = context.addInitScript(recordViolations).catch(() => undefined);
        cleanups.push(async () => {
          context.off('console', onConsole);
          // The context is usually closed by now, and its scripts with it.
          await (await recorder)?.dispose().catch(() => undefined);
        });
      };

      // A context opened before this test (in a beforeAll) is watched from now on.
      for (const context of browser.contexts()) watch(context);
      browser.on('context', watch);
      // Returns once the test has ended, failed or not, and its own contexts are closed.
      await use();
      browser.off('context', watch);
      await Promise.all(cleanups.map((cleanup) => cleanup()));

      const unexpected = violations.filter((violation) => !allowedCspViolations?.test(violation));
      expect(unexpected, 'Content-Security-Policy violations reported by the pages this test opened').toEqual([]);
    },
    { auto: true },
  ],
});
