import { randomBytes } from 'node:crypto';
import { expect, test, type BrowserContext, type Request } from './support/fixtures';
import { startNeteaseImap, type NeteaseImapServer } from '../tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '../tools/peers/netease-smtp';
import { ensureTestPki } from '../tools/peers/pki';
import { createScratchDatabase } from '../tools/scratch-database';
import { signUp } from './support/accounts';
import { AccountsPage, connectThroughWizard } from './support/accounts-page';
import { freeLoopbackPort, startAppServer, type AppServer } from './support/app-server';
import { randomCode } from './support/mail-peers';
import { startNginx, type Nginx } from './support/nginx';
import { serverLogLines } from './support/server-log';

// The deployment the README describes, end to end: Debian's nginx running deploy/nginx.conf (the
// committed file, with the test's ports) in front of two instances of one build on one
// PostgreSQL database. A person signs up, walks the wizard and connects a mailbox through nginx;
// nginx alternates the requests between the instances, and each instance's log (one line per
// request, with nginx's $request_id as reqId) says which one served which request. Then one
// instance stops, as in a rolling restart, and the person goes on (/accounts, check now) through
// the other.
//
// nginx connects to the instances from 127.0.0.2 (proxy_bind), the only address they trust
// (TRUSTED_PROXIES); the browser is 127.0.0.1. So an instance that logs the client as 127.0.0.1
// read it from nginx's X-Forwarded-For, and one that logs nginx's 32-hex request id took it from
// X-Request-Id: neither can come out right by accident.
//
// Both instances use one pair of mail peers (the NetEase IMAP simulator and SMTP), so a check
// succeeds whichever instance runs it. Tagged @postgres: it runs in the PostgreSQL pass.

const PROXY_ADDRESS = '127.0.0.2';
const BROWSER_ADDRESS = '127.0.0.1';
/** nginx's $request_id. */
const NGINX_REQUEST_ID = /^[0-9a-f]{32}$/;

interface Instance extends AppServer {
  name: 'A' | 'B';
}

/** A request the browser made through nginx, in the order the browser sent them. */
interface Sent {
  order: number;
  method: string;
  path: string;
  status?: number;
  /** X-Request-Id of the answer: nginx's id for the request, which the instance logged. */
  id?: string;
}

/** reqId → the instance whose log has a request line with it, and the client it logged. */
function servedBy(instances: Instance[]): Map<string, { instance: string; client: unknown }[]> {
  const byId = new Map<string, { instance: string; client: unknown }[]>();
  for (const instance of instances) {
    for (const line of serverLogLines(instance.output())) {
      if (line.msg !== 'request' || !line.reqId) continue;
      byId.set(line.reqId, [...(byId.get(line.reqId) ?? []), { instance: line.instance, client: line.client }]);
    }
  }
  return byId;
}

test('through nginx round-robin, a walk from sign-up to a connected mailbox alternates between two instances, and goes on through one when the other stops', { tag: '@postgres' }, async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('E2E_DATABASE=postgres needs DATABASE_URL');
  const database = await createScratchDatabase(adminUrl, 'e2e_nginx');
  const pki = ensureTestPki();
  let imap: NeteaseImapServer | undefined;
  let smtp: NeteaseSmtpServer | undefined;
  let nginx: Nginx | undefined;
  let context: BrowserContext | undefined;
  const instances: Instance[] = [];
  try {
    imap = await startNeteaseImap({ users: {}, idRule: 'after-login' });
    smtp = await startNeteaseSmtp({ users: {} });
    // nginx's port first: it is the address the browser opens, so the instances' BETTER_AUTH_URL.
    const publicPort = await freeLoopbackPort();
    const publicUrl = `http://127.0.0.1:${publicPort}`;
    const shared = {
      DATABASE_URL: database.url,
      APP_SECRET_KEY: randomBytes(32).toString('base64'),
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64'),
      BETTER_AUTH_URL: publicUrl,
      TRUSTED_PROXIES: PROXY_ADDRESS,
      NODE_EXTRA_CA_CERTS: pki.ca.certPath,
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '163.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` } }),
      ALLOW_ENDPOINT_OVERRIDES: '1',
      // Background checks would add requests to nobody's walk and logins to the peers: off.
      HEALTH_CHECKS_ENABLED: '0',
    };
    // Both at once: the second waits for the first's migrations (the advisory lock in lib/db/client.ts).
    await Promise.all(
      (['A', 'B'] as const).map(async (name) => {
        const server = await startAppServer({ name, logPath: testInfo.outputPath(`instance-${name}.log`), env: { ...shared, INSTANCE_ID: name } });
        instances.push({ ...server, name });
      }),
    );
    instances.sort((x, y) => x.name.localeCompare(y.name));
    const [a, b] = instances as [Instance, Instance];
    nginx = await startNginx({ upstreams: [`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`], bindFrom: PROXY_ADDRESS, listenPort: publicPort });

    // Every request of the page, in the order the browser sent it, with the id its answer carries.
    context = await browser.newContext({ baseURL: nginx.url });
    const sent: Sent[] = [];
    const byRequest = new Map<Request, Sent>();
    context.on('request', (request) => {
      const entry: Sent = { order: sent.length, method: request.method(), path: new URL(request.url()).pathname };
      sent.push(entry);
      byRequest.set(request, entry);
    });
    context.on('response', (response) => {
      const entry = byRequest.get(response.request());
      if (!entry) return;
      entry.status = response.status();
      entry.id = response.headers()['x-request-id'];
    });
    const page = await context.newPage();

    // The walk: sign up, then connect a mailbox in the wizard.
    const mailbox = { address: `nginx-${randomBytes(3).toString('hex')}@163.com`, code: randomCode() };
    imap.setCode(mailbox.address, mailbox.code);
    smtp.setCode(mailbox.address, mailbox.code);
    await signUp(page, '/');
    await connectThroughWizard(page, mailbox);
    await page.waitForLoadState('networkidle');
    // Answered requests only: one the browser gave up (a prefetch cut short by a navigation) has none.
    const walk = sent.filter((entry) => entry.status !== undefined);

    // Every answer came from an instance, named by nginx's id, which exactly one instance logged,
    // with the browser (not nginx) as the client.
    let served = servedBy(instances);
    const walkServers: string[] = [];
    const seenIds = new Set<string>();
    for (const entry of walk) {
      expect(entry.status, `${entry.method} ${entry.path}`).toBeLessThan(500);
      expect(entry.id, `${entry.method} ${entry.path} answered with an X-Request-Id`).toBeDefined();
      // The same id twice is one answer the browser reused from its cache.
      if (seenIds.has(entry.id!)) continue;
      seenIds.add(entry.id!);
      const lines = served.get(entry.id!) ?? [];
      expect(lines, `${entry.method} ${entry.path} (${entry.id}) is in one instance's log`).toHaveLength(1);
      // Redirecting Server Actions included (sign-up): Next fetches the target from its own
      // instance, and scripts/serve.mjs keeps the outer request's id on the answer.
      expect(entry.id, `${entry.method} ${entry.path}: the id nginx gave the request`).toMatch(NGINX_REQUEST_ID);
      expect(lines[0]!.client, `${entry.method} ${entry.path}: the client the instance decided`).toBe(BROWSER_ADDRESS);
      walkServers.push(lines[0]!.instance);
    }
    // Round-robin: both instances served the walk, about half each, and the instance changed
    // from one request to the next far more often than not (a balancer that kept a client on one
    // instance would never change; one that picked at random would change half the time).
    const count = (name: string) => walkServers.filter((s) => s === name).length;
    const switches = walkServers.slice(1).filter((s, i) => s !== walkServers[i]).length;
    console.log(
      `[behind-nginx] the walk: ${walkServers.length} requests, A ${count('A')}, B ${count('B')}, ` +
        `${switches} of ${walkServers.length - 1} consecutive pairs on different instances: ${walkServers.join('')}`,
    );
    expect(walkServers.length).toBeGreaterThanOrEqual(10);
    expect(count('A')).toBeGreaterThanOrEqual(walkServers.length / 4);
    expect(count('B')).toBeGreaterThanOrEqual(walkServers.length / 4);
    expect(switches).toBeGreaterThanOrEqual(0.7 * (walkServers.length - 1));

    // A client that writes its own X-Forwarded-For is still the address nginx saw: nginx appends
    // that address ($proxy_add_x_forwarded_for), and the instance takes the right-most hop that is
    // not nginx. A proxy that passed the header on as it came would make the client 198.51.100.7.
    const forged = await fetch(`${nginx.url}/api/health`, { headers: { 'x-forwarded-for': '198.51.100.7' } });
    expect(forged.status).toBe(200);
    const forgedId = forged.headers.get('x-request-id') ?? '';
    expect(forgedId).toMatch(NGINX_REQUEST_ID);
    await expect.poll(() => servedBy(instances).get(forgedId)?.map((line) => line.client), { message: 'the client an instance decided for a forged X-Forwarded-For' }).toEqual([BROWSER_ADDRESS]);

    // One instance stops (SIGTERM: it stops listening, closes its idle connections, exits).
    await a.stop();
    const errorsBefore = nginx.errorLog().length;
    const afterStop = sent.length;

    // The person goes on through nginx: /accounts, check now.
    const accounts = new AccountsPage(page);
    await accounts.open();
    await expect(accounts.status(mailbox.address)).toHaveText('正常');
    await accounts.checkNowButton(mailbox.address).click();
    await expect(accounts.message(mailbox.address)).toContainText('检查通过，状态「正常」', { timeout: 30_000 });
    await expect(accounts.status(mailbox.address)).toHaveText('正常');
    await page.reload();
    await expect(accounts.status(mailbox.address)).toHaveText('正常');
    await page.waitForLoadState('networkidle');

    // Every request after the stop was answered by B; round-robin sent one of the first two to
    // A's address, and nginx, refused there, passed it on to B (a POST too: nothing was sent).
    // Answers the browser took from its cache carry the id of the request that fetched them.
    const after = sent.slice(afterStop).filter((entry) => entry.status !== undefined && !seenIds.has(entry.id ?? ''));
    served = servedBy(instances);
    expect(after.length).toBeGreaterThanOrEqual(2);
    for (const entry of after) {
      expect(entry.status, `${entry.method} ${entry.path} after the stop`).toBeLessThan(500);
      expect(entry.id, `${entry.method} ${entry.path} after the stop`).toMatch(NGINX_REQUEST_ID);
      expect(served.get(entry.id!)?.map((line) => line.instance), `${entry.method} ${entry.path} after the stop`).toEqual(['B']);
    }
    expect(after.some((entry) => entry.method === 'POST'), 'check now posted through nginx').toBe(true);
    const refused = nginx.errorLog().slice(errorsBefore);
    expect(refused, "nginx's error log: A refused the connection").toContain('Connection refused) while connecting to upstream');
    expect(refused).toContain(`upstream: "http://127.0.0.1:${a.port}/`);
    // The access log names both for a request tried at A, then served by B.
    expect(nginx.accessLog()).toContain(`upstream=127.0.0.1:${a.port}, 127.0.0.1:${b.port} upstream_status=502, `);
    console.log(`[behind-nginx] after A stopped: ${after.length} requests, all served by B (${after.map((e) => `${e.method} ${e.path}`).join(', ')})`);
  } finally {
    await context?.close().catch(() => undefined);
    if (nginx) {
      await testInfo.attach('nginx-access.log', { body: nginx.accessLog(), contentType: 'text/plain' });
      await testInfo.attach('nginx-error.log', { body: nginx.errorLog(), contentType: 'text/plain' });
      await nginx.stop();
    }
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    await Promise.allSettled([imap?.stop(), smtp?.stop()]);
    await database.drop().catch((error: unknown) => console.error('[behind-nginx] could not drop the scratch database', error));
  }
});
