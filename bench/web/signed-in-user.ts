// The signed-in visitor of /accounts: a user made through the app's own sign-up API, with
// mailboxes connected the way a person connects them, through the wizard's form in Chromium. The
// addresses are practice mailboxes (@lianxi.test), which the app checks against its built-in
// practice IMAP and SMTP servers (lib/practice/), so every saved row went through the real check
// and the real save, and no mail server outside this machine is asked anything.
import type { Browser, BrowserContext } from '@playwright/test';
import { WizardPage } from '../../e2e/support/wizard-page';

export interface SignedInUser {
  email: string;
  /** The Cookie header that carries the session, for requests made outside the browser. */
  cookie: string;
  /** The same cookies for a browser context. */
  cookies: Parameters<BrowserContext['addCookies']>[0];
}

const PASSWORD = 'bench web password, not a secret';

/** POST /api/auth/sign-up/email, as the sign-up form's action does; the server signs the user in. */
export async function signUpUser(origin: string): Promise<SignedInUser> {
  const email = `bench-${Date.now().toString(36)}@example.com`;
  const response = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: 'POST',
    // better-auth refuses a request whose Origin is not the app's own (403 INVALID_ORIGIN).
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: PASSWORD, name: 'Bench' }),
    redirect: 'manual',
  });
  if (!response.ok) throw new Error(`sign-up answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const cookies = response.headers
    .getSetCookie()
    .map((line) => line.split(';', 1)[0]!)
    .map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: origin }))
    .filter((cookie) => cookie.name && cookie.value);
  if (!cookies.some((cookie) => cookie.name.includes('session_token'))) {
    throw new Error(`sign-up set no session cookie (cookies: ${cookies.map((c) => c.name).join(', ') || 'none'})`);
  }
  return { email, cookies, cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}

export const practiceAddress = (n: number) => `bench-${n}@lianxi.test`;

/**
 * Connects `count` practice mailboxes for the user through the wizard's last step, one after the
 * other, with the labels the browser tests use (e2e/support/wizard-page.ts). Checks afterwards
 * that /accounts lists every address.
 */
export async function connectPracticeMailboxes(
  browser: Browser,
  origin: string,
  user: SignedInUser,
  practiceCode: string,
  count: number,
): Promise<string[]> {
  const context = await browser.newContext({ baseURL: origin });
  const addresses = Array.from({ length: count }, (_, i) => practiceAddress(i + 1));
  try {
    await context.addCookies(user.cookies);
    for (const address of addresses) {
      // A page of its own for each: a fresh load, no result of the previous one in the tab.
      const page = await context.newPage();
      const wizard = new WizardPage(page);
      await wizard.open('configure-in-client');
      await wizard.formAddressInput.fill(address);
      await wizard.codeInput.fill(practiceCode);
      await wizard.submitButton.click();
      try {
        await page.locator('html[data-wizard="result"]').waitFor({ state: 'attached', timeout: 60_000 });
      } catch {
        throw new Error(`connecting ${address}: the wizard did not reach its result step: ${(await wizard.currentPanel.innerText().catch(() => '')).slice(0, 300)}`);
      }
      await page.close();
    }
  } finally {
    await context.close();
  }
  const listed = await fetch(`${origin}/accounts`, { headers: { cookie: user.cookie }, redirect: 'manual' });
  const html = listed.status === 200 ? await listed.text() : '';
  const missing = addresses.filter((address) => !html.includes(address));
  if (listed.status !== 200 || missing.length) {
    throw new Error(`/accounts (${listed.status}) does not list ${missing.join(', ') || 'the mailboxes'} after the wizard connected them`);
  }
  return addresses;
}
