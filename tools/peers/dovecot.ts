import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { ensureTestPki } from './pki';
import { LOOPBACK } from './server-lifecycle';

export interface DovecotOptions {
  /** address -> password */
  users: Record<string, string>;
  /** Keep the run folder (config, log, maildirs) after stop(), to read the log of a failure. */
  keepFiles?: boolean;
  /**
   * The capability list Dovecot sends after LOGIN instead of its own (`imap_capability`): a
   * server that offers no IDLE, say. Default: Dovecot's, which has IDLE.
   */
  imapCapability?: string;
  dovecotBinary?: string;
}

export interface DovecotServer {
  host: typeof LOOPBACK;
  port: number;
  dir: string;
  logPath: string;
  /** Resolves when Dovecot will see the change (up to about a second). */
  setPassword(address: string, password: string): Promise<void>;
  removeUser(address: string): Promise<void>;
  stop(): Promise<void>;
}

const DIR_PREFIX = 'mbx-dovecot-';
const READY_TIMEOUT_MS = 10_000;
const STALE_DIR_AGE_MS = 60 * 60 * 1000;

// Dovecot's mail processes drop to this user, so the mail folder must be theirs.
function lookupId(file: string, name: string): number {
  const line = fs.readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  const id = Number(line?.split(':')[2]);
  if (!Number.isInteger(id)) throw new Error(`${name} not found in ${file}`);
  return id;
}

/**
 * After SIGKILL the processes are zombies until the init process reaps them,
 * which here takes up to ~1.5 s; a zombie holds no socket, so only processes
 * of the group that still run count.
 */
function groupIsRunning(pgid: number): boolean {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the parenthesised command name: state ppid pgrp ...
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Run folders of crashed test processes pile up in the temp dir; their
 * Dovecots are gone (the watchdog below sees to that), so old folders whose
 * master is dead can go. Young ones may belong to a run that is starting.
 */
function sweepStaleRuns(): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = path.join(os.tmpdir(), name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs < STALE_DIR_AGE_MS) continue;
      const pidFile = path.join(dir, 'run', 'master.pid');
      const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) : NaN;
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another process is sweeping the same folder.
    }
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let lastUsersMtime = 0;

/**
 * passwd-file reloads only when the file's mtime (whole seconds) or size has
 * changed, and stats it at most once per second. So each write gets an mtime
 * later than any before, and the caller waits for the next second to begin.
 */
function writeUsers(file: string, users: Map<string, string>): void {
  const lines = [...users].map(([address, password]) => {
    if (/[:\r\n]/.test(address) || /[\r\n]/.test(password)) {
      throw new Error(`passwd-file cannot hold ${JSON.stringify(address)}: no ':' or line breaks`);
    }
    return `${address}:{PLAIN}${password}\n`;
  });
  const staging = `${file}.tmp`;
  fs.writeFileSync(staging, lines.join(''), { mode: 0o644 });
  lastUsersMtime = Math.max(Math.floor(Date.now() / 1000), lastUsersMtime + 1);
  fs.utimesSync(staging, lastUsersMtime, lastUsersMtime);
  fs.renameSync(staging, file);
}

/** Resolves once Dovecot's next once-a-second check of the users file is due. */
function nextSecond(): Promise<void> {
  const wait = 1000 - (Date.now() % 1000) + 20;
  return new Promise((resolve) => setTimeout(resolve, wait));
}

function config(dir: string, port: number, pki: ReturnType<typeof ensureTestPki>, options: Pick<DovecotOptions, 'imapCapability'>): string {
  if (options.imapCapability !== undefined && /[\r\n]/.test(options.imapCapability)) throw new Error('imapCapability: one line');
  const capability = options.imapCapability !== undefined ? `imap_capability = ${options.imapCapability}\n` : '';
  return `# Written by tools/peers/dovecot.ts for one test run; reads nothing from /etc.
${capability}
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = ${path.basename(dir)}
protocols = imap
listen = ${LOOPBACK}
log_path = ${dir}/dovecot.log
auth_verbose = yes
ssl = required
ssl_cert = <${pki.server.certPath}
ssl_key = <${pki.server.keyPath}
auth_mechanisms = plain login
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users.passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/mail/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    port = ${port}
    ssl = yes
  }
}
`;
}

// Every live Dovecot process group, so an exiting test process can take them along.
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid);
  });
}

/**
 * Dovecot runs in the foreground under a tiny shell that holds a pipe from
 * this process on its stdin. If this process dies in any way, even SIGKILL,
 * the pipe closes, `read` returns and the shell kills its own process group,
 * Dovecot included. The 'exit' hook covers ordinary exits a little sooner.
 */
const WATCHDOG_SCRIPT = `"$1" -F -c "$2" </dev/null &
read unused
kill -KILL 0
`;

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function greets(port: number, ca: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: LOOPBACK, port, servername: 'localhost', ca });
    let text = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n')) finish(text.startsWith('* OK'));
    });
    socket.on('error', () => finish(false));
  });
}

const readTail = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
};

async function startOnce(options: DovecotOptions): Promise<DovecotServer> {
  const pki = ensureTestPki();
  const binary = options.dovecotBinary ?? '/usr/sbin/dovecot';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
  // mkdtemp gives 0700; Dovecot's unprivileged auth and mail processes must enter it.
  fs.chmodSync(dir, 0o755);
  const mailDir = path.join(dir, 'mail');
  fs.mkdirSync(mailDir);
  fs.chownSync(mailDir, lookupId('/etc/passwd', 'nobody'), lookupId('/etc/group', 'nogroup'));
  const logPath = path.join(dir, 'dovecot.log');
  const usersFile = path.join(dir, 'users.passwd');
  const users = new Map(Object.entries(options.users));
  writeUsers(usersFile, users);
  const port = await freePort();
  const confPath = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(confPath, config(dir, port, pki, options));
  // A folder is never reused, but a master.pid left by a SIGKILL would stop Dovecot from starting.
  fs.rmSync(path.join(dir, 'run', 'master.pid'), { force: true });

  let stderr = '';
  const child: ChildProcess = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, 'dovecot-watchdog', binary, confPath], {
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('could not spawn dovecot');
  liveGroups.add(pgid);
  installExitHook();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  // Neither the child nor its pipes may keep a test process alive; the
  // process ending closes stdin, which is what stops Dovecot then.
  child.unref();
  (child.stdin as net.Socket | null)?.unref();
  (child.stderr as net.Socket | null)?.unref();

  const cleanUp = async () => {
    // Referenced again so that a caller awaiting stop() is not dropped by an empty event loop.
    child.ref();
    killGroup(pgid);
    await exited;
    // The shell is gone; Dovecot's own children may take a moment longer.
    await waitFor(() => (groupIsRunning(pgid) ? undefined : true), 5000, 'dovecot processes to exit').catch(() => {});
    liveGroups.delete(pgid);
    if (!options.keepFiles) fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    // Deleting anvil's penalty socket before anyone logs in turns off the
    // ~4.5 s delay that one failed login would otherwise add to later ones.
    const penaltySocket = path.join(dir, 'run', 'anvil-auth-penalty');
    await waitFor(
      () => (fs.existsSync(penaltySocket) ? true : /Fatal|Error/i.test(stderr) ? false : undefined),
      READY_TIMEOUT_MS,
      'dovecot to create its anvil socket',
    ).then((created) => {
      if (!created) throw new Error('dovecot exited early');
    });
    fs.rmSync(penaltySocket, { force: true });
    await waitFor(async () => ((await greets(port, pki.ca.cert)) ? true : undefined), READY_TIMEOUT_MS, 'the IMAPS greeting');
  } catch (err) {
    await cleanUp();
    throw new Error(`dovecot did not start: ${(err as Error).message}\nstderr: ${stderr}\nlog:\n${readTail(logPath)}`, {
      cause: err,
    });
  }

  let stopped: Promise<void> | undefined;
  return {
    host: LOOPBACK,
    port,
    dir,
    logPath,
    async setPassword(address, password) {
      users.set(address, password);
      writeUsers(usersFile, users);
      await nextSecond();
    },
    async removeUser(address) {
      users.delete(address);
      writeUsers(usersFile, users);
      await nextSecond();
    },
    stop() {
      stopped ??= cleanUp();
      return stopped;
    },
  };
}

/** Starts a real Dovecot serving IMAPS on 127.0.0.1 with the test PKI's server certificate. */
export async function startDovecot(options: DovecotOptions): Promise<DovecotServer> {
  sweepStaleRuns();
  let lastError: unknown;
  // The free port is found before Dovecot binds it, so another process can take it in between.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options);
    } catch (err) {
      lastError = err;
      if (!/Address already in use/.test(String((err as Error).message))) break;
    }
  }
  throw lastError;
}
