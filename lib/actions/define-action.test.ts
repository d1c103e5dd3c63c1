import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { redirect } from 'next/navigation';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

// The one opening of every server action, with the real schemas' shapes and the real staff gate
// (lib/support/access.ts). Only what Next provides per request is stood in for: who is signed in
// (nobody here) and the reader's language. Every call is answered before a database is needed,
// which is what these tests hold it to.

const request = vi.hoisted(() => ({ bodies: 0 }));

vi.mock('@/lib/auth/server', () => ({ getSessionUser: async () => null }));
vi.mock('@/lib/i18n/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/db/client', () => ({
  getDatabase: async () => {
    throw new Error('no database in these tests');
  },
}));

const { defineAction } = await import('./define-action');

const schema = z.object({ email: z.email({ error: 'email.invalid' }), count: z.number().int().optional() });

const ran = async () => {
  request.bodies += 1;
  return { ok: true, data: 'ran' } as const;
};

describe('defineAction', () => {
  it('answers anything the schema refuses as `invalid` with issue codes per field, and never runs the body', async () => {
    const action = defineAction({ schema, access: 'anyone' }, ran);
    const before = request.bodies;
    expect(await action({ email: 'not an address' })).toEqual({ ok: false, code: 'invalid', fieldErrors: { email: ['email.invalid'] } });
    // A client can send anything to a server action: none of it may become a 500.
    for (const input of [undefined, null, 42, 'text', [], { email: { deep: [1, 2] } }, { email: 'a@example.com', count: 1.5 }]) {
      const result = await action(input as never);
      expect(result).toMatchObject({ ok: false, code: 'invalid' });
    }
    // Input that is no object at all is the form's complaint.
    expect(await action(null as never)).toMatchObject({ fieldErrors: {}, formError: expect.any(String) });
    expect(request.bodies).toBe(before);
  });

  it('runs the body with the parsed input and the reader’s language', async () => {
    const action = defineAction({ schema, access: 'anyone' }, async ({ input, locale }) => ({ ok: true, data: { input, locale } }) as const);
    expect(await action({ email: 'A@Example.com' })).toEqual({ ok: true, data: { input: { email: 'A@Example.com' }, locale: 'en' } });
  });

  it('answers `signed_out` for a user’s action and `forbidden` for staff’s, after the input, before any database', async () => {
    const mine = defineAction({ schema, access: 'user' }, ran);
    const staff = defineAction({ schema, access: 'staff' }, ran);
    const before = request.bodies;
    expect(await mine({ email: 'a@example.com' })).toEqual({ ok: false, code: 'signed_out' });
    expect(await staff({ email: 'a@example.com' })).toEqual({ ok: false, code: 'forbidden' });
    // Bad input is still the input's answer, whoever calls.
    expect(await mine({ email: 'nope' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(request.bodies).toBe(before);
  });

  it('lets an action answer bad input its own way', async () => {
    const action = defineAction({ schema, access: 'user', invalid: () => ({ ok: false, code: 'not_found' }) as const }, ran);
    expect(await action({ email: 'nope' })).toEqual({ ok: false, code: 'not_found' });
  });

  it('lets Next’s redirect() through untouched, and a bug throws as it is', async () => {
    const redirecting = defineAction({ schema, access: 'anyone' }, async () => redirect('/accounts'));
    const thrown = await redirecting({ email: 'a@example.com' }).catch((error: unknown) => error);
    expect(isRedirectError(thrown)).toBe(true);
    const broken = defineAction({ schema, access: 'anyone' }, async () => {
      throw new RangeError('a bug');
    });
    await expect(broken({ email: 'a@example.com' })).rejects.toThrow(RangeError);
  });

  it('looks up the session and the database only when an open action asks', async () => {
    const action = defineAction({ schema, access: 'anyone' }, async ({ user, db }) => {
      const who = await user();
      await expect(db()).rejects.toThrow('no database');
      return { ok: true, data: who } as const;
    });
    expect(await action({ email: 'a@example.com' })).toEqual({ ok: true, data: null });
  });
});
