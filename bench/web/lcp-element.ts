// Which element is the largest contentful paint of a page, at Lighthouse's mobile viewport.
// Lighthouse 12.2.3 cannot name it with the Chromium installed here (its TraceElements gatherer
// fails on the newer trace format), so the browser's own LCP entries are asked instead.
import type { Browser, BrowserContext } from '@playwright/test';

export interface LcpElement {
  /** When the browser painted it, unthrottled, in ms from navigation start. */
  startTime: number;
  element: string;
  text: string;
}

export async function findLcpElement(
  browser: Browser,
  url: string,
  cookies: Parameters<BrowserContext['addCookies']>[0] = [],
): Promise<LcpElement | undefined> {
  // Lighthouse's default mobile screen: 412 × 823 CSS px at DPR 1.75.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
    return await page.evaluate(
      () =>
        new Promise<LcpElement | undefined>((resolve) => {
          setTimeout(() => resolve(undefined), 2_000); // a page with no contentful paint at all
          new PerformanceObserver((list) => {
            const entries = list.getEntries() as (PerformanceEntry & { element?: Element | null })[];
            const last = entries.at(-1);
            const element = last?.element;
            if (!last || !element) return resolve(undefined);
            const classes = element.getAttribute('class')?.trim().split(/\s+/).slice(0, 4).join('.') ?? '';
            const id = element.id ? `#${element.id}` : '';
            resolve({
              startTime: Math.round(last.startTime),
              element: `<${element.tagName.toLowerCase()}${id}${classes ? `.${classes}` : ''}>`,
              text: (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80),
            });
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}
