// The bench's own copy of the app: the repository's sources in a temporary folder outside the
// repository, plus an empty baseline page, built there. The developer's `.next`, `.data` and any
// running server are never touched, and the baseline page never enters the product.
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCaptured, stopGroup } from './processes';
import type { Cleanup } from './cleanup';

export const BASELINE_ROUTE = '/bench-baseline';

const BASELINE_PAGE = `// Added by bench/web.ts to its temporary copy only: the smallest page of this app, so that the
// wizard's first-load JavaScript can be compared with what every page of the build pays anyway.
// One line of text: Lighthouse cannot time a page that paints nothing.
export default function BenchBaselinePage() {
  return (
    <main>
      <p>bench baseline</p>
    </main>
  );
}
`;

// Never copied: dependencies (linked separately), build output, data, test artefacts.
const SKIPPED = new Set(['.git', 'node_modules', '.next', '.data', '.test-pki', '.test-run', 'test-results', 'playwright-report']);

/** The files a checkout would have, with the working tree's edits: tracked and untracked, minus ignored. */
function sourceFiles(repoRoot: string): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (git.status === 0) {
    return git.stdout
      .split('\0')
      .filter((file) => file && !SKIPPED.has(file.split('/')[0]!))
      .filter((file) => fs.existsSync(path.join(repoRoot, file))); // deleted but not yet staged
  }
  // Not a git checkout (an unpacked archive): every file outside the skipped folders.
  const files: string[] = [];
  const visit = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(repoRoot, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) visit(child);
      } else if (entry.isFile()) {
        files.push(child);
      }
    }
  };
  visit('');
  return files;
}

/**
 * node_modules as hard links: a second copy of the tree in seconds and without the disk space.
 * Turbopack refuses a symlinked node_modules that points outside the project root, so a symlink
 * will not do. The build only adds files beside them (it never rewrites a dependency in place,
 * which would change the shared file). Falls back to a real copy when hard links are impossible.
 */
function linkDependencies(repoRoot: string, sourceDir: string): void {
  const from = path.join(repoRoot, 'node_modules');
  const to = path.join(sourceDir, 'node_modules');
  if (!fs.existsSync(from)) throw new Error('node_modules is missing: run `npm ci` first');
  const linked = spawnSync('cp', ['-al', from, to], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (linked.status === 0) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

/** The tree of one commit, unpacked into `sourceDir`; returns the number of files. */
function extractCommit(repoRoot: string, ref: string, sourceDir: string): number {
  const archive = path.join(path.dirname(sourceDir), 'sources.tar');
  const git = spawnSync('git', ['archive', '--format=tar', `--output=${archive}`, ref], { cwd: repoRoot, encoding: 'utf8' });
  if (git.status !== 0) throw new Error(`git archive ${ref} failed: ${git.stderr.trim()}`);
  const tar = spawnSync('tar', ['-xf', archive, '-C', sourceDir], { encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`unpacking ${ref} failed: ${tar.stderr.trim()}`);
  fs.rmSync(archive);
  const listed = spawnSync('git', ['ls-tree', '-r', '--name-only', '-z', ref], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return listed.stdout.split('\0').filter(Boolean).length;
}

function copyFiles(repoRoot: string, sourceDir: string): number {
  const files = sourceFiles(repoRoot);
  for (const file of files) {
    const target = path.join(sourceDir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, file), target);
  }
  return files.length;
}

/**
 * The working tree as a checkout elsewhere would hold it (no build, no data), with the same
 * node_modules linked in: another machine's sources, for a test that builds them again.
 */
export function copyWorkingTree(repoRoot: string, sourceDir: string): number {
  const count = copyFiles(repoRoot, sourceDir);
  linkDependencies(repoRoot, sourceDir);
  return count;
}

/**
 * The sources to build: the working tree as it is (edits included, as `next build` would see
 * them), or with `ref` the tree of that commit, which leaves out half-done edits in a shared tree.
 */
export function prepareSources(repoRoot: string, sourceDir: string, ref?: string): { files: number; source: string } {
  let count: number;
  let source = 'the working tree';
  if (ref) {
    count = extractCommit(repoRoot, ref, sourceDir);
    const commit = spawnSync('git', ['rev-parse', '--short', ref], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
    source = `commit ${commit} (${ref})`;
  } else {
    count = copyFiles(repoRoot, sourceDir);
  }
  const baselineDir = path.join(sourceDir, 'app', ...BASELINE_ROUTE.split('/').filter(Boolean));
  if (fs.existsSync(baselineDir)) throw new Error(`app${BASELINE_ROUTE} already exists in the sources; the bench needs that route for itself`);
  fs.mkdirSync(baselineDir, { recursive: true });
  fs.writeFileSync(path.join(baselineDir, 'page.tsx'), BASELINE_PAGE);
  linkDependencies(repoRoot, sourceDir);
  return { files: count, source };
}

/** `next build` (Turbopack, the project's own config) in the copy. */
export async function buildApp(sourceDir: string, env: NodeJS.ProcessEnv, cleanup: Cleanup, hint = ''): Promise<void> {
  let build: ChildProcess | undefined;
  const stopBuild = cleanup.defer('next build', () => (build ? stopGroup(build, 5_000) : undefined));
  const { code, output } = await runCaptured(
    process.execPath,
    [path.join(sourceDir, 'node_modules/next/dist/bin/next'), 'build'],
    { cwd: sourceDir, env },
    (child) => (build = child),
  );
  // Even after a clean exit: a build worker still running the instrumentation hook's timers may
  // outlive the build's main process.
  await stopBuild();
  if (code !== 0) {
    console.error(output);
    throw new Error(`next build failed (exit code ${code}); its output is above${hint}`);
  }
}
