import { EnvError, type AppEnv } from '@/lib/env';

// The app's own origin, derived one way for everything that needs it: better-auth's base URL and
// trusted origins (the Origin check on sign-up, sign-in and sign-out), the requests server actions
// hand to the auth handler, and the scripts that create accounts.
//
// With BETTER_AUTH_URL set, its origin and nothing else. Unset (the embedded default), the
// addresses the app serves on for someone on this machine: http://localhost:PORT and
// http://127.0.0.1:PORT, so the app works whichever of the two was opened. Anything else (a
// LAN address, another host name, a proxy, HTTPS) cannot be known from here and needs
// BETTER_AUTH_URL.

/** The port `npm start` and `next start` serve on when PORT is unset. */
export const DEFAULT_PORT = 3000;

export interface AppOrigins {
  /** The origin the app names itself by (better-auth's base URL). */
  origin: string;
  /** Every origin a request may come from (the first is `origin`). */
  trusted: string[];
}

type OriginSettings = Pick<AppEnv, 'BETTER_AUTH_URL' | 'PORT'>;

/** The app's origin(s) from the validated environment. */
export function appOrigins(settings: OriginSettings): AppOrigins {
  if (settings.BETTER_AUTH_URL) {
    const origin = new URL(settings.BETTER_AUTH_URL).origin;
    return { origin, trusted: [origin] };
  }
  const port = settings.PORT ?? DEFAULT_PORT;
  const loopback = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  return { origin: loopback[0]!, trusted: loopback };
}

/**
 * Throws EnvError when this environment may not serve: a production server on PostgreSQL
 * (DATABASE_URL) is a deployment, reached through a proxy or a public name, and only
 * BETTER_AUTH_URL can tell it the origin its users' browsers send. Checked when the server
 * starts, not by the scripts (staff:create, keys:rotate), which serve nobody.
 */
export function assertServableOrigin(settings: Pick<AppEnv, 'BETTER_AUTH_URL' | 'DATABASE_URL' | 'NODE_ENV'>): void {
  if (settings.NODE_ENV !== 'production' || !settings.DATABASE_URL || settings.BETTER_AUTH_URL) return;
  throw new EnvError(
    'BETTER_AUTH_URL is not set, and this is a production server on DATABASE_URL. Behind a proxy ' +
      'or under a public name the app cannot know the address its users open, and the sign-in ' +
      'requests their browsers send would be refused (or, guessed from request headers, could be ' +
      'forged). Set BETTER_AUTH_URL to that address, e.g. https://mail.example.com. ' +
      '(The embedded default, without DATABASE_URL, serves http://localhost:PORT and http://127.0.0.1:PORT.)',
  );
}
