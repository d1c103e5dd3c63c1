import { createHash } from 'node:crypto';
import { readOrCreateSecretFile } from '@/lib/auth/secret-file';

// A process for the key-file race test: waits until the shared start time in argv[3], creates
// or reads the secret file in argv[2], and prints a fingerprint of the secret (never the
// secret) and whether this process was the one that created it.
// Run with: node --conditions=react-server --import tsx lib/auth/testing/secret-file-racer.ts <file> [startAtMs]

const [file, startAt] = process.argv.slice(2);
if (!file) {
  console.error('usage: secret-file-racer.ts <file> [startAtMs]');
  process.exit(2);
}
const wait = Number(startAt ?? 0) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));

const { secret, created } = readOrCreateSecretFile(file);
const fingerprint = createHash('sha256').update(secret).digest('hex').slice(0, 16);
process.stdout.write(`${fingerprint} ${created ? 'created' : 'reused'}\n`);
