import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { PGlite } from '@electric-sql/pglite';
import { expect, test, type Browser, type BrowserContext, type Page } from './support/fixtures';
import { connectThroughWizard } from './support/accounts-page';
import { newUser, signUp } from './support/accounts';
import { startAppServer, type AppServer } from './support/app-server';
import { randomCode } from './support/mail-peers';
import { ForgotPasswordPage, MyAccountPage, ResetPasswordPage } from './support/my-account-page';
import { startNeteaseImap, type NeteaseImapServer } from '../tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '../tools/peers/netease-smtp';
import { ensureTestPki } from '../tools/peers/pki';
import { messageHeader, messageText, startRelayPeer, type RelayPeer } from '../tools/peers/relay-smtp';

// Issue 17, items 3 and 4, end to end: password reset by mail through a real SMTP relay (an
// smtp-server peer over implicit TLS with the test CA, its password in MAIL_RELAY_URL), change
// password and delete my account on /account. An app instance of its own (e2e/support/app-server.ts)
// sends its mail to the relay started here, and connects 163.com mailboxes to NetEase peers
// started here. Each test runs in Chinese and in English, on desktop and on a phone 375 px wide,
// and every page it reaches is scanned with axe.

const RELAY = { user: 'relay-login@app.test', pass: 'Relay:pa@ss/w0rd' };
const NEW_PASSWORD = 'a brand new passphrase';
const LOCALES = ['zh', 'en'] as const;
type Locale = (typeof LOCALES)[number];

let relay: RelayPeer;
let imap: NeteaseImapServer;
let smtp: NeteaseSmtpServer;
let app: AppServer;

/** The settings of every instance this file starts: its relay, its mail peers, no limits in the way. */
function instanceEnv(): Record<string, string> {
  return {
    MAIL_RELAY_URL: relay.url(),
    MAIL_FROM: 'Mailbox setup <no-reply@app.test>',
    NODE_EXTRA_CA_CERTS: ensureTestPki().ca.certPath,
    MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '163.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` } }),
    ALLOW_ENDPOINT_OVERRIDES: '1',
    PRACTICE_MODE: 'off',
    HEALTH_CHECKS_ENABLED: '0',
    // Every test signs up and asks from loopback; the limits themselves are lib/auth's tests'.
    AUTH_SIGN_IN_MAX_ATTEMPTS: '1000',
    AUTH_SIGN_UP_MAX_PER_ADDRESS: '1000',
    PASSWORD_RESET_MAX_PER_ADDRESS: '1000',
  };
}

test.beforeAll(async () => {
  relay = await startRelayPeer(RELAY);
  imap = await startNeteaseImap({ users: {} });
  smtp = await startNeteaseSmtp({ users: {} });
  app = await startAppServer({ name: 'account', env: instanceEnv() });
});

test.afterAll(async () => {
  await app?.stop();
  await Promise.all([relay?.stop(), imap?.stop(), smtp?.stop()]);
});

/** A fresh browser of this project's kind (a phone narrowed to 375 px) on `url`, reading `locale`. */
async function newClient(browser: Browser, url: string, locale: Locale): Promise<{ context: BrowserContext; page: Page }> {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
  const context = await browser.newContext({
    baseURL: url,
    ...(isMobile ? { viewport: { width: 375, height: viewport?.height ?? 740 } } : viewport ? { viewport } : {}),
    ...(userAgent ? { userAgent } : {}),
    ...(deviceScaleFactor ? { deviceScaleFactor } : {}),
    ...(isMobile !== undefined ? { isMobile } : {}),
    ...(hasTouch !== undefined ? { hasTouch } : {}),
  });
  await context.addCookies([{ name: 'locale', value: locale, url }]);
  return { context, page: await context.newPage() };
}

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${label}`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow on ${label}`).toBeLessThanOrEqual(0);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in?next=/account');
  await page.getByLabel(/^(邮箱|Email)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
}

const signInRefused = (page: Page) => page.getByText(/^(邮箱或密码不正确。|The email or password is not right\.)$/);

/** The mails the relay took for `to`, decoded. */
const mailsTo = (to: string) => relay.messages.filter((message) => message.to.includes(to));

for (const locale of LOCALES) {
  test(`a forgotten password is reset by mail through the relay, once, and every old session ends (${locale})`, { tag: '@phone' }, async ({ browser }) => {
    const owner = await newClient(browser, app.url, locale);
    const helper = await newClient(browser, app.url, locale);
    try {
      const { email, password } = await signUp(owner.page, '/account');
      await expect(new MyAccountPage(owner.page).email).toHaveText(email);

      // Another browser, signed out: from the sign-in page to 「忘记密码」.
      const page = helper.page;
      await page.goto('/sign-in');
      await page.getByRole('link', { name: /^(忘记密码？|Forgot your password\?)$/ }).click();
      await expect(page).toHaveURL(/\/forgot-password$/);
      await expectAccessible(page, 'forgot-password');
      const forgot = new ForgotPasswordPage(page);

      // An address nobody signed up with gets the very same answer as a registered one.
      const stranger = newUser().email;
      await forgot.ask(stranger);
      await expect(forgot.sentHeading).toBeFocused();
      const strangerAnswer = (await forgot.sent.innerText()).replace(stranger, '<address>');
      await forgot.askAgain.click();
      await forgot.ask(email);
      await expect(forgot.sentHeading).toBeFocused();
      expect((await forgot.sent.innerText()).replace(email, '<address>')).toBe(strangerAnswer);
      await expectAccessible(page, 'forgot-password, answered');

      // The relay took the mail over TLS from the app's login; only the registered address got one.
      await expect.poll(() => mailsTo(email).length, { message: 'the reset mail reaches the relay' }).toBe(1);
      expect(mailsTo(stranger)).toEqual([]);
      const [mail] = mailsTo(email);
      expect(mail).toMatchObject({ secure: true, user: RELAY.user, from: 'no-reply@app.test' });
      expect(messageHeader(mail!.raw, 'subject')).toBe('重设密码 / Reset your password');
      const text = messageText(mail!.raw);
      const link = new RegExp(`${app.url.replace(/[.]/g, '\\.')}/reset-password\\?token=([A-Za-z0-9]+)`).exec(text);
      expect(link, text).not.toBeNull();
      const token = link![1]!;

      // The link: the new password twice (a typo first), then it is saved.
      await page.goto(link![0]);
      const reset = new ResetPasswordPage(page);
      await expectAccessible(page, 'reset-password');
      await reset.setPassword(NEW_PASSWORD, `${NEW_PASSWORD}!`);
      await expect(reset.newPasswordRepeat).toBeFocused();
      await expect(reset.newPasswordRepeat).toHaveAccessibleDescription(/^(两次输入的新密码不一样。|The two new passwords are not the same\.)$/);
      await reset.setPassword(NEW_PASSWORD);
      await expect(reset.doneHeading).toBeFocused();
      await expectAccessible(page, 'reset-password, done');

      // The owner's old session has ended; the old password no longer works, the new one does.
      await owner.page.reload();
      await expect(owner.page).toHaveURL(/\/sign-in\?next=(%2F|\/)account$/);
      await signIn(owner.page, email, password);
      await expect(signInRefused(owner.page)).toBeVisible();
      await signIn(owner.page, email, NEW_PASSWORD);
      await expect(owner.page).toHaveURL(/\/account$/);

      // The link works once.
      await page.goto(link![0]);
      await expect(reset.invalidHeading).toBeVisible();
      await expect(reset.newPassword).toHaveCount(0);
      await expectAccessible(page, 'reset-password, used link');

      // Neither the relay's password nor the token reached the server's log.
      expect(app.output()).not.toContain(RELAY.pass);
      expect(app.output()).not.toContain(encodeURIComponent(RELAY.pass));
      expect(app.output()).not.toContain(token);
    } finally {
      await owner.context.close();
      await helper.context.close();
    }
  });

  test(`the password is changed on /account, and the other devices are signed out (${locale})`, { tag: '@phone' }, async ({ browser }) => {
    const here = await newClient(browser, app.url, locale);
    const elsewhere = await newClient(browser, app.url, locale);
    try {
      const { email, password } = await signUp(here.page, '/account');
      await signIn(elsewhere.page, email, password);
      await expect(elsewhere.page).toHaveURL(/\/account$/);

      const account = new MyAccountPage(here.page);
      await expect(account.email).toHaveText(email);
      await expectAccessible(here.page, 'account');

      await account.changePassword('not my password', NEW_PASSWORD);
      await expect(account.currentPassword).toBeFocused();
      await expect(account.currentPassword).toHaveAttribute('aria-invalid', 'true');
      await expect(account.currentPassword).toHaveAccessibleDescription(/^(密码不正确。|The password is not right\.)$/);
      await expectAccessible(here.page, 'account, wrong password');

      await account.changePassword(password, NEW_PASSWORD);
      await expect(account.changeNotice).toBeFocused();
      await expect(account.changeNotice).toHaveText(/^(密码已修改。|Password changed\.)/);

      // This browser stays signed in; the other one is out.
      await here.page.reload();
      await expect(account.email).toHaveText(email);
      await elsewhere.page.reload();
      await expect(elsewhere.page).toHaveURL(/\/sign-in\?next=(%2F|\/)account$/);
      await signIn(elsewhere.page, email, password);
      await expect(signInRefused(elsewhere.page)).toBeVisible();
      await signIn(elsewhere.page, email, NEW_PASSWORD);
      await expect(elsewhere.page).toHaveURL(/\/account$/);
    } finally {
      await here.context.close();
      await elsewhere.context.close();
    }
  });

  test(`deleting my account removes my mailbox and signs me out to the wizard (${locale})`, { tag: '@phone' }, async ({ browser }) => {
    // An instance of its own, so its embedded database can be read once it has stopped.
    test.setTimeout(150_000);
    const own = await startAppServer({ name: `account-delete-${locale}`, env: instanceEnv(), dataDir: test.info().outputPath('data') });
    const client = await newClient(browser, own.url, locale);
    let email = '';
    const mailbox = { address: `del${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@163.com`, code: randomCode() };
    imap.setCode(mailbox.address, mailbox.code);
    smtp.setCode(mailbox.address, mailbox.code);
    try {
      const page = client.page;
      const user = await signUp(page, '/account');
      email = user.email;
      await connectThroughWizard(page, mailbox);

      const account = new MyAccountPage(page);
      await account.open();
      await account.deletePassword.fill('not my password');
      await account.deleteButton.click();
      await expect(account.deletePassword).toBeFocused();
      await expect(account.deletePassword).toHaveAccessibleDescription(/(密码不正确。|The password is not right\.)$/);
      await expectAccessible(page, 'account, delete refused');

      await account.deletePassword.fill(user.password);
      await account.deleteButton.click();
      // On the wizard, signed out.
      await expect(page).toHaveURL((url) => url.origin === own.url && url.pathname === '/');
      await page.goto('/account');
      await expect(page).toHaveURL(/\/sign-in\?next=(%2F|\/)account$/);
      await signIn(page, email, user.password);
      await expect(signInRefused(page)).toBeVisible();
    } finally {
      await client.context.close();
      await own.stop();
    }

    // What the instance left in its database: no user and no mailbox, an audit entry and the check attempt.
    const db = await PGlite.create(path.join(test.info().outputPath('data'), 'pglite'));
    try {
      const count = async (query: string, value: string) => (await db.query<{ n: number }>(query, [value])).rows[0]!.n;
      expect(await count('select count(*)::int as n from auth_users where email = $1', email)).toBe(0);
      expect(await count('select count(*)::int as n from mail_accounts where address = $1', mailbox.address)).toBe(0);
      expect(await count("select count(*)::int as n from account_audit_log where address = $1 and action = 'deleted'", mailbox.address)).toBe(1);
      expect(await count('select count(*)::int as n from check_attempts where address = $1', mailbox.address)).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });
}

test('/account sends a visitor to sign in first, and /dev/outbox does not exist in production', async ({ browser }) => {
  const { context, page } = await newClient(browser, app.url, 'zh');
  try {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in\?next=(%2F|\/)account$/);
    const outbox = await page.goto('/dev/outbox');
    expect(outbox?.status()).toBe(404);
  } finally {
    await context.close();
  }
});
