import { expect, test } from './support/fixtures';
import { signUp } from './support/accounts';
import { WizardPage } from './support/wizard-page';

// Made-up letters, the same sample the illustrations use; never a real code.
const SAMPLE_CODE = 'ABCDEFGHJKLMNPQR';

test('pasted text is cleaned of spaces, breaks and invisible characters, and counted', async ({
  page,
  context,
  browserName,
}) => {
  test.skip(browserName !== 'chromium', 'clipboard permissions are Chromium-only here');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');

  await page.evaluate(() => navigator.clipboard.writeText(' ABCD EFGH\u200bJKLM\u00a0NPQR\n'));
  await wizard.codeInput.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(wizard.codeInput).toHaveValue(SAMPLE_CODE);
  await expect(wizard.currentPanel.getByText('16/16')).toBeVisible();
  await expect(wizard.codeInput).toHaveAccessibleDescription(/已输入 16 个字符，授权码应为 16 个/);
  await expect(wizard.currentPanel).toContainText('已去掉粘贴内容里的空格、换行或不可见字符');
});

test('full-width letters are folded and the counter follows the typing', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.codeInput.fill('ＡＢＣＤ ＥＦＧＨ　ＪＫＬＭ');
  await expect(wizard.codeInput).toHaveValue('ABCDEFGHJKLM');
  await expect(wizard.currentPanel.getByText('12/16')).toBeVisible();
  await wizard.codeInput.pressSequentially('np');
  await expect(wizard.codeInput).toHaveValue('ABCDEFGHJKLMnp');
  await expect(wizard.currentPanel.getByText('14/16')).toBeVisible();
});

test('a login password is warned about before any connection, and the reader can still go on', async ({ page }) => {
  // Signed in, so that going on runs the check (a visitor signs in first, on the same step).
  await signUp(page);
  const actionCalls: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.headers()['next-action']) actionCalls.push(request.url());
  });
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill('zhangsan@163.com');
  await wizard.codeInput.fill('Summer2024!');
  await wizard.codeInput.blur();
  const warning = wizard.currentPanel.getByText(/这看起来像网页邮箱的登录密码/);
  await expect(warning).toBeVisible();
  await expect(wizard.codeInput).toHaveAccessibleDescription(/登录密码/);

  await wizard.submitButton.click();
  const goOn = wizard.currentPanel.getByRole('button', { name: '这确实是授权码，继续检测' });
  await expect(goOn).toBeVisible();
  await wizard.expectStep('configure-in-client');
  expect(actionCalls, 'no check before the warning is answered').toHaveLength(0);

  await goOn.click();
  await wizard.expectStep('result');
  expect(actionCalls).toHaveLength(1);
});

test('an empty code is refused in the form with an accessible error', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill('zhangsan@163.com');
  await wizard.submitButton.click();
  await expect(wizard.codeInput).toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.codeInput).toHaveAccessibleDescription(/请粘贴授权码。/);
  await expect(wizard.codeInput).toBeFocused();
  await wizard.expectStep('configure-in-client');
});

test('a signed-out submit asks for an account on this step, keeping the code in the field only', async ({ page }) => {
  // Not the sample from the drawings, which the page shows on purpose.
  const code = 'QWERTYUPASDFGHJK';
  const actionBodies: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.headers()['next-action']) actionBodies.push(request.postData() ?? '');
  });
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill('zhangsan@163.com');
  await wizard.codeInput.fill(code);
  await wizard.submitButton.click();

  // The sign-in happens here (e2e/inline-sign-in.spec.ts goes on from this point).
  const panel = page.getByRole('region', { name: '登录后就能检测并保存' });
  await expect(panel.getByRole('heading', { name: '登录后就能检测并保存' })).toBeFocused();
  await expect(panel.getByText('请先在这里登录或注册，检测会接着开始。')).toBeVisible();
  await wizard.expectStep('configure-in-client');
  await expect(wizard.codeInput).toHaveValue(code);

  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  expect(stored).toContain('zhangsan@163.com');
  expect(stored).not.toContain(code);
  expect(page.url()).not.toContain(code);
  expect(await page.content()).not.toContain(code);
  expect(actionBodies.filter((body) => body.includes(code)), 'the code went to no action').toEqual([]);
});

test('the two check rows keep their place while the check runs', { tag: '@phone' }, async ({ page }) => {
  await signUp(page);
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill('zhangsan@163.com');
  await wizard.codeInput.fill(SAMPLE_CODE);

  // Hold the server action's answer so the running state can be looked at.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*', async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) await held;
    await route.continue();
  });

  const progress = wizard.currentPanel.getByRole('status', { name: '检测进度' });
  await expect(progress).toContainText('等待检测');
  // Measured against the page, not the viewport, which scrolls when the button is clicked.
  const place = (locator: typeof progress) =>
    locator.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { top: box.top + window.scrollY, height: box.height };
    });
  const before = await place(wizard.submitButton);
  const rowsBefore = await place(progress);

  await wizard.submitButton.click();
  await expect(progress).toContainText('正在连接收信服务器…');
  await expect(progress).toContainText('正在验证发信…');
  await expect(wizard.submitButton).toHaveText('正在检测…');
  await expect(wizard.submitButton).toHaveAttribute('aria-disabled', 'true');
  expect(await place(wizard.submitButton)).toEqual(before);
  expect(await place(progress)).toEqual(rowsBefore);

  release();
  await wizard.expectStep('result');
});
