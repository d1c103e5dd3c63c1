import { expect, test } from '@playwright/test';

test('the home page introduces the product in Chinese and fits the screen', { tag: '@phone' }, async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('网易邮箱');
  // The page's title and description are the product's, whichever provider the steps are about.
  await expect(page).toHaveTitle('连接你的邮箱 · 授权码设置向导');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /QQ 邮箱.*iCloud 邮件/);
  const table = page.getByRole('table', { name: /服务器/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('cell', { name: 'imap.163.com' })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'smtp.163.com' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the health endpoint reaches the database', { tag: '@database' }, async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.ok).toBe(true);
  // serve.ts puts the app on PGlite unless this run is the PostgreSQL one.
  expect(body.database).toBe(process.env.E2E_DATABASE === 'postgres' ? 'postgres' : 'pglite');
});

test('every response says it may not be framed, sends no referrer and is never sniffed', async ({ request }) => {
  // A page, a page behind sign-in, the staff console, an API route and a 404.
  for (const path of ['/', '/accounts', '/support', '/api/health', '/no-such-page']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['permissions-policy'], path).toContain('camera=()');
  }
});

test('a page cannot be shown inside another site’s frame', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  await page.setContent(`<iframe id="f" src="${new URL('/', page.url() === 'about:blank' ? test.info().project.use.baseURL : page.url()).href}"></iframe>`);
  // Chromium refuses to render a frame-ancestors 'none' document and says so in the console.
  await expect.poll(() => messages.some((text) => /frame-ancestors|Refused to display/.test(text)), { timeout: 10_000 }).toBe(true);
});
