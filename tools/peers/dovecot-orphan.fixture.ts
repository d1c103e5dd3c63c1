// Started by dovecot.test.ts, which SIGKILLs this process to check that its Dovecot goes too.
import { startDovecot } from './dovecot';

const dovecot = await startDovecot({ users: {} });
process.stdout.write(`${JSON.stringify({ port: dovecot.port, dir: dovecot.dir })}\n`);
setInterval(() => {}, 60_000);
