import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/fixtures';
import { DIAGNOSES } from '@/lib/mail-check/diagnosis';
import { signUp } from './support/accounts';
import { AccountsPage, connectThroughWizard } from './support/accounts-page';
import { formatRetryClock } from '@/components/accounts/time';
import { controlPeers, createMailbox, randomCode } from './support/mail-peers';
import { expectRetryTimeAfterFailures, LOCKOUT_WINDOW_MS } from './support/retry-time';

// /accounts against the real app and the mail peers behind the test seam (tools/serve-with-peers.ts):
// each test signs up a fresh user and connects a fresh mailbox through the wizard.

// The failures the tests cause on purpose stay clear of the lockout: each test has its own
// mailbox (the per-mailbox limit), and the browser-test server raises the provider-wide limit
// (PROVIDER_MAX_FAILURES in tools/serve-with-peers.ts), so a pause never refuses the tests after them.

/** A new user with one mailbox connected through the wizard, looking at /accounts. */
async function userWithMailbox(page: Page, domain = '163.com') {
  const mailbox = await createMailbox(domain);
  await signUp(page, '/');
  await connectThroughWizard(page, mailbox);
  const accounts = new AccountsPage(page);
  await accounts.open();
  await expect(accounts.status(mailbox.address)).toHaveText('正常');
  return { mailbox, accounts };
}

test('signed out, /accounts sends the reader to sign in and back', async ({ page }) => {
  await page.goto('/accounts');
  await expect(page).toHaveURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/accounts');
});

test('with no mailbox, the empty state leads into the wizard', async ({ page }) => {
  await signUp(page, '/accounts');
  const accounts = new AccountsPage(page);
  await expect(accounts.heading).toHaveText('我的邮箱');
  await expect(accounts.emptyHeading).toBeVisible();

  // The language switch works here as in the wizard, and comes back.
  await page.getByRole('button', { name: /Switch to English/ }).click();
  await expect(accounts.heading).toHaveText('My mailboxes');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Connect a mailbox' })).toHaveAttribute('href', '/');
  await page.getByRole('button', { name: /切换为中文|Switch to Chinese/ }).click();
  await expect(accounts.heading).toHaveText('我的邮箱');

  await page.getByRole('link', { name: '开始连接邮箱' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
});

test('a mailbox connected in the wizard is 「正常」, with its last check and history; check now passes again', async ({ page }) => {
  const { mailbox, accounts } = await userWithMailbox(page);
  const card = accounts.card(mailbox.address);
  await expect(card).toContainText('网易');
  await expect(card.getByText('上次检查：')).toBeVisible();
  await expect(card).toContainText('收信和发信都通过');
  await expect(card.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);

  await accounts.checkNowButton(mailbox.address).click();
  await expect(accounts.message(mailbox.address)).toContainText('检查通过，状态「正常」', { timeout: 30_000 });
  await expect(accounts.status(mailbox.address)).toHaveText('正常');
  // Focus stays on the button the reader pressed.
  await expect(accounts.checkNowButton(mailbox.address)).toBeFocused();

  await accounts.history(mailbox.address).locator('summary').click();
  await expect(accounts.history(mailbox.address).getByRole('listitem').first()).toBeVisible();
});

test('while an action runs the badge says 「检查中」 in the same space, and the buttons wait', async ({ page }) => {
  const { mailbox, accounts } = await userWithMailbox(page);
  // Hold the action's request so the running state can be seen.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/accounts', async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) await held;
    await route.continue();
  });
  const badge = accounts.status(mailbox.address);
  const before = await badge.locator('..').boundingBox();
  await accounts.checkNowButton(mailbox.address).click();
  await expect(badge).toHaveText('检查中');
  await expect(accounts.card(mailbox.address)).toHaveAttribute('aria-busy', 'true');
  await expect(accounts.pauseButton(mailbox.address)).toHaveAttribute('aria-disabled', 'true');
  const during = await badge.locator('..').boundingBox();
  expect(during?.width).toBe(before?.width);
  expect(during?.x).toBe(before?.x);
  release();
  await expect(accounts.message(mailbox.address)).toContainText('检查通过', { timeout: 30_000 });
  await expect(badge).toHaveText('正常');
  await page.unroute('**/accounts');
});

test('the link from the wizard result leads to /accounts', async ({ page }) => {
  const mailbox = await createMailbox('yeah.net');
  await signUp(page, '/');
  await connectThroughWizard(page, mailbox);
  await page.getByRole('link', { name: '查看和管理我的邮箱' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/accounts');
  await expect(new AccountsPage(page).status(mailbox.address)).toHaveText('正常');
});

test('pause makes it 「已暂停」 and check now unavailable; resume brings back 「正常」', async ({ page }) => {
  const { mailbox, accounts } = await userWithMailbox(page);
  await accounts.pauseButton(mailbox.address).click();
  await expect(accounts.status(mailbox.address)).toHaveText('已暂停');
  await expect(accounts.message(mailbox.address)).toContainText('已暂停');
  await expect(accounts.checkNowButton(mailbox.address)).toBeDisabled();
  // The toggle keeps focus as it turns into "resume".
  await expect(accounts.resumeButton(mailbox.address)).toBeFocused();

  await page.reload();
  await expect(accounts.status(mailbox.address)).toHaveText('已暂停');
  await expect(accounts.checkNowButton(mailbox.address)).toBeDisabled();

  await accounts.resumeButton(mailbox.address).click();
  await expect(accounts.status(mailbox.address)).toHaveText('正常');
  await expect(accounts.checkNowButton(mailbox.address)).toBeEnabled();
  await accounts.checkNowButton(mailbox.address).click();
  await expect(accounts.message(mailbox.address)).toContainText('检查通过', { timeout: 30_000 });
});

test('an action after the session ended asks to sign in again and changes nothing', async ({ page, context }) => {
  const { mailbox, accounts } = await userWithMailbox(page);
  await context.clearCookies();
  await accounts.pauseButton(mailbox.address).click();
  await expect(accounts.message(mailbox.address)).toContainText('登录已过期');
  await expect(accounts.message(mailbox.address).getByRole('link', { name: '重新登录' })).toHaveAttribute('href', '/sign-in?next=/accounts');
  await expect(accounts.status(mailbox.address)).toHaveText('正常');
});

test('a code revoked at the peer turns 「正常」 into 「异常」 with the diagnosis; a new code through the form fixes it', async ({ page }) => {
  const { mailbox, accounts } = await userWithMailbox(page);
  await controlPeers({ type: 'revoke', address: mailbox.address });

  await accounts.checkNowButton(mailbox.address).click();
  await expect(accounts.status(mailbox.address)).toHaveText('异常', { timeout: 30_000 });
  const card = accounts.card(mailbox.address);
  await expect(accounts.message(mailbox.address)).toContainText('检查未通过');
  await expect(card.getByRole('heading', { name: DIAGNOSES.auth_failed.title.zh })).toBeVisible();
  await expect(card.getByText(DIAGNOSES.auth_failed.checklist[2]?.zh ?? '')).toBeVisible();
  const fix = card.getByRole('link', { name: /^去第 3 步：开启服务，获取授权码$/ });
  await expect(fix).toHaveAttribute('href', '/?provider=netease#enable-service-and-get-code');

  // Refused on the login: the card says background checks leave it alone until the owner acts.
  const held = card.getByTestId('held-from-background');
  await expect(held).toContainText('后台已停止自动检查这个邮箱');

  // Still 「异常」 after a reload: the status is the server's.
  await page.reload();
  await expect(accounts.status(mailbox.address)).toHaveText('异常');
  await expect(held).toBeVisible();
  await accounts.history(mailbox.address).locator('summary').click();
  await expect(accounts.history(mailbox.address)).toContainText('正常 → 异常');

  // The user makes a new code in webmail and pastes it, with the spaces a copy brings along.
  const fresh = randomCode();
  await controlPeers({ type: 'set-code', address: mailbox.address, code: fresh });
  await accounts.replaceCodeButton(mailbox.address).click();
  await expect(accounts.codeInput(mailbox.address)).toBeFocused();
  await accounts.codeInput(mailbox.address).fill(` ${fresh.slice(0, 8)} ${fresh.slice(8)}\n`);
  await expect(accounts.codeInput(mailbox.address)).toHaveValue(fresh);
  await accounts.replaceSubmit(mailbox.address).click();
  await expect(accounts.message(mailbox.address)).toContainText('新授权码检测通过', { timeout: 30_000 });
  await expect(accounts.status(mailbox.address)).toHaveText('正常');
  await expect(card.getByRole('heading', { name: DIAGNOSES.auth_failed.title.zh })).toHaveCount(0);
  await expect(held).toHaveCount(0);
  await expect(accounts.replaceCodeButton(mailbox.address)).toBeFocused();

  // The new code is the one kept: another check passes.
  await accounts.checkNowButton(mailbox.address).click();
  await expect(accounts.message(mailbox.address)).toContainText('检查通过', { timeout: 30_000 });
  expect(await page.content()).not.toContain(fresh);
});

test('a wrong replacement code is refused with the diagnosis and the old code is kept', async ({ page }) => {
  const { mailbox, accounts } = await userWithMailbox(page);
  await accounts.replaceCodeButton(mailbox.address).click();
  // Empty is caught before any request.
  await accounts.replaceSubmit(mailbox.address).click();
  await expect(accounts.codeInput(mailbox.address)).toHaveAttribute('aria-invalid', 'true');
  await expect(accounts.card(mailbox.address).getByText('请粘贴授权码。')).toBeVisible();

  await accounts.codeInput(mailbox.address).fill('WrongWrongWrongW');
  await accounts.codeInput(mailbox.address).press('Enter');
  const card = accounts.card(mailbox.address);
  await expect(card.getByText('旧的客户端授权码仍然保留，没有任何改动。')).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText(`新的客户端授权码没有通过检测：${DIAGNOSES.auth_failed.title.zh}`)).toBeVisible();
  await expect(accounts.status(mailbox.address)).toHaveText('正常');

  await card.getByRole('button', { name: '取消' }).click();
  await expect(accounts.replaceCodeButton(mailbox.address)).toBeFocused();
  await accounts.checkNowButton(mailbox.address).click();
  await expect(accounts.message(mailbox.address)).toContainText('检查通过，状态「正常」', { timeout: 30_000 });
});

test('delete asks first, naming the address; Escape keeps it; confirming removes it and moves focus', async ({ page }) => {
  const { mailbox, accounts } = await userWithMailbox(page);
  await accounts.deleteButton(mailbox.address).click();
  await expect(accounts.dialog).toBeVisible();
  await expect(accounts.dialog.getByRole('heading')).toHaveText(`删除 ${mailbox.address}？`);
  await expect(accounts.dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(accounts.dialog).toBeHidden();
  await expect(accounts.deleteButton(mailbox.address)).toBeFocused();
  await expect(accounts.card(mailbox.address)).toBeVisible();

  // With a second mailbox below it, focus goes to that one's heading; after the last, to the empty state.
  const second = await createMailbox('126.com');
  await connectThroughWizard(page, second);
  await accounts.open();
  await accounts.deleteButton(mailbox.address).press('Enter');
  await accounts.dialog.getByRole('button', { name: '删除邮箱' }).click();
  await expect(accounts.card(mailbox.address)).toHaveCount(0);
  await expect(accounts.announcement).toContainText(`${mailbox.address} 已删除`);
  await expect(accounts.card(second.address).getByRole('heading', { level: 2 })).toBeFocused();

  await accounts.deleteButton(second.address).click();
  await accounts.dialog.getByRole('button', { name: '删除邮箱' }).click();
  await expect(accounts.card(second.address)).toHaveCount(0);
  await expect(accounts.emptyHeading).toBeFocused();

  await page.reload();
  await expect(accounts.emptyHeading).toBeVisible();
});

test('another user sees nothing of it, and replayed action ids get the answer of a missing one', async ({ page, browser, baseURL }) => {
  const { mailbox, accounts } = await userWithMailbox(page);

  // Record the browser's own requests for check now and pause, as someone replaying them would.
  const recorded = async (click: () => Promise<void>) => {
    const request = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await click();
    const sent = await request;
    return { headers: sent.headers(), body: sent.postData() ?? '' };
  };
  const check = await recorded(() => accounts.checkNowButton(mailbox.address).click());
  await expect(accounts.message(mailbox.address)).toContainText('检查通过', { timeout: 30_000 });
  const pause = await recorded(() => accounts.pauseButton(mailbox.address).click());
  await expect(accounts.status(mailbox.address)).toHaveText('已暂停');
  await accounts.resumeButton(mailbox.address).click();
  await expect(accounts.status(mailbox.address)).toHaveText('正常');
  const accountId = JSON.parse(check.body)[0] as string;
  expect(accountId).toMatch(/\S/);

  const other = await browser.newContext({ baseURL });
  try {
    const otherPage = await other.newPage();
    await signUp(otherPage, '/accounts');
    const otherAccounts = new AccountsPage(otherPage);
    await expect(otherAccounts.emptyHeading).toBeVisible();
    expect(await otherPage.content()).not.toContain(mailbox.address);

    const replay = async (call: { headers: Record<string, string>; body: string }, body = call.body) => {
      const headers = Object.fromEntries(
        Object.entries(call.headers).filter(([name]) => !['cookie', 'content-length', 'host'].includes(name)),
      );
      const response = await otherPage.request.post('/accounts', { headers, data: body });
      return response.text();
    };
    const missingId = '00000000-0000-4000-8000-000000000000';
    for (const call of [check, pause]) {
      const theirs = await replay(call);
      const missing = await replay(call, call.body.replace(accountId, missingId));
      expect(theirs).toContain('"code":"not_found"');
      expect(theirs).not.toContain(mailbox.address);
      expect(theirs).toBe(missing);
    }
  } finally {
    await other.close();
  }

  // The owner's mailbox did not move.
  await page.reload();
  await expect(accounts.status(mailbox.address)).toHaveText('正常');
});

test('repeated failed checks are refused with the time to come back', async ({ page }) => {
  const { mailbox, accounts } = await userWithMailbox(page, 'yeah.net');
  await controlPeers({ type: 'revoke', address: mailbox.address });
  const message = accounts.message(mailbox.address);
  const fromMs = Date.now();
  for (let attempt = 0; attempt < 8; attempt++) {
    await accounts.checkNowButton(mailbox.address).click();
    await expect(message).toContainText(/检查未通过|请在/, { timeout: 30_000 });
    if (/请在/.test((await message.textContent()) ?? '')) break;
  }
  await expectRetryTimeAfterFailures(message, { fromMs, windowMs: LOCKOUT_WINDOW_MS }, (at, now) =>
    formatRetryClock(new Date(at).toISOString(), 'zh', now),
  );
});

test('at phone width (375 px) nothing scrolls sideways, with the diagnosis, form and dialog open', { tag: '@phone-only' }, async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const { mailbox, accounts } = await userWithMailbox(page);
  await controlPeers({ type: 'revoke', address: mailbox.address });
  await accounts.checkNowButton(mailbox.address).click();
  await expect(accounts.status(mailbox.address)).toHaveText('异常', { timeout: 30_000 });
  await accounts.history(mailbox.address).locator('summary').click();
  await accounts.replaceCodeButton(mailbox.address).click();
  expect(await accounts.horizontalOverflow()).toBeLessThanOrEqual(0);
  await accounts.deleteButton(mailbox.address).click();
  await expect(accounts.dialog).toBeVisible();
  expect(await accounts.horizontalOverflow()).toBeLessThanOrEqual(0);
  const box = await accounts.dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
});

for (const locale of ['zh', 'en'] as const) {
  test(`axe finds no serious or critical problem on /accounts (${locale})`, { tag: '@phone' }, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'locale', value: locale, url: baseURL ?? 'http://127.0.0.1' }]);
    const mailbox = await createMailbox('163.com');
    await signUp(page, '/');
    await connectThroughWizard(page, mailbox);
    const accounts = new AccountsPage(page);
    await accounts.open();
    await expect(accounts.heading).toHaveText(locale === 'zh' ? '我的邮箱' : 'My mailboxes');
    await expect(accounts.status(mailbox.address)).toHaveText(locale === 'zh' ? '正常' : 'OK');

    const scan = async (label: string) => {
      const results = await new AxeBuilder({ page }).analyze();
      const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
    };
    await scan('list');

    await controlPeers({ type: 'revoke', address: mailbox.address });
    await accounts.checkNowButton(mailbox.address).click();
    await expect(accounts.status(mailbox.address)).toHaveText(locale === 'zh' ? '异常' : 'Failing', { timeout: 30_000 });
    await accounts.history(mailbox.address).locator('summary').click();
    await accounts.replaceCodeButton(mailbox.address).click();
    await scan('failed, with history and form open');

    await accounts.deleteButton(mailbox.address).click();
    await expect(accounts.dialog).toBeVisible();
    await scan('delete dialog');
  });
}

test('dark mode keeps /accounts readable (axe colour contrast), failing and paused cards included', { tag: '@phone' }, async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const { mailbox, accounts } = await userWithMailbox(page);
  const second = await createMailbox('126.com');
  await connectThroughWizard(page, second);
  await accounts.open();
  await controlPeers({ type: 'revoke', address: mailbox.address });
  await accounts.checkNowButton(mailbox.address).click();
  await expect(accounts.status(mailbox.address)).toHaveText('异常', { timeout: 30_000 });
  await accounts.pauseButton(second.address).click();
  await expect(accounts.status(second.address)).toHaveText('已暂停');
  await accounts.history(mailbox.address).locator('summary').click();
  const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
