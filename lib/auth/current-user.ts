import 'server-only';
import { getSessionCookie } from 'better-auth/cookies';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDatabase } from '@/lib/db/client';
import { findStaffMember } from '@/lib/support/staff';
import { getAuth, readSessionUser, type AppAuth, type SessionUser } from './server';

// Who is signed in, for what a page draws around its content (the header, the wizard's notes for
// visitors). Two things set this apart from getSessionUser:
//  - a request without a session cookie is a visitor at once, without asking the database: `/` is
//    read by visitors far more than by anyone signed in (issue 15's budget is for them);
//  - the cookie is read from Next's cookie store, not from the request's headers. A server action
//    that signs in (the wizard's inline sign-in) sets the cookie and Next draws the page again in
//    the same response; the store already holds the new cookie then, the request headers do not.

/**
 * The user whose session cookie is among `cookieHeader`'s cookies, or null; null at once, without
 * asking for the auth instance (so without a query), when there is no session cookie at all.
 */
export async function userFromCookies(cookieHeader: string, auth: () => Promise<AppAuth>): Promise<SessionUser | null> {
  const headers = new Headers({ cookie: cookieHeader });
  // The library's own reading of its cookie's names (with or without the __Secure- prefix).
  if (!getSessionCookie(headers)) return null;
  return readSessionUser(await auth(), headers);
}

/** The request's cookies as the action before this render (if any) left them, as a Cookie header. */
async function cookieHeader(): Promise<string> {
  return (await cookies()).toString();
}

/** True when the request carries a session cookie; it may still be stale. Costs no query. */
export async function hasSessionCookie(): Promise<boolean> {
  return getSessionCookie(new Headers({ cookie: await cookieHeader() })) !== null;
}

/** The signed-in user of this request, or null; without a query when there is no session cookie. */
export const getSignedInUser = cache(async (): Promise<SessionUser | null> => userFromCookies(await cookieHeader(), getAuth));

/** The signed-in user as the page header shows them: the address, and whether to offer the console. */
export interface SignedInAccount {
  email: string;
  staff: boolean;
}

/** What the header shows for `user` (one query for the staff role). */
export async function accountOf(user: SessionUser): Promise<SignedInAccount> {
  const { db } = await getDatabase();
  return { email: user.email, staff: (await findStaffMember(db, user.id)) !== null };
}
