import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAuth } from '@/lib/auth/server';
import type { AppDatabase, DatabaseKind } from '@/lib/db/client';
import { authSessions, authUsers, roleAuditLog } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';

// `npm run staff:create` as an operator runs it: a separate process against the app's
// database, configured by the environment only. Between runs the test opens the same database
// to sign up and sign in through the auth library, as a person would through the app.

const root = path.resolve(import.meta.dirname, '..');
const PASSWORD_LINE = /password \(shown this once; nothing can show it again\): (\S{12,})/;

function runStaffCreate(store: { dataDir: string; url?: string }, args: string[]): Promise<{ code: number | null; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DATA_DIR: store.dataDir };
  if (store.url) childEnv.DATABASE_URL = store.url;
  else delete childEnv.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'staff:create', '--', ...args], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const printedPassword = (output: string) => PASSWORD_LINE.exec(output)?.[1];

/** A database the script and the test take turns on (the embedded one has one user at a time). */
function turnsOn(store: ScratchStore) {
  const withDatabase = async <T>(work: (db: AppDatabase) => Promise<T>): Promise<T> => {
    const opened = await store.open();
    try {
      return await work(opened.db);
    } finally {
      await opened.close();
    }
  };
  const authOn = (db: AppDatabase) =>
    createAuth(db, { secret: randomBytes(32).toString('base64'), baseURL: 'http://localhost:3000', signInLimit: { max: 1000, windowSeconds: 60 } });
  return {
    roleOf: (email: string) => withDatabase(async (db) => (await db.select({ role: authUsers.role }).from(authUsers).where(eq(authUsers.email, email)))[0]?.role),
    /** Signs up through the auth library, as the app's sign-up page does; returns the session token. */
    signUp: (email: string, password: string) =>
      withDatabase(async (db) => (await authOn(db).api.signUpEmail({ body: { email, password, name: 'Someone' } })).token),
    /** Whether the password signs in, and the new session's token when it does. */
    signIn: (email: string, password: string) =>
      withDatabase(async (db) => {
        try {
          return { ok: true, token: (await authOn(db).api.signInEmail({ body: { email, password } })).token };
        } catch {
          return { ok: false, token: null };
        }
      }),
    sessionTokens: (email: string) =>
      withDatabase(async (db) => {
        const rows = await db
          .select({ token: authSessions.token })
          .from(authSessions)
          .innerJoin(authUsers, eq(authUsers.id, authSessions.userId))
          .where(eq(authUsers.email, email));
        return rows.map((row) => row.token);
      }),
    auditOf: (email: string) => withDatabase((db) => db.select().from(roleAuditLog).where(eq(roleAuditLog.email, email)).orderBy(asc(roleAuditLog.id))),
  };
}

const newEmail = (what: string) => `${what}-${randomBytes(4).toString('hex')}@example.com`;

/** A fresh database of this kind for one test, and a data folder for the script's secret file. */
async function withStore(kind: DatabaseKind, test: (store: ScratchStore & { dataDir: string }, db: ReturnType<typeof turnsOn>) => Promise<void>) {
  const store = await createScratchStore(kind);
  const dataDir = store.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-staff-'));
  try {
    await test({ ...store, dataDir }, turnsOn(store));
  } finally {
    await store.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('npm run staff:create', () => {
  it('creates a staff account with a generated password printed once, refuses to run again without --existing, resets with it, and takes the role away', { timeout: 120_000 }, () =>
    withStore('pglite', async (store, db) => {
      const email = newEmail('staff');
      const created = await runStaffCreate({ dataDir: store.dataDir }, [email.toUpperCase()]);
      expect(created.code, created.output).toBe(0);
      expect(created.output).toContain(`created ${email} as support staff`);
      const firstPassword = printedPassword(created.output);
      expect(firstPassword).toBeDefined();
      expect(await db.roleOf(email)).toBe('staff');
      // Sign-up opens a session; nobody holds its cookie, so it is gone.
      expect(await db.sessionTokens(email)).toEqual([]);
      expect((await db.signIn(email, firstPassword!)).ok).toBe(true);

      // Already staff: said so, nothing changed.
      const again = await runStaffCreate({ dataDir: store.dataDir }, [email]);
      expect(again.code, again.output).toBe(1);
      expect(again.output).toContain(`${email} is already support staff. Nothing changed.`);
      expect(again.output).toContain('--existing');
      expect(printedPassword(again.output)).toBeUndefined();
      expect((await db.signIn(email, firstPassword!)).ok).toBe(true);

      // With --existing: a new password, the old one and its sessions gone.
      const reset = await runStaffCreate({ dataDir: store.dataDir }, [email, '--existing']);
      expect(reset.code, reset.output).toBe(0);
      expect(reset.output).toContain('was support staff already; its password is replaced');
      // The two sign-ins above.
      expect(reset.output).toContain('2 earlier sessions signed out');
      const secondPassword = printedPassword(reset.output);
      expect(secondPassword).toBeDefined();
      expect(secondPassword).not.toBe(firstPassword);
      expect(await db.sessionTokens(email)).toEqual([]);
      expect((await db.signIn(email, firstPassword!)).ok).toBe(false);
      expect((await db.signIn(email, secondPassword!)).ok).toBe(true);

      const removed = await runStaffCreate({ dataDir: store.dataDir }, [email, '--remove']);
      expect(removed.code, removed.output).toBe(0);
      expect(removed.output).toContain(`${email} is no longer support staff`);
      expect(await db.roleOf(email)).toBe('user');

      const audit = await db.auditOf(email);
      expect(audit.map(({ action, fromRole, toRole, actor }) => ({ action, fromRole, toRole, actor }))).toEqual([
        { action: 'staff_created', fromRole: null, toRole: 'staff', actor: 'staff:create' },
        { action: 'password_reset', fromRole: 'staff', toRole: 'staff', actor: 'staff:create' },
        { action: 'role_removed', fromRole: 'staff', toRole: 'user', actor: 'staff:create' },
      ]);
      expect(audit[1]!.detail).toBe('password replaced; 2 sessions ended');
      for (const entry of audit) expect(entry.at).toBeInstanceOf(Date);
    }));

  it('creates an account with the password the operator gives, printing none, and --existing finds no account that is not there', { timeout: 120_000 }, () =>
    withStore('pglite', async (store, db) => {
      const email = newEmail('chosen');
      const missing = await runStaffCreate({ dataDir: store.dataDir }, [email, '--existing']);
      expect(missing.code, missing.output).toBe(1);
      expect(missing.output).toContain(`no account has the email ${email}; nothing changed`);
      expect(await db.roleOf(email)).toBeUndefined();

      const created = await runStaffCreate({ dataDir: store.dataDir }, [email, '--password', 'chosen-by-the-operator']);
      expect(created.code, created.output).toBe(0);
      expect(created.output).not.toContain('password');
      expect(await db.roleOf(email)).toBe('staff');
      expect((await db.signIn(email, 'chosen-by-the-operator')).ok).toBe(true);
    }));

  it('refuses what is not an address, a password too short, and --password with --existing or --remove, changing nothing', { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-staff-'));
    try {
      const refusals = [
        { args: ['not-an-address'], reason: 'the email must be an address' },
        { args: [], reason: 'the email must be an address' },
        { args: ['a@example.com', '--password', 'short'], reason: 'a password has 8 to 128 characters' },
        { args: ['a@example.com', '--existing', '--password', 'long-enough-password'], reason: '--password cannot be used with --existing' },
        { args: ['a@example.com', '--remove', '--existing'], reason: '--remove takes no --password or --existing' },
      ];
      for (const { args, reason } of refusals) {
        const result = await runStaffCreate({ dataDir }, args);
        expect(result.code, result.output).toBe(2);
        expect(result.output).toContain('usage: npm run staff:create');
        expect(result.output).toContain(reason);
      }
      // Nothing was opened, so nothing was created.
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

// The attack in issue 13: someone signs up first with the address a new hire will get, and the
// operator then runs the documented command for that address.
describe.each(availableBackends())('npm run staff:create for an address someone already registered, on %s', (kind) => {
  it('makes it staff only with --existing, which replaces the password and ends its sessions', { timeout: 120_000 }, () =>
    withStore(kind, async (store, db) => {
      const email = newEmail('new.hire');
      const registrantPassword = 'registered-first-by-anyone';
      const signUpSession = await db.signUp(email, registrantPassword);
      const signInSession = (await db.signIn(email, registrantPassword)).token;
      const run = (args: string[]) => runStaffCreate(store, args);

      const plain = await run([email]);
      expect(plain.code, plain.output).toBe(1);
      expect(plain.output).toContain(`${email} already has an account (not staff). Nothing changed.`);
      expect(plain.output).toContain('run again with --existing');
      expect(await db.roleOf(email)).toBe('user');

      const withPassword = await run([email, '--password', 'chosen-by-the-operator']);
      expect(withPassword.code, withPassword.output).toBe(1);
      expect(withPassword.output).toContain('--password is refused for an existing account');
      expect(await db.roleOf(email)).toBe('user');
      expect((await db.signIn(email, 'chosen-by-the-operator')).ok).toBe(false);
      expect(await db.auditOf(email)).toEqual([]);
      // The refusals left the account as it was: its password, its sessions.
      const before = await db.sessionTokens(email);
      expect(before).toEqual(expect.arrayContaining([signUpSession, signInSession]));

      const promoted = await run([email, '--existing']);
      expect(promoted.code, promoted.output).toBe(0);
      expect(promoted.output).toContain(`${email} is support staff now`);
      expect(promoted.output).toContain(`${before.length} earlier sessions signed out; the old password no longer works`);
      const newPassword = printedPassword(promoted.output);
      expect(newPassword).toBeDefined();
      expect(await db.roleOf(email)).toBe('staff');
      expect(await db.sessionTokens(email)).toEqual([]);
      expect((await db.signIn(email, registrantPassword)).ok).toBe(false);
      expect((await db.signIn(email, newPassword!)).ok).toBe(true);

      const audit = await db.auditOf(email);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'role_granted',
        fromRole: 'user',
        toRole: 'staff',
        actor: 'staff:create',
        detail: `password replaced; ${before.length} sessions ended`,
      });
    }));
});
