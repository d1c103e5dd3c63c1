import { expect, test, type Page } from './support/fixtures';
import { signUp } from './support/accounts';

// The `next` parameter of /sign-in and /sign-up, crafted as an attacker would (issue 13): every
// place it ends up (the redirect of a signed-in visitor, the back link, the link between the two
// pages, the redirect after the form) must stay on this site. The full table of tricks is in
// lib/auth/next-path.test.ts; here, the ones from the report, through the real pages.

/** `next` values as they appear in the address bar, each one a way to reach evil.example. */
const CRAFTED_NEXT = [
  '/.//evil.example/phish',
  '/..//evil.example/phish',
  '//evil.example/phish',
  `/${encodeURIComponent('\\')}evil.example/phish`,
  `/${encodeURIComponent('\t')}/evil.example/phish`,
  `/%2e%2e//evil.example/phish`,
  'https://evil.example/phish',
  'javascript:alert(1)',
];

async function expectLinksStayOnSite(page: Page, baseURL: string) {
  const origin = new URL(baseURL).origin;
  for (const name of [/^← (返回设置向导|Back to the setup guide)$/, /^(注册|登录|Sign up|Sign in)$/]) {
    const href = await page.getByRole('link', { name }).getAttribute('href');
    expect(href).toMatch(/^\/(?![/\\])/);
    expect(new URL(href!, page.url()).origin).toBe(origin);
  }
}

test('signed out, a crafted `next` leaves the back link and the switch link on this site', async ({ page, baseURL }) => {
  for (const next of CRAFTED_NEXT) {
    for (const pathname of ['/sign-in', '/sign-up']) {
      await page.goto(`${pathname}?next=${next}`);
      await expect(page.getByRole('link', { name: /^← / })).toHaveAttribute('href', '/');
      await expectLinksStayOnSite(page, baseURL!);
    }
  }
  // A real path still comes back, with its query and hash.
  await page.goto(`/sign-in?next=${encodeURIComponent('/accounts?x=1#y')}`);
  await expect(page.getByRole('link', { name: /^← / })).toHaveAttribute('href', '/accounts?x=1#y');
});

test('signed in, a crafted `next` redirects to a path on this site', async ({ page, baseURL }) => {
  await signUp(page, '/');
  const origin = new URL(baseURL!).origin;
  for (const next of CRAFTED_NEXT) {
    for (const pathname of ['/sign-in', '/sign-up']) {
      // The page's request context shares the browser's cookies: this is the signed-in visitor.
      const response = await page.request.get(`${pathname}?next=${next}`, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers()['location']).toBe('/');

      await page.goto(`${pathname}?next=${next}`);
      expect(new URL(page.url()).origin).toBe(origin);
      expect(new URL(page.url()).pathname).toBe('/');
    }
  }
});

test('signing in through the form with a crafted `next` lands on this site', async ({ page, context, baseURL }) => {
  const { email, password } = await signUp(page, '/');
  await context.clearCookies();

  await page.goto('/sign-in?next=/..//evil.example/phish');
  await page.getByLabel(/^(邮箱|Email)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await expect(page).toHaveURL((url) => url.origin === new URL(baseURL!).origin && url.pathname === '/');
});
