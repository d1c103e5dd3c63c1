import { expect, type Locator, type Page } from '@playwright/test';

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
