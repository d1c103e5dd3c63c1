import 'server-only';
import { and, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { mailAccounts } from '@/lib/db/schema';
import { HOLDING_CODES } from './hold';

// Which accounts a health round may claim, in SQL: the runner's claim (lib/health/runner.ts) and
// the round-lag gauge (lib/metrics/database-gauges.ts) ask the same question. The partial index
// mail_accounts_due_idx (lib/db/schema.ts) is built on this condition: keep them the same, term
// for term (lib/health/due-index.test.ts).

/** The SQL form of `isHeldFromBackground`: accounts whose last result has no verdict on the login. */
const notHeld = sql`not coalesce(
  (${mailAccounts.lastCheckResult}->>'ok')::boolean = false and (
    ${mailAccounts.lastCheckResult}->'imap'->>'code' in (${sql.join(HOLDING_CODES.map((code) => sql`${code}`), sql`, `)})
    or ${mailAccounts.lastCheckResult}->'smtp'->>'code' in (${sql.join(HOLDING_CODES.map((code) => sql`${code}`), sql`, `)})
  ), false)`;

/** Accounts due at `at` (a time, or the database's `now()`) that a health round may claim. */
export function claimableAt(at: Date | SQL): SQL {
  return and(inArray(mailAccounts.status, ['ok', 'failed']), lte(mailAccounts.nextCheckAt, at), notHeld)!;
}
