// What makes builds of the same sources interchangeable behind one load balancer: the key Next
// encrypts Server Action arguments with, which also salts every action's id (two builds with
// different keys name the same action differently, and a form posted to the other instance fails
// with "Failed to find Server Action"), and the deployment id, which tells a page of an older
// version that it must reload instead of mixing versions.
//
//   NEXT_SERVER_ACTIONS_ENCRYPTION_KEY  base64 of 16, 24 or 32 random bytes (openssl rand -base64 32).
//       Unset: generated once into DATA_DIR/server-actions-key and reused (the embedded default).
//   NEXT_DEPLOYMENT_ID  letters, digits, '-' and '_', at most 64. Unset: derived from the sources
//       and the key, so the same sources built anywhere with the same key get the same id and a
//       change of either gets a new one.
//
// Both are read at build time (`npm run build`, `npm start`); Next writes them into the build, so
// an instance serving it (`npm run serve`) needs neither.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const KEY_FILE_NAME = 'server-actions-key';
const DEPLOYMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class BuildIdentityError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BuildIdentityError';
  }
}

/** The key's bytes when `text` is base64 of a valid AES key length; undefined otherwise. */
function keyBytes(text) {
  const trimmed = text.trim();
  const bytes = Buffer.from(trimmed, 'base64');
  if (![16, 24, 32].includes(bytes.length) || bytes.toString('base64') !== trimmed) return undefined;
  return bytes;
}

/**
 * The generated key in `dataDir`, made on first use (mode 0600, never replaced). A data folder
 * without one next to a build of the current sources takes that build's key (`builtKey`), so a
 * fresh data folder does not cost a rebuild.
 */
function generatedKey(dataDir, builtKey) {
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      const adopted = builtKey !== undefined && keyBytes(builtKey) !== undefined;
      fs.writeFileSync(file, `${adopted ? builtKey : randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
      console.log(
        adopted
          ? `[build] kept the Server Actions key of the build in .next, in ${file}.`
          : `[build] generated the Server Actions key in ${file}; every instance serving this build shares it.`,
      );
    } catch (error) {
      // Another build made it in between: use theirs.
      if (error.code !== 'EEXIST') throw error;
    }
  }
  const text = fs.readFileSync(file, 'utf8');
  if (!keyBytes(text)) {
    throw new BuildIdentityError(`${file} does not hold base64 of a 16, 24 or 32-byte key. Remove it to have a new one generated.`);
  }
  return { key: text.trim(), from: file };
}

/**
 * The identity a build of `root` gets from `env`: { key, deploymentId, keyFrom }. `sourceStamp`
 * is the hash of the sources (scripts/build-stamp.mjs); `builtKey`, the key of a build of these
 * sources already in .next, if there is one.
 */
export function resolveBuildIdentity(root, env, sourceStamp, builtKey = undefined) {
  let key;
  let keyFrom;
  const given = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  if (given) {
    if (!keyBytes(given)) {
      throw new BuildIdentityError('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of 16, 24 or 32 bytes (openssl rand -base64 32).');
    }
    key = given;
    keyFrom = 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY';
  } else {
    const dataDir = path.resolve(root, env.DATA_DIR?.trim() || '.data');
    ({ key, from: keyFrom } = generatedKey(dataDir, builtKey));
  }

  let deploymentId = env.NEXT_DEPLOYMENT_ID?.trim();
  if (deploymentId) {
    if (!DEPLOYMENT_ID.test(deploymentId)) {
      throw new BuildIdentityError("NEXT_DEPLOYMENT_ID may hold only letters, digits, '-' and '_' (at most 64).");
    }
  } else {
    deploymentId = `v${createHash('sha256').update(sourceStamp).update('\n').update(key).digest('hex').slice(0, 16)}`;
  }
  return { key, deploymentId, keyFrom };
}

/** A fingerprint of the identity for the build stamp: a new key or id means a new build. */
export function identityFingerprint({ key, deploymentId }) {
  return `${deploymentId}:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** The deployment id a finished build in `distDir` was made with, or undefined. */
export function builtDeploymentId(distDir) {
  try {
    const files = JSON.parse(fs.readFileSync(path.join(distDir, 'required-server-files.json'), 'utf8'));
    const id = files?.config?.deploymentId;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The Server Actions key a finished build in `distDir` carries, or undefined. */
export function builtActionsKey(distDir) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8'));
    return typeof manifest?.encryptionKey === 'string' ? manifest.encryptionKey : undefined;
  } catch {
    return undefined;
  }
}
