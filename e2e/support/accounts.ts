import { expect, type Page } from '@playwright/test';

/** Credentials for a user nobody has signed up with yet. */
export function newUser(): { email: string; password: string } {
  const email = `user-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  return { email, password: 'correct horse battery staple' };
}

/** Signs up a fresh user through the real sign-up page and lands where `next` points. */
export async function signUp(page: Page, next = '/#configure-in-client'): Promise<{ email: string; password: string }> {
  const { email, password } = newUser();
  await page.goto(`/sign-up?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/^(邮箱|Email)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(注册并登录|Sign up and sign in)$/ }).click();
  await expect(page).toHaveURL((url) => url.pathname === new URL(next, 'http://x').pathname);
  return { email, password };
}
