// Benchmark of the support handoff's live view: `npm run bench:handoff`.
//
// The staff page refreshes every second (components/support/live-session.tsx) by reading the
// session through readStaffSessionView; the customer's browser reports each step change through
// recordHelpProgress. This measures, with the customer and the staff member on two separate
// connection pools standing for two app instances (PostgreSQL, when DATABASE_URL is set; the
// embedded PGlite has one process, so there both share one connection and the output says so):
//
// 1. The cost of one staff refresh (the query pair behind /api/support/sessions/[id]) with 20
//    check attempts on record: p50 and p95 in ms.
// 2. The delay from a customer's step report to the staff refresh that first shows it, with the
//    page's 1-second cadence and reports at random moments: p50, p95 and max in ms. Target: the
//    issue's "within 2 seconds". Browser fetch and render time are not included (tens of ms).
//
// The last line printed is one JSON object with the figures.

import { randomBytes } from 'node:crypto';
import { openDatabase, type OpenedDatabase } from '../lib/db/client';
import { authUsers, checkAttempts } from '../lib/db/schema';
import { createScratchStore } from '../lib/db/testing/backends';
import { enterHelpCode, readStaffSessionView } from '../lib/support/console';
import { newBrowserToken, recordHelpProgress, startHelpSession } from '../lib/support/help-sessions';
import { WIZARD_STEPS } from '../lib/wizard/steps';

const REFRESH_MS = 1000;
const REPORTS = 30;
const COST_SAMPLES = 200;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const store = await createScratchStore(kind);
  const customerSide: OpenedDatabase = await store.open();
  // A second pool on the same database stands for the other app instance.
  const staffSide: OpenedDatabase = kind === 'postgres' ? await openDatabase({ url: store.url! }) : customerSide;
  try {
    const suffix = randomBytes(4).toString('hex');
    const customerId = `bench-customer-${suffix}`;
    const staff = { id: `bench-staff-${suffix}`, email: `staff-${suffix}@example.com` };
    await customerSide.db.insert(authUsers).values([
      { id: customerId, name: 'Customer', email: `customer-${suffix}@example.com` },
      { id: staff.id, name: 'Staff', email: staff.email, role: 'staff' },
    ]);
    const now = Date.now();
    await customerSide.db.insert(checkAttempts).values(
      Array.from({ length: 20 }, (_, i) => ({
        address: `lisi${suffix}@163.com`,
        providerId: 'netease',
        startedAt: new Date(now - i * 60_000),
        finishedAt: new Date(now - i * 60_000 + 900),
        ok: i % 2 === 0,
        imapCode: i % 2 === 0 ? null : 'auth_failed',
        imapStage: i % 2 === 0 ? null : 'login',
        imapServerText: i % 2 === 0 ? null : 'NO LOGIN failed',
        durationMs: 900,
        ownerId: customerId,
      })),
    );
    const token = newBrowserToken();
    const session = await startHelpSession(customerSide.db, { token, customerId });
    const entered = await enterHelpCode(staffSide.db, staff, session.code);
    if (!entered.ok) throw new Error('could not enter the help code');

    // 1. Cost of one refresh.
    const costs: number[] = [];
    for (let i = 0; i < COST_SAMPLES; i += 1) {
      const started = performance.now();
      await readStaffSessionView(staffSide.db, staff, session.id, 'zh');
      costs.push(performance.now() - started);
    }

    // 2. Report-to-seen delay: a staff loop refreshing every second, reports at random moments.
    let stop = false;
    const seen = new Map<string, number>();
    const staffLoop = (async () => {
      while (!stop) {
        const view = await readStaffSessionView(staffSide.db, staff, session.id, 'zh');
        const at = performance.now();
        if (view?.state === 'live' && view.progressAt && !seen.has(view.progressAt)) seen.set(view.progressAt, at);
        await sleep(REFRESH_MS);
      }
    })();
    const delays: number[] = [];
    for (let i = 0; i < REPORTS; i += 1) {
      await sleep(300 + Math.random() * 1700);
      const reportedAt = performance.now();
      await recordHelpProgress(customerSide.db, token, { step: WIZARD_STEPS[i % WIZARD_STEPS.length] }, customerId);
      const [row] = await customerSide.db.query.helpSessions.findMany({ where: (t, { eq }) => eq(t.id, session.id) });
      const key = row!.progressAt!.toISOString();
      while (!seen.has(key)) await sleep(5);
      delays.push(seen.get(key)! - reportedAt);
    }
    stop = true;
    await staffLoop;

    const figures = {
      database: kind === 'postgres' ? 'postgres (two pools)' : 'pglite (one connection)',
      refreshCostMs: { p50: round(percentile(costs, 50)), p95: round(percentile(costs, 95)) },
      reportToSeenMs: { p50: Math.round(percentile(delays, 50)), p95: Math.round(percentile(delays, 95)), max: Math.round(Math.max(...delays)) },
      refreshIntervalMs: REFRESH_MS,
      targetMs: 2000,
    };
    console.log(`[bench:handoff] ${figures.reportToSeenMs.max <= figures.targetMs ? 'met' : 'MISSED'}: every report seen within ${figures.reportToSeenMs.max} ms (target 2000)`);
    console.log(JSON.stringify(figures));
  } finally {
    if (staffSide !== customerSide) await staffSide.close();
    await customerSide.close();
    await store.dispose();
  }
}

await main();
