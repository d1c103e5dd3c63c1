import 'server-only';
import { cookies } from 'next/headers';
import { cookieSecure } from '@/lib/security/secure-cookies';
import { HELP_SESSION_MAX_MS } from './help-sessions';

// The help request's browser token. httpOnly (page scripts never see it), same-site, Secure
// whenever the browser came over https, and no longer-lived than the request itself.

export const HELP_COOKIE = 'help_token';

export async function readHelpToken(): Promise<string> {
  return (await cookies()).get(HELP_COOKIE)?.value ?? '';
}

export async function writeHelpToken(token: string): Promise<void> {
  (await cookies()).set(HELP_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: Math.floor(HELP_SESSION_MAX_MS / 1000),
    secure: await cookieSecure(),
  });
}

export async function clearHelpToken(): Promise<void> {
  // With the attributes it was set with, so the browser replaces that cookie and no other.
  (await cookies()).delete({ name: HELP_COOKIE, path: '/', httpOnly: true, sameSite: 'lax', secure: await cookieSecure() });
}
