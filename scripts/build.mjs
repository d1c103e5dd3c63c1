// One production build (`next build`), stamped with the sources it was made from so that
// `npm start`, every browser-test pass and the README check serve it without building again.
//   node scripts/build.mjs           builds when the sources changed since the last build
//   node scripts/build.mjs --force   builds in any case
//   --after-typecheck                 the caller has type-checked these sources (see buildApp)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent, recordBuild, sourceStamp } from './build-stamp.mjs';
import { BuildIdentityError, builtActionsKey, identityFingerprint, resolveBuildIdentity } from './build-identity.mjs';

/**
 * Builds the app in `root` unless its build is current; returns false when the build failed.
 * `afterTypeCheck`: the caller has just type-checked these sources (next.config.ts then skips
 * the build's own check of the same files). The build gets its Server Actions key and deployment
 * id from the environment, or the embedded default's (scripts/build-identity.mjs); a build made
 * with another key or id is not current.
 */
export function buildApp(root, { force = false, afterTypeCheck = false } = {}) {
  // Taken before building: an edit made while the build runs must not pass for built.
  const stamp = sourceStamp(root);
  let identity;
  try {
    const builtKey = buildIsCurrent(root, stamp) ? builtActionsKey(path.join(root, '.next')) : undefined;
    identity = resolveBuildIdentity(root, process.env, stamp, builtKey);
  } catch (error) {
    if (!(error instanceof BuildIdentityError)) throw error;
    console.error(`\n[build] ${error.message}\n`);
    return false;
  }
  const fingerprint = identityFingerprint(identity);
  if (!force && buildIsCurrent(root, stamp, fingerprint)) {
    console.log(`[build] the build in .next matches the sources (deployment ${identity.deploymentId}); not building again.`);
    return true;
  }
  console.log(`[build] building the app (next build), deployment ${identity.deploymentId}, Server Actions key from ${identity.keyFrom}…`);
  const env = {
    ...process.env,
    BUILD_AFTER_TYPECHECK: afterTypeCheck ? '1' : '0',
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: identity.key,
    NEXT_DEPLOYMENT_ID: identity.deploymentId,
  };
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) return false;
  recordBuild(root, stamp, fingerprint);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  process.exit(buildApp(root, { force: process.argv.includes('--force'), afterTypeCheck: process.argv.includes('--after-typecheck') }) ? 0 : 1);
}
