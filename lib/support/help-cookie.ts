import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { HELP_SESSION_MAX_MS } from './help-sessions';

// The help request's browser token. httpOnly (page scripts never see it), same-site, and no
// longer-lived than the request itself.

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
    secure: env().BETTER_AUTH_URL?.startsWith('https:') ?? false,
  });
}

export async function clearHelpToken(): Promise<void> {
  (await cookies()).delete(HELP_COOKIE);
}
