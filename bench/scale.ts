// Benchmark at scale: `npm run bench:scale` (PostgreSQL only).
//
// A database of its own (`bench_scale`, on the server DATABASE_URL names, else
// postgres://postgres@127.0.0.1:5432) gets the app's migrations and then 1,000,000 mailboxes
// with their owners, status history, audit entries, check attempts and help requests
// (bench/scale/generate.ts says what they look like). Then the app's own functions are timed,
// each after a warm-up, one call at a time:
//
// 1. the health claim of 100 due accounts (claimDueAccounts, lib/health/runner.ts): each run
//    claims the next 100 of the overdue accounts, as the batches of a round do; every run must
//    claim exactly 100. The claimed accounts' slots are put back afterwards. Target p95 ≤ 20 ms.
// 2. the data of /accounts for the owner with 50 mailboxes (listAccountViews, what
//    app/accounts/page.tsx loads). Target p95 ≤ 30 ms.
// 3. the support console's attempt search for one address (searchAttempts, its audit entry
//    included). No target; printed beside the others.
//
// The SQL each of them sent is run again under EXPLAIN (ANALYZE, BUFFERS) and the scans of its
// plan are printed; a sequential scan of a big table is a miss.
//
// Settings: BENCH_SCALE_ACCOUNTS (default 1000000), BENCH_SCALE_RUNS (default 200),
// BENCH_SCALE_KEEP=1 keeps the database; a kept database of the same shape is used again by the
// next run instead of generating it anew (new migrations are applied to it first).
// The last line printed is one JSON object with the figures; the exit code is 1 when a target
// is missed.

import os from 'node:os';
import pg from 'pg';
import { listAccountViews } from '../lib/accounts/manage';
import { openDatabase, type OpenedDatabase } from '../lib/db/client';
import { claimDueAccounts, healthClaimLeaseMs } from '../lib/health/runner';
import { searchAttempts } from '../lib/support/console';
import { generateScaleData, type ScaleShape, type ScaleWorld } from './scale/generate';
import { describeScan, explainStatement, recordingDatabase, type StatementPlan } from './scale/plans';

const DATABASE_NAME = 'bench_scale';
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SHAPE: ScaleShape = {
  accounts: positiveInteger('BENCH_SCALE_ACCOUNTS', 1_000_000),
  intervalSeconds: 360 * 60,
  overdueShare: 0.03,
  attemptHours: 24,
};
const RUNS = positiveInteger('BENCH_SCALE_RUNS', 200);
const WARM_UP = 20;
const KEEP = process.env.BENCH_SCALE_KEEP === '1';
const CLAIM_BATCH = 100;
const BIG_OWNER_BOXES = 50;
const TARGETS = { claimP95Ms: 20, accountsP95Ms: 30 };

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const round = (n: number) => Math.round(n * 10) / 10;
const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
const thousands = (n: number) => n.toLocaleString('en');

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

interface StoredInfo {
  shape: ScaleShape;
  world: Omit<ScaleWorld, 'referenceTime'> & { referenceTime: string };
}

/** The kept database's description, when there is one of the same shape and it was completed. */
async function keptWorld(): Promise<ScaleWorld | null> {
  const exists = await withClient(SERVER_URL, async (client) => (await client.query('select 1 from pg_database where datname = $1', [DATABASE_NAME])).rowCount);
  if (!exists) return null;
  return withClient(databaseUrl(DATABASE_NAME), async (client) => {
    // Written last by the generation: a database without it was cut short and is made anew.
    if (!(await client.query(`select to_regclass('bench_scale_info') as t`)).rows[0]?.t) return null;
    const { rows } = await client.query<{ info: StoredInfo }>('select info from bench_scale_info');
    const info = rows[0]?.info;
    // (jsonb orders an object's keys its own way, so the shapes are compared key by key.)
    if (!info || (Object.keys(SHAPE) as (keyof ScaleShape)[]).some((key) => info.shape[key] !== SHAPE[key])) return null;
    return { ...info.world, referenceTime: new Date(info.world.referenceTime) };
  });
}

const dropDatabase = () => withClient(SERVER_URL, (client) => client.query(`drop database if exists "${DATABASE_NAME}" with (force)`));

async function timeRuns(runs: number, run: () => Promise<void>, warmUp = WARM_UP): Promise<number[]> {
  for (let i = 0; i < warmUp; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

const figures = (times: number[]) => ({ p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(Math.max(...times)), runs: times.length });

// The claim moves the slots of the accounts it claims; they are saved first and put back after,
// so a kept database measures the same way next time (also after a run that was cut short).
const SAVE_SLOTS = `create unlogged table bench_scale_slots as select id, next_check_at from mail_accounts where next_check_at <= $1`;
const RESTORE_SLOTS = `update mail_accounts as m set next_check_at = s.next_check_at from bench_scale_slots as s
  where m.id = s.id and m.next_check_at is distinct from s.next_check_at`;

async function restoreSlots(client: pg.PoolClient): Promise<number> {
  if (!(await client.query(`select to_regclass('bench_scale_slots') as t`)).rows[0]?.t) return 0;
  const restored = (await client.query(RESTORE_SLOTS)).rowCount ?? 0;
  await client.query('drop table bench_scale_slots');
  return restored;
}

async function main() {
  const runStarted = performance.now();
  const loadBefore = loadAverage();
  const server = await withClient(SERVER_URL, async (client) => (await client.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v);
  console.log(`[bench:scale] PostgreSQL ${server} at ${new URL(SERVER_URL).host}, database ${DATABASE_NAME}; ${os.cpus().length} cores, load average ${loadBefore}`);

  let world = await keptWorld();
  let generatedSeconds: number | null = null;
  let opened: OpenedDatabase;
  const migrationStarted = performance.now();
  if (world) {
    console.log(`data: the kept database (generated for ${world.referenceTime.toISOString()}) is used again`);
    opened = await openDatabase({ url: databaseUrl(DATABASE_NAME) });
  } else {
    await dropDatabase();
    await withClient(SERVER_URL, (client) => client.query(`create database "${DATABASE_NAME}"`));
    opened = await openDatabase({ url: databaseUrl(DATABASE_NAME) });
  }
  const migrationSeconds = (performance.now() - migrationStarted) / 1000;
  console.log(`migrations: ${migrationSeconds.toFixed(1)} s (on kept data this includes building any index added since)`);

  const pool = new pg.Pool({ connectionString: databaseUrl(DATABASE_NAME), max: 2 });
  const admin = await pool.connect();
  try {
    if (!world) {
      const started = performance.now();
      world = await withClient(databaseUrl(DATABASE_NAME), (client) => generateScaleData(client, SHAPE));
      generatedSeconds = (performance.now() - started) / 1000;
      await admin.query('create table bench_scale_info (info jsonb not null)');
      await admin.query('insert into bench_scale_info values ($1)', [{ shape: SHAPE, world: { ...world, referenceTime: world.referenceTime.toISOString() } } satisfies StoredInfo]);
      const steps = Object.entries(world.seconds).map(([name, s]) => `${name} ${s.toFixed(1)}`).join(', ');
      console.log(`data: generated in ${generatedSeconds.toFixed(1)} s (${steps})`);
    } else {
      const restored = await restoreSlots(admin);
      if (restored) console.log(`data: ${restored} slots moved by a run that was cut short were put back`);
    }
    const counts = world.counts;
    console.log(
      `  mail_accounts ${thousands(counts.mail_accounts!)} of ${thousands(counts.owners!)} owners: ok ${thousands(counts.ok!)}, failed ${thousands(counts.failed!)} ` +
        `(held from background checks ${thousands(counts.held!)}), paused ${thousands(counts.paused!)}, never scheduled ${thousands(counts.never_scheduled!)}`,
    );
    console.log(`  at the reference time: ${thousands(counts.due!)} due to be claimed; ${thousands(counts.stale_slots!)} paused or held accounts with a slot in the past`);
    console.log(
      `  check_attempts ${thousands(counts.check_attempts!)}, account_status_events ${thousands(counts.account_status_events!)}, account_audit_log ${thousands(counts.account_audit_log!)}, ` +
        `support_audit_log ${thousands(counts.support_audit_log!)}, help_sessions ${thousands(counts.help_sessions!)}, auth_users ${thousands(counts.auth_users!)}`,
    );

    const size = (await admin.query<{ size: string }>('select pg_size_pretty(pg_database_size(current_database())) as size')).rows[0]!.size;
    console.log(`  database size ${size}`);

    const { db } = opened;
    const now = world.referenceTime;
    const { ownerId, searchAddress, staff } = world;
    // Leased as a round's batch of this size would be, at the default check budget and concurrency.
    const leaseUntil = new Date(now.getTime() + healthClaimLeaseMs({ timeoutMs: 15_000, batchSize: CLAIM_BATCH, concurrency: 4 }));
    const claim = () => claimDueAccounts(db, now, leaseUntil, CLAIM_BATCH);
    const loadAccounts = () => listAccountViews(db, ownerId);
    const search = () => searchAttempts(db, staff, searchAddress, 'zh', now);

    await admin.query(SAVE_SLOTS, [now]);
    let claimTimes: number[];
    let accountsTimes: number[];
    let searchTimes: number[];
    let searchFound = 0;
    const plans: Record<string, StatementPlan[]> = {};
    try {
      // Plans first: each function once through a database that records what it sends.
      const recorder = recordingDatabase(pool);
      const explained = async (name: string, run: () => Promise<unknown>) => {
        await run();
        plans[name] = [];
        for (const statement of recorder.take()) plans[name].push(await explainStatement(admin, statement));
      };
      await explained('claim', () => claimDueAccounts(recorder.db, now, leaseUntil, CLAIM_BATCH));
      await explained('accounts', () => listAccountViews(recorder.db, ownerId));
      await explained('search', () => searchAttempts(recorder.db, staff, searchAddress, 'zh', now));

      // Every timed claim must find 100 due accounts: as many runs as the overdue ones allow
      // (the recorded claim above took one batch).
      const batches = Math.floor(counts.due! / CLAIM_BATCH) - 1;
      const claimWarmUp = Math.min(WARM_UP, Math.floor(batches / 4));
      const claimRuns = Math.min(RUNS, batches - claimWarmUp);
      if (claimRuns < 1) throw new Error(`only ${counts.due} accounts are due: too few for one claim`);
      let short = 0;
      claimTimes = await timeRuns(
        claimRuns,
        async () => {
          if ((await claim()).length !== CLAIM_BATCH) short += 1;
        },
        claimWarmUp,
      );
      if (short) throw new Error(`${short} claims found fewer than ${CLAIM_BATCH} due accounts`);

      accountsTimes = await timeRuns(RUNS, async () => {
        const views = await loadAccounts();
        if (views.length !== BIG_OWNER_BOXES) throw new Error(`/accounts listed ${views.length} mailboxes, not ${BIG_OWNER_BOXES}`);
      });
      searchTimes = await timeRuns(RUNS, async () => {
        const result = await search();
        if (!result.ok || result.attempts.length === 0) throw new Error('the attempt search found nothing');
        searchFound = result.attempts.length;
      });
    } finally {
      await restoreSlots(admin);
    }
    if (KEEP) await admin.query('vacuum analyze mail_accounts');

    const claimFigures = figures(claimTimes);
    const accountsFigures = figures(accountsTimes);
    const searchFigures = figures(searchTimes);
    const line = (label: string, f: ReturnType<typeof figures>, target?: number) =>
      `  ${label.padEnd(44)} p50 ${String(f.p50).padStart(6)}  p95 ${String(f.p95).padStart(6)}  max ${String(f.max).padStart(6)}` +
      (target === undefined ? '   (no target)' : `   target p95 ≤ ${target}: ${f.p95 <= target ? 'met' : 'MISSED'}`);
    console.log(`times in ms (${WARM_UP} warm-up runs, then the runs counted; one call at a time):`);
    console.log(line(`health claim of ${CLAIM_BATCH} due accounts (${claimFigures.runs} runs)`, claimFigures, TARGETS.claimP95Ms));
    console.log(line(`/accounts data, owner of ${BIG_OWNER_BOXES} (${accountsFigures.runs} runs)`, accountsFigures, TARGETS.accountsP95Ms));
    console.log(line(`support attempt search, ${searchFound} found (${searchFigures.runs} runs)`, searchFigures));

    console.log('query plans (EXPLAIN ANALYZE of the SQL each sent, with its parameters):');
    for (const [name, statements] of Object.entries(plans)) {
      for (const plan of statements) {
        console.log(`  ${name}: ${plan.head}… ${plan.executionMs.toFixed(1)} ms, buffers hit ${thousands(plan.sharedHit)} read ${thousands(plan.sharedRead)}`);
        if (plan.scans.length === 0) console.log('      no table read');
        for (const scan of plan.scans) console.log(`      ${describeScan(scan)}`);
      }
    }
    const misses = Object.entries(plans).flatMap(([name, statements]) =>
      statements.flatMap((plan) => plan.misses.map((scan) => `${name}: ${scan.relation}`)),
    );
    console.log(misses.length === 0 ? 'sequential scans of big tables: none' : `sequential scans of big tables: ${misses.join(', ')}`);

    const targetsMet = claimFigures.p95 <= TARGETS.claimP95Ms && accountsFigures.p95 <= TARGETS.accountsP95Ms && misses.length === 0;
    const loadAfter = loadAverage();
    const runSeconds = (performance.now() - runStarted) / 1000;
    console.log(`targets ${targetsMet ? 'met' : 'NOT met'}; the run took ${runSeconds.toFixed(0)} s; load average before ${loadBefore}, after ${loadAfter}`);
    process.exitCode = targetsMet ? 0 : 1;
    console.log(
      JSON.stringify({
        accounts: counts.mail_accounts,
        counts,
        generatedSeconds: generatedSeconds === null ? null : round(generatedSeconds),
        migrationSeconds: round(migrationSeconds),
        runSeconds: round(runSeconds),
        databaseSize: size,
        claimMs: claimFigures,
        accountsMs: accountsFigures,
        searchMs: { ...searchFigures, found: searchFound },
        plans: Object.fromEntries(
          Object.entries(plans).map(([name, statements]) => [
            name,
            statements.map((plan) => ({ head: plan.head, executionMs: round(plan.executionMs), scans: plan.scans.map(describeScan) })),
          ]),
        ),
        seqScansOfBigTables: misses,
        targets: TARGETS,
        targetsMet,
        loadAverage: { before: loadBefore, after: loadAfter },
      }),
    );
  } finally {
    admin.release();
    await pool.end();
    await opened.close();
    if (!KEEP) await dropDatabase();
    else console.log(`kept the database ${DATABASE_NAME} (BENCH_SCALE_KEEP=1); drop it with: dropdb -h ${new URL(SERVER_URL).hostname} -U ${new URL(SERVER_URL).username || 'postgres'} ${DATABASE_NAME}`);
  }
}

await main();
