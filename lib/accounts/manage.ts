import 'server-only';
import type { AppDatabase } from '@/lib/db/client';
import { issueText } from '@/lib/i18n/issue-text';
import type { Locale } from '@/lib/i18n/locale';
import { checkMailbox, type CheckMailboxInput, type CheckMailboxOptions, type MailboxCheckResult } from '@/lib/mail-check/check-mailbox';
import { failedResult } from '@/lib/mail-check/diagnosis';
import type { CheckReport, ProtocolCheckResult } from '@/lib/mail-check/types';
import { acceptSecret, assessAuthCode, type AuthCode } from '@/lib/providers/auth-code';
import { MANUAL_PROVIDER } from '@/lib/providers/manual';
import { getProvider } from '@/lib/providers/registry';
import type { MailEndpoints } from '@/lib/providers/types';
import {
  changeAccountStatusByUser,
  deleteOwnedAccount,
  findAccountForCheck,
  recordAccountCheck,
  saveReplacedAccountCode,
  selectAccountViewRows,
  selectRecentStatusEvents,
  type AccountForCheck,
  type UserStatusChange,
} from './manage-queries';
import { toStoredCheckResult, type SealingOptions } from './queries';
import { getKeyring, openSecret } from './seal';
import type { AccountActionResult, AccountView } from './view';
import { historiesByAccount, toAccountView } from './view-mapping';

// What /accounts does to a connected mailbox: show it, check it now, pause and resume it,
// replace its code, delete it. Every function takes the owner's id and reaches the account only
// through lib/accounts/manage-queries.ts, whose queries filter by owner and id together, so
// another owner's account is not found by the very same query that finds no account at all: the
// answer and the work done are the same for both. The views are made in view-mapping.ts.

export type ManageOptions = CheckMailboxOptions & SealingOptions & { locale?: Locale };

export type CheckNowOptions = ManageOptions & {
  /** Who asked: the user's "check now" (default), or the scheduled health check. */
  reason?: 'user' | 'health_check';
};

type Result<S extends AccountActionResult['status']> = Extract<AccountActionResult, { status: S }>;
export type CheckNowResult = Result<'done' | 'not_found' | 'refused'>;
export type PauseResult = Result<'done' | 'not_found'>;
export type ReplaceCodeResult = Result<'done' | 'not_found' | 'refused' | 'invalid' | 'check_failed'>;
export type DeleteResult = Result<'deleted' | 'not_found'>;

const NOT_FOUND = { status: 'not_found' } as const;

function firstFailure(report: CheckReport): Extract<ProtocolCheckResult, { ok: false }> | undefined {
  for (const protocol of [report.imap, report.smtp]) if (!protocol.ok) return protocol;
  return undefined;
}

// --- Reading ---------------------------------------------------------------------------------

/** Every mailbox of the owner, oldest first, each with its latest status changes. */
export async function listAccountViews(db: AppDatabase, ownerId: string): Promise<AccountView[]> {
  const [rows, events] = await Promise.all([selectAccountViewRows(db, ownerId), selectRecentStatusEvents(db, ownerId)]);
  const histories = historiesByAccount(events);
  return rows.map((row) => toAccountView(row, histories.get(row.id) ?? []));
}

/** One of the owner's mailboxes, or null when there is no such id for this owner. */
export async function getAccountView(db: AppDatabase, ownerId: string, accountId: string): Promise<AccountView | null> {
  const [rows, events] = await Promise.all([
    selectAccountViewRows(db, ownerId, accountId),
    selectRecentStatusEvents(db, ownerId, accountId),
  ]);
  const row = rows[0];
  return row ? toAccountView(row, historiesByAccount(events).get(row.id) ?? []) : null;
}

async function requireAccountView(db: AppDatabase, ownerId: string, accountId: string): Promise<AccountView> {
  const view = await getAccountView(db, ownerId, accountId);
  if (!view) throw new Error(`manage: account ${accountId} vanished while it was being answered`);
  return view;
}

async function viewOrNotFound(db: AppDatabase, ownerId: string, accountId: string): Promise<Result<'done' | 'not_found'>> {
  // Deleted by a concurrent request after this one changed it: the honest answer is not_found.
  const account = await getAccountView(db, ownerId, accountId);
  return account ? { status: 'done', account } : NOT_FOUND;
}

// --- Checking --------------------------------------------------------------------------------

/** What an account's saved servers are read from. */
type SavedServers = Pick<AccountForCheck, 'address' | 'providerId' | 'imapHost' | 'imapPort' | 'imapTls' | 'smtpHost' | 'smtpPort' | 'smtpTls'>;

const savedEndpoints = (account: SavedServers): MailEndpoints => ({
  imap: { host: account.imapHost, port: account.imapPort, tls: account.imapTls },
  smtp: { host: account.smtpHost, port: account.smtpPort, tls: account.smtpTls },
});

/**
 * What a re-check of the account asks for: its provider's server set it was saved with (found
 * by the check among the sets it detects then, by value: a company domain's MX rule may order
 * them otherwise than when it was saved), or, for a mailbox set up by hand, the servers it was
 * saved with, typed again as it were (its login name too), so that the address guard resolves
 * and vets them again (what a name resolves to may have changed since).
 */
function recheckInput(account: AccountForCheck, code: string): CheckMailboxInput {
  if (account.providerId === MANUAL_PROVIDER.id) {
    const { imap, smtp } = savedEndpoints(account);
    return {
      address: account.address,
      code,
      manual: {
        imapHost: imap.host,
        imapPort: imap.port,
        imapTls: imap.tls,
        smtpHost: smtp.host,
        smtpPort: smtp.port,
        smtpTls: smtp.tls,
        ...(account.loginName !== null ? { loginName: account.loginName } : {}),
      },
    };
  }
  return { address: account.address, code, savedEndpoints: savedEndpoints(account) };
}

/**
 * A re-check of a mailbox set up by hand whose server the address guard now refuses (its name
 * resolves to a private address since, or not at all), or that manual setup no longer dials (a
 * known provider's server, a port that is not a mail port: saved before those rules): nothing
 * was dialled, but for the account it is a failed check like any other, so it becomes one. Both
 * sides fail at `connect` with the refusal's meaning (`timeout` or `aborted` where the lookup
 * ran out of time or was cancelled, else `unreachable`): the other side was not checked, and a
 * check that cannot reach one of its servers cannot pass. The details say which host was
 * refused and why, for support.
 */
function withGuardRefusalAsFailure(result: MailboxCheckResult, account: AccountForCheck, code: string): MailboxCheckResult {
  let refused: { side: 'imap' | 'smtp'; reason: string };
  if (result.status === 'host_refused') {
    refused = { side: result.field === 'imapHost' ? 'imap' : 'smtp', reason: result.code };
  } else if (result.status === 'invalid_servers' && (result.field === 'imapPort' || result.field === 'smtpPort')) {
    refused = { side: result.field === 'imapPort' ? 'imap' : 'smtp', reason: 'not_mail_port' };
  } else {
    return result;
  }
  const endpoints = savedEndpoints(account);
  const failure = result.status === 'host_refused' && (result.code === 'timeout' || result.code === 'aborted') ? result.code : 'unreachable';
  const refusedSide = refused.side;
  const side = (protocol: 'imap' | 'smtp') =>
    failedResult(
      {
        code: failure,
        stage: 'connect',
        detail:
          protocol === refusedSide
            ? `address guard: ${refused.reason}`
            : `not checked: the ${refusedSide.toUpperCase()} server was refused (address guard: ${refused.reason})`,
      },
      endpoints[protocol],
      0,
      MANUAL_PROVIDER,
    );
  return {
    status: 'checked',
    address: account.address,
    providerId: MANUAL_PROVIDER.id,
    endpoints,
    // The code the check was given: the account's as it was sealed, or a new one accepted for its provider.
    secret: code as AuthCode,
    codeAssessment: assessAuthCode(code, MANUAL_PROVIDER),
    report: { ok: false, durationMs: 0, imap: side('imap'), smtp: side('smtp'), banSignal: false },
  };
}

function openAccountCode(account: AccountForCheck, options: SealingOptions): string {
  const keyring = options.keyring ?? getKeyring();
  return openSecret(keyring, { keyId: account.codeKeyId, sealed: account.sealedCode }, { ownerId: account.ownerId, address: account.address });
}

/**
 * Checks one of the owner's mailboxes with its stored code: the wizard's check, under the same
 * lockout limits and provider pauses. Records the result, and a status change when there is
 * one. A paused account is not checked; a refused check (lockout, provider pause) changes
 * nothing.
 */
export async function checkAccountNow(
  db: AppDatabase,
  ownerId: string,
  accountId: string,
  options: CheckNowOptions = {},
): Promise<CheckNowResult> {
  const account = await findAccountForCheck(db, ownerId, accountId);
  if (!account) return NOT_FOUND;
  if (account.status === 'paused') return { status: 'refused', reason: 'paused' };

  const code = openAccountCode(account, options);
  const kind = options.reason === 'health_check' ? 'health' : 'check_now';
  const result = withGuardRefusalAsFailure(
    await checkMailbox(db, recheckInput(account, code), { ...options, ownerId: account.ownerId, kind }),
    account,
    code,
  );
  if (result.status === 'refused') {
    return { status: 'refused', reason: result.reason, retryAt: result.retryAt.toISOString() };
  }
  if (result.status !== 'checked') {
    // The address and code were accepted when the account was saved; this is a bug or data damage.
    throw new Error(`checkAccountNow: the saved account ${account.id} no longer passes the check's input rules (${result.status})`);
  }
  const { report } = result;
  // Cut short by shutting down: that says nothing about the code, so nothing is recorded.
  if (options.signal?.aborted && [report.imap, report.smtp].some((p) => !p.ok && p.code === 'aborted')) {
    return viewOrNotFound(db, ownerId, accountId);
  }

  const checkedAt = new Date();
  const failure = firstFailure(report);
  await recordAccountCheck(db, ownerId, account, {
    at: checkedAt,
    passed: report.ok,
    // Masked with what the check sent, which is what the server could have echoed.
    result: toStoredCheckResult(report, checkedAt, result.secret),
    reason: options.reason === 'health_check' ? 'health_check' : report.ok ? 'check_passed' : 'check_failed',
    failureCode: failure?.code ?? null,
  });
  return viewOrNotFound(db, ownerId, accountId);
}

// --- Pause and resume ------------------------------------------------------------------------

async function changeStatusByUser(db: AppDatabase, ownerId: string, accountId: string, change: UserStatusChange): Promise<PauseResult> {
  const found = await changeAccountStatusByUser(db, ownerId, accountId, change);
  return found ? viewOrNotFound(db, ownerId, accountId) : NOT_FOUND;
}

const PAUSE: UserStatusChange = { next: () => 'paused', reason: 'paused_by_user', action: 'paused' };

const RESUME: UserStatusChange = {
  next: ({ status, lastCheckResult }) => (status !== 'paused' ? status : lastCheckResult?.ok === false ? 'failed' : 'ok'),
  reason: 'resumed_by_user',
  action: 'resumed',
};

/** 「已暂停」: neither checked (by the user or the health runner) nor used until resumed. */
export function pauseAccount(db: AppDatabase, ownerId: string, accountId: string): Promise<PauseResult> {
  return changeStatusByUser(db, ownerId, accountId, PAUSE);
}

/** Back to what the last check said, without checking (the next check is the health runner's or the user's). */
export function resumeAccount(db: AppDatabase, ownerId: string, accountId: string): Promise<PauseResult> {
  return changeStatusByUser(db, ownerId, accountId, RESUME);
}

// --- Replacing the code ----------------------------------------------------------------------

/**
 * Checks the mailbox with a new code and, only when both halves pass, replaces the sealed code
 * (and the endpoints and last result) of the account. When the check fails nothing changes:
 * the old code stays, and the answer carries the diagnosis. A paused account is refused: it
 * is not checked while paused. `newCode` is as the action parsed it (authCodeSchema(), a
 * TypedSecret), not parsed again here.
 */
export async function replaceAccountCode(
  db: AppDatabase,
  ownerId: string,
  accountId: string,
  newCode: string,
  options: ManageOptions = {},
): Promise<ReplaceCodeResult> {
  const locale = options.locale ?? 'zh';
  const account = await findAccountForCheck(db, ownerId, accountId);
  if (!account) return NOT_FOUND;
  if (account.status === 'paused') return { status: 'refused', reason: 'paused' };
  // The account's provider's own rules finish the parsed code: a code is cleaned, a password is
  // kept as typed. A provider no longer in our data leaves it to the check, which accepts it for
  // the provider it detects; the save asserts what is sealed (assertAuthCode).
  const provider = getProvider(account.providerId);
  const accepted = provider ? acceptSecret(newCode, provider) : ({ ok: true, secret: newCode } as const);
  if (!accepted.ok) return { status: 'invalid', fieldErrors: { code: [issueText(accepted.issue, locale)] } };
  const code = accepted.secret;

  const result = withGuardRefusalAsFailure(
    await checkMailbox(db, recheckInput(account, code), { ...options, ownerId: account.ownerId, kind: 'replace_code' }),
    account,
    code,
  );
  if (result.status === 'refused') {
    return { status: 'refused', reason: result.reason, retryAt: result.retryAt.toISOString() };
  }
  // The check's provider is detected again from the address; should its rules differ from the
  // saved provider's, its refusal of the code is still the user's to fix, not a server error.
  if (result.status === 'invalid_code') return { status: 'invalid', fieldErrors: { code: [issueText(result.issue, locale)] } };
  if (result.status !== 'checked') {
    throw new Error(`replaceAccountCode: the saved account ${account.id} no longer passes the check's input rules (${result.status})`);
  }

  const { report } = result;
  const failure = firstFailure(report);
  if (!report.ok || failure) {
    const unchanged = await getAccountView(db, ownerId, accountId);
    if (!unchanged) return NOT_FOUND;
    if (!failure) throw new Error('replaceAccountCode: a failed report without a failing protocol');
    // The stored form masks the code once more in the server's words.
    const stored = toStoredCheckResult(report, new Date(), result.secret);
    const serverText = (failure === report.imap ? stored.imap : stored.smtp).serverText;
    return { status: 'check_failed', account: unchanged, diagnosis: failure.diagnosis, ...(serverText !== undefined ? { serverText } : {}) };
  }

  const outcome = await saveReplacedAccountCode(
    db,
    account.id,
    {
      ownerId,
      address: account.address,
      providerId: result.providerId,
      endpoints: result.endpoints,
      ...(result.loginName !== undefined ? { loginName: result.loginName } : {}),
      code: result.secret,
      report,
    },
    options,
  );
  if (outcome === 'gone') return NOT_FOUND;
  if (outcome === 'paused') return { status: 'refused', reason: 'paused' };
  return { status: 'done', account: await requireAccountView(db, ownerId, accountId) };
}

// --- Deleting --------------------------------------------------------------------------------

/** Removes the account and its sealed code (its status history goes with it) and leaves an audit entry. */
export async function deleteAccount(db: AppDatabase, ownerId: string, accountId: string): Promise<DeleteResult> {
  return (await deleteOwnedAccount(db, ownerId, accountId)) ? { status: 'deleted' } : NOT_FOUND;
}
