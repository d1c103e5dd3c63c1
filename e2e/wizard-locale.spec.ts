import { expect, test } from './support/fixtures';
import { WizardPage } from './support/wizard-page';

test('the English switch translates the page, keeps the step and the address, and switches back', async ({ page, context }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await wizard.addressInput.fill('zhangsan@126.com');
  await wizard.nextLink('core-parameters-configuration').click();
  await wizard.expectStep('access-settings');

  await page.getByRole('button', { name: /Switch to English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect your NetEase mailbox to our mail app');
  await wizard.expectStep('access-settings');
  await expect(wizard.heading('access-settings')).toHaveText('Open the webmail settings');
  await expect(wizard.currentPanel.getByRole('link', { name: /Open NetEase 126 Mail webmail/ })).toBeVisible();
  // NetEase's own labels stay in Chinese beside their translation.
  await expect(wizard.currentPanel).toContainText('设置 (Settings)');
  expect((await context.cookies()).find((cookie) => cookie.name === 'locale')?.value).toBe('en');

  // The choice holds for the next visit.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await wizard.expectStep('access-settings');

  await page.getByRole('button', { name: /切换为中文/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(wizard.heading('access-settings')).toHaveText('打开网页邮箱的设置');
});

test('the code form speaks English too, validation messages included', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'locale', value: 'en', url: baseURL ?? 'http://127.0.0.1' }]);
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await wizard.formAddressInput.fill('zhangsan@163.com');
  await wizard.submitButton.click();
  await expect(wizard.codeInput).toHaveAccessibleDescription(/Please paste the code\./);
  await wizard.codeInput.fill('ABCDEFGHJKLM');
  await expect(wizard.currentPanel.getByText('12/16')).toBeVisible();
});
