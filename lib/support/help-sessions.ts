import 'server-only';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, count, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { authUsers, helpSessions, type HelpSession } from '@/lib/db/schema';
import type { AppEnv } from '@/lib/env';
import { takeClientLimits } from '@/lib/limits/address-limit';
import { normalizeAddress } from '@/lib/providers/detect';
import { isWizardStep, type WizardStep } from '@/lib/wizard/steps';
import type { HelpStep } from './steps';

// The customer's side of a help request: a short code to read out to support staff, the step
// the customer is on, and the "go to step N" suggestions staff send back. The browser that
// asked holds a random token in an httpOnly cookie; the database keeps only its SHA-256, so
// a copy of the table cannot be used to act as the customer.

/** Staff must enter the code within this time. */
export const HELP_CODE_TTL_MS = 30 * 60_000;
/** Once asked for, help lasts at most this long (the customer can end it any time). */
export const HELP_SESSION_MAX_MS = 2 * 60 * 60_000;
/**
 * A finished request (ended, revoked or run out) is deleted this long after it finished: it holds
 * the customer's address as typed, which nobody needs once help is over. Staff's audit entries
 * about it are kept (they carry no foreign key and only a masked address).
 */
export const HELP_SESSION_RETENTION_MS = 7 * 24 * 60 * 60_000;

export const hashBrowserToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new token for the help cookie: 32 random bytes, base64url. */
export const newBrowserToken = () => randomBytes(32).toString('base64url');

/**
 * Why no help request was started: too many from this address (or this user) within the hour,
 * or too many requests waiting for staff already (`busy`, a cap for everyone).
 */
export type HelpRefusal = { reason: 'rate_limited'; retryAfterSeconds: number } | { reason: 'busy' };

/** What the customer's browser is told about its help request. */
export type CustomerHelpView =
  | { active: false }
  | {
      active: true;
      code: string;
      /** ISO instants. */
      codeExpiresAt: string;
      endsAt: string;
      /**
       * The staff member who entered the code, once one has; `name` is their display name, or
       * null when there is none fit to show (see `shownStaffName`; the panel then says 客服).
       */
      joinedBy: { name: string | null } | null;
      /** The last suggestion, until the customer answers it. */
      suggestion: { seq: number; step: WizardStep } | null;
    };

const activeFilter = (now: Date) => and(isNull(helpSessions.revokedAt), gt(helpSessions.endsAt, now));

/** The help request the browser's token names, if it is still running. */
export async function findActiveHelpSession(db: AppDatabase, token: string, now = new Date()): Promise<HelpSession | null> {
  if (!token) return null;
  const [row] = await db
    .select()
    .from(helpSessions)
    .where(and(eq(helpSessions.browserTokenHash, hashBrowserToken(token)), activeFilter(now)));
  return row ?? null;
}

/** The longest display name shown to the customer, in characters. */
const MAX_SHOWN_NAME = 40;

/**
 * The staff member's name as the customer sees it, or null. Never any part of their email: anyone
 * can ask for help without signing in, and a staff address is half of what a password guesser
 * needs. So no name with an `@`, and not the address's local part either, which is the name an
 * account gets when none was typed (lib/auth/schema.ts, `npm run staff:create`).
 */
export function shownStaffName(name: string | null | undefined, email: string | null | undefined): string | null {
  const tidy = (name ?? '').replace(/\s+/g, ' ').trim();
  if (!tidy || tidy.includes('@')) return null;
  const localPart = (email ?? '').slice(0, Math.max(0, (email ?? '').lastIndexOf('@'))).trim().toLowerCase();
  if (localPart && tidy.toLowerCase() === localPart) return null;
  const chars = Array.from(tidy);
  return chars.length > MAX_SHOWN_NAME ? `${chars.slice(0, MAX_SHOWN_NAME - 1).join('')}…` : tidy;
}

/**
 * What the customer's browser is told. `shownName` is the name to show for the staff member who
 * claimed the session, already passed through `shownStaffName` (`readCustomerHelpView` does).
 */
export function customerView(session: HelpSession | null, shownName: string | null): CustomerHelpView {
  if (!session) return { active: false };
  const pending =
    session.suggestedStep && isWizardStep(session.suggestedStep) && session.suggestionResponse === null
      ? { seq: session.suggestionSeq, step: session.suggestedStep }
      : null;
  return {
    active: true,
    code: session.code,
    codeExpiresAt: session.codeExpiresAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    joinedBy: session.claimedBy !== null ? { name: shownName } : null,
    suggestion: pending,
  };
}

/** The customer's view of the browser's running help request, with the joined staff member's name. */
export async function readCustomerHelpView(db: AppDatabase, token: string, now = new Date()): Promise<CustomerHelpView> {
  if (!token) return { active: false };
  // The email is read only to recognise a name made from it; it never leaves this function.
  const [row] = await db
    .select({ session: helpSessions, staffName: authUsers.name, staffEmail: authUsers.email })
    .from(helpSessions)
    .leftJoin(authUsers, eq(authUsers.id, helpSessions.claimedBy))
    .where(and(eq(helpSessions.browserTokenHash, hashBrowserToken(token)), activeFilter(now)));
  return row ? customerView(row.session, shownStaffName(row.staffName, row.staffEmail)) : { active: false };
}

const MAX_CODE_DRAWS = 20;

/**
 * Deletes the requests that finished more than HELP_SESSION_RETENTION_MS before `now`; returns
 * how many. Called with every new request, so the table holds about a week of requests without
 * a job of its own.
 */
export async function purgeFinishedHelpSessions(db: Pick<AppDatabase, 'delete'>, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - HELP_SESSION_RETENTION_MS);
  const deleted = await db
    .delete(helpSessions)
    .where(or(lt(helpSessions.endsAt, cutoff), lt(helpSessions.revokedAt, cutoff)))
    .returning({ id: helpSessions.id });
  return deleted.length;
}

/**
 * Starts a help request for the browser holding `token` (a new one from `newBrowserToken`),
 * with a six-digit code no other running request uses. Codes are drawn at random; an
 * advisory lock on PostgreSQL keeps two instances from handing out the same one at once.
 * Requests finished long ago are purged on the way (see `purgeFinishedHelpSessions`).
 * No limit: what a customer asks for goes through `requestHelpSession`.
 */
export async function startHelpSession(
  db: AppDatabase,
  input: { token: string; customerId: string | null },
  now = new Date(),
): Promise<HelpSession> {
  const session = await startHelpSessionWithin(db, input, Number.POSITIVE_INFINITY, now);
  if (!session) throw new Error('startHelpSession: refused without a cap');
  return session;
}

/** Help requests waiting for staff at `now`: not ended, code not entered and not expired. */
const waitingFilter = (now: Date) => and(isNull(helpSessions.revokedAt), isNull(helpSessions.claimedBy), gt(helpSessions.codeExpiresAt, now));

/**
 * `startHelpSession`, or null when `maxLive` requests are already waiting for staff. The count is
 * read under the same lock as the insert, which every instance takes, so thirty requests at once
 * cannot all see room for one more.
 */
async function startHelpSessionWithin(
  db: AppDatabase,
  input: { token: string; customerId: string | null },
  maxLive: number,
  now: Date,
): Promise<HelpSession | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('help_sessions.code'))`);
    await purgeFinishedHelpSessions(tx, now);
    if (Number.isFinite(maxLive)) {
      const [waiting] = await tx.select({ n: count() }).from(helpSessions).where(waitingFilter(now));
      if ((waiting?.n ?? 0) >= maxLive) return null;
    }
    for (let draw = 0; draw < MAX_CODE_DRAWS; draw += 1) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const [taken] = await tx
        .select({ id: helpSessions.id })
        .from(helpSessions)
        .where(and(eq(helpSessions.code, code), isNull(helpSessions.revokedAt), gt(helpSessions.codeExpiresAt, now)))
        .limit(1);
      if (taken) continue;
      const [row] = await tx
        .insert(helpSessions)
        .values({
          code,
          browserTokenHash: hashBrowserToken(input.token),
          customerId: input.customerId,
          createdAt: now,
          codeExpiresAt: new Date(now.getTime() + HELP_CODE_TTL_MS),
          endsAt: new Date(now.getTime() + HELP_SESSION_MAX_MS),
        })
        .returning();
      if (!row) throw new Error('startHelpSession: insert returned no row');
      return row;
    }
    throw new Error('startHelpSession: no free help code after many draws');
  });
}

export interface HelpRequestPolicy {
  /** Help requests one client address may start per hour; each signed-in user the same. */
  maxPerHour: number;
  /** Requests waiting for staff, all customers together, beyond which new ones are refused. */
  maxLive: number;
}

/** The policy the HELP_* settings describe (.env.example). */
export function helpRequestPolicyFrom(e: Pick<AppEnv, 'HELP_MAX_REQUESTS_PER_HOUR' | 'HELP_MAX_LIVE_REQUESTS'>): HelpRequestPolicy {
  return { maxPerHour: e.HELP_MAX_REQUESTS_PER_HOUR, maxLive: e.HELP_MAX_LIVE_REQUESTS };
}

export type HelpRequestStart = { ok: true; session: HelpSession } | { ok: false; refusal: HelpRefusal };

/**
 * A customer asks for help. Anyone may, signed in or not, and each request holds a row and the
 * code lock for a while; so a request first takes its place in the per-address (and, signed in,
 * per-user) hourly limit, then starts only while fewer than `maxLive` requests wait for staff.
 * Without the cap, enough addresses could fill the table until staff could not find anyone.
 */
export async function requestHelpSession(
  db: AppDatabase,
  input: { token: string; customerId: string | null; clientAddress: string },
  policy: HelpRequestPolicy,
  now = new Date(),
): Promise<HelpRequestStart> {
  const taken = await takeClientLimits(
    db,
    { prefix: 'help_request', max: policy.maxPerHour, windowSeconds: 60 * 60 },
    { address: input.clientAddress, userId: input.customerId },
  );
  if (!taken.allowed) return { ok: false, refusal: { reason: 'rate_limited', retryAfterSeconds: taken.retryAfterSeconds } };
  const session = await startHelpSessionWithin(db, { token: input.token, customerId: input.customerId }, policy.maxLive, now);
  return session ? { ok: true, session } : { ok: false, refusal: { reason: 'busy' } };
}

/** Ends the browser's help request at once: staff lose sight of it with their next refresh. */
export async function endHelpSession(db: AppDatabase, token: string, now = new Date()): Promise<boolean> {
  if (!token) return false;
  const ended = await db
    .update(helpSessions)
    .set({ revokedAt: now })
    .where(and(eq(helpSessions.browserTokenHash, hashBrowserToken(token)), activeFilter(now)))
    .returning({ id: helpSessions.id });
  return ended.length > 0;
}

export interface HelpProgress {
  step?: HelpStep;
  /** What the customer typed as their address; stored normalised, shown to staff masked. */
  address?: string;
  /** A check started (true) or ended (false) in the customer's browser. */
  checking?: boolean;
}

/**
 * Records where the customer is. `customerId` attaches a customer who signed in after asking
 * for help, so staff then see their check attempts too. Returns false when no request runs.
 */
export async function recordHelpProgress(
  db: AppDatabase,
  token: string,
  progress: HelpProgress,
  customerId: string | null,
  now = new Date(),
): Promise<boolean> {
  const session = await findActiveHelpSession(db, token, now);
  if (!session) return false;
  const update: Partial<typeof helpSessions.$inferInsert> = { progressAt: now };
  if (progress.step !== undefined) update.step = progress.step;
  if (progress.address !== undefined) {
    const normalised = normalizeAddress(progress.address);
    // Half-typed addresses are not worth showing; an empty field clears what was there.
    if (normalised.ok) update.address = normalised.address;
    else if (progress.address.trim() === '') update.address = null;
  }
  if (progress.checking !== undefined) update.checkingSince = progress.checking ? now : null;
  if (customerId && session.customerId === null) update.customerId = customerId;
  await db.update(helpSessions).set(update).where(eq(helpSessions.id, session.id));
  return true;
}

/**
 * The customer's answer to suggestion `seq`. An answer to an older suggestion than the last
 * one is ignored, so a late click cannot mark a newer suggestion as answered.
 */
export async function answerSuggestion(
  db: AppDatabase,
  token: string,
  seq: number,
  response: 'accepted' | 'dismissed',
  now = new Date(),
): Promise<boolean> {
  const session = await findActiveHelpSession(db, token, now);
  if (!session || session.suggestionSeq !== seq || session.suggestionResponse !== null) return false;
  const answered = await db
    .update(helpSessions)
    .set({ suggestionResponse: response, respondedAt: now })
    .where(and(eq(helpSessions.id, session.id), eq(helpSessions.suggestionSeq, seq), isNull(helpSessions.suggestionResponse)))
    .returning({ id: helpSessions.id });
  return answered.length > 0;
}
