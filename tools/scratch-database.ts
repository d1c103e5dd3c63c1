import { randomBytes } from 'node:crypto';
import pg from 'pg';

// A PostgreSQL database of its own for one browser-test run (tools/serve-with-peers.ts) or one test
// (e2e/health-instances.spec.ts), made on the server `adminUrl` points at, so the shared `test`
// database never gets app tables and repeated runs never see each other's rows.

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops it, closing any connection still open (an app instance that did not stop in time). */
  drop(): Promise<void>;
}

/** `prefix` says whose database it is in the server's list; the rest of the name is random hex. */
export async function createScratchDatabase(adminUrl: string, prefix = 'e2e'): Promise<ScratchDatabase> {
  // Generated here from a fixed prefix and hex only, so quoting it into SQL is safe.
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
