import type { Locator, Page } from '@playwright/test';

// The account's own pages as a reader uses them, by roles, names and labels, in either language:
// /account (change the password, delete the account), 「忘记密码」 and the reset link's page.

/** /account. */
export class MyAccountPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/account');
  }

  get email(): Locator {
    return this.page.getByTestId('account-email');
  }

  get changeSection(): Locator {
    return this.page.getByRole('region', { name: /^(修改密码|Change password)$/ });
  }

  get deleteSection(): Locator {
    return this.page.getByRole('region', { name: /^(删除账号|Delete account)$/ });
  }

  get currentPassword(): Locator {
    return this.changeSection.getByLabel(/^(当前密码|Current password)$/);
  }

  get newPassword(): Locator {
    return this.changeSection.getByLabel(/^(新密码|New password)$/);
  }

  get newPasswordRepeat(): Locator {
    return this.changeSection.getByLabel(/^(再输入一次新密码|New password again)$/);
  }

  get changeButton(): Locator {
    return this.changeSection.getByRole('button', { name: /^(修改密码|Change password|正在修改…|Changing…)$/ });
  }

  /** What the change form said last (its live region). */
  get changeNotice(): Locator {
    return this.changeSection.locator('[aria-live="polite"]');
  }

  get deletePassword(): Locator {
    return this.deleteSection.getByLabel(/^(密码|Password)$/);
  }

  get deleteButton(): Locator {
    return this.deleteSection.getByRole('button', { name: /^(永久删除账号|Delete my account for good|正在删除…|Deleting…)$/ });
  }

  async changePassword(current: string, next: string, repeat = next) {
    await this.currentPassword.fill(current);
    await this.newPassword.fill(next);
    await this.newPasswordRepeat.fill(repeat);
    await this.changeButton.click();
  }
}

/** /forgot-password. */
export class ForgotPasswordPage {
  constructor(readonly page: Page) {}

  get email(): Locator {
    return this.page.getByLabel(/^(邮箱|Email)$/);
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: /^(发送重设链接|Send the reset link)$/ });
  }

  /** The answer, the same for every address: its heading takes the focus. */
  get sentHeading(): Locator {
    return this.page.getByRole('heading', { name: /^(请查看邮箱|Check your inbox)$/ });
  }

  get sent(): Locator {
    return this.page.getByRole('status');
  }

  get askAgain(): Locator {
    return this.page.getByRole('button', { name: /^(没收到？重新申请|Nothing arrived\? Ask again)$/ });
  }

  async ask(email: string) {
    await this.email.fill(email);
    await this.submit.click();
  }
}

/** /reset-password?token=… */
export class ResetPasswordPage {
  constructor(readonly page: Page) {}

  get newPassword(): Locator {
    return this.page.getByLabel(/^(新密码|New password)$/);
  }

  get newPasswordRepeat(): Locator {
    return this.page.getByLabel(/^(再输入一次新密码|New password again)$/);
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: /^(保存新密码|Save the new password)$/ });
  }

  get doneHeading(): Locator {
    return this.page.getByRole('heading', { name: /^(新密码已保存|New password saved)$/ });
  }

  get invalidHeading(): Locator {
    return this.page.getByRole('heading', { name: /^(这个链接已经不能用了|This link no longer works)$/ });
  }

  async setPassword(password: string, repeat = password) {
    await this.newPassword.fill(password);
    await this.newPasswordRepeat.fill(repeat);
    await this.submit.click();
  }
}
