import 'server-only';
import { env, EnvError } from '@/lib/env';
import { getDatabase } from '@/lib/db/client';

/**
 * Server start-up: a bad environment stops the server with a clear message instead of failing
 * on the first request, and the database is opened (and migrated) before traffic arrives.
 */
export async function startServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  await getDatabase();
}
