// `npm test`: everything, in the order a newcomer's machine needs it. Installs what is missing,
// then type-checks, lints, runs the unit and integration tests against real peers, builds the app
// once, and drives that build in Chromium: on PGlite, through the README's own `npm start`, and
// on PostgreSQL for the tests that depend on the database server. Ends with the wall time of
// each step.
//   npm test                  the whole run (CI: .ci/run)
//   npm run test:quick        type-check, lint, Vitest, build, desktop browser tests on PGlite
//   npm test -- vitest build  only the steps whose names start with these words (the build
//                             runs too when a browser step is chosen)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build.mjs';
import { ensureNpmDependencies } from './ensure-deps.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));

const started = Date.now();
const times = [];
/** Runs `work` as one named step and notes its wall time. */
async function timed(name, work) {
  const from = Date.now();
  const at = times.length;
  const ok = await work();
  // Before the lines its parts added, if any.
  times.splice(at, 0, { name, ms: Date.now() - from, ok });
  return ok;
}

/**
 * Commands that each keep one core busy for half a minute (tsc, eslint), run at the same time on
 * the machine's two cores; each one's output is printed whole when it ends.
 */
function sideBySide(commands) {
  return Promise.all(
    commands.map(
      ([name, [cmd, ...rest]]) =>
        new Promise((resolve) => {
          const from = Date.now();
          const child = spawn(cmd, rest, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
          const output = [];
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          let ended = false;
          // 'error' (it could not start) may be followed by 'close': the step ends once.
          const done = (ok, how) => {
            if (ended) return;
            ended = true;
            times.push({ name: `  ${name}`, ms: Date.now() - from, ok });
            console.log(`[test] ${name}: ${how}`);
            process.stdout.write(Buffer.concat(output));
            resolve(ok);
          };
          child.on('error', (error) => done(false, `could not start ${cmd}: ${error.message}`));
          child.on('close', (code) => done(code === 0, code === 0 ? 'passed' : `failed (exit ${code})`));
        }),
    ),
  ).then((results) => results.every(Boolean));
}

await timed('install what is missing', () => {
  ensureNpmDependencies();
  ensureSystemPackages();
  return true;
});

// Each runner also writes a JSON report, so the run can end with one line of totals.
const reports = path.join(root, '.test-run');
const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = (name) => ({ PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, `playwright-${name}.json`) });
const playwright = ['npx', 'playwright', 'test', '--reporter=list,json'];
// Every browser pass serves the one build made by the build step.
const prebuilt = { E2E_SKIP_BUILD: '1' };

/** [name, command or function, extra environment] */
const steps = [
  [
    'type-check and lint, side by side',
    () =>
      sideBySide([
        // The route types first (what `next build` would check), then every file.
        ['type-check', ['sh', '-c', 'npx next typegen >/dev/null && npx tsc --noEmit']],
        ['lint', ['npx', 'eslint', '.', '--max-warnings=0']],
      ]),
  ],
  ['vitest: unit and integration tests', ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]],
  // From scratch on a fresh clone (CI); later runs on the same sources reuse it.
  ['build: next build, once for every browser pass', () => buildApp(root, { afterTypeCheck: typeChecked() })],
];
if (quick) {
  steps.push(['browser tests, desktop, PGlite', playwright, { ...prebuilt, E2E_PHONE: '0', ...playwrightReport('pglite') }]);
} else {
  steps.push(
    ['browser tests, desktop and phone, PGlite', playwright, { ...prebuilt, ...playwrightReport('pglite') }],
    // The README's run command itself: `npm start` in a fresh copy with no settings and no other
    // server, up to a practice mailbox 「正常」. It serves the build above without building again.
    [
      'README command with practice mode',
      [...playwright, '--config', 'e2e/readme-start/playwright.config.ts'],
      { README_START_REQUIRE_PREBUILT: '1', ...playwrightReport('readme-start') },
    ],
  );
  // With a PostgreSQL server at hand (CI sets DATABASE_URL), the tests whose behaviour depends on
  // the database server run once more with the app on PostgreSQL (tagged @postgres/@database).
  if (process.env.DATABASE_URL) {
    steps.push(['browser tests on PostgreSQL', playwright, { ...prebuilt, E2E_DATABASE: 'postgres', ...playwrightReport('postgres') }]);
  }
}

// Reports of an earlier run must not be counted in this one.
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const selected = (name) => only.length === 0 || only.some((o) => name.startsWith(o));
const unknown = only.filter((o) => !steps.some(([name]) => name.startsWith(o)));
if (unknown.length > 0) {
  console.error(`[test] no step starts with ${unknown.map((o) => `"${o}"`).join(', ')}; the steps are:\n${steps.map(([name]) => `  ${name}`).join('\n')}`);
  process.exit(1);
}
// The browser passes serve the build step's build: it runs whenever one of them does.
const buildStep = steps.findIndex(([name]) => name.startsWith('build'));
const needsBuild = steps.slice(buildStep + 1).some(([name]) => selected(name));
for (const [index, [name, run, extraEnv]] of steps.entries()) {
  if (!selected(name) && !(index === buildStep && needsBuild)) continue;
  console.log(`\n[test] ${name}${typeof run === 'function' ? '' : `: ${run.join(' ')}`}`);
  const ok = await timed(name, () => {
    if (typeof run === 'function') return run();
    const [cmd, ...rest] = run;
    return spawnSync(cmd, rest, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } }).status === 0;
  });
  if (!ok) {
    console.error(`\n[test] ${name} failed.`);
    printTimes();
    process.exit(1);
  }
}

/** True when this run's type-check step has passed (the build need not check types again). */
function typeChecked() {
  return times.some(({ name, ok }) => name.trim() === 'type-check' && ok);
}

/** passed / failed / skipped counted from the runners' JSON reports. */
function totals() {
  const sum = { passed: 0, failed: 0, skipped: 0 };
  const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
  const vitest = read(vitestReport);
  if (vitest) {
    sum.passed += vitest.numPassedTests;
    sum.failed += vitest.numFailedTests;
    sum.skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  for (const name of ['pglite', 'postgres', 'readme-start']) {
    const stats = read(playwrightReport(name).PLAYWRIGHT_JSON_OUTPUT_NAME)?.stats;
    if (!stats) continue;
    sum.passed += stats.expected + stats.flaky;
    sum.failed += stats.unexpected;
    sum.skipped += stats.skipped;
  }
  return sum;
}

function printTimes() {
  const clock = (ms) => {
    const seconds = Math.round(ms / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  };
  console.log('\n[test] wall time of each step (m:ss):');
  for (const { name, ms, ok } of times) console.log(`  ${clock(ms).padStart(6)}  ${ok ? '' : 'FAILED  '}${name}`);
  console.log(`  ${clock(Date.now() - started).padStart(6)}  in all`);
}

printTimes();
const { passed, failed, skipped } = totals();
console.log('\n[test] all steps passed.');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
