import 'server-only';
import { addressForDisplay } from '@/lib/discovery/idn-display';
import type { MailAccountStatus, StoredCheckResult } from '@/lib/db/schema';
import { DIAGNOSES, diagnose, STAGE_LABELS } from '@/lib/mail-check/diagnosis';
import type { CheckStage, Diagnosis, FailureCode } from '@/lib/mail-check/types';
import { isHeldFromBackground } from '@/lib/health/hold';
import { getProvider } from '@/lib/providers/registry';
import type { AccountView, StatusChangeView } from './view';

// What /accounts shows of a stored mailbox, made from its rows (lib/accounts/manage-queries.ts
// reads them): dates as ISO text, the address as its owner writes it, the stored failure
// explained again in its provider's words, and the status history with the account's creation
// at its end. No database and no secret here; server-side (the Unicode form of a domain is
// node:url's).

/** The most recent status changes an AccountView carries. */
export const HISTORY_LIMIT = 10;

/** The columns of an account that its view is made from. */
export interface AccountViewRow {
  id: string;
  address: string;
  providerId: string;
  loginName: string | null;
  status: MailAccountStatus;
  createdAt: Date;
  lastCheckedAt: Date | null;
  lastCheckResult: StoredCheckResult | null;
}

/** One recorded status change of an account. */
export interface StatusEventRow {
  accountId: string;
  at: Date;
  fromStatus: MailAccountStatus | null;
  toStatus: MailAccountStatus;
  reason: string;
  failureCode: string | null;
}

export const isFailureCode = (code: string | null | undefined): code is FailureCode =>
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

/** Status changes by account, each list in the order the rows came (newest first). */
export function historiesByAccount(events: readonly StatusEventRow[]): Map<string, StatusChangeView[]> {
  const histories = new Map<string, StatusChangeView[]>();
  for (const event of events) {
    const change: StatusChangeView = {
      at: event.at.toISOString(),
      from: event.fromStatus,
      to: event.toStatus,
      reason: event.reason,
      ...(isFailureCode(event.failureCode) ? { failureCode: event.failureCode } : {}),
    };
    const list = histories.get(event.accountId);
    if (list) list.push(change);
    else histories.set(event.accountId, [change]);
  }
  return histories;
}

export function toAccountView(row: AccountViewRow, recorded: StatusChangeView[]): AccountView {
  // Accounts are only ever created by a passing check (saveCheckedMailAccount), so creation is
  // a change to 「正常」 at created_at; it is shown once the history is short enough to reach it.
  const history =
    recorded.length < HISTORY_LIMIT
      ? [...recorded, { at: row.createdAt.toISOString(), from: null, to: 'ok' as const, reason: 'created' }]
      : recorded;
  return {
    id: row.id,
    address: row.address,
    shownAddress: addressForDisplay(row.address),
    providerId: row.providerId,
    loginName: row.loginName,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    lastCheck: row.lastCheckResult,
    diagnosis: diagnosisOfStoredResult(row.lastCheckResult, row.providerId),
    heldFromBackground: row.status !== 'paused' && isHeldFromBackground(row.lastCheckResult),
    history,
  };
}
