import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authUsers } from '@/lib/db/schema';
import { createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';

// `npm run staff:create` as an operator runs it: a separate process against the embedded
// database, configured by the environment only.

const root = path.resolve(import.meta.dirname, '..');

function runStaffCreate(dataDir: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir };
  delete childEnv.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'staff:create', '--', ...args], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm run staff:create', () => {
  let store: ScratchStore;
  const email = `staff-${randomBytes(4).toString('hex')}@example.com`;

  beforeAll(async () => {
    store = await createScratchStore('pglite');
  });
  afterAll(async () => {
    await store?.dispose();
  });

  const roleOf = async (address: string) => {
    const opened = await store.open();
    try {
      const [row] = await opened.db.select({ role: authUsers.role }).from(authUsers).where(eq(authUsers.email, address));
      return row?.role;
    } finally {
      await opened.close();
    }
  };

  it('creates a staff account with a generated password printed once, then takes the role away and gives it back', async () => {
    const created = await runStaffCreate(store.dataDir!, [email.toUpperCase()]);
    expect(created.code, created.output).toBe(0);
    expect(created.output).toContain(`created ${email} as support staff`);
    expect(created.output).toMatch(/password \(shown this once; nothing can show it again\): \S{12,}/);
    expect(await roleOf(email)).toBe('staff');

    const removed = await runStaffCreate(store.dataDir!, [email, '--remove']);
    expect(removed.code, removed.output).toBe(0);
    expect(await roleOf(email)).toBe('user');

    const promoted = await runStaffCreate(store.dataDir!, [email]);
    expect(promoted.code, promoted.output).toBe(0);
    expect(promoted.output).toContain('is support staff now');
    expect(promoted.output).not.toContain('password');
    expect(await roleOf(email)).toBe('staff');
  }, 120_000);

  it('refuses what is not an address, and a password too short, changing nothing', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-staff-'));
    try {
      for (const args of [['not-an-address'], [], ['a@example.com', '--password', 'short']]) {
        const result = await runStaffCreate(dataDir, args);
        expect(result.code, result.output).toBe(2);
        expect(result.output).toContain('usage: npm run staff:create');
      }
      // Nothing was opened, so nothing was created.
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
