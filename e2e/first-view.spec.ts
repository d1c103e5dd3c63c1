import { execFileSync } from 'node:child_process';
import { expect, test } from './support/fixtures';
import { WizardPage } from './support/wizard-page';

// Issue 15: the first thing to do is in view. A first visit (no cookies, no stored place) shows
// step 1's address field without scrolling, on a laptop screen and on a small phone, in both
// languages, with the Chinese fonts people really have, and focusing it scrolls nothing.

const SCREENS = [
  { name: 'laptop 1280×720', viewport: { width: 1280, height: 720 }, mobile: false },
  { name: 'phone 375×740', viewport: { width: 375, height: 740 }, mobile: true },
] as const;

test.beforeAll(() => {
  // Without a CJK font every Chinese character is a missing-glyph box of another size, and the
  // heights measured here would not be the ones users see (npm test installs fonts-noto-cjk).
  const families = execFileSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' });
  expect(families, 'fonts-noto-cjk is installed').toMatch(/Noto Sans CJK SC/);
});

for (const screen of SCREENS) {
  for (const locale of ['zh', 'en'] as const) {
    test(`the address field is in view on a first visit (${screen.name}, ${locale})`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({
        baseURL,
        viewport: screen.viewport,
        isMobile: screen.mobile,
        hasTouch: screen.mobile,
        deviceScaleFactor: screen.mobile ? 2 : 1,
      });
      try {
        if (locale === 'en') await context.addCookies([{ name: 'locale', value: 'en', url: baseURL! }]);
        const page = await context.newPage();
        const wizard = new WizardPage(page);
        await wizard.open();
        await wizard.expectStep('core-parameters-configuration');
        expect(await page.evaluate(() => document.fonts.status)).toBe('loaded');
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        const box = await wizard.addressInput.boundingBox();
        expect(box, 'the address field is drawn').not.toBeNull();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height, 'the address field ends above the fold').toBeLessThanOrEqual(screen.viewport.height);
        await wizard.addressInput.focus();
        await expect(wizard.addressInput).toBeFocused();
        expect(await page.evaluate(() => window.scrollY), 'focusing it scrolls nothing').toBe(0);
      } finally {
        await context.close();
      }
    });
  }
}
