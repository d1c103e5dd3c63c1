import { expect, type Locator, type Page } from '@playwright/test';
import { AccountsPage } from './accounts-page';
import { WizardPage } from './wizard-page';

/** /practice as a reader uses it: the practice address, the code to paste, the way into the wizard. */
export class PracticePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/practice');
    await expect(this.page.getByRole('heading', { level: 1, name: /^(练习邮箱|Practice mailbox)$/ })).toBeVisible();
  }

  /** The code every practice mailbox takes, as the page shows it. */
  async code(): Promise<string> {
    const code = (await this.page.getByTestId('practice-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Za-z]{16}$/);
    return code;
  }

  get startLink(): Locator {
    return this.page.getByRole('link', { name: /^(用练习地址开始设置|Start the setup with a practice address)$/ });
  }
}

export const PRACTICE_ADDRESS = 'zhangsan@lianxi.test';

/**
 * The rehearsal the README promises, as a signed-in user walks it: the practice page's code and
 * its way into the wizard, each step with the practice address (recognised, with the app's own
 * loopback servers), the check up to 「正常」, and the mailbox on /accounts.
 */
export async function connectPracticeMailbox(page: Page) {
  const practice = new PracticePage(page);
  await practice.open();
  const code = await practice.code();
  await practice.startLink.click();

  const wizard = new WizardPage(page);
  await wizard.expectStep('core-parameters-configuration');
  await expect(wizard.addressInput).toHaveValue(PRACTICE_ADDRESS);
  await expect(wizard.panel('core-parameters-configuration').getByText('已识别：练习邮箱（本机模拟）')).toBeVisible();
  await expect(wizard.serverTable).toContainText('127.0.0.1');
  await wizard.nextLink('core-parameters-configuration').click();

  await wizard.expectStep('access-settings');
  await expect(wizard.currentPanel.getByRole('link', { name: /练习邮箱/ }).first()).toHaveAttribute('href', '/practice');
  await wizard.nextLink('access-settings').click();
  await wizard.expectStep('enable-service-and-get-code');
  await wizard.nextLink('enable-service-and-get-code').click();

  await wizard.expectStep('configure-in-client');
  await expect(wizard.formAddressInput).toHaveValue(PRACTICE_ADDRESS);
  await wizard.codeInput.fill(code);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();

  const accounts = new AccountsPage(page);
  await accounts.open();
  await expect(accounts.status(PRACTICE_ADDRESS)).toHaveText('正常');
}
