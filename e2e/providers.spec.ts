import { expect, test, type Page } from './support/fixtures';
import { DIAGNOSES } from '@/lib/mail-check/diagnosis';
import { ICLOUD_MAIL } from '@/lib/providers/icloud';
import { QQ_MAIL } from '@/lib/providers/qq';
import { SOHU_MAIL } from '@/lib/providers/sohu';
import { signUp } from './support/accounts';
import { controlPeers, createMailbox } from './support/mail-peers';
import { WizardPage } from './support/wizard-page';

// The providers after NetEase through the wizard, against their scripted peers (see
// tools/serve-with-peers.ts): the chooser, the steps in each provider's words, the happy path to
// 「正常」, and each provider's typical failure with its own diagnosis.



/** 16 lower-case letters, as QQ and iCloud hand them out. */
function lowerCode(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: 16 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
}

const appPassword = (code: string) => code.match(/.{4}/g)!.join('-');

const localPart = (address: string) => address.slice(0, address.indexOf('@'));

/** Picks the provider from step 1's chooser and types the user name in front of the "@". */
async function chooseAndType(page: Page, wizard: WizardPage, providerName: string, address: string) {
  await wizard.panel('core-parameters-configuration').getByRole('radio', { name: providerName }).check();
  await expect(wizard.addressInput).toHaveValue(`@${address.slice(address.indexOf('@') + 1)}`);
  await wizard.addressInput.press('Home');
  await wizard.addressInput.pressSequentially(localPart(address));
  await expect(wizard.addressInput).toHaveValue(address);
}

async function walkToCode(wizard: WizardPage) {
  for (const step of ['core-parameters-configuration', 'access-settings', 'enable-service-and-get-code'] as const) {
    await wizard.nextLink(step).click();
  }
  await wizard.expectStep('configure-in-client');
}

const codeField = (wizard: WizardPage, label: string) => wizard.panel('configure-in-client').getByLabel(label, { exact: true });

test('the chooser works from the keyboard, fills in the domain and turns the steps into QQ Mail’s', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  const chooser = wizard.panel('core-parameters-configuration').getByRole('group', { name: '你用的是哪家邮箱？' });
  await expect(chooser.getByRole('radio')).toHaveCount(5);
  // NetEase is what the steps show until something else is chosen.
  await expect(chooser.getByRole('radio', { name: '网易邮箱' })).toBeChecked();

  await chooser.getByRole('radio', { name: '网易邮箱' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(chooser.getByRole('radio', { name: 'QQ 邮箱' })).toBeChecked();
  await expect(chooser.getByRole('radio', { name: 'QQ 邮箱' })).toBeFocused();
  await expect(wizard.addressInput).toHaveValue('@qq.com');
  await expect(page.locator('#wizard-address-status')).toHaveText('已选择QQ 邮箱：请在 @ 前面填上你的邮箱用户名。');
  await expect(wizard.serverTable.getByRole('cell', { name: 'imap.qq.com' })).toBeVisible();
  await expect(wizard.serverTable.getByRole('cell', { name: 'smtp.qq.com' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('把QQ 邮箱连接到我们的邮件客户端');

  await wizard.addressInput.press('Home');
  await wizard.addressInput.pressSequentially('wang');
  await expect(page.locator('#wizard-address-status')).toContainText('已识别：QQ 邮箱');

  await wizard.nextLink('core-parameters-configuration').click();
  await wizard.expectStep('access-settings');
  await expect(wizard.heading('access-settings')).toHaveText('打开 QQ 邮箱的账户设置');
  await expect(wizard.currentPanel.getByRole('link', { name: /打开QQ 邮箱网页版/ })).toHaveAttribute('href', 'https://mail.qq.com');
  await expect(wizard.currentPanel).toContainText('POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV服务');
  await expect(wizard.currentPanel.getByRole('img', { name: '示意图：QQ 邮箱里的设置位置' })).toBeVisible();
  // NetEase's own drawings and words are not shown for QQ.
  await expect(wizard.currentPanel).not.toContainText('网易');

  await wizard.nextLink('access-settings').click();
  await expect(wizard.heading('enable-service-and-get-code')).toHaveText('开启 IMAP/SMTP，生成授权码');
  await expect(wizard.currentPanel.getByText('授权码只显示一次')).toBeVisible();

  await wizard.nextLink('enable-service-and-get-code').click();
  await expect(wizard.heading('configure-in-client')).toHaveText('粘贴授权码并检测');
  await expect(codeField(wizard, '授权码')).toBeVisible();
  await expect(wizard.currentPanel).toContainText('至少等 15 分钟');
  // Deep links keep their ids whatever the provider.
  await expect(page).toHaveURL(/#configure-in-client$/);

  // Typing another provider's address wins over the choice.
  await wizard.open('core-parameters-configuration');
  await wizard.addressInput.fill('li@163.com');
  await expect(wizard.panel('core-parameters-configuration').getByRole('radio', { name: '网易邮箱' })).toBeChecked();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('把网易邮箱连接到我们的邮件客户端');
});

test('the chooser fits a phone screen', { tag: '@phone-only' }, async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  await wizard.panel('core-parameters-configuration').getByRole('radio', { name: 'iCloud 邮件' }).check();
  await expect(wizard.addressInput).toHaveValue('@icloud.com');
  expect(await wizard.horizontalOverflow()).toBeLessThanOrEqual(0);
});

test('QQ Mail: picked from the list, the code reaches 「正常」 and /accounts names QQ Mail', { tag: '@phone' }, async ({ page }) => {
  const mailbox = await createMailbox('qq.com', lowerCode());
  await signUp(page, '/');
  const wizard = new WizardPage(page);
  await wizard.open('core-parameters-configuration');
  await chooseAndType(page, wizard, 'QQ 邮箱', mailbox.address);
  await walkToCode(wizard);
  await expect(wizard.formAddressInput).toHaveValue(mailbox.address);
  await codeField(wizard, '授权码').fill(mailbox.code);
  await expect(wizard.currentPanel.getByText('16/16')).toBeVisible();
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();

  await page.goto('/accounts');
  await expect(page.getByRole('article').filter({ hasText: mailbox.address })).toContainText(QQ_MAIL.name.zh);
});

test('QQ Mail: the QQ password typed instead of the code is warned about, then named by QQ’s 535 and its five-cause text', async ({ page }) => {
  const mailbox = await createMailbox('qq.com', lowerCode());
  await controlPeers({ type: 'web-password', address: mailbox.address, password: 'wangQQ2024pass!' });
  await signUp(page, '/');
  const wizard = new WizardPage(page);
  await wizard.open('core-parameters-configuration');
  await wizard.addressInput.fill(mailbox.address);
  await walkToCode(wizard);
  await codeField(wizard, '授权码').fill('wangQQ2024pass!');
  await wizard.submitButton.click();
  await expect(wizard.currentPanel.getByText(/这看起来像 QQ 密码/)).toBeVisible();
  await wizard.currentPanel.getByRole('button', { name: '这确实是授权码，继续检测' }).click();
  await wizard.expectStep('result');
  const panel = wizard.currentPanel;
  await expect(panel.getByText('没有连接成功')).toBeVisible();
  // SMTP: QQ says outright that the QQ password was used.
  await expect(panel.getByText(DIAGNOSES.password_instead_of_code.title.zh).first()).toBeVisible();
  await expect(panel.getByText(/Please enter your authorization code to login/)).toBeVisible();
  // IMAP: the one text for five causes, with the advice to wait.
  await expect(panel.getByText(DIAGNOSES.auth_failed_or_limited.title.zh).first()).toBeVisible();
  await expect(panel.getByText(/至少等 15 分钟再检测/).first()).toBeVisible();
  // The way back names QQ's own step.
  await panel.getByRole('link', { name: '回到第 3 步：开启 IMAP/SMTP，生成授权码' }).first().click();
  await wizard.expectStep('enable-service-and-get-code');
});

test('iCloud: the app-specific password with its hyphens, IMAP with the local part and SMTP through STARTTLS on 587', { tag: '@phone' }, async ({ page }) => {
  const code = appPassword(lowerCode());
  const mailbox = await createMailbox('icloud.com', code);
  await signUp(page, '/');
  const wizard = new WizardPage(page);
  await wizard.open('core-parameters-configuration');
  await chooseAndType(page, wizard, 'iCloud 邮件', mailbox.address);
  const table = wizard.serverTable;
  await expect(table.getByRole('row', { name: /smtp\.mail\.me\.com/ })).toContainText('587');
  await expect(table.getByRole('row', { name: /smtp\.mail\.me\.com/ })).toContainText('STARTTLS');
  await expect(wizard.currentPanel).toContainText('收信（IMAP）的用户名先用 @ 前面的部分');

  await wizard.nextLink('core-parameters-configuration').click();
  await expect(wizard.currentPanel.getByText(ICLOUD_MAIL.credential.prerequisite!.zh)).toBeVisible();
  await expect(wizard.currentPanel.getByRole('link', { name: /Apple 账户/ })).toHaveAttribute('href', 'https://appleid.apple.com');
  await wizard.nextLink('access-settings').click();
  await expect(wizard.currentPanel.getByText('abcd-efgh-jkmn-pqrs', { exact: true })).toBeVisible();
  await wizard.nextLink('enable-service-and-get-code').click();

  const field = codeField(wizard, 'App 专用密码');
  await field.fill(code);
  await expect(wizard.currentPanel.getByText('16/16')).toBeVisible();
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  // The peer takes only the local part at IMAP and offers AUTH only after STARTTLS.
  await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();
});

test('iCloud: a login name refused as the local part is tried once as the address; a wrong password gets iCloud’s checklist', { tag: '@global' }, async ({ page }) => {
  const code = appPassword(lowerCode());
  const mailbox = await createMailbox('me.com', code);
  await signUp(page, '/');
  const wizard = new WizardPage(page);
  await controlPeers({ type: 'imap-login-names', provider: 'icloud', rule: 'address' });
  try {
    await wizard.open('configure-in-client');
    await wizard.formAddressInput.fill(mailbox.address);
    await codeField(wizard, 'App 专用密码').fill(code);
    await wizard.submitButton.click();
    await wizard.expectStep('result');
    await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();

    await wizard.open('configure-in-client');
    await codeField(wizard, 'App 专用密码').fill(appPassword(lowerCode()));
    await wizard.submitButton.click();
    await wizard.expectStep('result');
    await expect(wizard.currentPanel.getByText(ICLOUD_MAIL.diagnoses!.auth_failed!.title!.zh).first()).toBeVisible();
    await expect(wizard.currentPanel.getByText('AUTHENTICATIONFAILED').first()).toBeVisible();
    await expect(wizard.currentPanel.getByText(/不是别名/).first()).toBeVisible();
  } finally {
    await controlPeers({ type: 'imap-login-names', provider: 'icloud', rule: 'local_part' });
  }
});

test('Sohu: the separate password of unknown format is counted but not judged, reaches 「正常」, and a refusal brings up the IP whitelist', { tag: '@phone' }, async ({ page }) => {
  const code = 'sohu-Separate-9';
  const mailbox = await createMailbox('sohu.com', code);
  await signUp(page, '/');
  const wizard = new WizardPage(page);
  await wizard.open('core-parameters-configuration');
  await chooseAndType(page, wizard, '搜狐邮箱', mailbox.address);
  await walkToCode(wizard);
  await expect(wizard.currentPanel).toContainText('搜狐没有公开独立密码的长度和字符组成');
  const field = codeField(wizard, '独立密码');
  await field.fill(code);
  // No length on record: a bare count, no target and no warning.
  await expect(wizard.currentPanel.getByText('15', { exact: true })).toBeVisible();
  await expect(wizard.currentPanel.getByText('/16')).toHaveCount(0);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();

  await wizard.open('configure-in-client');
  await codeField(wizard, '独立密码').fill('not-the-password');
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText(DIAGNOSES.auth_failed.title.zh).first()).toBeVisible();
  await expect(wizard.currentPanel.getByText(SOHU_MAIL.diagnoses!.auth_failed!.checklist![2]!.zh).first()).toBeVisible();
});

test('NetEase enterprise: a company domain is recognised from its MX record, walks the enterprise steps and reaches 「正常」', { tag: '@phone' }, async ({
  page,
}) => {
  const code = 'Ent3rprise-Pass1';
  const mailbox = await createMailbox('corp-example.test', code);
  await signUp(page, '/');
  const wizard = new WizardPage(page);
  await wizard.open('core-parameters-configuration');
  const status = page.locator('#wizard-address-status');
  // Picked from the list: no domain to fill in, the enterprise servers and steps at once.
  await wizard.panel('core-parameters-configuration').getByRole('radio', { name: '网易企业邮箱' }).check();
  await expect(wizard.addressInput).toHaveValue('@');
  await expect(status).toContainText('已选择网易企业邮箱：它用的是你公司自己的域名');
  await expect(wizard.serverTable.getByRole('cell', { name: 'hwhzimap.qiye.163.com' })).toBeVisible();
  await wizard.addressInput.fill(mailbox.address);
  await expect(status).toContainText('已识别：网易企业邮箱');
  await expect(status).toContainText('根据「corp-example.test」的收信记录（MX）判断');
  await expect(wizard.serverTable.getByRole('cell', { name: 'hwhzimap.qiye.163.com' })).toBeVisible();
  await expect(wizard.currentPanel).toContainText('ERR.LOGIN.DOMAINNOTEXIST');

  await wizard.nextLink('core-parameters-configuration').click();
  await expect(wizard.heading('access-settings')).toHaveText('打开企业邮箱的客户端设置');
  await wizard.nextLink('access-settings').click();
  await expect(wizard.currentPanel).toContainText('最后一定要点「确定」');
  await wizard.nextLink('enable-service-and-get-code').click();
  await codeField(wizard, '客户端授权密码').fill(code);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();
});

// The refusal is the enterprise peer's for every mailbox: the test runs alone (@global).
test('NetEase enterprise: a company server that refuses our address is named as an IP restriction', { tag: '@global' }, async ({ page }) => {
  const code = 'Ent3rprise-Pass1';
  const mailbox = await createMailbox('corp-example.test', code);
  await signUp(page, '/');
  const wizard = new WizardPage(page);
  await wizard.open('core-parameters-configuration');
  await wizard.addressInput.fill(mailbox.address);
  await expect(page.locator('#wizard-address-status')).toContainText('已识别：网易企业邮箱');
  await controlPeers({ type: 'provider-refusal', provider: 'netease-enterprise', refusal: 'ip_denied' });
  try {
    await wizard.open('configure-in-client');
    await codeField(wizard, '客户端授权密码').fill(code);
    await wizard.submitButton.click();
    await wizard.expectStep('result');
    await expect(wizard.currentPanel.getByText(DIAGNOSES.ip_not_allowed.title.zh).first()).toBeVisible();
    await expect(wizard.currentPanel.getByText(/ERR\.LOGIN\.IPDENY/).first()).toBeVisible();
  } finally {
    await controlPeers({ type: 'provider-refusal', provider: 'netease-enterprise', refusal: null });
  }
});

test('a domain that does not exist is said so plainly, and manual setup is still offered', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  const status = page.locator('#wizard-address-status');
  // The loopback DNS server does not know this name (manual-setup.spec.ts covers the rest).
  await wizard.addressInput.fill('li@no-such-place.test');
  await expect(status).toContainText('找不到「no-such-place.test」这个域名');
  await expect(wizard.manualHost('imap')).toHaveValue('imap.no-such-place.test');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('把其他邮箱连接到我们的邮件客户端');
});
