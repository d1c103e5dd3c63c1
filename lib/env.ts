import { z } from 'zod';

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

const positiveInt = (fallback: number) =>
  z.coerce.number().int().positive().optional().transform((v) => v ?? fallback);

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
  CHECK_TIMEOUT_MS: positiveInt(15_000),
  CHECK_STAGE_TIMEOUT_MS: positiveInt(8_000),
  LOCKOUT_MAX_FAILURES: positiveInt(5),
  LOCKOUT_WINDOW_MINUTES: positiveInt(15),
  PROVIDER_PAUSE_MINUTES: positiveInt(30),
  PROVIDER_MAX_FAILURES: positiveInt(30),
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
  return env;
}

let cached: AppEnv | undefined;

/** The validated environment of this process, read once. */
export function env(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
