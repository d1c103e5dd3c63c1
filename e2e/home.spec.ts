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
