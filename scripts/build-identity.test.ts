import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildIdentityError, identityFingerprint, KEY_FILE_NAME, resolveBuildIdentity } from './build-identity.mjs';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-identity-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const KEY = Buffer.alloc(32, 1).toString('base64');

describe('the identity of a build', () => {
  it('takes the key and the id from the environment, as given', () => {
    const identity = resolveBuildIdentity(root, { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY, NEXT_DEPLOYMENT_ID: 'release-42' }, 'stamp');
    expect(identity).toMatchObject({ key: KEY, deploymentId: 'release-42', keyFrom: 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY' });
    expect(fs.existsSync(path.join(root, '.data', KEY_FILE_NAME))).toBe(false);
  });

  it('refuses a key that is not base64 of an AES key length, and an id with other characters', () => {
    for (const bad of ['short', Buffer.alloc(20).toString('base64'), `${KEY}!`]) {
      expect(() => resolveBuildIdentity(root, { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: bad }, 'stamp')).toThrow(BuildIdentityError);
    }
    for (const bad of ['v1.2', 'a/b', 'x'.repeat(65), 'ü']) {
      expect(() => resolveBuildIdentity(root, { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY, NEXT_DEPLOYMENT_ID: bad }, 'stamp')).toThrow(BuildIdentityError);
    }
  });

  it('without a key generates one into DATA_DIR (mode 0600) once and keeps using it', () => {
    const first = resolveBuildIdentity(root, { DATA_DIR: 'data' }, 'stamp');
    const file = path.join(root, 'data', KEY_FILE_NAME);
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveBuildIdentity(root, { DATA_DIR: 'data' }, 'stamp').key).toBe(first.key);
    expect(resolveBuildIdentity(root, { DATA_DIR: 'data' }, 'stamp', KEY).key).toBe(first.key);
  });

  it('a fresh data folder beside a build of these sources takes that build’s key', () => {
    expect(resolveBuildIdentity(root, {}, 'stamp', KEY).key).toBe(KEY);
    expect(fs.readFileSync(path.join(root, '.data', KEY_FILE_NAME), 'utf8').trim()).toBe(KEY);
  });

  it('refuses a damaged key file rather than replace it', () => {
    fs.mkdirSync(path.join(root, '.data'));
    fs.writeFileSync(path.join(root, '.data', KEY_FILE_NAME), 'not a key');
    expect(() => resolveBuildIdentity(root, {}, 'stamp')).toThrow(/server-actions-key/);
  });

  it('names the release after the sources and the key when no id is given', () => {
    const id = (stamp: string, key: string) => resolveBuildIdentity(root, { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }, stamp).deploymentId;
    const other = Buffer.alloc(32, 2).toString('base64');
    expect(id('a', KEY)).toMatch(/^v[0-9a-f]{16}$/);
    expect(id('a', KEY)).toBe(id('a', KEY));
    expect(id('b', KEY)).not.toBe(id('a', KEY));
    expect(id('a', other)).not.toBe(id('a', KEY));
  });

  it('fingerprints a change of key or id', () => {
    const base = identityFingerprint({ key: KEY, deploymentId: 'r1' });
    expect(identityFingerprint({ key: KEY, deploymentId: 'r2' })).not.toBe(base);
    expect(identityFingerprint({ key: Buffer.alloc(32, 2).toString('base64'), deploymentId: 'r1' })).not.toBe(base);
    expect(base).not.toContain(KEY);
  });
});
