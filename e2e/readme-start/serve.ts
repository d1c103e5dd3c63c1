// Serves the app exactly as the README's "Run it" says, for e2e/readme-start: `npm start` in a
// copy of the working tree, with a fresh ./.data, no settings at all (no DATABASE_URL, no test
// CA, no endpoint overrides, no PRACTICE_MODE) and no mail server besides the app's own. Whatever
// works there works for someone who cloned the repository and typed the one command.
//
// The copy lives in the system's temporary folder and is kept between runs: its node_modules
// are hard links to the repository's. When the repository holds a build of its current sources
// (`npm test` builds once, before every browser pass), that build is copied in with the sources,
// and `npm start` must serve it without building again: the check fails if it builds. Otherwise
// (the check run on its own after an edit) `npm start` builds the copy, as it would a clone.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent } from '../../scripts/build-stamp.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const port = process.argv[2] ?? '3117';
const copyRoot = path.join(os.tmpdir(), 'mailbox-onboarding-readme-start', createHash('sha256').update(repoRoot).digest('hex').slice(0, 12));

// Never copied: kept in the copy (node_modules, .next) or never part of a clone.
const SKIPPED = new Set(['.git', 'node_modules', '.next', '.data', '.test-pki', '.test-run', 'test-results', 'playwright-report']);

/** What a clone would hold, with the working tree's edits: tracked and untracked, minus ignored. */
function sourceFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (git.status !== 0) throw new Error(`git ls-files failed: ${git.stderr}`);
  return git.stdout
    .split('\0')
    .filter((file) => file && !SKIPPED.has(file.split('/')[0]!))
    .filter((file) => fs.existsSync(path.join(repoRoot, file)));
}

/** The repository's build, as a clone would have it after `npm start` built it (no build cache). */
function copyBuild(): void {
  const from = path.join(repoRoot, '.next');
  const to = path.join(copyRoot, '.next');
  fs.rmSync(to, { recursive: true, force: true });
  const skipped = new Set(['cache', 'dev', 'trace'].map((name) => path.join(from, name)));
  // verbatimSymlinks: the build's links to external packages (../../node_modules/pg…) must lead to
  // the copy's node_modules, not be rewritten to absolute paths into the repository's.
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true, filter: (source) => !skipped.has(source) });
}

function syncSources(): void {
  fs.mkdirSync(copyRoot, { recursive: true });
  // Files deleted in the repository must not linger in the copy's build.
  for (const entry of fs.readdirSync(copyRoot)) {
    if (entry !== 'node_modules' && entry !== '.next') fs.rmSync(path.join(copyRoot, entry), { recursive: true, force: true });
  }
  for (const file of sourceFiles()) {
    const from = path.join(repoRoot, file);
    const to = path.join(copyRoot, file);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    const { atime, mtime } = fs.statSync(from);
    fs.utimesSync(to, atime, mtime);
  }
}

/** node_modules as hard links (Turbopack refuses a symlink out of the project), renewed after an install. */
function linkDependencies(): void {
  const installed = (root: string) => path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installed(repoRoot))) throw new Error('node_modules is missing: run `npm ci` first');
  const linked = fs.existsSync(installed(copyRoot)) && fs.statSync(installed(copyRoot)).ino === fs.statSync(installed(repoRoot)).ino;
  if (linked) return;
  fs.rmSync(path.join(copyRoot, 'node_modules'), { recursive: true, force: true });
  const copy = spawnSync('cp', ['-al', path.join(repoRoot, 'node_modules'), path.join(copyRoot, 'node_modules')], { stdio: 'inherit' });
  if (copy.status !== 0) throw new Error('could not link node_modules into the copy');
}

console.log(`[readme-start] copying the working tree to ${copyRoot}`);
syncSources();
linkDependencies();
const prebuilt = buildIsCurrent(repoRoot);
if (prebuilt) {
  console.log('[readme-start] copying the repository\'s build of these sources; npm start must not build again');
  copyBuild();
  // The copy holds what a clone holds; a file the stamp reads but git ignores would differ.
  if (!buildIsCurrent(copyRoot)) {
    console.error('[readme-start] the copy\'s sources do not match the build made of the repository\'s (a file git ignores under app/, components/ or lib/?)');
    process.exit(1);
  }
} else if (process.env.README_START_REQUIRE_PREBUILT === '1') {
  // npm test builds once before this check; a build here would prove nothing about reuse.
  console.error('[readme-start] the repository has no build of its current sources (run the build step first)');
  process.exit(1);
}
const copiedBuildId = prebuilt ? fs.readFileSync(path.join(copyRoot, '.next', 'BUILD_ID'), 'utf8') : undefined;
// A fresh start: the embedded database and its generated secrets are made anew.
fs.rmSync(path.join(copyRoot, '.data'), { recursive: true, force: true });

// Only what a shell needs to find node and npm; nothing that configures the app.
// NODE_ENV too is left to the command: the app's server (scripts/serve.mjs) sets production.
const KEPT = new Set(['PATH', 'HOME', 'LANG', 'TMPDIR']);
const env: NodeJS.ProcessEnv = { ...process.env };
for (const key of Object.keys(env)) if (!KEPT.has(key)) delete env[key];
env.PORT = port;
console.log(`[readme-start] npm start (PORT=${port}) with no other settings`);
const app = spawn('npm', ['start'], { cwd: copyRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let output = '';
let startChecked = false;
for (const [from, to] of [
  [app.stdout, process.stdout],
  [app.stderr, process.stderr],
] as const) {
  from.on('data', (chunk: Buffer) => {
    to.write(chunk);
    if (copiedBuildId === undefined || startChecked) return;
    // The tail of what was said so far, so a line split across chunks is still seen whole.
    output = (output + chunk.toString()).slice(-4096);
    // scripts/build.mjs says the first before it runs `next build`; scripts/start.mjs the second
    // once the build step is behind it. By then the build it serves must still be the copied one
    // (a new build writes a new BUILD_ID).
    const built = output.includes('[build] building the app');
    const serving = output.includes('[start] serving on');
    if (!built && !serving) return;
    startChecked = true;
    if (built || fs.readFileSync(path.join(copyRoot, '.next', 'BUILD_ID'), 'utf8') !== copiedBuildId) {
      console.error('[readme-start] npm start built again although the copied build matches the sources');
      stop(1);
    }
  });
}

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  // The whole group: npm, scripts/start.mjs and the app's server.
  try {
    if (app.pid !== undefined) process.kill(-app.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  const killLater = setTimeout(() => {
    try {
      if (app.pid !== undefined) process.kill(-app.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    process.exit(code);
  }, 10_000);
  app.once('exit', () => {
    clearTimeout(killLater);
    process.exit(code);
  });
  if (app.exitCode !== null || app.signalCode !== null) process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(0));
app.on('exit', (code) => {
  if (!stopping) process.exit(code ?? 1);
});
