import { randomBytes } from 'node:crypto';
import { createBanRule, type BanRule } from '@/tools/peers/ban-rule';
import { startDnsServer } from '@/tools/peers/dns';
import { startNeteaseImap, type NeteaseImapServer } from '@/tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { connectMailboxForOwner } from '@/lib/accounts/connect-mailbox';
import { checkAccountNow, replaceAccountCode } from '@/lib/accounts/manage';
import { listMailAccounts } from '@/lib/accounts/queries';
import { createKeyring } from '@/lib/accounts/seal';
import type { AppDatabase, DatabaseKind, OpenedDatabase } from '@/lib/db/client';
import { authUsers } from '@/lib/db/schema';
import { createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv, type EndpointOverrides } from '@/lib/env';
import { runHealthRound } from '@/lib/health/runner';
import { lockoutPolicyFrom, type LockoutPolicy } from '@/lib/mail-check/lockout';

// The provider-safety scenarios of issue 12, shared by their test (provider-safety.test.ts) and
// `npm run bench:safety`: every path through the app that can log in at a provider, driven as
// an attacker or an unlucky operator would, at a NetEase peer with a ban rule. Each scenario
// counts the refused logins that reached the peer; none may reach the peer's threshold.
//
// The paths are driven where the server actions hand over to the library, after sign-in and
// schema parsing (connectMailboxForOwner, checkAccountNow, replaceAccountCode, runHealthRound):
// a script replaying the action gets exactly this far, concurrently, as many times as it likes.

/** The peer bans an address after this many refused logins in its window (NetEase's own figure is not on record). */
export const BAN_THRESHOLD = 20;
const BAN_WINDOW_MS = 15 * 60_000;
const CODE = 'QwErTyUiOpAsDfGh';
const WRONG = 'ZxCvBnMlKjHgFdSa';
/** Enough bursts for the mailbox limit (5) to be reached and then hold. */
const BURSTS = 7;
const BURST = 30;
const HOUR_MS = 3_600_000;
const INTERVAL_MS = 6 * HOUR_MS;

/** The limits as the app ships them (the defaults of .env.example). */
export const shippedPolicy = (): LockoutPolicy => lockoutPolicyFrom(parseEnv({}));

export interface SafetyWorld {
  kind: DatabaseKind;
  store: ScratchStore;
  opened: OpenedDatabase;
  /** A second connection pool on the same database, as a second app instance (PostgreSQL only). */
  second?: OpenedDatabase;
  imap: NeteaseImapServer;
  smtp: NeteaseSmtpServer;
  rule: BanRule;
  overrides: EndpointOverrides;
  policy: LockoutPolicy;
  keyring: ReturnType<typeof createKeyring>;
  close(): Promise<void>;
}

export async function startSafetyWorld(kind: DatabaseKind, policy: LockoutPolicy = shippedPolicy()): Promise<SafetyWorld> {
  const rule = createBanRule({ threshold: BAN_THRESHOLD, windowMs: BAN_WINDOW_MS });
  const [imap, smtp] = await Promise.all([
    startNeteaseImap({ users: {}, idRule: 'after-login', banRule: rule }),
    startNeteaseSmtp({ users: {}, banRule: rule }),
  ]);
  const store = await createScratchStore(kind);
  const opened = await store.open();
  const second = kind === 'postgres' ? await store.open() : undefined;
  const overrides = parseEnv({
    MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '163.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` } }),
  }).MAIL_ENDPOINT_OVERRIDES!;
  return {
    kind,
    store,
    opened,
    second,
    imap,
    smtp,
    rule,
    overrides,
    policy,
    keyring: createKeyring([{ id: 'safety', key: randomBytes(32) }]),
    async close() {
      await second?.close();
      await opened.close();
      await store.dispose();
      await Promise.all([imap.stop(), smtp.stop()]);
    },
  };
}

export interface ScenarioFigures {
  /** Refused logins that reached the peer (IMAP and SMTP together). */
  refusedLogins: number;
  /** Logins the peer answered with its ban text; 0 unless the threshold was reached. */
  banReplies: number;
  banned: boolean;
  /** Requests the scenario sent, and how many of them dialled the provider. */
  requests: number;
  /** Health round: accounts deferred to a later window instead of checked. */
  deferred?: number;
}

const unique = () => randomBytes(4).toString('hex');

async function newUser(db: AppDatabase): Promise<string> {
  const id = `safety-${unique()}`;
  await db.insert(authUsers).values({ id, name: 'Safety', email: `${id}@example.com` });
  return id;
}

function newAddress(world: SafetyWorld): string {
  const address = `safety-${unique()}@163.com`;
  world.imap.setCode(address, CODE);
  world.smtp.setCode(address, CODE);
  return address;
}

function options(world: SafetyWorld) {
  return { overrides: world.overrides, policy: world.policy, keyring: world.keyring, timeoutMs: 10_000 };
}

/** Alternates the two instances where there are two. */
const instance = (world: SafetyWorld, i: number) => (world.second && i % 2 === 1 ? world.second.db : world.opened.db);

async function saveAccount(world: SafetyWorld, ownerId: string, address: string): Promise<string> {
  const saved = await connectMailboxForOwner(world.opened.db, ownerId, { address, code: CODE }, options(world));
  if (!saved.ok || !saved.data.saved) throw new Error(`could not save ${address}: ${JSON.stringify(saved)}`);
  const account = (await listMailAccounts(world.opened.db, ownerId)).find((a) => a.address === address);
  if (!account) throw new Error(`${address} was not saved`);
  return account.id;
}

/**
 * Runs `scenario` and returns what reached the peer meanwhile. The peer is never reset, so that
 * scenarios run one after another on one world add up at the peer as they would at NetEase.
 */
async function measured(world: SafetyWorld, scenario: () => Promise<{ requests: number; deferred?: number }>): Promise<ScenarioFigures> {
  const before = world.rule.figures();
  const { requests, deferred } = await scenario();
  const figures = world.rule.figures();
  return {
    refusedLogins: figures.refused.total - before.refused.total,
    banReplies: figures.banReplies.total - before.banReplies.total,
    banned: figures.banned,
    requests,
    ...(deferred !== undefined ? { deferred } : {}),
  };
}

async function bursts(run: (i: number) => Promise<unknown>): Promise<number> {
  for (let b = 0; b < BURSTS; b += 1) await Promise.all(Array.from({ length: BURST }, (_, i) => run(i)));
  return BURSTS * BURST;
}

export const SCENARIOS = {
  /** One user replays the wizard's check with a wrong code, 30 at once, seven times. */
  wizardOneUser: (world: SafetyWorld) =>
    measured(world, async () => {
      const owner = await newUser(world.opened.db);
      const address = newAddress(world);
      const requests = await bursts((i) => connectMailboxForOwner(instance(world, i), owner, { address, code: WRONG }, options(world)));
      return { requests };
    }),
  /** Two users do the same for one mailbox at once. */
  wizardTwoUsers: (world: SafetyWorld) =>
    measured(world, async () => {
      const owners = [await newUser(world.opened.db), await newUser(world.opened.db)];
      const address = newAddress(world);
      const requests = await bursts((i) =>
        connectMailboxForOwner(instance(world, i), owners[i % 2]!, { address, code: WRONG }, options(world)),
      );
      return { requests };
    }),
  /** A saved mailbox whose code was revoked, "check now" pressed 30 times at once, seven times. */
  checkNowStorm: (world: SafetyWorld) =>
    measured(world, async () => {
      const owner = await newUser(world.opened.db);
      const address = newAddress(world);
      const id = await saveAccount(world, owner, address);
      world.imap.setCode(address, 'RevokedRevokedRe');
      world.smtp.setCode(address, 'RevokedRevokedRe');
      const requests = await bursts((i) => checkAccountNow(instance(world, i), owner, id, options(world)));
      return { requests };
    }),
  /** 30 wrong replacement codes at once for a saved mailbox, seven times. */
  replaceCodeStorm: (world: SafetyWorld) =>
    measured(world, async () => {
      const owner = await newUser(world.opened.db);
      const address = newAddress(world);
      const id = await saveAccount(world, owner, address);
      const requests = await bursts((i) => replaceAccountCode(instance(world, i), owner, id, WRONG, options(world)));
      return { requests };
    }),
  /**
   * Manual setup for a company domain typed with the peer's servers, as 163.com's check dials
   * them, 30 wrong-code submits at once, seven times. They are let through the address guard as
   * a public provider server would be; the provider rule must refuse them before anything is
   * dialled, so nothing reaches the peer under the 'manual' id.
   */
  manualPeerHost: (world: SafetyWorld) =>
    measured(world, async () => {
      const owner = await newUser(world.opened.db);
      // The company domain's MX names a server of its own: no provider, so manual setup.
      const dns = await startDnsServer({ 'corp-safety.test': { mx: [{ exchange: 'mx.corp-safety.test', priority: 10 }] } });
      try {
        const address = `safety-${unique()}@corp-safety.test`;
        const manual = {
          imapHost: '127.0.0.1',
          imapPort: world.imap.port,
          imapTls: 'implicit',
          smtpHost: '127.0.0.1',
          smtpPort: world.smtp.port,
          smtpTls: 'implicit',
        } as const;
        const typed = { ...options(world), dns: { servers: [dns.address] }, manualAllowHosts: ['127.0.0.1'] };
        const requests = await bursts((i) => connectMailboxForOwner(instance(world, i), owner, { address, code: WRONG, manual }, typed));
        return { requests };
      } finally {
        await dns.stop();
      }
    }),
  /** 50 saved mailboxes of 10 users, all codes revoked at once, then two health rounds. */
  healthRoundRevoked: (world: SafetyWorld) =>
    measured(world, async () => {
      const owners = await Promise.all(Array.from({ length: 10 }, () => newUser(world.opened.db)));
      const addresses: string[] = [];
      for (let i = 0; i < 50; i += 1) {
        const address = newAddress(world);
        addresses.push(address);
        await saveAccount(world, owners[i % owners.length]!, address);
      }
      for (const address of addresses) {
        world.imap.setCode(address, 'RevokedRevokedRe');
        world.smtp.setCode(address, 'RevokedRevokedRe');
      }
      const round = { ...options(world), intervalMs: INTERVAL_MS, concurrency: 8 };
      const now = Date.now() + 2 * INTERVAL_MS;
      const first = await runHealthRound(world.opened.db, { ...round, now: new Date(now) });
      const second = await runHealthRound(instance(world, 1), { ...round, now: new Date(now + 60_000) });
      return { requests: first.claimed + second.claimed, deferred: first.refused };
    }),
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

/**
 * Every scenario one after the other in one window: those that save mailboxes first come first,
 * since once the provider's budget is spent, saving (a check too) waits like everything else.
 */
export const ONE_WINDOW_ORDER: readonly ScenarioName[] = [
  'replaceCodeStorm',
  'checkNowStorm',
  'healthRoundRevoked',
  'wizardOneUser',
  'wizardTwoUsers',
  'manualPeerHost',
];

/** After everything: what a third user's check with the right code gets. */
export async function correctCheck(world: SafetyWorld): Promise<'passed' | `refused: ${string}` | 'failed'> {
  const owner = await newUser(world.opened.db);
  const result = await connectMailboxForOwner(world.opened.db, owner, { address: newAddress(world), code: CODE }, options(world));
  if (!result.ok && result.code === 'refused') return `refused: ${result.reason}`;
  return result.ok && result.data.passed ? 'passed' : 'failed';
}

/** After everything: a third user with the right code still gets through. */
export async function correctCheckPasses(world: SafetyWorld): Promise<boolean> {
  return (await correctCheck(world)) === 'passed';
}
