import 'server-only';
import { env, EnvError, isPracticeModeOn } from '@/lib/env';
import { getKeyring } from '@/lib/accounts/seal';
import { assertServableOrigin } from '@/lib/auth/origin';
import { getAuth } from '@/lib/auth/server';
import { getDatabase } from '@/lib/db/client';
import { startHealthChecks, stopHealthChecks } from '@/lib/health/runner';
import { logger } from '@/lib/log/logger.mjs';
import { markStarted, serverContext } from '@/lib/net/server-context';
import { startPracticeMode } from '@/lib/practice/practice-mode';
import { DEFAULT_PRACTICE_CODE } from '@/lib/practice/provider';

/**
 * Server start-up: a bad environment stops the server with a clear message instead of failing
 * on the first request, and the database is opened (and migrated) before traffic arrives.
 */
export async function startServer(): Promise<void> {
  try {
    assertServedByAppServer();
    // A server must know its own origin (lib/auth/origin.ts); the scripts (staff:create,
    // keys:rotate) read the same environment and serve nobody, so the rule is here, not in env().
    assertServableOrigin(env());
  } catch (error) {
    if (error instanceof EnvError) {
      logger('startup').fatal(error.message);
      process.exit(1);
    }
    throw error;
  }
  try {
    await getDatabase();
  } catch (error) {
    // An instance without its database can only answer 500s: it stops here, with the reason
    // (another process holding the embedded data folder: DatabaseLockedError; PostgreSQL
    // unreachable or refusing us), and a supervisor or the person who started it sees why.
    logger('startup').fatal({ err: error }, `cannot open the database: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    process.exit(1);
  }
  // The embedded default generates its sealing key and session secret into DATA_DIR on first
  // start; doing it here makes an unwritable folder or a damaged key file stop the start.
  getKeyring();
  await getAuth();
  // Before the health checks, whose first round may already reach a practice mailbox.
  if (isPracticeModeOn(env())) {
    const practice = await startPracticeMode({ code: env().PRACTICE_CODE ?? DEFAULT_PRACTICE_CODE });
    logger('practice').info(`practice mode is on: practice mailboxes @${practice.domain} (see /practice)`);
  }
  // Every instance runs the scheduler; the rounds share the work out through the database.
  if (env().HEALTH_CHECKS_ENABLED) {
    const runner = startHealthChecks();
    // On SIGINT/SIGTERM the server (scripts/serve.mjs) stops taking requests and waits for this:
    // the scheduler claims no more accounts, gives back those it has not started (due again at
    // once for the other instances) and lets its checks in flight finish within their budget.
    serverContext()?.onShutdown(
      () => stopHealthChecks().catch((error) => logger('health').error({ err: error }, 'stopping the scheduler failed')),
      { withinMs: runner.stopWithinMs },
    );
  }
  // Readiness (/api/ready) passes from here on, while the database answers.
  markStarted();
}

/**
 * Production serves only through scripts/serve.mjs (`npm run serve`, `npm start`): it alone sees
 * the socket and decides the client's address every per-address limit counts under. `next start`
 * would hand the app whatever X-Forwarded-For a client sends.
 */
function assertServedByAppServer(): void {
  if (process.env.NODE_ENV !== 'production' || serverContext()) return;
  throw new EnvError(
    'This app is served by its own server (scripts/serve.mjs): run `npm run serve` (or `npm start`), ' +
      'not `next start`. Only that server sees the connection and can tell the client\'s address from ' +
      'a forged X-Forwarded-For header (TRUSTED_PROXIES).',
  );
}
