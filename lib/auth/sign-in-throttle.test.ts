import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, readAuthResponse, type AppAuth, type AuthSettings } from '@/lib/auth/server';
import { DEFAULT_SIGN_IN_THROTTLE, lockSecondsAfter } from '@/lib/auth/sign-in-throttle';
import type { OpenedDatabase } from '@/lib/db/client';
import { signInThrottle } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';

const BASE_URL = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
const POLICY = DEFAULT_SIGN_IN_THROTTLE; // 5 failures; 30 s, doubling, at most 15 min
const N = POLICY.maxFailures;

const unique = () => randomBytes(4).toString('hex');
// Each request from its own address, so only the per-account throttle can refuse it.
const newIp = () => `203.0.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const newEmail = () => `person-${unique()}@example.com`;

function post(auth: AppAuth, endpoint: string, body: unknown): Promise<Response> {
  return auth.handler(
    new Request(`${BASE_URL}/api/auth${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': newIp() },
      body: JSON.stringify(body),
    }),
  );
}

const signIn = (auth: AppAuth, email: string, password: string) => post(auth, '/sign-in/email', { email, password });

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
  let clockMs = Date.parse('2030-01-01T00:00:00Z');
  const advance = (seconds: number) => {
    clockMs += seconds * 1000;
  };
  const settings: AuthSettings = {
    secret: randomBytes(32).toString('base64'),
    baseURL: BASE_URL,
    // The per-address limit is out of the way: each request comes from its own address anyway.
    signInLimit: { max: 1000, windowSeconds: 60 },
    accountThrottle: POLICY,
    now: () => new Date(clockMs),
  };
  const rowOf = async (email: string) =>
    (await opened.db.select().from(signInThrottle).where(eq(signInThrottle.email, email.toLowerCase())))[0];

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
    advance(31); // leave the next tests a clean clock
  });

  it('refuses the right password while locked, accepts it once the lock has passed, and a success starts afresh', async () => {
    const email = newEmail();
    await signUp(email);
    for (let i = 0; i < N; i++) expect((await signIn(auth, email, `wrong ${i}`)).status).toBe(401);

    const locked = await signIn(auth, email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.getSetCookie()).toEqual([]);

    advance(29);
    expect((await signIn(auth, email, PASSWORD)).status).toBe(429);
    expect(Number((await signIn(auth, email, PASSWORD)).headers.get('x-retry-after'))).toBe(1);
    advance(1);
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
      advance(wait);
      expect((await signIn(auth, email, `late ${round}`)).status).toBe(401);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
    expect(await rowOf(email)).toMatchObject({ failures: N + 7 });
  });

  it('forgets the failures after an hour without attempts', async () => {
    const email = newEmail();
    await signUp(email);
    for (let i = 0; i < N - 1; i++) await signIn(auth, email, `wrong ${i}`);
    advance(POLICY.forgetAfterSeconds);
    for (let i = 0; i < N - 1; i++) expect((await signIn(auth, email, `later ${i}`)).status).toBe(401);
    expect(await rowOf(email)).toMatchObject({ failures: N - 1 });
    advance(POLICY.forgetAfterSeconds);
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
    advance(31);
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
      advance(30);
      expect((await signIn(second, email, PASSWORD)).status).toBe(200);
      expect(await rowOf(email)).toBeUndefined();
    } finally {
      if (other !== opened) await other.close();
    }
  });
});
