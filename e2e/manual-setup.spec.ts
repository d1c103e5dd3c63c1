import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/fixtures';
import { GUARD_MESSAGES, type GuardRefusalCode } from '@/lib/discovery/messages';
import { MANUAL_PROVIDER } from '@/lib/providers/manual';
import { signUp } from './support/accounts';
import { createMailbox, E2E_CONTROL_PORT } from './support/mail-peers';
import { WizardPage } from './support/wizard-page';

// Manual setup through the wizard: an address on a domain no provider hosts gets a server form
// on step 1, prefilled from its MX record, and is checked with what was typed. selfhosted.test's
// MX is mail.selfhosted.test, which the loopback DNS server points at 127.0.0.1 and the browser-
// test server lets through the address guard (MAIL_MANUAL_ALLOW_HOSTS); Dovecot and the
// smtp-server peer answer there on ports of their own (see tools/serve-with-peers.ts).


/** The ports Dovecot (IMAP) and the smtp-server peer listen on. */
async function peerPorts(): Promise<{ imap: number; smtp: number }> {
  const response = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/ports`);
  if (!response.ok) throw new Error(`peer ports: ${response.status}`);
  return (await response.json()) as { imap: number; smtp: number };
}

async function walkToCode(wizard: WizardPage) {
  for (const step of ['core-parameters-configuration', 'access-settings', 'enable-service-and-get-code'] as const) {
    await wizard.nextLink(step).click();
  }
  await wizard.expectStep('configure-in-client');
}

const passwordField = (wizard: WizardPage) => wizard.panel('configure-in-client').getByLabel('邮箱密码或授权码', { exact: true });
const addressStatus = (page: Page) => page.locator('#wizard-address-status');

/** Types the address on step 1 and waits for the prefilled server form. */
async function typeAddress(wizard: WizardPage, address: string) {
  await wizard.open('core-parameters-configuration');
  await wizard.addressInput.fill(address);
  await expect(wizard.manualHost('imap')).toBeVisible();
}

/** Back to step 1 as a reader would, through the progress indicator, keeping the code typed on step 4. */
async function backToAddress(wizard: WizardPage) {
  await wizard.progress.getByRole('link').first().click();
  await wizard.expectStep('core-parameters-configuration');
}

async function usePeerPorts(wizard: WizardPage) {
  const ports = await peerPorts();
  await wizard.manualPort('imap').fill(String(ports.imap));
  await wizard.manualPort('smtp').fill(String(ports.smtp));
}

test('a self-run domain: the servers are guessed from its MX, the real ports typed in, and the mailbox reaches 「正常」 on /accounts', { tag: '@phone' }, async ({
  page,
}) => {
  const mailbox = await createMailbox('selfhosted.test');
  const bodies = new WizardPage(page).recordResponses();
  await signUp(page, '/');
  const wizard = new WizardPage(page);
  await typeAddress(wizard, mailbox.address);
  await expect(addressStatus(page)).toContainText('「selfhosted.test」的收信记录（MX）没有指向我们认识的服务商');
  // The guess: the MX host itself, implicit TLS on the usual ports, and what it rests on.
  await expect(wizard.manualHost('imap')).toHaveValue('mail.selfhosted.test');
  await expect(wizard.manualHost('smtp')).toHaveValue('mail.selfhosted.test');
  await expect(wizard.manualPort('imap')).toHaveValue('993');
  await expect(wizard.manualPort('smtp')).toHaveValue('465');
  await expect(wizard.manualTls('imap', 'SSL/TLS')).toBeChecked();
  await expect(wizard.manualTls('smtp', 'SSL/TLS')).toBeChecked();
  await expect(wizard.currentPanel).toContainText('预先填的 mail.selfhosted.test 是「selfhosted.test」的收信服务器');
  // Other usual names are offered.
  await expect(wizard.manualServers('imap').getByRole('button', { name: '改用 imap.selfhosted.test' })).toBeVisible();
  await usePeerPorts(wizard);

  await wizard.nextLink('core-parameters-configuration').click();
  await expect(wizard.heading('access-settings')).toHaveText('找到邮箱的客户端设置');
  await wizard.nextLink('access-settings').click();
  await wizard.nextLink('enable-service-and-get-code').click();
  await expect(wizard.heading('configure-in-client')).toHaveText('粘贴密码并检测');
  const ports = await peerPorts();
  const summary = wizard.currentPanel.getByRole('table', { name: '你在第 1 步填写的服务器' });
  await expect(summary.getByRole('row', { name: /IMAP/ })).toContainText('mail.selfhosted.test');
  await expect(summary.getByRole('row', { name: /IMAP/ })).toContainText(String(ports.imap));
  await expect(summary.getByRole('row', { name: /SMTP/ })).toContainText(String(ports.smtp));

  await passwordField(wizard).fill(mailbox.code);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();

  await page.goto('/accounts');
  const card = page.getByRole('article').filter({ hasText: mailbox.address });
  await expect(card).toContainText('正常');
  await expect(card).toContainText('其他邮箱');

  // The password went to the server once, in the action's request; it never came back or stayed.
  expect(bodies.length).toBeGreaterThan(3);
  for (const body of bodies) expect(body).not.toContain(mailbox.code);
  expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(mailbox.code);
});

test('a self-run domain with a wrong password: the check fails with the login diagnosis and nothing is saved', async ({ page }) => {
  const mailbox = await createMailbox('selfhosted.test');
  await signUp(page, '/');
  const wizard = new WizardPage(page);
  await typeAddress(wizard, mailbox.address);
  await usePeerPorts(wizard);
  await walkToCode(wizard);
  await passwordField(wizard).fill('not-the-right-password');
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText('没有连接成功')).toBeVisible();
  await expect(wizard.currentPanel.getByRole('heading', { name: MANUAL_PROVIDER.diagnoses!.auth_failed!.title!.zh })).toBeVisible();
  await expect(wizard.currentPanel.getByText('NO [AUTHENTICATIONFAILED] Authentication failed.')).toBeVisible();
  // The way back names manual setup's own step for the password.
  await wizard.currentPanel.getByRole('link', { name: '回到第 3 步：开启服务，准备密码' }).click();
  await wizard.expectStep('enable-service-and-get-code');

  await page.goto('/accounts');
  await expect(page.getByRole('article').filter({ hasText: mailbox.address })).toHaveCount(0);
});

// Hosts that lead inside the network, each refused on its field before anything connects.
const REFUSED: readonly { host: string; protocol: 'imap' | 'smtp'; code: GuardRefusalCode }[] = [
  { host: '127.0.0.1', protocol: 'imap', code: 'loopback' },
  { host: 'internal.selfhosted.test', protocol: 'imap', code: 'loopback' },
  { host: '[::1]', protocol: 'imap', code: 'loopback' },
  { host: '::ffff:127.0.0.1', protocol: 'smtp', code: 'loopback' },
  { host: '10.0.0.1', protocol: 'smtp', code: 'private' },
  { host: '169.254.169.254', protocol: 'imap', code: 'metadata' },
  { host: 'fe80::1', protocol: 'smtp', code: 'link_local' },
];

test('hosts inside the network are refused on their field, the entries kept, and nothing is saved', async ({ page }) => {
  const mailbox = await createMailbox('selfhosted.test');
  await signUp(page, '/');
  const wizard = new WizardPage(page);
  await typeAddress(wizard, mailbox.address);
  await usePeerPorts(wizard);
  await walkToCode(wizard);
  await passwordField(wizard).fill(mailbox.code);

  for (const { host, protocol, code } of REFUSED) {
    await test.step(`${protocol} ${host}`, async () => {
      if (!(await wizard.panel('core-parameters-configuration').isVisible())) await backToAddress(wizard);
      const field = wizard.manualHost(protocol);
      const other = wizard.manualHost(protocol === 'imap' ? 'smtp' : 'imap');
      await field.fill(host);
      // A mail port, or the form would stop at the port (the peer's own is no mail port): the
      // host is what the address guard must refuse.
      await wizard.manualPort(protocol).fill(protocol === 'imap' ? '993' : '465');
      await other.fill('mail.selfhosted.test');
      await walkToCode(wizard);
      await wizard.submitButton.click();
      // Back on step 1, on the refused field, with the reason given there and what was typed kept.
      await wizard.expectStep('core-parameters-configuration');
      await expect(field).toBeFocused();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(GUARD_MESSAGES[code].zh);
      await expect(field).toHaveValue(host);
      await expect(other).not.toHaveAttribute('aria-invalid', 'true');
      await expect(wizard.panel('configure-in-client').getByText('第 1 步填写的服务器有问题')).toBeAttached();
    });
  }

  await page.goto('/accounts');
  await expect(page.getByRole('article').filter({ hasText: mailbox.address })).toHaveCount(0);
});

test('a domain with no MX still gets the form, guessed from the domain; what is typed survives the steps and a reload', async ({ page }) => {
  const wizard = new WizardPage(page);
  await typeAddress(wizard, 'li@nomx.test');
  await expect(addressStatus(page)).toContainText('「nomx.test」没有设置收信服务器（MX 记录）');
  await expect(wizard.manualHost('imap')).toHaveValue('imap.nomx.test');
  await expect(wizard.manualHost('smtp')).toHaveValue('smtp.nomx.test');
  await expect(wizard.currentPanel).toContainText('没有可以参考的收信记录，所以我们按最常见的命名猜了 imap.nomx.test 和 smtp.nomx.test');

  // A TLS change brings its usual port, unless the port was typed by hand.
  await wizard.manualTls('imap', 'STARTTLS').check();
  await expect(wizard.manualPort('imap')).toHaveValue('143');
  await wizard.manualPort('smtp').fill('2525');
  await wizard.manualTls('smtp', 'STARTTLS').check();
  await expect(wizard.manualPort('smtp')).toHaveValue('2525');
  await wizard.manualHost('imap').fill('mx.nomx.test');
  await wizard.manualServers('smtp').getByRole('button', { name: '改用 mail.nomx.test' }).click();
  await expect(wizard.manualHost('smtp')).toHaveValue('mail.nomx.test');

  const expectTyped = async () => {
    await expect(wizard.manualHost('imap')).toHaveValue('mx.nomx.test');
    await expect(wizard.manualPort('imap')).toHaveValue('143');
    await expect(wizard.manualTls('imap', 'STARTTLS')).toBeChecked();
    await expect(wizard.manualHost('smtp')).toHaveValue('mail.nomx.test');
    await expect(wizard.manualPort('smtp')).toHaveValue('2525');
    await expect(wizard.manualTls('smtp', 'STARTTLS')).toBeChecked();
  };
  await walkToCode(wizard);
  const summary = wizard.currentPanel.getByRole('table', { name: '你在第 1 步填写的服务器' });
  await expect(summary).toContainText('mx.nomx.test');
  await expect(summary).toContainText('2525');
  await wizard.currentPanel.getByRole('link', { name: '回到第 1 步修改服务器' }).click();
  await wizard.expectStep('core-parameters-configuration');
  await expectTyped();

  await page.reload();
  await wizard.expectStep('core-parameters-configuration');
  await expectTyped();

  // The guess can be had back.
  await wizard.panel('core-parameters-configuration').getByRole('button', { name: '恢复成我们猜的设置' }).click();
  await expect(wizard.manualHost('imap')).toHaveValue('imap.nomx.test');
  await expect(wizard.manualPort('smtp')).toHaveValue('465');
  await expect(wizard.manualTls('smtp', 'SSL/TLS')).toBeChecked();
});

test('a domain whose MX lookup runs out of time gets the form too, guessed from the domain', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open('core-parameters-configuration');
  await wizard.addressInput.fill('li@slow.test');
  await expect(addressStatus(page)).toContainText('正在查询「slow.test」的收信记录');
  // The lookup's own budget decides when it gives up; the page only waits for its answer.
  await expect(addressStatus(page)).toContainText('暂时查不到「slow.test」的收信记录（MX）', { timeout: 20_000 });
  await expect(wizard.manualHost('imap')).toHaveValue('imap.slow.test');
  await expect(wizard.manualHost('smtp')).toHaveValue('smtp.slow.test');
});

test('the server form is checked as typed, works from the keyboard and in English', async ({ page, context, baseURL }) => {
  const wizard = new WizardPage(page);
  await typeAddress(wizard, 'li@selfhosted.test');
  await wizard.manualHost('imap').fill('imap.selfhosted.test:993');
  await wizard.manualHost('imap').press('Tab');
  await expect(wizard.manualHost('imap')).toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.manualHost('imap')).toHaveAccessibleDescription('端口请填在“端口”一栏，这里只填服务器地址。');
  // Tab went on to the other usual names; Enter takes one.
  const alternative = wizard.manualServers('imap').getByRole('button', { name: '改用 imap.selfhosted.test' });
  await expect(alternative).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(wizard.manualHost('imap')).toHaveValue('imap.selfhosted.test');
  await expect(wizard.manualHost('imap')).not.toHaveAttribute('aria-invalid', 'true');

  await wizard.manualPort('imap').fill('99999');
  await page.keyboard.press('Tab');
  await expect(wizard.manualPort('imap')).toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.manualPort('imap')).toHaveAccessibleDescription(/端口是 1 到 65535 之间的整数/);
  // Arrow keys move between the TLS modes; the port typed by hand stays.
  await expect(wizard.manualTls('imap', 'SSL/TLS')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(wizard.manualTls('imap', 'STARTTLS')).toBeChecked();
  await expect(wizard.manualPort('imap')).toHaveValue('99999');

  await context.addCookies([{ name: 'locale', value: 'en', url: baseURL ?? 'http://127.0.0.1' }]);
  await page.reload();
  await expect(wizard.manualServers('imap')).toBeVisible();
  await expect(wizard.manualHost('imap')).toHaveValue('imap.selfhosted.test');
  await expect(wizard.manualPort('imap')).toHaveValue('99999');
  await expect(wizard.manualTls('imap', 'STARTTLS')).toBeChecked();
  await expect(wizard.panel('core-parameters-configuration').getByRole('heading', { name: 'Enter the servers yourself' })).toBeVisible();
});

test('manual setup fits a phone screen and axe finds no serious problem', { tag: '@phone-only' }, async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const wizard = new WizardPage(page);
  await typeAddress(wizard, 'li@selfhosted.test');
  await wizard.manualHost('smtp').fill('');
  await wizard.manualHost('smtp').blur();
  await expect(wizard.manualHost('smtp')).toHaveAttribute('aria-invalid', 'true');
  expect(await wizard.horizontalOverflow()).toBeLessThanOrEqual(0);
  const scan = async (label: string) => {
    // While the provider's steps arrive (a soft navigation), Next swaps the page's <title> for the
    // new one; axe run in that instant reports the page untitled. Scan the page as it settles.
    await expect(page).toHaveTitle(/\S/);
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
  };
  await scan('step 1 with the server form');
  await walkToCode(wizard);
  expect(await wizard.horizontalOverflow()).toBeLessThanOrEqual(0);
  await scan('step 4 with the typed servers');
});
