import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type DovecotServer } from './dovecot';

const USER = 'someone@163.com';
const OTHER = 'other@126.com';
const PASSWORD = 'ABCDefghIJKLmnop';

// No `ca`: the test CA is trusted through NODE_EXTRA_CA_CERTS, as a public CA would be.
async function openInbox(port: number, pass: string, user = USER) {
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: true, auth: { user, pass }, logger: false });
  await client.connect();
  try {
    return await client.mailboxOpen('INBOX', { readOnly: true });
  } finally {
    await client.logout();
  }
}

function connectResult(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

function groupIsRunning(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  // Zombies waiting to be reaped still answer kill(0); they hold no sockets.
  return fs.readdirSync('/proc').some((entry) => {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z';
    } catch {
      return false;
    }
  });
}

describe('Dovecot peer', () => {
  let dovecot: DovecotServer;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: { [USER]: PASSWORD, [OTHER]: PASSWORD } });
  });

  afterAll(async () => {
    await dovecot?.stop();
  });

  it('serves IMAPS on loopback: imapflow logs in and opens INBOX', async () => {
    expect(dovecot.host).toBe('127.0.0.1');
    const mailbox = await openInbox(dovecot.port, PASSWORD);
    expect(mailbox).toMatchObject({ path: 'INBOX', exists: 0, readOnly: true });
  });

  it('fails a wrong password without penalising the next good login', async () => {
    const failure = await openInbox(dovecot.port, 'wrong').catch((err: unknown) => err);
    expect(failure).toMatchObject({ authenticationFailed: true });
    const started = Date.now();
    await openInbox(dovecot.port, PASSWORD);
    // With anvil's auth penalty in place this login would wait about 4.5 s.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(fs.readFileSync(dovecot.logPath, 'utf8')).toContain('Password mismatch');
  });

  it('sees a new password and a removed user', async () => {
    await openInbox(dovecot.port, PASSWORD, OTHER);
    // Each change waits for Dovecot's once-a-second look at the users file; together they wait once.
    await Promise.all([dovecot.setPassword(USER, 'newPasswordNewPw'), dovecot.removeUser(OTHER)]);
    await Promise.all([
      expect(openInbox(dovecot.port, PASSWORD)).rejects.toMatchObject({ authenticationFailed: true }),
      expect(openInbox(dovecot.port, PASSWORD, OTHER)).rejects.toMatchObject({ authenticationFailed: true }),
      expect(openInbox(dovecot.port, 'newPasswordNewPw')).resolves.toMatchObject({ path: 'INBOX' }),
    ]);
  });

  it('stop() frees the port, ends every process and removes the run folder', async () => {
    const own = await startDovecot({ users: {} });
    const masterPid = fs.readFileSync(path.join(own.dir, 'run', 'master.pid'), 'utf8').trim();
    const masterStat = fs.readFileSync(`/proc/${masterPid}/stat`, 'utf8');
    const pgid = Number(masterStat.slice(masterStat.lastIndexOf(')') + 2).split(' ')[2]);
    expect(groupIsRunning(pgid)).toBe(true);
    expect(await connectResult(own.port)).toBe('connected');
    await own.stop();
    expect(await connectResult(own.port)).toBe('ECONNREFUSED');
    expect(fs.existsSync(own.dir)).toBe(false);
    expect(groupIsRunning(pgid)).toBe(false);
  });

  it('dies with a test process that is killed without stopping it', async () => {
    const script = path.join(import.meta.dirname, 'dovecot-orphan.fixture.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const info = await new Promise<{ port: number; dir: string }>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      child.once('exit', (code) => reject(new Error(`fixture exited early with ${code}: ${out}`)));
    });
    expect(await connectResult(info.port)).toBe('connected');
    child.kill('SIGKILL');
    const deadline = Date.now() + 3000;
    while ((await connectResult(info.port)) === 'connected' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await connectResult(info.port)).toBe('ECONNREFUSED');
    fs.rmSync(info.dir, { recursive: true, force: true });
  });
});
