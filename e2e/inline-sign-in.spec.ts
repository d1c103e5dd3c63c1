import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from './support/fixtures';
import { newUser, signUp } from './support/accounts';
import { AccountMenu } from './support/account-menu';
import { createMailbox } from './support/mail-peers';
import { recordRequests, storedForSite, type SentRequest } from './support/secret-traces';
import { WizardPage } from './support/wizard-page';
import { AUTH_MESSAGES } from '@/lib/i18n/messages/auth';
import { WIZARD_MESSAGES } from '@/lib/i18n/messages/wizard';
import { WIZARD_LATER_MESSAGES } from '@/lib/i18n/messages/wizard-later';
import type { Locale } from '@/lib/i18n/locale';

// Issue 17, item 1: the authorization code is pasted once. A visitor learns on step 3, before the
// code is made, that saving needs an account; one who reaches step 4 signed out signs in or up on
// that page, and the check then runs with the code still in the field. The code is kept in the
// page's memory only: it is searched for in every request (URL, headers, body) and in everything
// the browser stores for the site, at each stage; only the check's own request may carry it.

const LOCALES = ['zh', 'en'] as const satisfies readonly Locale[];

function words(locale: Locale) {
  return { wizard: WIZARD_MESSAGES[locale], auth: AUTH_MESSAGES[locale], result: WIZARD_LATER_MESSAGES[locale].result };
}

async function useLocale(context: BrowserContext, baseURL: string | undefined, locale: Locale) {
  await context.addCookies([{ name: 'locale', value: locale, url: baseURL! }]);
}

/** Step 4's sign-in panel, shown to visitors. */
function signInPanel(page: Page, locale: Locale) {
  return page.getByRole('region', { name: WIZARD_MESSAGES[locale].saveAccount.panelTitle });
}

/** The code is in no stored place, and in no request but the check's own (exactly one, after signing in). */
function expectCodeOnlyInTheCheck(code: string, sent: SentRequest[], stages: Awaited<ReturnType<typeof storedForSite>>[]) {
  for (const [index, stage] of stages.entries()) {
    for (const [place, text] of Object.entries(stage)) expect(text, `${place} at stage ${index + 1}`).not.toContain(code);
  }
  for (const request of sent) {
    expect(request.url, 'a request URL').not.toContain(code);
    expect(JSON.stringify(request.headers), `the headers of ${request.url}`).not.toContain(code);
  }
  const carrying = sent.filter((request) => request.body.includes(code));
  expect(carrying, 'requests carrying the code').toHaveLength(1);
  const [check] = carrying;
  expect(check!.method).toBe('POST');
  expect(check!.action, 'the check is a server action').toBeTruthy();
  const [input] = JSON.parse(check!.body) as [{ address: string; code: string }];
  expect(input.code).toBe(code);
}

/** From step 1 to step 4 through the steps' own links, the address typed on step 1. */
async function walkToCodeStep(wizard: WizardPage, address: string, locale: Locale) {
  await wizard.open();
  await wizard.addressInput.fill(address);
  await wizard.nextLink('core-parameters-configuration').click();
  await wizard.expectStep('access-settings');
  await wizard.nextLink('access-settings').click();
  await wizard.expectStep('enable-service-and-get-code');
  // Before the code is made: saving needs an account.
  await expect(wizard.currentPanel.getByText(WIZARD_MESSAGES[locale].saveAccount.noticeTitle)).toBeVisible();
  await wizard.nextLink('enable-service-and-get-code').click();
  await wizard.expectStep('configure-in-client');
  await expect(wizard.formAddressInput).toHaveValue(address);
}

async function expectAxeClean(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), where).toEqual([]);
}

for (const locale of LOCALES) {
  test(`a visitor pastes the code once, signs up on step 4 and reaches 「正常」 (${locale})`, { tag: '@phone' }, async ({ page, context, baseURL }) => {
    const { wizard: w, auth, result } = words(locale);
    await useLocale(context, baseURL, locale);
    const sent = recordRequests(page);
    const mailbox = await createMailbox('163.com');
    const wizard = new WizardPage(page);
    const received = wizard.recordResponses();
    const stages: Awaited<ReturnType<typeof storedForSite>>[] = [];

    await walkToCodeStep(wizard, mailbox.address, locale);
    const panel = signInPanel(page, locale);
    await expect(panel).toBeVisible();
    await wizard.codeInput.fill(mailbox.code);
    stages.push(await storedForSite(page));

    // The check asks for an account first, on this page, and sends the code nowhere yet.
    await wizard.submitButton.click();
    await expect(panel.getByRole('heading', { name: w.saveAccount.panelTitle })).toBeFocused();
    await expect(panel.getByText(w.saveAccount.asked)).toBeVisible();
    await expect(panel.getByRole('button', { name: w.saveAccount.newHere })).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByRole('button', { name: auth.signUp.submit, exact: true })).toBeVisible();
    await wizard.expectStep('configure-in-client');
    expect(sent.filter((request) => request.body.includes(mailbox.code)), 'nothing carried the code before signing in').toEqual([]);
    await expectAxeClean(page, 'step 4 with the sign-up form');
    stages.push(await storedForSite(page));

    const user = newUser();
    await panel.getByLabel(auth.fields.email, { exact: true }).fill(user.email);
    await panel.getByLabel(auth.fields.password, { exact: true }).fill(user.password);
    await panel.getByRole('button', { name: auth.signUp.submit, exact: true }).click();

    // The check ran with the code still in the field: nobody typed it again.
    await wizard.expectStep('result');
    await expect(wizard.currentPanel.getByText(result.successTitle)).toBeVisible({ timeout: 30_000 });
    await expect(wizard.currentPanel.getByText(result.savedNote)).toBeVisible();
    // The page knows it is signed in: the header names the user, the panel is gone.
    await expect(new AccountMenu(page, locale).toggle(user.email)).toBeVisible();
    await expect(panel).toHaveCount(0);
    stages.push(await storedForSite(page));

    // Saved to the account just made.
    await page.goto('/accounts');
    await expect(page.getByRole('article', { name: mailbox.address, exact: true })).toBeVisible();
    stages.push(await storedForSite(page));

    expectCodeOnlyInTheCheck(mailbox.code, sent, stages);
    for (const body of received) expect(body, 'no answer carries the code back').not.toContain(mailbox.code);
  });
}

test('an existing user signs in on step 4 and the check runs with the code kept', { tag: '@phone' }, async ({ page, browser, baseURL }) => {
  const { wizard: w, auth, result } = words('zh');
  // The user signed up earlier, in another browser.
  const elsewhere = await browser.newContext({ baseURL });
  const user = await signUp(await elsewhere.newPage(), '/');
  await elsewhere.close();

  const sent = recordRequests(page);
  const mailbox = await createMailbox('126.com');
  const wizard = new WizardPage(page);
  const stages: Awaited<ReturnType<typeof storedForSite>>[] = [];
  await walkToCodeStep(wizard, mailbox.address, 'zh');
  const panel = signInPanel(page, 'zh');

  // Opening the panel before pressing the check is fine too: the code can be pasted after.
  await panel.getByRole('button', { name: w.saveAccount.haveAccount }).click();
  await expect(panel.getByRole('button', { name: w.saveAccount.haveAccount })).toHaveAttribute('aria-pressed', 'true');
  await wizard.codeInput.fill(mailbox.code);
  stages.push(await storedForSite(page));

  // A wrong password first: the form says so, and the code is still where it was.
  await panel.getByLabel(auth.fields.email, { exact: true }).fill(user.email);
  await panel.getByLabel(auth.fields.password, { exact: true }).fill('not the password');
  await panel.getByRole('button', { name: auth.signIn.submit, exact: true }).click();
  await expect(panel.getByText(auth.errors.invalid_credentials)).toBeVisible();
  await expect(wizard.codeInput).toHaveValue(mailbox.code);
  stages.push(await storedForSite(page));

  await panel.getByLabel(auth.fields.password, { exact: true }).fill(user.password);
  await panel.getByRole('button', { name: auth.signIn.submit, exact: true }).click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText(result.successTitle)).toBeVisible({ timeout: 30_000 });
  await expect(new AccountMenu(page).toggle(user.email)).toBeVisible();
  stages.push(await storedForSite(page));

  expectCodeOnlyInTheCheck(mailbox.code, sent, stages);
});

for (const locale of LOCALES) {
  test(`step 3 tells a visitor, not a signed-in user, that saving needs an account; its link keeps the step (${locale})`, { tag: '@phone' }, async ({ page, context, baseURL }) => {
    const { wizard: w, auth } = words(locale);
    await useLocale(context, baseURL, locale);
    const wizard = new WizardPage(page);
    await wizard.open('enable-service-and-get-code');
    await wizard.expectStep('enable-service-and-get-code');
    const notice = wizard.currentPanel.getByRole('complementary', { name: w.saveAccount.noticeTitle });
    await expect(notice).toBeVisible();
    await expectAxeClean(page, 'step 3 with the notice');

    // The provider whose steps show and this step, through sign-up and back.
    const back = '/?provider=netease#enable-service-and-get-code';
    await expect(notice.getByRole('link', { name: w.saveAccount.signIn })).toHaveAttribute('href', `/sign-in?next=${encodeURIComponent(back)}`);
    const signUpLink = notice.getByRole('link', { name: w.saveAccount.signUp });
    await expect(signUpLink).toHaveAttribute('href', `/sign-up?next=${encodeURIComponent(back)}`);
    await signUpLink.click();
    await expect(page).toHaveURL(/\/sign-up\?next=/);
    const user = newUser();
    await page.getByLabel(auth.fields.email, { exact: true }).fill(user.email);
    await page.getByLabel(auth.fields.password, { exact: true }).fill(user.password);
    await page.getByRole('button', { name: auth.signUp.submit, exact: true }).click();

    await expect(page).toHaveURL((url) => url.pathname === '/' && url.search === '?provider=netease' && url.hash === '#enable-service-and-get-code');
    await wizard.expectStep('enable-service-and-get-code');
    await expect(new AccountMenu(page, locale).toggle(user.email)).toBeVisible();
    // Signed in: neither the notice nor step 4's panel.
    await expect(notice).toHaveCount(0);
    await expect(signInPanel(page, locale)).toHaveCount(0);
    await wizard.open('configure-in-client');
    await expect(signInPanel(page, locale)).toHaveCount(0);
  });
}

test('a session that ended after the page was drawn is noticed by the check, and signing in here goes on with the code', async ({ page, context }) => {
  const { auth, result } = words('zh');
  const user = await signUp(page, '/#configure-in-client');
  const mailbox = await createMailbox('163.com');
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await expect(signInPanel(page, 'zh')).toHaveCount(0);
  await wizard.formAddressInput.fill(mailbox.address);
  await wizard.codeInput.fill(mailbox.code);

  // Signed out in another tab.
  const other = await context.newPage();
  await other.goto('/');
  const menu = new AccountMenu(other);
  await menu.open(user.email);
  await menu.signOutButton.click();
  await expect(menu.signInLink).toBeVisible();
  await other.close();

  await wizard.submitButton.click();
  const panel = signInPanel(page, 'zh');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading')).toBeFocused();
  await expect(wizard.codeInput).toHaveValue(mailbox.code);
  await panel.getByRole('button', { name: WIZARD_MESSAGES.zh.saveAccount.haveAccount }).click();
  await panel.getByLabel(auth.fields.email, { exact: true }).fill(user.email);
  await panel.getByLabel(auth.fields.password, { exact: true }).fill(user.password);
  await panel.getByRole('button', { name: auth.signIn.submit, exact: true }).click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText(result.successTitle)).toBeVisible({ timeout: 30_000 });
});

test('before the page’s scripts run, neither the code nor a password can be sent in an address', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/[^/?]+\.js(\?|$)/, async (route) => {
    await released;
    await route.continue();
  });
  const code = 'QWERTYUPASDFGHJK';
  const wizard = new WizardPage(page);
  await page.goto('/#configure-in-client', { waitUntil: 'domcontentloaded' });
  await wizard.formAddressInput.fill('zhangsan@163.com');
  await wizard.codeInput.fill(code);
  // The browser's own submit (Enter in a field, a press of the button) would be a GET with the fields in the address.
  await expect(wizard.submitButton).toBeDisabled();
  await wizard.codeInput.press('Enter');

  await page.goto('/sign-up', { waitUntil: 'domcontentloaded' });
  const signUpButton = page.getByRole('button', { name: AUTH_MESSAGES.zh.signUp.submit, exact: true });
  await page.getByLabel(AUTH_MESSAGES.zh.fields.email, { exact: true }).fill('someone@example.com');
  await page.getByLabel(AUTH_MESSAGES.zh.fields.password, { exact: true }).fill('a secret password');
  await expect(signUpButton).toBeDisabled();
  await page.getByLabel(AUTH_MESSAGES.zh.fields.password, { exact: true }).press('Enter');
  release();
  // Once React runs the form, it may be sent, through its action.
  await expect(signUpButton).toBeEnabled();

  for (const url of requested) {
    expect(url).not.toContain(code);
    expect(url).not.toContain('secret');
  }
});
