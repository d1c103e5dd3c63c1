import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { authAccounts, authSessions, authUsers, roleAuditLog, type RoleAuditAction, type UserRole } from '@/lib/db/schema';
import type { StaffMember } from './console';

// The staff role lives in auth_users.role, which the auth library does not know about: no
// sign-up, sign-in or profile call can set it. Only `npm run staff:create` (or these functions
// in a test) can, and every change is written to role_audit_log in the same transaction.

/** Who changed a role, for the audit log. */
export interface RoleChangeActor {
  /** The tool that made the change, e.g. 'staff:create'. */
  actor: string;
  /** The operating-system user who ran it, when known. */
  operator: string | null;
}

type Transaction = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];

const normaliseEmail = (email: string) => email.trim().toLowerCase();

const userColumns = { id: authUsers.id, email: authUsers.email, role: authUsers.role };

/** A registered account, as role changes read it. */
type RegisteredUser = { id: string; email: string; role: UserRole };

/** The user as staff, or null when they are not staff (or do not exist). */
export async function findStaffMember(db: AppDatabase, userId: string): Promise<StaffMember | null> {
  const [row] = await db.select(userColumns).from(authUsers).where(eq(authUsers.id, userId));
  return row?.role === 'staff' ? { id: row.id, email: row.email } : null;
}

/** The account registered with this email (matched as the auth library stores it), or null. */
export async function findUserByEmail(db: AppDatabase, email: string): Promise<RegisteredUser | null> {
  const [row] = await db.select(userColumns).from(authUsers).where(eq(authUsers.email, normaliseEmail(email)));
  return row ?? null;
}

/** The account registered with this email, locked until the transaction ends, or undefined. */
async function lockUserByEmail(tx: Transaction, email: string): Promise<RegisteredUser | undefined> {
  const [row] = await tx.select(userColumns).from(authUsers).where(eq(authUsers.email, normaliseEmail(email))).for('update');
  return row;
}

async function recordRoleChange(
  tx: Transaction,
  user: { id: string; email: string },
  change: { action: RoleAuditAction; fromRole: UserRole | null; toRole: UserRole; detail?: string },
  by: RoleChangeActor,
  at: Date,
): Promise<void> {
  await tx.insert(roleAuditLog).values({ at, userId: user.id, email: user.email, ...change, actor: by.actor, operator: by.operator });
}

/**
 * Ends every session of the user. Sessions are only ever read from auth_sessions (no cookie
 * cache, no secondary storage), so a deleted row signs that browser out on its next request.
 */
async function endSessions(tx: Transaction, userId: string): Promise<number> {
  const ended = await tx.delete(authSessions).where(eq(authSessions.userId, userId)).returning({ id: authSessions.id });
  return ended.length;
}

/**
 * Makes staff of an account the caller has just created through the auth library's sign-up,
 * and ends the session that sign-up opened (nobody holds its cookie). False when no plain user
 * with this id and email exists: then it was not the caller's sign-up that made it.
 */
export async function makeNewUserStaff(db: AppDatabase, user: { id: string; email: string }, by: RoleChangeActor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const at = new Date();
    const [updated] = await tx
      .update(authUsers)
      .set({ role: 'staff', updatedAt: at })
      .where(and(eq(authUsers.id, user.id), eq(authUsers.email, normaliseEmail(user.email)), eq(authUsers.role, 'user')))
      .returning({ id: authUsers.id, email: authUsers.email });
    if (!updated) return false;
    await endSessions(tx, updated.id);
    await recordRoleChange(tx, updated, { action: 'staff_created', fromRole: null, toRole: 'staff', detail: 'account created' }, by, at);
    return true;
  });
}

export type StaffResetResult =
  | { outcome: 'no_such_user' }
  | { outcome: 'role_granted' | 'password_reset'; userId: string; sessionsEnded: number };

/**
 * Makes an existing account staff (or keeps it staff) on the operator's say-so: its password is
 * replaced by `passwordHash` (made by the auth library's own hasher) and every session it has
 * is ended, so whoever signed up with the address, or knew the old password, is locked out.
 */
export async function resetAccountAsStaff(db: AppDatabase, email: string, passwordHash: string, by: RoleChangeActor): Promise<StaffResetResult> {
  return db.transaction(async (tx) => {
    const user = await lockUserByEmail(tx, email);
    if (!user) return { outcome: 'no_such_user' } as const;
    const at = new Date();
    await tx.update(authUsers).set({ role: 'staff', updatedAt: at }).where(eq(authUsers.id, user.id));
    const replaced = await tx
      .update(authAccounts)
      .set({ password: passwordHash, updatedAt: at })
      .where(and(eq(authAccounts.userId, user.id), eq(authAccounts.providerId, 'credential')))
      .returning({ id: authAccounts.id });
    if (replaced.length === 0) {
      // No password sign-in yet: give it one, shaped as the library's sign-up makes it.
      await tx.insert(authAccounts).values({ id: randomUUID(), accountId: user.id, providerId: 'credential', userId: user.id, password: passwordHash, createdAt: at, updatedAt: at });
    }
    const sessionsEnded = await endSessions(tx, user.id);
    const outcome = user.role === 'staff' ? 'password_reset' : 'role_granted';
    const detail = `password replaced; ${sessionsEnded} session${sessionsEnded === 1 ? '' : 's'} ended`;
    await recordRoleChange(tx, user, { action: outcome, fromRole: user.role, toRole: 'staff', detail }, by, at);
    return { outcome, userId: user.id, sessionsEnded };
  });
}

async function changeRole(db: AppDatabase, email: string, role: UserRole, by: RoleChangeActor): Promise<'changed' | 'unchanged' | 'no_such_user'> {
  return db.transaction(async (tx) => {
    const user = await lockUserByEmail(tx, email);
    if (!user) return 'no_such_user';
    if (user.role === role) return 'unchanged';
    const at = new Date();
    await tx.update(authUsers).set({ role, updatedAt: at }).where(eq(authUsers.id, user.id));
    const action = role === 'staff' ? 'role_granted' : 'role_removed';
    await recordRoleChange(tx, user, { action, fromRole: user.role, toRole: role }, by, at);
    return 'changed';
  });
}

/** Takes the staff role away; the account and its sessions stay (every staff page asks the role anew). */
export async function removeStaffRole(db: AppDatabase, email: string, by: RoleChangeActor): Promise<'removed' | 'not_staff' | 'no_such_user'> {
  const result = await changeRole(db, email, 'user', by);
  return result === 'changed' ? 'removed' : result === 'unchanged' ? 'not_staff' : 'no_such_user';
}

/**
 * Gives or takes the staff role by email and nothing else, for tests that need staff. Never for
 * an operator: an account someone else registered would keep its password and sessions (use
 * resetAccountAsStaff). 'updated' whenever the user exists; a change is written to the audit log.
 */
export async function setUserRole(
  db: AppDatabase,
  email: string,
  role: UserRole,
  by: RoleChangeActor = { actor: 'setUserRole', operator: null },
): Promise<'updated' | 'no_such_user'> {
  return (await changeRole(db, email, role, by)) === 'no_such_user' ? 'no_such_user' : 'updated';
}
