import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from './support/fixtures';
import { startAutoconfigServer, autoconfigServer, autoconfigXml, type AutoconfigPeer } from '../tools/peers/autoconfig';
import { startDnsServer, type DnsPeer } from '../tools/peers/dns';
import { ensureTestPki } from '../tools/peers/pki';
import { startAppServer, type AppServer } from './support/app-server';
import { signUp } from './support/accounts';
import { createMailbox, E2E_CONTROL_PORT } from './support/mail-peers';
import { WizardPage } from './support/wizard-page';

// Step 1's discovery in the browser (issue 18): servers from a domain's SRV records and from an
// autoconfig file, and an internationalised domain (例子.公司) from typing it to 「正常」. An
// instance of its own, started with the seams discovery uses in tests: a loopback DNS server
// (MAIL_DNS_SERVERS), an HTTPS autoconfig server under the test CA on its own port
// (MAIL_AUTOCONFIG_PORT, NODE_EXTRA_CA_CERTS), both let through the address guard by name
// (MAIL_MANUAL_ALLOW_HOSTS). The mailbox itself is on the shared web server's Dovecot and
// smtp-server peers, at mail.selfhosted.test, which 例子.公司's SRV records name.

const IDN = 'xn--fsqu00a.xn--55qx5d'; // 例子.公司

let app: AppServer;
let dns: DnsPeer;
let autoconfig: AutoconfigPeer;

async function peerPorts(): Promise<{ imap: number; smtp: number }> {
  const response = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/ports`);
  if (!response.ok) throw new Error(`peer ports: ${response.status}`);
  return (await response.json()) as { imap: number; smtp: number };
}

test.beforeAll(async () => {
  const ports = await peerPorts();
  const pki = ensureTestPki();
  autoconfig = await startAutoconfigServer({}, { names: ['autoconfig.corp-ac.test'] });
  autoconfig.setRoutes({
    'autoconfig.corp-ac.test/mail/config-v1.1.xml': {
      body: autoconfigXml(
        [
          // The login name is the local part (%EMAILLOCALPART%): step 1 fills it in.
          autoconfigServer('incomingServer', 'imap', 'imap.%EMAILDOMAIN%', 993, 'SSL', undefined, '%EMAILLOCALPART%'),
          autoconfigServer('outgoingServer', 'smtp', 'smtp.corp-ac.test', 587, 'STARTTLS', undefined, '%EMAILLOCALPART%'),
        ].join(''),
      ),
    },
  });
  dns = await startDnsServer({
    [`_imaps._tcp.${IDN}`]: { srv: [{ target: 'mail.selfhosted.test', port: ports.imap, priority: 10 }] },
    [`_submissions._tcp.${IDN}`]: { srv: [{ target: 'mail.selfhosted.test', port: ports.smtp, priority: 10 }] },
    'mail.selfhosted.test': { a: ['127.0.0.1'] },
    'autoconfig.corp-ac.test': { a: ['127.0.0.1'] },
    'guess.test': { mx: [{ exchange: 'mx.guess.test', priority: 10 }] },
  });
  app = await startAppServer({
    name: 'discovery',
    env: {
      PRACTICE_MODE: 'off',
      MAIL_DNS_SERVERS: dns.address,
      MAIL_AUTOCONFIG_PORT: String(autoconfig.port),
      MAIL_MANUAL_ALLOW_HOSTS: 'mail.selfhosted.test,autoconfig.corp-ac.test',
      NODE_EXTRA_CA_CERTS: pki.ca.certPath,
      ALLOW_ENDPOINT_OVERRIDES: '1',
    },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await Promise.all([dns?.stop(), autoconfig?.stop()]);
});

async function wizardAt(browser: Browser, locale: 'zh' | 'en') {
  // The project's device (the phone's screen and touch), on this test's own instance.
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
  const device = { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch };
  const context = await browser.newContext({ ...device, baseURL: app.url, locale: locale === 'zh' ? 'zh-CN' : 'en-US' });
  await context.addCookies([{ name: 'locale', value: locale, url: app.url }]);
  const page = await context.newPage();
  return { context, page, wizard: new WizardPage(page) };
}

const status = (page: Page) => page.locator('#wizard-address-status');
const source = (page: Page) => page.getByTestId('discovery-source');

test('servers from an autoconfig file and from our guess, each named, in both languages', { tag: '@phone' }, async ({ browser }) => {
  for (const locale of ['zh', 'en'] as const) {
    const { context, page, wizard } = await wizardAt(browser, locale);
    try {
      await wizard.open('core-parameters-configuration');
      await wizard.addressInput.fill('li@corp-ac.test');
      await expect(wizard.manualHost('imap')).toHaveValue('imap.corp-ac.test');
      await expect(wizard.manualHost('smtp')).toHaveValue('smtp.corp-ac.test');
      await expect(wizard.manualPort('smtp')).toHaveValue('587');
      await expect(wizard.manualTls('smtp', 'STARTTLS')).toBeChecked();
      await expect(source(page)).toHaveText(
        locale === 'zh' ? '下面的服务器来自 corp-ac.test 发布的自动配置文件（autoconfig）。' : 'The servers below come from the autoconfig file published by corp-ac.test.',
      );
      // Published settings are not called a guess.
      await expect(wizard.currentPanel).toContainText(
        locale === 'zh' ? '这些是域名自己公布的设置，一般可以直接使用。' : 'These are settings the domain publishes itself, usually right as they are.',
      );
      await expect(wizard.currentPanel).not.toContainText(locale === 'zh' ? '这只是猜测' : 'This is only a guess');
      // The file's %EMAILLOCALPART% fills in the login name, shown open, and it follows the address.
      await expect(wizard.manualLoginName()).toHaveValue('li');
      await expect(wizard.currentPanel).toContainText(locale === 'zh' ? '这是按 corp-ac.test 的自动配置文件填的。' : 'Filled in from the autoconfig file of corp-ac.test.');
      await wizard.addressInput.fill('wang.wei@corp-ac.test');
      await expect(wizard.manualLoginName()).toHaveValue('wang.wei');

      await wizard.addressInput.fill('li@guess.test');
      await expect(wizard.manualHost('imap')).toHaveValue('mx.guess.test');
      await expect(source(page)).toContainText(locale === 'zh' ? '下面的服务器是我们的猜测' : 'The servers below are our guess');
      const axe = await new AxeBuilder({ page }).include('section#core-parameters-configuration').analyze();
      expect(axe.violations).toEqual([]);
    } finally {
      await context.close();
    }
  }
});

test('a local part that is not ASCII is refused, with why, in both languages', async ({ browser }) => {
  for (const [locale, words] of [
    ['zh', '不能有汉字'],
    ['en', 'not Chinese or other non-English characters'],
  ] as const) {
    const { context, page, wizard } = await wizardAt(browser, locale);
    try {
      await wizard.open('core-parameters-configuration');
      await wizard.addressInput.fill('张三@例子.公司');
      await wizard.addressInput.blur();
      await expect(status(page)).toContainText(words);
      await expect(wizard.addressInput).toHaveAttribute('aria-invalid', 'true');
    } finally {
      await context.close();
    }
  }
});

test('an internationalised domain: 例子.公司 is shown as typed, its SRV records fill in the servers, and the mailbox reaches 「正常」', { tag: '@phone' }, async ({
  browser,
}) => {
  // The peers know the mailbox by the address the check logs in with: the domain's ASCII form.
  const mailbox = await createMailbox(IDN);
  const localPart = mailbox.address.slice(0, mailbox.address.indexOf('@'));
  const ports = await peerPorts();
  const { context, page, wizard } = await wizardAt(browser, 'zh');
  try {
    await signUp(page, '/');
    await wizard.open('core-parameters-configuration');
    await wizard.addressInput.fill(`${localPart}@例子.公司`);
    await expect(wizard.manualHost('imap')).toHaveValue('mail.selfhosted.test');
    await expect(wizard.manualPort('imap')).toHaveValue(String(ports.imap));
    await expect(wizard.manualPort('smtp')).toHaveValue(String(ports.smtp));
    await expect(source(page)).toHaveText('下面的服务器来自「例子.公司」的 SRV 记录：这是域名自己在 DNS 里公布的收信和发信服务器。');
    // The reader sees the domain as typed, never its xn-- form.
    await expect(status(page)).toContainText('「例子.公司」');
    await expect(status(page)).not.toContainText('xn--');
    // DNS heard the ASCII form only.
    expect(dns.queries).toContain(`SRV _imaps._tcp.${IDN}`);
    expect(dns.queries.join('\n')).not.toMatch(/[^\x00-\x7f]/);

    for (const step of ['core-parameters-configuration', 'access-settings', 'enable-service-and-get-code'] as const) {
      await wizard.nextLink(step).click();
    }
    await wizard.expectStep('configure-in-client');
    await wizard.panel('configure-in-client').getByLabel('邮箱密码或授权码', { exact: true }).fill(mailbox.code);
    await wizard.submitButton.click();
    await wizard.expectStep('result');
    await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();
    // The result step and /accounts show the address as typed, never its xn-- form.
    await expect(wizard.currentPanel).toContainText(`${localPart}@例子.公司`);
    await expect(wizard.currentPanel).not.toContainText('xn--');
    await page.goto('/accounts');
    const card = page.getByRole('article', { name: `${localPart}@例子.公司`, exact: true });
    await expect(card).toContainText('正常');
    await expect(card).not.toContainText('xn--');
  } finally {
    await context.close();
  }
});
