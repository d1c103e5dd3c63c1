// `npm test`: everything, in the order a newcomer's machine needs it. Installs what is missing,
// then type-checks, lints, runs the unit and integration tests against real peers, and drives the
// built app in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNpmDependencies } from './ensure-deps.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

ensureNpmDependencies();
ensureSystemPackages();

// Each runner also writes a JSON report, so the run can end with one line of totals.
const reports = path.join(root, '.test-run');
const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = (name) => ({ PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, `playwright-${name}.json`) });
const playwright = ['npx', 'playwright', 'test', '--reporter=list,json'];

const steps = [
  ['type-check', ['npx', 'tsc', '--noEmit']],
  ['lint', ['npx', 'eslint', '.', '--max-warnings=0']],
  ['unit and integration tests', ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]],
  ['browser tests', playwright, playwrightReport('pglite')],
  // The README's run command itself: `npm start` in a fresh copy with no settings and no other
  // server, up to a practice mailbox 「正常」 (builds the copy once, then reuses its build).
  ['README command with practice mode', [...playwright, '--config', 'e2e/readme-start/playwright.config.ts'], playwrightReport('readme-start')],
];
// With a PostgreSQL server at hand (CI sets DATABASE_URL), the browser suite runs once more with
// the app on PostgreSQL; the first run uses the embedded PGlite, as `npm start` does.
if (process.env.DATABASE_URL) {
  steps.push(['browser tests on PostgreSQL', playwright, { E2E_DATABASE: 'postgres', E2E_SKIP_BUILD: '1', ...playwrightReport('postgres') }]);
}

const only = process.argv.slice(2);
// Reports of an earlier run must not be counted in this one.
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
for (const [name, [cmd, ...args], extraEnv] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n[test] ${name}: ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n[test] ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
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

const { passed, failed, skipped } = totals();
console.log('\n[test] all steps passed.');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
