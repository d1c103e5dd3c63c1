import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appOrigins } from '@/lib/auth/origin';
import { createAuth, dispatchAuthRequest, readAuthResponse, readSessionUser, type AppAuth } from '@/lib/auth/server';
import type { OpenedDatabase } from '@/lib/db/client';
import { authAccounts, authRateLimits, authSessions, authUsers, requestLimits, signInThrottle } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';

const BASE_URL = 'http://localhost:3000';
const MAX_ATTEMPTS = 3;

const unique = () => randomBytes(4).toString('hex');
// Every test signs in from its own address, so the rate limit of one never touches another.
const newIp = () => `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const newEmail = () => `person-${unique()}@example.com`;
const PASSWORD = 'correct horse battery';

function post(auth: AppAuth, endpoint: string, body: unknown, extra: Record<string, string> = {}): Promise<Response> {
  return auth.handler(
    new Request(`${BASE_URL}/api/auth${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'vitest', ...extra },
      body: JSON.stringify(body),
    }),
  );
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a browser would send them back. */
function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe.each(availableBackends())('auth on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let auth: AppAuth;
  const db = () => opened.db;
  const settings = {
    secret: randomBytes(32).toString('base64'),
    baseURL: BASE_URL,
    signInLimit: { max: MAX_ATTEMPTS, windowSeconds: 60 },
  };

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    auth = createAuth(opened.db, settings);
  });
  afterAll(async () => {
    await opened.close();
    await store.dispose();
  });

  async function signUp(email: string, ip = newIp()) {
    const response = await post(auth, '/sign-up/email', { email, password: PASSWORD, name: 'Zhang San' }, { 'x-forwarded-for': ip });
    expect(response.status).toBe(200);
    return response;
  }

  it('signs up: a user row, a password account holding a hash, a session row and its cookie', async () => {
    const email = newEmail();
    const response = await signUp(email);
    expect(cookieHeader(response)).toMatch(/better-auth\.session_token=/);

    const [user] = await db().select().from(authUsers).where(eq(authUsers.email, email));
    expect(user).toMatchObject({ email, name: 'Zhang San', emailVerified: false });
    const accounts = await db().select().from(authAccounts).where(eq(authAccounts.userId, user!.id));
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.providerId).toBe('credential');
    expect(accounts[0]!.password).toBeTruthy();
    expect(accounts[0]!.password).not.toContain(PASSWORD);
    const sessions = await db().select().from(authSessions).where(eq(authSessions.userId, user!.id));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.userAgent).toBe('vitest');
  });

  it('refuses a second sign-up with the same address, whatever its case, without saying it is taken', async () => {
    const email = newEmail();
    await signUp(email);
    const again = await post(auth, '/sign-up/email', { email: email.toUpperCase(), password: PASSWORD, name: 'x' }, { 'x-forwarded-for': newIp() });
    expect(again.status).toBe(422); // the library keeps the status of the refusal it replaced; a failed insert is 422 too
    expect(again.headers.getSetCookie()).toEqual([]);
    const body = await again.clone().json();
    expect(body).toEqual({ code: 'SIGN_UP_NOT_COMPLETED', message: 'The account could not be created.' });
    expect(await readAuthResponse(again)).toEqual({ ok: false, code: 'sign_up_not_completed' });
    expect(await db().select().from(authUsers).where(eq(authUsers.email, email))).toHaveLength(1);
  });

  it('limits sign-ups per client address with their own allowance', async () => {
    const limited = createAuth(db(), { ...settings, signUpLimit: { max: 2, windowSeconds: 3600 } });
    const ip = newIp();
    for (let i = 0; i < 2; i++) {
      expect((await post(limited, '/sign-up/email', { email: newEmail(), password: PASSWORD, name: 'x' }, { 'x-forwarded-for': ip })).status).toBe(200);
    }
    const refused = await post(limited, '/sign-up/email', { email: newEmail(), password: PASSWORD, name: 'x' }, { 'x-forwarded-for': ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('x-retry-after'))).toBeGreaterThan(60);
  });

  it('signs in with the right password; the cookie identifies the user through a session row', async () => {
    const email = newEmail();
    await signUp(email);
    const response = await post(auth, '/sign-in/email', { email, password: PASSWORD }, { 'x-forwarded-for': newIp() });
    expect(response.status).toBe(200);

    const user = await readSessionUser(auth, new Headers({ cookie: cookieHeader(response) }));
    expect(user).toMatchObject({ email, name: 'Zhang San' });
    const sessions = await db().select().from(authSessions).where(eq(authSessions.userId, user!.id));
    expect(sessions).toHaveLength(2); // one from sign-up, one from this sign-in
  });

  it('refuses a wrong password, and an unknown address, with the same answer', async () => {
    const email = newEmail();
    await signUp(email);
    const wrong = await post(auth, '/sign-in/email', { email, password: 'not the password' }, { 'x-forwarded-for': newIp() });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const unknown = await post(auth, '/sign-in/email', { email: newEmail(), password: PASSWORD }, { 'x-forwarded-for': newIp() });
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('has no session without a cookie, or with a forged one', async () => {
    expect(await readSessionUser(auth, new Headers())).toBeNull();
    expect(await readSessionUser(auth, new Headers({ cookie: `better-auth.session_token=${unique()}.${unique()}` }))).toBeNull();
  });

  it(`stops sign-in attempts from one IP after ${MAX_ATTEMPTS}, even with the right password, and counts in the database`, async () => {
    const email = newEmail();
    await signUp(email);
    const ip = newIp();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const response = await post(auth, '/sign-in/email', { email, password: `wrong ${i}` }, { 'x-forwarded-for': ip });
      expect(response.status).toBe(401);
    }
    const limited = await post(auth, '/sign-in/email', { email, password: PASSWORD }, { 'x-forwarded-for': ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('x-retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.getSetCookie()).toEqual([]);

    // Counted by the app's own limiter (lib/limits/address-limit.ts), not the library's.
    const [counter] = await db()
      .select()
      .from(requestLimits)
      .where(and(eq(requestLimits.scope, 'sign_in:address'), eq(requestLimits.key, ip)));
    expect(counter?.count).toBe(MAX_ATTEMPTS + 1);
    expect(await db().select().from(authRateLimits).where(eq(authRateLimits.key, `${ip}|/sign-in/email`))).toEqual([]);

    // Someone else, from another address, is not affected.
    const other = await post(auth, '/sign-in/email', { email, password: PASSWORD }, { 'x-forwarded-for': newIp() });
    expect(other.status).toBe(200);
  });

  it('does not count or limit session reads', async () => {
    const ip = newIp();
    const cookie = cookieHeader(await signUp(newEmail()));
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      const response = await auth.handler(new Request(`${BASE_URL}/api/auth/get-session`, { headers: { cookie, 'x-forwarded-for': ip } }));
      expect(response.status).toBe(200);
    }
    expect(await db().select().from(authRateLimits).where(eq(authRateLimits.key, `${ip}|/get-session`))).toEqual([]);
  });

  it('holds the limit across two app instances sharing the database', async () => {
    const email = newEmail();
    await signUp(email);
    const second = createAuth(db(), settings);
    const ip = newIp();
    const attempt = (instance: AppAuth) => post(instance, '/sign-in/email', { email, password: 'wrong' }, { 'x-forwarded-for': ip });
    expect((await attempt(auth)).status).toBe(401);
    expect((await attempt(second)).status).toBe(401);
    expect((await attempt(auth)).status).toBe(401);
    expect((await attempt(second)).status).toBe(429);
  });

  describe('the per-address limit', () => {
    const BURST = 30;
    const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();
    /** A second instance: on PostgreSQL with its own pool, as another process would have. */
    async function withTwoInstances(run: (instances: [AppAuth, AppAuth]) => Promise<void>) {
      const other = kind === 'postgres' ? await store.open() : opened;
      try {
        await run([auth, createAuth(other.db, settings)]);
      } finally {
        if (other !== opened) await other.close();
      }
    }

    it(`let exactly ${MAX_ATTEMPTS} sign-ins with different emails reach the password check${kind === 'postgres' ? ', across two instances' : ''}; the rest are refused before`, async () => {
      await withTwoInstances(async (instances) => {
        const ip = newIp();
        const emails = Array.from({ length: BURST }, () => newEmail());
        const responses = await Promise.all(
          emails.map((email, i) => post(instances[i % 2]!, '/sign-in/email', { email, password: 'wrong password' }, { 'x-forwarded-for': ip })),
        );
        // 401 is the library's answer after looking the password up; 429 the address limit's, before.
        expect(statuses(responses)).toEqual([...Array(MAX_ATTEMPTS).fill(401), ...Array(BURST - MAX_ATTEMPTS).fill(429)]);
        const refused = responses.find((r) => r.status === 429)!;
        const retryAfter = Number(refused.headers.get('x-retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(await refused.clone().json()).toEqual({ message: 'Too many requests. Please try again later.' });
        expect(await readAuthResponse(refused)).toEqual({ ok: false, code: 'rate_limited', retryAfterSeconds: retryAfter });
        // Refused by address, an attempt counts against no account: only the checked ones are remembered.
        const remembered = await db().select().from(signInThrottle).where(inArray(signInThrottle.email, emails));
        expect(remembered).toHaveLength(MAX_ATTEMPTS);

        // Someone else, from another address, signs in at once, on either instance.
        const email = newEmail();
        await signUp(email);
        for (const instance of instances) {
          expect((await post(instance, '/sign-in/email', { email, password: PASSWORD }, { 'x-forwarded-for': newIp() })).status).toBe(200);
        }
      });
    });

    it(`let exactly the sign-up limit through${kind === 'postgres' ? ', across two instances' : ''}; another address is unaffected`, async () => {
      const SIGN_UPS = 2;
      const limitedSettings = { ...settings, signUpLimit: { max: SIGN_UPS, windowSeconds: 3600 } };
      const other = kind === 'postgres' ? await store.open() : opened;
      try {
        const instances = [createAuth(db(), limitedSettings), createAuth(other.db, limitedSettings)] as const;
        const ip = newIp();
        const emails = Array.from({ length: BURST }, () => newEmail());
        const responses = await Promise.all(
          emails.map((email, i) => post(instances[i % 2]!, '/sign-up/email', { email, password: PASSWORD, name: 'x' }, { 'x-forwarded-for': ip })),
        );
        expect(statuses(responses)).toEqual([...Array(SIGN_UPS).fill(200), ...Array(BURST - SIGN_UPS).fill(429)]);
        expect(Number(responses.find((r) => r.status === 429)!.headers.get('x-retry-after'))).toBeGreaterThan(3500);
        expect(await db().select().from(authUsers).where(inArray(authUsers.email, emails))).toHaveLength(SIGN_UPS);

        const elsewhere = await post(instances[1], '/sign-up/email', { email: newEmail(), password: PASSWORD, name: 'x' }, { 'x-forwarded-for': newIp() });
        expect(elsewhere.status).toBe(200);
      } finally {
        if (other !== opened) await other.close();
      }
    });

    it('holds across two instances whose clocks disagree: the window is timed by the database', async () => {
      // Instance A's clock runs two minutes ahead of B's, more than the 60 s window. A limiter timed
      // by each instance's own clock sees every request of A as "the window has passed" and starts
      // afresh (better-auth's own did: all 12 got 401).
      const [a, b] = [auth, createAuth(db(), settings)];
      const ip = newIp();
      const seen: number[] = [];
      try {
        for (let i = 0; i < 12; i++) {
          vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + (i % 2 === 0 ? 120_000 : 0) });
          const response = await post(i % 2 === 0 ? a : b, '/sign-in/email', { email: newEmail(), password: 'wrong' }, { 'x-forwarded-for': ip });
          vi.useRealTimers();
          seen.push(response.status);
        }
      } finally {
        vi.useRealTimers();
      }
      expect(seen).toEqual([...Array(MAX_ATTEMPTS).fill(401), ...Array(12 - MAX_ATTEMPTS).fill(429)]);
    });

    it('counts an IPv6 client by its /64', async () => {
      const net = `2001:db8:${randomBytes(2).toString('hex')}:7`;
      const responses = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          post(auth, '/sign-in/email', { email: newEmail(), password: 'wrong' }, { 'x-forwarded-for': `${net}::${(i + 1).toString(16)}` }),
        ),
      );
      expect(statuses(responses)).toEqual([...Array(MAX_ATTEMPTS).fill(401), ...Array(BURST - MAX_ATTEMPTS).fill(429)]);
    });
  });

  it('does not limit a call from the server itself (auth.api without headers): it has no client address', async () => {
    const email = newEmail();
    await signUp(email);
    for (let i = 0; i < MAX_ATTEMPTS + 1; i++) {
      await expect(auth.api.signInEmail({ body: { email, password: `wrong ${i}` } })).rejects.toMatchObject({ statusCode: 401 });
    }
    const signedIn = await auth.api.signInEmail({ body: { email, password: PASSWORD } });
    expect(signedIn.user.email).toBe(email);
  });

  it('rate limits sign-in from a server action too (dispatched through the handler)', async () => {
    const email = newEmail();
    await signUp(email);
    const incoming = new Headers({ 'x-forwarded-for': newIp(), host: 'localhost:3000', 'user-agent': 'browser' });
    const ok = await readAuthResponse(await dispatchAuthRequest(auth, '/sign-in/email', { email, password: PASSWORD }, incoming));
    expect(ok).toMatchObject({ ok: true, user: { email } });
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      const wrong = await readAuthResponse(await dispatchAuthRequest(auth, '/sign-in/email', { email, password: 'wrong' }, incoming));
      expect(wrong).toEqual({ ok: false, code: 'invalid_credentials' });
    }
    const limited = await readAuthResponse(await dispatchAuthRequest(auth, '/sign-in/email', { email, password: PASSWORD }, incoming));
    expect(limited).toMatchObject({ ok: false, code: 'rate_limited' });
    expect(limited.ok || limited.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('signs out: the session row goes and the cookie no longer identifies anyone', async () => {
    const email = newEmail();
    const response = await signUp(email);
    const cookie = cookieHeader(response);
    const user = await readSessionUser(auth, new Headers({ cookie }));
    expect(user).not.toBeNull();

    const out = await post(auth, '/sign-out', {}, { cookie, origin: BASE_URL, 'x-forwarded-for': newIp() });
    expect(out.status).toBe(200);
    expect(await db().select().from(authSessions).where(eq(authSessions.userId, user!.id))).toHaveLength(0);
    expect(await readSessionUser(auth, new Headers({ cookie }))).toBeNull();
  });

  it('refuses sign-out from another site', async () => {
    const response = await signUp(newEmail());
    const cookie = cookieHeader(response);
    const out = await post(auth, '/sign-out', {}, { cookie, origin: 'https://evil.example', 'x-forwarded-for': newIp() });
    expect(out.status).toBe(403);
    expect(await readSessionUser(auth, new Headers({ cookie }))).not.toBeNull();
  });

  describe('the app\'s own origin (lib/auth/origin.ts), as a browser sends it', () => {
    const PORT = 3117;
    /** A browser's request to the app opened at `opened`, its Origin header saying `origin`. */
    const fromPage = (instance: AppAuth, opened: string, origin: string, endpoint: string, body: unknown) =>
      instance.handler(
        new Request(`${opened}/api/auth${endpoint}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'vitest', origin, 'x-forwarded-for': newIp() },
          body: JSON.stringify(body),
        }),
      );
    const embedded = () => {
      const origins = appOrigins({ BETTER_AUTH_URL: undefined, PORT });
      return createAuth(db(), { ...settings, baseURL: origins.origin, trustedOrigins: origins.trusted });
    };

    it('without BETTER_AUTH_URL, accepts sign-up and sign-in from http://127.0.0.1:PORT and http://localhost:PORT', async () => {
      const instance = embedded();
      // Whatever host the request's own URL names (next start names its own), the Origin decides.
      for (const [served, opened] of [
        [`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`],
        [`http://127.0.0.1:${PORT}`, `http://127.0.0.1:${PORT}`],
        [`http://localhost:${PORT}`, `http://localhost:${PORT}`],
      ] as const) {
        const email = newEmail();
        const up = await fromPage(instance, served, opened, '/sign-up/email', { email, password: PASSWORD, name: 'Li Si' });
        expect(up.status).toBe(200);
        const signIn = await fromPage(instance, served, opened, '/sign-in/email', { email, password: PASSWORD });
        expect(signIn.status).toBe(200);
        expect(await readSessionUser(instance, new Headers({ cookie: cookieHeader(signIn) }))).toMatchObject({ email });
      }
    });

    it('without BETTER_AUTH_URL, refuses another site, another port and another address of this machine', async () => {
      const instance = embedded();
      const email = newEmail();
      await signUp(email);
      for (const origin of ['http://evil.example', `http://127.0.0.1:${PORT + 1}`, `http://192.168.1.20:${PORT}`, `https://localhost:${PORT}`]) {
        const up = await fromPage(instance, `http://127.0.0.1:${PORT}`, origin, '/sign-up/email', { email: newEmail(), password: PASSWORD, name: 'x' });
        expect(up.status).toBe(403);
        expect(await up.json()).toMatchObject({ code: 'INVALID_ORIGIN' });
        const signIn = await fromPage(instance, `http://127.0.0.1:${PORT}`, origin, '/sign-in/email', { email, password: PASSWORD });
        expect(signIn.status).toBe(403);
        expect(signIn.headers.getSetCookie()).toEqual([]);
      }
    });

    it('says nothing about a missing base URL when created (every start used to)', async () => {
      const said: unknown[] = [];
      const spies = (['log', 'info', 'warn', 'error'] as const).map((level) =>
        vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void said.push(...args)),
      );
      try {
        // The library sets itself up asynchronously; the warning came from that.
        await embedded().$context;
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      expect(said.map(String).filter((line) => /base url/i.test(line))).toEqual([]);
    });

    it('with BETTER_AUTH_URL, trusts that origin only, not the loopback addresses', async () => {
      const origins = appOrigins({ BETTER_AUTH_URL: 'https://mail.example.com', PORT });
      const instance = createAuth(db(), { ...settings, baseURL: origins.origin, trustedOrigins: origins.trusted });
      const ok = await fromPage(instance, 'https://mail.example.com', 'https://mail.example.com', '/sign-up/email', { email: newEmail(), password: PASSWORD, name: 'x' });
      expect(ok.status).toBe(200);
      const loopback = await fromPage(instance, `http://127.0.0.1:${PORT}`, `http://127.0.0.1:${PORT}`, '/sign-up/email', { email: newEmail(), password: PASSWORD, name: 'x' });
      expect(loopback.status).toBe(403);
    });
  });
});
