import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { diagnose } from '@/lib/mail-check/diagnosis';
import type { ProtocolView } from '@/lib/accounts/contract';
import { WIZARD_STEPS, WizardPage } from './support/wizard-page';

const LOCALES = ['zh', 'en'] as const;

async function useLocale(context: import('@playwright/test').BrowserContext, baseURL: string | undefined, locale: string) {
  await context.addCookies([{ name: 'locale', value: locale, url: baseURL ?? 'http://127.0.0.1' }]);
}

test.describe('at phone width (375 px)', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const locale of LOCALES) {
    test(`no step scrolls sideways (${locale})`, { tag: '@phone-only' }, async ({ page, context, baseURL }) => {
      await useLocale(context, baseURL, locale);
      const wizard = new WizardPage(page);
      // The longest addresses the data knows, so the widest server names are on screen.
      await wizard.seedSession({ address: 'someone.with.a.long.name@vip.188.com' });
      for (const step of WIZARD_STEPS) {
        await wizard.open(step);
        await wizard.expectStep(step);
        expect(await wizard.horizontalOverflow(), `${step} fits`).toBeLessThanOrEqual(0);
      }
      // Every FAQ answer open at once still fits.
      for (const summary of await page.locator('#faq summary').all()) await summary.click();
      expect(await wizard.horizontalOverflow()).toBeLessThanOrEqual(0);
    });

    // The fallback servers show only after a failed check, on the result step and the code step.
    test(`the fallback choice after a failed check fits and passes axe (${locale})`, { tag: '@phone-only' }, async ({ page, context, baseURL }) => {
      await useLocale(context, baseURL, locale);
      const wizard = new WizardPage(page);
      const endpoint = { host: 'imap.vip.188.com', port: 993, tls: 'implicit' } as const;
      const refused: Extract<ProtocolView, { ok: false }> = {
        ok: false,
        durationMs: 900,
        endpoint,
        code: 'auth_failed',
        stage: 'login',
        diagnosis: diagnose('auth_failed', 'login'),
      };
      await wizard.seedSession({
        address: 'someone.with.a.long.name@vip.188.com',
        result: { status: 'checked', address: 'someone.with.a.long.name@vip.188.com', ok: false, imap: refused, smtp: { ...refused, code: 'not_attempted' }, saved: false },
      });
      for (const [step, role] of [
        ['result', 'button'],
        ['configure-in-client', 'radio'],
      ] as const) {
        await wizard.open(step);
        await wizard.expectStep(step);
        await expect(wizard.currentPanel.getByRole(role, { name: /imap\.163\.com/ })).toBeVisible();
        expect(await wizard.horizontalOverflow(), `${step} fits`).toBeLessThanOrEqual(0);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), step).toEqual([]);
      }
    });
  }
});

for (const locale of LOCALES) {
  test(`axe finds no serious or critical problem on any step (${locale})`, { tag: '@phone' }, async ({ page, context, baseURL }) => {
    await useLocale(context, baseURL, locale);
    const wizard = new WizardPage(page);
    for (const step of WIZARD_STEPS) {
      await wizard.open(step);
      await wizard.expectStep(step);
      const results = await new AxeBuilder({ page }).analyze();
      const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `step ${step}`,
      ).toEqual([]);
    }
  });

  test(`axe finds no serious or critical problem in the result views (${locale})`, { tag: '@phone' }, async ({ page, context, baseURL }) => {
    await useLocale(context, baseURL, locale);
    const wizard = new WizardPage(page);
    await wizard.seedSession({ result: { status: 'refused', reason: 'provider_paused', retryAt: new Date(Date.now() + 600_000).toISOString() } });
    await wizard.open('result');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
}

test('dark mode keeps the steps readable (axe colour contrast)', { tag: '@phone' }, async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const wizard = new WizardPage(page);
  for (const step of WIZARD_STEPS) {
    await wizard.open(step);
    const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), step).toEqual([]);
  }
});
