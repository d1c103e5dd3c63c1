// Serves the production build for the browser tests, with real mail peers behind the test seam:
//   163.com, yeah.net → the strict NetEase IMAP simulator (ID only counts after LOGIN)
//   126.com           → Dovecot (real IMAP)
//   vip.163.com       → a port nothing listens on ("the server is down")
//   every domain      → one smtp-server answering with NetEase's texts
// Tests change the peers through a small control endpoint on loopback (see mail-peers.ts).
// The app gets the test CA through Node's NODE_EXTRA_CA_CERTS, as the product requires.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startDovecot } from '../peers/dovecot';
import { refusedPort } from '../peers/faults';
import { startNeteaseImap } from '../peers/netease-imap';
import { startNeteaseSmtp, type SmtpScenario } from '../peers/netease-smtp';
import { ensureTestPki } from '../peers/pki';
import { E2E_CONTROL_PORT, E2E_SERVER_LOG, type PeerCommand } from './mail-peers';

const port = process.argv[2] ?? '3107';
const skipBuild = process.env.E2E_SKIP_BUILD === '1';

if (!skipBuild) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const pki = ensureTestPki();
const imap = await startNeteaseImap({ users: {}, idRule: 'after-login' });
const dovecot = await startDovecot({ users: {} });
const smtp = await startNeteaseSmtp({ users: {} });
const downPort = await refusedPort();

const overrides = {
  '163.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` },
  'yeah.net': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` },
  '126.com': { imap: `127.0.0.1:${dovecot.port}`, smtp: `127.0.0.1:${smtp.port}` },
  'vip.163.com': { imap: `127.0.0.1:${downPort}`, smtp: `127.0.0.1:${downPort}` },
};

async function apply(command: PeerCommand): Promise<void> {
  switch (command.type) {
    case 'set-code':
      imap.setCode(command.address, command.code);
      smtp.setCode(command.address, command.code);
      await dovecot.setPassword(command.address, command.code);
      return;
    case 'revoke':
      imap.removeUser(command.address);
      smtp.removeUser(command.address);
      await dovecot.removeUser(command.address);
      return;
    case 'smtp-scenario':
      smtp.setScenario(command.scenario as SmtpScenario);
      return;
  }
}

const control = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    apply(JSON.parse(body) as PeerCommand).then(
      () => res.writeHead(204).end(),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
});
await new Promise<void>((resolve) => control.listen(E2E_CONTROL_PORT, '127.0.0.1', resolve));

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  DATA_DIR: process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'e2e-data-')),
  NODE_EXTRA_CA_CERTS: pki.ca.certPath,
  MAIL_ENDPOINT_OVERRIDES: JSON.stringify(overrides),
  ALLOW_ENDPOINT_OVERRIDES: '1',
  BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
  // Tests sign in many times from one address; the limit itself is covered by lib/auth tests.
  AUTH_SIGN_IN_MAX_ATTEMPTS: process.env.AUTH_SIGN_IN_MAX_ATTEMPTS ?? '1000',
};
// The server's output is kept in a file as well, so tests can search it for a code.
const log = createWriteStream(E2E_SERVER_LOG);
const server = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'], env });
for (const stream of [server.stdout, server.stderr]) {
  stream.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
}

async function shutdown(code: number) {
  server.kill('SIGTERM');
  control.close();
  await Promise.allSettled([imap.stop(), dovecot.stop(), smtp.stop()]);
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void shutdown(0));
server.on('exit', (code) => void shutdown(code ?? 0));
