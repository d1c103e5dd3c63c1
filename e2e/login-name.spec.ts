import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/fixtures';
import { AccountsPage, connectThroughWizard } from './support/accounts-page';
import { signUp } from './support/accounts';
import { createMailbox, createMailboxWithLogin, E2E_CONTROL_PORT } from './support/mail-peers';
import { WizardPage } from './support/wizard-page';

// Issue 18 items 4 and 5 in the browser. A self-run domain (selfhosted.test, manual setup) whose
// servers know the mailbox by a login name of its own, not by its address: Dovecot and the SMTP
// peer refuse the address, so reaching 「正常」 proves the typed name went to both. Then what the
// check saw, on the result step and on /accounts: push (Dovecot lists IDLE after LOGIN), the
// servers and ports, and the login name. A NetEase mailbox for the other answer: its server lists
// no capabilities unless asked, and the check asks nothing more.

const WORDS = {
  zh: {
    password: '邮箱密码或授权码',
    hint: (address: string) => `留空就用邮箱地址 ${address} 登录`,
    summaryLogin: (login: string) => `登录名：${login}`,
    ok: '连接成功，邮箱状态「正常」',
    title: '客户端会这样连接',
    push: '即时推送',
    unknown: '还不确定',
    server: (host: string, port: number, tls: string) => `${host}，端口 ${port}，${tls}`,
    login: '登录名',
    status: '正常',
  },
  en: {
    password: 'Mailbox password or app password',
    hint: (address: string) => `Leave it empty to log in with your address, ${address}.`,
    summaryLogin: (login: string) => `Login name: ${login}`,
    ok: 'Connected: mailbox status “OK”',
    title: 'How our app will connect',
    push: 'Pushed at once',
    unknown: 'Not known yet',
    server: (host: string, port: number, tls: string) => `${host}, port ${port}, ${tls}`,
    login: 'Login name',
    status: 'OK',
  },
} as const;

async function peerPorts(): Promise<{ imap: number; smtp: number }> {
  const response = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/ports`);
  if (!response.ok) throw new Error(`peer ports: ${response.status}`);
  return (await response.json()) as { imap: number; smtp: number };
}

async function expectNoAxeViolations(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const locale of ['zh', 'en'] as const) {
  const words = WORDS[locale];
  // Chinese on the phone too: the summary's rows must fit a narrow screen.
  test(`manual setup with a login name reaches ${words.status}, and the result step and /accounts name push and the servers (${locale})`, {
    tag: locale === 'zh' ? '@phone' : [],
  }, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'locale', value: locale, url: baseURL ?? 'http://127.0.0.1' }]);
    const mailbox = await createMailboxWithLogin('selfhosted.test');
    const ports = await peerPorts();
    await signUp(page, '/');
    const wizard = new WizardPage(page);
    await wizard.open('core-parameters-configuration');
    await wizard.addressInput.fill(mailbox.address);
    await expect(wizard.manualHost('imap')).toHaveValue('mail.selfhosted.test');
    await wizard.manualPort('imap').fill(String(ports.imap));
    await wizard.manualPort('smtp').fill(String(ports.smtp));

    // Closed until asked for: most addresses are their own login name.
    await expect(wizard.manualLoginName()).toBeHidden();
    await wizard.manualLoginToggle.click();
    await expect(wizard.manualLoginName()).toBeVisible();
    await expect(wizard.manualLoginName()).toHaveAccessibleDescription(new RegExp(words.hint(mailbox.address).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    // An invisible character a paste brought along is refused on the field.
    await wizard.manualLoginName().fill(`${mailbox.login}\u200b`);
    await wizard.manualLoginName().blur();
    await expect(wizard.manualLoginName()).toHaveAttribute('aria-invalid', 'true');
    await wizard.manualLoginName().fill(mailbox.login);
    await expect(wizard.manualLoginName()).not.toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, 'section#core-parameters-configuration');

    for (const step of ['core-parameters-configuration', 'access-settings', 'enable-service-and-get-code'] as const) {
      await wizard.nextLink(step).click();
    }
    await wizard.expectStep('configure-in-client');
    // Step 4 says which name the check will log in with.
    await expect(wizard.currentPanel.getByText(words.summaryLogin(mailbox.login))).toBeVisible();
    await wizard.panel('configure-in-client').getByLabel(words.password, { exact: true }).fill(mailbox.code);
    await wizard.submitButton.click();
    await wizard.expectStep('result');
    await expect(wizard.currentPanel.getByText(words.ok)).toBeVisible();

    const result = wizard.connectionSummary;
    await expect(result.getByRole('heading', { name: words.title })).toBeVisible();
    await expect(result.locator('[data-delivery]')).toHaveText(words.push);
    await expect(result).toContainText(words.server('mail.selfhosted.test', ports.imap, 'SSL/TLS'));
    await expect(result).toContainText(words.server('mail.selfhosted.test', ports.smtp, 'SSL/TLS'));
    await expect(result).toContainText(`${words.login}${mailbox.login}`);
    await expectNoAxeViolations(page, 'section#result');
    expect(await wizard.horizontalOverflow()).toBeLessThanOrEqual(0);

    const accounts = new AccountsPage(page);
    await accounts.open();
    await expect(accounts.status(mailbox.address)).toHaveText(words.status);
    const saved = accounts.connectionSummary(mailbox.address);
    await expect(saved.getByRole('heading', { name: words.title, level: 3 })).toBeVisible();
    await expect(saved.locator('[data-delivery]')).toHaveText(words.push);
    await expect(saved).toContainText(words.server('mail.selfhosted.test', ports.imap, 'SSL/TLS'));
    await expect(saved).toContainText(words.server('mail.selfhosted.test', ports.smtp, 'SSL/TLS'));
    await expect(saved).toContainText(`${words.login}${mailbox.login}`);

    // "Check now" logs in with the saved name: the address alone would be refused.
    await accounts.checkNowButton(mailbox.address).click();
    await expect(accounts.message(mailbox.address)).toContainText(mailbox.address);
    await expect(accounts.status(mailbox.address)).toHaveText(words.status);
    await expectNoAxeViolations(page, 'main');
    expect(await accounts.horizontalOverflow()).toBeLessThanOrEqual(0);
  });
}

test('a NetEase mailbox: the server listed no capabilities, so push is not known yet, and the summary says so', async ({ page }) => {
  const mailbox = await createMailbox('163.com');
  await signUp(page, '/');
  await connectThroughWizard(page, mailbox);
  const wizard = new WizardPage(page);
  await expect(wizard.connectionSummary.locator('[data-delivery]')).toHaveText(WORDS.zh.unknown);
  await expect(wizard.connectionSummary).toContainText('检测时服务器没有列出它支持哪些功能');
  // The address is its own login name: no login row.
  await expect(wizard.connectionSummary).not.toContainText(WORDS.zh.login);

  const accounts = new AccountsPage(page);
  await accounts.open();
  await expect(accounts.connectionSummary(mailbox.address).locator('[data-delivery]')).toHaveText(WORDS.zh.unknown);
});
