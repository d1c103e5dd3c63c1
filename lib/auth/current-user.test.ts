import { randomBytes } from 'node:crypto';
import { RequestCookies } from 'next/dist/compiled/@edge-runtime/cookies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userFromCookies } from '@/lib/auth/current-user';
import { createAuth, type AppAuth } from '@/lib/auth/server';
import type { OpenedDatabase } from '@/lib/db/client';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';

// The header and the wizard's notes ask who is signed in on every page view of `/`. A visitor
// without a session cookie must cost no query; someone signed in is found from the cookies as
// Next's cookie store hands them over (parsed, then written out again), which is how the page
// drawn again after the inline sign-in action reads the cookie that action has just set.

const BASE_URL = 'http://localhost:3000';

/** What a browser sends back for a response's Set-Cookie headers, as Next's cookie store writes it out. */
function asNextWritesThem(response: Response, others = 'locale=zh'): string {
  const sent = [others, ...response.headers.getSetCookie().map((cookie) => cookie.split(';')[0])].join('; ');
  return new RequestCookies(new Headers({ cookie: sent })).toString();
}

describe.each(availableBackends())('who is signed in, on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let auth: AppAuth;

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    auth = createAuth(opened.db, { secret: randomBytes(32).toString('base64'), baseURL: BASE_URL, signInLimit: { max: 100, windowSeconds: 60 } });
  });
  afterAll(async () => {
    await opened.close();
    await store.dispose();
  });

  const post = (endpoint: string, body: unknown, cookie?: string) =>
    auth.handler(
      new Request(`${BASE_URL}/api/auth${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE_URL, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      }),
    );

  it('answers a visitor without a session cookie without asking for the auth instance (no query)', async () => {
    const neverAsked = async (): Promise<AppAuth> => {
      throw new Error('the auth instance (and so the database) was asked for');
    };
    expect(await userFromCookies('', neverAsked)).toBeNull();
    expect(await userFromCookies('locale=en; mailbox-onboarding.help=abc', neverAsked)).toBeNull();
  });

  it('finds the user from the cookies as Next writes them out, and nobody once the session is over', async () => {
    const email = `reader-${randomBytes(4).toString('hex')}@example.com`;
    const signedUp = await post('/sign-up/email', { email, password: 'correct horse battery', name: 'Reader' });
    expect(signedUp.status).toBe(200);
    const cookies = asNextWritesThem(signedUp);
    expect(await userFromCookies(cookies, async () => auth)).toMatchObject({ email });

    expect((await post('/sign-out', {}, cookies)).status).toBe(200);
    // The cookie is still there (another tab kept it): its session row is not.
    expect(await userFromCookies(cookies, async () => auth)).toBeNull();
  });
});
