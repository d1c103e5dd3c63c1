import type { ActionResult } from '@/lib/actions/result';
import type { StoredCheckResult } from '@/lib/db/schema';
import type { Diagnosis, FailureCode } from '@/lib/mail-check/types';
import type { RefusalReason } from './contract';

// What /accounts shows of a connected mailbox, and what its actions answer. Type-only: shared
// by the server (lib/accounts/manage.ts, app/accounts/actions.ts) and the client components.
// Nothing here can carry the code.

/** 「正常」, 「已暂停」, 「异常」; 「检查中」 is shown by the client while an action runs. */
export type AccountStatus = 'ok' | 'paused' | 'failed';

export interface StatusChangeView {
  at: string; // ISO 8601
  from: AccountStatus | null; // null for the account's creation
  to: AccountStatus;
  /** Why: 'created' | 'check_passed' | 'check_failed' | 'paused_by_user' | 'resumed_by_user' | 'code_replaced' | 'health_check'. */
  reason: string;
  /** The failure code when a check failed. */
  failureCode?: FailureCode;
}

export interface AccountView {
  id: string;
  /** As saved: lower case, an internationalised domain in ASCII (xn--…). */
  address: string;
  /** The address as its owner writes it: an xn-- domain in Unicode (例子.公司). Display only. */
  shownAddress: string;
  providerId: string;
  /** Manual setup: the name it logs in with when it is not the address; null otherwise. */
  loginName: string | null;
  status: AccountStatus;
  createdAt: string;
  lastCheckedAt: string | null;
  lastCheck: StoredCheckResult | null;
  /** For a failed last check: the diagnosis of the first failing protocol, with the step that fixes it. */
  diagnosis: Diagnosis | null;
  /**
   * The last check was refused on the login, so background checks leave this account alone
   * until its owner checks it by hand or replaces the code (lib/health/hold.ts).
   */
  heldFromBackground: boolean;
  /** The most recent status changes, newest first (at most 10). */
  history: StatusChangeView[];
}

/**
 * What the use cases of lib/accounts/manage.ts answer; app/accounts/actions.ts turns it into the
 * actions' ActionResult below. The same answer for "no such account" and "someone else's
 * account": existence never leaks.
 */
export type AccountActionResult =
  | { status: 'done'; account: AccountView }
  | { status: 'deleted' }
  | { status: 'not_found' }
  | { status: 'signed_out' }
  | { status: 'invalid'; fieldErrors: { code?: string[] }; formError?: string }
  | { status: 'refused'; reason: RefusalReason | 'paused'; retryAt?: string }
  /** The new code's check failed: nothing changed, the old code stays. */
  | { status: 'check_failed'; account: AccountView; diagnosis: Diagnosis; serverText?: string };

/** The failures of the /accounts actions, each with what the card needs to word it. */
interface AccountFailures {
  signed_out: Record<never, never>;
  /** No such account, someone else's, or an id of no shape: the same answer for all three. */
  not_found: Record<never, never>;
  /** Not checked: the account is paused, or the lockout would not run a check (`retryAt`: ISO 8601). */
  refused: { reason: RefusalReason | 'paused'; retryAt?: string };
  /** The new code's check failed: nothing changed, the old code stays. */
  check_failed: { account: AccountView; diagnosis: Diagnosis; serverText?: string };
}

type AccountResult<T, C extends keyof AccountFailures = never> = ActionResult<T, Pick<AccountFailures, C | 'signed_out' | 'not_found'>, 'code'>;

/** "Check now": the account as it is after the check, passed or failed. */
export type CheckNowActionResult = AccountResult<AccountView, 'refused'>;
/** Pause and resume: the account with its new status. */
export type PauseActionResult = AccountResult<AccountView>;
/** A new code: the account once the code passed and replaced the old one. */
export type ReplaceCodeActionResult = AccountResult<AccountView, 'refused' | 'check_failed'>;
/** Removal: nothing left to show. */
export type DeleteActionResult = AccountResult<null>;
/** Any answer of the /accounts actions, for what the card words the same way for all of them. */
export type AccountsActionResult = AccountResult<AccountView | null, keyof AccountFailures>;
