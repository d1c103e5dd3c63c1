import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Table definitions only. drizzle-kit loads this file outside Next, so it must not import
// 'server-only' or anything that opens a connection.

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per connection test against a mail provider. The lockout counts failures here, so
 * a restart or a second app instance sees the same history. There is deliberately no column
 * for the authorization code: the code is never stored.
 */
export const checkAttempts = pgTable(
  'check_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The mailbox address, trimmed and lower-cased so that `A@163.com` and `a@163.com` share a count. */
    address: text('address').notNull(),
    providerId: text('provider_id').notNull(),
    startedAt: timestamptz('started_at').notNull(),
    /** Null while the check runs (`state` 'pending'). */
    finishedAt: timestamptz('finished_at'),
    /**
     * 'pending' from the moment a check takes its place in the limits, before anything is
     * dialled, until its outcome is known ('done'). A pending row counts as a failure in every
     * limit: the login it is about to attempt may be refused.
     */
    state: text('state').notNull().default('done'),
    /**
     * A pending check's instance has until then to complete it. After that (the instance died
     * mid-check) the row is closed as a failure: nobody knows whether the login was refused.
     */
    leaseUntil: timestamptz('lease_until'),
    /** What started the check: 'wizard', 'check_now', 'replace_code' or 'health' (null before 0004). */
    kind: text('kind'),
    ok: boolean('ok').notNull(),
    /** Stable failure code of the IMAP stage (`auth_failed`, `timeout`, ...); null when it passed or did not run. */
    imapCode: text('imap_code'),
    /** Stable failure code of the SMTP stage; null when it passed or did not run. */
    smtpCode: text('smtp_code'),
    /**
     * Whether this failure counts toward the lockout limits: the server refused the credentials
     * or signalled a ban. A timeout or an unreachable server says nothing about the code and
     * cannot get our IP banned, so it must not lock a user out.
     */
    countsTowardLimit: boolean('counts_toward_limit').notNull().default(true),
    /** The provider answered with something that means it is limiting or banning our IP. */
    banSignal: boolean('ban_signal').notNull().default(false),
    durationMs: integer('duration_ms').notNull(),
    /**
     * The signed-in user the check ran for (wizard, /accounts or the health runner), so support
     * staff can follow one customer's attempts. No foreign key: attempts outlive accounts and
     * users, as the lockout needs them to.
     */
    ownerId: text('owner_id'),
    /** Where each protocol stopped when it failed (`login`, `mail_from`, ...). */
    imapStage: text('imap_stage'),
    smtpStage: text('smtp_stage'),
    /** The server's own words, exactly as the check redacted them (never the code). */
    imapServerText: text('imap_server_text'),
    smtpServerText: text('smtp_server_text'),
  },
  (t) => [
    index('check_attempts_address_started_at_idx').on(t.address, t.startedAt),
    index('check_attempts_owner_started_at_idx').on(t.ownerId, t.startedAt),
    index('check_attempts_provider_started_at_idx').on(t.providerId, t.startedAt),
    // One check of a mailbox per user at a time, whichever instance runs it (reserveCheck keeps
    // other users to one between them, except for the user who saved it).
    uniqueIndex('check_attempts_one_pending_per_address')
      .on(t.address, sql`coalesce(${t.ownerId}, '')`)
      .where(sql`${t.state} = 'pending'`),
    check('check_attempts_state_known', sql`${t.state} in ('pending', 'done')`),
    check('check_attempts_done_finished', sql`${t.state} = 'pending' or ${t.finishedAt} is not null`),
    check('check_attempts_address_normalised', sql`${t.address} = lower(btrim(${t.address}))`),
    check('check_attempts_duration_non_negative', sql`${t.durationMs} >= 0`),
  ],
);

/**
 * A provider we must leave alone until `paused_until`, because it signalled a ban or because
 * too many of our checks against it failed recently. One row per provider; later pauses only
 * ever extend it.
 */
export const providerPauses = pgTable('provider_pauses', {
  providerId: text('provider_id').primaryKey(),
  pausedUntil: timestamptz('paused_until').notNull(),
  reason: text('reason').notNull(),
  setAt: timestamptz('set_at').notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------
// Sign-in (better-auth). The property names are the library's field names, which its drizzle
// adapter looks up; the SQL names follow this schema's snake_case. lib/auth/server.ts maps the
// library's models (user, session, account, verification, rateLimit) onto these tables.

export type UserRole = 'user' | 'staff';

export const authUsers = pgTable('auth_users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Stored lower-cased by the library, and unique. */
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  /**
   * Support staff are made from the command line (`npm run staff:create`), never through the
   * auth library: it does not know this column, so no sign-up or profile update can set it.
   */
  role: text('role', { enum: ['user', 'staff'] }).$type<UserRole>().notNull().default('user'),
});

/** One row per signed-in browser; the cookie holds the signed token. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamptz('expires_at').notNull(),
    token: text('token').notNull().unique(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
  },
  (t) => [index('auth_sessions_user_id_idx').on(t.userId)],
);

/** Sign-in methods of a user; for email and password, `password` holds the library's hash. */
export const authAccounts = pgTable(
  'auth_accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamptz('access_token_expires_at'),
    refreshTokenExpiresAt: timestamptz('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('auth_accounts_user_id_idx').on(t.userId)],
);

export const authVerifications = pgTable(
  'auth_verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('auth_verifications_identifier_idx').on(t.identifier)],
);

/**
 * The library's rate-limit counters (`<ip>|<path>` → count in the current window). In the
 * database rather than in memory so that the limit on sign-in attempts holds across restarts
 * and across app instances.
 */
export const authRateLimits = pgTable('auth_rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  /** Milliseconds since the epoch, as the library keeps it. */
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

/**
 * Failed sign-ins per email address (lib/auth/sign-in-throttle.ts), whether or not an account
 * has that address, so the throttle says nothing about who is registered. A row exists only
 * while there are failures to remember; a successful sign-in deletes it.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    /** Trimmed and lower-cased, as the library looks accounts up. */
    email: text('email').primaryKey(),
    /** Attempts since the last success or since the failures were forgotten; each counts from the moment it was let through. */
    failures: integer('failures').notNull(),
    /** No attempt for this address is let through before this time. */
    lockedUntil: timestamptz('locked_until'),
    /** After this quiet time the failures are forgotten and the row may be deleted. */
    forgetAt: timestamptz('forget_at').notNull(),
  },
  (t) => [index('sign_in_throttle_forget_at_idx').on(t.forgetAt), check('sign_in_throttle_failures_positive', sql`${t.failures} > 0`)],
);

/**
 * Fixed-window counters of the per-address and per-user request limits (lib/limits/address-limit.ts):
 * sign-in and sign-up per client address, help requests, MX lookups. One row per limit and key,
 * taken by a single upsert before the work, so concurrent requests on any number of instances
 * never let more through than the limit. The times are the database's clock, which all
 * instances share.
 */
export const requestLimits = pgTable(
  'request_limits',
  {
    /** Which limit ('sign_in:address', 'help_request:user', ...). */
    scope: text('scope').notNull(),
    /** Whom it counts: a client address (IPv6 by its /64) or a user id. */
    key: text('key').notNull(),
    /** Requests taken in this window, refused ones included (capped at the limit plus one). */
    count: integer('count').notNull(),
    windowStart: timestamptz('window_start').notNull(),
    /** The window ends here; the next request starts a new one, and the row may be deleted. */
    windowEnd: timestamptz('window_end').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index('request_limits_window_end_idx').on(t.windowEnd),
    check('request_limits_count_positive', sql`${t.count} > 0`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Connected mailboxes.

/** Raw bytes. PGlite hands bytea back as a Uint8Array and node-postgres as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});

export type MailAccountStatus = 'ok' | 'failed' | 'paused';
export type TlsModeColumn = 'implicit' | 'starttls';

/**
 * What a saved account keeps of its last connection check: stable codes, stages, durations,
 * the endpoints and the server's own words as the check already redacted them. Never the code.
 */
/** How new mail reaches the client, as the IMAP check saw it (lib/mail-check/types.ts MailDelivery). */
export type StoredMailDelivery = 'push' | 'polling' | 'unknown';

export interface StoredProtocolResult {
  ok: boolean;
  durationMs: number;
  endpoint: { host: string; port: number; tls: TlsModeColumn };
  /** IMAP, passed: push (IDLE offered) or polling; absent in results stored before it was recorded. */
  delivery?: StoredMailDelivery;
  code?: string;
  stage?: string;
  serverText?: string;
  detail?: string;
}

export interface StoredCheckResult {
  ok: boolean;
  checkedAt: string;
  durationMs: number;
  banSignal: boolean;
  imap: StoredProtocolResult;
  smtp: StoredProtocolResult;
}

/**
 * A mailbox a user connected. One row per owner and address: connecting the same address
 * again replaces the sealed code, the endpoints and the last result of this row. The code is
 * only ever stored sealed (AES-256-GCM, lib/accounts/seal.ts) under the key `code_key_id`
 * names, bound to this owner and address.
 */
export const mailAccounts = pgTable(
  'mail_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    /** Trimmed and lower-cased, as lib/providers/detect.ts normalises it. */
    address: text('address').notNull(),
    providerId: text('provider_id').notNull(),
    domain: text('domain').notNull(),
    imapHost: text('imap_host').notNull(),
    imapPort: integer('imap_port').notNull(),
    imapTls: text('imap_tls', { enum: ['implicit', 'starttls'] }).notNull(),
    smtpHost: text('smtp_host').notNull(),
    smtpPort: integer('smtp_port').notNull(),
    smtpTls: text('smtp_tls', { enum: ['implicit', 'starttls'] }).notNull(),
    /**
     * Manual setup: the name the account logs in with at both servers, as typed (case kept),
     * when it is not the address; null: the address (and every provider's account, whose login
     * names its provider data gives). Re-checks and health checks log in with it.
     */
    loginName: text('login_name'),
    status: text('status', { enum: ['ok', 'failed', 'paused'] }).notNull(),
    /** Format byte, 12-byte IV, ciphertext, 16-byte tag. */
    sealedCode: bytea('sealed_code').notNull(),
    codeKeyId: text('code_key_id').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    lastCheckedAt: timestamptz('last_checked_at'),
    lastCheckResult: jsonb('last_check_result').$type<StoredCheckResult>(),
    /**
     * When the health runner next checks this account; null until a round first schedules it
     * (spread with jitter across the interval). A claim sets it to the end of the claim's lease,
     * so two runners on one database never check the same account at once, and an account a
     * dead instance claimed is due again when the lease ends; the check's end sets the next slot.
     */
    nextCheckAt: timestamptz('next_check_at'),
    /**
     * Health checks in a row that failed without a verdict on the login (timeouts, unreachable,
     * unexpected replies): the runner tries again sooner, doubling the wait up to the interval.
     */
    healthFailures: integer('health_failures').notNull().default(0),
  },
  (t) => [
    uniqueIndex('mail_accounts_owner_address_key').on(t.ownerId, t.address),
    index('mail_accounts_code_key_id_idx').on(t.codeKeyId),
    check('mail_accounts_address_normalised', sql`${t.address} = lower(btrim(${t.address}))`),
    check('mail_accounts_status_known', sql`${t.status} in ('ok', 'failed', 'paused')`),
    check('mail_accounts_imap_tls_known', sql`${t.imapTls} in ('implicit', 'starttls')`),
    check('mail_accounts_smtp_tls_known', sql`${t.smtpTls} in ('implicit', 'starttls')`),
    check('mail_accounts_ports_in_range', sql`${t.imapPort} between 1 and 65535 and ${t.smtpPort} between 1 and 65535`),
    // LOGIN_NAME_MAX_LENGTH (lib/discovery/login-name.ts); the schema refuses control characters before this.
    check('mail_accounts_login_name_length', sql`${t.loginName} is null or char_length(${t.loginName}) between 1 and 254`),
    index('mail_accounts_next_check_at_idx').on(t.nextCheckAt),
    // The accounts the health claim may take (claimDueAccounts, lib/health/runner.ts), in slot
    // order. Paused accounts and accounts held from background checks keep their last slot for
    // good, so in the index above they pile up ahead of every due account, and each claim read
    // past all of them (`npm run bench:scale`: 80,000 rows and 260 ms a claim at a million
    // accounts). PostgreSQL uses this index only when it can prove the claim's condition implies
    // the predicate, which it does by comparing them term by term: the predicate must stay the
    // claim's status and `notHeld` conditions word for word, the codes those of HOLDING_CODES
    // (lib/health/hold.ts) in the same order. When they drift apart the claim is still right,
    // only slow again, and bench:scale shows it.
    index('mail_accounts_due_idx')
      .on(t.nextCheckAt)
      .where(
        sql`${t.status} in ('ok', 'failed') and not coalesce(
  (${t.lastCheckResult}->>'ok')::boolean = false and (
    ${t.lastCheckResult}->'imap'->>'code' in ('auth_failed', 'smtp_not_enabled', 'password_instead_of_code', 'auth_failed_or_limited', 'ip_not_allowed', 'wrong_server_group')
    or ${t.lastCheckResult}->'smtp'->>'code' in ('auth_failed', 'smtp_not_enabled', 'password_instead_of_code', 'auth_failed_or_limited', 'ip_not_allowed', 'wrong_server_group')
  ), false)`,
      ),
  ],
);

export type StatusChangeReason =
  | 'check_passed'
  | 'check_failed'
  | 'paused_by_user'
  | 'resumed_by_user'
  | 'code_replaced'
  | 'health_check';

/**
 * Each change of an account's status, with when and why. Goes with the account: deleting it
 * deletes its history (the audit log below keeps the fact of the deletion).
 */
export const accountStatusEvents = pgTable(
  'account_status_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => mailAccounts.id, { onDelete: 'cascade' }),
    at: timestamptz('at').notNull().defaultNow(),
    fromStatus: text('from_status', { enum: ['ok', 'failed', 'paused'] }),
    toStatus: text('to_status', { enum: ['ok', 'failed', 'paused'] }).notNull(),
    reason: text('reason').$type<StatusChangeReason>().notNull(),
    /** The stable failure code of the check that turned the account 「异常」. */
    failureCode: text('failure_code'),
  },
  (t) => [
    index('account_status_events_account_at_idx').on(t.accountId, t.at),
    check('account_status_events_to_known', sql`${t.toStatus} in ('ok', 'failed', 'paused')`),
    check('account_status_events_from_known', sql`${t.fromStatus} is null or ${t.fromStatus} in ('ok', 'failed', 'paused')`),
  ],
);

export type AccountAuditAction = 'deleted' | 'code_replaced' | 'paused' | 'resumed';

/**
 * What users did to their accounts. No foreign keys on purpose: the entry for a deletion must
 * outlive the account (and is kept with the owner's id even if the user is removed). Never a
 * secret: no code, no sealed value, no server text.
 */
export const accountAuditLog = pgTable(
  'account_audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ownerId: text('owner_id').notNull(),
    accountId: uuid('account_id').notNull(),
    address: text('address').notNull(),
    action: text('action').$type<AccountAuditAction>().notNull(),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [
    index('account_audit_log_owner_at_idx').on(t.ownerId, t.at),
    check('account_audit_log_action_known', sql`${t.action} in ('deleted', 'code_replaced', 'paused', 'resumed')`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Support console.

/**
 * A customer asking for help: the short code they read out to support staff, and what staff
 * may see while it lasts. The browser that asked holds a random token in a cookie; only its
 * SHA-256 is stored. Never a secret of the mailbox: the address is shown to staff masked.
 */
export const helpSessions = pgTable(
  'help_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Six digits, read out over the phone or typed into a chat. */
    code: text('code').notNull(),
    browserTokenHash: text('browser_token_hash').notNull().unique(),
    /** Set when the customer is signed in (or signs in later), so their check attempts can be shown. */
    customerId: text('customer_id').references(() => authUsers.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    /** Staff must enter the code before this. */
    codeExpiresAt: timestamptz('code_expires_at').notNull(),
    /** Staff may follow the customer until this, unless the customer ends it first. */
    endsAt: timestamptz('ends_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
    /** The wizard step the customer is on, and what they typed as the address (normalised). */
    step: text('step'),
    address: text('address'),
    progressAt: timestamptz('progress_at'),
    /** A check is running in the customer's browser since this moment; null when none is. */
    checkingSince: timestamptz('checking_since'),
    /** The last "go to step" staff sent; the counter tells the browser a new one arrived. */
    suggestedStep: text('suggested_step'),
    suggestionSeq: integer('suggestion_seq').notNull().default(0),
    suggestedAt: timestamptz('suggested_at'),
    suggestedBy: text('suggested_by'),
    suggestionResponse: text('suggestion_response', { enum: ['accepted', 'dismissed'] }),
    respondedAt: timestamptz('responded_at'),
    /** The first staff member who entered the code. */
    claimedBy: text('claimed_by'),
    claimedAt: timestamptz('claimed_at'),
  },
  (t) => [
    index('help_sessions_code_idx').on(t.code),
    index('help_sessions_customer_idx').on(t.customerId),
    check('help_sessions_code_digits', sql`${t.code} ~ '^[0-9]{6}$'`),
    check('help_sessions_response_known', sql`${t.suggestionResponse} is null or ${t.suggestionResponse} in ('accepted', 'dismissed')`),
  ],
);

export type SupportAuditAction =
  | 'code_entered'
  | 'code_refused'
  | 'session_viewed'
  | 'step_suggested'
  | 'attempts_searched';

/**
 * Every time staff look at or act on a customer's data: who, when, what. No foreign keys, so
 * the record outlives the session, the customer and the staff account. Never a secret.
 */
export const supportAuditLog = pgTable(
  'support_audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    staffId: text('staff_id').notNull(),
    staffEmail: text('staff_email').notNull(),
    at: timestamptz('at').notNull().defaultNow(),
    action: text('action').$type<SupportAuditAction>().notNull(),
    helpSessionId: uuid('help_session_id'),
    customerId: text('customer_id'),
    /** What was looked at or done, in words an auditor can read (a masked address, a step). */
    detail: text('detail').notNull().default(''),
  },
  (t) => [
    index('support_audit_log_staff_at_idx').on(t.staffId, t.at),
    index('support_audit_log_session_idx').on(t.helpSessionId),
    check(
      'support_audit_log_action_known',
      sql`${t.action} in ('code_entered', 'code_refused', 'session_viewed', 'step_suggested', 'attempts_searched')`,
    ),
  ],
);

export type RoleAuditAction = 'staff_created' | 'role_granted' | 'password_reset' | 'role_removed';

/**
 * Every change of a user's role, and every reset of a staff member's sign-in, made from the
 * command line (`npm run staff:create`): whose, when, what and by whom. No foreign key, so the
 * record outlives the user. Never a password.
 */
export const roleAuditLog = pgTable(
  'role_audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamptz('at').notNull().defaultNow(),
    userId: text('user_id').notNull(),
    email: text('email').notNull(),
    action: text('action').$type<RoleAuditAction>().notNull(),
    /** Null when the account was made by this change. */
    fromRole: text('from_role').$type<UserRole>(),
    toRole: text('to_role').$type<UserRole>().notNull(),
    /** The tool that made the change ('staff:create'). */
    actor: text('actor').notNull(),
    /** The operating-system user who ran it, when the system can tell. */
    operator: text('operator'),
    /** What else happened, in words an auditor can read ("password replaced; 2 sessions ended"). */
    detail: text('detail').notNull().default(''),
  },
  (t) => [
    index('role_audit_log_user_at_idx').on(t.userId, t.at),
    check('role_audit_log_action_known', sql`${t.action} in ('staff_created', 'role_granted', 'password_reset', 'role_removed')`),
    check('role_audit_log_roles_known', sql`${t.toRole} in ('user', 'staff') and (${t.fromRole} is null or ${t.fromRole} in ('user', 'staff'))`),
  ],
);

export type CheckAttempt = typeof checkAttempts.$inferSelect;
export type NewCheckAttempt = typeof checkAttempts.$inferInsert;
export type ProviderPause = typeof providerPauses.$inferSelect;
export type NewProviderPause = typeof providerPauses.$inferInsert;
export type AuthUser = typeof authUsers.$inferSelect;
export type AuthSession = typeof authSessions.$inferSelect;
export type SignInThrottleRow = typeof signInThrottle.$inferSelect;
export type RequestLimitRow = typeof requestLimits.$inferSelect;
export type MailAccount = typeof mailAccounts.$inferSelect;
export type NewMailAccount = typeof mailAccounts.$inferInsert;
export type AccountStatusEvent = typeof accountStatusEvents.$inferSelect;
export type AccountAuditEntry = typeof accountAuditLog.$inferSelect;
export type HelpSession = typeof helpSessions.$inferSelect;
export type SupportAuditEntry = typeof supportAuditLog.$inferSelect;
export type RoleAuditEntry = typeof roleAuditLog.$inferSelect;
