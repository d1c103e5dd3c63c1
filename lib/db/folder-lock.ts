import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { logger } from '@/lib/log/logger.mjs';

// PGlite runs PostgreSQL inside this process, so nothing stops a second process (a second
// `next start`, a script, a test run) from opening the same data folder, and two writers
// corrupt it. This lock file makes the second opener fail loudly instead.
//
// The file is created with O_EXCL ('wx'), so exactly one opener wins. It names the holder
// (pid, host, and on Linux the holder's start time) so that a lock left by a crashed or
// killed process can be recognised as stale and taken over.

/** Thrown when the data folder is already open in another process, or earlier in this one. */
export class DatabaseLockedError extends Error {
  readonly folder: string;
  readonly lockFile: string;
  readonly holderPid: number | undefined;
  readonly holderHost: string | undefined;

  constructor(options: { folder: string; lockFile: string; holder: LockHolder | undefined; detail: string }) {
    const { folder, lockFile, holder, detail } = options;
    super(
      `The PGlite data folder ${folder} is already in use: ${detail}. ` +
        'Only one process may open it at a time; stop the other process, or set DATABASE_URL to use a ' +
        `PostgreSQL server that several processes can share. (Lock file: ${lockFile})`,
    );
    this.name = 'DatabaseLockedError';
    this.folder = folder;
    this.lockFile = lockFile;
    this.holderPid = holder?.pid;
    this.holderHost = holder?.host;
  }
}

export type LockHolder = {
  pid: number;
  host: string;
  /** Process start time in clock ticks since boot (Linux /proc); tells a reused pid from the holder. */
  processStart?: string;
};

export type FolderLock = {
  readonly lockFile: string;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
};

// Lock files held by this process. Kept on globalThis so that a second copy of this module
// (Next's dev hot reload, Vitest's module graph) still knows what this process holds.
const HELD_KEY = Symbol.for('mailbox-onboarding.db.heldFolderLocks');
function heldLocks(): Set<string> {
  const store = globalThis as { [HELD_KEY]?: Set<string> };
  store[HELD_KEY] ??= new Set<string>();
  return store[HELD_KEY];
}

function readProcessStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command name) is in parentheses and may itself contain spaces or ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // What follows is field 3 onwards; the start time is field 22.
    return fields[19];
  } catch {
    return undefined;
  }
}

function currentHolder(): LockHolder {
  const processStart = readProcessStart(process.pid);
  return { pid: process.pid, host: os.hostname(), ...(processStart ? { processStart } : {}) };
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, host, processStart } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof host !== 'string') return undefined;
    return { pid, host, ...(typeof processStart === 'string' ? { processStart } : {}) };
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Verdict = { stale: true } | { stale: false; detail: string };

function judgeHolder(holder: LockHolder, lockFile: string): Verdict {
  if (holder.host !== os.hostname()) {
    // We cannot see another machine's (or container's) processes, so we cannot call it stale.
    return {
      stale: false,
      detail:
        `it is held by process ${holder.pid} on host "${holder.host}". If that host no longer runs the app, ` +
        `delete the lock file by hand`,
    };
  }
  if (holder.pid === process.pid) {
    if (heldLocks().has(lockFile)) {
      return { stale: false, detail: `it is already open in this process (pid ${holder.pid})` };
    }
    // Our pid but not our lock: left by an earlier run that had the same pid (a restarted container).
    return { stale: true };
  }
  if (!isProcessAlive(holder.pid)) return { stale: true };
  if (holder.processStart !== undefined) {
    const start = readProcessStart(holder.pid);
    if (start !== undefined && start !== holder.processStart) return { stale: true }; // pid reused
  }
  return { stale: false, detail: `it is held by process ${holder.pid}` };
}

/** A lock file that could not be parsed is a write in progress unless it has sat there a while. */
const UNREADABLE_LOCK_GRACE_MS = 5_000;

/**
 * Moves a stale lock out of the way. Renaming is atomic, so if two processes race to take over
 * the same stale lock only one of them moves it; the check afterwards catches the case where
 * what we moved was a fresh lock someone else had just created.
 */
function removeStaleLock(lockFile: string, staleText: string): void {
  const aside = `${lockFile}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else removed it
    throw error;
  }
  const movedText = fs.readFileSync(aside, 'utf8');
  if (movedText !== staleText) {
    // We moved a live lock created after we looked. Put it back unless a new one exists already.
    try {
      fs.linkSync(aside, lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  fs.rmSync(aside, { force: true });
}

/**
 * Takes the exclusive lock `lockFile` guarding `folder`, or throws DatabaseLockedError naming
 * the holder. The lock is removed by `release()` and, failing that, when the process exits.
 */
export function acquireFolderLock(lockFile: string, folder: string): FolderLock {
  const absoluteLockFile = path.resolve(lockFile);
  const holder = currentHolder();
  const ownText = `${JSON.stringify(holder)}\n`;

  for (let attempt = 0; attempt < 5; attempt += 1) {
    let fd: number;
    try {
      fd = fs.openSync(absoluteLockFile, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let text: string;
      let ageMs: number;
      try {
        text = fs.readFileSync(absoluteLockFile, 'utf8');
        ageMs = Date.now() - fs.statSync(absoluteLockFile).mtimeMs;
      } catch (readError) {
        if ((readError as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
        throw readError;
      }
      const other = parseHolder(text);
      if (other === undefined) {
        if (ageMs < UNREADABLE_LOCK_GRACE_MS) {
          throw new DatabaseLockedError({
            folder,
            lockFile: absoluteLockFile,
            holder: undefined,
            detail: 'another process is taking the lock right now',
          });
        }
        removeStaleLock(absoluteLockFile, text);
        continue;
      }
      const verdict = judgeHolder(other, absoluteLockFile);
      if (!verdict.stale) {
        throw new DatabaseLockedError({ folder, lockFile: absoluteLockFile, holder: other, detail: verdict.detail });
      }
      logger('db').warn(`taking over the stale lock ${absoluteLockFile} left by process ${other.pid}`);
      removeStaleLock(absoluteLockFile, text);
      continue;
    }

    try {
      fs.writeSync(fd, ownText);
    } finally {
      fs.closeSync(fd);
    }
    return holdLock(absoluteLockFile, ownText);
  }
  throw new Error(`Could not take the lock ${absoluteLockFile} for ${folder}: it kept changing hands.`);
}

function holdLock(lockFile: string, ownText: string): FolderLock {
  heldLocks().add(lockFile);
  let released = false;

  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    heldLocks().delete(lockFile);
    try {
      // Only remove the file if it still names us; never delete someone else's lock.
      if (fs.readFileSync(lockFile, 'utf8') === ownText) fs.rmSync(lockFile, { force: true });
    } catch (error) {
      // Runs inside process 'exit' too, where a throw would only hide the real exit reason.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        logger('db').error({ err: error }, `could not remove the lock file ${lockFile}`);
      }
    }
  };

  // 'exit' runs on process.exit() and on a normal end. A kill by signal skips it; the next
  // opener then finds our pid dead and takes the lock over.
  process.on('exit', release);
  return { lockFile, release };
}
