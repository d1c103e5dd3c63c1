import { expect, test, type Browser } from './support/fixtures';
import { QQ_MAIL } from '@/lib/providers/qq';
import { signUp } from './support/accounts';
import { AccountsPage } from './support/accounts-page';
import { controlPeers, createMailbox, E2E_STAFF } from './support/mail-peers';
import { WizardPage, type WizardStep } from './support/wizard-page';

// Links into the wizard from elsewhere (/accounts' way back to a step, the support console's step
// links) carry the mailbox's provider, so a tab that never saw the address still shows that
// provider's steps rather than NetEase's.

/** 16 lower-case letters, as QQ hands them out. */
function lowerCode(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: 16 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
}

const QQ_HEADING = '把QQ 邮箱连接到我们的邮件客户端';
const NETEASE_HEADING = '把网易邮箱连接到我们的邮件客户端';

/** Opens `href` in a new browser context: no address, choice or step stored for the tab. */
async function openFresh(browser: Browser, baseURL: string, href: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(href);
  await page.waitForLoadState('networkidle');
  return { context, page, wizard: new WizardPage(page) };
}

test('a failing QQ mailbox on /accounts: its way back to a step opens QQ’s steps in a tab that never saw the address, and a new code is asked for in QQ’s words', async ({
  page,
  browser,
  baseURL,
}) => {
  const mailbox = await createMailbox('qq.com', lowerCode());
  await signUp(page, '/');
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill(mailbox.address);
  await wizard.panel('configure-in-client').getByLabel('授权码', { exact: true }).fill(mailbox.code);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible({ timeout: 30_000 });

  // The code is replaced at QQ: the next check fails and the card points back into the guide.
  await controlPeers({ type: 'set-code', address: mailbox.address, code: lowerCode() });
  const accounts = new AccountsPage(page);
  await accounts.open();
  await accounts.checkNowButton(mailbox.address).click();
  await expect(accounts.status(mailbox.address)).toHaveText('异常', { timeout: 30_000 });
  const fix = accounts.card(mailbox.address).getByRole('link', { name: /^去第 \d 步：/ });
  const href = (await fix.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/\?provider=qq#/);
  const step = href.slice(href.indexOf('#') + 1) as WizardStep;
  const qqTitle = QQ_MAIL.guide?.find((s) => s.id === step)?.title.zh ?? '';
  expect(qqTitle).not.toBe('');
  await expect(fix).toContainText(qqTitle);

  const fresh = await openFresh(browser, baseURL!, href);
  try {
    await fresh.wizard.expectStep(step);
    await expect(fresh.wizard.heading(step)).toHaveText(qqTitle);
    await expect(fresh.page.getByRole('heading', { level: 1 })).toHaveText(QQ_HEADING);
    // The server drew QQ's steps: they are in the document itself, not fetched by a script.
    const html = await (await fresh.page.request.get(href)).text();
    expect(html).toContain('data-provider-steps="qq"');
    expect(html).not.toContain('data-provider-steps="netease"');
    // The address bar keeps naming the provider shown, with the step; a reload shows the same.
    await expect(fresh.page).toHaveURL((url) => url.search === '?provider=qq' && url.hash === `#${step}`);
    await fresh.page.reload();
    await expect(fresh.page.getByRole('heading', { level: 1 })).toHaveText(QQ_HEADING);

    // An address typed afterwards still decides: the words follow at once, and NetEase's steps
    // are fetched once the reader moves on; the address bar follows.
    await fresh.wizard.open('core-parameters-configuration');
    await fresh.wizard.addressInput.fill('li@163.com');
    await expect(fresh.page.getByRole('heading', { level: 1 })).toHaveText(NETEASE_HEADING);
    await fresh.wizard.nextLink('core-parameters-configuration').click();
    await fresh.wizard.expectStep('access-settings');
    await expect(fresh.page).toHaveURL((url) => url.search === '?provider=netease' && url.hash === '#access-settings');
    await expect(fresh.wizard.panel('access-settings').locator('[data-provider-steps="netease"]')).toBeAttached();
    await expect(fresh.wizard.panel('access-settings').locator('[data-provider-steps="qq"]')).toHaveCount(0);
  } finally {
    await fresh.context.close();
  }

  // The replace-code form speaks of QQ's 授权码, not NetEase's 客户端授权码.
  await accounts.replaceCodeButton(mailbox.address).click();
  const card = accounts.card(mailbox.address);
  await expect(card.getByLabel('新的授权码', { exact: true })).toBeFocused();
  await expect(card.getByRole('heading', { name: `更换 ${mailbox.address} 的授权码` })).toBeVisible();
  await expect(card.getByText('16 位字母。粘贴进来的空格、换行和看不见的字符会被自动去掉。')).toBeVisible();
  await expect(card.locator('form')).not.toContainText('客户端授权码');
});

test('a hint names no provider we know, or arrives after the address: the wizard goes by what it knows', async ({ browser, baseURL }) => {
  const unknown = await openFresh(browser, baseURL!, '/?provider=gmail#access-settings');
  try {
    await unknown.wizard.expectStep('access-settings');
    await expect(unknown.page.getByRole('heading', { level: 1 })).toHaveText(NETEASE_HEADING);
    // On a step past the first, NetEase's steps were fetched, and the address bar says so.
    await expect(unknown.wizard.panel('access-settings').locator('[data-provider-steps="netease"]')).toBeAttached();
    await expect(unknown.page).toHaveURL((url) => url.search === '?provider=netease' && url.hash === '#access-settings');
  } finally {
    await unknown.context.close();
  }

  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    const wizard = new WizardPage(page);
    await wizard.open();
    await wizard.addressInput.fill('li@163.com');
    await page.goto('/?provider=qq#access-settings');
    await page.waitForLoadState('networkidle');
    await wizard.expectStep('access-settings');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(NETEASE_HEADING);
  } finally {
    await context.close();
  }
});

test('the support console’s step links name the customer’s provider and open its steps', async ({ page, browser, baseURL }) => {
  const mailbox = await createMailbox('qq.com', lowerCode());
  const customer = new WizardPage(page);
  await customer.open();
  await customer.addressInput.fill(mailbox.address);
  await page.getByRole('button', { name: '联系客服' }).click();
  const helpCode = page.getByTestId('help-code');
  await expect(helpCode).toHaveText(/^\d{3} \d{3}$/);
  const code = (await helpCode.textContent())!.replace(/\s/g, '');

  const staffContext = await browser.newContext({ baseURL });
  try {
    const staff = await staffContext.newPage();
    await staff.goto(`/sign-in?next=${encodeURIComponent('/support')}`);
    await staff.getByLabel(/^(邮箱|Email)$/).fill(E2E_STAFF.email);
    await staff.getByLabel(/^(密码|Password)$/).fill(E2E_STAFF.password);
    await staff.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
    await expect(staff).toHaveURL((url) => url.pathname === '/support');
    await staff.getByLabel('客户的求助码').fill(code);
    await staff.getByRole('button', { name: '查看客户进度' }).click();
    await expect(staff).toHaveURL(/\/support\/sessions\/[0-9a-f-]{36}$/);
    await expect(staff.getByTestId('customer-place')).toContainText('QQ');
    // The customer's address reached the session before the page was drawn: its links carry QQ.
    await staff.reload();
    const link = staff.getByText(/\/\?provider=qq#access-settings$/);
    await expect(link).toBeVisible();
    const href = (await link.textContent()) ?? '';

    const fresh = await openFresh(browser, baseURL!, href);
    try {
      await fresh.wizard.expectStep('access-settings');
      await expect(fresh.page.getByRole('heading', { level: 1 })).toHaveText(QQ_HEADING);
    } finally {
      await fresh.context.close();
    }
  } finally {
    await staffContext.close();
  }
});

test('naming another provider fetches its steps and keeps what was typed', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open('core-parameters-configuration');
  await wizard.addressInput.fill('li@163.com');
  await wizard.open('configure-in-client');
  await expect(wizard.panel('configure-in-client').locator('[data-provider-steps="netease"]').first()).toBeAttached();
  await wizard.codeInput.fill('ABCDEFGHJKLMNPQR');

  // Back to step 1 as a reader would, and another provider's address.
  await wizard.progress.getByRole('link').first().click();
  await wizard.expectStep('core-parameters-configuration');
  await wizard.addressInput.fill('li@qq.com');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(QQ_HEADING);
  await wizard.progress.getByRole('link').nth(3).click();
  await wizard.expectStep('configure-in-client');
  await expect(wizard.panel('configure-in-client').locator('[data-provider-steps="qq"]').first()).toBeAttached();
  await expect(wizard.panel('configure-in-client').locator('[data-provider-steps="netease"]')).toHaveCount(0);
  // The page was not reloaded or re-drawn: the code is still in its field, now in QQ's words.
  await expect(wizard.panel('configure-in-client').getByLabel('授权码', { exact: true })).toHaveValue('ABCDEFGHJKLMNPQR');
  expect(new URL(page.url()).search).toBe('?provider=qq');
});

test('a step changed while a provider’s steps are on their way stays changed, and a campaign’s parameters stay in the address', async ({ page }) => {
  // The steps' fetch (a router request) is held until the reader has moved on twice.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let fetched = 0;
  await page.route(
    (url) => url.searchParams.get('provider') === 'netease' && url.searchParams.has('_rsc'),
    async (route) => {
      fetched++;
      await released;
      await route.continue();
    },
  );
  const wizard = new WizardPage(page);
  await page.goto('/?utm_source=sms#access-settings');
  await expect.poll(() => fetched).toBe(1);
  await wizard.nextLink('access-settings').click();
  await wizard.expectStep('enable-service-and-get-code');
  await wizard.nextLink('enable-service-and-get-code').click();
  await wizard.expectStep('configure-in-client');
  release();
  await expect(wizard.panel('configure-in-client').locator('[data-provider-steps="netease"]').first()).toBeAttached();
  await wizard.expectStep('configure-in-client');
  await expect(page).toHaveURL((url) => url.searchParams.get('utm_source') === 'sms' && url.searchParams.get('provider') === 'netease' && url.hash === '#configure-in-client');
  // And a hash change whose event comes after the steps arrived is not undone either.
  await wizard.nextLink('configure-in-client').click();
  await wizard.expectStep('result');
  await expect(page).toHaveURL((url) => url.hash === '#result' && url.searchParams.get('utm_source') === 'sms');
});
