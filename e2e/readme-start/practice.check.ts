import { expect, test } from '@playwright/test';
import { AccountsPage } from '../support/accounts-page';
import { signUp } from '../support/accounts';
import { PracticePage } from '../support/practice-page';
import { WizardPage } from '../support/wizard-page';

// The README's promise for a machine with nothing but Node: `npm start`, and the practice mailbox
// can be connected. The check reaches the app's own practice servers (no test peer, no override,
// no test CA: none exists here) and the mailbox reaches 「正常」.

test('npm start on a fresh copy serves practice mode, and a practice mailbox reaches 「正常」', async ({ page }) => {
  const health = await page.request.get('/api/health');
  expect(health.ok()).toBe(true);

  await signUp(page, '/practice');
  const practice = new PracticePage(page);
  await practice.open();
  const code = await practice.code();
  await practice.startLink.click();

  const wizard = new WizardPage(page);
  await wizard.expectStep('core-parameters-configuration');
  await expect(wizard.addressInput).toHaveValue('zhangsan@lianxi.test');
  await expect(wizard.serverTable).toContainText('127.0.0.1');
  await wizard.open('configure-in-client');
  await expect(wizard.formAddressInput).toHaveValue('zhangsan@lianxi.test');
  await wizard.codeInput.fill(code);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();

  const accounts = new AccountsPage(page);
  await accounts.open();
  await expect(accounts.status('zhangsan@lianxi.test')).toHaveText('正常');
});
