// Runs once when the server starts: a bad environment stops the server with a clear message
// instead of failing on the first request, and the database is opened (and migrated) up front.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env, EnvError } = await import('./lib/env');
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { getDatabase } = await import('./lib/db/client');
  await getDatabase();
}
