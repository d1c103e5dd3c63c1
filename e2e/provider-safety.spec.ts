import { expect, test, type Browser, type Page, type Request } from './support/fixtures';
import { signUp } from './support/accounts';
import { createMailbox, E2E_SECOND_APP_PORT, loginsAtPeer } from './support/mail-peers';
import { WizardPage } from './support/wizard-page';

// Issue 12 from outside, as an attacker or a stuck script would do it: the wizard's check action
// is captured as the page sends it, then replayed in bursts of 30 concurrent requests with the
// user's cookies (on PostgreSQL against two app instances on one database, alternately). Each
// refused login that reaches the NetEase peer counts toward a ban of our server's address;
// the limits must let exactly five through for one mailbox (LOCKOUT_MAX_FAILURES), with no
// SMTP AUTH after a refused IMAP LOGIN, however many requests arrive and wherever.

const WRONG = 'WrongWrongWrongW';
const BURST = 30;
const BURSTS = 7;

async function captureCheck(page: Page, address: string): Promise<Request> {
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill(address);
  await wizard.codeInput.fill(WRONG);
  const request = page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined);
  await wizard.submitButton.click();
  const captured = await request;
  await wizard.expectStep('result');
  return captured;
}

/** The captured action, sent again as a script would: same body, action id and cookies. */
async function replay(page: Page, captured: Request, origin: string): Promise<{ origin: string; status: number; body: string }> {
  const headers = captured.headers();
  const response = await page.request.post(`${origin}${new URL(captured.url()).pathname}`, {
    headers: {
      'next-action': headers['next-action'] ?? '',
      'next-router-state-tree': headers['next-router-state-tree'] ?? '',
      // The release the page belongs to: without it the server has the page reload (scripts/serve.mjs).
      ...(headers['x-deployment-id'] ? { 'x-deployment-id': headers['x-deployment-id'] } : {}),
      'content-type': headers['content-type'] ?? 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin,
    },
    data: captured.postDataBuffer() ?? Buffer.alloc(0),
  });
  return { origin, status: response.status(), body: await response.text() };
}

/** The answers were the action's own (a check or a refusal by the limits), never "signed out" or an error. */
function expectAnswered(answers: { status: number; body: string }[]) {
  expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  expect(answers.filter((a) => !/"ok":true,"data":|"code":"refused"/.test(a.body)).map((a) => a.body.slice(0, 300))).toEqual([]);
}

const refusedByLimits = (answer: { body: string }) => /"reason":"(check_running|mailbox_locked|account_limited)"/.test(answer.body);

async function signedInPage(browser: Browser, baseURL: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signUp(page, '/');
  return { page, close: () => context.close() };
}

test('30 concurrent replays of the check action, seven times over, reach the provider five times', { tag: '@database' }, async ({ page, baseURL }) => {
  const mailbox = await createMailbox('163.com');
  await signUp(page, '/');
  const captured = await captureCheck(page, mailbox.address);
  expect(await loginsAtPeer(mailbox.address)).toEqual({ imapLogins: 1, imapRefused: 1, smtpAuths: 0, smtpRefused: 0 });

  for (let burst = 0; burst < BURSTS; burst += 1) {
    // Every request is answered by the action (a refusal is an answer, not an error).
    expectAnswered(await Promise.all(Array.from({ length: BURST }, () => replay(page, captured, baseURL!))));
  }
  expect(await loginsAtPeer(mailbox.address)).toEqual({ imapLogins: 5, imapRefused: 5, smtpAuths: 0, smtpRefused: 0 });

  // The page itself now hears that the mailbox is locked, with the time to come back.
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill(mailbox.address);
  await wizard.codeInput.fill(WRONG);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel).toContainText('这个邮箱的检测暂时锁定了');
  expect((await loginsAtPeer(mailbox.address)).imapLogins).toBe(5);
});

test('two users replaying the check across two app instances still reach the provider five times', { tag: '@postgres' }, async ({ browser, baseURL }) => {
  const second = `http://127.0.0.1:${E2E_SECOND_APP_PORT}`;
  const mailbox = await createMailbox('163.com');
  const users = [await signedInPage(browser, baseURL!), await signedInPage(browser, second)];
  try {
    await expect.poll(async () => (await users[1]!.page.request.get(`${second}/api/health`)).status(), { timeout: 60_000 }).toBe(200);
    const captures = [await captureCheck(users[0]!.page, mailbox.address), await captureCheck(users[1]!.page, mailbox.address)];
    expect((await loginsAtPeer(mailbox.address)).imapLogins).toBe(2);
    const origins = [baseURL!, second];
    const answers = [];
    for (let burst = 0; burst < BURSTS; burst += 1) {
      const burstAnswers = await Promise.all(
        Array.from({ length: BURST }, (_, i) => replay(users[i % 2]!.page, captures[i % 2]!, origins[Math.floor(i / 2) % 2]!)),
      );
      expectAnswered(burstAnswers);
      answers.push(...burstAnswers);
    }
    // Both instances judged signed-in requests against the shared limits.
    for (const origin of origins) expect(answers.filter((a) => a.origin === origin && refusedByLimits(a)).length).toBeGreaterThan(0);
    expect(await loginsAtPeer(mailbox.address)).toEqual({ imapLogins: 5, imapRefused: 5, smtpAuths: 0, smtpRefused: 0 });
  } finally {
    await Promise.all(users.map((user) => user.close()));
  }
});
