import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseKind, type OpenedDatabase } from '@/lib/db/client';

// Test support: real databases to run the data-access tests against. PGlite always; PostgreSQL
// too when the run has DATABASE_URL (CI points it at the machine's server). Each test file gets
// its own PostgreSQL database so parallel files and repeated runs never see each other's rows.

/** The backends this run can test: PGlite, plus PostgreSQL when DATABASE_URL is set. */
export function availableBackends(): DatabaseKind[] {
  // Read directly, not through env(): this is the test run's choice of server, not app config.
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export type ScratchStore = {
  kind: DatabaseKind;
  /** The PGlite data dir, for PGlite stores. */
  dataDir?: string;
  /** The scratch database's URL, for PostgreSQL stores. */
  url?: string;
  /** Opens (and migrates) the store; call again after closing to simulate a restart. */
  open(): Promise<OpenedDatabase>;
  /** Removes the store: the temp folder, or the scratch database (dropped WITH (FORCE)). */
  dispose(): Promise<void>;
};

function requireTestDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('PostgreSQL tests need DATABASE_URL');
  return url;
}

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: requireTestDatabaseUrl(), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty store of the given kind that nothing else uses. */
export async function createScratchStore(kind: DatabaseKind): Promise<ScratchStore> {
  if (kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-db-test-'));
    return {
      kind,
      dataDir,
      open: () => openDatabase({ dataDir }),
      dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }

  // Names are generated here from hex only, so quoting them into SQL is safe.
  const name = `t_${randomBytes(8).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(requireTestDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    open: () => openDatabase({ url: url.toString() }),
    dispose: async () => {
      await withAdminClient(async (client) => {
        // A closed pool has asked its connections to end, but the server may not have seen them
        // go yet; FORCE would then terminate them, and each would log an error. Wait briefly.
        for (let i = 0; i < 40; i += 1) {
          const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if ((rows[0]?.n ?? 0) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}
