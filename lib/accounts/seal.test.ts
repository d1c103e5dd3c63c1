import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyring, deriveKeyId, KEY_FILE_NAME, loadKeyring, openSecret, sealSecret, SealError, type SealedSecret } from '@/lib/accounts/seal';
import { SecretFileError } from '@/lib/auth/secret-file';
import { EnvError, parseEnv } from '@/lib/env';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const binding = { ownerId: 'user-1', address: 'zhangsan@163.com' };
const CODE = 'ABCDEFGHIJKLMNOP';

function expectSealError(open: () => unknown, reason: SealError['reason']) {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(SealError);
    expect((error as SealError).reason).toBe(reason);
    expect((error as SealError).message).not.toContain(CODE);
    return;
  }
  throw new Error('expected the value not to open');
}

describe('sealSecret / openSecret', () => {
  const ring = createKeyring([{ id: 'a', key: keyA }]);

  it('opens what it sealed, for the same account', () => {
    const sealed = sealSecret(ring, CODE, binding);
    expect(sealed.keyId).toBe('a');
    expect(sealed.sealed.includes(Buffer.from(CODE))).toBe(false);
    expect(openSecret(ring, sealed, binding)).toBe(CODE);
  });

  it('uses a fresh IV every time, so equal codes never look equal', () => {
    const one = sealSecret(ring, CODE, binding);
    const two = sealSecret(ring, CODE, binding);
    expect(one.sealed.subarray(1, 13).equals(two.sealed.subarray(1, 13))).toBe(false);
    expect(one.sealed.equals(two.sealed)).toBe(false);
  });

  it('seals non-ASCII text too', () => {
    expect(openSecret(ring, sealSecret(ring, '授权码🙂', binding), binding)).toBe('授权码🙂');
  });

  it.each([
    ['the format byte', 0, 'malformed'],
    ['the IV', 5, 'authentication_failed'],
    ['the ciphertext', 1 + 12 + 3, 'authentication_failed'],
    ['the tag', -1, 'authentication_failed'],
  ] as const)('detects a flipped bit in %s', (_, at, reason) => {
    const { keyId, sealed } = sealSecret(ring, CODE, binding);
    const damaged = Buffer.from(sealed);
    const index = at < 0 ? damaged.length + at : at;
    damaged[index] = damaged[index]! ^ 0x01;
    expectSealError(() => openSecret(ring, { keyId, sealed: damaged }, binding), reason);
  });

  it('refuses a truncated value', () => {
    const { keyId, sealed } = sealSecret(ring, CODE, binding);
    expectSealError(() => openSecret(ring, { keyId, sealed: sealed.subarray(0, 20) }, binding), 'malformed');
    expectSealError(() => openSecret(ring, { keyId, sealed: sealed.subarray(0, sealed.length - 1) }, binding), 'authentication_failed');
  });

  it('does not open for another owner or another address (the value is bound to its account)', () => {
    const sealed = sealSecret(ring, CODE, binding);
    expectSealError(() => openSecret(ring, sealed, { ...binding, ownerId: 'user-2' }), 'authentication_failed');
    expectSealError(() => openSecret(ring, sealed, { ...binding, address: 'lisi@163.com' }), 'authentication_failed');
    // No way to shift characters between owner and address and still match.
    expectSealError(() => openSecret(ring, sealed, { ownerId: 'user-1zhangsan', address: '@163.com' }), 'authentication_failed');
  });

  it('does not open under another key id, known or unknown', () => {
    const both = createKeyring([
      { id: 'a', key: keyA },
      { id: 'b', key: keyB },
    ]);
    const sealed = sealSecret(both, CODE, binding);
    expectSealError(() => openSecret(both, { ...sealed, keyId: 'b' }, binding), 'authentication_failed');
    expectSealError(() => openSecret(both, { ...sealed, keyId: 'gone' }, binding), 'unknown_key');
    // The same key material under another id still fails: the id is authenticated too.
    const aliased = createKeyring([
      { id: 'a', key: keyA },
      { id: 'alias', key: keyA },
    ]);
    expectSealError(() => openSecret(aliased, { ...sealed, keyId: 'alias' }, binding), 'authentication_failed');
  });

  it('opens values sealed under an older key while the keyring still lists it, and seals new ones under the first', () => {
    const old = createKeyring([{ id: 'a', key: keyA }]);
    const sealedBefore: SealedSecret = sealSecret(old, CODE, binding);
    const rotated = createKeyring([
      { id: 'b', key: keyB },
      { id: 'a', key: keyA },
    ]);
    expect(openSecret(rotated, sealedBefore, binding)).toBe(CODE);
    expect(sealSecret(rotated, CODE, binding).keyId).toBe('b');
    expectSealError(() => openSecret(createKeyring([{ id: 'b', key: keyB }]), sealedBefore, binding), 'unknown_key');
  });

  it('derives a stable id for a key given without one, different for different keys', () => {
    const bare = createKeyring([{ id: undefined, key: keyA }]);
    expect(bare.current.id).toBe(deriveKeyId(keyA));
    expect(deriveKeyId(keyA)).toMatch(/^k[0-9a-f]{12}$/);
    expect(deriveKeyId(keyA)).not.toBe(deriveKeyId(keyB));
    expect(() => createKeyring([{ id: undefined, key: keyA }, { id: undefined, key: keyA }])).toThrow(/twice/);
  });
});

describe('APP_SECRET_KEY', () => {
  const hex = keyA.toString('hex');
  const b64 = keyB.toString('base64');

  it('reads one bare key in hex or base64, and lists of id:key', () => {
    expect(parseEnv({ APP_SECRET_KEY: hex }).APP_SECRET_KEY).toEqual([{ id: undefined, key: keyA }]);
    expect(parseEnv({ APP_SECRET_KEY: b64 }).APP_SECRET_KEY).toEqual([{ id: undefined, key: keyB }]);
    expect(parseEnv({ APP_SECRET_KEY: keyB.toString('base64url') }).APP_SECRET_KEY).toEqual([{ id: undefined, key: keyB }]);
    expect(parseEnv({ APP_SECRET_KEY: ` new:${b64} , old:${hex} ` }).APP_SECRET_KEY).toEqual([
      { id: 'new', key: keyB },
      { id: 'old', key: keyA },
    ]);
    expect(parseEnv({}).APP_SECRET_KEY).toBeUndefined();
  });

  it.each([
    ['a short key', 'c2hvcnQ=', /key 1 of 1: expected 32 bytes/],
    ['a 31-byte key', randomBytes(31).toString('hex'), /key 1 of 1: expected 32 bytes/],
    ['a bad id', `bad id!:${b64}`, /key 1 of 1: the id/],
    ['a repeated id', `x:${b64},x:${hex}`, /key 2 of 2: the id "x" is used twice/],
    ['an empty entry', `${b64},`, /key 2 of 2/],
  ])('refuses %s, without echoing any key', (_, value, message) => {
    let thrown: unknown;
    try {
      parseEnv({ APP_SECRET_KEY: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain(b64);
    expect((thrown as Error).message).not.toContain(hex);
  });
});

describe('the generated key file (embedded default)', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-keys-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is created on first use with mode 0600, then reused unchanged', () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = loadKeyring({ APP_SECRET_KEY: undefined, DATA_DIR: dataDir });
    const file = path.join(dataDir, KEY_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const content = fs.readFileSync(file, 'utf8');
    expect(Buffer.from(content.trim(), 'base64')).toHaveLength(32);

    const second = loadKeyring({ APP_SECRET_KEY: undefined, DATA_DIR: dataDir });
    expect(second.current.id).toBe(first.current.id);
    expect(second.current.key.equals(first.current.key)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    // No staging files are left behind.
    expect(fs.readdirSync(dataDir)).toEqual([KEY_FILE_NAME]);

    const sealed = sealSecret(first, CODE, binding);
    expect(openSecret(second, sealed, binding)).toBe(CODE);
  });

  it('is not used (nor created) when APP_SECRET_KEY is set', () => {
    const dataDir = tempDir();
    const ring = loadKeyring({ APP_SECRET_KEY: [{ id: 'env', key: keyA }], DATA_DIR: dataDir });
    expect(ring.current.id).toBe('env');
    expect(fs.existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
  });

  it('is never overwritten when it is damaged', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, KEY_FILE_NAME);
    fs.writeFileSync(file, 'not a key\n', { mode: 0o600 });
    expect(() => loadKeyring({ APP_SECRET_KEY: undefined, DATA_DIR: dataDir })).toThrow(SecretFileError);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a key\n');
  });

  it('ends up as one key when several processes start at once', async () => {
    const dataDir = tempDir();
    const racer = path.resolve(import.meta.dirname, '../auth/testing/secret-file-racer.ts');
    const file = path.join(dataDir, KEY_FILE_NAME);
    // Each process waits for the same moment before touching the file, so they really collide.
    const startAt = String(Date.now() + 4_000);
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', racer, file, startAt], {
          cwd: path.resolve(import.meta.dirname, '../..'),
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`racer exited ${code}: ${err}`))));
      });
    const results = await Promise.all(Array.from({ length: 6 }, run));
    const fingerprints = new Set(results.map((line) => line.split(' ')[0]));
    expect(fingerprints.size).toBe(1);
    expect(results.filter((line) => line.endsWith('created'))).toHaveLength(1);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual([KEY_FILE_NAME]);
  }, 60_000);
});
