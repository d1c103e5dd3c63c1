// Lighthouse 12.2.3 (default mobile settings: Moto G Power screen, simulated slow 4G and 4x CPU
// slowdown) against Debian's Chromium, each run in a fresh browser with a fresh profile. A page
// behind sign-in gets its session cookie as an extra header on every request (Lighthouse's
// `extraHeaders`): the fresh profile has no cookies of its own.
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import type { Cleanup } from './cleanup';

export interface LighthouseRun {
  lcpMs: number;
  tbtMs: number;
  cls: number;
  performance: number;
  accessibility: number;
  lhr: Result;
}

const score = (lhr: Result, category: string): number => {
  const value = lhr.categories[category]?.score;
  if (value === null || value === undefined) throw new Error(`Lighthouse gave no ${category} score`);
  return Math.round(value * 100);
};

const metric = (lhr: Result, audit: string): number => {
  const value = lhr.audits[audit]?.numericValue;
  if (value === undefined) throw new Error(`Lighthouse gave no ${audit}: ${lhr.audits[audit]?.errorMessage ?? 'missing'}`);
  return value;
};

export async function runLighthouse(
  url: string,
  chromiumPath: string,
  chromiumFlags: string[],
  userDataDir: string,
  cleanup: Cleanup,
  extraHeaders?: Record<string, string>,
): Promise<LighthouseRun> {
  fs.mkdirSync(userDataDir, { recursive: true });
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: chromiumFlags,
    userDataDir,
    // Our own handlers tear everything down; chrome-launcher's would exit before they run.
    handleSIGINT: false,
    logLevel: 'silent',
  });
  const stopChrome = cleanup.defer(`Chromium for Lighthouse (${path.basename(userDataDir)})`, () => chrome.kill());
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      ...(extraHeaders ? { extraHeaders } : {}),
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return {
      lcpMs: metric(lhr, 'largest-contentful-paint'),
      tbtMs: metric(lhr, 'total-blocking-time'),
      cls: metric(lhr, 'cumulative-layout-shift'),
      performance: score(lhr, 'performance'),
      accessibility: score(lhr, 'accessibility'),
      lhr,
    };
  } finally {
    await stopChrome();
  }
}

export interface FailedAudit {
  category: string;
  id: string;
  title: string;
  weight: number;
  /** Per run: the score (0-100) and Lighthouse's display value, failing or not. */
  runs: { score: number | null; displayValue?: string }[];
  /** Runs (of all) in which the audit failed. */
  failedIn: number;
  /** What Lighthouse pointed at in the first failing run: elements with its explanation, or resources with savings. */
  items: string[];
}

interface DetailItem {
  node?: { selector?: string; snippet?: string; explanation?: string; nodeLabel?: string };
  url?: string;
  wastedBytes?: number;
  wastedMs?: number;
}

function describeItems(details: unknown): string[] {
  const items = (details as { items?: DetailItem[] } | undefined)?.items ?? [];
  return items.slice(0, 10).map((item) => {
    if (item.node) {
      const node = item.node;
      const where = node.selector ?? node.nodeLabel ?? '';
      const what = node.snippet ? ` ${node.snippet}` : '';
      const why = node.explanation ? `\n        ${node.explanation.replace(/\n/g, '\n        ')}` : '';
      return `${where}${what}${why}`;
    }
    const savings = [
      item.wastedBytes ? `${Math.round(item.wastedBytes / 1024)} KiB to save` : '',
      item.wastedMs ? `${Math.round(item.wastedMs)} ms to save` : '',
    ].filter(Boolean);
    return `${item.url ?? JSON.stringify(item)}${savings.length ? ` (${savings.join(', ')})` : ''}`;
  });
}

const SCORED_MODES = ['binary', 'numeric', 'metricSavings'];

/**
 * Audits that did not pass in at least one run. Accessibility: every scored audit below 1 (any
 * of them keeps the category under 100). Performance: the scored audits below 0.9, which is
 * where Lighthouse stops showing them as passed.
 */
export function failedAudits(runs: LighthouseRun[]): FailedAudit[] {
  const found = new Map<string, FailedAudit>();
  for (const categoryId of ['accessibility', 'performance']) {
    const threshold = categoryId === 'accessibility' ? 1 : 0.9;
    for (const { lhr } of runs) {
      for (const ref of lhr.categories[categoryId]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= threshold || !SCORED_MODES.includes(audit.scoreDisplayMode)) continue;
        const key = `${categoryId}/${ref.id}`;
        const known = found.get(key);
        if (known) {
          known.failedIn += 1;
          continue;
        }
        found.set(key, {
          category: categoryId,
          id: ref.id,
          title: audit.title,
          weight: ref.weight,
          runs: runs.map((run) => {
            const each = run.lhr.audits[ref.id];
            const score = each?.score;
            return { score: score === null || score === undefined ? null : Math.round(score * 100), displayValue: each?.displayValue };
          }),
          failedIn: 1,
          items: describeItems(audit.details),
        });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.category.localeCompare(b.category) || b.weight - a.weight || b.failedIn - a.failedIn);
}

export interface ErroredAudit {
  id: string;
  /** Where it counts: "performance (weight 0)", or "not scored" when in no category. */
  counts: string;
  weighted: boolean;
  message: string;
}

/**
 * Audits Lighthouse could not run. A weighted one would be left out of its category's score and
 * make the score meaningless; the unweighted ones only lose their advice.
 */
export function erroredAudits(runs: LighthouseRun[]): ErroredAudit[] {
  const found = new Map<string, ErroredAudit>();
  for (const { lhr } of runs) {
    const refs = Object.values(lhr.categories).flatMap((category) => category.auditRefs.map((ref) => ({ category: category.id, ref })));
    for (const [id, audit] of Object.entries(lhr.audits)) {
      if (audit.scoreDisplayMode !== 'error' || found.has(id)) continue;
      const uses = refs.filter(({ ref }) => ref.id === id);
      found.set(id, {
        id,
        counts: uses.length ? uses.map(({ category, ref }) => `${category} (weight ${ref.weight})`).join(', ') : 'not scored',
        weighted: uses.some(({ ref }) => ref.weight > 0),
        message: (audit.errorMessage ?? '').split('\n')[0]!.slice(0, 160),
      });
    }
  }
  return [...found.values()];
}

interface LongTask {
  url?: string;
  duration?: number;
  startTime?: number;
}

interface BootupItem {
  url?: string;
  total?: number;
  scripting?: number;
}

/**
 * What kept the main thread busy in one run, for a missed performance target: the long tasks
 * (over 50 ms, timed as Lighthouse simulates them on its slowed-down phone) and the script
 * evaluation time per file.
 */
export function mainThreadDiagnostics(lhr: Result): string[] {
  const lines: string[] = [];
  const longTasks = ((lhr.audits['long-tasks']?.details as { items?: LongTask[] } | undefined)?.items ?? []).slice(0, 8);
  if (longTasks.length) {
    lines.push('long tasks (simulated duration, start):');
    for (const task of longTasks) {
      lines.push(`  ${Math.round(task.duration ?? 0)} ms at ${Math.round(task.startTime ?? 0)} ms  ${task.url ?? ''}`);
    }
  }
  const bootup = ((lhr.audits['bootup-time']?.details as { items?: BootupItem[] } | undefined)?.items ?? []).slice(0, 6);
  if (bootup.length) {
    lines.push('JavaScript execution time per script (total / scripting):');
    for (const item of bootup) {
      lines.push(`  ${Math.round(item.total ?? 0)} ms / ${Math.round(item.scripting ?? 0)} ms  ${item.url ?? ''}`);
    }
  }
  return lines;
}
