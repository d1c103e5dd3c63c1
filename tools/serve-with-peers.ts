// Serves the production build for the browser tests, with real mail peers behind the test seam:
//   163.com, yeah.net → the strict NetEase IMAP simulator (ID only counts after LOGIN)
//   126.com           → Dovecot (real IMAP)
//   vip.163.com       → a port nothing listens on ("the server is down")
//   every domain      → one smtp-server answering with NetEase's texts
//   qq.com, foxmail.com, sohu.com, icloud.com, me.com, mac.com
//                     → that provider's scripted IMAP and SMTP peers (iCloud: STARTTLS submission)
//   corp-example.test → NetEase enterprise's peers, found through its MX record on a loopback
//                       DNS server (MAIL_DNS_SERVERS)
//   selfhosted.test   → no provider: manual setup. Its MX is mail.selfhosted.test (A 127.0.0.1),
//                       the one host MAIL_MANUAL_ALLOW_HOSTS lets through the address guard, so
//                       Dovecot and the smtp-server peer are reached under that name on their
//                       ports (GET /ports on the control endpoint); internal.selfhosted.test also
//                       points at 127.0.0.1 and must be refused. nomx.test has no MX at all.
// Tests change the peers through a small control endpoint on loopback (see peer-control.ts and
// e2e/support/mail-peers.ts). `npm run demo` runs the same set-up for a person to try (DEMO=1).
// The app gets the test CA through Node's NODE_EXTRA_CA_CERTS, as the product requires.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../scripts/build.mjs';
import { startDovecot } from './peers/dovecot';
import { refusedPort } from './peers/faults';
import { startNeteaseImap } from './peers/netease-imap';
import { startNeteaseSmtp, type SmtpScenario } from './peers/netease-smtp';
import { ensureTestPki } from './peers/pki';
import { startDnsServer } from './peers/dns';
import { startProviderPeers } from './peers/provider-scripts';
import { E2E_CONTROL_PORT, E2E_SECOND_APP_PORT, E2E_TRUSTED_PROXY, E2E_SECOND_STAFF, E2E_SERVER_LOG, E2E_STAFF, type LoginsAtPeer, type PeerCommand } from './peer-control';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

const port = process.argv[2] ?? '3107';
// A made-up code for the demo's local mailboxes: 16 letters, like NetEase's.
const DEMO_CODE = 'DemoCodeForLocal';
const skipBuild = process.env.E2E_SKIP_BUILD === '1';

// npm test builds once before every pass (E2E_SKIP_BUILD=1); run alone, this builds when the
// sources changed since the last build.
if (!skipBuild && !buildApp(process.cwd())) process.exit(1);

const pki = ensureTestPki();
const imap = await startNeteaseImap({ users: {}, idRule: 'after-login' });
// Dovecot comes from Debian's dovecot-imapd (npm test installs it); the demo can do without it.
const dovecot = existsSync('/usr/sbin/dovecot') || !process.env.DEMO ? await startDovecot({ users: {} }) : undefined;
const smtp = await startNeteaseSmtp({ users: {} });
const downPort = await refusedPort();
// iCloud's IMAP takes the local part here, as ISPDB says; a test can switch the rule.
const providerPeers = {
  qq: await startProviderPeers('qq', { users: {} }),
  sohu: await startProviderPeers('sohu', { users: {} }),
  icloud: await startProviderPeers('icloud', { users: {}, imapLoginNames: 'local_part' }),
  'netease-enterprise': await startProviderPeers('netease-enterprise', { users: {} }),
};
const dnsPeer = await startDnsServer({
  'corp-example.test': { mx: [{ exchange: 'mx.qiye.163.com', priority: 10 }] },
  'selfhosted.test': { mx: [{ exchange: 'mail.selfhosted.test', priority: 10 }] },
  'mail.selfhosted.test': { a: ['127.0.0.1'] },
  'internal.selfhosted.test': { a: ['127.0.0.1'] },
  // A documentation address (TEST-NET-1): the domain exists but names no mail server.
  'nomx.test': { a: ['192.0.2.1'] },
  // Never answers: the MX lookup runs out of time (3 s) and manual setup starts from the domain.
  'slow.test': { silent: true },
});
/** Ports of the peers a manually set up mailbox (selfhosted.test) reaches, for GET /ports. */
const manualPorts = { imap: (dovecot ?? imap).port, smtp: smtp.port };
const PROVIDER_PEER_DOMAINS: Record<string, keyof typeof providerPeers> = {
  'qq.com': 'qq',
  'foxmail.com': 'qq',
  'sohu.com': 'sohu',
  'icloud.com': 'icloud',
  'me.com': 'icloud',
  'mac.com': 'icloud',
  'corp-example.test': 'netease-enterprise',
};
const providerPeersOf = (address: string) => {
  const id = PROVIDER_PEER_DOMAINS[address.slice(address.lastIndexOf('@') + 1).toLowerCase()];
  return id ? providerPeers[id] : undefined;
};

const overrides = {
  '163.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` },
  'yeah.net': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` },
  '126.com': { imap: `127.0.0.1:${(dovecot ?? imap).port}`, smtp: `127.0.0.1:${smtp.port}` },
  'vip.163.com': { imap: `127.0.0.1:${downPort}`, smtp: `127.0.0.1:${downPort}` },
  ...Object.fromEntries(
    Object.entries(PROVIDER_PEER_DOMAINS).map(([domain, id]) => {
      const { endpoints } = providerPeers[id];
      return [domain, { imap: `127.0.0.1:${endpoints.imap.port}`, smtp: `127.0.0.1:${endpoints.smtp.port}`, smtpTls: endpoints.smtp.tls }];
    }),
  ),
};

async function apply(command: PeerCommand): Promise<void> {
  switch (command.type) {
    case 'set-code': {
      if (command.login !== undefined) {
        // A mailbox whose login name is not its address: at Dovecot and the SMTP peer, under that name.
        smtp.setCode(command.login, command.code);
        smtp.setSender(command.login, command.address);
        await dovecot?.setPassword(command.login, command.code);
        return;
      }
      const peers = providerPeersOf(command.address);
      if (peers) {
        peers.imap.setCode(command.address, command.code);
        peers.smtp.setCode(command.address, command.code);
        return;
      }
      imap.setCode(command.address, command.code);
      smtp.setCode(command.address, command.code);
      await dovecot?.setPassword(command.address, command.code);
      return;
    }
    case 'web-password': {
      const peers = providerPeersOf(command.address);
      if (!peers) throw new Error(`no scripted provider peers for ${command.address}`);
      peers.imap.setWebPassword(command.address, command.password);
      peers.smtp.setWebPassword(command.address, command.password);
      return;
    }
    case 'provider-refusal': {
      const { imap: providerImap, smtp: providerSmtp } = providerPeers[command.provider];
      // Each protocol plays the refusal where its script has it.
      if (command.refusal === null || Object.hasOwn(providerImap.script.refusals, command.refusal)) providerImap.setRefusal(command.refusal);
      if (command.refusal === null || Object.hasOwn(providerSmtp.script.refusals, command.refusal)) providerSmtp.setRefusal(command.refusal);
      return;
    }
    case 'imap-login-names':
      providerPeers[command.provider].imap.setLoginNames(command.rule);
      return;
    case 'revoke':
      imap.removeUser(command.address);
      smtp.removeUser(command.address);
      await dovecot?.removeUser(command.address);
      return;
    case 'smtp-scenario':
      smtp.setScenario(command.scenario as SmtpScenario);
      return;
  }
}

/**
 * The logins that reached the NetEase peers (163.com, yeah.net) for one address: IMAP LOGIN
 * commands and SMTP AUTH attempts, and how many of each were refused. GET /logins?address=...
 */
function loginsAtPeer(address: string): LoginsAtPeer {
  const lower = address.toLowerCase();
  const imapLogins = imap.connections.flatMap((connection) =>
    connection.commands
      .filter((command) => command.name === 'LOGIN' && command.line.toLowerCase().includes(lower))
      .map(() => connection.user?.toLowerCase() === lower),
  );
  const smtpAuths = smtp.sessions.flatMap((session) => session.authAttempts.filter((attempt) => attempt.username.toLowerCase() === lower));
  return {
    imapLogins: imapLogins.length,
    imapRefused: imapLogins.filter((accepted) => !accepted).length,
    smtpAuths: smtpAuths.length,
    smtpRefused: smtpAuths.filter((attempt) => !attempt.reply.startsWith('235')).length,
  };
}

const control = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/ports') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(manualPorts));
    return;
  }
  if (req.method === 'GET' && req.url?.startsWith('/logins?')) {
    const address = new URL(req.url, 'http://control').searchParams.get('address') ?? '';
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(loginsAtPeer(address)));
    return;
  }
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    apply(JSON.parse(body) as PeerCommand).then(
      () => res.writeHead(204).end(),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
});
await new Promise<void>((resolve) => control.listen(process.env.DEMO ? 0 : E2E_CONTROL_PORT, '127.0.0.1', resolve));

// PGlite by default; with E2E_DATABASE=postgres a scratch database on DATABASE_URL's server,
// dropped at the end, so runs never see each other's users, lockouts or pauses.
let scratchDatabase: ScratchDatabase | undefined;
if (process.env.E2E_DATABASE === 'postgres') {
  if (!process.env.DATABASE_URL) throw new Error('E2E_DATABASE=postgres needs DATABASE_URL');
  scratchDatabase = await createScratchDatabase(process.env.DATABASE_URL);
  console.log(`[e2e] serving on PostgreSQL database ${scratchDatabase.name}`);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  DATA_DIR: process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'e2e-data-')),
  NODE_EXTRA_CA_CERTS: pki.ca.certPath,
  MAIL_ENDPOINT_OVERRIDES: JSON.stringify(overrides),
  MAIL_DNS_SERVERS: dnsPeer.address,
  MAIL_MANUAL_ALLOW_HOSTS: 'mail.selfhosted.test',
  ALLOW_ENDPOINT_OVERRIDES: '1',
  BETTER_AUTH_URL: process.env.DEMO ? `http://localhost:${port}` : `http://127.0.0.1:${port}`,
  // Tests sign in many times from one address; the limit itself is covered by lib/auth tests.
  AUTH_SIGN_IN_MAX_ATTEMPTS: process.env.AUTH_SIGN_IN_MAX_ATTEMPTS ?? '1000',
  // Every test signs up its own account from loopback: far more than a person's hourly allowance.
  AUTH_SIGN_UP_MAX_PER_ADDRESS: process.env.AUTH_SIGN_UP_MAX_PER_ADDRESS ?? '100000',
  // Help requests and MX lookups are limited per client address too, and every test is one
  // address; the limits are covered by lib/support, lib/wizard and e2e/client-address tests.
  HELP_MAX_REQUESTS_PER_HOUR: process.env.HELP_MAX_REQUESTS_PER_HOUR ?? '100000',
  MX_LOOKUP_MAX_PER_WINDOW: process.env.MX_LOOKUP_MAX_PER_WINDOW ?? '100000',
  // Likewise the provider-wide failure limit (lib/mail-check/lockout tests cover it): the suite
  // fails many checks on purpose, and a provider pause would refuse every test after it.
  PROVIDER_MAX_FAILURES: process.env.PROVIDER_MAX_FAILURES ?? '1000',
  // And the provider's budget of refused logins, for the same reason (lib/mail-check/
  // reservation tests and the provider-safety tests cover it); a test that wants it sets it.
  PROVIDER_LOGIN_BUDGET: process.env.PROVIDER_LOGIN_BUDGET ?? '1000',
  // A health check landing in the middle of a test would change what it sees; the runner is
  // covered by lib/health tests, and a test that wants it turns it on.
  HEALTH_CHECKS_ENABLED: process.env.HEALTH_CHECKS_ENABLED ?? '0',
  // The app's own practice servers (e2e/practice.spec.ts), whatever the database.
  PRACTICE_MODE: process.env.PRACTICE_MODE ?? 'on',
};
if (scratchDatabase) env.DATABASE_URL = scratchDatabase.url;
else delete env.DATABASE_URL;
// Support staff for the console's tests, made the way the README tells an operator to, before
// the app holds the embedded database.
if (!process.env.DEMO) {
  for (const member of [E2E_STAFF, E2E_SECOND_STAFF]) {
    const staff = spawnSync(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/staff-create.ts', member.email, '--password', member.password],
      { stdio: 'inherit', env },
    );
    if (staff.status !== 0) throw new Error(`could not create the e2e support staff account ${member.email}`);
  }
}

// The server's output is kept in a file as well, so tests can search it for a code.
const log = createWriteStream(E2E_SERVER_LOG);
// The app's own server (scripts/serve.mjs), not through npm, so the signal reaches it. It trusts
// forwarded addresses from E2E_TRUSTED_PROXY only (see peer-control.ts).
const startApp = (appPort: string) => {
  const app = spawn(process.execPath, ['scripts/serve.mjs'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      PORT: appPort,
      HOSTNAME: '127.0.0.1',
      TRUSTED_PROXIES: E2E_TRUSTED_PROXY,
      ...(appPort === port ? {} : { BETTER_AUTH_URL: `http://127.0.0.1:${appPort}` }),
    },
  });
  for (const stream of [app.stdout, app.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      log.write(chunk);
    });
  }
  return app;
};
const server = startApp(port);
// On PostgreSQL, a second instance on the same database (the same secrets through DATA_DIR).
const secondServer = scratchDatabase ? startApp(String(E2E_SECOND_APP_PORT)) : undefined;

// `npm run demo`: the same set-up for a person to try, with mailboxes ready to connect.
if (process.env.DEMO) {
  for (const domain of ['163.com', '126.com', 'yeah.net']) {
    await apply({ type: 'set-code', address: `demo@${domain}`, code: DEMO_CODE });
  }
  const line = '─'.repeat(64);
  console.log(`\n${line}\n  Demo: http://localhost:${port}\n  Sign up with any email and password, then connect one of\n    demo@163.com  demo@126.com  demo@yeah.net\n  with the authorization code ${DEMO_CODE}. These are local test\n  servers on this machine; no real mailbox is contacted.\n${line}\n`);
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    [server, secondServer].map(async (app) => {
      if (!app || app.exitCode !== null || app.signalCode !== null) return;
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }),
  );
  control.close();
  await Promise.allSettled([imap.stop(), dovecot?.stop(), smtp.stop(), ...Object.values(providerPeers).map((peers) => peers.stop()), dnsPeer.stop()]);
  await scratchDatabase?.drop().catch((error: unknown) => console.error('[e2e] could not drop the scratch database', error));
  log.end();
  process.exit(code);
}
// Playwright stops the web server with SIGTERM (gracefulShutdown in playwright.config.ts).
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void shutdown(0));
server.on('exit', (code) => void shutdown(code ?? 0));
