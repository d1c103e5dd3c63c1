// One production build (`next build`), stamped with the sources it was made from so that
// `npm start`, every browser-test pass and the README check serve it without building again.
//   node scripts/build.mjs           builds when the sources changed since the last build
//   node scripts/build.mjs --force   builds in any case
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent, recordBuild, sourceStamp } from './build-stamp.mjs';

/**
 * Builds the app in `root` unless its build is current; returns false when the build failed.
 * `afterTypeCheck`: the caller has just type-checked these sources (next.config.ts then skips
 * the build's own check of the same files).
 */
export function buildApp(root, { force = false, afterTypeCheck = false } = {}) {
  // Taken before building: an edit made while the build runs must not pass for built.
  const stamp = sourceStamp(root);
  if (!force && buildIsCurrent(root, stamp)) {
    console.log('[build] the build in .next matches the sources; not building again.');
    return true;
  }
  console.log('[build] building the app (next build)…');
  const env = { ...process.env, BUILD_AFTER_TYPECHECK: afterTypeCheck ? '1' : '0' };
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) return false;
  recordBuild(root, stamp);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  process.exit(buildApp(root, { force: process.argv.includes('--force') }) ? 0 : 1);
}
