import fs from 'node:fs';
import { expect, test, type Page } from './support/fixtures';
import { DIAGNOSES } from '@/lib/mail-check/diagnosis';
import { signUp } from './support/accounts';
import { formatRetryTime } from '@/components/wizard/lockout';
import { controlPeers, createMailbox, E2E_SERVER_LOG } from './support/mail-peers';
import { logForms, saysListening, serverLogLines } from './support/server-log';
import { expectRetryTimeAfterFailures, LOCKOUT_WINDOW_MS } from './support/retry-time';
import { WizardPage } from './support/wizard-page';

// The whole journey against real peers behind the test seam (see tools/serve-with-peers.ts): sign
// up, walk the guide, paste the code, and reach 「正常」; and each way it can go wrong.

// One worker walks the file in order: the last test searches the server log for every code the
// others handed out.
test.describe.configure({ mode: 'serial' });

const BROWSER_TIME_ZONE = 'Asia/Shanghai';
test.use({ timezoneId: BROWSER_TIME_ZONE });

// Codes handed to the peers in this file, for the server-log search at the end.
const usedCodes: string[] = ['WrongWrongWrongW', 'Summer2024!'];
async function newMailbox(domain: string) {
  const mailbox = await createMailbox(domain);
  usedCodes.push(mailbox.code);
  return mailbox;
}

/** Every response body the browser received (HTML, RSC payloads, JSON), for the secret search. */
function recordResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    try {
      bodies.push(await response.text());
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  return bodies;
}

async function submitCode(wizard: WizardPage, address: string, code: string) {
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill(address);
  await wizard.codeInput.fill(code);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
}

// The phone project walks the 163.com journey only: the layout is what differs there.
for (const domain of ['163.com', '126.com', 'yeah.net']) {
  test(`walks every step for ${domain} and reaches 「正常」`, { tag: domain === '163.com' ? '@phone' : [] }, async ({ page }) => {
    const mailbox = await newMailbox(domain);
    const bodies = recordResponses(page);
    await signUp(page, '/');
    const wizard = new WizardPage(page);
    await wizard.open('core-parameters-configuration');

    await wizard.addressInput.fill(mailbox.address);
    await expect(wizard.serverTable).toContainText(`imap.${domain}`);
    await expect(wizard.serverTable).toContainText(`smtp.${domain}`);
    await wizard.nextLink('core-parameters-configuration').click();

    await wizard.expectStep('access-settings');
    await expect(wizard.currentPanel.getByRole('link', { name: new RegExp(domain.replace('.', '\\.')) }).first()).toHaveAttribute(
      'href',
      new RegExp(`mail\\.${domain.replace('.', '\\.')}`),
    );
    await wizard.nextLink('access-settings').click();

    await wizard.expectStep('enable-service-and-get-code');
    await wizard.nextLink('enable-service-and-get-code').click();

    await wizard.expectStep('configure-in-client');
    await expect(wizard.formAddressInput).toHaveValue(mailbox.address);
    await wizard.codeInput.fill(mailbox.code);
    await wizard.submitButton.click();

    await wizard.expectStep('result');
    await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();
    await expect(wizard.currentPanel.getByText('收信和发信都通过了检测，邮箱已保存到你的账户。')).toBeVisible();

    // The code went to the server once, in the action's request; it never came back.
    await page.reload();
    await wizard.expectStep('result');
    expect(await page.content()).not.toContain(mailbox.code);
    expect(bodies.length).toBeGreaterThan(3);
    for (const body of bodies) expect(body).not.toContain(mailbox.code);
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(mailbox.code);
  });
}

test('a wrong code shows the checklist and the way back to the step that fixes it; nothing is saved', async ({ page }) => {
  const mailbox = await newMailbox('163.com');
  await signUp(page);
  const wizard = new WizardPage(page);
  await submitCode(wizard, mailbox.address, 'WrongWrongWrongW');
  const panel = wizard.currentPanel;
  await expect(panel.getByText('没有连接成功')).toBeVisible();
  await expect(panel.getByText(DIAGNOSES.auth_failed.title.zh).first()).toBeVisible();
  await expect(panel.getByText('Login error or password error')).toBeVisible();
  await expect(panel.getByText('没有保存任何内容。', { exact: false })).toBeVisible();
  const back = panel.getByRole('link', { name: /回到第 3 步/ }).first();
  await back.click();
  await wizard.expectStep('enable-service-and-get-code');
});

test('a login password pasted is warned about, and then fails with the same checklist', async ({ page }) => {
  const mailbox = await newMailbox('yeah.net');
  await signUp(page);
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill(mailbox.address);
  await wizard.codeInput.fill('Summer2024!');
  await wizard.submitButton.click();
  await wizard.currentPanel.getByRole('button', { name: '这确实是授权码，继续检测' }).click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText(DIAGNOSES.auth_failed.title.zh).first()).toBeVisible();
});

// The SMTP peer's scenario is every NetEase mailbox's: the test runs alone (@global).
test('SMTP switched off in webmail is diagnosed as such', { tag: '@global' }, async ({ page }) => {
  const mailbox = await newMailbox('163.com');
  await signUp(page);
  await controlPeers({ type: 'smtp-scenario', scenario: 'auth_550' });
  try {
    const wizard = new WizardPage(page);
    await submitCode(wizard, mailbox.address, mailbox.code);
    await expect(wizard.currentPanel.getByText(DIAGNOSES.smtp_not_enabled.title.zh).first()).toBeVisible();
    await expect(wizard.currentPanel.getByText('User has no permission')).toBeVisible();
    await expect(wizard.currentPanel.getByRole('link', { name: new RegExp(`回到第 \\d 步`) }).first()).toBeVisible();
  } finally {
    await controlPeers({ type: 'smtp-scenario', scenario: 'ok' });
  }
  // This test runs apart from the others (another worker), so it searches the log for its own code.
  expectLogFreeOf([mailbox.code]);
});

test('a server that is down is diagnosed as unreachable', async ({ page }) => {
  // vip.163.com points at a port nothing listens on (see tools/serve-with-peers.ts).
  const mailbox = await newMailbox('vip.163.com');
  await signUp(page);
  const wizard = new WizardPage(page);
  await submitCode(wizard, mailbox.address, mailbox.code);
  await expect(wizard.currentPanel.getByText(DIAGNOSES.unreachable.title.zh).first()).toBeVisible();
});

test('repeated failures lock the mailbox and say when to try again', async ({ page }) => {
  const mailbox = await newMailbox('163.com');
  const fromMs = Date.now();
  await signUp(page);
  const wizard = new WizardPage(page);
  for (let i = 0; i < 5; i++) {
    await submitCode(wizard, mailbox.address, 'WrongWrongWrongW');
    await expect(wizard.currentPanel.getByText(DIAGNOSES.auth_failed.title.zh).first()).toBeVisible();
  }
  await submitCode(wizard, mailbox.address, mailbox.code);
  await expect(wizard.currentPanel.getByText('这个邮箱的检测暂时锁定了')).toBeVisible();
  // The browser writes the time in its own zone.
  await expectRetryTimeAfterFailures(wizard.currentPanel.getByText(/请在 .+ 之后再试/).first(), { fromMs, windowMs: LOCKOUT_WINDOW_MS }, (at, now) =>
    formatRetryTime(at, 'zh', now, BROWSER_TIME_ZONE),
  );
});

test('signing in half-way keeps the place and the address', async ({ page }) => {
  const mailbox = await newMailbox('126.com');
  const wizard = new WizardPage(page);
  await wizard.open('core-parameters-configuration');
  await wizard.addressInput.fill(mailbox.address);
  // Step 3 says, before the code is made, that saving needs an account; its link comes back.
  await wizard.open('enable-service-and-get-code');
  await wizard.currentPanel.getByRole('link', { name: '注册' }).click();
  // Both pages have the same fields: wait for the sign-up page before typing into it.
  await expect(page).toHaveURL(/\/sign-up/);
  await expect(page.getByRole('heading', { level: 1, name: '注册' })).toBeVisible();
  await page.getByLabel(/^邮箱$/).fill(`half-${Date.now()}@example.com`);
  await page.getByLabel(/^密码$/).fill('correct horse battery staple');
  await page.getByRole('button', { name: '注册并登录' }).click();
  await wizard.expectStep('enable-service-and-get-code');
  await wizard.nextLink('enable-service-and-get-code').click();
  await wizard.expectStep('configure-in-client');
  await expect(wizard.formAddressInput).toHaveValue(mailbox.address);
  await wizard.codeInput.fill(mailbox.code);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();
});

/** The app server's log (tools/serve-with-peers.ts keeps a copy) holds none of `codes`. */
function expectLogFreeOf(codes: string[]) {
  const log = fs.readFileSync(E2E_SERVER_LOG, 'utf8');
  // The log is the real one: it holds the line scripts/serve.mjs writes once it listens, and the
  // JSON lines of the checks these codes went through.
  expect(saysListening(log)).toBe(true);
  expect(serverLogLines(log).filter((line) => line.component === 'check').length).toBeGreaterThan(0);
  // The whole text, JSON or not, as typed and as JSON would escape it.
  for (const code of codes) for (const form of logForms(code)) expect(log).not.toContain(form);
}

test('the server log never contains a code', async () => {
  expect(usedCodes.length).toBeGreaterThan(2);
  expectLogFreeOf(usedCodes);
});
