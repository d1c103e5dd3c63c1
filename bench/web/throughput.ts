// Server rendering under load: autocannon's programmatic API, a fixed number of connections for a
// fixed time, each request a plain GET of the page (no cookies unless given). A short warm-up at
// the same concurrency comes first and is thrown away, so the measured run starts with the
// route's code loaded and compiled by V8.
import autocannon from 'autocannon';

export const CONNECTIONS = 20;
export const DURATION_S = 10;
export const WARMUP_S = 3;

export interface Throughput {
  path: string;
  /** Mean of autocannon's per-second samples of answered requests. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers in the measured run, and how many of them were not 2xx. */
  requests: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
}

function run(url: string, cookie: string | undefined, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers: { accept: 'text/html', 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) },
    // A page that takes longer than this under load counts as a timeout (an error), not a latency.
    timeout: 30,
  });
}

export async function measureThroughput(origin: string, pagePath: string, cookie?: string): Promise<Throughput> {
  const url = new URL(pagePath, origin).href;
  await run(url, cookie, WARMUP_S);
  const result = await run(url, cookie, DURATION_S);
  return {
    path: pagePath,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
