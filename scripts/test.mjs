// `npm test`: everything, in the order a newcomer's machine needs it. Installs what is missing,
// then type-checks, lints, runs the unit and integration tests against real peers, and drives the
// built app in Chromium.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNpmDependencies } from './ensure-deps.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

ensureNpmDependencies();
ensureSystemPackages();

const steps = [
  ['type-check', ['npx', 'tsc', '--noEmit']],
  ['lint', ['npx', 'eslint', '.', '--max-warnings=0']],
  ['unit and integration tests', ['npx', 'vitest', 'run']],
  ['browser tests', ['npx', 'playwright', 'test']],
];
// With a PostgreSQL server at hand (CI sets DATABASE_URL), the browser suite runs once more with
// the app on PostgreSQL; the first run uses the embedded PGlite, as `npm start` does.
if (process.env.DATABASE_URL) {
  steps.push(['browser tests on PostgreSQL', ['npx', 'playwright', 'test'], { E2E_DATABASE: 'postgres', E2E_SKIP_BUILD: '1' }]);
}

const only = process.argv.slice(2);
for (const [name, [cmd, ...args], extraEnv] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n[test] ${name}: ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n[test] ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}
console.log('\n[test] all steps passed.');
