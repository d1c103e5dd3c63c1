// Benchmark of the web app: `npm run bench:web` (or `npx tsx bench/web.ts`).
//
// One production build, made in a temporary copy of the sources outside the repository (so the
// developer's .next, .data and any running server are left alone), with one page added to that
// copy only: an empty baseline page at /bench-baseline. The copy is the working tree, edits
// included; with BENCH_WEB_REF=<commit> (e.g. HEAD) it is that commit's tree instead. Then
// `next start` on a free loopback port with NODE_ENV=production and a fresh embedded PGlite in a
// temporary DATA_DIR, and:
//
// 1. First-load JavaScript (gzip) of the wizard `/` and of the baseline, loaded in Debian's
//    Chromium with an empty cache: the sum over every script response until the network is idle.
//    A body the server sent gzip-encoded counts with its size on the wire; one sent plain is
//    gzipped here at level 9. Target: wizard ≤ 1.3 × baseline.
// 2. Lighthouse 12.2.3 on `/` (performance and accessibility, default mobile settings), three
//    runs, each figure the median of the three: largest contentful paint, total blocking time,
//    the performance score (target ≥ 95) and the accessibility score (target 100).
//
// A missed target is reported, not fatal: the exit code is 0 unless the bench itself fails.
// The last line printed is one JSON object with the figures. With BENCH_WEB_REPORT_DIR set, the
// Lighthouse reports (JSON) are kept there as lighthouse-1.json, ...
//
// Lighthouse's CPU slowdown is simulated from what this machine measured, so a busy host (a test
// suite running beside the bench) lowers the performance figures: the summary shows the load
// average and Lighthouse's own benchmark index of the host for each run.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { Cleanup } from './web/cleanup';
import { measureFirstLoad, type FirstLoad } from './web/first-load-js';
import { findLcpElement } from './web/lcp-element';
import { erroredAudits, failedAudits, mainThreadDiagnostics, runLighthouse, type LighthouseRun } from './web/lighthouse';
import { freePort } from './web/processes';
import { startServer } from './web/server';
import { BASELINE_ROUTE, buildApp, prepareSources } from './web/workspace';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LIGHTHOUSE_RUNS = 3;
const SOURCE_REF = process.env.BENCH_WEB_REF || undefined;
const REPORT_DIR = process.env.BENCH_WEB_REPORT_DIR ? path.resolve(process.env.BENCH_WEB_REPORT_DIR) : undefined;
const TARGET = { jsRatio: 1.3, performance: 95, accessibility: 100 };

const log = (message: string) => console.log(`[bench:web] ${message}`);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB (${bytes} B)`;
const verdict = (met: boolean) => (met ? 'met' : '✗ MISSED');

/** The environment of the build and the server: production, embedded PGlite in a fresh folder. */
function appEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // A developer's PostgreSQL or test seams must not leak into the measurement.
  for (const name of ['DATABASE_URL', 'MAIL_ENDPOINT_OVERRIDES', 'ALLOW_ENDPOINT_OVERRIDES', 'BETTER_AUTH_URL', 'PORT']) {
    delete env[name];
  }
  return env;
}

function printFirstLoad(load: FirstLoad, origin: string): void {
  const served = load.scripts.filter((s) => s.gzipSource === 'server').length;
  console.log(`  ${load.path}: ${kib(load.gzipBytes)} gzip, ${kib(load.rawBytes)} uncompressed, ${load.scripts.length} scripts` +
    ` (${served} gzip as served, ${load.scripts.length - served} gzipped here at level 9; all at level 9: ${load.level9Bytes} B)`);
  for (const script of load.scripts) {
    console.log(`      ${String(script.gzipBytes).padStart(8)} B  ${script.url.replace(origin, '')}`);
  }
}

async function main(cleanup: Cleanup): Promise<void> {
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-web-'));
  cleanup.defer('temporary folder', () => fs.rmSync(workDir, { recursive: true, force: true }));
  const sourceDir = path.join(workDir, 'src');
  fs.mkdirSync(sourceDir);
  // The build gets a data folder of its own: `next build` runs the instrumentation hook, which
  // opens (and locks) the embedded database, and a build worker may still hold that lock for a
  // moment after the build has ended. The server then starts on an untouched database.
  const buildDataDir = path.join(workDir, 'build-data');
  const serverDataDir = path.join(workDir, 'data');
  fs.mkdirSync(buildDataDir);
  fs.mkdirSync(serverDataDir);

  log(`copying the sources to ${sourceDir} and adding ${BASELINE_ROUTE}…`);
  const { files, source } = prepareSources(REPO_ROOT, sourceDir, SOURCE_REF);
  log(`${files} files of ${source} copied; building (next build)…`);
  const buildStarted = Date.now();
  await buildApp(sourceDir, appEnv(buildDataDir), cleanup, SOURCE_REF ? '' : '. To measure the last commit without unfinished edits: BENCH_WEB_REF=HEAD npm run bench:web');
  log(`built in ${((Date.now() - buildStarted) / 1000).toFixed(0)} s; starting next start…`);

  const port = await freePort();
  const server = await startServer(sourceDir, port, appEnv(serverDataDir), cleanup);
  log(`serving on ${server.origin}`);

  // 1. First-load JavaScript.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Playwright gives each launch a fresh profile folder of its own and removes it on close.
    args: CHROMIUM_FLAGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const closeBrowser = cleanup.defer('Chromium for first-load JS', () => browser.close());
  const wizard = await measureFirstLoad(browser, server.origin, '/');
  const baseline = await measureFirstLoad(browser, server.origin, BASELINE_ROUTE);
  const lcpElement = await findLcpElement(browser, `${server.origin}/`);
  await closeBrowser();
  if (baseline.gzipBytes === 0) throw new Error('the baseline page loaded no JavaScript; cannot form a ratio');
  const jsRatio = wizard.gzipBytes / baseline.gzipBytes;

  // 2. Lighthouse.
  const runs: LighthouseRun[] = [];
  const hostLoad: string[] = [];
  if (REPORT_DIR) fs.mkdirSync(REPORT_DIR, { recursive: true });
  for (let i = 1; i <= LIGHTHOUSE_RUNS; i++) {
    log(`Lighthouse run ${i} of ${LIGHTHOUSE_RUNS}…`);
    const load = os.loadavg()[0]!.toFixed(2);
    const run = await runLighthouse(`${server.origin}/`, CHROMIUM, CHROMIUM_FLAGS, path.join(workDir, `chromium-lh-${i}`), cleanup);
    hostLoad.push(`load ${load}, benchmark index ${Math.round(run.lhr.environment.benchmarkIndex)}`);
    log(`  LCP ${Math.round(run.lcpMs)} ms, TBT ${Math.round(run.tbtMs)} ms, performance ${run.performance}, accessibility ${run.accessibility} (${hostLoad.at(-1)})`);
    if (REPORT_DIR) fs.writeFileSync(path.join(REPORT_DIR, `lighthouse-${i}.json`), JSON.stringify(run.lhr, null, 2));
    runs.push(run);
  }
  const figures = {
    wizardJsGzipBytes: wizard.gzipBytes,
    baselineJsGzipBytes: baseline.gzipBytes,
    jsRatio: Math.round(jsRatio * 1000) / 1000,
    lcpMs: Math.round(median(runs.map((r) => r.lcpMs))),
    tbtMs: Math.round(median(runs.map((r) => r.tbtMs))),
    performance: median(runs.map((r) => r.performance)),
    accessibility: median(runs.map((r) => r.accessibility)),
  };
  const met = {
    jsRatio: jsRatio <= TARGET.jsRatio,
    performance: figures.performance >= TARGET.performance,
    accessibility: figures.accessibility >= TARGET.accessibility,
  };

  // 3. The summary, then the figures as one JSON line.
  console.log('\nFirst-load JavaScript (Chromium, empty cache, every script until network idle):');
  printFirstLoad(wizard, server.origin);
  printFirstLoad(baseline, server.origin);
  console.log(`  ratio wizard / baseline: ${jsRatio.toFixed(3)}  (target ≤ ${TARGET.jsRatio}: ${verdict(met.jsRatio)})`);
  console.log(`\nLighthouse 12.2.3 on / (mobile defaults, median of ${LIGHTHOUSE_RUNS} runs):`);
  console.log(`  largest contentful paint: ${figures.lcpMs} ms   (runs: ${runs.map((r) => Math.round(r.lcpMs)).join(', ')})`);
  console.log(`  total blocking time:      ${figures.tbtMs} ms   (runs: ${runs.map((r) => Math.round(r.tbtMs)).join(', ')})`);
  console.log(`  performance:   ${figures.performance}  (target ≥ ${TARGET.performance}: ${verdict(met.performance)}; runs: ${runs.map((r) => r.performance).join(', ')})`);
  console.log(`  accessibility: ${figures.accessibility}  (target ${TARGET.accessibility}: ${verdict(met.accessibility)}; runs: ${runs.map((r) => r.accessibility).join(', ')})`);
  console.log(`  host per run: ${hostLoad.join('; ')} (${os.cpus().length} CPUs)`);
  if (lcpElement) {
    console.log(`  LCP element (Chromium at 412×823, unthrottled, painted at ${lcpElement.startTime} ms): ${lcpElement.element} "${lcpElement.text}"`);
  }
  if (REPORT_DIR) console.log(`  reports kept in ${REPORT_DIR}`);
  const errored = erroredAudits(runs);
  if (errored.length) {
    const weighted = errored.filter((audit) => audit.weighted);
    console.log(weighted.length
      ? `  ✗ WARNING: audits that count towards a score could not run, so the scores above leave them out: ${weighted.map((a) => a.id).join(', ')}`
      : `  audits Lighthouse could not run (none counts towards a score): ${errored.map((a) => a.id).join(', ')}`);
    for (const audit of weighted) console.log(`      - ${audit.id}, ${audit.counts}: ${audit.message}`);
  }

  const failed = failedAudits(runs).filter((audit) => !met[audit.category as 'performance' | 'accessibility']);
  if (failed.length > 0) {
    console.log('\nAudits that failed in at least one run (per run: display value, score 0-100):');
    for (const audit of failed) {
      const perRun = audit.runs.map((r) => `${r.displayValue ?? '-'} (${r.score ?? 'n/a'})`).join(', ');
      console.log(`  ${audit.category} · ${audit.id}, weight ${audit.weight}, failed in ${audit.failedIn}/${runs.length}: ${audit.title}: ${perRun}`);
      for (const item of audit.items) console.log(`      - ${item}`);
    }
  }
  if (!met.performance) {
    // The run whose performance score is the median one.
    const medianRun = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)]!;
    console.log(`\nMain thread in the median run (performance ${medianRun.performance}):`);
    for (const line of mainThreadDiagnostics(medianRun.lhr)) console.log(`  ${line}`);
  }
  const missed = Object.entries(met).filter(([, ok]) => !ok).map(([name]) => name);
  console.log(`\n${missed.length ? `✗ targets missed: ${missed.join(', ')}` : 'all targets met'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.log(JSON.stringify(figures));
}

const cleanup = new Cleanup();
// The handlers go in first: a Ctrl-C while the sources are copied must clean up as well.
const work = { current: Promise.resolve() };
cleanup.onSignals(() => work.current);
work.current = main(cleanup);
try {
  await work.current;
} catch (error) {
  console.error('[bench:web] failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanup.runAll();
}
