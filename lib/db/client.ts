import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { env } from '@/lib/env';
import { acquireFolderLock } from '@/lib/db/folder-lock';
import { logger } from '@/lib/log/logger.mjs';
import * as schema from '@/lib/db/schema';

export { DatabaseLockedError } from '@/lib/db/folder-lock';

/** One database type for both drivers, so data-access code never cares which one runs. */
export type AppDatabase = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = 'pglite' | 'postgres';

export type OpenedDatabase = {
  db: AppDatabase;
  kind: DatabaseKind;
  /** Ends the pool or shuts PGlite down and releases its folder lock. Safe to call twice. */
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** A postgres:// URL. When given, PostgreSQL is used and `dataDir` is ignored. */
  url?: string;
  /** Without `url`: PGlite keeps its data in `<dataDir>/pglite`. */
  dataDir?: string;
  /** Where the committed migrations are; found from the working directory when left out. */
  migrationsFolder?: string;
};

const MIGRATIONS_RELATIVE = path.join('lib', 'db', 'migrations');

/**
 * The committed migrations folder. Looked up from the working directory (and its parents)
 * rather than from this file's location: inside Next's server bundle this module no longer
 * sits next to its migrations, while process.cwd() is still the app's root there, as it is
 * for Vitest and for scripts started from the repository.
 */
export function findMigrationsFolder(from: string = process.cwd()): string {
  let dir = path.resolve(/*turbopackIgnore: true*/ from);
  for (;;) {
    const candidate = path.join(dir, MIGRATIONS_RELATIVE);
    if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `Cannot find the database migrations (${MIGRATIONS_RELATIVE}/meta/_journal.json) in ${path.resolve(/*turbopackIgnore: true*/ from)} ` +
      'or any folder above it. Start the app from the repository root.',
  );
}

const CONNECT_TIMEOUT_MS = 10_000;
/** How long an instance waits for another instance that is migrating the same database. */
const MIGRATION_LOCK_TIMEOUT = '120s';
/** pg_advisory_lock key shared by every instance of this app; any fixed number works. */
const MIGRATION_LOCK_KEY = 4_163_126_188;

/** Opens PostgreSQL (when `url` is given) or PGlite, and applies the committed migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const migrationsFolder = options.migrationsFolder ?? findMigrationsFolder();
  if (options.url) return openPostgres(options.url, migrationsFolder);
  if (options.dataDir) return openPglite(options.dataDir, migrationsFolder);
  throw new TypeError('openDatabase needs either a PostgreSQL url or a dataDir for PGlite.');
}

async function openPostgres(url: string, migrationsFolder: string): Promise<OpenedDatabase> {
  await migratePostgres(url, migrationsFolder);

  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client losing its connection emits 'error' on the pool; unhandled, it kills the process.
  pool.on('error', (error) => logger('db').error({ err: error }, 'an idle PostgreSQL connection failed'));
  const db: AppDatabase = drizzleNodePg({ client: pool, schema });

  let closing: Promise<void> | undefined;
  return {
    db,
    kind: 'postgres',
    close: () => (closing ??= pool.end()),
  };
}

/**
 * Migrates on a dedicated connection holding a session advisory lock, so that several app
 * instances starting at once take turns: the first applies the migrations, the others then
 * find nothing left to do. (Without it, two concurrent `CREATE SCHEMA IF NOT EXISTS` can fail.)
 */
async function migratePostgres(url: string, migrationsFolder: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', (error) => logger('db').error({ err: error }, 'the migration connection failed'));
  await client.connect();
  try {
    await client.query(`SET lock_timeout = '${MIGRATION_LOCK_TIMEOUT}'`);
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('RESET lock_timeout');
    await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder });
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  } finally {
    // Ending the session also drops the advisory lock if we failed before unlocking.
    await client.end();
  }
}

async function openPglite(dataDir: string, migrationsFolder: string): Promise<OpenedDatabase> {
  const root = path.resolve(dataDir);
  const folder = path.join(root, 'pglite');
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  // The lock sits beside the data folder, not in it: PostgreSQL wants to own its folder.
  const lock = acquireFolderLock(path.join(root, 'pglite.lock'), folder);

  let client: PGlite | undefined;
  try {
    if (!fs.existsSync(folder)) {
      fs.mkdirSync(folder, { mode: 0o700 });
      fs.chmodSync(folder, 0o700); // the mode given to mkdir is filtered by the umask
    }
    client = await PGlite.create(folder);
    const pgliteDb = drizzlePglite({ client, schema });
    await migratePglite(pgliteDb, { migrationsFolder });
    const db: AppDatabase = pgliteDb;
    const openClient = client;

    let closing: Promise<void> | undefined;
    return {
      db,
      kind: 'pglite',
      close: () =>
        (closing ??= (async () => {
          try {
            await openClient.close();
          } finally {
            lock.release();
          }
        })()),
    };
  } catch (error) {
    try {
      await client?.close();
    } finally {
      lock.release();
    }
    throw error;
  }
}

// The process-wide database. Cached on globalThis, not in a module variable, because Next's
// dev server re-evaluates modules on every edit, and a second PGlite on the same folder would
// be refused by the lock (and would corrupt it without the lock).
const DATABASE_KEY = Symbol.for('mailbox-onboarding.db.database');
type DatabaseCache = { [DATABASE_KEY]?: Promise<OpenedDatabase> };

function openingDatabase(): Promise<OpenedDatabase> {
  const cache = globalThis as DatabaseCache;
  let opening = cache[DATABASE_KEY];
  if (!opening) {
    const { DATABASE_URL, DATA_DIR } = env();
    const started = openDatabase({ url: DATABASE_URL, dataDir: DATA_DIR });
    // A failed open is not cached, so the next request tries again.
    started.catch(() => {
      if (cache[DATABASE_KEY] === started) delete cache[DATABASE_KEY];
    });
    cache[DATABASE_KEY] = started;
    opening = started;
  }
  return opening;
}

/**
 * The database of this process, opened (and migrated) from DATABASE_URL / DATA_DIR on first
 * use; every later call gets the same one. Callers do not close it: it lives as long as the
 * process, and closeDatabase() exists for scripts and tests.
 */
export function getDatabase(): Promise<OpenedDatabase> {
  return openingDatabase();
}

/** Closes the process-wide database, if it was opened (scripts and tests call this at the end). */
export async function closeDatabase(): Promise<void> {
  const cache = globalThis as DatabaseCache;
  const opening = cache[DATABASE_KEY];
  if (!opening) return;
  delete cache[DATABASE_KEY];
  let opened: OpenedDatabase;
  try {
    opened = await opening;
  } catch {
    return; // it never opened, so there is nothing to close
  }
  await opened.close();
}
