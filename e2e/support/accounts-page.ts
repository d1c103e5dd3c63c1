import { expect, type Locator, type Page } from '@playwright/test';
import { WizardPage } from './wizard-page';

/** /accounts as a reader uses it: one card (an article named by its address) per mailbox. */
export class AccountsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/accounts');
    await this.page.waitForLoadState('networkidle');
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: /^(已连接的邮箱|Connected mailboxes)$/ });
  }

  get emptyHeading(): Locator {
    return this.page.getByRole('heading', { name: /^(还没有连接任何邮箱|No mailbox connected yet)$/ });
  }

  /** The page-level announcement (deleted, gone). */
  get announcement(): Locator {
    return this.page.locator('main > [role="status"]');
  }

  card(address: string): Locator {
    return this.page.getByRole('article', { name: address, exact: true });
  }

  /** What the last passing check says the client will get (push or polling, servers, login name). */
  connectionSummary(address: string): Locator {
    return this.card(address).locator('[data-connection-summary]');
  }

  /** The status label on screen; the other labels are there only to reserve width. */
  status(address: string): Locator {
    return this.card(address).locator('[data-status]');
  }

  /** What the last action on this mailbox answered. */
  message(address: string): Locator {
    return this.card(address).locator(':scope > [role="status"]');
  }

  checkNowButton(address: string): Locator {
    return this.card(address).getByRole('button', { name: new RegExp(`^(立即检查|Check now) ${escape(address)}$`) });
  }

  pauseButton(address: string): Locator {
    return this.card(address).getByRole('button', { name: new RegExp(`^(暂停|Pause) ${escape(address)}$`) });
  }

  resumeButton(address: string): Locator {
    return this.card(address).getByRole('button', { name: new RegExp(`^(恢复|Resume) ${escape(address)}$`) });
  }

  replaceCodeButton(address: string): Locator {
    return this.card(address).getByRole('button', { name: new RegExp(`^(更换授权码|Replace code) ${escape(address)}$`) });
  }

  deleteButton(address: string): Locator {
    return this.card(address).getByRole('button', { name: new RegExp(`^(删除|Delete) ${escape(address)}$`) });
  }

  codeInput(address: string): Locator {
    return this.card(address).getByLabel(/^(新的客户端授权码|New client authorization code)$/);
  }

  replaceSubmit(address: string): Locator {
    return this.card(address).getByRole('button', { name: /^(检测并更换|Check and replace|正在检测|Checking)/ });
  }

  history(address: string): Locator {
    return this.card(address).locator('details');
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async replaceCode(address: string, code: string) {
    await this.replaceCodeButton(address).click();
    await this.codeInput(address).fill(code);
    await this.replaceSubmit(address).click();
  }

  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Connects `mailbox` through the wizard's code step, as a signed-in user does, and waits for 「正常」. */
export async function connectThroughWizard(page: Page, mailbox: { address: string; code: string }) {
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill(mailbox.address);
  await wizard.codeInput.fill(mailbox.code);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText(/^(连接成功，邮箱状态「正常」|Connected)/)).toBeVisible({ timeout: 30_000 });
}
