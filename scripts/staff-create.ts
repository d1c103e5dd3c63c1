import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { isAPIError } from 'better-auth/api';
import { z } from 'zod';
import { authSettingsFrom, createAuth } from '@/lib/auth/server';
import { closeDatabase, type AppDatabase } from '@/lib/db/client';
import type { AppEnv } from '@/lib/env';
import { findUserByEmail, makeNewUserStaff, removeStaffRole, resetAccountAsStaff, type RoleChangeActor } from '@/lib/support/staff';
import { openScriptDatabase } from './script-database';

// `npm run staff:create -- <email> [--password <password>] [--existing] [--remove]`
// Creates a support staff account: with the given password, or a generated one printed once.
// An address somebody already registered is refused unless --existing says the operator knows
// whose it is: sign-up never verifies an address, so whoever registered it first may be anyone.
// With --existing the account becomes staff with a new generated password (printed once; the
// old one stops working) and every session it had is ended. --remove takes the role away.
// Each change is written to role_audit_log.
// Runs as: node --conditions=react-server --import tsx scripts/staff-create.ts

const say = (line: string) => console.log(`[staff:create] ${line}`);
const USAGE = 'usage: npm run staff:create -- <email> [--password <password> | --existing] [--remove]';

const argsSchema = z.object({
  email: z.email(),
  password: z.string().min(8).max(128).optional(),
  existing: z.boolean(),
  remove: z.boolean(),
});

type ParsedArgs = { ok: true; args: z.infer<typeof argsSchema> } | { ok: false; reason: string };

function parseArgs(argv: string[]): ParsedArgs {
  const rest: string[] = [];
  let password: string | undefined;
  let existing = false;
  let remove = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--remove') remove = true;
    else if (arg === '--existing') existing = true;
    else if (arg === '--password') password = argv[(i += 1)];
    else rest.push(arg);
  }
  const parsed = argsSchema.safeParse({ email: rest[0]?.trim().toLowerCase(), password, existing, remove });
  if (rest.length !== 1 || !parsed.success) return { ok: false, reason: 'the email must be an address; a password has 8 to 128 characters' };
  if (parsed.data.existing && parsed.data.password !== undefined) {
    return {
      ok: false,
      reason: '--password cannot be used with --existing: an existing account always gets a new generated password, so nobody keeps one chosen before',
    };
  }
  if (parsed.data.remove && (parsed.data.existing || parsed.data.password !== undefined)) {
    return { ok: false, reason: '--remove takes no --password or --existing' };
  }
  return { ok: true, args: parsed.data };
}

/** Who is running this, for the audit log; null when the system cannot tell. */
function operatingSystemUser(): string | null {
  try {
    return os.userInfo().username;
  } catch {
    return null;
  }
}

function refuseExistingAccount(email: string, role: 'user' | 'staff', passwordGiven: boolean): number {
  const consequences =
    'its password is replaced by a new one printed here once (hand it over yourself), and every session it has is signed out.';
  if (role === 'staff') {
    say(`${email} is already support staff. Nothing changed.`);
    say(`To give them a new password, run again with --existing: ${consequences}`);
  } else {
    say(`${email} already has an account (not staff). Nothing changed.`);
    say('Anyone can sign up with any address (it is never verified), so that account may not belong to the person you mean.');
    say(`If you know it is theirs, run again with --existing: the account becomes staff, ${consequences}`);
  }
  if (passwordGiven) say('--password is refused for an existing account.');
  return 1;
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`${USAGE}\n(${parsed.reason})`);
    return 2;
  }
  const { args } = parsed;
  const start = await openScriptDatabase('staff:create');
  if (!start.ok) return start.exitCode;
  const { appEnv, opened } = start;
  const by: RoleChangeActor = { actor: 'staff:create', operator: operatingSystemUser() };

  try {
    const { db } = opened;
    if (args.remove) {
      const result = await removeStaffRole(db, args.email, by);
      if (result === 'no_such_user') say(`no user with the email ${args.email}.`);
      else say(result === 'removed' ? `${args.email} is no longer support staff.` : `${args.email} was not support staff; nothing changed.`);
      return result === 'no_such_user' ? 1 : 0;
    }

    const found = await findUserByEmail(db, args.email);
    if (args.existing) {
      if (!found) {
        say(`no account has the email ${args.email}; nothing changed. Leave out --existing to create one.`);
        return 1;
      }
      const password = generatePassword();
      // The library's own hasher, as its sign-up uses (scrypt, salted).
      const hash = await (await authFor(db, appEnv).$context).password.hash(password);
      const reset = await resetAccountAsStaff(db, args.email, hash, by);
      if (reset.outcome === 'no_such_user') {
        say(`${args.email} was deleted meanwhile; nothing changed.`);
        return 1;
      }
      say(
        reset.outcome === 'role_granted'
          ? `${args.email} is support staff now. They sign in with the password below and open /support.`
          : `${args.email} was support staff already; its password is replaced.`,
      );
      say(`${reset.sessionsEnded} earlier session${reset.sessionsEnded === 1 ? '' : 's'} signed out; the old password no longer works.`);
      printPasswordOnce(password);
      return 0;
    }
    if (found) return refuseExistingAccount(args.email, found.role, args.password !== undefined);

    const generated = args.password === undefined;
    const password = args.password ?? generatePassword();
    let created: { id: string; email: string };
    try {
      created = (await authFor(db, appEnv).api.signUpEmail({ body: { email: args.email, password, name: args.email.split('@')[0]! } })).user;
    } catch (error) {
      // Someone registered the address between the look-up and the sign-up: the same refusal.
      const registered = isAPIError(error) ? await findUserByEmail(db, args.email) : null;
      if (registered) return refuseExistingAccount(args.email, registered.role, args.password !== undefined);
      throw error;
    }
    // Only the account this sign-up made becomes staff (were the answer ever not that account's,
    // the address is someone else's: refused like any existing one).
    if (!(await makeNewUserStaff(db, created, by))) {
      const registered = await findUserByEmail(db, args.email);
      if (registered) return refuseExistingAccount(args.email, registered.role, args.password !== undefined);
      throw new Error(`the sign-up of ${args.email} did not create an account`);
    }
    say(`created ${args.email} as support staff.`);
    if (generated) printPasswordOnce(password);
    return 0;
  } finally {
    await closeDatabase();
  }
}

function authFor(db: AppDatabase, appEnv: AppEnv) {
  // No request comes in here; the app's own origin, as the server derives it.
  return createAuth(db, authSettingsFrom(appEnv));
}

const generatePassword = () => randomBytes(12).toString('base64url');

// Printed once, on the operator's terminal; it is stored only as the library's hash.
const printPasswordOnce = (password: string) => say(`password (shown this once; nothing can show it again): ${password}`);

process.exitCode = await main();
