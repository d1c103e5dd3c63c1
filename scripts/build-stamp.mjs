// Which sources a production build was made from. `next build` leaves .next/source-stamp behind
// (written by scripts/build.mjs); `npm start` and the README check rebuild only when the sources
// no longer match it. The stamp hashes file contents, not modification times, so a build copied
// together with the sources it came from (the README check's fresh copy) is still recognised.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'public', 'package-lock.json', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'instrumentation.ts', 'proxy.ts'];

/** A hash of every file the build reads, by path relative to `root` and content. */
export function sourceStamp(root) {
  const hash = createHash('sha256');
  const visit = (p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(path.join(p, name));
      return;
    }
    // Tests beside the code are not part of the app the build makes.
    if (/\.test\.tsx?$/.test(p)) return;
    const content = readFileSync(p);
    hash.update(`${path.relative(root, p)}:${content.length}:`).update(content).update('\n');
  };
  for (const s of SOURCES) visit(path.join(root, s));
  return hash.digest('hex');
}

const stampFile = (root) => path.join(root, '.next', 'source-stamp');

/** What the last build of `root` recorded: its sources' stamp and its identity's fingerprint. */
function recordedBuild(root) {
  if (!existsSync(stampFile(root))) return undefined;
  const [stamp = '', fingerprint = ''] = readFileSync(stampFile(root), 'utf8').split('\n');
  return { stamp, fingerprint };
}

/**
 * True when `root/.next` holds a finished build of the sources as they are now (`stamp`), and,
 * when `fingerprint` is given, made with that identity (scripts/build-identity.mjs).
 */
export function buildIsCurrent(root, stamp = sourceStamp(root), fingerprint = undefined) {
  const recorded = recordedBuild(root);
  return (
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    recorded?.stamp === stamp &&
    (fingerprint === undefined || recorded.fingerprint === fingerprint)
  );
}

/** Records that `root/.next` was just built from the sources as they are now, with `fingerprint`. */
export function recordBuild(root, stamp = sourceStamp(root), fingerprint = '') {
  writeFileSync(stampFile(root), `${stamp}\n${fingerprint}`);
}
