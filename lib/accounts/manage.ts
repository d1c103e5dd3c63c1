import 'server-only';
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { isHeldFromBackground } from '@/lib/health/hold';
import type { AppDatabase } from '@/lib/db/client';
import {
  accountAuditLog,
  accountStatusEvents,
  mailAccounts,
  type AccountAuditAction,
  type MailAccountStatus,
  type StatusChangeReason,
  type StoredCheckResult,
} from '@/lib/db/schema';
import { checkMailbox, type CheckMailboxInput, type CheckMailboxOptions, type MailboxCheckResult } from '@/lib/mail-check/check-mailbox';
import { DIAGNOSES, diagnose, failedResult, STAGE_LABELS } from '@/lib/mail-check/diagnosis';
import type { CheckReport, CheckStage, Diagnosis, FailureCode, ProtocolCheckResult } from '@/lib/mail-check/types';
import { acceptSecret, assessAuthCode, createAuthCodeSchema } from '@/lib/providers/auth-code';
import { MANUAL_PROVIDER } from '@/lib/providers/manual';
import { getProvider } from '@/lib/providers/registry';
import type { MailEndpoints } from '@/lib/providers/types';
import type { Locale } from '@/lib/i18n/locale';
import { saveCheckedMailAccount, toStoredCheckResult, type SealingOptions } from './queries';
import { getKeyring, openSecret } from './seal';
import type { AccountActionResult, AccountView, StatusChangeView } from './view';

// What /accounts does to a connected mailbox: show it, check it now, pause and resume it,
// replace its code, delete it. Every function takes the owner's id, and every query filters by
// owner and id together, so another owner's account is not found by the very same query that
// finds no account at all: the answer and the work done are the same for both.

/** The most recent status changes an AccountView carries. */
export const HISTORY_LIMIT = 10;

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// gen_random_uuid() makes version-4 ids, so the nil uuid names no row.
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The id to look up. Text that is not a UUID cannot name a row, and handing it to PostgreSQL
 * would be an error (a 500); it is swapped for an id no row has, so that a malformed id runs
 * the same query, takes the same time and gets the same `not_found` as an unknown one.
 */
const lookupId = (accountId: string) => (UUID.test(accountId) ? accountId : NIL_UUID);

const viewColumns = {
  id: mailAccounts.id,
  ownerId: mailAccounts.ownerId,
  address: mailAccounts.address,
  providerId: mailAccounts.providerId,
  status: mailAccounts.status,
  createdAt: mailAccounts.createdAt,
  lastCheckedAt: mailAccounts.lastCheckedAt,
  lastCheckResult: mailAccounts.lastCheckResult,
};

type ViewRow = {
  id: string;
  address: string;
  providerId: string;
  status: MailAccountStatus;
  createdAt: Date;
  lastCheckedAt: Date | null;
  lastCheckResult: StoredCheckResult | null;
};

const ownedBy = (ownerId: string, accountId: string) =>
  and(eq(mailAccounts.id, lookupId(accountId)), eq(mailAccounts.ownerId, ownerId));

const isFailureCode = (code: string | null | undefined): code is FailureCode =>
  typeof code === 'string' && Object.hasOwn(DIAGNOSES, code);
const isStage = (stage: string | undefined): stage is CheckStage => typeof stage === 'string' && Object.hasOwn(STAGE_LABELS, stage);

/**
 * The diagnosis of the first failing protocol of a stored result (IMAP before SMTP), in the
 * words of the account's provider where it has its own (QQ's checklist, iCloud's title...).
 */
export function diagnosisOfStoredResult(result: StoredCheckResult | null, providerId?: string): Diagnosis | null {
  if (!result || result.ok) return null;
  const provider = providerId === undefined ? undefined : getProvider(providerId);
  for (const protocol of [result.imap, result.smtp]) {
    if (!protocol.ok && isFailureCode(protocol.code)) {
      return diagnose(protocol.code, isStage(protocol.stage) ? protocol.stage : 'connect', provider);
    }
  }
  return null;
}

function firstFailure(report: CheckReport): Extract<ProtocolCheckResult, { ok: false }> | undefined {
  for (const protocol of [report.imap, report.smtp]) if (!protocol.ok) return protocol;
  return undefined;
}

// --- Reading ---------------------------------------------------------------------------------

/** The latest status changes of the owner's accounts (or of one of them), newest first. */
async function loadHistories(db: AppDatabase, ownerId: string, accountId?: string): Promise<Map<string, StatusChangeView[]>> {
  const events = accountStatusEvents;
  const ranked = db
    .select({
      eventId: events.id,
      accountId: events.accountId,
      at: events.at,
      fromStatus: events.fromStatus,
      toStatus: events.toStatus,
      reason: events.reason,
      failureCode: events.failureCode,
      rank: sql<number>`row_number() over (partition by ${events.accountId} order by ${events.at} desc, ${events.id} desc)`.as('rank'),
    })
    .from(events)
    .innerJoin(mailAccounts, eq(mailAccounts.id, events.accountId))
    .where(and(eq(mailAccounts.ownerId, ownerId), accountId === undefined ? undefined : eq(events.accountId, lookupId(accountId))))
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, HISTORY_LIMIT))
    .orderBy(asc(ranked.accountId), desc(ranked.at), desc(ranked.eventId));

  const histories = new Map<string, StatusChangeView[]>();
  for (const row of rows) {
    const change: StatusChangeView = {
      at: row.at.toISOString(),
      from: row.fromStatus,
      to: row.toStatus,
      reason: row.reason,
      ...(isFailureCode(row.failureCode) ? { failureCode: row.failureCode } : {}),
    };
    const list = histories.get(row.accountId);
    if (list) list.push(change);
    else histories.set(row.accountId, [change]);
  }
  return histories;
}

function toAccountView(row: ViewRow, recorded: StatusChangeView[]): AccountView {
  // Accounts are only ever created by a passing check (saveCheckedMailAccount), so creation is
  // a change to 「正常」 at created_at; it is shown once the history is short enough to reach it.
  const history =
    recorded.length < HISTORY_LIMIT
      ? [...recorded, { at: row.createdAt.toISOString(), from: null, to: 'ok' as const, reason: 'created' }]
      : recorded;
  return {
    id: row.id,
    address: row.address,
    providerId: row.providerId,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    lastCheck: row.lastCheckResult,
    diagnosis: diagnosisOfStoredResult(row.lastCheckResult, row.providerId),
    heldFromBackground: row.status !== 'paused' && isHeldFromBackground(row.lastCheckResult),
    history,
  };
}

/** Every mailbox of the owner, oldest first, each with its latest status changes. */
export async function listAccountViews(db: AppDatabase, ownerId: string): Promise<AccountView[]> {
  const [rows, histories] = await Promise.all([
    db
      .select(viewColumns)
      .from(mailAccounts)
      .where(eq(mailAccounts.ownerId, ownerId))
      .orderBy(asc(mailAccounts.createdAt), asc(mailAccounts.id)),
    loadHistories(db, ownerId),
  ]);
  return rows.map((row) => toAccountView(row, histories.get(row.id) ?? []));
}

/** One of the owner's mailboxes, or null when there is no such id for this owner. */
export async function getAccountView(db: AppDatabase, ownerId: string, accountId: string): Promise<AccountView | null> {
  const [rows, histories] = await Promise.all([
    db.select(viewColumns).from(mailAccounts).where(ownedBy(ownerId, accountId)),
    loadHistories(db, ownerId, accountId),
  ]);
  const row = rows[0];
  return row ? toAccountView(row, histories.get(row.id) ?? []) : null;
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

/** The account with what a check needs: its sealed code and its endpoints. */
async function findAccountForCheck(db: AppDatabase, ownerId: string, accountId: string) {
  const [row] = await db
    .select({
      id: mailAccounts.id,
      ownerId: mailAccounts.ownerId,
      address: mailAccounts.address,
      providerId: mailAccounts.providerId,
      status: mailAccounts.status,
      sealedCode: mailAccounts.sealedCode,
      codeKeyId: mailAccounts.codeKeyId,
      imapHost: mailAccounts.imapHost,
      imapPort: mailAccounts.imapPort,
      imapTls: mailAccounts.imapTls,
      smtpHost: mailAccounts.smtpHost,
      smtpPort: mailAccounts.smtpPort,
      smtpTls: mailAccounts.smtpTls,
    })
    .from(mailAccounts)
    .where(ownedBy(ownerId, accountId));
  return row;
}

type AccountForCheck = NonNullable<Awaited<ReturnType<typeof findAccountForCheck>>>;
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
 * saved with, typed again as it were, so that the address guard resolves and vets them again
 * (what a name resolves to may have changed since).
 */
function recheckInput(account: AccountForCheck, code: string): CheckMailboxInput {
  if (account.providerId === MANUAL_PROVIDER.id) {
    const { imap, smtp } = savedEndpoints(account);
    return {
      address: account.address,
      code,
      manual: { imapHost: imap.host, imapPort: imap.port, imapTls: imap.tls, smtpHost: smtp.host, smtpPort: smtp.port, smtpTls: smtp.tls },
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
  const reason: StatusChangeReason = options.reason === 'health_check' ? 'health_check' : report.ok ? 'check_passed' : 'check_failed';
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: mailAccounts.status, sealedCode: mailAccounts.sealedCode })
      .from(mailAccounts)
      .where(ownedBy(ownerId, account.id))
      .for('update');
    // Deleted meanwhile, or its code replaced meanwhile: this result is about a code the
    // account no longer has, so it must not overwrite the newer state. (A key rotation
    // re-sealing the same code meanwhile also lands here; that check is simply not kept.)
    if (!current || !current.sealedCode.equals(account.sealedCode)) return;
    // Paused while the check ran: keep the pause, but remember what the check found.
    const status: MailAccountStatus = current.status === 'paused' ? 'paused' : report.ok ? 'ok' : 'failed';
    await tx
      .update(mailAccounts)
      .set({ status, lastCheckedAt: checkedAt, lastCheckResult: toStoredCheckResult(report, checkedAt, code), updatedAt: checkedAt })
      .where(eq(mailAccounts.id, account.id));
    if (status !== current.status) {
      await tx.insert(accountStatusEvents).values({
        accountId: account.id,
        at: checkedAt,
        fromStatus: current.status,
        toStatus: status,
        reason,
        failureCode: firstFailure(report)?.code ?? null,
      });
    }
  });
  return viewOrNotFound(db, ownerId, accountId);
}

// --- Pause and resume ------------------------------------------------------------------------

async function changeStatusByUser(
  db: AppDatabase,
  ownerId: string,
  accountId: string,
  next: (current: { status: MailAccountStatus; lastCheckResult: StoredCheckResult | null }) => MailAccountStatus,
  reason: StatusChangeReason,
  action: AccountAuditAction,
): Promise<PauseResult> {
  const found = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: mailAccounts.id, address: mailAccounts.address, status: mailAccounts.status, lastCheckResult: mailAccounts.lastCheckResult })
      .from(mailAccounts)
      .where(ownedBy(ownerId, accountId))
      .for('update');
    if (!current) return false;
    const status = next(current);
    // Pausing a paused account (a double click, two tabs) is not a change.
    if (status === current.status) return true;
    const at = new Date();
    await tx.update(mailAccounts).set({ status, updatedAt: at }).where(eq(mailAccounts.id, current.id));
    await tx.insert(accountStatusEvents).values({ accountId: current.id, at, fromStatus: current.status, toStatus: status, reason });
    await tx.insert(accountAuditLog).values({ ownerId, accountId: current.id, address: current.address, action, at });
    return true;
  });
  return found ? viewOrNotFound(db, ownerId, accountId) : NOT_FOUND;
}

/** 「已暂停」: neither checked (by the user or the health runner) nor used until resumed. */
export function pauseAccount(db: AppDatabase, ownerId: string, accountId: string): Promise<PauseResult> {
  return changeStatusByUser(db, ownerId, accountId, () => 'paused', 'paused_by_user', 'paused');
}

/** Back to what the last check said, without checking (the next check is the health runner's or the user's). */
export function resumeAccount(db: AppDatabase, ownerId: string, accountId: string): Promise<PauseResult> {
  return changeStatusByUser(
    db,
    ownerId,
    accountId,
    ({ status, lastCheckResult }) => (status !== 'paused' ? status : lastCheckResult?.ok === false ? 'failed' : 'ok'),
    'resumed_by_user',
    'resumed',
  );
}

// --- Replacing the code ----------------------------------------------------------------------

/**
 * Checks the mailbox with a new code and, only when both halves pass, replaces the sealed code
 * (and the endpoints and last result) of the account. When the check fails nothing changes:
 * the old code stays, and the answer carries the diagnosis. A paused account is refused: it
 * is not checked while paused.
 */
export async function replaceAccountCode(
  db: AppDatabase,
  ownerId: string,
  accountId: string,
  newCode: string,
  options: ManageOptions = {},
): Promise<ReplaceCodeResult> {
  const locale = options.locale ?? 'zh';
  // What is wrong whatever the provider comes first, before the account is looked up.
  const parsedCode = createAuthCodeSchema(locale).safeParse(newCode);
  if (!parsedCode.success) {
    return { status: 'invalid', fieldErrors: { code: parsedCode.error.issues.map((issue) => issue.message) } };
  }

  const account = await findAccountForCheck(db, ownerId, accountId);
  if (!account) return NOT_FOUND;
  if (account.status === 'paused') return { status: 'refused', reason: 'paused' };
  // Then the account's provider's own rules: a code is cleaned, a password is kept as typed.
  // A provider no longer in our data leaves it to the check, which cleans for what it detects.
  const provider = getProvider(account.providerId);
  const accepted = provider ? acceptSecret(parsedCode.data, provider) : ({ ok: true, secret: parsedCode.data } as const);
  if (!accepted.ok) return { status: 'invalid', fieldErrors: { code: [accepted.message[locale]] } };
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
  if (result.status === 'invalid_code') return { status: 'invalid', fieldErrors: { code: [result.message[locale]] } };
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
    const stored = toStoredCheckResult(report, new Date(), code);
    const serverText = (failure === report.imap ? stored.imap : stored.smtp).serverText;
    return { status: 'check_failed', account: unchanged, diagnosis: failure.diagnosis, ...(serverText !== undefined ? { serverText } : {}) };
  }

  const outcome = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: mailAccounts.status })
      .from(mailAccounts)
      .where(ownedBy(ownerId, account.id))
      .for('update');
    // Deleted while the check ran: saving would bring it back.
    if (!current) return 'gone' as const;
    if (current.status === 'paused') return 'paused' as const;
    const { account: saved } = await saveCheckedMailAccount(
      tx,
      { ownerId, address: account.address, providerId: result.providerId, endpoints: result.endpoints, code, report },
      options,
    );
    if (current.status !== saved.status) {
      await tx.insert(accountStatusEvents).values({
        accountId: account.id,
        at: saved.updatedAt,
        fromStatus: current.status,
        toStatus: saved.status,
        reason: 'code_replaced',
      });
    }
    await tx.insert(accountAuditLog).values({ ownerId, accountId: account.id, address: account.address, action: 'code_replaced', at: saved.updatedAt });
    return 'saved' as const;
  });
  if (outcome === 'gone') return NOT_FOUND;
  if (outcome === 'paused') return { status: 'refused', reason: 'paused' };
  return { status: 'done', account: await requireAccountView(db, ownerId, accountId) };
}

// --- Deleting --------------------------------------------------------------------------------

/** Removes the account and its sealed code (its status history goes with it) and leaves an audit entry. */
export async function deleteAccount(db: AppDatabase, ownerId: string, accountId: string): Promise<DeleteResult> {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(mailAccounts)
      .where(ownedBy(ownerId, accountId))
      .returning({ id: mailAccounts.id, address: mailAccounts.address });
    if (!deleted) return NOT_FOUND;
    await tx.insert(accountAuditLog).values({ ownerId, accountId: deleted.id, address: deleted.address, action: 'deleted' });
    return { status: 'deleted' } as const;
  });
}
