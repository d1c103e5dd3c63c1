import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseLockedError, findMigrationsFolder, openDatabase, type OpenedDatabase } from '@/lib/db/client';
import { checkAttempts } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';

const journal = JSON.parse(
  fs.readFileSync(path.join(findMigrationsFolder(), 'meta', '_journal.json'), 'utf8'),
) as { entries: unknown[] };

/** Rows of a raw query: AppDatabase serves two drivers, so execute() cannot type its result. */
function rowsOf<Row>(result: unknown): Row[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('query result has no rows');
  return rows as Row[];
}

async function tableNames(opened: OpenedDatabase): Promise<string[]> {
  const result = await opened.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return rowsOf<{ table_name: string }>(result).map((row) => row.table_name);
}

async function appliedMigrationCount(opened: OpenedDatabase): Promise<number> {
  const result = await opened.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? -1;
}

const sampleAttempt = {
  address: 'restart@163.com',
  providerId: 'netease-163',
  startedAt: new Date('2030-01-01T00:00:00Z'),
  finishedAt: new Date('2030-01-01T00:00:02Z'),
  ok: false,
  imapCode: 'auth_failed',
  smtpCode: null,
  banSignal: false,
  durationMs: 2000,
};

describe.each(availableBackends())('openDatabase on %s', (kind) => {
  let store: ScratchStore;
  const opened: OpenedDatabase[] = [];
  const open = async () => {
    const handle = await store.open();
    opened.push(handle);
    return handle;
  };

  beforeAll(async () => {
    store = await createScratchStore(kind);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((handle) => handle.close()));
  });
  afterAll(async () => {
    await store.dispose();
  });

  it('applies the committed migrations when it opens', async () => {
    const handle = await open();
    expect(handle.kind).toBe(kind);
    expect(await tableNames(handle)).toEqual(expect.arrayContaining(['check_attempts', 'provider_pauses']));
    expect(await appliedMigrationCount(handle)).toBe(journal.entries.length);
  });

  it('keeps the data when the database is closed and opened again, without migrating twice', async () => {
    const first = await open();
    await first.db.insert(checkAttempts).values(sampleAttempt);
    await first.close();

    const second = await open();
    const rows = await second.db.select().from(checkAttempts);
    expect(rows).toEqual([expect.objectContaining({ address: 'restart@163.com', imapCode: 'auth_failed' })]);
    expect(await appliedMigrationCount(second)).toBe(journal.entries.length);
  });

  it('refuses a mailbox address that was not normalised', async () => {
    const handle = await open();
    await expect(
      handle.db.insert(checkAttempts).values({ ...sampleAttempt, address: 'Someone@163.com' }),
    ).rejects.toThrow();
  });

  it('can be closed twice', async () => {
    const handle = await open();
    await handle.close();
    await expect(handle.close()).resolves.toBeUndefined();
  });

  it.runIf(kind === 'postgres')('lets several instances start at once on a fresh database', async () => {
    // Each instance migrates at open; the advisory lock makes them take turns.
    const fresh = await createScratchStore('postgres');
    try {
      const handles = await Promise.all([1, 2, 3, 4].map(() => fresh.open()));
      try {
        for (const handle of handles) expect(await appliedMigrationCount(handle)).toBe(journal.entries.length);
      } finally {
        await Promise.all(handles.map((handle) => handle.close()));
      }
    } finally {
      await fresh.dispose();
    }
  });
});

// ---- The PGlite folder lock -------------------------------------------------------------------

const repoRoot = findMigrationsFolder().replace(/[/\\]lib[/\\]db[/\\]migrations$/, '');

/** Starts another real process that opens the store and answers "ready <pid>" once it holds it. */
async function startHolder(dataDir: string, mode: 'hold' | 'exit'): Promise<{ child: ChildProcessWithoutNullStreams; pid: number }> {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'lib/db/testing/pglite-holder.ts', dataDir, mode],
    { cwd: repoRoot, stdio: 'pipe' },
  );
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const pid = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`holder exited (${code}) before it was ready: ${errors}`)));
  });
  return { child, pid };
}

function waitForExit(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A pid that certainly belonged to a process and is now free. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', '0']);
  if (result.pid === undefined) throw new Error('could not start a throwaway process');
  return result.pid;
}

describe('the PGlite folder lock', () => {
  let dataDir: string;
  const opened: OpenedDatabase[] = [];
  const children: ChildProcessWithoutNullStreams[] = [];

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-db-lock-'));
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
      await waitForExit(child);
    }
    await Promise.all(opened.splice(0).map((handle) => handle.close()));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const lockFile = () => path.join(dataDir, 'pglite.lock');
  const open = async () => {
    const handle = await openDatabase({ dataDir });
    opened.push(handle);
    return handle;
  };

  it('creates the data folder private to its owner, and removes the lock on close', async () => {
    const handle = await open();
    expect(fs.statSync(path.join(dataDir, 'pglite')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    await handle.close();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('refuses a second open in the same process while the first is open', async () => {
    await open();
    const second = openDatabase({ dataDir });
    await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(second).rejects.toThrow(`already open in this process (pid ${process.pid})`);
  });

  it('refuses to open a folder another process holds, naming that process and the folder', async () => {
    const { child, pid } = await startHolder(dataDir, 'hold');
    children.push(child);

    const attempt = openDatabase({ dataDir });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(attempt).rejects.toThrow(`held by process ${pid}`);
    await expect(attempt).rejects.toThrow(path.join(dataDir, 'pglite'));

    // Once the other process closes the database, this one can open it.
    child.stdin.end();
    expect(await waitForExit(child)).toBe(0);
    const handle = await open();
    expect(handle.kind).toBe('pglite');
  });

  it('takes over the lock of a process that was killed while holding it', async () => {
    const { child, pid } = await startHolder(dataDir, 'hold');
    child.kill('SIGKILL');
    await waitForExit(child);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid });

    const handle = await open();
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(await tableNames(handle)).toContain('check_attempts');
  });

  it('removes the lock when the holding process exits without closing', async () => {
    const { child } = await startHolder(dataDir, 'exit');
    expect(await waitForExit(child)).toBe(0);
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('takes over a stale lock that names a dead pid', async () => {
    fs.writeFileSync(lockFile(), `${JSON.stringify({ pid: deadPid(), host: os.hostname() })}\n`);
    await open();
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('takes over a lock with our own pid that this process does not hold (a restarted container)', async () => {
    fs.writeFileSync(lockFile(), `${JSON.stringify({ pid: process.pid, host: os.hostname() })}\n`);
    await open();
  });

  it('does not take over a lock from another host, whose process it cannot see', async () => {
    fs.writeFileSync(lockFile(), `${JSON.stringify({ pid: 4242, host: 'some-other-host' })}\n`);
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow('process 4242 on host "some-other-host"');
    } finally {
      fs.rmSync(lockFile());
    }
  });
});
