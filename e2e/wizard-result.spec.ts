import { expect, test } from './support/fixtures';
import { diagnose } from '@/lib/mail-check/diagnosis';
import type { ShownResult } from '@/lib/wizard/client/stores';
import type { ProtocolView } from '@/lib/accounts/contract';
import { WizardPage } from './support/wizard-page';

// The result step shows what the last check said, kept for the tab. Until the real check is
// wired in, these tests seed that record the way the code form writes it.

const imapOk: ProtocolView = { ok: true, durationMs: 840, endpoint: { host: 'imap.126.com', port: 993, tls: 'implicit' } };
const smtpOk: ProtocolView = { ok: true, durationMs: 610, endpoint: { host: 'smtp.126.com', port: 465, tls: 'implicit' } };
const imapRefused: ProtocolView = {
  ok: false,
  durationMs: 1210,
  endpoint: { host: 'imap.126.com', port: 993, tls: 'implicit' },
  code: 'auth_failed',
  stage: 'login',
  serverText: 'NO LOGIN Login error or password error',
  diagnosis: diagnose('auth_failed', 'login'),
};
const smtpOff: ProtocolView = {
  ok: false,
  durationMs: 930,
  endpoint: { host: 'smtp.126.com', port: 465, tls: 'implicit' },
  code: 'smtp_not_enabled',
  stage: 'auth',
  serverText: '550 User has no permission',
  diagnosis: diagnose('smtp_not_enabled', 'auth'),
};

test.use({ timezoneId: 'Asia/Shanghai' });

test('without a check yet, the result step points back to the code', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open('result');
  await expect(wizard.currentPanel).toContainText('还没有检测结果');
  await wizard.currentPanel.getByRole('link', { name: '去粘贴授权码' }).click();
  await wizard.expectStep('configure-in-client');
});

test('a passed check shows the mailbox as 「正常」', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.seedSession({ address: 'wu@126.com', result: { status: 'checked', address: 'wu@126.com', ok: true, imap: imapOk, smtp: smtpOk, saved: true } });
  await wizard.open('result');
  await expect(wizard.currentPanel.getByRole('heading', { name: /连接成功/ })).toBeVisible();
  await expect(wizard.currentPanel.getByText('正常', { exact: true })).toBeVisible();
  await expect(wizard.currentPanel).toContainText('wu@126.com');
  await expect(wizard.currentPanel).toContainText('邮箱已保存到你的账户');
  await expect(wizard.currentPanel.getByRole('heading', { name: '接下来' })).toBeVisible();
});

test('a failed check explains each diagnosis, quotes the server and links to the step that fixes it', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.seedSession({
    address: 'wu@126.com',
    result: { status: 'checked', address: 'wu@126.com', ok: false, imap: imapRefused, smtp: smtpOff, saved: false },
  });
  await wizard.open('result');
  const panel = wizard.currentPanel;
  await expect(panel.getByRole('heading', { name: '没有连接成功' })).toBeVisible();
  await expect(panel).toContainText('没有保存任何内容');

  const progress = panel.getByRole('status', { name: '检测进度' });
  await expect(progress).toContainText('未通过，用时 1.2 秒');
  await expect(progress).toContainText('未通过，用时 0.9 秒');

  const auth = panel.getByRole('region', { name: /收信（IMAP）：邮箱地址或授权码没有通过验证/ });
  await expect(auth.getByRole('listitem').first()).toContainText('授权码是否输入正确');
  await expect(auth.getByRole('figure')).toContainText('服务器的原话（收信（IMAP），停在「登录收信服务器（IMAP LOGIN）」）');
  await expect(auth.getByRole('blockquote')).toHaveText('NO LOGIN Login error or password error');
  await auth.getByRole('link', { name: '回到第 3 步：开启服务，获取授权码' }).click();
  await wizard.expectStep('enable-service-and-get-code');
  await page.goBack();

  const smtp = panel.getByRole('region', { name: /发信（SMTP）：发信（SMTP）服务没有开启/ });
  await expect(smtp.getByRole('blockquote')).toHaveText('550 User has no permission');
  await expect(smtp.getByRole('link', { name: '回到第 2 步：打开网页邮箱的设置' })).toHaveAttribute('href', '#access-settings');

  // The 126.com servers were used and failed, so the 163.com fallback is offered (see below).
  await expect(panel.getByRole('region', { name: '还可以换备用服务器试试' })).toContainText('这次检测连的是 imap.126.com');
});

test('the 163.com fallback appears only after a failed check, and only the reader picks it', async ({ page }) => {
  const wizard = new WizardPage(page);
  const servers = wizard.panel('configure-in-client').getByRole('group', { name: '使用哪组服务器' });
  const own = servers.getByRole('radio', { name: '126.com 自己的服务器（推荐）' });
  const fallback = servers.getByRole('radio', { name: '备用服务器（imap.163.com）' });

  // A passed check: nothing to offer, on either step.
  await wizard.seedSession({ address: 'wu@126.com', result: { status: 'checked', address: 'wu@126.com', ok: true, imap: imapOk, smtp: smtpOk, saved: true } });
  await wizard.open('result');
  await expect(wizard.currentPanel.getByRole('button', { name: /备用服务器/ })).toHaveCount(0);
  await page.goto('/#configure-in-client');
  await expect(wizard.formAddressInput).toHaveValue('wu@126.com');
  await expect(servers).toHaveCount(0);

  // A failed check: the result offers the fallback; step 4 shows the choice with the address's own servers still picked.
  await page.evaluate((result) => sessionStorage.setItem('wizard:result', JSON.stringify(result)), {
    status: 'checked',
    address: 'wu@126.com',
    ok: false,
    imap: imapRefused,
    smtp: smtpOff,
    saved: false,
  } satisfies ShownResult);
  await page.reload();
  await wizard.expectStep('configure-in-client');
  await expect(own).toBeChecked();
  await expect(fallback).not.toBeChecked();

  await page.goto('/#result');
  const offer = wizard.currentPanel.getByRole('region', { name: '还可以换备用服务器试试' });
  await expect(offer).toContainText('我们不会自己换服务器');
  // The code is gone after the reload: picking the fallback sends nothing and asks for the code,
  // with the fallback now picked in step 4.
  await offer.getByRole('button', { name: '改用备用服务器（imap.163.com）再检测' }).click();
  await wizard.expectStep('configure-in-client');
  await expect(wizard.codeInput).toBeFocused();
  await expect(fallback).toBeChecked();
  await expect(own).not.toBeChecked();
  // The reader can go back to the address's own servers.
  await own.check();
  await expect(fallback).not.toBeChecked();
});

test('a failed check offers the fallback to that address only, and a pick does not carry over to another address', async ({ page }) => {
  const wizard = new WizardPage(page);
  const servers = wizard.panel('configure-in-client').getByRole('group', { name: '使用哪组服务器' });
  const offer = wizard.currentPanel.getByRole('region', { name: '还可以换备用服务器试试' });
  await wizard.seedSession({ address: 'wu@126.com', result: { status: 'checked', address: 'wu@126.com', ok: false, imap: imapRefused, smtp: smtpOff, saved: false } });
  await wizard.open('configure-in-client');
  await expect(servers).toBeVisible();

  // Another address (another suffix, then the same one): its own servers have failed nothing yet.
  for (const other of ['zhou@yeah.net', 'zhou@126.com']) {
    await wizard.formAddressInput.fill(other);
    await expect(servers).toHaveCount(0);
    await wizard.open('result');
    await expect(offer).toHaveCount(0);
    await expect(wizard.currentPanel.getByRole('button', { name: /备用服务器/ })).toHaveCount(0);
    await wizard.open('configure-in-client');
    await expect(wizard.formAddressInput).toHaveValue(other);
  }

  // Back to the address that failed: the offer is back, and picking it holds for that address only.
  await wizard.formAddressInput.fill('wu@126.com');
  const fallback = servers.getByRole('radio', { name: '备用服务器（imap.163.com）' });
  await fallback.check();
  await wizard.formAddressInput.fill('zhou@126.com');
  await expect(servers).toHaveCount(0);
  await wizard.formAddressInput.fill('wu@126.com');
  await expect(fallback).not.toBeChecked();
  await expect(servers.getByRole('radio', { name: '126.com 自己的服务器（推荐）' })).toBeChecked();
});

test('a failed check on the fallback says so and offers no second fallback', async ({ page }) => {
  const wizard = new WizardPage(page);
  const onFallback = (view: ProtocolView): ProtocolView => ({ ...view, endpoint: { ...view.endpoint, host: view.endpoint.host.replace('126', '163') } });
  await wizard.seedSession({
    address: 'wu@126.com',
    result: { status: 'checked', address: 'wu@126.com', ok: false, imap: onFallback(imapRefused), smtp: onFallback(smtpOff), saved: false, alternative: 0 },
  });
  await wizard.open('result');
  await expect(wizard.currentPanel).toContainText('这次检测用的是你选的备用服务器（imap.163.com）');
  await expect(wizard.currentPanel.getByRole('button', { name: /备用服务器/ })).toHaveCount(0);
});

// The retry time is written in the browser's zone, with the date when it is not today; these two
// run under a fixed clock (Asia/Shanghai, UTC+8), so they read the same at any hour.
test('a refused check names the time to come back and keeps retry disabled until then', async ({ page }) => {
  const now = new Date('2026-03-02T02:00:00Z'); // 10:00 in Shanghai
  await page.clock.setFixedTime(now);
  const retryAt = new Date(now.getTime() + 20 * 60_000);
  const wizard = new WizardPage(page);
  await wizard.seedSession({ result: { status: 'refused', reason: 'mailbox_locked', retryAt: retryAt.toISOString() } });
  await wizard.open('result');
  await expect(wizard.currentPanel.getByRole('heading', { name: '这个邮箱的检测暂时锁定了' })).toBeVisible();
  await expect(wizard.currentPanel).toContainText('请在 10:20 之后再试');
  const retry = wizard.currentPanel.getByRole('button', { name: '再检测一次' });
  await expect(retry).toBeDisabled();
  await expect(retry).toHaveAccessibleDescription('请在 10:20 之后再试');

  // The code form respects the same lock.
  await page.goto('/#configure-in-client');
  await expect(wizard.submitButton).toBeDisabled();
  await expect(wizard.currentPanel).toContainText('请在 10:20 之后再试');
});

test('a time to come back that falls after midnight names the day too', async ({ page }) => {
  const now = new Date('2026-03-02T15:50:00Z'); // 23:50 in Shanghai
  await page.clock.setFixedTime(now);
  const wizard = new WizardPage(page);
  await wizard.seedSession({ result: { status: 'refused', reason: 'mailbox_locked', retryAt: new Date(now.getTime() + 20 * 60_000).toISOString() } });
  await wizard.open('result');
  await expect(wizard.currentPanel).toContainText('请在 3月3日 00:10 之后再试');
  await expect(wizard.currentPanel.getByRole('button', { name: '再检测一次' })).toBeDisabled();
});

test('the lock lifts by itself when its time has come', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.seedSession({
    // Long enough that opening the page on a busy machine cannot outlast the lock.
    result: { status: 'refused', reason: 'provider_paused', retryAt: new Date(Date.now() + 12_000).toISOString() },
  });
  await wizard.open('result');
  await expect(wizard.currentPanel.getByRole('heading', { name: '对网易邮箱的检测暂停中' })).toBeVisible();
  const retry = wizard.currentPanel.getByRole('button', { name: '再检测一次' });
  await expect(retry).toBeDisabled();
  await expect(retry).toBeEnabled({ timeout: 30_000 });
});

test('a refusal names the provider of the address and its own word for the code, not NetEase', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.seedSession({
    address: 'wang@qq.com',
    result: { status: 'refused', reason: 'provider_paused', retryAt: new Date(Date.now() + 600_000).toISOString() },
  });
  await wizard.open('result');
  await expect(wizard.currentPanel.getByRole('heading', { name: '对QQ 邮箱的检测暂停中' })).toBeVisible();
  await expect(wizard.currentPanel).toContainText('QQ 邮箱暂时拒绝了来自我们服务器的连接');
  await expect(wizard.currentPanel).not.toContainText('网易');

  await page.evaluate(() => {
    sessionStorage.setItem('wizard:address', JSON.stringify('li@icloud.com'));
    sessionStorage.setItem('wizard:result', JSON.stringify({ status: 'refused', reason: 'mailbox_locked', retryAt: new Date(Date.now() + 600_000).toISOString() }));
  });
  await page.reload();
  await expect(wizard.currentPanel.getByRole('heading', { name: '这个邮箱的检测暂时锁定了' })).toBeVisible();
  await expect(wizard.currentPanel).toContainText('趁这段时间核对一下App 专用密码。');
  await expect(wizard.currentPanel).not.toContainText('网易');
});

test('check again from the result step reruns the form, or takes the reader to the empty code field', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.seedSession({
    address: 'wu@126.com',
    result: { status: 'checked', address: 'wu@126.com', ok: false, imap: imapRefused, smtp: smtpOk, saved: false },
  });
  await wizard.open('result');
  // After a reload the code is gone (it is never stored), so the form asks for it again.
  await wizard.currentPanel.getByRole('button', { name: '再检测一次' }).click();
  await wizard.expectStep('configure-in-client');
  await expect(wizard.codeInput).toBeFocused();
  await expect(wizard.codeInput).toHaveAccessibleDescription(/请粘贴授权码。/);
});
