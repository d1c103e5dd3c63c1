import { randomBytes } from 'node:crypto';
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_SECONDS } from '@/lib/auth/known-device';
import { createAuth, dispatchAuthRequest, readAuthResponse, responseCookies, type AppAuth, type AuthSettings } from '@/lib/auth/server';
import { DEFAULT_SIGN_IN_THROTTLE, lockSecondsAfter } from '@/lib/auth/sign-in-throttle';
import type { AppDatabase, OpenedDatabase } from '@/lib/db/client';
import { signInThrottle } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';

// The per-account throttle through the library's handler, as a browser's requests meet it, on
// each database. The throttle is timed by the database's clock, so these tests move time by moving
// the throttle's rows into the past (advance()) rather than by waiting.

const BASE_URL = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
const POLICY = DEFAULT_SIGN_IN_THROTTLE; // 5 failures; 30 s, doubling, at most 15 min
const N = POLICY.maxFailures;

const unique = () => randomBytes(4).toString('hex');
// Each request from its own address, so only the per-account throttle can refuse it.
const newIp = () => `203.0.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const newEmail = () => `person-${unique()}@example.com`;

function post(auth: AppAuth, endpoint: string, body: unknown, extra: Record<string, string> = {}): Promise<Response> {
  return auth.handler(
    new Request(`${BASE_URL}/api/auth${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': newIp(), ...extra },
      body: JSON.stringify(body),
    }),
  );
}

/** A sign-in from a browser, with its cookies (`name=value; ...`) when it has any; then it names its origin, as browsers do. */
const signIn = (auth: AppAuth, email: string, password: string, cookie?: string) =>
  post(auth, '/sign-in/email', { email, password }, cookie ? { cookie, origin: BASE_URL } : {});

/** The device cookie a response sets, as `known_device=<value>` for the next request, and its Set-Cookie line. */
function deviceCookieOf(response: Response): { cookie: string; line: string } | undefined {
  const line = response.headers.getSetCookie().find((c) => c.startsWith(`${KNOWN_DEVICE_COOKIE}=`));
  return line ? { cookie: line.split(';')[0]!, line } : undefined;
}

/** Time passes for the throttle: every lock and forgetting time comes `seconds` nearer, by the database's clock. */
async function advance(db: AppDatabase, seconds: number): Promise<void> {
  const by = sql`make_interval(secs => ${seconds}::float8)`;
  await db.update(signInThrottle).set({ lockedUntil: sql`${signInThrottle.lockedUntil} - ${by}`, forgetAt: sql`${signInThrottle.forgetAt} - ${by}` });
}

describe('lockSecondsAfter', () => {
  it('is free up to the Nth failure, then 30 s doubling to a 15-minute cap', () => {
    expect([1, 2, 3, 4].map((n) => lockSecondsAfter(n, POLICY))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11].map((n) => lockSecondsAfter(n, POLICY))).toEqual([30, 60, 120, 240, 480, 900, 900]);
    expect(lockSecondsAfter(10_000, POLICY)).toBe(900);
  });
});

describe.each(availableBackends())('per-account sign-in throttle on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let auth: AppAuth;
  const settings: AuthSettings = {
    secret: randomBytes(32).toString('base64'),
    baseURL: BASE_URL,
    // The per-address limit is out of the way: each request comes from its own address anyway.
    signInLimit: { max: 1000, windowSeconds: 60 },
    accountThrottle: POLICY,
  };
  const rowOf = async (email: string) =>
    (await opened.db.select().from(signInThrottle).where(eq(signInThrottle.email, email.toLowerCase())))[0];
  /** The rows of the device keys of `email`. */
  const deviceRowsOf = (email: string) => opened.db.select().from(signInThrottle).where(like(signInThrottle.email, `${email.toLowerCase()}#%`));
  const elapse = (seconds: number) => advance(opened.db, seconds);

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    auth = createAuth(opened.db, settings);
  });
  afterAll(async () => {
    await opened.close();
    await store.dispose();
  });

  async function signUp(email: string) {
    const response = await post(auth, '/sign-up/email', { email, password: PASSWORD, name: 'Li Si' });
    expect(response.status).toBe(200);
    return response;
  }

  /** Signs up `email` and signs in once from the owner's browser: the device cookie it keeps. */
  async function ownersBrowser(email: string): Promise<string> {
    await signUp(email);
    const first = await signIn(auth, email, PASSWORD);
    expect(first.status).toBe(200);
    return deviceCookieOf(first)!.cookie;
  }

  /** A stranger fails 30 times at once against `email`, from 30 addresses: the address is locked. */
  async function strangerLocks(email: string) {
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(auth, email, `guess ${i}`)));
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(N).fill(401), ...Array(30 - N).fill(429)]);
  }

  async function statuses(responses: Response[]) {
    return responses.map((r) => r.status).sort();
  }

  it(`lets 30 concurrent wrong passwords for one account check the password ${N} times, and refuses the rest before`, async () => {
    const email = newEmail();
    await signUp(email);
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(auth, email, `wrong ${i}`)));
    // A 401 is the library's answer after looking the password up; a 429 is the throttle's, before.
    expect(await statuses(responses)).toEqual([...Array(N).fill(401), ...Array(30 - N).fill(429)]);
    const refused = responses.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('x-retry-after'))).toBe(30);
    expect(await readAuthResponse(refused)).toEqual({ ok: false, code: 'account_paused', retryAfterSeconds: 30 });
    expect(await rowOf(email)).toMatchObject({ failures: N });
  });

  it('refuses the right password while locked, accepts it once the lock has passed, and a success starts afresh', async () => {
    const email = newEmail();
    await signUp(email);
    for (let i = 0; i < N; i++) expect((await signIn(auth, email, `wrong ${i}`)).status).toBe(401);

    const locked = await signIn(auth, email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.getSetCookie()).toEqual([]);

    await elapse(29);
    expect((await signIn(auth, email, PASSWORD)).status).toBe(429);
    expect(Number((await signIn(auth, email, PASSWORD)).headers.get('x-retry-after'))).toBe(1);
    await elapse(1);
    const accepted = await signIn(auth, email, PASSWORD);
    expect(accepted.status).toBe(200);
    expect(await rowOf(email)).toBeUndefined();

    // Afresh: N - 1 more failures and the right password still goes through.
    for (let i = 0; i < N - 1; i++) expect((await signIn(auth, email, `again ${i}`)).status).toBe(401);
    expect((await signIn(auth, email, PASSWORD)).status).toBe(200);
  });

  it('doubles the lock with each failure after it, up to 15 minutes; refused attempts neither count nor lengthen it', async () => {
    const email = newEmail();
    await signUp(email);
    for (let i = 0; i < N; i++) await signIn(auth, email, `wrong ${i}`);
    const waits: number[] = [];
    for (let round = 0; round < 7; round++) {
      const refused = await signIn(auth, email, PASSWORD);
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('x-retry-after'));
      waits.push(wait);
      // Hammering during the lock changes nothing.
      await Promise.all(Array.from({ length: 5 }, () => signIn(auth, email, 'hammer')));
      await elapse(wait);
      expect((await signIn(auth, email, `late ${round}`)).status).toBe(401);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
    expect(await rowOf(email)).toMatchObject({ failures: N + 7 });
  });

  it('forgets the failures after an hour without attempts', async () => {
    const email = newEmail();
    await signUp(email);
    for (let i = 0; i < N - 1; i++) await signIn(auth, email, `wrong ${i}`);
    await elapse(POLICY.forgetAfterSeconds);
    for (let i = 0; i < N - 1; i++) expect((await signIn(auth, email, `later ${i}`)).status).toBe(401);
    expect(await rowOf(email)).toMatchObject({ failures: N - 1 });
  });

  it('treats an address nobody registered exactly like a real account, whatever its case', async () => {
    const real = newEmail();
    await signUp(real);
    const nobody = newEmail();
    const answers = async (email: string) => {
      const responses = [];
      for (let i = 0; i < N + 1; i++) responses.push(await signIn(auth, i % 2 ? email.toUpperCase() : email, `wrong ${i}`));
      return Promise.all(responses.map(async (r) => ({ status: r.status, retryAfter: r.headers.get('x-retry-after'), body: await r.json() })));
    };
    expect(await answers(nobody)).toEqual(await answers(real));
  });

  it('holds across two app instances (on PostgreSQL each with its own pool)', async () => {
    // The embedded database admits one process; there the two instances share it.
    const other = kind === 'postgres' ? await store.open() : opened;
    try {
      const second = createAuth(other.db, settings);
      const email = newEmail();
      await signUp(email);
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => signIn(i % 2 ? second : auth, email, `wrong ${i}`)),
      );
      expect(await statuses(responses)).toEqual([...Array(N).fill(401), ...Array(30 - N).fill(429)]);
      expect((await signIn(second, email, PASSWORD)).status).toBe(429);
      await elapse(30);
      expect((await signIn(second, email, PASSWORD)).status).toBe(200);
      expect(await rowOf(email)).toBeUndefined();
    } finally {
      if (other !== opened) await other.close();
    }
  });

  // Only PostgreSQL: the embedded database runs inside this process and reads its clock (faking
  // Date moves it too), and it admits one process, so two instances with two clocks cannot exist.
  it.skipIf(kind !== 'postgres')('times locks by the database clock: two instances whose clocks are two minutes apart see one lock', async () => {
    const other = await store.open();
    const realNow = Date.now();
    /** This process's clock, as an instance running `offsetSeconds` from the true time would read it. */
    const clockAt = (offsetSeconds: number) => vi.setSystemTime(realNow + offsetSeconds * 1000);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const behind = auth;
      const ahead = createAuth(other.db, settings);
      const retryAfter = (response: Response) => Number(response.headers.get('x-retry-after'));

      // Locked by the instance whose clock is behind: by its own clock the one ahead would see
      // the 30-second lock as long over and let the password be checked.
      const first = newEmail();
      await signUp(first);
      clockAt(-60);
      for (let i = 0; i < N; i++) expect((await signIn(behind, first, `wrong ${i}`)).status).toBe(401);
      clockAt(+60);
      const refusedAhead = await signIn(ahead, first, PASSWORD);
      expect(refusedAhead.status).toBe(429);
      expect(retryAfter(refusedAhead)).toBe(30);

      // Locked by the instance ahead: the one behind would make the wait two minutes longer.
      const second = newEmail();
      await signUp(second);
      for (let i = 0; i < N; i++) expect((await signIn(ahead, second, `wrong ${i}`)).status).toBe(401);
      clockAt(-60);
      const refusedBehind = await signIn(behind, second, PASSWORD);
      expect(refusedBehind.status).toBe(429);
      expect(retryAfter(refusedBehind)).toBe(30);

      // Thirty seconds later by the database, both let either owner in, whatever their clocks say.
      await elapse(30);
      expect((await signIn(behind, first, PASSWORD)).status).toBe(200);
      clockAt(+60);
      expect((await signIn(ahead, second, PASSWORD)).status).toBe(200);
    } finally {
      vi.useRealTimers();
      await other.close();
    }
  });

  describe('the device cookie', () => {
    it('is given to a browser that signs in or signs up: httpOnly, SameSite=Lax, path /, a year, Secure only over https', async () => {
      const email = newEmail();
      const up = deviceCookieOf(await signUp(email));
      expect(up?.line).toMatch(/; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
      expect(KNOWN_DEVICE_MAX_AGE_SECONDS).toBe(31_536_000);

      const plain = deviceCookieOf(await signIn(auth, email, PASSWORD));
      expect(plain?.line).toMatch(/; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
      const overHttps = await post(auth, '/sign-in/email', { email, password: PASSWORD }, { 'x-forwarded-proto': 'https' });
      expect(deviceCookieOf(overHttps)?.line).toMatch(/; Max-Age=31536000; Path=\/; HttpOnly; Secure; SameSite=Lax$/);

      // The browser keeps its device id: signing in with the cookie renews the same one.
      const renewed = deviceCookieOf(await signIn(auth, email, PASSWORD, plain!.cookie));
      expect(renewed?.cookie.split('.')[0]).toBe(plain!.cookie.split('.')[0]);
      // A failed sign-in sets none.
      expect(deviceCookieOf(await signIn(auth, email, 'wrong password'))).toBeUndefined();
    });

    it("lets the owner's browser in at once while a stranger's 30 failures hold the address locked; without it the owner waits", async () => {
      const email = newEmail();
      const device = await ownersBrowser(email);
      await strangerLocks(email);

      const owner = await signIn(auth, email, PASSWORD, device);
      expect(owner.status).toBe(200);
      expect(await readAuthResponse(owner.clone())).toMatchObject({ ok: true, user: { email } });
      // The same person in another browser, without the cookie, is throttled as before.
      const elsewhere = await signIn(auth, email, PASSWORD);
      expect(elsewhere.status).toBe(429);
      expect(await readAuthResponse(elsewhere)).toMatchObject({ ok: false, code: 'account_paused' });
      // The owner's success does not lift the stranger's lock, nor hand the stranger fresh tries.
      expect(await rowOf(email)).toMatchObject({ failures: N });
      expect((await signIn(auth, email, 'guess again')).status).toBe(429);

      // A wrong password on the owner's browser still counts, on the browser's own key, and a
      // success there clears that key only.
      expect((await signIn(auth, email, 'typo', device)).status).toBe(401);
      expect(await deviceRowsOf(email)).toMatchObject([{ failures: 1 }]);
      expect((await signIn(auth, email, PASSWORD, device)).status).toBe(200);
      expect(await deviceRowsOf(email)).toEqual([]);
      expect(await rowOf(email)).toMatchObject({ failures: N });
    });

    it('ignores a forged or altered cookie, one made for another email or by another secret, and one from before a password change', async () => {
      const email = newEmail();
      const device = await ownersBrowser(email);
      const [deviceId, tag, mac] = device.slice(`${KNOWN_DEVICE_COOKIE}=`.length).split('.') as [string, string, string];
      const flip = (text: string) => `${text.slice(0, -2)}${text.at(-2) === 'A' ? 'B' : 'A'}${text.at(-1)}`;

      const otherEmail = newEmail();
      const othersDevice = await ownersBrowser(otherEmail);
      const otherSecret = createAuth(opened.db, { ...settings, secret: randomBytes(32).toString('base64') });
      const foreignSecret = deviceCookieOf(await signIn(otherSecret, email, PASSWORD))!.cookie;

      const beforeChange = newEmail();
      const staleDevice = await ownersBrowser(beforeChange);
      const session = (await signIn(auth, beforeChange, PASSWORD, staleDevice)).headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const changed = await post(auth, '/change-password', { currentPassword: PASSWORD, newPassword: `new ${PASSWORD}` }, { cookie: session, origin: BASE_URL });
      expect(changed.status).toBe(200);

      await strangerLocks(email);
      await strangerLocks(beforeChange);
      const cookies = [
        `${KNOWN_DEVICE_COOKIE}=not-a-cookie`,
        `${KNOWN_DEVICE_COOKIE}=${deviceId}.${tag}.${flip(mac)}`,
        `${KNOWN_DEVICE_COOKIE}=${flip(deviceId)}.${tag}.${mac}`,
        `${KNOWN_DEVICE_COOKIE}=${deviceId}.${flip(tag)}.${mac}`,
        `${KNOWN_DEVICE_COOKIE}=${deviceId}.${tag}.${mac}.${mac}`,
        othersDevice,
        foreignSecret,
      ];
      for (const cookie of cookies) {
        const response = await signIn(auth, email, PASSWORD, cookie);
        expect(response.status, cookie).toBe(429);
        expect(await readAuthResponse(response)).toMatchObject({ ok: false, code: 'account_paused' });
      }
      // The cookie was made with the old password: after the change it proves nothing.
      expect((await signIn(auth, beforeChange, `new ${PASSWORD}`, staleDevice)).status).toBe(429);
      // None of them got a key of its own; the real cookie still does.
      expect(await deviceRowsOf(email)).toEqual([]);
      expect((await signIn(auth, email, PASSWORD, device)).status).toBe(200);
    });

    it(`lets 30 concurrent wrong passwords from a known device check the password ${N} times, and leaves the address's key alone`, async () => {
      const email = newEmail();
      const device = await ownersBrowser(email);
      const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(auth, email, `wrong ${i}`, device)));
      expect(await statuses(responses)).toEqual([...Array(N).fill(401), ...Array(30 - N).fill(429)]);
      const refused = responses.find((r) => r.status === 429)!;
      expect(Number(refused.headers.get('x-retry-after'))).toBe(30);
      expect(await deviceRowsOf(email)).toMatchObject([{ failures: N }]);
      // The device is locked, right password or not, until its lock has passed.
      expect((await signIn(auth, email, PASSWORD, device)).status).toBe(429);
      // Its failures are its own: the address's key has none, and another browser signs in.
      expect(await rowOf(email)).toBeUndefined();
      expect((await signIn(auth, email, PASSWORD)).status).toBe(200);
      await elapse(30);
      expect((await signIn(auth, email, PASSWORD, device)).status).toBe(200);
      expect(await deviceRowsOf(email)).toEqual([]);
    });

    it('comes through a server action both ways: the browser\'s cookie goes in, the renewed one comes out', async () => {
      const email = newEmail();
      const device = await ownersBrowser(email);
      await strangerLocks(email);
      const incoming = (cookie?: string) =>
        new Headers({
          'x-forwarded-for': newIp(),
          'x-forwarded-proto': 'https',
          'user-agent': 'browser',
          // Everything a browser sends; only the device cookie is for the sign-in.
          ...(cookie ? { cookie: `locale=en; better-auth.session_token=stale.value; ${cookie}` } : {}),
        });

      const withCookie = await dispatchAuthRequest(auth, '/sign-in/email', { email, password: PASSWORD }, incoming(device));
      expect(await readAuthResponse(withCookie.clone())).toMatchObject({ ok: true, user: { email } });
      // What the action hands to Next's cookie store (applyResponseCookies).
      const set = responseCookies(withCookie).find((c) => c.name === KNOWN_DEVICE_COOKIE);
      expect(set).toMatchObject({
        value: device.slice(`${KNOWN_DEVICE_COOKIE}=`.length),
        options: { maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS, path: '/', httpOnly: true, secure: true, sameSite: 'lax' },
      });

      const without = await dispatchAuthRequest(auth, '/sign-in/email', { email, password: PASSWORD }, incoming());
      expect(await readAuthResponse(without)).toMatchObject({ ok: false, code: 'account_paused' });
    });
  });
});
