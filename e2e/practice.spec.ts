import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/fixtures';
import { DIAGNOSES } from '@/lib/mail-check/diagnosis';
import { signUp } from './support/accounts';
import { connectPracticeMailbox, PracticePage } from './support/practice-page';
import { WizardPage } from './support/wizard-page';

// Practice mode through the real app: the practice page hands out an address and the code, the
// wizard recognises the practice mailbox, and the check reaches the app's own practice servers
// (no test peer stands in: practice addresses have no override), up to 「正常」 and /accounts.
// The failures are NetEase's, with NetEase's words and the matching diagnosis.

async function practiceCode(page: Page): Promise<string> {
  const practice = new PracticePage(page);
  await practice.open();
  return practice.code();
}

test('the wizard points to the practice page, which names the address, the code and the failures to rehearse', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: '练习邮箱', exact: true }).click();
  await expect(page).toHaveURL(/\/practice$/);
  await expect(page.getByRole('heading', { level: 1, name: '练习邮箱' })).toBeVisible();
  await expect(page.getByText('zhangsan@lianxi.test', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '复制练习授权码' })).toBeVisible();
  await expect(page.getByText('地址 smtp-off@lianxi.test，配练习授权码')).toBeVisible();
  await expect(page.getByText('地址 unsafe@lianxi.test，配练习授权码')).toBeVisible();
  await expect(page.getByRole('table').getByText('127.0.0.1').first()).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Practice mailbox' })).toBeVisible();
});

test('a practice address and the practice code walk every step and reach 「正常」', { tag: '@phone' }, async ({ page }) => {
  await signUp(page, '/practice');
  await connectPracticeMailbox(page);
});

test('SMTP switched off (smtp-off@) is diagnosed with NetEase’s reply', async ({ page }) => {
  await signUp(page, '/practice');
  const code = await practiceCode(page);
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill('smtp-off@lianxi.test');
  await wizard.codeInput.fill(code);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText('没有连接成功')).toBeVisible();
  await expect(wizard.currentPanel.getByText(DIAGNOSES.smtp_not_enabled.title.zh).first()).toBeVisible();
  await expect(wizard.currentPanel.getByText('User has no permission')).toBeVisible();
});

test('a wrong code fails like a wrong NetEase code: the same words, the checklist, nothing saved', async ({ page }) => {
  await signUp(page);
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill(`wrong-${Date.now().toString(36)}@lianxi.test`);
  await wizard.codeInput.fill('WrongWrongWrongW');
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText(DIAGNOSES.auth_failed.title.zh).first()).toBeVisible();
  await expect(wizard.currentPanel.getByText('Login error or password error')).toBeVisible();
  await expect(wizard.currentPanel.getByText('没有保存任何内容。', { exact: false })).toBeVisible();
});

for (const locale of ['zh', 'en'] as const) {
  test(`axe finds no serious or critical problem on /practice, light and dark (${locale})`, { tag: '@phone' }, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'locale', value: locale, url: baseURL ?? 'http://127.0.0.1' }]);
    await new PracticePage(page).open();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).analyze();
      const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), colorScheme).toEqual([]);
    }
    // Nothing wider than a phone's screen (the phone project is 412 px; 375 px is checked here).
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
}
