import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from './support/fixtures';
import { signUp } from './support/accounts';
import { createMailbox, E2E_SECOND_APP_PORT, E2E_SECOND_STAFF, E2E_STAFF } from './support/mail-peers';
import { WizardPage } from './support/wizard-page';

// The help-code handoff with two people in two browser contexts: a customer in the wizard and
// a support staff member in the console, each seeing what the other does. Plus who may open
// the console at all, and a search of everything staff receive for the customer's code.

const STAFF_HOME = '/support';

async function signInAsStaff(page: Page, next = STAFF_HOME, member: { email: string; password: string } = E2E_STAFF) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/^(邮箱|Email)$/).fill(member.email);
  await page.getByLabel(/^(密码|Password)$/).fill(member.password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await expect(page).toHaveURL((url) => url.pathname === next);
}

/** The customer asks for help and reads the code off the panel. */
async function askForHelp(page: Page): Promise<string> {
  // A press before the page's scripts have run does nothing (the button is server HTML until then).
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: '联系客服' }).click();
  const code = page.getByTestId('help-code');
  await expect(code).toHaveText(/^\d{3} \d{3}$/);
  return (await code.textContent())!.replace(/\s/g, '');
}

async function openSession(staffPage: Page, code: string) {
  await staffPage.goto(STAFF_HOME);
  await staffPage.getByLabel('客户的求助码').fill(code);
  await staffPage.getByRole('button', { name: '查看客户进度' }).click();
  await expect(staffPage).toHaveURL(/\/support\/sessions\/[0-9a-f-]{36}$/);
}

async function newContext(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  return { context, page: await context.newPage() };
}

test.describe('support console', () => {
  test('the whole handoff: help code, live step, check attempts, a suggestion, the end', async ({ page, browser, baseURL }) => {
    const mailbox = await createMailbox('163.com');
    const wrongCode = 'WrongCodeWrongCo';
    const customer = new WizardPage(page);
    await signUp(page, '/');
    await customer.open();
    await customer.addressInput.fill(mailbox.address);
    const helpCode = await askForHelp(page);
    await expect(page.getByText('等待客服输入求助码…')).toBeVisible();

    const staff = await newContext(browser, baseURL!);
    // Everything staff receive, pages and live refreshes alike, is searched for the code below.
    const received: string[] = [];
    staff.page.on('response', async (response) => {
      if (response.url().startsWith(baseURL!)) received.push(await response.text().catch(() => ''));
    });
    try {
      await signInAsStaff(staff.page);
      await openSession(staff.page, helpCode);
      const masked = `${mailbox.address.slice(0, 2)}***@163.com`;
      await expect(staff.page.getByRole('heading', { level: 1 })).toHaveText(`客户 ${masked}`);
      await expect(staff.page.getByTestId('customer-place')).toContainText('第 1 步');
      await expect(page.getByText('客服已接入，正在查看你的进度。')).toBeVisible();

      // The customer moves on; staff see it without reloading.
      await page.goto('/#configure-in-client');
      await expect(staff.page.getByTestId('customer-place')).toContainText('第 4 步：粘贴授权码并检测');

      // A wrong code: staff see the attempt, its failure code, the server's words and the diagnosis.
      await customer.codeInput.fill(wrongCode);
      await customer.submitButton.click();
      await customer.expectStep('result');
      const attempt = staff.page.getByTestId('attempt').first();
      await expect(attempt).toContainText('auth_failed');
      await expect(attempt).toContainText('服务器的原话');
      await expect(attempt).toContainText('诊断');
      await expect(staff.page.getByTestId('customer-place')).toContainText('第 5 步');

      // Staff suggest step 3; the customer follows it only by choosing to.
      await staff.page.getByLabel('步骤', { exact: true }).selectOption('enable-service-and-get-code');
      await staff.page.getByRole('button', { name: '发送建议' }).click();
      const suggestion = page.getByRole('status').filter({ hasText: '客服建议你前往第 3 步' });
      await expect(suggestion).toBeVisible();
      await customer.expectStep('result');
      await page.getByRole('button', { name: '前往第 3 步' }).click();
      await customer.expectStep('enable-service-and-get-code');
      await expect(suggestion).toHaveCount(0);
      await expect(staff.page.getByTestId('suggestion-state')).toContainText('客户已前往');
      await expect(staff.page.getByTestId('customer-place')).toContainText('第 3 步');

      // Then the right code, from the code step again.
      await page.goto('/#configure-in-client');
      await customer.codeInput.fill(mailbox.code);
      await customer.submitButton.click();
      // The result step's own words: step 4 also says 「正常」, in a panel hidden by then.
      await expect(customer.panel('result').getByText('连接成功，邮箱状态「正常」')).toBeVisible({ timeout: 30_000 });
      await expect(staff.page.getByTestId('attempt')).toHaveCount(2);
      await expect(staff.page.getByTestId('attempt').first()).not.toContainText('未通过');

      // The customer ends it: staff lose sight at the next refresh and on reload.
      await page.getByRole('button', { name: '结束求助' }).click();
      await expect(page.getByText('求助已结束，客服看不到你的进度了。')).toBeVisible();
      await expect(staff.page.getByText('客户已结束求助')).toBeVisible();
      await staff.page.reload();
      await expect(staff.page.getByText('客户已结束求助')).toBeVisible();

      // Nothing staff received holds either code or the whole address.
      const all = received.join('\n');
      expect(all.length).toBeGreaterThan(1000);
      for (const secret of [wrongCode, mailbox.code]) {
        expect(all.toLowerCase()).not.toContain(secret.toLowerCase());
        expect(all).not.toContain(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
      }
      expect(all).not.toContain(mailbox.address);
    } finally {
      await staff.context.close();
    }
  });

  test('a help code belongs to the first staff member who enters it; a colleague gets the wrong-code answer', async ({ page, browser, baseURL }) => {
    await page.goto('/');
    const helpCode = await askForHelp(page);
    const owner = await newContext(browser, baseURL!);
    const colleague = await newContext(browser, baseURL!);
    try {
      await signInAsStaff(owner.page);
      await openSession(owner.page, helpCode);
      const sessionPath = new URL(owner.page.url()).pathname;
      const sessionId = sessionPath.split('/').pop()!;
      // The customer sees that one staff member joined and that they can end it. The e2e staff
      // accounts are named after their address's local part, which the customer is never shown
      // (lib/support tests cover a real display name): so the neutral 客服 here.
      await expect(page.getByTestId('help-joined')).toHaveText('客服已接入，正在查看你的进度。');
      await expect(page.getByText('只有这一位客服能看到你的进度')).toBeVisible();

      // The colleague: the same words as for a code nobody holds, and no way in by the session's id.
      await signInAsStaff(colleague.page, STAFF_HOME, E2E_SECOND_STAFF);
      const codeField = colleague.page.getByLabel('客户的求助码');
      const submit = colleague.page.getByRole('button', { name: '查看客户进度' });
      const answer = colleague.page.getByText(/没有找到这个求助码/);
      await codeField.fill(helpCode);
      await submit.click();
      await expect(answer).toBeVisible();
      await expect(colleague.page).toHaveURL((url) => url.pathname === STAFF_HOME);
      const takenAnswer = await answer.textContent();
      await colleague.page.reload();
      // Any six digits that no customer holds right now (one in a million might; a retry does not).
      await codeField.fill(helpCode === '000000' ? '000001' : '000000');
      await submit.click();
      await expect(answer).toBeVisible();
      expect(await answer.textContent()).toBe(takenAnswer);
      expect((await colleague.page.goto(sessionPath))?.status()).toBe(404);
      expect((await colleague.page.request.get(`/api/support/sessions/${sessionId}`)).status()).toBe(404);

      // The owner can enter the code again and is back on the same session.
      await openSession(owner.page, helpCode);
      expect(new URL(owner.page.url()).pathname).toBe(sessionPath);

      // The customer ends it from the keyboard; the owner loses sight of it.
      const end = page.getByRole('button', { name: '结束求助' });
      await end.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByText('求助已结束，客服看不到你的进度了。')).toBeVisible();
      await expect(owner.page.getByText('客户已结束求助')).toBeVisible();
    } finally {
      await owner.context.close();
      await colleague.context.close();
    }
  });

  test('a help code survives a reload and reaches staff from /accounts too', async ({ page, browser, baseURL }) => {
    await signUp(page, '/accounts');
    const helpCode = await askForHelp(page);
    await page.reload();
    // Picked up again from the server; shown on the collapsed button too.
    await expect(page.getByTestId('help-code')).toHaveText(`${helpCode.slice(0, 3)} ${helpCode.slice(3)}`);
    const staff = await newContext(browser, baseURL!);
    try {
      await signInAsStaff(staff.page);
      await openSession(staff.page, helpCode);
      await expect(staff.page.getByTestId('customer-place')).toContainText('「我的邮箱」页面');
      await expect(staff.page.getByText('客户还没有登录')).toHaveCount(0);
    } finally {
      await staff.context.close();
    }
  });

  test('wrong and malformed help codes get clear messages', async ({ page }) => {
    await signInAsStaff(page);
    const codeField = page.getByLabel('客户的求助码');
    await codeField.fill('12345');
    await page.getByRole('button', { name: '查看客户进度' }).click();
    await expect(page.getByText('求助码是 6 位数字，请再核对一下。')).toBeVisible();
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    // Any six digits that no customer holds right now (one in a million might; a retry does not).
    await codeField.fill('000000');
    await page.getByRole('button', { name: '查看客户进度' }).click();
    await expect(page.getByText(/没有找到这个求助码/)).toBeVisible();
  });

  test('staff search attempts by exact address and see them masked', async ({ page, browser, baseURL }) => {
    const mailbox = await createMailbox('163.com');
    const customer = await newContext(browser, baseURL!);
    try {
      await signUp(customer.page, '/');
      const wizard = new WizardPage(customer.page);
      await wizard.open();
      await wizard.addressInput.fill(mailbox.address);
      await customer.page.goto('/#configure-in-client');
      await wizard.codeInput.fill('WrongCodeWrongCo');
      await wizard.submitButton.click();
      await wizard.expectStep('result');
    } finally {
      await customer.context.close();
    }
    await signInAsStaff(page, '/support/attempts');
    await page.getByLabel('邮箱地址').fill(mailbox.address.toUpperCase());
    await page.getByRole('button', { name: '查找' }).click();
    await expect(page.getByText(/的检查记录：1 条/)).toBeVisible();
    await expect(page.getByTestId('attempt')).toContainText('auth_failed');
    expect(await page.content()).not.toContain(mailbox.address);
    await page.getByLabel('邮箱地址').fill('not an address');
    await page.getByRole('button', { name: '查找' }).click();
    await expect(page.getByText('请输入完整的邮箱地址')).toBeVisible();
  });
});

test('the console and the help panel have no serious accessibility problems, and fit a phone', { tag: '@phone' }, async ({ page, browser, baseURL }) => {
  // Five full axe scans, each several seconds on a loaded two-core machine.
  test.setTimeout(180_000);
  const scan = async (target: Page, label: string) => {
    const results = await new AxeBuilder({ page: target }).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
    // Nothing wider than the screen: a phone never scrolls sideways.
    const overflow = await target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, label).toBeLessThanOrEqual(0);
  };
  await page.goto('/');
  const helpCode = await askForHelp(page);
  await scan(page, 'wizard with the help panel');

  const staff = await newContext(browser, baseURL!);
  try {
    await staff.page.setViewportSize(page.viewportSize() ?? { width: 375, height: 800 });
    await signInAsStaff(staff.page);
    await scan(staff.page, 'console home');
    await openSession(staff.page, helpCode);
    await staff.page.getByRole('button', { name: '发送建议' }).click();
    await expect(page.getByRole('status').filter({ hasText: '客服建议你前往第 1 步' })).toBeVisible();
    await scan(page, 'wizard with a suggestion');
    await scan(staff.page, 'live session');
    await staff.page.goto('/support/attempts?address=nobody%40163.com');
    await scan(staff.page, 'attempt search');
  } finally {
    await staff.context.close();
  }
});

test.describe('who may open the console', () => {
  const pages = ['/support', '/support/attempts', '/support/attempts?address=someone%40163.com', '/support/sessions/00000000-0000-4000-8000-000000000000'];

  test('a signed-out visitor is sent to sign in, and the live endpoint answers 404', async ({ page }) => {
    for (const path of pages) {
      await page.goto(path);
      await expect(page).toHaveURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next')?.startsWith('/support') === true);
    }
    const live = await page.request.get('/api/support/sessions/00000000-0000-4000-8000-000000000000');
    expect(live.status()).toBe(404);
  });

  test('a signed-in customer gets the same 404 as a page that does not exist; replayed staff actions are refused', async ({ page, browser, baseURL }) => {
    // Record the console's own action requests, as a customer replaying them would.
    const staff = await newContext(browser, baseURL!);
    let enter: { headers: Record<string, string>; body: string };
    let suggest: { headers: Record<string, string>; body: string };
    let sessionId: string;
    const customerHelp = await newContext(browser, baseURL!);
    try {
      await customerHelp.page.goto('/');
      const helpCode = await askForHelp(customerHelp.page);
      await signInAsStaff(staff.page);
      const entering = staff.page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
      await openSession(staff.page, helpCode);
      const enterRequest = await entering;
      enter = { headers: enterRequest.headers(), body: enterRequest.postData() ?? '' };
      sessionId = new URL(staff.page.url()).pathname.split('/').pop()!;
      const suggesting = staff.page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
      await staff.page.getByRole('button', { name: '发送建议' }).click();
      const suggestRequest = await suggesting;
      suggest = { headers: suggestRequest.headers(), body: suggestRequest.postData() ?? '' };
      await expect(staff.page.getByTestId('suggestion-state')).toContainText('已发送');
    } finally {
      await staff.context.close();
    }

    await signUp(page, '/');
    for (const path of [...pages, `/support/sessions/${sessionId}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    const missing = await page.goto('/support/no-such-page');
    expect(missing?.status()).toBe(404);
    expect((await page.request.get(`/api/support/sessions/${sessionId}`)).status()).toBe(404);

    const replay = async (call: { headers: Record<string, string>; body: string }, path: string) => {
      const headers = Object.fromEntries(Object.entries(call.headers).filter(([name]) => !['cookie', 'content-length', 'host'].includes(name)));
      return (await page.request.post(path, { headers, data: call.body })).text();
    };
    // The action answers with a code; the console's form words it (「只有客服人员可以使用这里」).
    const entered = await replay(enter, '/support');
    expect(entered).toContain('{"ok":false,"code":"forbidden"}');
    expect(entered).not.toContain(sessionId);
    const suggested = await replay(suggest, `/support/sessions/${sessionId}`);
    expect(suggested).toContain('{"ok":false,"code":"forbidden"}');
    // The refused suggestion did not reach the customer: still exactly the one staff sent.
    await customerHelp.page.reload();
    await expect(customerHelp.page.getByRole('status').filter({ hasText: '客服建议你前往第 1 步' })).toHaveCount(1);
    await customerHelp.context.close();
  });
});

test.describe('two app instances on one database', () => {
  // A second instance runs only on PostgreSQL (PGlite has one process): @postgres.

  test('the customer on one instance, staff on the other, see each other live', { tag: '@postgres' }, async ({ page, browser }) => {
    const second = `http://127.0.0.1:${E2E_SECOND_APP_PORT}`;
    await expect.poll(async () => (await page.request.get(`${second}/api/health`).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);
    const customer = new WizardPage(page);
    await signUp(page, '/');
    await customer.open();
    const helpCode = await askForHelp(page);

    const staff = await newContext(browser, second);
    try {
      await signInAsStaff(staff.page);
      await openSession(staff.page, helpCode);
      await expect(page.getByText('客服已接入，正在查看你的进度。')).toBeVisible();
      await page.goto('/#access-settings');
      await expect(staff.page.getByTestId('customer-place')).toContainText('第 2 步');
      await staff.page.getByLabel('步骤', { exact: true }).selectOption('configure-in-client');
      await staff.page.getByRole('button', { name: '发送建议' }).click();
      await page.getByRole('button', { name: '前往第 4 步' }).click();
      await customer.expectStep('configure-in-client');
      await expect(staff.page.getByTestId('suggestion-state')).toContainText('客户已前往');
      await expect(staff.page.getByTestId('customer-place')).toContainText('第 4 步');
    } finally {
      await staff.context.close();
    }
  });
});
