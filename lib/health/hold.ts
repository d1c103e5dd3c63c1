import type { StoredCheckResult } from '@/lib/db/schema';
import { DIAGNOSES, isLoginVerdict } from '@/lib/mail-check/diagnosis';
import type { FailureCode } from '@/lib/mail-check/types';

// Which saved accounts the health runner leaves alone. A check refused on the login (a wrong or
// revoked code, SMTP switched off, an IP restriction...) would only be refused again with the
// same code, one more refused login toward a ban of our server's address for every user. So such
// an account is held from background checks until its owner acts: a check by hand or a
// replaced code writes a new last result, and the hold follows that result. Shared by the
// runner's claim (as SQL) and by /accounts (which says why the account is not checked).

/**
 * The failure codes that hold an account from background checks: the server's verdicts on the
 * login, except a ban of our address, which is no fault of the account (the provider pause
 * keeps everyone away while it lasts, and the runner defers to its end).
 */
export const HOLDING_CODES: readonly FailureCode[] = (Object.keys(DIAGNOSES) as FailureCode[]).filter(
  (code) => isLoginVerdict(code) && code !== 'ip_banned',
);

/**
 * Whether the last check failed for a passing reason that a sooner retry may fix: no verdict on
 * the login and no login left unanswered (the server was unreachable, slow before the login,
 * busy...). A login sent and not answered is not retried sooner: it may have been refused.
 */
export function retriesSooner(lastCheck: Pick<StoredCheckResult, 'ok' | 'imap' | 'smtp'> | null | undefined): boolean {
  if (!lastCheck || lastCheck.ok || isHeldFromBackground(lastCheck)) return false;
  return [lastCheck.imap, lastCheck.smtp]
    .filter((side) => !side.ok && side.code !== 'not_attempted')
    .every((side) => side.stage !== 'login' && side.stage !== 'auth');
}

/** Whether the last check's result holds the account from background checks. */
export function isHeldFromBackground(lastCheck: Pick<StoredCheckResult, 'ok' | 'imap' | 'smtp'> | null | undefined): boolean {
  if (!lastCheck || lastCheck.ok) return false;
  return [lastCheck.imap, lastCheck.smtp].some((side) => !side.ok && HOLDING_CODES.includes(side.code as FailureCode));
}
