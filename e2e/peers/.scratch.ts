import { execSync } from 'node:child_process';
import { ImapFlow } from 'imapflow';
import { startDovecot } from './dovecot';
let t = Date.now();
const d = await startDovecot({ users: { 'a@163.com': 'pw1' } });
console.log('started', Date.now() - t);
const login = async (pass: string) => {
  const c = new ImapFlow({ host: '127.0.0.1', port: d.port, secure: true, auth: { user: 'a@163.com', pass }, logger: false });
  const t0 = Date.now();
  try { await c.connect(); const m = await c.mailboxOpen('INBOX'); await c.logout(); return `ok ${m.path} ${Date.now() - t0}ms`; } catch (e: any) { return `fail ${e.authenticationFailed} ${e.responseText} ${Date.now() - t0}ms`; }
};
console.log(await login('bad'));
console.log(await login('pw1'));
t = Date.now(); await d.setPassword('a@163.com', 'pw2'); console.log('setPassword', Date.now() - t);
console.log(await login('pw1'));
console.log(await login('pw2'));
t = Date.now();
await d.stop();
console.log('stopped', Date.now() - t);
