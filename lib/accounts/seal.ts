import 'server-only';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { readOrCreateSecretFile } from '@/lib/auth/secret-file';
import { env, type AppEnv, type SecretKeyEntry } from '@/lib/env';
import { logger } from '@/lib/log/logger.mjs';

// Authorization codes at rest: AES-256-GCM with a fresh 12-byte IV per value. The key id is
// stored beside each sealed value so that keys can be rotated, and the additional
// authenticated data binds a value to its account: a sealed code copied into another
// owner's or another address's row does not open.

export interface SecretKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

export interface Keyring {
  /** New values are sealed under this key. */
  current: SecretKey;
  /** Every key that may open a stored value, the current one included. */
  keys: ReadonlyMap<string, SecretKey>;
}

/** What ties a sealed value to one account. */
export interface SealBinding {
  ownerId: string;
  /** The normalised address, exactly as stored in the row. */
  address: string;
}

export interface SealedSecret {
  keyId: string;
  sealed: Buffer;
}

export type SealErrorReason = 'unknown_key' | 'malformed' | 'authentication_failed';

/** A stored value that cannot be opened: a missing key, a damaged value, or tampering. */
export class SealError extends Error {
  constructor(
    readonly reason: SealErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'SealError';
  }
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT_V1 = 0x01;
const AAD_LABEL = 'mailbox-onboarding/mail-account-code/v1';

/** The file the embedded default keeps its generated key in. */
export const KEY_FILE_NAME = 'secret-key';

/**
 * The id of a key given without one: a short fingerprint, so the same key always gets the same
 * id and two different keys never share one. (48 bits of a hash say nothing about the key.)
 */
export function deriveKeyId(key: Buffer): string {
  const digest = createHash('sha256').update('mailbox-onboarding/key-id\0').update(key).digest('hex');
  return `k${digest.slice(0, 12)}`;
}

/** A keyring from keys in order of preference: the first seals, all of them open. */
export function createKeyring(entries: readonly SecretKeyEntry[]): Keyring {
  const first = entries[0];
  if (!first) throw new TypeError('createKeyring needs at least one key');
  const keys = new Map<string, SecretKey>();
  for (const entry of entries) {
    if (entry.key.length !== KEY_BYTES) throw new TypeError(`a sealing key must be ${KEY_BYTES} bytes`);
    const id = entry.id ?? deriveKeyId(entry.key);
    if (keys.has(id)) throw new TypeError(`the key id "${id}" is listed twice`);
    keys.set(id, { id, key: Buffer.from(entry.key) });
  }
  const current = keys.get(first.id ?? deriveKeyId(first.key));
  if (!current) throw new Error('unreachable: the first key is in the keyring');
  return { current, keys };
}

export interface KeyringSource {
  APP_SECRET_KEY: AppEnv['APP_SECRET_KEY'];
  DATA_DIR: string;
  DATABASE_URL?: string;
}

/**
 * APP_SECRET_KEY when it is set; otherwise the embedded default's key in
 * `<DATA_DIR>/secret-key`, generated (mode 0600) on first start and reused after that.
 */
export function loadKeyring(source: KeyringSource): Keyring {
  if (source.APP_SECRET_KEY?.length) return createKeyring(source.APP_SECRET_KEY);
  const file = path.resolve(source.DATA_DIR, KEY_FILE_NAME);
  const { secret, created } = readOrCreateSecretFile(file, KEY_BYTES);
  if (created) {
    logger('secrets').info(`generated the key that seals authorization codes in ${file}; back it up with the data.`);
    if (source.DATABASE_URL) {
      logger('secrets').warn(
        'the sealing key lives in this instance\'s DATA_DIR while the codes live in PostgreSQL. ' +
          'Instances sharing that database need the same key: set APP_SECRET_KEY on all of them.',
      );
    }
  }
  return createKeyring([{ id: undefined, key: secret }]);
}

const KEYRING_KEY = Symbol.for('mailbox-onboarding.accounts.keyring');
type KeyringCache = { [KEYRING_KEY]?: Keyring };

/** The keyring of this process, from the validated environment, loaded once. */
export function getKeyring(): Keyring {
  const cache = globalThis as KeyringCache;
  cache[KEYRING_KEY] ??= loadKeyring(env());
  return cache[KEYRING_KEY];
}

function additionalData(keyId: string, binding: SealBinding): Buffer {
  // JSON, not a joined string, so that no choice of id or address can imitate another binding.
  return Buffer.from(JSON.stringify([AAD_LABEL, keyId, binding.ownerId, binding.address]), 'utf8');
}

/** Seals `plaintext` under the keyring's current key, bound to the account. */
export function sealSecret(keyring: Keyring, plaintext: string, binding: SealBinding): SealedSecret {
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(id, binding));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: id, sealed: Buffer.concat([Buffer.of(FORMAT_V1), iv, ciphertext, cipher.getAuthTag()]) };
}

/** Opens a sealed value for the account it is bound to; throws SealError when it cannot. */
export function openSecret(keyring: Keyring, value: SealedSecret, binding: SealBinding): string {
  const entry = keyring.keys.get(value.keyId);
  if (!entry) {
    throw new SealError(
      'unknown_key',
      `no key with id "${value.keyId}" is configured; list it in APP_SECRET_KEY until \`npm run keys:rotate\` has re-sealed its values`,
    );
  }
  const { sealed } = value;
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT_V1) {
    throw new SealError('malformed', 'the sealed value is not in a format this app writes');
  }
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const ciphertext = sealed.subarray(1 + IV_BYTES, sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', entry.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(entry.id, binding));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError(
      'authentication_failed',
      'the sealed value does not open: it was changed, belongs to another account, or the key under its id is not the one it was sealed with',
    );
  }
}
