import 'server-only';
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
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
import { saveCheckedMailAccount, summaryColumns, type CheckedMailAccount, type SealingOptions } from './queries';
import { HISTORY_LIMIT, type AccountViewRow, type StatusEventRow } from './view-mapping';

// The SQL behind /accounts' use cases (lib/accounts/manage.ts): reading an owner's accounts and
// their status history, and each change to one account, in one transaction with its status
// event and audit entry. Every query filters by owner and id together, so another owner's
// account is not found by the very same query that finds no account at all.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// gen_random_uuid() makes version-4 ids, so the nil uuid names no row.
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The id to look up. Text that is not a UUID cannot name a row, and handing it to PostgreSQL
 * would be an error (a 500); it is swapped for an id no row has, so that a malformed id runs
 * the same query, takes the same time and gets the same `not_found` as an unknown one.
 */
const lookupId = (accountId: string) => (UUID.test(accountId) ? accountId : NIL_UUID);

const ownedBy = (ownerId: string, accountId: string) =>
  and(eq(mailAccounts.id, lookupId(accountId)), eq(mailAccounts.ownerId, ownerId));

const viewColumns = {
  id: mailAccounts.id,
  address: mailAccounts.address,
  providerId: mailAccounts.providerId,
  loginName: mailAccounts.loginName,
  status: mailAccounts.status,
  createdAt: mailAccounts.createdAt,
  lastCheckedAt: mailAccounts.lastCheckedAt,
  lastCheckResult: mailAccounts.lastCheckResult,
};

// --- Reading ---------------------------------------------------------------------------------

/** The owner's accounts (or one of them) as their views need them, oldest first. */
export async function selectAccountViewRows(db: AppDatabase, ownerId: string, accountId?: string): Promise<AccountViewRow[]> {
  const query = db.select(viewColumns).from(mailAccounts);
  if (accountId !== undefined) return query.where(ownedBy(ownerId, accountId));
  return query.where(eq(mailAccounts.ownerId, ownerId)).orderBy(asc(mailAccounts.createdAt), asc(mailAccounts.id));
}

/** The latest HISTORY_LIMIT status changes of each of the owner's accounts (or of one of them), newest first. */
export async function selectRecentStatusEvents(db: AppDatabase, ownerId: string, accountId?: string): Promise<StatusEventRow[]> {
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
  return db
    .select({
      accountId: ranked.accountId,
      at: ranked.at,
      fromStatus: ranked.fromStatus,
      toStatus: ranked.toStatus,
      reason: ranked.reason,
      failureCode: ranked.failureCode,
    })
    .from(ranked)
    .where(lte(ranked.rank, HISTORY_LIMIT))
    .orderBy(asc(ranked.accountId), desc(ranked.at), desc(ranked.eventId));
}

/** The account with what a check needs: its summary (endpoints included) and its sealed code. */
export async function findAccountForCheck(db: AppDatabase, ownerId: string, accountId: string) {
  const [row] = await db
    .select({ ...summaryColumns, sealedCode: mailAccounts.sealedCode, codeKeyId: mailAccounts.codeKeyId })
    .from(mailAccounts)
    .where(ownedBy(ownerId, accountId));
  return row;
}

export type AccountForCheck = NonNullable<Awaited<ReturnType<typeof findAccountForCheck>>>;

// --- Writing ---------------------------------------------------------------------------------

/** A finished check of an account, as it is recorded. */
export interface RecordedCheck {
  at: Date;
  passed: boolean;
  /** The stored form of the report, the code masked in the server's words. */
  result: StoredCheckResult;
  reason: StatusChangeReason;
  /** The first failing protocol's code, for the status event; null when the check passed. */
  failureCode: string | null;
}

/**
 * Records a check's result on the account, and a status change when there is one. Skipped when
 * the account was deleted or its code replaced while the check ran.
 */
export async function recordAccountCheck(
  db: AppDatabase,
  ownerId: string,
  account: Pick<AccountForCheck, 'id' | 'sealedCode'>,
  check: RecordedCheck,
): Promise<void> {
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
    const status: MailAccountStatus = current.status === 'paused' ? 'paused' : check.passed ? 'ok' : 'failed';
    await tx
      .update(mailAccounts)
      .set({ status, lastCheckedAt: check.at, lastCheckResult: check.result, updatedAt: check.at })
      .where(eq(mailAccounts.id, account.id));
    if (status !== current.status) {
      await tx.insert(accountStatusEvents).values({
        accountId: account.id,
        at: check.at,
        fromStatus: current.status,
        toStatus: status,
        reason: check.reason,
        failureCode: check.failureCode,
      });
    }
  });
}

/** A change of status the user asks for (pause, resume): the new status, and how it is recorded. */
export interface UserStatusChange {
  next: (current: { status: MailAccountStatus; lastCheckResult: StoredCheckResult | null }) => MailAccountStatus;
  reason: StatusChangeReason;
  action: AccountAuditAction;
}

/**
 * Sets the status the user asked for (`next` of the current one), with its status event and
 * audit entry. False when the owner has no such account; true as well when nothing changed.
 */
export async function changeAccountStatusByUser(
  db: AppDatabase,
  ownerId: string,
  accountId: string,
  { next, reason, action }: UserStatusChange,
): Promise<boolean> {
  return db.transaction(async (tx) => {
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
}

/**
 * Saves the code whose check just passed over the account's old one (saveCheckedMailAccount),
 * with a status event when the status changes and an audit entry. Nothing is saved when the
 * account was deleted while the check ran (saving would bring it back), nor when it was paused.
 */
export async function saveReplacedAccountCode(
  db: AppDatabase,
  accountId: string,
  checked: CheckedMailAccount,
  options: SealingOptions,
): Promise<'saved' | 'gone' | 'paused'> {
  const { ownerId, address } = checked;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: mailAccounts.status })
      .from(mailAccounts)
      .where(ownedBy(ownerId, accountId))
      .for('update');
    if (!current) return 'gone' as const;
    if (current.status === 'paused') return 'paused' as const;
    const { account: saved } = await saveCheckedMailAccount(tx, checked, options);
    if (current.status !== saved.status) {
      await tx.insert(accountStatusEvents).values({
        accountId,
        at: saved.updatedAt,
        fromStatus: current.status,
        toStatus: saved.status,
        reason: 'code_replaced',
      });
    }
    await tx.insert(accountAuditLog).values({ ownerId, accountId, address, action: 'code_replaced', at: saved.updatedAt });
    return 'saved' as const;
  });
}

/** Removes the account and its sealed code (its status history goes with it) and leaves an audit entry. False when there was none. */
export async function deleteOwnedAccount(db: AppDatabase, ownerId: string, accountId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(mailAccounts)
      .where(ownedBy(ownerId, accountId))
      .returning({ id: mailAccounts.id, address: mailAccounts.address });
    if (!deleted) return false;
    await tx.insert(accountAuditLog).values({ ownerId, accountId: deleted.id, address: deleted.address, action: 'deleted' });
    return true;
  });
}
