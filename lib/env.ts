import { z } from '@/lib/zod';
import { parseHost } from './discovery/host';
import { LOG_LEVELS, type LogLevel } from './log/logger.mjs';
import { parseMetricsAllow } from './metrics/allow';
import { isMailFrom, parseRelayUrl, type RelaySettings } from './mail/relay-url';

// The one place that reads process.env. Every variable is documented in .env.example.

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const endpointSchema = z.union([
  z
    .string()
    .trim()
    .regex(/^(\[[0-9a-fA-F:]+\]|[^\s:\[\]]+):\d{1,5}$/, 'expected "host:port"')
    .transform((v) => {
      const at = v.lastIndexOf(':');
      return { host: v.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(v.slice(at + 1)), tls: undefined };
    }),
  z.object({
    host: z.string().trim().min(1),
    port: z.number().int(),
    tls: z.enum(['implicit', 'starttls']).optional(),
  }),
], { error: 'expected "host:port" or {"host","port","tls"}' });

/** `{"163.com":{"imap":"127.0.0.1:10993","smtp":"127.0.0.1:10465"}}`: mail domain → test servers. */
export const endpointOverridesSchema = z.record(
  z.string().trim().toLowerCase().min(1),
  z
    .object({
      imap: endpointSchema.optional(),
      smtp: endpointSchema.optional(),
      imapTls: z.enum(['implicit', 'starttls']).optional(),
      smtpTls: z.enum(['implicit', 'starttls']).optional(),
    })
    .strict()
    .refine((v) => v.imap || v.smtp, 'give at least "imap" or "smtp"'),
);

export type EndpointOverrides = z.infer<typeof endpointOverridesSchema>;

const overridesFromJson = z
  .string()
  .trim()
  .optional()
  .transform((text, ctx): EndpointOverrides | undefined => {
    if (!text) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
      return z.NEVER;
    }
    const parsed = endpointOverridesSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
      }
      return z.NEVER;
    }
    for (const [domain, entry] of Object.entries(parsed.data)) {
      for (const ep of [entry.imap, entry.smtp]) {
        if (ep && (ep.port < 1 || ep.port > 65535)) {
          ctx.addIssue({ code: 'custom', message: `${domain}: port ${ep.port} is out of range` });
          return z.NEVER;
        }
      }
    }
    return parsed.data;
  });

/**
 * `MAIL_MANUAL_ALLOW_HOSTS`: host names (or IP literals), comma-separated, in the canonical form
 * the address guard compares them in. A host that is no host is refused, not skipped.
 */
const hostList = z
  .string()
  .trim()
  .optional()
  .transform((text, ctx): string[] | undefined => {
    if (!text) return undefined;
    const hosts: string[] = [];
    for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
      const parsed = parseHost(part);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(part)} is not a host name or IP address` });
        return z.NEVER;
      }
      if (!hosts.includes(parsed.host)) hosts.push(parsed.host);
    }
    return hosts.length > 0 ? hosts : undefined;
  });

/** A switch that is on unless set to 0/false. */
const onUnlessOff = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v !== '0' && v !== 'false');

/** on/off (also 1/0, true/false); `undefined` when unset, so a default can depend on other settings. */
const onOffSwitch = z
  .enum(['on', 'off', '1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === 'on' || v === '1' || v === 'true'));

const positiveInt = (fallback: number) =>
  z.coerce.number().int().positive().optional().transform((v) => v ?? fallback);

/** One entry of APP_SECRET_KEY. `id` is absent for a bare key; lib/accounts/seal.ts derives one. */
export type SecretKeyEntry = { id: string | undefined; key: Buffer };

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** A 32-byte key written as 64 hex digits or as base64 (standard or URL-safe). */
function decodeKey(text: string): Buffer | undefined {
  if (HEX_KEY.test(text)) return Buffer.from(text, 'hex');
  if (!BASE64_KEY.test(text)) return undefined;
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : undefined;
}

/**
 * `APP_SECRET_KEY`: `key` or `id:key,id:key,...`, the first being the key new values are
 * sealed with and the others kept only to open values sealed before a rotation. Problems are
 * reported by position, never by echoing the key.
 */
const secretKeyList = z
  .string()
  .trim()
  .optional()
  .transform((text, ctx): SecretKeyEntry[] | undefined => {
    if (!text) return undefined;
    const entries: SecretKeyEntry[] = [];
    let broken = false;
    const problem = (message: string) => {
      broken = true;
      ctx.addIssue({ code: 'custom', message });
    };
    const parts = text.split(',').map((p) => p.trim());
    for (const [index, part] of parts.entries()) {
      const where = `key ${index + 1} of ${parts.length}`;
      const colon = part.indexOf(':');
      const id = colon === -1 ? undefined : part.slice(0, colon).trim();
      const key = decodeKey(colon === -1 ? part : part.slice(colon + 1).trim());
      if (id !== undefined && !KEY_ID.test(id)) {
        problem(`${where}: the id must be 1-32 letters, digits, "_" or "-"`);
      } else if (!key) {
        problem(`${where}: expected 32 bytes as 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`)`);
      } else if (id !== undefined && entries.some((e) => e.id === id)) {
        problem(`${where}: the id "${id}" is used twice`);
      } else {
        entries.push({ id, key });
      }
    }
    return broken ? z.NEVER : entries;
  });

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be a postgres:// or postgresql:// URL',
    }),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  MAIL_ENDPOINT_OVERRIDES: overridesFromJson,
  ALLOW_ENDPOINT_OVERRIDES: booleanFlag,
  // Hosts manual setup may connect to whatever they resolve to, on any port (loopback test
  // servers): the only way round the address guard and the mail-port rule. Not the hosts of
  // MAIL_ENDPOINT_OVERRIDES, on purpose, and never a known provider's server.
  MAIL_MANUAL_ALLOW_HOSTS: hostList,
  // Name servers for recognising custom domains by their MX records (`address` or
  // `address:port`, comma-separated); unset: the system's. Tests point it at a loopback server.
  MAIL_DNS_SERVERS: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined)),
  // The port discovery fetches autoconfig files from, instead of HTTPS's 443 (a redirect may
  // name no other): a test seam for an autoconfig server on loopback, whose host must also be
  // in MAIL_MANUAL_ALLOW_HOSTS to pass the address guard. Refused in production like the others.
  MAIL_AUTOCONFIG_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  CHECK_TIMEOUT_MS: positiveInt(15_000),
  CHECK_STAGE_TIMEOUT_MS: positiveInt(8_000),
  LOCKOUT_MAX_FAILURES: positiveInt(5),
  LOCKOUT_WINDOW_MINUTES: positiveInt(15),
  PROVIDER_PAUSE_MINUTES: positiveInt(30),
  PROVIDER_MAX_FAILURES: positiveInt(15),
  PROVIDER_PAUSE_MIN_USERS: positiveInt(3),
  PROVIDER_LOGIN_BUDGET: positiveInt(15),
  HEALTH_BUDGET_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  LOCKOUT_MAX_FAILURES_PER_USER: positiveInt(5),
  APP_SECRET_KEY: secretKeyList,
  BETTER_AUTH_SECRET: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= 32, { message: 'must be at least 32 characters (e.g. `openssl rand -base64 32`)' }),
  BETTER_AUTH_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^/]+/.test(v), { message: 'must be the app\'s http:// or https:// address' }),
  // The port the server listens on (`next start` sets it from -p); with BETTER_AUTH_URL unset
  // the app's own origin is http://localhost:PORT (and 127.0.0.1), lib/auth/origin.ts.
  PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  AUTH_SIGN_IN_MAX_ATTEMPTS: positiveInt(5),
  AUTH_SIGN_IN_WINDOW_SECONDS: positiveInt(60),
  AUTH_ACCOUNT_MAX_FAILURES: positiveInt(5),
  AUTH_SIGN_UP_MAX_PER_ADDRESS: positiveInt(10),
  // Help requests (「联系客服」) and step 1's MX lookups are open to anyone: limited per client
  // address and per signed-in user, and live help requests all together (.env.example).
  HELP_MAX_REQUESTS_PER_HOUR: positiveInt(5),
  HELP_MAX_LIVE_REQUESTS: positiveInt(200),
  MX_LOOKUP_MAX_PER_WINDOW: positiveInt(30),
  MX_LOOKUP_WINDOW_MINUTES: positiveInt(10),
  // Outgoing mail (password reset links) through an SMTP relay (lib/mail/relay.ts); unset: the
  // message is written to the log, and on the dev server kept for /dev/outbox. A problem is
  // reported without the URL, which carries the relay's password.
  MAIL_RELAY_URL: z
    .string()
    .optional()
    .transform((text, ctx): RelaySettings | undefined => {
      if (!text?.trim()) return undefined;
      const parsed = parseRelayUrl(text);
      if (parsed.ok) return parsed.relay;
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }),
  MAIL_FROM: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || 'no-reply@localhost')
    .refine(isMailFrom, { message: 'must be an address (no-reply@example.com) or "Name <no-reply@example.com>"' }),
  // Password reset (lib/auth/password-reset.ts): how long a link works, and how many reset mails
  // one client address and one email address may ask for per hour.
  PASSWORD_RESET_LINK_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  PASSWORD_RESET_MAX_PER_ADDRESS: positiveInt(10),
  PASSWORD_RESET_MAX_PER_EMAIL: positiveInt(3),
  PRACTICE_MODE: onOffSwitch,
  PRACTICE_CODE: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^[A-Za-z]{16}$/.test(v), { message: 'must be 16 letters A-Z or a-z, like a NetEase code' }),
  HEALTH_CHECKS_ENABLED: onUnlessOff,
  HEALTH_CHECK_INTERVAL_MINUTES: positiveInt(360),
  // Overrides the minutes when set: sub-minute rounds, for tests that watch several of them.
  HEALTH_CHECK_INTERVAL_SECONDS: z.coerce.number().int().positive().optional(),
  HEALTH_CHECK_POLL_SECONDS: positiveInt(60),
  // Health checks one instance runs at once (each is one IMAP and one SMTP login at the provider).
  HEALTH_CHECK_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  // Logs and metrics (README "Logs and metrics"). scripts/serve.mjs reads LOG_LEVEL and
  // INSTANCE_ID itself, before the app loads, with the same rules (lib/log/logger.mjs).
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : 'info'),
    z.enum(LOG_LEVELS as [LogLevel, ...LogLevel[]]),
  ),
  INSTANCE_ID: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^[A-Za-z0-9._:-]{1,64}$/.test(v), { message: 'must be 1-64 letters, digits, ".", "_", ":" or "-"' }),
  // Client addresses (and CIDR blocks) that may read /metrics; unset: loopback only.
  METRICS_ALLOW: z
    .string()
    .optional()
    .transform((text, ctx): string[] => {
      try {
        return parseMetricsAllow(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

export type AppEnv = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Parses an environment record; throws EnvError with every problem listed, one per line. */
export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.MAIL_ENDPOINT_OVERRIDES && env.NODE_ENV === 'production' && !env.ALLOW_ENDPOINT_OVERRIDES) {
    throw new EnvError(
      'MAIL_ENDPOINT_OVERRIDES is set while NODE_ENV=production. It redirects mail checks to other ' +
        'servers and is meant for tests; unset it, or set ALLOW_ENDPOINT_OVERRIDES=1 if this is deliberate.',
    );
  }
  if (env.MAIL_MANUAL_ALLOW_HOSTS && env.NODE_ENV === 'production' && !env.ALLOW_ENDPOINT_OVERRIDES) {
    throw new EnvError(
      'MAIL_MANUAL_ALLOW_HOSTS is set while NODE_ENV=production. It lets manual setup connect to ' +
        'those hosts even when they resolve to loopback or private addresses, and is meant for tests; ' +
        'unset it, or set ALLOW_ENDPOINT_OVERRIDES=1 if this is deliberate.',
    );
  }
  if (env.MAIL_AUTOCONFIG_PORT !== undefined && env.NODE_ENV === 'production' && !env.ALLOW_ENDPOINT_OVERRIDES) {
    throw new EnvError(
      'MAIL_AUTOCONFIG_PORT is set while NODE_ENV=production. It makes discovery fetch autoconfig ' +
        'files from another port than 443 and is meant for tests; unset it, or set ALLOW_ENDPOINT_OVERRIDES=1 if this is deliberate.',
    );
  }
  return env;
}

/**
 * Practice mode (lib/practice): as PRACTICE_MODE says, otherwise on everywhere except a
 * production server on PostgreSQL. `npm start` runs production on the embedded database, which
 * is the setting for trying the app on one machine, so it is on there.
 */
export function isPracticeModeOn(settings: Pick<AppEnv, 'PRACTICE_MODE' | 'NODE_ENV' | 'DATABASE_URL'>): boolean {
  return settings.PRACTICE_MODE ?? (settings.NODE_ENV !== 'production' || settings.DATABASE_URL === undefined);
}

let cached: AppEnv | undefined;

/** The validated environment of this process, read once. */
export function env(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
