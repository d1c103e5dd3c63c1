import 'server-only';
import { and, asc, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { mailAccounts, type MailAccount, type StoredCheckResult, type StoredProtocolResult } from '@/lib/db/schema';
import type { CheckReport, ProtocolCheckResult } from '@/lib/mail-check/types';
import { assertAuthCode, type AuthCode } from '@/lib/providers/auth-code';
import { normalizeAddress } from '@/lib/providers/detect';
import { getProvider } from '@/lib/providers/registry';
import type { MailEndpoints, ServerEndpoint } from '@/lib/providers/types';
import { getKeyring, openSecret, sealSecret, SealError, type Keyring, type SealErrorReason } from './seal';

// Data access for connected mailboxes. The sealed code leaves this module only through
// openMailAccountCode, which the mail client side calls on purpose; every other read selects
// the columns of MailAccountSummary and nothing else.

/** An account as the app shows it: everything but the sealed code and its key id. */
export type MailAccountSummary = Omit<MailAccount, 'sealedCode' | 'codeKeyId'>;

/** The columns of MailAccountSummary, for a query that needs them with others (manage-queries.ts). */
export const summaryColumns = {
  id: mailAccounts.id,
  ownerId: mailAccounts.ownerId,
  address: mailAccounts.address,
  providerId: mailAccounts.providerId,
  domain: mailAccounts.domain,
  imapHost: mailAccounts.imapHost,
  imapPort: mailAccounts.imapPort,
  imapTls: mailAccounts.imapTls,
  smtpHost: mailAccounts.smtpHost,
  smtpPort: mailAccounts.smtpPort,
  smtpTls: mailAccounts.smtpTls,
  loginName: mailAccounts.loginName,
  status: mailAccounts.status,
  createdAt: mailAccounts.createdAt,
  updatedAt: mailAccounts.updatedAt,
  lastCheckedAt: mailAccounts.lastCheckedAt,
  lastCheckResult: mailAccounts.lastCheckResult,
  nextCheckAt: mailAccounts.nextCheckAt,
  healthFailures: mailAccounts.healthFailures,
} satisfies Record<keyof MailAccountSummary, unknown>;

export interface CheckedMailAccount {
  ownerId: string;
  address: string;
  providerId: string;
  /** The endpoints the check connected to (MailboxCheckResult.endpoints). */
  endpoints: MailEndpoints;
  /** Manual setup's login name the check logged in with, when it is not the address (MailboxCheckResult.loginName). */
  loginName?: string;
  /**
   * The code exactly as the check sent it (MailboxCheckResult's `secret`, an AuthCode): sealed as
   * it is. Anything else is a caller's bug and throws; it is never cleaned again here.
   */
  code: string;
  /** The passing report; a failed one is refused. */
  report: CheckReport;
}

export interface SealingOptions {
  /** Defaults to the process keyring (APP_SECRET_KEY or the generated key file). */
  keyring?: Keyring;
}

const REDACTED = '[redacted]';
// Below this length a code could match ordinary words in a server reply; the check's own
// redaction (which knows the exact exchange) has handled those already.
const MIN_REDACTABLE_LENGTH = 4;

function storedProtocolResult(result: ProtocolCheckResult, code: string): StoredProtocolResult {
  const { host, port, tls } = result.endpoint;
  const stored: StoredProtocolResult = { ok: result.ok, durationMs: result.durationMs, endpoint: { host, port, tls } };
  if (result.ok) return result.delivery !== undefined ? { ...stored, delivery: result.delivery } : stored;
  // Defence in depth: the check redacts the server's words already; a stored result must
  // never be where a code turns up, so anything resembling it is masked once more.
  const redact = (text: string | undefined) =>
    text === undefined || code.length < MIN_REDACTABLE_LENGTH ? text : text.split(code).join(REDACTED);
  return {
    ...stored,
    code: result.code,
    stage: result.stage,
    ...(result.serverText !== undefined ? { serverText: redact(result.serverText) } : {}),
    ...(result.detail !== undefined ? { detail: redact(result.detail) } : {}),
  };
}

/** What is kept of a check: codes, stages, durations, endpoints and redacted server words. */
export function toStoredCheckResult(report: CheckReport, checkedAt: Date, code: string): StoredCheckResult {
  return {
    ok: report.ok,
    checkedAt: checkedAt.toISOString(),
    durationMs: report.durationMs,
    banSignal: report.banSignal,
    imap: storedProtocolResult(report.imap, code),
    smtp: storedProtocolResult(report.smtp, code),
  };
}

const sameEndpoint = (a: ServerEndpoint, b: ServerEndpoint) => a.host === b.host && a.port === b.port && a.tls === b.tls;

/**
 * Saves a mailbox whose check just passed: a new row for a new owner and address, or, for an
 * address this owner connected before, its code, endpoints and last result replaced in place.
 * One INSERT ... ON CONFLICT statement, so two submits at once leave exactly one row.
 *
 * Only for a passing check: a failed report is refused (throws), because nothing may be saved
 * when the check fails.
 */
export async function saveCheckedMailAccount(
  db: AppDatabase,
  input: CheckedMailAccount,
  options: SealingOptions = {},
): Promise<{ account: MailAccountSummary; created: boolean }> {
  if (!input.report.ok || !input.report.imap.ok || !input.report.smtp.ok) {
    throw new Error('saveCheckedMailAccount: refusing to save an account whose check did not pass');
  }
  if (!sameEndpoint(input.endpoints.imap, input.report.imap.endpoint) || !sameEndpoint(input.endpoints.smtp, input.report.smtp.endpoint)) {
    throw new Error('saveCheckedMailAccount: the endpoints differ from the ones the check connected to');
  }
  const normalized = normalizeAddress(input.address);
  if (!normalized.ok) throw new TypeError(`saveCheckedMailAccount: not a mail address (${normalized.problem})`);
  // What is sealed is what the check sent, as the provider took it (a password with its spaces,
  // a code without what a copy brought along): asserted, not cleaned a second time.
  const provider = getProvider(input.providerId);
  if (!provider) throw new TypeError(`saveCheckedMailAccount: no provider ${input.providerId}`);
  const code = assertAuthCode(input.code as AuthCode, provider);

  const { address, domain } = normalized;
  const keyring = options.keyring ?? getKeyring();
  const { keyId, sealed } = sealSecret(keyring, code, { ownerId: input.ownerId, address });
  const now = new Date();
  const { imap, smtp } = input.endpoints;
  const replaced = {
    providerId: input.providerId,
    domain,
    imapHost: imap.host,
    imapPort: imap.port,
    imapTls: imap.tls,
    smtpHost: smtp.host,
    smtpPort: smtp.port,
    smtpTls: smtp.tls,
    // Replaced too: a mailbox connected again without a login name logs in with its address.
    loginName: input.loginName ?? null,
    status: 'ok' as const,
    sealedCode: sealed,
    codeKeyId: keyId,
    updatedAt: now,
    lastCheckedAt: now,
    lastCheckResult: toStoredCheckResult(input.report, now, code),
  };

  const [row] = await db
    .insert(mailAccounts)
    .values({ ownerId: input.ownerId, address, createdAt: now, ...replaced })
    .onConflictDoUpdate({ target: [mailAccounts.ownerId, mailAccounts.address], set: replaced })
    // xmax is 0 for a row this statement inserted and non-zero for one it updated.
    .returning({ ...summaryColumns, created: sql<boolean>`(xmax = 0)` });
  if (!row) throw new Error('saveCheckedMailAccount: the upsert returned no row');
  const { created, ...account } = row;
  return { account, created: Boolean(created) };
}

/** The owner's accounts, oldest first, without their sealed codes. */
export async function listMailAccounts(db: AppDatabase, ownerId: string): Promise<MailAccountSummary[]> {
  return db
    .select(summaryColumns)
    .from(mailAccounts)
    .where(eq(mailAccounts.ownerId, ownerId))
    .orderBy(asc(mailAccounts.createdAt), asc(mailAccounts.id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One of the owner's accounts, or null when it does not exist or belongs to someone else. */
export async function getMailAccount(
  db: AppDatabase,
  { ownerId, accountId }: { ownerId: string; accountId: string },
): Promise<MailAccountSummary | null> {
  // An id from a URL that is not a UUID cannot name a row; asking would be a database error.
  if (!UUID.test(accountId)) return null;
  const [row] = await db
    .select(summaryColumns)
    .from(mailAccounts)
    .where(and(eq(mailAccounts.id, accountId), eq(mailAccounts.ownerId, ownerId)));
  return row ?? null;
}

/**
 * The account's code in the clear, for the mail client side that logs in with it. Null when
 * the owner has no such account. Throws SealError when the stored value does not open (its
 * key is no longer configured, or it was tampered with).
 */
export async function openMailAccountCode(
  db: AppDatabase,
  { ownerId, accountId }: { ownerId: string; accountId: string },
  options: SealingOptions = {},
): Promise<string | null> {
  if (!UUID.test(accountId)) return null;
  const [row] = await db
    .select({ address: mailAccounts.address, sealedCode: mailAccounts.sealedCode, codeKeyId: mailAccounts.codeKeyId })
    .from(mailAccounts)
    .where(and(eq(mailAccounts.id, accountId), eq(mailAccounts.ownerId, ownerId)));
  if (!row) return null;
  const keyring = options.keyring ?? getKeyring();
  return openSecret(keyring, { keyId: row.codeKeyId, sealed: row.sealedCode }, { ownerId, address: row.address });
}

export interface ResealCounts {
  /** Accounts in the database. */
  total: number;
  /** Already sealed under the current key before this run; left alone. */
  alreadyCurrent: number;
  /** Re-sealed under the current key by this run. */
  resealed: number;
  /** Saved again by the app while this run worked on them (so already under the current key). */
  changedMeanwhile: number;
  /** Could not be opened, by reason; left as they were. */
  failed: Record<SealErrorReason, number>;
}

/**
 * Re-seals every code not sealed under the keyring's current key. A row is only overwritten
 * if it still holds the value that was opened, so a save racing with the rotation wins.
 */
export async function resealMailAccountCodes(
  db: AppDatabase,
  options: SealingOptions & { batchSize?: number } = {},
): Promise<ResealCounts> {
  const keyring = options.keyring ?? getKeyring();
  const batchSize = options.batchSize ?? 200;
  const currentId = keyring.current.id;

  const [before] = await db
    .select({
      total: count(),
      current: sql<number>`count(*) filter (where ${mailAccounts.codeKeyId} = ${currentId})`.mapWith(Number),
    })
    .from(mailAccounts);
  const counts: ResealCounts = {
    total: before?.total ?? 0,
    alreadyCurrent: before?.current ?? 0,
    resealed: 0,
    changedMeanwhile: 0,
    failed: { unknown_key: 0, malformed: 0, authentication_failed: 0 },
  };

  let after: string | undefined;
  for (;;) {
    const rows = await db
      .select({
        id: mailAccounts.id,
        ownerId: mailAccounts.ownerId,
        address: mailAccounts.address,
        sealedCode: mailAccounts.sealedCode,
        codeKeyId: mailAccounts.codeKeyId,
      })
      .from(mailAccounts)
      .where(and(ne(mailAccounts.codeKeyId, currentId), after ? gt(mailAccounts.id, after) : undefined))
      .orderBy(asc(mailAccounts.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.id;

    for (const row of rows) {
      const binding = { ownerId: row.ownerId, address: row.address };
      let code: string;
      try {
        code = openSecret(keyring, { keyId: row.codeKeyId, sealed: row.sealedCode }, binding);
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
        counts.failed[error.reason] += 1;
        continue;
      }
      const { keyId, sealed } = sealSecret(keyring, code, binding);
      const updated = await db
        .update(mailAccounts)
        .set({ sealedCode: sealed, codeKeyId: keyId })
        .where(
          and(
            eq(mailAccounts.id, row.id),
            eq(mailAccounts.codeKeyId, row.codeKeyId),
            eq(mailAccounts.sealedCode, row.sealedCode),
          ),
        )
        .returning({ id: mailAccounts.id });
      if (updated.length) counts.resealed += 1;
      else counts.changedMeanwhile += 1;
    }
  }
  return counts;
}
