// The figures of one measured page, the targets of issue 15, and the summary table. Each figure
// is judged here and nowhere else, so the table, the verdict line and the JSON line agree.
import type { FirstLoad } from './first-load-js';
import type { HtmlSize } from './html-size';
import type { LighthouseRun } from './lighthouse';
import { CONNECTIONS, DURATION_S, type Throughput } from './throughput';

export const TARGET = {
  /** Uncompressed HTML of the document: 60 KB, read strictly as 60,000 bytes. */
  htmlBytes: 60_000,
  /** First-load JS (gzip) ÷ the empty page's. */
  jsRatio: 1.1,
  /** Lighthouse, in every run. */
  performance: 98,
  accessibility: 100,
  /** Lighthouse, the median run. */
  tbtMs: 100,
  lcpMs: 1800,
  cls: 0,
  /** Requests per second ÷ the empty page's, at the same concurrency. */
  throughputRatio: 0.5,
} as const;

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

/** What the empty page of the same build measured: the denominators of the ratios. */
export interface BaselineFigures {
  path: string;
  html: HtmlSize;
  js: FirstLoad;
  throughput: Throughput;
}

export interface PageFigures {
  /** The row label: the path and how it was visited. */
  label: string;
  path: string;
  html: HtmlSize;
  js: FirstLoad;
  runs: LighthouseRun[];
  throughput: Throughput;
}

export interface Row {
  figure: string;
  value: string;
  target: string;
  /** undefined: reported for information, no target. */
  met?: boolean;
  /** The short name in the "targets missed" line. */
  id: string;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
// Lighthouse shows CLS with three decimals; "0" is what it shows as 0.000.
const clsShown = (cls: number) => round(cls, 3);

/** The page's figures in the shape of the final JSON line. */
export function pageJson(page: PageFigures, baseline: BaselineFigures) {
  const lighthouse = (pick: (run: LighthouseRun) => number, places = 0) => {
    const { min, median, max } = spread(page.runs.map(pick));
    return { min: round(min, places), median: round(median, places), max: round(max, places) };
  };
  return {
    path: page.path,
    htmlBytes: page.html.rawBytes,
    htmlGzipBytes: page.html.gzipBytes,
    jsGzipBytes: page.js.gzipBytes,
    jsRatio: round(page.js.gzipBytes / baseline.js.gzipBytes, 3),
    performance: lighthouse((r) => r.performance),
    accessibility: lighthouse((r) => r.accessibility),
    tbtMs: lighthouse((r) => r.tbtMs),
    lcpMs: lighthouse((r) => r.lcpMs),
    cls: lighthouse((r) => r.cls, 3),
    requestsPerSecond: round(page.throughput.requestsPerSecond, 1),
    p99Ms: page.throughput.p99Ms,
    throughputRatio: round(page.throughput.requestsPerSecond / baseline.throughput.requestsPerSecond, 3),
    non2xx: page.throughput.non2xx,
    loadErrors: page.throughput.errors,
  };
}

/** The table rows of one page, each judged against its target. */
export function pageRows(page: PageFigures, baseline: BaselineFigures, id: string): Row[] {
  const json = pageJson(page, baseline);
  const runs = page.runs.length;
  const at = `${page.label}:`;
  const gzipHow = page.html.gzipSource === 'server' ? 'as served' : 'level 9 here';
  const { throughput } = page;
  return [
    {
      id: `${id}.html`,
      figure: `${at} HTML, uncompressed`,
      value: `${kib(json.htmlBytes)} (${json.htmlBytes} B)`,
      target: `≤ ${kib(TARGET.htmlBytes)} (${TARGET.htmlBytes} B)`,
      met: json.htmlBytes <= TARGET.htmlBytes,
    },
    {
      id: `${id}.htmlGzip`,
      figure: `${at} HTML, gzip (${gzipHow})`,
      value: `${kib(json.htmlGzipBytes)} (${json.htmlGzipBytes} B)`,
      target: '(information)',
    },
    {
      id: `${id}.jsRatio`,
      figure: `${at} first-load JS gzip ÷ empty page`,
      value: `${json.jsRatio.toFixed(3)}× (${json.jsGzipBytes} ÷ ${baseline.js.gzipBytes} B)`,
      target: `≤ ${TARGET.jsRatio.toFixed(2)}×`,
      met: json.jsRatio <= TARGET.jsRatio,
    },
    {
      id: `${id}.performance`,
      figure: `${at} Lighthouse performance, min / median of ${runs}`,
      value: `${json.performance.min} / ${json.performance.median}`,
      target: `≥ ${TARGET.performance} in every run`,
      met: json.performance.min >= TARGET.performance,
    },
    {
      id: `${id}.accessibility`,
      figure: `${at} Lighthouse accessibility, min / median`,
      value: `${json.accessibility.min} / ${json.accessibility.median}`,
      target: `${TARGET.accessibility} in every run`,
      met: json.accessibility.min >= TARGET.accessibility,
    },
    {
      id: `${id}.tbt`,
      figure: `${at} total blocking time, min / median`,
      value: `${json.tbtMs.min} / ${json.tbtMs.median} ms (max ${json.tbtMs.max})`,
      target: `median ≤ ${TARGET.tbtMs} ms`,
      met: json.tbtMs.median <= TARGET.tbtMs,
    },
    {
      id: `${id}.lcp`,
      figure: `${at} largest contentful paint, min / median`,
      value: `${json.lcpMs.min} / ${json.lcpMs.median} ms (max ${json.lcpMs.max})`,
      target: `median ≤ ${TARGET.lcpMs} ms`,
      met: json.lcpMs.median <= TARGET.lcpMs,
    },
    {
      id: `${id}.cls`,
      figure: `${at} cumulative layout shift, min / median`,
      value: `${json.cls.min.toFixed(3)} / ${json.cls.median.toFixed(3)} (max ${json.cls.max.toFixed(3)})`,
      target: `median ${TARGET.cls}`,
      met: clsShown(json.cls.median) <= TARGET.cls,
    },
    {
      id: `${id}.throughput`,
      figure: `${at} req/s, ${CONNECTIONS} connections ${DURATION_S} s, ÷ empty page`,
      value: `${json.throughputRatio.toFixed(2)}× (${json.requestsPerSecond.toFixed(1)} ÷ ${baseline.throughput.requestsPerSecond.toFixed(1)})`,
      target: `≥ ${TARGET.throughputRatio}×`,
      met: json.throughputRatio >= TARGET.throughputRatio,
    },
    {
      id: `${id}.p99`,
      figure: `${at} p99 latency at ${CONNECTIONS} connections`,
      value: `${throughput.p99Ms} ms (p50 ${throughput.p50Ms}; empty page p99 ${baseline.throughput.p99Ms})`,
      target: '(reported)',
    },
    {
      id: `${id}.loadFailures`,
      figure: `${at} answers not 2xx / errors under load`,
      value: `${throughput.non2xx} / ${throughput.errors} of ${throughput.requests}`,
      // A page that fails under load would otherwise show as a fast one.
      target: '0 / 0',
      met: throughput.non2xx === 0 && throughput.errors === 0,
    },
  ];
}

export function printTable(rows: Row[]): void {
  const header: Row = { id: '', figure: 'figure', value: 'value', target: 'target' };
  const width = (pick: (row: Row) => string) => Math.max(...[header, ...rows].map((row) => pick(row).length));
  const figureWidth = width((row) => row.figure);
  const valueWidth = width((row) => row.value);
  const targetWidth = width((row) => row.target);
  const line = (row: Row, met: string) =>
    `  ${row.figure.padEnd(figureWidth)}  ${row.value.padEnd(valueWidth)}  ${row.target.padEnd(targetWidth)}  ${met}`;
  console.log(line(header, 'met?'));
  console.log(`  ${'-'.repeat(figureWidth + valueWidth + targetWidth + 12)}`);
  for (const row of rows) console.log(line(row, row.met === undefined ? '' : row.met ? 'met' : '✗ MISSED'));
}
