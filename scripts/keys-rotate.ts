import { resealMailAccountCodes } from '@/lib/accounts/queries';
import { getKeyring } from '@/lib/accounts/seal';
import { closeDatabase } from '@/lib/db/client';
import { openScriptDatabase } from './script-database';

// `npm run keys:rotate`: re-seals every stored authorization code under the current key (the
// first in APP_SECRET_KEY). Codes already under it are left alone. Prints counts only.
// Runs as: node --conditions=react-server --import tsx scripts/keys-rotate.ts

const say = (line: string) => console.log(`[keys:rotate] ${line}`);

async function main(): Promise<number> {
  // Read once the settings are known to be valid (the keyring comes from them).
  let keyring: ReturnType<typeof getKeyring> | undefined;
  const start = await openScriptDatabase('keys:rotate', (appEnv) => {
    keyring = getKeyring();
    const source = appEnv.APP_SECRET_KEY?.length ? 'APP_SECRET_KEY' : `the generated key file in ${appEnv.DATA_DIR}`;
    say(`current key: ${keyring.current.id} (from ${source}); ${keyring.keys.size} key(s) configured`);
    say(`database: ${appEnv.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${appEnv.DATA_DIR}`}`);
  });
  if (!start.ok || !keyring) return start.ok ? 1 : start.exitCode;
  const { opened } = start;

  try {
    const counts = await resealMailAccountCodes(opened.db, { keyring });
    const failed = counts.failed.unknown_key + counts.failed.malformed + counts.failed.authentication_failed;
    say(`accounts: ${counts.total}`);
    say(`already under the current key: ${counts.alreadyCurrent}`);
    say(`re-sealed now: ${counts.resealed}`);
    if (counts.changedMeanwhile) say(`saved again by the app meanwhile (already current): ${counts.changedMeanwhile}`);
    if (failed) {
      say(
        `could not be opened, left as they were: ${failed} ` +
          `(key not configured: ${counts.failed.unknown_key}, damaged: ${counts.failed.malformed}, ` +
          `does not authenticate: ${counts.failed.authentication_failed})`,
      );
      say('list the missing old key(s) in APP_SECRET_KEY after the current one and run this again.');
      return 1;
    }
    say('done.');
    return 0;
  } finally {
    await closeDatabase();
  }
}

process.exitCode = await main();
