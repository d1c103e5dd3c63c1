import { expect, test } from './support/fixtures';
import { WizardPage } from './support/wizard-page';

test('before an address is typed, the 163.com servers are shown with the per-suffix note', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  const table = wizard.serverTable;
  await expect(table).toHaveAccessibleName(/服务器/);
  for (const [host, port] of [
    ['imap.163.com', '993'],
    ['smtp.163.com', '465'],
    ['pop.163.com', '995'],
  ] as const) {
    const row = table.getByRole('row').filter({ hasText: host });
    await expect(row.getByRole('cell', { name: port, exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'SSL/TLS' })).toBeVisible();
  }
  await expect(wizard.currentPanel).toContainText('126.com 地址连到 imap.163.com');
});

test('the provider is recognised while typing and the servers follow the suffix', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  const status = wizard.currentPanel.getByRole('status').filter({ hasText: /识别|输入地址/ });

  await wizard.addressInput.pressSequentially('zhangsan@126.com');
  await expect(status).toContainText('已识别：网易 126 邮箱');
  await expect(wizard.serverTable.getByRole('cell', { name: 'imap.126.com' })).toBeVisible();
  await expect(wizard.serverTable.getByRole('cell', { name: 'smtp.126.com' })).toBeVisible();
  await expect(wizard.serverTable.getByRole('cell', { name: 'pop.126.com' })).toBeVisible();

  // The 163.com servers are offered as the fallback.
  await wizard.currentPanel.getByText('备用服务器：imap.163.com').click();
  const fallback = wizard.currentPanel.getByRole('table', { name: '备用服务器设置（imap.163.com）' });
  await expect(fallback.getByRole('cell', { name: 'imap.163.com' })).toBeVisible();

  // The next steps follow the address: webmail in a new tab, and the code form.
  await wizard.nextLink('core-parameters-configuration').click();
  const webmail = wizard.currentPanel.getByRole('link', { name: /打开网易 126 邮箱网页版/ });
  await expect(webmail).toHaveAttribute('href', 'https://mail.126.com');
  await expect(webmail).toHaveAttribute('target', '_blank');
  await expect(webmail).toHaveAttribute('rel', /noopener/);
  await page.goto('/#configure-in-client');
  await expect(wizard.formAddressInput).toHaveValue('zhangsan@126.com');
  // Before any check has failed, the code step offers no choice of servers: the own ones are used.
  await expect(wizard.currentPanel.getByRole('group', { name: '使用哪组服务器' })).toHaveCount(0);
});

test('full-width input from a Chinese input method is understood', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  await wizard.addressInput.fill('ｚｈａｎｇｓａｎ＠ｙｅａｈ。ｎｅｔ');
  await expect(wizard.currentPanel).toContainText('已识别：网易 yeah.net 邮箱');
  await expect(wizard.currentPanel).toContainText('将使用的地址：zhangsan@yeah.net');
  await expect(wizard.serverTable.getByRole('cell', { name: 'imap.yeah.net' })).toBeVisible();
});

test('domains whose servers are inferred are marked as unconfirmed', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  await wizard.addressInput.fill('lisi@vip.163.com');
  await expect(wizard.currentPanel).toContainText('已识别：网易 VIP 邮箱（vip.163.com）');
  await expect(wizard.currentPanel.getByText('未经证实', { exact: true })).toBeVisible();
  await expect(wizard.currentPanel).toContainText('vip.163.com 的服务器地址是按 163.com、126.com 的规律推测的');

  await wizard.addressInput.fill('lisi@163.com');
  await expect(wizard.currentPanel.getByText('未经证实', { exact: true })).toHaveCount(0);
});

test('another provider is named honestly, and a broken address is explained after leaving the field', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  await wizard.addressInput.fill('wang@qq.com');
  await expect(wizard.currentPanel).toContainText('已识别：QQ 邮箱');
  await wizard.addressInput.fill('wang@example.org');
  // A domain no provider lists is looked up by its MX records (the test DNS server knows no example.org).
  await expect(wizard.currentPanel).toContainText('找不到「example.org」这个域名');

  await wizard.addressInput.fill('wang163.com');
  await expect(wizard.addressInput).not.toHaveAttribute('aria-invalid', 'true');
  await wizard.addressInput.blur();
  await expect(wizard.addressInput).toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.addressInput).toHaveAccessibleDescription(/缺少“@”/);
});

test('the address survives a reload; the table does not move while typing', { tag: '@phone' }, async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  // Measured against the page, not the viewport: focusing a field below the fold scrolls the
  // page, which is the browser's doing, not the table moving.
  const tableTop = () => wizard.serverTable.evaluate((table) => table.getBoundingClientRect().top + window.scrollY);
  await wizard.addressInput.focus();
  const before = await tableTop();
  await wizard.addressInput.pressSequentially('wu@126');
  await wizard.addressInput.pressSequentially('.com');
  await expect(wizard.currentPanel).toContainText('已识别：网易 126 邮箱');
  expect(await tableTop()).toBe(before);

  await page.reload();
  await expect(wizard.addressInput).toHaveValue('wu@126.com');
  await expect(wizard.serverTable.getByRole('cell', { name: 'imap.126.com' })).toBeVisible();
});

test('a copy button copies the server name and says so to screen readers', async ({ page, context, browserName }) => {
  test.skip(browserName !== 'chromium', 'clipboard permissions are Chromium-only here');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const wizard = new WizardPage(page);
  await wizard.open();
  const copy = wizard.serverTable.getByRole('button', { name: '复制服务器地址 smtp.163.com' });
  await copy.click();
  await expect(wizard.serverTable.getByRole('status').filter({ hasText: '已复制 smtp.163.com' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('smtp.163.com');

  // Keyboard works too.
  const imapCopy = wizard.serverTable.getByRole('button', { name: '复制服务器地址 imap.163.com' });
  await imapCopy.focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('imap.163.com');
});
