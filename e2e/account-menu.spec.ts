import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/fixtures';
import { signUp } from './support/accounts';
import { AccountMenu } from './support/account-menu';
import { E2E_STAFF } from './support/mail-peers';
import { WizardPage } from './support/wizard-page';
import { AUTH_MESSAGES } from '@/lib/i18n/messages/auth';
import type { Locale } from '@/lib/i18n/locale';

// Issue 17, item 2: the header of the wizard and of /accounts for someone signed in: who it is,
// 「我的邮箱」, 「账号设置」, 「退出登录」 (which ends the session for good), and for staff the
// console. A disclosure button that works from the keyboard, on a 375 px screen beside the
// practice link and the language switch.

const LOCALES = ['zh', 'en'] as const satisfies readonly Locale[];

async function signInAs(page: Page, member: { email: string; password: string }, next = '/') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/^(邮箱|Email)$/).fill(member.email);
  await page.getByLabel(/^(密码|Password)$/).fill(member.password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await expect(page).toHaveURL((url) => url.pathname === new URL(next, 'http://x').pathname);
}

/** Everything in the header lies within the screen's width, and nothing scrolls sideways. */
async function expectHeaderFits(page: Page, width: number) {
  for (const box of await page.getByRole('banner').locator('a:visible, button:visible, summary:visible').evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, right: rect.right, text: element.textContent };
    }),
  )) {
    expect(box.left, `${box.text} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.right, `${box.text} ends on screen`).toBeLessThanOrEqual(width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

for (const locale of LOCALES) {
  test(`signed in, the wizard's header names the user and opens the account menu from the keyboard, at 375 px (${locale})`, { tag: '@phone' }, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'locale', value: locale, url: baseURL! }]);
    await page.setViewportSize({ width: 375, height: 740 });
    const user = await signUp(page, '/');
    const menu = new AccountMenu(page, locale);
    const wizard = new WizardPage(page);
    await wizard.open();
    const toggle = menu.toggle(user.email);
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAccessibleName(menu.toggleName(user.email));
    await expect(menu.anyMenu).not.toHaveAttribute('open');
    await expect(menu.link('mailboxes')).toBeHidden();
    await expectHeaderFits(page, 375);

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(menu.anyMenu).toHaveAttribute('open', '');
    await expect(menu.anyMenu.getByRole('paragraph')).toHaveText(`${menu.text.signedInAs}${user.email}`);
    await expect(menu.link('mailboxes')).toHaveAttribute('href', '/accounts');
    await expect(menu.link('settings')).toHaveAttribute('href', '/account');
    await expect(menu.link('console'), 'not staff').toHaveCount(0);
    await expect(menu.signOutButton).toBeVisible();
    // Tab goes from the button into the menu, in order.
    await page.keyboard.press('Tab');
    await expect(menu.link('mailboxes')).toBeFocused();
    // Escape closes it and gives the focus back to its button; a press outside closes it too.
    await page.keyboard.press('Escape');
    await expect(menu.anyMenu).not.toHaveAttribute('open');
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu.anyMenu).toHaveAttribute('open', '');
    // Left of the open menu (it hangs from the header's right edge), on the page itself.
    await page.mouse.click(8, 400);
    await expect(menu.anyMenu).not.toHaveAttribute('open');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(menu.anyMenu).toHaveAttribute('open', '');
    await page.keyboard.press('Tab');
    await expect(menu.link('mailboxes')).toBeFocused();
    await expectHeaderFits(page, 375);
    const results = await new AxeBuilder({ page }).include('header').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === '/accounts');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // /accounts has the same menu; its own entry says it is the page shown.
    await menu.open(user.email);
    await expect(menu.link('mailboxes')).toHaveAttribute('aria-current', 'page');
    await expectHeaderFits(page, 375);
    const onAccounts = await new AxeBuilder({ page }).include('header').analyze();
    expect(onAccounts.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
}

test('a visitor gets a sign-in link in the header and no account menu', { tag: '@phone' }, async ({ page }) => {
  const menu = new AccountMenu(page);
  await new WizardPage(page).open();
  await expect(menu.signInLink).toHaveAttribute('href', '/sign-in');
  await expect(menu.anyMenu).toHaveCount(0);
});

test('退出登录 deletes the session: the old cookie opens nothing, and the wizard comes back signed out', async ({ page, browser, baseURL }) => {
  const user = await signUp(page, '/');
  const menu = new AccountMenu(page);
  const signedInCookies = await page.context().cookies();

  await menu.open(user.email);
  await menu.signOutButton.click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(menu.signInLink).toBeVisible();
  await expect(menu.anyMenu).toHaveCount(0);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('better-auth.session_token');

  // The cookie someone copied before is refused: its session row is gone.
  const copy = await browser.newContext({ baseURL });
  try {
    await copy.addCookies(signedInCookies);
    const stale = await copy.newPage();
    await stale.goto('/accounts');
    await expect(stale).toHaveURL((url) => url.pathname === '/sign-in');
    await stale.goto('/');
    await expect(new AccountMenu(stale).signInLink).toBeVisible();
  } finally {
    await copy.close();
  }
});

test('staff find the console in the menu; it leads there', async ({ page }) => {
  await signInAs(page, E2E_STAFF);
  const menu = new AccountMenu(page);
  await menu.open(E2E_STAFF.email);
  await expect(menu.link('console')).toHaveAttribute('href', '/support');
  await menu.link('console').click();
  await expect(page).toHaveURL((url) => url.pathname === '/support');
  // The console's header links back to the staff member's own mailboxes.
  await expect(page.getByRole('banner').getByRole('link', { name: AUTH_MESSAGES.zh.account.mailboxes, exact: true })).toHaveAttribute('href', '/accounts');
});
