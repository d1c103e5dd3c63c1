import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMailAccountCode, saveCheckedMailAccount } from '@/lib/accounts/queries';
import { createKeyring } from '@/lib/accounts/seal';
import { authUsers, mailAccounts } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import type { CheckReport } from '@/lib/mail-check/types';
import type { MailEndpoints } from '@/lib/providers/types';

// `npm run keys:rotate` as an operator runs it: a separate process, configured by the
// environment only, against a store this test filled with codes sealed under an old key.

const root = path.resolve(import.meta.dirname, '..');
const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const keyList = (...keys: Array<[string, Buffer]>) => keys.map(([id, key]) => `${id}:${key.toString('base64')}`).join(',');

const endpoints: MailEndpoints = {
  imap: { host: 'imap.163.com', port: 993, tls: 'implicit' },
  smtp: { host: 'smtp.163.com', port: 465, tls: 'implicit' },
};
const report: CheckReport = {
  ok: true,
  durationMs: 10,
  banSignal: false,
  imap: { ok: true, durationMs: 5, endpoint: endpoints.imap },
  smtp: { ok: true, durationMs: 5, endpoint: endpoints.smtp },
};

function runRotate(store: ScratchStore, appSecretKey: string): Promise<{ code: number | null; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, APP_SECRET_KEY: appSecretKey, NODE_ENV: 'test' };
  delete childEnv.DATABASE_URL;
  if (store.url) childEnv.DATABASE_URL = store.url;
  // PGlite stores keep their data in <dataDir>/pglite, exactly as DATA_DIR does for the app.
  childEnv.DATA_DIR = store.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-rotate-'));
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'keys:rotate'], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe.each(availableBackends())('npm run keys:rotate on %s', (kind) => {
  let store: ScratchStore;
  const owner = `user-${randomBytes(4).toString('hex')}`;
  const codes = ['aaaabbbbccccdddd', 'eeeeffffgggghhhh', 'iiiijjjjkkkkllll'];

  beforeAll(async () => {
    store = await createScratchStore(kind);
    const opened = await store.open();
    try {
      await opened.db.insert(authUsers).values({ id: owner, name: 'R', email: `${owner}@example.com` });
      const keyring = createKeyring([{ id: 'old', key: oldKey }]);
      for (const [i, code] of codes.entries()) {
        await saveCheckedMailAccount(opened.db, { ownerId: owner, address: `box${i}@163.com`, providerId: 'netease', endpoints, code, report }, { keyring });
      }
    } finally {
      // The script must open the store itself (and PGlite admits one process at a time).
      await opened.close();
    }
  });
  afterAll(async () => {
    await store.dispose();
  });

  it('re-seals every code under the first key, printing counts and never a code', async () => {
    const { code, output } = await runRotate(store, keyList(['new', newKey], ['old', oldKey]));
    expect(output).toContain('current key: new');
    expect(output).toContain('accounts: 3');
    expect(output).toContain('already under the current key: 0');
    expect(output).toContain('re-sealed now: 3');
    for (const c of codes) expect(output).not.toContain(c);
    expect(output).not.toContain(newKey.toString('base64'));
    expect(output).not.toContain(oldKey.toString('base64'));
    expect(code).toBe(0);

    const opened = await store.open();
    try {
      const rows = await opened.db.select().from(mailAccounts);
      expect(rows.map((r) => r.codeKeyId)).toEqual(['new', 'new', 'new']);
      // The old key is no longer needed.
      const newOnly = createKeyring([{ id: 'new', key: newKey }]);
      const openedCodes = await Promise.all(rows.map((r) => openMailAccountCode(opened.db, { ownerId: owner, accountId: r.id }, { keyring: newOnly })));
      expect(openedCodes.sort()).toEqual([...codes].sort());
    } finally {
      await opened.close();
    }
  }, 60_000);

  it('leaves rows already under the current key alone on a second run', async () => {
    const { code, output } = await runRotate(store, keyList(['new', newKey], ['old', oldKey]));
    expect(output).toContain('already under the current key: 3');
    expect(output).toContain('re-sealed now: 0');
    expect(code).toBe(0);
  }, 60_000);

  it('fails, changing nothing, when the key the codes are under is not configured', async () => {
    const { code, output } = await runRotate(store, keyList(['newer', randomBytes(32)]));
    expect(output).toContain('key not configured: 3');
    expect(code).toBe(1);
    const opened = await store.open();
    try {
      const rows = await opened.db.select().from(mailAccounts);
      expect(rows.map((r) => r.codeKeyId)).toEqual(['new', 'new', 'new']);
    } finally {
      await opened.close();
    }
  }, 60_000);
});
