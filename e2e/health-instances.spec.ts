import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect, test, type BrowserContext } from './support/fixtures';
import { startNeteaseImap, type NeteaseImapServer } from '../tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '../tools/peers/netease-smtp';
import { ensureTestPki } from '../tools/peers/pki';
import { signUp } from './support/accounts';
import { AccountsPage, connectThroughWizard } from './support/accounts-page';
import { startAppServer, type AppServer } from './support/app-server';
import { randomCode } from './support/mail-peers';
import { createScratchDatabase } from '../tools/scratch-database';
import { messagesOf, serverLogLines } from './support/server-log';

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
  settings: Record<string, string> = {},
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
      ...settings,
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

// An instance stopped in the middle of a round (a deployment's SIGTERM): the check it is running
// finishes and is recorded, the mailboxes it claimed and had not started are given back at once,
// and the other instance checks them within seconds (not when the claims' lease runs out, minutes
// later). Every mailbox is checked exactly once in that round.
//
// To stop A in the middle of a round on purpose: A runs one check at a time and its SMTP peer
// holds every AUTH for HOLD_MS, so its round of MAILBOXES takes MAILBOXES × HOLD_MS; the round is
// made due at once by moving every mailbox's slot to now (as after an outage, when a whole batch is
// due together). B starts only once A has claimed them all, so it has nothing to take until A
// gives some back.
const MIDROUND_MAILBOXES = 6;
const HOLD_MS = 4_000;

test('an instance stopped mid-round finishes its check in flight and gives back the rest, which the other instance checks at once: each mailbox checked once', { tag: '@postgres' }, async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('E2E_DATABASE=postgres needs DATABASE_URL');
  const database = await createScratchDatabase(adminUrl, 'e2e_health_stop');
  const instances: Instance[] = [];
  let context: BrowserContext | undefined;
  try {
    const shared = {
      databaseUrl: database.url,
      appSecretKey: randomBytes(32).toString('base64'),
      authSecret: randomBytes(32).toString('base64'),
    };
    // A day's interval: no mailbox comes due by itself while the test runs; the test makes the round due.
    const settings = { HEALTH_CHECK_INTERVAL_SECONDS: String(24 * 3600) };
    const a = await startInstance('A', { ...shared, logPath: testInfo.outputPath('instance-A.log') }, { ...settings, HEALTH_CHECK_CONCURRENCY: '1' });
    instances.push(a);

    const run = randomBytes(3).toString('hex');
    const mailboxes = Array.from({ length: MIDROUND_MAILBOXES }, (_, k) => ({ address: `stop-${run}-${k}@163.com`, code: randomCode() }));
    context = await browser.newContext({ baseURL: a.url });
    const page = await context.newPage();
    await signUp(page, '/');
    for (const mailbox of mailboxes) {
      a.imap.setCode(mailbox.address, mailbox.code);
      a.smtp.setCode(mailbox.address, mailbox.code);
      await connectThroughWizard(page, mailbox);
    }

    // The round: every mailbox due now, and A's provider slow to answer.
    a.smtp.holdAuth(HOLD_MS);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let roundAt: number;
    try {
      roundAt = Date.now();
      const due = await client.query('update mail_accounts set next_check_at = now()');
      expect(due.rowCount).toBe(MIDROUND_MAILBOXES);
    } finally {
      await client.end();
    }
    const authsAfter = (instance: Instance) =>
      instance.smtp.sessions.flatMap((session) => session.authAttempts).filter((attempt) => attempt.at >= roundAt);
    // A has claimed the round (one batch) once its first check reaches the held AUTH.
    await expect.poll(() => authsAfter(a).length, { message: 'A starts the round', timeout: 20_000 }).toBeGreaterThan(0);

    // Two at a time: with A's check in flight that is the three checks one owner may have running
    // at once (lib/mail-check/lockout.ts); a fourth would be deferred until the limit lifts.
    const b = await startInstance('B', { ...shared, logPath: testInfo.outputPath('instance-B.log') }, { ...settings, HEALTH_CHECK_CONCURRENCY: '2' });
    instances.push(b);
    for (const mailbox of mailboxes) {
      b.imap.setCode(mailbox.address, mailbox.code);
      b.smtp.setCode(mailbox.address, mailbox.code);
    }
    // Stop A with one check done and the next one in flight (held at the peer).
    await expect
      .poll(() => authsAfter(a).length, { message: 'A is on its second check', timeout: MIDROUND_MAILBOXES * HOLD_MS })
      .toBeGreaterThanOrEqual(2);
    expect(authsAfter(b), 'B had nothing to take while A held the round').toEqual([]);
    const inFlight = authsAfter(a).at(-1)!;
    expect(inFlight.reply, 'the check A is running is held at its peer').toBe('');
    const stoppedAt = Date.now();
    await a.stop();
    const exitedAt = Date.now();
    expect(a.server.exitCode, 'A exits cleanly, not by its own time cap or SIGKILL').toBe(0);

    // A waited for the check in flight, which logged in and was recorded.
    expect(inFlight.reply).toBe('235');
    expect(exitedAt).toBeGreaterThanOrEqual(inFlight.at + HOLD_MS);
    const roundLine = serverLogLines(a.output()).find((line) => line.component === 'health' && typeof line.round === 'object');
    const round = roundLine?.round as { claimed: number; checked: number; released: number } | undefined;
    expect(round, `A logs its round:\n${messagesOf(a.output(), 'health').join('\n')}`).toBeDefined();
    expect(round!.claimed).toBe(MIDROUND_MAILBOXES);
    expect(round!.checked).toBe(authsAfter(a).length);
    expect(round!.released).toBe(MIDROUND_MAILBOXES - round!.checked);
    expect(round!.released).toBeGreaterThan(0);
    expect(messagesOf(a.output(), 'serve')).toContainEqual(expect.stringMatching(/^SIGTERM: finishing the requests in flight/));

    // B checks the mailboxes A gave back, each once, within seconds of A's release (A's claims
    // would have run until their lease ended, minutes later, had A died without giving them back).
    const checkedBy = () => {
      const by = new Map<string, { instance: string; at: number; reply: string }[]>();
      for (const instance of instances) {
        for (const attempt of authsAfter(instance)) {
          const address = attempt.username.toLowerCase();
          by.set(address, [...(by.get(address) ?? []), { instance: instance.name, at: attempt.at, reply: attempt.reply }]);
        }
      }
      return by;
    };
    await expect
      .poll(() => mailboxes.filter((mailbox) => checkedBy().get(mailbox.address)?.length === 1).length, {
        message: 'every mailbox checked in the round',
        timeout: 30_000,
      })
      .toBe(MIDROUND_MAILBOXES);
    // Another poll or two of B's: no second check of any mailbox comes after.
    await page.waitForTimeout(3_000);
    const checks = checkedBy();
    for (const mailbox of mailboxes) {
      const list = checks.get(mailbox.address) ?? [];
      expect(list, `${mailbox.address}: checked once in the round`).toHaveLength(1);
      expect(list[0]!.reply, `${mailbox.address}: logged in`).toBe('235');
    }
    const byB = [...checks.values()].flat().filter((check) => check.instance === 'B');
    expect(byB).toHaveLength(round!.released);
    const latestB = Math.max(...byB.map((check) => check.at));
    expect(latestB - stoppedAt, 'B took what A gave back within seconds').toBeLessThan(HOLD_MS + 15_000);

    // Through B, every mailbox reads 「正常」 (A's last check included: it was recorded).
    await page.goto(`${b.url}/accounts`);
    const accounts = new AccountsPage(page);
    for (const mailbox of mailboxes) await expect(accounts.status(mailbox.address)).toHaveText('正常');
    console.log(
      `[health-instances] stop mid-round: A checked ${round!.checked} of ${round!.claimed} and gave back ${round!.released}; ` +
        `A exited ${((exitedAt - stoppedAt) / 1000).toFixed(1)} s after SIGTERM; B's last check ${((latestB - stoppedAt) / 1000).toFixed(1)} s after it`,
    );
  } finally {
    await context?.close().catch(() => {});
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    await database.drop().catch((error: unknown) => console.error('[health-instances] could not drop the scratch database', error));
  }
});
