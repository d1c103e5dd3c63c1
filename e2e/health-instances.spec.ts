import { randomBytes } from 'node:crypto';
import { expect, test, type BrowserContext } from './support/fixtures';
import { startNeteaseImap, type NeteaseImapServer } from '../tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '../tools/peers/netease-smtp';
import { ensureTestPki } from '../tools/peers/pki';
import { signUp } from './support/accounts';
import { AccountsPage, connectThroughWizard } from './support/accounts-page';
import { startAppServer, type AppServer } from './support/app-server';
import { randomCode } from './support/mail-peers';
import { createScratchDatabase } from '../tools/scratch-database';
import { messagesOf } from './support/server-log';

// Two app instances on one PostgreSQL database, both running the health checks: every mailbox
// is checked once per round, by one instance or the other, never by both and never skipped.
//
// Each instance is its own server (scripts/serve.mjs) on the build the web server already made, with its own
// data folder, its own mail peers (the NetEase IMAP simulator and SMTP) and the same database,
// APP_SECRET_KEY and BETTER_AUTH_SECRET, as a real deployment of several instances would have.
// Because each instance talks to its own peers, a login at a peer says which instance checked
// which mailbox, and when.
//
// A "round" of a mailbox is one interval: after each check the runner gives the mailbox its next
// slot 0.9–1.1 intervals later, and an instance polls every second. So between two consecutive
// checks of one mailbox lie about one interval. Two instances checking the same due mailbox would
// show as two logins well under half an interval apart; a round nobody checked as a gap of about
// two intervals. The test asserts every gap lies between the two (½ and 1½ intervals), over
// several rounds of every mailbox, and that both instances took a share of the checks. It waits
// by counting logins, with a generous deadline, never by sleeping a fixed time.

const INTERVAL_SECONDS = 12;
const INTERVAL_MS = INTERVAL_SECONDS * 1000;
/** Health checks watched per mailbox (so ROUNDS - 1 gaps each). */
const ROUNDS = 4;
const MAILBOXES_PER_USER = 3;

// Several instances need a shared PostgreSQL database: tagged @postgres, it runs in the PostgreSQL
// pass only (E2E_DATABASE=postgres), once, on desktop.

interface Instance extends AppServer {
  name: 'A' | 'B';
  imap: NeteaseImapServer;
  smtp: NeteaseSmtpServer;
}

async function startInstance(
  name: Instance['name'],
  shared: { databaseUrl: string; appSecretKey: string; authSecret: string; logPath: string },
): Promise<Instance> {
  const pki = ensureTestPki();
  const imap = await startNeteaseImap({ users: {}, idRule: 'after-login' });
  const smtp = await startNeteaseSmtp({ users: {} });
  const server = await startAppServer({
    name,
    logPath: shared.logPath,
    onStop: () => Promise.allSettled([imap.stop(), smtp.stop()]),
    env: {
      DATABASE_URL: shared.databaseUrl,
      APP_SECRET_KEY: shared.appSecretKey,
      BETTER_AUTH_SECRET: shared.authSecret,
      NODE_EXTRA_CA_CERTS: pki.ca.certPath,
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '163.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` } }),
      ALLOW_ENDPOINT_OVERRIDES: '1',
      HEALTH_CHECKS_ENABLED: '1',
      HEALTH_CHECK_INTERVAL_SECONDS: String(INTERVAL_SECONDS),
      HEALTH_CHECK_POLL_SECONDS: '1',
    },
  }).catch(async (error: unknown) => {
    await Promise.allSettled([imap.stop(), smtp.stop()]);
    throw error;
  });
  return { ...server, name, imap, smtp };
}

/** Every LOGIN the instance's IMAP peer saw, by address, in order: when, and whether the code held. */
function loginsAt(instance: Instance): Map<string, { at: number; ok: boolean; instance: Instance['name'] }[]> {
  const byAddress = new Map<string, { at: number; ok: boolean; instance: Instance['name'] }[]>();
  for (const connection of instance.imap.connections) {
    for (const command of connection.commands) {
      if (command.name !== 'LOGIN') continue;
      // The simulator records `tag LOGIN "address" ***`.
      const address = /^\S+ LOGIN "?([^"\s]+)"?/.exec(command.line)?.[1]?.toLowerCase();
      if (!address) continue;
      const list = byAddress.get(address) ?? [];
      list.push({ at: command.at, ok: connection.user === address, instance: instance.name });
      byAddress.set(address, list);
    }
  }
  return byAddress;
}

test('two instances on one PostgreSQL check each mailbox once per round between them; a code revoked at the peer turns 「异常」 at the next round', { tag: '@postgres' }, async ({ browser }, testInfo) => {
  test.setTimeout(360_000);
  const started = Date.now();
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('E2E_DATABASE=postgres needs DATABASE_URL');
  const database = await createScratchDatabase(adminUrl, 'e2e_health');
  const instances: Instance[] = [];
  const contexts: BrowserContext[] = [];
  try {
    const shared = {
      databaseUrl: database.url,
      appSecretKey: randomBytes(32).toString('base64'),
      authSecret: randomBytes(32).toString('base64'),
    };
    // Both at once: the second waits for the first's migrations (the advisory lock in lib/db/client.ts).
    await Promise.all(
      (['A', 'B'] as const).map(async (name) => {
        instances.push(await startInstance(name, { ...shared, logPath: testInfo.outputPath(`instance-${name}.log`) }));
      }),
    );
    instances.sort((x, y) => x.name.localeCompare(y.name));
    const [a, b] = instances as [Instance, Instance];
    for (const instance of instances) {
      expect(messagesOf(instance.output(), 'health'), `instance ${instance.name} runs the health checks`).toContainEqual(
        expect.stringMatching(new RegExp(`^each mailbox is checked about every ${INTERVAL_SECONDS} s`)),
      );
    }

    // Through the app, as people do: one user signs up and connects mailboxes on each instance.
    // Every peer knows every code, since either instance may check any mailbox.
    const run = randomBytes(3).toString('hex');
    const users = await Promise.all(
      instances.map(async (instance) => {
        const context = await browser.newContext({ baseURL: instance.url });
        contexts.push(context);
        const page = await context.newPage();
        await signUp(page, '/');
        const mailboxes = [];
        for (let k = 0; k < MAILBOXES_PER_USER; k++) {
          const mailbox = { address: `health-${run}-${instance.name.toLowerCase()}${k}@163.com`, code: randomCode() };
          for (const peer of instances) {
            peer.imap.setCode(mailbox.address, mailbox.code);
            peer.smtp.setCode(mailbox.address, mailbox.code);
          }
          await connectThroughWizard(page, mailbox);
          mailboxes.push(mailbox);
        }
        await page.close();
        return { instance, context, mailboxes };
      }),
    );
    const connectedAt = Date.now();
    const addresses = users.flatMap((u) => u.mailboxes.map((m) => m.address));

    /** Each mailbox's logins at both instances' peers, in time order; the first is the wizard's check. */
    const logins = () => {
      const atA = loginsAt(a);
      const atB = loginsAt(b);
      return new Map(addresses.map((address) => [address, [...(atA.get(address) ?? []), ...(atB.get(address) ?? [])].sort((x, y) => x.at - y.at)]));
    };
    const healthChecks = () => new Map([...logins()].map(([address, list]) => [address, list.slice(1)]));

    // The wizard's check happened at the peers of the instance the user connected through.
    for (const user of users) {
      for (const mailbox of user.mailboxes) expect(logins().get(mailbox.address)?.[0]?.instance).toBe(user.instance.name);
    }

    // Wait until every mailbox has had ROUNDS health checks, and each instance made some of them.
    await expect
      .poll(
        () => {
          const checks = healthChecks();
          const fewest = Math.min(...[...checks.values()].map((list) => list.length));
          const byInstance = [...checks.values()].flat().reduce((n, c) => ({ ...n, [c.instance]: (n[c.instance] ?? 0) + 1 }), {} as Record<string, number>);
          return { enoughRounds: fewest >= ROUNDS, byA: (byInstance.A ?? 0) > 0, byB: (byInstance.B ?? 0) > 0 };
        },
        { message: `every mailbox checked ${ROUNDS} times, by both instances between them`, timeout: (ROUNDS + 8) * INTERVAL_MS, intervals: [1000] },
      )
      .toEqual({ enoughRounds: true, byA: true, byB: true });

    const checks = healthChecks();
    const gaps: number[] = [];
    const byInstance = { A: 0, B: 0 };
    for (const [address, list] of checks) {
      expect(list.every((c) => c.ok), `${address}: every health check logged in`).toBe(true);
      for (const check of list) byInstance[check.instance] += 1;
      for (let i = 1; i < list.length; i++) {
        const gap = list[i]!.at - list[i - 1]!.at;
        gaps.push(gap);
        // Under half an interval: a second check in the same round. Over one and a half: a round skipped.
        expect(gap, `${address}: check ${i + 1} came ${gap} ms after check ${i} (${list[i - 1]!.instance} → ${list[i]!.instance})`).toBeGreaterThan(INTERVAL_MS / 2);
        expect(gap, `${address}: check ${i + 1} came ${gap} ms after check ${i}`).toBeLessThan(INTERVAL_MS * 1.5);
      }
    }
    expect(byInstance.A).toBeGreaterThan(0);
    expect(byInstance.B).toBeGreaterThan(0);
    const total = byInstance.A + byInstance.B;
    console.log(
      `[health-instances] ${addresses.length} mailboxes, ${total} health checks ` +
        `(per mailbox ${[...checks.values()].map((l) => l.length).join('/')}): A ${byInstance.A}, B ${byInstance.B}; ` +
        `gaps ${(Math.min(...gaps) / 1000).toFixed(1)}–${(Math.max(...gaps) / 1000).toFixed(1)} s for a ${INTERVAL_SECONDS} s interval`,
    );

    // A code revoked in webmail: the next round, whichever instance runs it, turns the mailbox 「异常」.
    // The user signed up on A reads it on B: the session is the shared database's.
    const [first] = users;
    const revoked = first!.mailboxes[0]!;
    const revokedAt = Date.now();
    for (const peer of instances) {
      peer.imap.removeUser(revoked.address);
      peer.smtp.removeUser(revoked.address);
    }
    const page = await first!.context.newPage();
    await page.goto(`${b.url}/accounts`);
    const accounts = new AccountsPage(page);
    await expect(async () => {
      await page.reload();
      await expect(accounts.status(revoked.address)).toHaveText('异常', { timeout: 500 });
    }).toPass({ timeout: 3 * INTERVAL_MS, intervals: [1000] });
    const afterRevoke = (logins().get(revoked.address) ?? []).filter((c) => c.at >= revokedAt);
    expect(afterRevoke[0]?.ok).toBe(false);
    expect(afterRevoke[0]!.at - revokedAt).toBeLessThan(INTERVAL_MS * 1.5);
    await accounts.history(revoked.address).locator('summary').click();
    await expect(accounts.history(revoked.address)).toContainText('正常 → 异常');
    for (const other of first!.mailboxes.slice(1)) await expect(accounts.status(other.address)).toHaveText('正常');
    const seconds = (from: number, to = Date.now()) => `${((to - from) / 1000).toFixed(0)} s`;
    console.log(`[health-instances] ${seconds(started)} in all, of which ${seconds(started, connectedAt)} to start and connect`);
  } finally {
    await Promise.allSettled(contexts.map((context) => context.close()));
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    await database.drop().catch((error: unknown) => console.error('[health-instances] could not drop the scratch database', error));
  }
});
