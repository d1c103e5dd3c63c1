import 'server-only';
import path from 'node:path';
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { nextCookies } from 'better-auth/next-js';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDatabase, type AppDatabase } from '@/lib/db/client';
import { authAccounts, authRateLimits, authSessions, authUsers, authVerifications } from '@/lib/db/schema';
import { env, type AppEnv } from '@/lib/env';
import { takeAddressLimit, type RequestLimitRule } from '@/lib/limits/address-limit';
import { logger } from '@/lib/log/logger.mjs';
import { getMailSender, sendInBackground } from '@/lib/mail/relay';
import { addressLimitKey, clientAddressFrom, requestIsHttps } from '@/lib/net/client';
import {
  KNOWN_DEVICE_COOKIE,
  findPasswordHash,
  issueKnownDeviceToken,
  knownDeviceCookieOptions,
  knownDeviceTokenIn,
  newDeviceId,
  recogniseKnownDevice,
} from './known-device';
import { retryAfterIn, tooManyRequests } from './limit-answer';
import { appOrigins } from './origin';
import {
  PASSWORD_RESET_PATH,
  passwordCheckLimitPlugin,
  passwordResetLimitPlugin,
  passwordResetMail,
  resetLink,
  type PasswordResetSettings,
} from './password-reset';
import { VERIFICATION_STORAGE, revokeResetLinks } from './reset-links';
import { readOrCreateSecretFile } from './secret-file';
import {
  DEFAULT_SIGN_IN_THROTTLE,
  clearSignInFailures,
  pruneSignInThrottle,
  reserveSignInAttempt,
  throttleKeyFor,
  type SignInThrottlePolicy,
} from './sign-in-throttle';

// Sign-up and sign-in with email and password (better-auth): users, sessions and the sign-in
// and sign-up limits all live in the app's database, so they survive restarts and hold across
// instances. Passwords are hashed by the library (scrypt).

export const AUTH_BASE_PATH = '/api/auth';

export interface AuthSettings {
  /** Signs session cookies. At least 32 characters. */
  secret: string;
  /** The app's own origin (lib/auth/origin.ts `appOrigins`). */
  baseURL: string;
  /** Origins whose requests are accepted besides baseURL's (the Origin check); none when absent. */
  trustedOrigins?: readonly string[];
  /** Sign-in attempts allowed per client address within the window (lib/limits/address-limit.ts). */
  signInLimit: { max: number; windowSeconds: number };
  /** Sign-ups allowed per client address within the window; the sign-in limit when absent. */
  signUpLimit?: { max: number; windowSeconds: number };
  /** The per-account throttle (lib/auth/sign-in-throttle.ts); DEFAULT_SIGN_IN_THROTTLE when absent. */
  accountThrottle?: SignInThrottlePolicy;
  /** Password reset by mail (lib/auth/password-reset.ts); without it the library refuses to send one. */
  passwordReset?: PasswordResetSettings;
}

/** The code of the answer to a sign-in refused by the per-account throttle. */
export const SIGN_IN_THROTTLED = 'SIGN_IN_THROTTLED';
/** The one answer to a sign-up that created no account, whether or not the address was taken. */
export const SIGN_UP_NOT_COMPLETED = 'SIGN_UP_NOT_COMPLETED';
const SIGN_UP_REFUSALS_HIDDEN = new Set(['USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL', 'USER_ALREADY_EXISTS', 'FAILED_TO_CREATE_USER']);

const isEmailSignIn = (ctx: { path?: string }) => ctx.path === '/sign-in/email';
const typedEmail = (body: unknown): string | undefined => {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email : undefined;
};

/** The paths limited per client address, each by its own rule. */
const ADDRESS_LIMITED_PATHS = ['/sign-in/email', '/sign-up/email'] as const;
type AddressLimitedPath = (typeof ADDRESS_LIMITED_PATHS)[number];
const isAddressLimited = (path: string | undefined): path is AddressLimitedPath =>
  (ADDRESS_LIMITED_PATHS as readonly (string | undefined)[]).includes(path);

/**
 * Sign-in and sign-up limited per client address, taken before the library does any work, by the
 * app's one limiter (lib/limits/address-limit.ts: a single upsert, timed by the database's clock).
 * The library's own database limiter (better-auth 1.7) reads the row and decides by each
 * instance's own clock, so an instance whose clock runs a window ahead restarts the window on
 * every request it serves, and one address gets through without limit (server.test.ts shows it).
 * As a hook it holds for the HTTP route, for server actions and for auth.api alike; a call without
 * any headers (auth.api from the server itself, e.g. `staff:create`) has no client and is not
 * limited by address.
 */
function addressLimitPlugin(db: AppDatabase, rules: Record<AddressLimitedPath, RequestLimitRule>): BetterAuthPlugin {
  return {
    id: 'address-limit',
    hooks: {
      before: [
        {
          matcher: (ctx) => isAddressLimited(ctx.path),
          handler: createAuthMiddleware(async (ctx) => {
            const requestHeaders = ctx.headers ?? ctx.request?.headers;
            if (!requestHeaders || !isAddressLimited(ctx.path)) return;
            const rule = rules[ctx.path];
            const decision = await takeAddressLimit(db, { ...rule, key: addressLimitKey(clientAddressFrom(requestHeaders)) });
            if (decision.allowed) return;
            // The library's own rate-limit answer, so clients read it as they always have; not
            // SIGN_IN_THROTTLED, which is the per-account throttle's.
            throw tooManyRequests(decision.retryAfterSeconds);
          }),
        },
      ],
    },
  };
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
const requestHeadersOf = (ctx: HookContext) => ctx.headers ?? ctx.request?.headers;

/**
 * The browser's device id when its device cookie (lib/auth/known-device.ts) proves it signed in
 * to `email` before, with the current password; null for everyone else.
 */
function knownDeviceOf(db: AppDatabase, ctx: HookContext, email: string): Promise<string | null> {
  return recogniseKnownDevice(db, ctx.context.secret, email, ctx.getCookie(KNOWN_DEVICE_COOKIE));
}

/**
 * After a successful sign-in or sign-up: the browser gets (or renews) its device cookie for this
 * email, keeping its device id if it had one.
 */
async function rememberDevice(db: AppDatabase, ctx: HookContext, email: string, deviceId: string | null): Promise<void> {
  const passwordHash = await findPasswordHash(db, email);
  // Signed in by email and password, the account has one; nothing to bind a cookie to otherwise.
  if (!passwordHash) return;
  const token = issueKnownDeviceToken(ctx.context.secret, email, passwordHash, deviceId ?? newDeviceId());
  const requestHeaders = requestHeadersOf(ctx);
  ctx.setCookie(KNOWN_DEVICE_COOKIE, token, knownDeviceCookieOptions(requestHeaders ? requestIsHttps(requestHeaders) : false));
}

/**
 * The per-account sign-in throttle as library hooks, so it holds for the HTTP route, for server
 * actions and for auth.api alike. The attempt is taken before the library looks at the password,
 * under the address's key or, for a browser with a valid device cookie, the device's own key, and
 * released (the row deleted) only by a success. A success also gives the browser its device
 * cookie, so the next time a stranger has locked the address, the owner still gets in.
 */
function accountThrottlePlugin(db: AppDatabase, policy: SignInThrottlePolicy): BetterAuthPlugin {
  return {
    id: 'account-sign-in-throttle',
    hooks: {
      before: [
        {
          matcher: isEmailSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const email = typedEmail(ctx.body);
            // Not an address at all: the library answers 400 without checking any password.
            if (!email) return;
            const deviceId = await knownDeviceOf(db, ctx, email);
            const reservation = await reserveSignInAttempt(db, throttleKeyFor(email, deviceId), policy);
            if (reservation.allowed) return;
            throw tooManyRequests(reservation.retryAfterSeconds, { code: SIGN_IN_THROTTLED, message: 'Too many failed sign-ins for this email. Try again later.' });
          }),
        },
      ],
      after: [
        {
          // Sign-up says nothing about who is registered. Without a confirmation mail a new
          // account is signed in at once, which a taken address cannot be, so the outcome still
          // differs; but the answer is one neutral refusal (the same as for a failed insert, no
          // "already registered"), and the password is hashed as a real sign-up would, so the
          // refusal comes no faster than an account does.
          matcher: (ctx) => ctx.path === '/sign-up/email',
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            if (!isAPIError(returned) || !SIGN_UP_REFUSALS_HIDDEN.has(String(returned.body?.code))) return;
            const password = (ctx.body as { password?: unknown } | undefined)?.password;
            if (typeof password === 'string') await ctx.context.password.hash(password);
            throw new APIError('UNPROCESSABLE_ENTITY', { code: SIGN_UP_NOT_COMPLETED, message: 'The account could not be created.' });
          }),
        },
        {
          // After the hook above: a refused sign-up is an error by now, and gets no cookie.
          // A new account is signed in at once, by the browser that made it: a known device.
          matcher: (ctx) => ctx.path === '/sign-up/email',
          handler: createAuthMiddleware(async (ctx) => {
            const email = typedEmail(ctx.body);
            if (!email || isAPIError(ctx.context.returned)) return;
            await rememberDevice(db, ctx, email, null);
          }),
        },
        {
          matcher: isEmailSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const email = typedEmail(ctx.body);
            if (!email || isAPIError(ctx.context.returned)) return;
            // The same key the attempt was taken under: the password, and so the cookie's
            // validity, cannot have changed in between. A success on the owner's browser leaves
            // the address's key alone, so it hands a stranger no fresh tries.
            const deviceId = await knownDeviceOf(db, ctx, email);
            await clearSignInFailures(db, throttleKeyFor(email, deviceId));
            await pruneSignInThrottle(db);
            await rememberDevice(db, ctx, email, deviceId);
          }),
        },
      ],
    },
  };
}

/**
 * A password changed by its owner (/change-password, from /account or the HTTP route) revokes
 * their reset links, as a reset does (onPasswordReset): a mail sent before must not undo it.
 */
function resetLinkRevocationPlugin(db: AppDatabase): BetterAuthPlugin {
  return {
    id: 'reset-link-revocation',
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === '/change-password',
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned as { user?: { id?: unknown } } | undefined;
            if (isAPIError(returned) || typeof returned?.user?.id !== 'string') return;
            await revokeResetLinks(db, returned.user.id);
          }),
        },
      ],
    },
  };
}

/** A better-auth instance on `db`. The app uses getAuth(); tests build their own. */
export function createAuth(db: AppDatabase, settings: AuthSettings) {
  const signUpLimit = settings.signUpLimit ?? settings.signInLimit;
  const reset = settings.passwordReset;
  const addressRules: Record<AddressLimitedPath, RequestLimitRule> = {
    '/sign-in/email': { scope: 'sign_in:address', ...settings.signInLimit },
    '/sign-up/email': { scope: 'sign_up:address', ...signUpLimit },
  };
  return betterAuth({
    secret: settings.secret,
    baseURL: settings.baseURL,
    // A request whose Origin (or Referer) is not one of these is refused (403 INVALID_ORIGIN).
    trustedOrigins: [...(settings.trustedOrigins ?? [])],
    basePath: AUTH_BASE_PATH,
    database: drizzleAdapter(db, {
      provider: 'pg',
      // The library's model names mapped onto this app's tables (lib/db/schema.ts).
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
        rateLimit: authRateLimits,
      },
      // Sign-up writes the user and its password account together or not at all.
      transaction: true,
    }),
    // Reset links' tokens are stored hashed (lib/auth/reset-links.ts).
    verification: VERIFICATION_STORAGE,
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      ...(reset
        ? {
            // The library makes a single-use token (a verification row, consumed in the same
            // transaction that sets the password) for a registered address only, and answers
            // every address alike. The mail links to this app's page, not to the library's
            // redirecting route, and leaves in the background.
            sendResetPassword: async ({ user, token }: { user: { email: string }; token: string }) => {
              const mail = passwordResetMail({ to: user.email, link: resetLink(settings.baseURL, token), minutes: Math.round(reset.linkSeconds / 60) });
              void sendInBackground(reset.mailer, mail, 'password_reset');
            },
            resetPasswordTokenExpiresIn: reset.linkSeconds,
            // A reset ends every session of the user, in the transaction that sets the password:
            // whoever knew the old password is out.
            revokeSessionsOnPasswordReset: true,
            // Whoever read the mail owns the address: its failed sign-ins start afresh, so a
            // stranger's lock on the address does not keep the owner out after a reset. The
            // user's other reset links stop working: the password they would set is not theirs
            // to set any more (a changed password does the same, resetLinkRevocationPlugin).
            onPasswordReset: async ({ user }: { user: { id: string; email: string } }) => {
              await clearSignInFailures(db, throttleKeyFor(user.email));
              await revokeResetLinks(db, user.id);
            },
          }
        : {}),
    },
    rateLimit: {
      // On in every environment (the library's default turns it on in production only), and
      // counted in the database so that a second instance or a restart does not reset it.
      enabled: true,
      storage: 'database',
      customRules: {
        // Limited by addressLimitPlugin instead, atomically: one limit per path, not two.
        '/sign-in/email': false,
        '/sign-up/email': false,
        // Limited by passwordResetLimitPlugin instead, per client and per email address.
        [PASSWORD_RESET_PATH]: false,
        // Reading the session changes nothing and is asked on every page; not worth a write.
        '/get-session': false,
      },
    },
    advanced: {
      // The library skips its Origin check when NODE_ENV=test; tests must see what production does.
      disableOriginCheck: false,
      // The server (scripts/serve.mjs) replaces X-Forwarded-For with the one client address it
      // trusts (the socket's peer, or what a TRUSTED_PROXIES hop forwarded), so the library's
      // other limits and the sessions' addresses read the same address as every limit here.
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    telemetry: { enabled: false },
    plugins: [
      // Before the per-account throttle: an attempt refused by address counts against no account.
      addressLimitPlugin(db, addressRules),
      accountThrottlePlugin(db, settings.accountThrottle ?? DEFAULT_SIGN_IN_THROTTLE),
      ...(reset ? [passwordResetLimitPlugin(db, reset)] : []),
      passwordCheckLimitPlugin(db),
      resetLinkRevocationPlugin(db),
      // Lets server actions that call auth.api.* set the session cookie. Must stay last.
      nextCookies(),
    ],
  });
}

export type AppAuth = ReturnType<typeof createAuth>;

/** The signed-in person, as the rest of the app sees them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** The file the embedded default keeps its generated session secret in. */
export const AUTH_SECRET_FILE_NAME = 'auth-secret';

/** BETTER_AUTH_SECRET, or for the embedded default a secret generated once into DATA_DIR. */
function loadAuthSecret(source: Pick<AppEnv, 'BETTER_AUTH_SECRET' | 'DATA_DIR' | 'DATABASE_URL'>): string {
  if (source.BETTER_AUTH_SECRET) return source.BETTER_AUTH_SECRET;
  const file = path.resolve(source.DATA_DIR, AUTH_SECRET_FILE_NAME);
  const { secret, created } = readOrCreateSecretFile(file, 32);
  if (created && source.DATABASE_URL) {
    logger('auth').warn(
      `generated the session secret in ${file}. Instances sharing the PostgreSQL database need the ` +
        'same one: set BETTER_AUTH_SECRET on all of them, or sessions from one are refused by the others.',
    );
  }
  return secret.toString('base64');
}

/**
 * What every auth instance of this app takes from the environment: the session secret, the app's
 * own origin and the ones trusted beside it, and the sign-in limit. The app's (getAuth) adds its
 * sign-up limit and account throttle; `npm run staff:create` needs no more.
 */
export function authSettingsFrom(appEnv: AppEnv): AuthSettings {
  const origins = appOrigins(appEnv);
  return {
    secret: loadAuthSecret(appEnv),
    baseURL: origins.origin,
    trustedOrigins: origins.trusted,
    signInLimit: { max: appEnv.AUTH_SIGN_IN_MAX_ATTEMPTS, windowSeconds: appEnv.AUTH_SIGN_IN_WINDOW_SECONDS },
  };
}

/** Password reset as the environment sets it: the link's lifetime, the limits, the relay (or the log). */
export function passwordResetSettingsFrom(appEnv: AppEnv): PasswordResetSettings {
  return {
    linkSeconds: appEnv.PASSWORD_RESET_LINK_MINUTES * 60,
    perClientAddress: { max: appEnv.PASSWORD_RESET_MAX_PER_ADDRESS, windowSeconds: 60 * 60 },
    perEmail: { max: appEnv.PASSWORD_RESET_MAX_PER_EMAIL, windowSeconds: 60 * 60 },
    mailer: getMailSender(),
  };
}

// Cached on globalThis for the same reason as the database: Next's dev server re-evaluates
// modules on edits, and one instance per process is enough.
const AUTH_KEY = Symbol.for('mailbox-onboarding.auth.instance');
type AuthCache = { [AUTH_KEY]?: Promise<AppAuth> };

/**
 * The app's auth instance, created on first use from the process database and the validated
 * environment. Async because opening the database is.
 */
export function getAuth(): Promise<AppAuth> {
  const cache = globalThis as AuthCache;
  let creating = cache[AUTH_KEY];
  if (!creating) {
    const started = (async () => {
      const { db } = await getDatabase();
      const appEnv = env();
      return createAuth(db, {
        ...authSettingsFrom(appEnv),
        signUpLimit: { max: appEnv.AUTH_SIGN_UP_MAX_PER_ADDRESS, windowSeconds: 60 * 60 },
        accountThrottle: { ...DEFAULT_SIGN_IN_THROTTLE, maxFailures: appEnv.AUTH_ACCOUNT_MAX_FAILURES },
        passwordReset: passwordResetSettingsFrom(appEnv),
      });
    })();
    // A failure is not cached, so the next request tries again.
    started.catch(() => {
      if (cache[AUTH_KEY] === started) delete cache[AUTH_KEY];
    });
    cache[AUTH_KEY] = started;
    creating = started;
  }
  return creating;
}

/** The user whose session cookie is in `requestHeaders`, or null. */
export async function readSessionUser(auth: AppAuth, requestHeaders: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, email, name } = session.user;
  return { id, email, name };
}

/** The user of the current request's session, or null when nobody is signed in. Once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // headers() first: during `next build` it marks the page dynamic before anything opens the
  // database, so a build never takes the embedded database's lock.
  const requestHeaders = new Headers(await headers());
  // The cookies as they stand now, not as the request brought them: a page rendered in the
  // response of a server action that changed them (a new session after a password change) must
  // see the new ones. Next updates cookies() after an action, not headers(); with the old session
  // cookie, already deleted, the page would take its reader for signed out.
  const cookieHeader = (await cookies()).toString();
  if (cookieHeader) requestHeaders.set('cookie', cookieHeader);
  else requestHeaders.delete('cookie');
  return readSessionUser(await getAuth(), requestHeaders);
});

// ---------------------------------------------------------------------------------------------
// For server actions. Sign-in and sign-up from an action go through the handler with a real
// Request, exactly like the browser's fetch to /api/auth would (the same client address, so the
// same limits, and the library's HTTP-only checks), and the cookies it sets are handed to Next.

/** `account_paused`: the per-account throttle, which says the same for every address typed. */
export type AuthFailureCode = 'invalid_credentials' | 'sign_up_not_completed' | 'invalid_input' | 'rate_limited' | 'account_paused';

export type AuthActionResult =
  | { ok: true; user: SessionUser }
  | { ok: false; code: AuthFailureCode; retryAfterSeconds?: number };

/**
 * Headers of the incoming request the library and the hooks may use: the client's IP for the
 * limits, the scheme it used (the device cookie is Secure over https), and its user agent for the
 * session row. scripts/serve.mjs has set the first two itself.
 */
const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'user-agent'] as const;

/** Runs an auth endpoint through the library's HTTP handler, from within a server action. */
export async function dispatchAuthRequest(auth: AppAuth, endpoint: string, body: unknown, incoming: Headers): Promise<Response> {
  const forwarded = new Headers({ 'content-type': 'application/json' });
  for (const name of FORWARDED_HEADERS) {
    const value = incoming.get(name);
    if (value) forwarded.set(name, value);
  }
  // The app's own origin, never one taken from the request's Host or X-Forwarded-Host headers.
  const origin = appOrigins(env()).origin;
  // Of the browser's cookies, only the device cookie: it is the one a sign-in reads (the owner's
  // browser gets past a lock a stranger set), and the session and the others mean nothing here.
  const deviceToken = knownDeviceTokenIn(incoming.get('cookie'));
  if (deviceToken) {
    forwarded.set('cookie', `${KNOWN_DEVICE_COOKIE}=${deviceToken}`);
    // A request with cookies must name its origin (the library's CSRF check). This one is made
    // by the app itself, for a server action whose origin Next has already checked.
    forwarded.set('origin', origin);
  }
  const url = new URL(`${AUTH_BASE_PATH}${endpoint}`, origin);
  return auth.handler(new Request(url, { method: 'POST', headers: forwarded, body: JSON.stringify(body) }));
}

/** Turns the handler's answer into a coded result; unexpected statuses are bugs and throw. */
export async function readAuthResponse(response: Response): Promise<AuthActionResult> {
  if (response.ok) {
    const payload = (await response.json()) as { user?: Partial<SessionUser> };
    const user = payload.user;
    if (!user?.id || !user.email || user.name === undefined) throw new Error('auth: the response carries no user');
    return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
  }
  if (response.status === 429) {
    const retryAfter = retryAfterIn(response.headers);
    const { code } = ((await response.json().catch(() => ({}))) ?? {}) as { code?: string };
    return {
      ok: false,
      code: code === SIGN_IN_THROTTLED ? 'account_paused' : 'rate_limited',
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  if (response.status === 401) return { ok: false, code: 'invalid_credentials' };
  const { code } = ((await response.json().catch(() => ({}))) ?? {}) as { code?: string };
  if (code === SIGN_UP_NOT_COMPLETED) return { ok: false, code: 'sign_up_not_completed' };
  if (response.status === 400) return { ok: false, code: 'invalid_input' };
  throw new Error(`auth: unexpected ${response.status} ${code ?? ''}`.trim());
}

/** The cookies the handler's answer sets (the session's, the device's), as Next's cookie store takes them. */
export function responseCookies(response: Response): { name: string; value: string; options: ReturnType<typeof toCookieOptions> }[] {
  const setCookie = response.headers.get('set-cookie');
  if (!setCookie) return [];
  return [...parseSetCookieHeader(setCookie)].map(([name, attributes]) => ({ name, value: attributes.value, options: toCookieOptions(attributes) }));
}

async function applyResponseCookies(response: Response): Promise<void> {
  const set = responseCookies(response);
  if (set.length === 0) return;
  const store = await cookies();
  for (const { name, value, options } of set) store.set(name, value, options);
}

async function runAuthAction(endpoint: string, body: unknown): Promise<AuthActionResult> {
  const auth = await getAuth();
  const response = await dispatchAuthRequest(auth, endpoint, body, await headers());
  const result = await readAuthResponse(response.clone());
  if (result.ok) await applyResponseCookies(response);
  return result;
}

/** Signs in from a server action and sets the session cookie. Rate limited like the HTTP route. */
export function signInWithEmail(input: { email: string; password: string }): Promise<AuthActionResult> {
  return runAuthAction('/sign-in/email', { email: input.email, password: input.password });
}

/** Creates the account, signs it in and sets the session cookie. Rate limited like sign-in. */
export function signUpWithEmail(input: { email: string; password: string; name: string }): Promise<AuthActionResult> {
  return runAuthAction('/sign-up/email', { email: input.email, password: input.password, name: input.name });
}

/** Ends the current session (the row and the cookie). */
export async function signOutCurrentSession(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
}
