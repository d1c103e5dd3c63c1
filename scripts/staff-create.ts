import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createAuth, loadAuthSecret } from '@/lib/auth/server';
import { closeDatabase } from '@/lib/db/client';
import { setUserRole } from '@/lib/support/staff';
import { openScriptDatabase } from './script-database';

// `npm run staff:create -- <email> [--password <password>] [--remove]`
// Makes the user with this email support staff (or, with --remove, takes the role away). When
// nobody has signed up with the email yet, the account is created with the given password or
// a generated one, printed once. Runs as: node --conditions=react-server --import tsx scripts/staff-create.ts

const say = (line: string) => console.log(`[staff:create] ${line}`);
const USAGE = 'usage: npm run staff:create -- <email> [--password <password>] [--remove]';

const argsSchema = z.object({
  email: z.email(),
  password: z.string().min(8).max(128).optional(),
  remove: z.boolean(),
});

function parseArgs(argv: string[]) {
  const rest: string[] = [];
  let password: string | undefined;
  let remove = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--remove') remove = true;
    else if (arg === '--password') password = argv[(i += 1)];
    else rest.push(arg);
  }
  if (rest.length !== 1) return null;
  const parsed = argsSchema.safeParse({ email: rest[0]!.trim().toLowerCase(), password, remove });
  return parsed.success ? parsed.data : null;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(`${USAGE}\n(the email must be an address; a password has 8 to 128 characters)`);
    return 2;
  }
  const start = await openScriptDatabase('staff:create');
  if (!start.ok) return start.exitCode;
  const { appEnv, opened } = start;

  try {
    const { db } = opened;
    if (args.remove) {
      const result = await setUserRole(db, args.email, 'user');
      say(result === 'updated' ? `${args.email} is no longer support staff.` : `no user with the email ${args.email}.`);
      return result === 'updated' ? 0 : 1;
    }
    if ((await setUserRole(db, args.email, 'staff')) === 'updated') {
      say(`${args.email} is support staff now. They sign in as usual and open /support.`);
      return 0;
    }
    const generated = args.password === undefined;
    const password = args.password ?? randomBytes(12).toString('base64url');
    const auth = createAuth(db, {
      secret: loadAuthSecret(appEnv),
      // No request comes in here; the address only silences the library's warning.
      baseURL: appEnv.BETTER_AUTH_URL ?? 'http://localhost',
      signInLimit: { max: appEnv.AUTH_SIGN_IN_MAX_ATTEMPTS, windowSeconds: appEnv.AUTH_SIGN_IN_WINDOW_SECONDS },
    });
    await auth.api.signUpEmail({ body: { email: args.email, password, name: args.email.split('@')[0]! } });
    if ((await setUserRole(db, args.email, 'staff')) !== 'updated') throw new Error('the new user was not found');
    say(`created ${args.email} as support staff.`);
    // Printed once, on the operator's terminal; it is stored only as the library's hash.
    if (generated) say(`password (shown this once; nothing can show it again): ${password}`);
    return 0;
  } finally {
    await closeDatabase();
  }
}

process.exitCode = await main();
