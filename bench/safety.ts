// Benchmark of provider safety: `npm run bench:safety` (issue 12).
//
// Drives every path that logs in at a provider, as a script replaying the server actions would
// (lib/testing/provider-safety.ts: bursts of 30 concurrent requests, seven bursts per
// scenario; on PostgreSQL alternating two connection pools as two app instances), at NetEase
// peers that ban a client address after BAN_THRESHOLD refused logins, under the limits the app
// ships. Each scenario gets a fresh database and fresh peers; the last run puts every scenario
// into one window on one database, which the provider budget must hold (after which checks wait:
// the budget is spent until the window moves on). Then it runs
// `bench/check.ts` for the full check's effective round trips.
//
// Targets: no ban anywhere; refused logins <= 5 in every one-mailbox scenario; the health round
// over 50 revoked codes within its share of the budget (the rest deferred); everything in one
// window within the budget; full check <= 7 round trips. The last line printed is one JSON
// object with the figures.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioFigures, ScenarioName } from '../lib/testing/provider-safety';
import { isRelaunched, relaunchWithTestCa } from './with-test-ca';

const SCRIPT = fileURLToPath(import.meta.url);
const CHILD_FLAG = 'MAIL_SAFETY_BENCH_CHILD';

/** The full check's effective round trips, from bench/check.ts's last line. */
function roundTrips(): number | null {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(path.dirname(SCRIPT), 'check.ts')], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return (JSON.parse(last) as { fullRoundTrips?: number }).fullRoundTrips ?? null;
  } catch {
    console.error(`bench/check.ts printed no figures (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
    return null;
  }
}

async function main(): Promise<void> {
  // Imported here: the app's modules import 'server-only', which only the relaunched process
  // (react-server condition) may load.
  const { availableBackends } = await import('../lib/db/testing/backends');
  const { BAN_THRESHOLD, ONE_WINDOW_ORDER, SCENARIOS, correctCheck, correctCheckPasses, shippedPolicy, startSafetyWorld } = await import(
    '../lib/testing/provider-safety'
  );
  const policy = shippedPolicy();
  const healthShare = Math.max(1, Math.floor((policy.providerLoginBudget ?? 0) * (policy.healthBudgetShare ?? 0.5)));
  console.log(
    `ban threshold ${BAN_THRESHOLD} refused logins per address and window; shipped limits: ${policy.maxFailuresPerMailbox} per mailbox, ` +
      `${policy.maxFailuresPerOwner} per user, provider budget ${policy.providerLoginBudget} (health share ${healthShare})`,
  );
  const names = Object.keys(SCENARIOS) as ScenarioName[];
  if (!availableBackends().includes('postgres')) console.log('PostgreSQL: not measured (set DATABASE_URL to include it)');
  const scenarios: Record<string, Record<string, ScenarioFigures & { correctCheckAfter: boolean }>> = {};
  const together: Record<string, { refusedLogins: number; banned: boolean; thirdUserCorrectCheck: string }> = {};
  for (const kind of availableBackends()) {
    for (const name of names) {
      const world = await startSafetyWorld(kind, policy);
      try {
        const figures = await SCENARIOS[name](world);
        const correctCheckAfter = await correctCheckPasses(world);
        (scenarios[name] ??= {})[kind] = { ...figures, correctCheckAfter };
        console.log(
          `${kind.padEnd(8)} ${name.padEnd(20)} ${String(figures.requests).padStart(3)} requests -> ${figures.refusedLogins} refused logins at the peer` +
            `${figures.deferred !== undefined ? `, ${figures.deferred} deferred` : ''}, banned ${figures.banned}, a new user's correct check ${correctCheckAfter ? 'passes' : 'FAILS'}`,
        );
      } finally {
        await world.close();
      }
    }
    const world = await startSafetyWorld(kind, policy);
    try {
      let refusedLogins = 0;
      for (const name of ONE_WINDOW_ORDER) refusedLogins += (await SCENARIOS[name](world)).refusedLogins;
      const { banned } = world.rule.figures();
      const thirdUserCorrectCheck = await correctCheck(world);
      together[kind] = { refusedLogins, banned, thirdUserCorrectCheck };
      console.log(
        `${kind.padEnd(8)} all scenarios in one window: ${refusedLogins} refused logins, banned ${banned}; then a new user's correct check: ${thirdUserCorrectCheck}`,
      );
    } finally {
      await world.close();
    }
  }
  const fullRoundTrips = roundTrips();
  console.log(`full check: ${fullRoundTrips ?? 'not measured'} effective round trips`);
  const oneMailbox: ScenarioName[] = ['wizardOneUser', 'wizardTwoUsers', 'checkNowStorm', 'replaceCodeStorm', 'manualPeerHost'];
  const all = Object.entries(scenarios).flatMap(([name, byKind]) => Object.values(byKind).map((figures) => ({ name, figures })));
  const targetsMet =
    all.every(({ figures }) => !figures.banned && figures.correctCheckAfter) &&
    all.every(({ name, figures }) => !oneMailbox.includes(name as ScenarioName) || figures.refusedLogins <= policy.maxFailuresPerMailbox) &&
    all.every(({ name, figures }) => name !== 'healthRoundRevoked' || figures.refusedLogins <= healthShare) &&
    Object.values(together).every((t) => !t.banned && t.refusedLogins <= (policy.providerLoginBudget ?? Infinity)) &&
    fullRoundTrips !== null &&
    fullRoundTrips <= 7;
  console.log(`targets ${targetsMet ? 'met' : 'NOT met'}`);
  process.exitCode = targetsMet ? 0 : 1;
  console.log(
    JSON.stringify({
      banThreshold: BAN_THRESHOLD,
      providerLoginBudget: policy.providerLoginBudget,
      healthShare,
      scenarios,
      allInOneWindow: together,
      fullRoundTrips,
      targetsMet,
    }),
  );
}

if (!isRelaunched(CHILD_FLAG)) {
  relaunchWithTestCa(SCRIPT, CHILD_FLAG);
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
