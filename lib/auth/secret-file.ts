import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { logger } from '@/lib/log/logger.mjs';

// Secrets the embedded default generates for itself (the sealing key, the session secret), so
// that `npm start` works with nothing configured. Each lives in its own file in the data
// folder, readable by this user only, written once and never replaced: a replaced key would
// make every sealed code unreadable and sign every user out.

export class SecretFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretFileError';
  }
}

function readSecretFile(file: string, byteLength: number): Buffer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const secret = Buffer.from(text.trim(), 'base64');
  if (secret.length !== byteLength || secret.toString('base64') !== text.trim()) {
    // Never "repair" it by writing a new one: whatever was sealed under it would be lost.
    throw new SecretFileError(
      `${file} does not hold a ${byteLength}-byte base64 secret. Restore it from a backup, or ` +
        'move it away deliberately if nothing sealed under it needs to be kept.',
    );
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) {
    logger('secrets').warn(`${file} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
  }
  return secret;
}

function linkOrCopyExclusive(from: string, to: string): boolean {
  try {
    // link() fails with EEXIST rather than replacing: when two processes start at once, the
    // first one's file wins and the other reads it. Readers never see a half-written file.
    fs.linkSync(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
  }
  // Filesystems without hard links: an exclusive copy still never overwrites.
  try {
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * The secret in `file` (base64 text), creating it with `byteLength` random bytes and mode
 * 0600 when it does not exist yet. An existing file is always kept.
 */
export function readOrCreateSecretFile(file: string, byteLength = 32): { secret: Buffer; created: boolean } {
  const existing = readSecretFile(file, byteLength);
  if (existing) return { secret: existing, created: false };

  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const staging = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created: boolean;
  try {
    const fd = fs.openSync(staging, 'wx', 0o600);
    try {
      fs.fchmodSync(fd, 0o600); // the mode given to open is filtered by the umask
      fs.writeFileSync(fd, `${randomBytes(byteLength).toString('base64')}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    created = linkOrCopyExclusive(staging, file);
  } finally {
    fs.rmSync(staging, { force: true });
  }
  if (created) syncDirectory(dir);

  const secret = readSecretFile(file, byteLength);
  if (!secret) throw new SecretFileError(`${file} disappeared while it was being created`);
  return { secret, created };
}

function syncDirectory(dir: string): void {
  // Makes the new name durable, so a crash right after start-up cannot lose the key while
  // values sealed under it are already in the database.
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms cannot open or fsync a directory; the file itself was synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
