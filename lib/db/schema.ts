import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
    finishedAt: timestamptz('finished_at').notNull(),
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
  },
  (t) => [
    index('check_attempts_address_started_at_idx').on(t.address, t.startedAt),
    index('check_attempts_provider_started_at_idx').on(t.providerId, t.startedAt),
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

export type CheckAttempt = typeof checkAttempts.$inferSelect;
export type NewCheckAttempt = typeof checkAttempts.$inferInsert;
export type ProviderPause = typeof providerPauses.$inferSelect;
export type NewProviderPause = typeof providerPauses.$inferInsert;
