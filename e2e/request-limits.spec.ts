import { expect, test, type Browser } from './support/fixtures';
import { startDnsServer, type DnsPeer } from '../tools/peers/dns';
import { startAppServer, type AppServer } from './support/app-server';
import { WizardPage } from './support/wizard-page';

// The limits on what signed-out visitors can start (issue 13 item 5), through the real pages of
// an instance of its own at their default settings: help requests per client address (5 an hour)
// and MX lookups per client address (3 per window here). The instance trusts 127.0.0.1 as a
// proxy, so each browser context below is a different client by the X-Forwarded-For it sends,
// as it would be behind a real proxy.

const HELP_LIMIT = 5; // HELP_MAX_REQUESTS_PER_HOUR's default
const MX_LIMIT = 3;

let app: AppServer;
let dns: DnsPeer;

test.beforeAll(async () => {
  dns = await startDnsServer(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`limited${i}.test`, { mx: [{ exchange: `mx.limited${i}.test`, priority: 10 }] }])));
  app = await startAppServer({
    name: 'request-limits',
    env: { TRUSTED_PROXIES: '127.0.0.1', PRACTICE_MODE: 'off', MAIL_DNS_SERVERS: dns.address, MX_LOOKUP_MAX_PER_WINDOW: String(MX_LIMIT) },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await dns?.stop();
});

/** A fresh browser (no cookies) of the client at `address`. */
async function clientAt(browser: Browser, address: string) {
  const context = await browser.newContext({ baseURL: app.url, locale: 'zh-CN', extraHTTPHeaders: { 'x-forwarded-for': address } });
  return { context, page: await context.newPage() };
}

test('help requests from one address stop at the limit, with a message and no 500; another address still gets a code', async ({ browser }) => {
  const askForHelp = async (address: string) => {
    const { context, page } = await clientAt(browser, address);
    try {
      await page.goto('/');
      await page.getByRole('button', { name: '联系客服' }).click();
      const code = page.getByTestId('help-code');
      const refused = page.getByTestId('help-refused');
      await expect(code.or(refused)).toBeVisible();
      return (await refused.isVisible()) ? (await refused.innerText()) : 'code';
    } finally {
      await context.close();
    }
  };
  const answers: string[] = [];
  for (let i = 0; i < HELP_LIMIT + 1; i++) answers.push(await askForHelp('198.51.100.10'));
  expect(answers.slice(0, HELP_LIMIT)).toEqual(Array(HELP_LIMIT).fill('code'));
  expect(answers[HELP_LIMIT]).toMatch(/获取求助码的次数太多了，请 \d+ 分钟后再试/);
  expect(await askForHelp('198.51.100.11')).toBe('code');
});

test('MX lookups from one address stop at the limit and say so; another address is looked up', async ({ browser }) => {
  const lookUp = async (address: string, domain: string) => {
    const { context, page } = await clientAt(browser, address);
    try {
      const wizard = new WizardPage(page);
      await wizard.open('core-parameters-configuration');
      await wizard.addressInput.fill(`li@${domain}`);
      const status = page.locator('#wizard-address-status');
      await expect(status).toContainText(/收信记录（MX）没有指向我们认识的服务商|查询收信记录（MX）的次数太多/);
      return (await status.innerText()).includes('次数太多') ? 'refused' : 'looked up';
    } finally {
      await context.close();
    }
  };
  const answers: string[] = [];
  for (let i = 0; i < MX_LIMIT + 1; i++) answers.push(await lookUp('203.0.113.20', `limited${i}.test`));
  expect(answers).toEqual([...Array(MX_LIMIT).fill('looked up'), 'refused']);
  // The DNS server heard exactly the lookups that were let through.
  expect(new Set(dns.queries.filter((query) => query.startsWith('MX ')).map((query) => query.slice(3))).size).toBe(MX_LIMIT);
  expect(await lookUp('203.0.113.21', `limited${MX_LIMIT + 1}.test`)).toBe('looked up');
});
