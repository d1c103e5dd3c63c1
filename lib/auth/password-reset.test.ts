import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type AppAuth, type AuthSettings } from '@/lib/auth/server';
import type { OpenedDatabase } from '@/lib/db/client';
import { authSessions, authUsers, authVerifications, requestLimits, signInThrottle } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import type { MailSender, OutgoingMail } from '@/lib/mail/relay';
import { PASSWORD_CHECK_LIMIT, RESET_ANSWER_FLOOR, resetTokenIsUsable, type PasswordResetSettings } from './password-reset';
import { storedResetIdentifier } from './reset-links';

// Password reset through the library's own flow, as the browser's requests (and the server
// actions, which go through the same handler) meet it, on each database: the same answer for
// every address, a mail only for a registered one, the limits on asking under 30 requests at
// once (on PostgreSQL through two instances), a link that works once and expires, and a reset
// that ends every session. Also the per-user limit on password checks, and change-password's
// ending of the other sessions.

const BASE_URL = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new passphrase';
const BURST = 30;

const unique = () => randomBytes(4).toString('hex');
const newIp = () => `203.0.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const newEmail = () => `person-${unique()}@example.com`;

/** A mail sender that keeps what it is given, as a relay that took everything would. */
function keepingSender(): MailSender & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { route: 'test', sent, send: async (mail) => void sent.push(mail) };
}

function post(auth: AppAuth, endpoint: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return auth.handler(
    new Request(`${BASE_URL}/api/auth${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': newIp(), ...headers },
      body: JSON.stringify(body),
    }),
  );
}

const sessionCookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => c.startsWith('better-auth.session_token='))
    .join('; ');

const tokenIn = (mail: OutgoingMail) => /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];

describe.each(availableBackends())('password reset on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  /** A second pool on the same database: another app instance (PostgreSQL only). */
  let second: OpenedDatabase | undefined;
  let auth: AppAuth;
  let other: AppAuth;
  const mailer = keepingSender();
  const reset: PasswordResetSettings = {
    linkSeconds: 30 * 60,
    perClientAddress: { max: 4, windowSeconds: 3600 },
    perEmail: { max: 3, windowSeconds: 3600 },
    mailer,
  };
  const settings: AuthSettings = {
    secret: randomBytes(32).toString('base64'),
    baseURL: BASE_URL,
    signInLimit: { max: 1000, windowSeconds: 60 },
    signUpLimit: { max: 1000, windowSeconds: 60 },
    passwordReset: reset,
  };
  /** The instance the i-th request of a burst reaches. */
  const instance = (i: number) => (i % 2 === 1 ? other : auth);
  const mailsTo = (email: string) => mailer.sent.filter((mail) => mail.to === email);

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    auth = createAuth(opened.db, settings);
    if (kind === 'postgres') second = await store.open();
    other = second ? createAuth(second.db, settings) : auth;
  });
  afterAll(async () => {
    await second?.close();
    await opened.close();
    await store.dispose();
  });

  async function signUp(email: string): Promise<string> {
    const response = await post(auth, '/sign-up/email', { email, password: PASSWORD, name: 'Wang Wu' });
    expect(response.status).toBe(200);
    return sessionCookieOf(response);
  }
  const signIn = (email: string, password: string) => post(auth, '/sign-in/email', { email, password });
  const askForReset = (email: string, ip = newIp(), on = auth) => post(on, '/request-password-reset', { email }, { 'x-forwarded-for': ip });
  const sessionOf = async (cookie: string) => auth.api.getSession({ headers: new Headers({ cookie }) });

  it('answers a registered and an unknown address alike; only the registered one gets a mail, with a link to this app', async () => {
    const email = newEmail();
    await signUp(email);
    const unknown = newEmail();
    const [known, stranger] = await Promise.all([askForReset(email), askForReset(unknown)]);
    expect(known.status).toBe(200);
    expect(stranger.status).toBe(200);
    expect(await stranger.json()).toEqual(await known.json());
    expect(mailsTo(unknown)).toEqual([]);
    const [mail] = mailsTo(email);
    expect(mail!.subject).toBe('重设密码 / Reset your password');
    expect(mail!.text).toMatch(new RegExp(`${BASE_URL}/reset-password\\?token=[A-Za-z0-9]{24}\\n`));
    // Both languages, with the link's lifetime.
    expect(mail!.text).toContain('链接 30 分钟内有效');
    expect(mail!.text).toContain('works for 30 minutes');
    const token = tokenIn(mail!)!;
    expect(await resetTokenIsUsable(auth, token)).toBe(true);
    expect(await resetTokenIsUsable(auth, `${token}x`)).toBe(false);
  });

  it('answers the same when the relay is down: the mail leaves in the background', async () => {
    const failing: MailSender = { route: 'down', send: async () => Promise.reject(new Error('relay down')) };
    const withDownRelay = createAuth(opened.db, { ...settings, passwordReset: { ...reset, mailer: failing } });
    const email = newEmail();
    await signUp(email);
    const response = await askForReset(email, newIp(), withDownRelay);
    expect(response.status).toBe(200);
  });

  it(`sends one email address at most ${reset.perEmail.max} mails, from ${BURST} clients at once${kind === 'postgres' ? ' on two instances' : ''}`, async () => {
    const email = newEmail();
    await signUp(email);
    const responses = await Promise.all(Array.from({ length: BURST }, (_, i) => askForReset(email, newIp(), instance(i))));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(reset.perEmail.max).fill(200), ...Array(BURST - reset.perEmail.max).fill(429)]);
    expect(mailsTo(email)).toHaveLength(reset.perEmail.max);
    const refused = responses.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('x-retry-after'))).toBeGreaterThan(3500);
    // An unknown address is limited the same way: a refusal says nothing about who is registered.
    const unknown = newEmail();
    const unknownStatuses = (await Promise.all(Array.from({ length: BURST }, (_, i) => askForReset(unknown, newIp(), instance(i))))).map((r) => r.status);
    expect(unknownStatuses.filter((s) => s === 200)).toHaveLength(reset.perEmail.max);
  });

  it(`lets one client address ask for ${reset.perClientAddress.max} mails, whatever addresses it types, of ${BURST} at once`, async () => {
    const ip = newIp();
    const emails = Array.from({ length: BURST }, () => newEmail());
    await Promise.all(emails.map((email) => signUp(email)));
    const responses = await Promise.all(emails.map((email, i) => askForReset(email, ip, instance(i))));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(reset.perClientAddress.max);
    expect(emails.flatMap(mailsTo)).toHaveLength(reset.perClientAddress.max);
    // A refused request took nothing from the email's own allowance.
    const refusedEmail = emails[responses.findIndex((r) => r.status === 429)]!;
    const [row] = await opened.db
      .select()
      .from(requestLimits)
      .where(and(eq(requestLimits.scope, 'password_reset:email'), eq(requestLimits.key, refusedEmail)));
    expect(row).toBeUndefined();
    // Another client is not affected.
    expect((await askForReset(newEmail(), newIp())).status).toBe(200);
  });

  it('sets the new password with the link once; the link then no longer works, and every session has ended', async () => {
    const email = newEmail();
    const firstSession = await signUp(email);
    const secondSession = sessionCookieOf(await signIn(email, PASSWORD));
    expect(await sessionOf(firstSession)).not.toBeNull();
    expect(await sessionOf(secondSession)).not.toBeNull();
    await askForReset(email);
    const token = tokenIn(mailsTo(email).at(-1)!)!;

    const done = await post(auth, '/reset-password', { token, newPassword: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(await sessionOf(firstSession)).toBeNull();
    expect(await sessionOf(secondSession)).toBeNull();
    const [user] = await opened.db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.email, email));
    expect(await opened.db.select().from(authSessions).where(eq(authSessions.userId, user!.id))).toEqual([]);
    expect((await signIn(email, PASSWORD)).status).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);

    // Used: refused, and the password stays the one just set.
    const again = await post(auth, '/reset-password', { token, newPassword: 'yet another passphrase' });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 'INVALID_TOKEN' });
    expect(await resetTokenIsUsable(auth, token)).toBe(false);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });

  it('spends a link once when two resets race with it', async () => {
    const email = newEmail();
    await signUp(email);
    await askForReset(email);
    const token = tokenIn(mailsTo(email).at(-1)!)!;
    const both = await Promise.all([
      post(auth, '/reset-password', { token, newPassword: 'first racing passphrase' }),
      post(other, '/reset-password', { token, newPassword: 'second racing passphrase' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it(`makes a link that works for the configured time (${reset.linkSeconds / 60} minutes), and not after`, async () => {
    const email = newEmail();
    await signUp(email);
    await askForReset(email);
    const token = tokenIn(mailsTo(email).at(-1)!)!;
    const [row] = await opened.db.select().from(authVerifications).where(eq(authVerifications.identifier, storedResetIdentifier(token)));
    const lifetime = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 1000;
    expect(lifetime).toBeGreaterThan(reset.linkSeconds - 5);
    expect(lifetime).toBeLessThanOrEqual(reset.linkSeconds + 5);

    // Time passes: the row's end moves into the past.
    await opened.db
      .update(authVerifications)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(authVerifications.identifier, storedResetIdentifier(token)));
    expect(await resetTokenIsUsable(auth, token)).toBe(false);
    const late = await post(auth, '/reset-password', { token, newPassword: NEW_PASSWORD });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ code: 'INVALID_TOKEN' });
    expect((await signIn(email, PASSWORD)).status).toBe(200);
  });

  it("clears the address's failed sign-ins on a reset: a stranger's lock does not keep the owner out", async () => {
    const email = newEmail();
    await signUp(email);
    await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(email, `guess ${i}`)));
    expect((await opened.db.select().from(signInThrottle).where(eq(signInThrottle.email, email))).length).toBe(1);
    await askForReset(email);
    expect((await post(auth, '/reset-password', { token: tokenIn(mailsTo(email).at(-1)!)!, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect(await opened.db.select().from(signInThrottle).where(eq(signInThrottle.email, email))).toEqual([]);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });

  it("stores no token: only its hash, under this app's own prefix, and the link works", async () => {
    const email = newEmail();
    await signUp(email);
    await askForReset(email);
    const token = tokenIn(mailsTo(email).at(-1)!)!;
    const rows = await opened.db.select().from(authVerifications);
    expect(JSON.stringify(rows)).not.toContain(token);
    const [user] = await opened.db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.email, email));
    const mine = rows.filter((row) => row.value === user!.id);
    expect(mine.map((row) => row.identifier)).toEqual([storedResetIdentifier(token)]);
    expect(mine[0]!.identifier).toMatch(/^reset-password-sha256:[A-Za-z0-9_-]{43}$/);
    // The stored form typed back as a token opens nothing.
    const stored = mine[0]!.identifier.slice('reset-password-sha256:'.length);
    expect(await resetTokenIsUsable(auth, stored)).toBe(false);
    expect((await post(auth, '/reset-password', { token: stored, newPassword: NEW_PASSWORD })).status).toBe(400);
    expect(await resetTokenIsUsable(auth, token)).toBe(true);
    expect((await post(auth, '/reset-password', { token, newPassword: NEW_PASSWORD })).status).toBe(200);
  });

  it("a reset ends the user's other reset links, and no one else's", async () => {
    const email = newEmail();
    const bystander = newEmail();
    await Promise.all([signUp(email), signUp(bystander)]);
    await askForReset(email);
    await askForReset(email);
    await askForReset(bystander);
    const [first, second] = mailsTo(email).map((mail) => tokenIn(mail)!);
    const theirs = tokenIn(mailsTo(bystander).at(-1)!)!;
    // A link stored in plain, as the library did before hashing was turned on, still works, and goes too.
    const [user] = await opened.db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.email, email));
    const legacy = `legacy${unique()}`;
    await opened.db.insert(authVerifications).values({ id: `legacy-${unique()}`, identifier: `reset-password:${legacy}`, value: user!.id, expiresAt: new Date(Date.now() + 600_000) });
    expect(await resetTokenIsUsable(auth, legacy)).toBe(true);
    expect((await post(auth, '/reset-password', { token: second, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect(await resetTokenIsUsable(auth, legacy)).toBe(false);
    expect(await resetTokenIsUsable(auth, first!)).toBe(false);
    const older = await post(auth, '/reset-password', { token: first, newPassword: 'the older mail speaks' });
    expect(older.status).toBe(400);
    expect(await older.json()).toMatchObject({ code: 'INVALID_TOKEN' });
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    expect(await resetTokenIsUsable(auth, theirs)).toBe(true);
  });

  it(`answers a registered and an unknown address in the same time: no sooner than ${RESET_ANSWER_FLOOR.minMs} ms, medians within the jitter`, async () => {
    // Six registered addresses, each asked once (the per-email limit would refuse a seventh
    // request for one of them), against six unknown ones, interleaved so that anything slowing
    // the machine down meets both alike.
    const registered = Array.from({ length: 6 }, () => newEmail());
    for (const address of registered) await signUp(address);
    const timed = async (address: string) => {
      const started = performance.now();
      const response = await askForReset(address, newIp());
      expect(response.status).toBe(200);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (const address of registered) {
      known.push(await timed(address));
      unknown.push(await timed(newEmail()));
    }
    expect(registered.flatMap(mailsTo)).toHaveLength(registered.length);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    for (const ms of [...known, ...unknown]) expect(ms).toBeGreaterThanOrEqual(RESET_ANSWER_FLOOR.minMs - 1);
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(RESET_ANSWER_FLOOR.jitterMs);
  });

  it('refuses an address longer than any address can be, before counting or looking anything up', async () => {
    const longEmail = `${'a'.repeat(64)}@${Array.from({ length: 4 }, () => 'b'.repeat(60)).join('.')}.example.com`;
    expect(longEmail.length).toBeGreaterThan(254);
    const response = await askForReset(longEmail);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_EMAIL' });
    const rows = await opened.db
      .select()
      .from(requestLimits)
      .where(and(eq(requestLimits.scope, 'password_reset:email'), eq(requestLimits.key, longEmail)));
    expect(rows).toEqual([]);
    expect(mailsTo(longEmail)).toEqual([]);
  });

  describe('changing the password while signed in', () => {
    // From the browser, as /api/auth is open to it: with its cookie, so it names its origin.
    const changePassword = (cookie: string, currentPassword: string, newPassword: string, on = auth) =>
      post(on, '/change-password', { currentPassword, newPassword, revokeOtherSessions: true }, { cookie, origin: BASE_URL });

    it('ends the other sessions and keeps this browser signed in with a fresh one', async () => {
      const email = newEmail();
      const here = await signUp(email);
      const elsewhere = sessionCookieOf(await signIn(email, PASSWORD));
      const response = await changePassword(here, PASSWORD, NEW_PASSWORD);
      expect(response.status).toBe(200);
      const renewed = sessionCookieOf(response);
      expect(renewed).not.toBe('');
      expect(await sessionOf(elsewhere)).toBeNull();
      expect((await sessionOf(renewed))?.user.email).toBe(email);
      expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    });

    it('ends the reset links sent before: an old mail cannot undo the change', async () => {
      const email = newEmail();
      const here = await signUp(email);
      await askForReset(email);
      const token = tokenIn(mailsTo(email).at(-1)!)!;
      expect(await resetTokenIsUsable(auth, token)).toBe(true);
      expect((await changePassword(here, PASSWORD, NEW_PASSWORD)).status).toBe(200);
      expect(await resetTokenIsUsable(auth, token)).toBe(false);
      expect((await post(auth, '/reset-password', { token, newPassword: 'the old mail speaks' })).status).toBe(400);
      expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    });

    it('a wrong current password changes nothing and leaves the links alone', async () => {
      const email = newEmail();
      const here = await signUp(email);
      await askForReset(email);
      const token = tokenIn(mailsTo(email).at(-1)!)!;
      expect((await changePassword(here, 'not the password', NEW_PASSWORD)).status).toBe(400);
      expect(await resetTokenIsUsable(auth, token)).toBe(true);
    });

    it(`lets a user's session check the password ${PASSWORD_CHECK_LIMIT.max} times per window, of ${BURST} wrong ones at once`, async () => {
      const email = newEmail();
      const cookie = await signUp(email);
      const responses = await Promise.all(Array.from({ length: BURST }, (_, i) => changePassword(cookie, `wrong guess ${i}`, NEW_PASSWORD, instance(i))));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(PASSWORD_CHECK_LIMIT.max).fill(400), ...Array(BURST - PASSWORD_CHECK_LIMIT.max).fill(429)]);
      // The right password too, now: the limit is taken before anything is checked, and it
      // holds for the deletion's confirmation (auth.api, from the server action) as well.
      expect((await changePassword(cookie, PASSWORD, NEW_PASSWORD)).status).toBe(429);
      await expect(auth.api.verifyPassword({ body: { password: PASSWORD }, headers: new Headers({ cookie }) })).rejects.toMatchObject({ status: 'TOO_MANY_REQUESTS' });
      const [user] = await opened.db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.email, email));
      const [row] = await opened.db
        .select({ count: requestLimits.count })
        .from(requestLimits)
        .where(and(eq(requestLimits.scope, PASSWORD_CHECK_LIMIT.scope), eq(requestLimits.key, user!.id)));
      expect(row).toEqual({ count: PASSWORD_CHECK_LIMIT.max + 1 });
      expect((await signIn(email, PASSWORD)).status).toBe(200);
    });
  });
});
