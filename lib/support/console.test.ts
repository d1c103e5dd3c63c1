import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNeteaseImap, type NeteaseImapServer } from '@/tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { connectMailboxForOwner } from '@/lib/accounts/connect-mailbox';
import { createKeyring } from '@/lib/accounts/seal';
import type { AppDatabase, OpenedDatabase } from '@/lib/db/client';
import { authUsers, helpSessions, supportAuditLog } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv, type EndpointOverrides } from '@/lib/env';
import type { LockoutPolicy } from '@/lib/mail-check/lockout';
import {
  CODE_ENTRY_LIMIT,
  CODE_ENTRY_WINDOW_MS,
  enterHelpCode,
  readStaffSessionView,
  recordSessionViewed,
  searchAttempts,
  suggestStep,
  type StaffMember,
} from './console';
import {
  answerSuggestion,
  customerView,
  endHelpSession,
  findActiveHelpSession,
  HELP_CODE_TTL_MS,
  HELP_SESSION_MAX_MS,
  HELP_SESSION_RETENTION_MS,
  newBrowserToken,
  readCustomerHelpView,
  recordHelpProgress,
  shownStaffName,
  startHelpSession,
} from './help-sessions';
import { normalizeHelpCode } from './schema';
import { findStaffMember, setUserRole } from './staff';

// The help-code handoff against real databases, with check attempts made by the real check
// against the NetEase simulators: what staff see, what they never see, and what is audited.

const GOOD_CODE = 'QwErTyUiOpAsDfGh';
const WRONG_CODE = 'ZxCvBnMlKjHgFdSa';
const policy: LockoutPolicy = { maxFailuresPerMailbox: 1000, windowMs: 60_000, providerPauseMs: 60_000, maxFailuresPerProvider: 1000 };

describe.each(availableBackends())('support console on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let db: AppDatabase;
  let imap: NeteaseImapServer;
  let smtp: NeteaseSmtpServer;
  let overrides: EndpointOverrides;
  const keyring = createKeyring([{ id: 'test', key: randomBytes(32) }]);
  const suffix = randomBytes(4).toString('hex');
  const customer = { id: `cust-${suffix}`, email: `cust-${suffix}@example.com` };
  const staffUser = { id: `staff-${suffix}`, email: `staff-${suffix}@example.com` };
  const otherStaffUser = { id: `staff2-${suffix}`, email: `staff2-${suffix}@example.com` };
  const address = `lisi${suffix}@126.com`;
  let staff: StaffMember;
  let otherStaff: StaffMember;

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    db = opened.db;
    await db.insert(authUsers).values([
      { id: customer.id, name: 'Li', email: customer.email },
      { id: staffUser.id, name: 'Wang', email: staffUser.email },
      { id: otherStaffUser.id, name: 'Zhou', email: otherStaffUser.email },
    ]);
    imap = await startNeteaseImap({ users: {}, idRule: 'after-login' });
    smtp = await startNeteaseSmtp({ users: {} });
    imap.setCode(address, GOOD_CODE);
    smtp.setCode(address, GOOD_CODE);
    overrides = parseEnv({
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '126.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` } }),
    }).MAIL_ENDPOINT_OVERRIDES!;
  });
  afterAll(async () => {
    await Promise.all([imap?.stop(), smtp?.stop()]);
    await opened?.close();
    await store?.dispose();
  });

  it('makes staff only through setUserRole, by email', async () => {
    expect(await findStaffMember(db, staffUser.id)).toBeNull();
    expect(await setUserRole(db, ` ${staffUser.email.toUpperCase()} `, 'staff')).toBe('updated');
    expect(await setUserRole(db, otherStaffUser.email, 'staff')).toBe('updated');
    expect(await setUserRole(db, 'nobody@example.com', 'staff')).toBe('no_such_user');
    staff = (await findStaffMember(db, staffUser.id))!;
    otherStaff = (await findStaffMember(db, otherStaffUser.id))!;
    expect(staff).toEqual({ id: staffUser.id, email: staffUser.email });
    expect(await findStaffMember(db, customer.id)).toBeNull();
    expect(await findStaffMember(db, 'no-such-user')).toBeNull();
  });

  it('reads help codes as people type them', () => {
    expect(normalizeHelpCode('123 456')).toBe('123456');
    expect(normalizeHelpCode('123-456')).toBe('123456');
    expect(normalizeHelpCode('１２３４５６')).toBe('123456');
    expect(normalizeHelpCode('12345')).toBeNull();
    expect(normalizeHelpCode('12345a')).toBeNull();
  });

  it('walks the whole handoff: code, live progress, attempts, suggestion, end', async () => {
    const token = newBrowserToken();
    const session = await startHelpSession(db, { token, customerId: null });
    expect(session.code).toMatch(/^[0-9]{6}$/);
    expect(customerView(session, null)).toMatchObject({ active: true, code: session.code, joinedBy: null, suggestion: null });
    expect(await readCustomerHelpView(db, token)).toMatchObject({ active: true, joinedBy: null });
    // Only the hash of the browser's token is stored.
    expect(JSON.stringify(session)).not.toContain(token);

    await recordHelpProgress(db, token, { step: 'configure-in-client', address: ` LiSi${suffix}@126.COM ` }, null);

    const entered = await enterHelpCode(db, staff, session.code.replace(/^(...)/, '$1 '));
    expect(entered).toEqual({ ok: true, sessionId: session.id });
    // The customer sees who joined, by display name only: never the staff member's email.
    const joinedView = await readCustomerHelpView(db, token);
    expect(joinedView).toMatchObject({ active: true, joinedBy: { name: 'Wang' } });
    expect(JSON.stringify(joinedView)).not.toContain(staff.email.split('@')[0]);
    expect(await recordSessionViewed(db, staff, session.id)).toBe(true);

    let view = await readStaffSessionView(db, staff, session.id, 'zh');
    expect(view).toMatchObject({
      state: 'live',
      maskedAddress: `li***@126.com`,
      providerName: expect.stringContaining('126'),
      providerId: 'netease',
      step: { id: 'configure-in-client', number: 4 },
      customerSignedIn: false,
      attempts: [],
    });

    // The customer signs in and checks twice: a wrong code, then the right one.
    await recordHelpProgress(db, token, { checking: true }, customer.id);
    expect((await readStaffSessionView(db, staff, session.id, 'zh'))).toMatchObject({ checkingSince: expect.any(String), customerSignedIn: true });
    for (const code of [WRONG_CODE, GOOD_CODE]) {
      await connectMailboxForOwner(db, customer.id, { address, code }, { overrides, policy, keyring, timeoutMs: 10_000 });
    }
    await recordHelpProgress(db, token, { checking: false, step: 'result' }, customer.id);

    view = await readStaffSessionView(db, staff, session.id, 'en');
    if (view?.state !== 'live') throw new Error('expected a live view');
    expect(view.checkingSince).toBeNull();
    expect(view.step).toMatchObject({ id: 'result', number: 5 });
    expect(view.attempts).toHaveLength(2);
    const [passed, failed] = view.attempts;
    expect(passed).toMatchObject({ ok: true, maskedAddress: 'li***@126.com', imap: { ok: true }, smtp: { ok: true } });
    expect(failed).toMatchObject({
      ok: false,
      imap: { ok: false, code: 'auth_failed', stageLabel: expect.any(String), diagnosis: { stepNumber: expect.any(Number) } },
    });
    expect(failed!.imap.serverText).toBeTruthy();
    // Nothing staff see holds either code, in any form the check sent it, or the whole address.
    const seen = JSON.stringify(view);
    for (const code of [WRONG_CODE, GOOD_CODE]) {
      expect(seen.toLowerCase()).not.toContain(code.toLowerCase());
      expect(seen).not.toContain(Buffer.from(code).toString('base64').replace(/=+$/, ''));
    }
    expect(seen.toLowerCase()).not.toContain(address);

    // Staff suggest a step; the customer sees it until answering, and staff see the answer.
    expect(await suggestStep(db, staff, session.id, 'enable-service-and-get-code')).toBe('sent');
    const pending = await readCustomerHelpView(db, token);
    expect(pending).toMatchObject({ suggestion: { seq: 1, step: 'enable-service-and-get-code' } });
    expect(await answerSuggestion(db, token, 0, 'accepted')).toBe(false);
    expect(await answerSuggestion(db, token, 1, 'accepted')).toBe(true);
    expect(await answerSuggestion(db, token, 1, 'dismissed')).toBe(false);
    expect(await readCustomerHelpView(db, token)).toMatchObject({ suggestion: null });
    expect(await readStaffSessionView(db, staff, session.id, 'zh')).toMatchObject({
      suggestion: { step: 'enable-service-and-get-code', number: 3, response: 'accepted' },
    });

    // Ending it shuts staff out at once; the code cannot be entered again.
    expect(await endHelpSession(db, token)).toBe(true);
    expect(await readStaffSessionView(db, staff, session.id, 'zh')).toEqual({ state: 'ended' });
    expect(await suggestStep(db, staff, session.id, 'access-settings')).toBe('ended');
    expect(await enterHelpCode(db, staff, session.code)).toEqual({ ok: false, reason: 'not_found' });
    expect(await findActiveHelpSession(db, token)).toBeNull();
    expect(await readCustomerHelpView(db, token)).toEqual({ active: false });

    const trail = await db.select().from(supportAuditLog).where(eq(supportAuditLog.helpSessionId, session.id));
    expect(trail.map((entry) => entry.action).sort()).toEqual(['code_entered', 'session_viewed', 'step_suggested']);
    expect(trail.every((entry) => entry.staffId === staff.id && entry.staffEmail === staff.email)).toBe(true);
    expect(JSON.stringify(trail)).not.toContain(GOOD_CODE);
  });

  it('shows a session only to the staff member who entered its code first; any other id looks the same', async () => {
    const token = newBrowserToken();
    const session = await startHelpSession(db, { token, customerId: customer.id });
    expect(await enterHelpCode(db, staff, session.code)).toEqual({ ok: true, sessionId: session.id });
    for (const id of [session.id, '00000000-0000-0000-0000-000000000000', 'not-a-uuid', "'; drop table help_sessions; --"]) {
      expect(await readStaffSessionView(db, otherStaff, id, 'zh')).toBeNull();
      expect(await suggestStep(db, otherStaff, id, 'access-settings')).toBe('not_found');
      expect(await recordSessionViewed(db, otherStaff, id)).toBe(false);
    }
    expect(await readStaffSessionView(db, staff, session.id, 'zh')).toMatchObject({ state: 'live' });
    await endHelpSession(db, token);
  });

  it('gives a taken code to nobody else: a second staff member gets the wrong-code answer, the owner can come back', async () => {
    const token = newBrowserToken();
    const started = new Date(Date.now() - 60_000);
    const session = await startHelpSession(db, { token, customerId: customer.id }, started);
    const claimedAt = new Date(started.getTime() + 10_000);
    expect(await enterHelpCode(db, staff, session.code, claimedAt)).toEqual({ ok: true, sessionId: session.id });

    // The colleague, within the code's 30 minutes: exactly what a code nobody holds gets.
    const taken = await enterHelpCode(db, otherStaff, session.code);
    const held = new Set((await db.select({ code: helpSessions.code }).from(helpSessions)).map((r) => r.code));
    const unknownCode = ['999999', '999998', '999997'].find((code) => !held.has(code))!;
    const wrong = await enterHelpCode(db, otherStaff, unknownCode);
    expect(taken).toEqual({ ok: false, reason: 'not_found' });
    expect(taken).toEqual(wrong);
    // Nor can they follow it by id, even after trying the code (the page and the live route read this).
    expect(await readStaffSessionView(db, otherStaff, session.id, 'zh')).toBeNull();
    expect(await recordSessionViewed(db, otherStaff, session.id)).toBe(false);
    expect(await suggestStep(db, otherStaff, session.id, 'access-settings')).toBe('not_found');

    // The owner enters it again (a reload, another tab): still theirs, first claim time kept.
    expect(await enterHelpCode(db, staff, ` ${session.code} `)).toEqual({ ok: true, sessionId: session.id });
    const [row] = await db.select().from(helpSessions).where(eq(helpSessions.id, session.id));
    expect(row).toMatchObject({ claimedBy: staff.id, claimedAt });
    expect(await readStaffSessionView(db, staff, session.id, 'zh')).toMatchObject({ state: 'live' });
    expect(await readCustomerHelpView(db, token)).toMatchObject({ joinedBy: { name: 'Wang' } });

    // The audit log tells the two refusals apart for the auditor; both count towards the limit.
    const refusals = await db
      .select()
      .from(supportAuditLog)
      .where(and(eq(supportAuditLog.staffId, otherStaff.id), eq(supportAuditLog.action, 'code_refused')));
    expect(refusals).toHaveLength(2);
    expect(refusals.filter((entry) => entry.helpSessionId === session.id)).toMatchObject([
      { customerId: customer.id, detail: 'entered by another staff member first' },
    ]);
    const entries = await db.select().from(supportAuditLog).where(eq(supportAuditLog.helpSessionId, session.id));
    expect(entries.filter((entry) => entry.action === 'code_entered').map((entry) => entry.staffId)).toEqual([staff.id, staff.id]);
    expect(JSON.stringify(entries)).not.toContain(session.code);

    // Once the customer ends it, the owner's re-entry is a wrong code too.
    await endHelpSession(db, token);
    expect(await enterHelpCode(db, staff, session.code)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('lets exactly one of 30 staff members entering the same code at once own it', async () => {
    const token = newBrowserToken();
    const session = await startHelpSession(db, { token, customerId: null });
    // Two app instances on PostgreSQL: half the staff come through a second connection pool.
    // PGlite has one process, so there all of them share its one connection.
    const second = kind === 'postgres' ? await store.open() : undefined;
    try {
      const crowd = Array.from({ length: 30 }, (_, n) => ({ id: `race-${n}-${suffix}`, email: `race-${n}-${suffix}@example.com` }));
      const results = await Promise.all(
        crowd.map((member, n) => enterHelpCode(n % 2 === 1 && second ? second.db : db, member, session.code)),
      );
      const winners = crowd.filter((_, n) => results[n]!.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual(Array.from({ length: 29 }, () => ({ ok: false, reason: 'not_found' })));
      const [row] = await db.select().from(helpSessions).where(eq(helpSessions.id, session.id));
      expect(row?.claimedBy).toBe(winners[0]!.id);
      for (const member of crowd) {
        const view = await readStaffSessionView(second?.db ?? db, member, session.id, 'zh');
        if (member === winners[0]) expect(view).toMatchObject({ state: 'live' });
        else expect(view).toBeNull();
      }
      const entered = await db
        .select()
        .from(supportAuditLog)
        .where(and(eq(supportAuditLog.helpSessionId, session.id), eq(supportAuditLog.action, 'code_entered')));
      expect(entered.map((entry) => entry.staffId)).toEqual([winners[0]!.id]);
      // The staff member is not in auth_users, so there is no name to show: the panel says 客服.
      expect(await readCustomerHelpView(db, token)).toMatchObject({ joinedBy: { name: null } });
    } finally {
      await second?.close();
      await endHelpSession(db, token);
    }
  });

  it('shows the customer a display name, never any part of an email address', async () => {
    const email = 'wang.fang@company.example';
    expect(shownStaffName('  Wang   Fang ', email)).toBe('Wang Fang');
    expect(shownStaffName('王芳', email)).toBe('王芳');
    expect(shownStaffName('', email)).toBeNull();
    expect(shownStaffName('   ', email)).toBeNull();
    expect(shownStaffName(null, null)).toBeNull();
    expect(shownStaffName(email, email)).toBeNull();
    expect(shownStaffName('someone@else.example', email)).toBeNull();
    // The name an account gets when none was typed is the address's local part: not shown either.
    expect(shownStaffName('Wang.Fang', email)).toBeNull();
    expect(shownStaffName('王'.repeat(60), email)).toBe(`${'王'.repeat(39)}…`);

    // Accounts named with their address, or its local part: the customer sees 客服, nothing of the address.
    for (const [n, nameOf] of [(e: string) => e, (e: string) => e.split('@')[0]!].entries()) {
      const member = { id: `staff-named-${n}-${suffix}`, email: `staff-named-${n}-${suffix}@example.com` };
      await db.insert(authUsers).values({ id: member.id, name: nameOf(member.email), email: member.email, role: 'staff' });
      const token = newBrowserToken();
      const session = await startHelpSession(db, { token, customerId: null });
      expect(await enterHelpCode(db, member, session.code)).toMatchObject({ ok: true });
      const view = await readCustomerHelpView(db, token);
      expect(view).toMatchObject({ active: true, joinedBy: { name: null } });
      expect(JSON.stringify(view)).not.toContain(member.email.split('@')[0]);
      await endHelpSession(db, token);
    }
  });

  it('lets a code be entered only within its 30 minutes', async () => {
    const started = new Date(Date.now() - HELP_CODE_TTL_MS - 1000);
    const token = newBrowserToken();
    const session = await startHelpSession(db, { token, customerId: null }, started);
    expect(await enterHelpCode(db, staff, session.code)).toEqual({ ok: false, reason: 'not_found' });
    await endHelpSession(db, token);
  });

  it('refuses code entry after too many wrong codes, for that staff member only', async () => {
    const guesser = { id: `guesser-${suffix}`, email: `guesser-${suffix}@example.com` };
    const active = await db.select({ code: helpSessions.code }).from(helpSessions);
    const used = new Set(active.map((row) => row.code));
    let tried = 0;
    for (let n = 0; tried < CODE_ENTRY_LIMIT; n += 1) {
      const code = String(n).padStart(6, '0');
      if (used.has(code)) continue;
      expect(await enterHelpCode(db, guesser, code)).toEqual({ ok: false, reason: 'not_found' });
      tried += 1;
    }
    const token = newBrowserToken();
    const session = await startHelpSession(db, { token, customerId: null });
    // Even the right code is refused now: the limit is what stops walking through codes.
    expect(await enterHelpCode(db, guesser, session.code)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await enterHelpCode(db, staff, session.code)).toMatchObject({ ok: true });
    const refusals = await db
      .select()
      .from(supportAuditLog)
      .where(and(eq(supportAuditLog.staffId, guesser.id), eq(supportAuditLog.action, 'code_refused')));
    expect(refusals).toHaveLength(CODE_ENTRY_LIMIT);
    await endHelpSession(db, token);
  });

  it('holds the wrong-code limit against 30 wrong codes at once, across two instances', async () => {
    const flooder = { id: `flooder-${suffix}`, email: `flooder-${suffix}@example.com` };
    const held = new Set((await db.select({ code: helpSessions.code }).from(helpSessions)).map((row) => row.code));
    const wrongCodes: string[] = [];
    for (let n = 999_999; wrongCodes.length < 30; n -= 1) {
      const code = String(n);
      if (!held.has(code)) wrongCodes.push(code);
    }
    // Two app instances on PostgreSQL: half the entries come through a second connection pool.
    const second = kind === 'postgres' ? await store.open() : undefined;
    const token = newBrowserToken();
    try {
      const results = await Promise.all(
        wrongCodes.map((code, n) => enterHelpCode(n % 2 === 1 && second ? second.db : db, flooder, code)),
      );
      // Exactly CODE_ENTRY_LIMIT codes are looked at and answered as wrong; the rest meet the limit.
      expect(results.filter((result) => !result.ok && result.reason === 'not_found')).toHaveLength(CODE_ENTRY_LIMIT);
      expect(results.filter((result) => !result.ok && result.reason === 'rate_limited')).toHaveLength(30 - CODE_ENTRY_LIMIT);
      const refusals = await db
        .select()
        .from(supportAuditLog)
        .where(and(eq(supportAuditLog.staffId, flooder.id), eq(supportAuditLog.action, 'code_refused')));
      expect(refusals).toHaveLength(CODE_ENTRY_LIMIT);

      // The right code is refused too until the window has passed, then it is theirs.
      const session = await startHelpSession(db, { token, customerId: null });
      expect(await enterHelpCode(second?.db ?? db, flooder, session.code)).toEqual({ ok: false, reason: 'rate_limited' });
      // (A help code lives 30 minutes, longer than the 15-minute window.)
      const later = new Date(Date.now() + CODE_ENTRY_WINDOW_MS + 1000);
      expect(await enterHelpCode(db, flooder, session.code, later)).toEqual({ ok: true, sessionId: session.id });
      const entered = await db
        .select()
        .from(supportAuditLog)
        .where(and(eq(supportAuditLog.staffId, flooder.id), eq(supportAuditLog.action, 'code_entered')));
      expect(entered.map((entry) => entry.helpSessionId)).toEqual([session.id]);
    } finally {
      await second?.close();
      await endHelpSession(db, token);
    }
  });

  it('deletes requests a week after they finished, with a new request, and keeps the audit', async () => {
    const day = 24 * 60 * 60_000;
    const now = Date.now();
    // Ran out 8 days ago, ended by the customer 8 days ago, ran out 6 days ago, still running.
    const ranOutLongAgo = await startHelpSession(db, { token: newBrowserToken(), customerId: null }, new Date(now - 8 * day - HELP_SESSION_MAX_MS));
    const endedToken = newBrowserToken();
    const endedLongAgo = await startHelpSession(db, { token: endedToken, customerId: null }, new Date(now - 8 * day - 60_000));
    await endHelpSession(db, endedToken, new Date(now - 8 * day));
    const ranOutRecently = await startHelpSession(db, { token: newBrowserToken(), customerId: null }, new Date(now - 6 * day - HELP_SESSION_MAX_MS));
    const runningToken = newBrowserToken();
    const running = await startHelpSession(db, { token: runningToken, customerId: null });
    await db.insert(supportAuditLog).values({ staffId: staffUser.id, staffEmail: staffUser.email, action: 'session_viewed', helpSessionId: endedLongAgo.id });
    expect(HELP_SESSION_RETENTION_MS).toBe(7 * day);

    const trigger = newBrowserToken();
    await startHelpSession(db, { token: trigger, customerId: null });
    const left = new Set((await db.select({ id: helpSessions.id }).from(helpSessions)).map((row) => row.id));
    expect(left.has(ranOutLongAgo.id)).toBe(false);
    expect(left.has(endedLongAgo.id)).toBe(false);
    expect(left.has(ranOutRecently.id)).toBe(true);
    expect(left.has(running.id)).toBe(true);
    const audit = await db.select().from(supportAuditLog).where(eq(supportAuditLog.helpSessionId, endedLongAgo.id));
    expect(audit).toHaveLength(1);
    await Promise.all([runningToken, trigger].map((token) => endHelpSession(db, token)));
  });

  it('hands out distinct codes to requests running at the same time', async () => {
    const tokens = Array.from({ length: 12 }, () => newBrowserToken());
    const sessions = await Promise.all(tokens.map((token) => startHelpSession(db, { token, customerId: null })));
    expect(new Set(sessions.map((s) => s.code)).size).toBe(sessions.length);
    await Promise.all(tokens.map((token) => endHelpSession(db, token)));
  });

  it('searches attempts by exact address, masked, and audits the search', async () => {
    const found = await searchAttempts(db, staff, address.toUpperCase(), 'zh');
    if (!found.ok) throw new Error('expected a result');
    expect(found.maskedQuery).toBe('li***@126.com');
    expect(found.attempts.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(found).toLowerCase()).not.toContain(address);
    expect(JSON.stringify(found)).not.toContain(GOOD_CODE);
    // A prefix finds nothing: no listing a domain's customers.
    const prefix = await searchAttempts(db, staff, `lisi@126.com`, 'zh');
    expect(prefix).toMatchObject({ ok: true, attempts: [] });
    expect(await searchAttempts(db, staff, 'not an address', 'zh')).toEqual({ ok: false, reason: 'invalid' });
    const searches = await db
      .select()
      .from(supportAuditLog)
      .where(and(eq(supportAuditLog.staffId, staff.id), eq(supportAuditLog.action, 'attempts_searched')));
    expect(searches.map((entry) => entry.detail)).toContain(`${address} (${found.attempts.length} found)`);
  });
});
