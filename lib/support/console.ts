import 'server-only';
import { and, count, desc, eq, gt, gte, isNull, or, sql } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { checkAttempts, helpSessions, supportAuditLog, type CheckAttempt, type HelpSession, type SupportAuditAction } from '@/lib/db/schema';
import { SUPPORT_MESSAGES } from '@/lib/i18n/messages/support';
import { getMessages } from '@/lib/i18n/server';
import { DIAGNOSES, diagnose, STAGE_LABELS } from '@/lib/mail-check/diagnosis';
import type { CheckStage, FailureCode } from '@/lib/mail-check/types';
import { detectProvider, normalizeAddress } from '@/lib/providers/detect';
import { getProvider } from '@/lib/providers/registry';
import type { Locale } from '@/lib/i18n/locale';
import { WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';
import { maskAddress, maskAddressIn } from './mask';
import { normalizeHelpCode } from './schema';
import { isHelpStep, type HelpStep } from './steps';

// What support staff can see and do. Everything a staff member looks at is written to the
// audit log first, and nothing here can carry the authorization code: check attempts never
// stored it, server texts were redacted when the check ran, and addresses leave masked.

export interface StaffMember {
  id: string;
  email: string;
}

/** Wrong codes a staff member may enter in the window before entering codes is refused. */
export const CODE_ENTRY_LIMIT = 10;
export const CODE_ENTRY_WINDOW_MS = 15 * 60_000;
/** How far back a session view and a search look for check attempts. */
export const SESSION_ATTEMPTS_LOOKBACK_MS = 24 * 60 * 60_000;
export const SEARCH_LOOKBACK_MS = 7 * 24 * 60 * 60_000;
const MAX_LISTED_ATTEMPTS = 50;

async function audit(
  db: AppDatabase,
  staff: StaffMember,
  action: SupportAuditAction,
  entry: { helpSessionId?: string; customerId?: string | null; detail?: string },
  now: Date,
): Promise<void> {
  await db.insert(supportAuditLog).values({
    staffId: staff.id,
    staffEmail: staff.email,
    at: now,
    action,
    helpSessionId: entry.helpSessionId ?? null,
    customerId: entry.customerId ?? null,
    detail: entry.detail ?? '',
  });
}

export type EnterCodeResult =
  | { ok: true; sessionId: string }
  | { ok: false; reason: 'invalid' | 'not_found' | 'rate_limited' };

/**
 * A staff member enters a customer's help code. The first staff member to enter a code owns the
 * session: the claim is one conditional UPDATE, so of several staff entering the same code at
 * once, on one instance or many, exactly one wins. The owner may enter it again (after a reload,
 * say) while the code is valid; anyone else gets the answer a wrong code gets, and it counts as
 * one. A wrong, expired or taken code is recorded, and after CODE_ENTRY_LIMIT of them in the
 * window entering codes is refused: six digits are guessable and the limit is what keeps a
 * curious account from walking through them.
 *
 * The attempt is taken before the code is looked at: under a per-staff advisory lock, in one
 * transaction, the refusals in the window are counted and, below the limit, this entry is written
 * as a refusal first and only turned into `code_entered` if the claim succeeds. Entries by one
 * staff member, from any number of requests and instances, therefore queue on the lock and each
 * sees every earlier one; counting first and recording afterwards would let a burst fired at the
 * same moment all read the same count and all get through.
 */
export async function enterHelpCode(db: AppDatabase, staff: StaffMember, input: string, now = new Date()): Promise<EnterCodeResult> {
  const code = normalizeHelpCode(input);
  if (!code) return { ok: false, reason: 'invalid' };
  return db.transaction(async (tx): Promise<EnterCodeResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`help_code_attempts:${staff.id}`}))`);
    const [refused] = await tx
      .select({ n: count() })
      .from(supportAuditLog)
      .where(
        and(
          eq(supportAuditLog.staffId, staff.id),
          eq(supportAuditLog.action, 'code_refused'),
          gt(supportAuditLog.at, new Date(now.getTime() - CODE_ENTRY_WINDOW_MS)),
        ),
      );
    if ((refused?.n ?? 0) >= CODE_ENTRY_LIMIT) return { ok: false, reason: 'rate_limited' };

    // The reservation: a refusal until the claim below says otherwise.
    const [attempt] = await tx
      .insert(supportAuditLog)
      .values({ staffId: staff.id, staffEmail: staff.email, at: now, action: 'code_refused' })
      .returning({ id: supportAuditLog.id });
    if (!attempt) throw new Error('enterHelpCode: audit insert returned no row');

    const enterable = and(
      eq(helpSessions.code, code),
      isNull(helpSessions.revokedAt),
      gt(helpSessions.codeExpiresAt, now),
      gt(helpSessions.endsAt, now),
    );
    // Read committed: a claim that commits first makes the other UPDATEs re-check their WHERE
    // against the claimed row, which no longer matches. The owner's re-entry keeps the first time.
    const [claimed] = await tx
      .update(helpSessions)
      .set({ claimedBy: staff.id, claimedAt: sql`coalesce(${helpSessions.claimedAt}, ${now.toISOString()}::timestamptz)` })
      .where(and(enterable, or(isNull(helpSessions.claimedBy), eq(helpSessions.claimedBy, staff.id))))
      .returning({ id: helpSessions.id, customerId: helpSessions.customerId, address: helpSessions.address });
    if (!claimed) {
      // The same statements whether the code is wrong or taken, so neither answer nor timing
      // tells them apart; only the audit log says whose session a taken code was.
      const [taken] = await tx.select({ id: helpSessions.id, customerId: helpSessions.customerId }).from(helpSessions).where(enterable).limit(1);
      await tx
        .update(supportAuditLog)
        .set(
          taken
            ? { helpSessionId: taken.id, customerId: taken.customerId, detail: 'entered by another staff member first' }
            : { helpSessionId: null, customerId: null, detail: '' },
        )
        .where(eq(supportAuditLog.id, attempt.id));
      return { ok: false, reason: 'not_found' };
    }
    await tx
      .update(supportAuditLog)
      .set({
        action: 'code_entered',
        helpSessionId: claimed.id,
        customerId: claimed.customerId,
        detail: claimed.address ? maskAddress(claimed.address) : '',
      })
      .where(eq(supportAuditLog.id, attempt.id));
    return { ok: true, sessionId: claimed.id };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only the staff member who entered the session's code first may follow it. */
async function ownedBy(db: AppDatabase, staffId: string, sessionId: string): Promise<HelpSession | null> {
  if (!UUID.test(sessionId)) return null;
  const [session] = await db
    .select()
    .from(helpSessions)
    .where(and(eq(helpSessions.id, sessionId), eq(helpSessions.claimedBy, staffId)));
  return session ?? null;
}

export interface ProtocolAttemptView {
  ok: boolean;
  code: string | null;
  stageLabel: string | null;
  /** The server's words as the check redacted them, with the customer's address masked. */
  serverText: string | null;
  diagnosis: { title: string; explanation: string; checklist: string[]; stepNumber: number; stepTitle: string } | null;
}

export interface AttemptView {
  id: number;
  at: string;
  durationMs: number;
  ok: boolean;
  maskedAddress: string;
  providerName: string;
  imap: ProtocolAttemptView;
  smtp: ProtocolAttemptView;
}

const isStage = (stage: string | null): stage is CheckStage => stage !== null && stage in STAGE_LABELS;
const isFailureCode = (code: string): code is FailureCode => code in DIAGNOSES;

function protocolView(
  locale: Locale,
  address: string,
  code: string | null,
  stage: string | null,
  serverText: string | null,
): ProtocolAttemptView {
  const m = getMessages(locale);
  const text = serverText ? maskAddressIn(serverText, address) : null;
  if (code === null) return { ok: true, code: null, stageLabel: null, serverText: text, diagnosis: null };
  const known = isFailureCode(code) ? diagnose(code, isStage(stage) ? stage : 'connect') : null;
  return {
    ok: false,
    code,
    stageLabel: isStage(stage) ? STAGE_LABELS[stage][locale] : null,
    serverText: text,
    diagnosis: known
      ? {
          title: known.title[locale],
          explanation: known.explanation[locale],
          checklist: known.checklist.map((item) => item[locale]),
          stepNumber: WIZARD_STEPS.indexOf(known.guideStep) + 1,
          stepTitle: m.wizard.steps[known.guideStep].title,
        }
      : null,
  };
}

function attemptView(locale: Locale, attempt: CheckAttempt): AttemptView {
  return {
    id: attempt.id,
    at: attempt.startedAt.toISOString(),
    durationMs: attempt.durationMs,
    ok: attempt.ok,
    maskedAddress: maskAddress(attempt.address),
    providerName: getProvider(attempt.providerId)?.name[locale] ?? attempt.providerId,
    imap: protocolView(locale, attempt.address, attempt.imapCode, attempt.imapStage, attempt.imapServerText),
    smtp: protocolView(locale, attempt.address, attempt.smtpCode, attempt.smtpStage, attempt.smtpServerText),
  };
}

export type StaffSessionView =
  | { state: 'ended' }
  | {
      state: 'live';
      maskedAddress: string | null;
      providerName: string | null;
      /** For the console's step links, so they open this provider's steps (lib/wizard/provider-hint.ts). */
      providerId: string | null;
      step: { id: HelpStep; number: number | null; title: string } | null;
      /** ISO instants. */
      progressAt: string | null;
      checkingSince: string | null;
      endsAt: string;
      customerSignedIn: boolean;
      suggestion: { step: WizardStep; number: number; title: string; at: string; response: 'accepted' | 'dismissed' | null } | null;
      attempts: AttemptView[];
    };

function stepTitle(locale: Locale, step: HelpStep): string {
  return step === 'accounts' ? SUPPORT_MESSAGES[locale].session.accountsPlace : getMessages(locale).wizard.steps[step].title;
}

/**
 * What the staff member who owns the session (entered its code first) sees of the customer, now.
 * Null when the id names no session this staff member owns (the same answer as an id that does
 * not exist).
 * Reading it writes nothing: the page records one `session_viewed` when it opens, not one per
 * refresh.
 */
export async function readStaffSessionView(
  db: AppDatabase,
  staff: StaffMember,
  sessionId: string,
  locale: Locale,
  now = new Date(),
): Promise<StaffSessionView | null> {
  const session = await ownedBy(db, staff.id, sessionId);
  if (!session) return null;
  if (session.revokedAt !== null || session.endsAt <= now) return { state: 'ended' };

  const attempts = session.customerId
    ? await db
        .select()
        .from(checkAttempts)
        .where(
          and(
            eq(checkAttempts.ownerId, session.customerId),
            // A check still running has no outcome to show yet (the help progress says it runs).
            eq(checkAttempts.state, 'done'),
            gte(checkAttempts.startedAt, new Date(session.createdAt.getTime() - SESSION_ATTEMPTS_LOOKBACK_MS)),
          ),
        )
        .orderBy(desc(checkAttempts.startedAt), desc(checkAttempts.id))
        .limit(MAX_LISTED_ATTEMPTS)
    : [];

  const detected = session.address ? detectProvider(session.address) : null;
  const step = session.step && isHelpStep(session.step) ? session.step : null;
  const suggested = session.suggestedStep && isHelpStep(session.suggestedStep) && session.suggestedStep !== 'accounts' ? session.suggestedStep : null;
  return {
    state: 'live',
    maskedAddress: session.address ? maskAddress(session.address) : null,
    providerName: detected?.ok ? detected.domainInfo.name[locale] : null,
    providerId: detected?.ok ? detected.provider.id : null,
    step: step ? { id: step, number: step === 'accounts' ? null : WIZARD_STEPS.indexOf(step) + 1, title: stepTitle(locale, step) } : null,
    progressAt: session.progressAt?.toISOString() ?? null,
    checkingSince: session.checkingSince?.toISOString() ?? null,
    endsAt: session.endsAt.toISOString(),
    customerSignedIn: session.customerId !== null,
    suggestion:
      suggested && session.suggestedAt
        ? {
            step: suggested,
            number: WIZARD_STEPS.indexOf(suggested) + 1,
            title: stepTitle(locale, suggested),
            at: session.suggestedAt.toISOString(),
            response: session.suggestionResponse,
          }
        : null,
    attempts: attempts.map((attempt) => attemptView(locale, attempt)),
  };
}

/** Records that a staff member opened a customer's session page. False when they may not. */
export async function recordSessionViewed(db: AppDatabase, staff: StaffMember, sessionId: string, now = new Date()): Promise<boolean> {
  const session = await ownedBy(db, staff.id, sessionId);
  if (!session) return false;
  await audit(
    db,
    staff,
    'session_viewed',
    { helpSessionId: session.id, customerId: session.customerId, detail: session.address ? maskAddress(session.address) : '' },
    now,
  );
  return true;
}

export type SuggestStepResult = 'sent' | 'not_found' | 'ended';

/** Sends "go to step N" to the customer's wizard; the customer decides whether to follow it. */
export async function suggestStep(
  db: AppDatabase,
  staff: StaffMember,
  sessionId: string,
  step: WizardStep,
  now = new Date(),
): Promise<SuggestStepResult> {
  const session = await ownedBy(db, staff.id, sessionId);
  if (!session) return 'not_found';
  if (session.revokedAt !== null || session.endsAt <= now) return 'ended';
  await db
    .update(helpSessions)
    .set({
      suggestedStep: step,
      suggestionSeq: session.suggestionSeq + 1,
      suggestedAt: now,
      suggestedBy: staff.id,
      suggestionResponse: null,
      respondedAt: null,
    })
    .where(eq(helpSessions.id, session.id));
  await audit(db, staff, 'step_suggested', { helpSessionId: session.id, customerId: session.customerId, detail: `step ${WIZARD_STEPS.indexOf(step) + 1} (${step})` }, now);
  return 'sent';
}

export type SearchAttemptsResult = { ok: true; maskedQuery: string; attempts: AttemptView[] } | { ok: false; reason: 'invalid' };

/**
 * Recent check attempts of one address (exact, after normalising), newest first. Exact match
 * on purpose: a prefix search would let staff list every customer of a domain.
 */
export async function searchAttempts(
  db: AppDatabase,
  staff: StaffMember,
  query: string,
  locale: Locale,
  now = new Date(),
): Promise<SearchAttemptsResult> {
  const normalised = normalizeAddress(query);
  if (!normalised.ok) return { ok: false, reason: 'invalid' };
  const rows = await db
    .select()
    .from(checkAttempts)
    .where(and(eq(checkAttempts.address, normalised.address), eq(checkAttempts.state, 'done'), gte(checkAttempts.startedAt, new Date(now.getTime() - SEARCH_LOOKBACK_MS))))
    .orderBy(desc(checkAttempts.startedAt), desc(checkAttempts.id))
    .limit(MAX_LISTED_ATTEMPTS);
  const maskedQuery = maskAddress(normalised.address);
  // The auditor needs to know whose data was looked at, so the log keeps the address whole.
  await audit(db, staff, 'attempts_searched', { detail: `${normalised.address} (${rows.length} found)` }, now);
  return { ok: true, maskedQuery, attempts: rows.map((row) => attemptView(locale, row)) };
}
