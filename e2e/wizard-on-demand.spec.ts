import { expect, test, type Page } from './support/fixtures';
import { WizardPage } from './support/wizard-page';

// The wizard fetches react-hook-form, the schemas, the result step's words and the help panel
// when the reader first needs them (issue 15). What the reader does before they arrive is kept:
// these hold every script a first visit of / did not load until the test lets them through.

const SAMPLE_CODE = 'ABCDEFGHJKLMNPQR';

/** The scripts a first visit loads; any other is held until `release` is called. */
async function holdLaterScripts(page: Page, baseURL: string | undefined): Promise<() => void> {
  const firstVisit = await page.context().browser()!.newContext();
  const probe = await firstVisit.newPage();
  const loaded = new Set<string>();
  probe.on('response', (response) => {
    if (response.request().resourceType() === 'script') loaded.add(new URL(response.url()).pathname);
  });
  await probe.goto(`${baseURL}/`);
  await probe.waitForLoadState('networkidle');
  await firstVisit.close();

  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/[^/?]+\.js(\?|$)/, async (route) => {
    if (!loaded.has(new URL(route.request().url()).pathname)) await released;
    await route.continue();
  });
  return release;
}

/** React has taken over the element (`selector`): its handlers run. */
async function hydrated(page: Page, selector: string) {
  await expect
    .poll(() => page.evaluate((s) => Object.keys(document.querySelector(s) ?? {}).some((key) => key.startsWith('__reactFiber')), selector))
    .toBe(true);
}

test('a paste into the code field before the form has arrived is noted at once and cleaned once it is here', async ({ page, context, browserName, baseURL }) => {
  test.skip(browserName !== 'chromium', 'clipboard permissions are Chromium-only here');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const release = await holdLaterScripts(page, baseURL);
  const wizard = new WizardPage(page);
  await page.goto('/#configure-in-client');
  await wizard.expectStep('configure-in-client');
  await hydrated(page, '#connect-code');

  await page.evaluate(() => navigator.clipboard.writeText(' ABCD EFGH\u200bJKLM\u00a0NPQR\n'));
  await wizard.codeInput.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(wizard.currentPanel).toContainText('已去掉粘贴内容里的空格、换行或不可见字符');

  release();
  await expect(wizard.codeInput).toHaveValue(SAMPLE_CODE);
  await expect(wizard.currentPanel.getByText('16/16')).toBeVisible();
  await expect(wizard.currentPanel).toContainText('已去掉粘贴内容里的空格、换行或不可见字符');
  await expect(wizard.codeInput).toBeFocused();
});

test('typing goes on without a lost key while the form arrives', async ({ page, baseURL }) => {
  const release = await holdLaterScripts(page, baseURL);
  const wizard = new WizardPage(page);
  await page.goto('/#configure-in-client');
  await wizard.expectStep('configure-in-client');
  await hydrated(page, '#connect-code');
  await wizard.codeInput.click();
  await page.keyboard.type('ABCD');
  release();
  for (const key of 'EFGHJKLM') await page.keyboard.type(key, { delay: 20 });
  await expect(wizard.codeInput).toHaveValue('ABCDEFGHJKLM');
  await expect(wizard.codeInput).toBeFocused();
  await expect(wizard.currentPanel.getByText('12/16')).toBeVisible();
});

test('a check asked for before the form has arrived runs once it is here', async ({ page, baseURL }) => {
  const release = await holdLaterScripts(page, baseURL);
  const wizard = new WizardPage(page);
  await page.goto('/#configure-in-client');
  await wizard.expectStep('configure-in-client');
  await hydrated(page, '#connect-code');
  await wizard.formAddressInput.fill('zhangsan@163.com');
  await wizard.codeInput.fill('QWERTYUPASDFGHJK');
  await wizard.submitButton.click();
  release();
  // Signed out, the check asks for an account on this step first (e2e/inline-sign-in.spec.ts).
  await expect(page.getByText('请先在这里登录或注册，检测会接着开始。')).toBeVisible();
  await wizard.expectStep('configure-in-client');
  await expect(wizard.codeInput).toHaveValue('QWERTYUPASDFGHJK');
});

test('「联系客服」 pressed before the help panel has arrived gives a help code', async ({ page, baseURL }) => {
  const release = await holdLaterScripts(page, baseURL);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const button = page.getByRole('button', { name: '联系客服' });
  await hydrated(page, '#wizard-address');
  await button.click();
  release();
  await expect(page.getByTestId('help-code')).toHaveText(/^\d{3} \d{3}$/);
});

test('「联系客服」 pressed before any of the page’s scripts has run still gives a help code', async ({ page }) => {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/[^/?]+\.js(\?|$)/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const button = page.getByRole('button', { name: '联系客服' });
  await button.click();
  // Nothing of React has run yet: the press met server HTML only.
  expect(await page.evaluate(() => Object.keys(document.querySelector('#wizard-address') ?? {}).some((key) => key.startsWith('__reactFiber')))).toBe(false);
  release();
  await expect(page.getByTestId('help-code')).toHaveText(/^\d{3} \d{3}$/);
});
