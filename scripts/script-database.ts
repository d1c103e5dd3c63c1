import { DatabaseLockedError, getDatabase, type OpenedDatabase } from '@/lib/db/client';
import { env, EnvError, type AppEnv } from '@/lib/env';

// The opening the command-line scripts share: validated settings, then the app's database,
// with the two ways that can fail said in a line the operator can act on. Exit codes: 2 for
// settings, 3 for an embedded database held by the running app.

export type ScriptStart = { ok: true; appEnv: AppEnv; opened: OpenedDatabase } | { ok: false; exitCode: number };

export async function openScriptDatabase(name: string, beforeOpen?: (appEnv: AppEnv) => void): Promise<ScriptStart> {
  let appEnv: AppEnv;
  try {
    appEnv = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return { ok: false, exitCode: 2 };
    }
    throw error;
  }
  beforeOpen?.(appEnv);
  try {
    return { ok: true, appEnv, opened: await getDatabase() };
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`[${name}] ${error.message}\nStop the app first: the embedded database has one user at a time.`);
      return { ok: false, exitCode: 3 };
    }
    throw error;
  }
}
