// Benchmark of the connection check: `npm run bench:check` (or `npx tsx bench/check.ts`).
//
// 1. Round trips. A TCP proxy delaying each direction by 50 ms (a WAN with a 100 ms round
//    trip) sits in front of the strict NetEase IMAP simulator and the SMTP peer. Effective
//    round trips = (time at 50 ms - time at 0 ms) / 100 ms, for the full check, its IMAP and
//    SMTP parts (as they ran side by side in it), and a naive baseline: imapflow's defaults
//    (connect + mailboxOpen + logout, against the simulator's lenient "any ID" reading so that
//    it passes) and then nodemailer's verify(), one after the other.
// 2. Load. 200 checks at once against the same peers without delay: failures, p50, p95, the
//    time of one check alone, and the peak RSS of the process running the checks.
//
// The peers run in a child process, so that 200 clients and the servers do not share one
// core. The last line printed is one JSON object with the figures.

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { startDelayProxy, type DelayProxy } from '../tools/peers/delay-proxy';
import { startNeteaseImap } from '../tools/peers/netease-imap';
import { startNeteaseSmtp } from '../tools/peers/netease-smtp';
import type { MailEndpoints, ServerEndpoint } from '../lib/providers/types';
import { isRelaunched, relaunchWithTestCa } from './with-test-ca';

const SCRIPT = fileURLToPath(import.meta.url);
const CHILD_FLAG = 'MAIL_CHECK_BENCH_CHILD';
const CODE = 'AbCdEfGhIjKlMnOp';
const ADDRESS = 'bench@163.com';
const CONCURRENT = 200;
const DELAY_MS = 50;
const RUNS_PER_DELAY = 5;

const concurrentAddress = (i: number) => `bench${i}@163.com`;

interface PeerPorts {
  strictImap: number;
  lenientImap: number;
  smtp: number;
  strictImapProxy: number;
  lenientImapProxy: number;
  smtpProxy: number;
}

type PeerMessage = { type: 'ready'; ports: PeerPorts } | { type: 'delay-set' } | { type: 'cpu'; usage: NodeJS.CpuUsage };
type ParentMessage = { type: 'set-delay'; ms: number } | { type: 'cpu' } | { type: 'stop' };

// ---- the peers' process ----------------------------------------------------------------------

async function runPeers(): Promise<void> {
  const users: Record<string, string> = { [ADDRESS]: CODE };
  for (let i = 0; i < CONCURRENT; i++) users[concurrentAddress(i)] = CODE;
  const [strictImap, lenientImap, smtp] = await Promise.all([
    startNeteaseImap({ users, idRule: 'after-login' }),
    startNeteaseImap({ users, idRule: 'any' }),
    startNeteaseSmtp({ users }),
  ]);
  const proxies: DelayProxy[] = await Promise.all(
    [strictImap, lenientImap, smtp].map((target) => startDelayProxy({ target, delayMs: 0 })),
  );
  const [strictImapProxy, lenientImapProxy, smtpProxy] = proxies as [DelayProxy, DelayProxy, DelayProxy];
  const send = (message: PeerMessage) => process.send?.(message);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'set-delay') {
      for (const proxy of proxies) proxy.setDelay(message.ms);
      send({ type: 'delay-set' });
    } else if (message.type === 'cpu') {
      send({ type: 'cpu', usage: process.cpuUsage() });
    } else if (message.type === 'stop') {
      void Promise.all([...proxies, strictImap, lenientImap, smtp].map((s) => s.stop())).then(() => process.exit(0));
    }
  });
  // The parent going away (Ctrl-C, a crash) takes the peers with it.
  process.on('disconnect', () => process.exit(0));
  send({
    type: 'ready',
    ports: {
      strictImap: strictImap.port,
      lenientImap: lenientImap.port,
      smtp: smtp.port,
      strictImapProxy: strictImapProxy.port,
      lenientImapProxy: lenientImapProxy.port,
      smtpProxy: smtpProxy.port,
    },
  });
}

// ---- helpers -----------------------------------------------------------------------------------

const median = (values: number[]) => percentile(values, 0.5);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const at = (port: number): ServerEndpoint => ({ host: '127.0.0.1', port, tls: 'implicit' });

class Peers {
  private constructor(
    private readonly child: ChildProcess,
    readonly ports: PeerPorts,
  ) {}

  static async start(): Promise<Peers> {
    const child = fork(SCRIPT, ['--peers'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ports = await new Promise<PeerPorts>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`peers exited early with code ${code}`)));
      child.once('message', (message: PeerMessage) => {
        if (message.type === 'ready') resolve(message.ports);
      });
    });
    return new Peers(child, ports);
  }

  async setDelay(ms: number): Promise<void> {
    const done = new Promise<void>((resolve) => {
      const onMessage = (message: PeerMessage) => {
        if (message.type !== 'delay-set') return;
        this.child.off('message', onMessage);
        resolve();
      };
      this.child.on('message', onMessage);
    });
    this.child.send({ type: 'set-delay', ms } satisfies ParentMessage);
    await done;
  }

  /** CPU time the peers' process has used so far. */
  async cpuUsage(): Promise<NodeJS.CpuUsage> {
    const reply = new Promise<NodeJS.CpuUsage>((resolve) => {
      const onMessage = (message: PeerMessage) => {
        if (message.type !== 'cpu') return;
        this.child.off('message', onMessage);
        resolve(message.usage);
      };
      this.child.on('message', onMessage);
    });
    this.child.send({ type: 'cpu' } satisfies ParentMessage);
    return reply;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' } satisfies ParentMessage);
    await exited;
  }
}

// ---- the measurements --------------------------------------------------------------------------

type RunMailCheck = typeof import('../lib/mail-check/run-check').runMailCheck;

interface CheckTiming {
  fullMs: number;
  imapMs: number;
  smtpMs: number;
}

async function timeCheck(runMailCheck: RunMailCheck, endpoints: MailEndpoints, address = ADDRESS): Promise<CheckTiming> {
  const started = performance.now();
  const report = await runMailCheck({ address, code: CODE, endpoints });
  const fullMs = performance.now() - started;
  if (!report.ok) {
    const failures = [report.imap, report.smtp].filter((r) => !r.ok);
    throw new Error(`check failed: ${JSON.stringify(failures.map((f) => (f.ok ? null : [f.code, f.stage, f.serverText])))}`);
  }
  return { fullMs, imapMs: report.imap.durationMs, smtpMs: report.smtp.durationMs };
}

/** imapflow's defaults then nodemailer's verify(), one after the other. */
async function timeBaseline(imap: ServerEndpoint, smtp: ServerEndpoint): Promise<number> {
  const started = performance.now();
  const client = new ImapFlow({ host: imap.host, port: imap.port, secure: true, auth: { user: ADDRESS, pass: CODE }, logger: false });
  client.on('error', () => {});
  await client.connect();
  await client.mailboxOpen('INBOX');
  await client.logout();
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: true,
    auth: { user: ADDRESS, pass: CODE },
    logger: false,
  });
  try {
    await transport.verify();
  } finally {
    transport.close();
  }
  return performance.now() - started;
}

async function medianOf<T extends object>(runs: number, measure: () => Promise<T>): Promise<{ [K in keyof T]: number }> {
  const samples: T[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measure());
  const first = samples[0]!;
  const result = {} as { [K in keyof T]: number };
  for (const key of Object.keys(first) as Array<keyof T>) {
    result[key] = median(samples.map((s) => s[key] as number));
  }
  return result;
}

async function runBenchmark(): Promise<void> {
  const { runMailCheck } = await import('../lib/mail-check/run-check');
  const peers = await Peers.start();
  try {
    const { ports } = peers;
    const viaProxy: MailEndpoints = { imap: at(ports.strictImapProxy), smtp: at(ports.smtpProxy) };
    const direct: MailEndpoints = { imap: at(ports.strictImap), smtp: at(ports.smtp) };

    // Warm-up: JIT, and the first TLS context of each kind.
    for (let i = 0; i < 3; i++) {
      await timeCheck(runMailCheck, viaProxy);
      await timeBaseline(at(ports.lenientImapProxy), at(ports.smtpProxy));
    }

    const measureAt = async (delayMs: number) => {
      await peers.setDelay(delayMs);
      const check = await medianOf(RUNS_PER_DELAY, () => timeCheck(runMailCheck, viaProxy));
      const baseline = await medianOf(RUNS_PER_DELAY, async () => ({
        ms: await timeBaseline(at(ports.lenientImapProxy), at(ports.smtpProxy)),
      }));
      return { ...check, baselineMs: baseline.ms };
    };
    const at0 = await measureAt(0);
    const atDelay = await measureAt(DELAY_MS);
    await peers.setDelay(0);
    const roundTrips = (key: keyof typeof at0) => round1((atDelay[key] - at0[key]) / (2 * DELAY_MS));
    const rt = {
      full: roundTrips('fullMs'),
      imap: roundTrips('imapMs'),
      smtp: roundTrips('smtpMs'),
      baseline: roundTrips('baselineMs'),
    };
    console.log(`Round trips with ${DELAY_MS} ms each way (median of ${RUNS_PER_DELAY} runs; ms at 0 → ms at ${DELAY_MS}):`);
    console.log(`  full check      ${rt.full.toFixed(1)}  (${Math.round(at0.fullMs)} → ${Math.round(atDelay.fullMs)} ms)`);
    console.log(`  IMAP part       ${rt.imap.toFixed(1)}  (${Math.round(at0.imapMs)} → ${Math.round(atDelay.imapMs)} ms)`);
    console.log(`  SMTP part       ${rt.smtp.toFixed(1)}  (${Math.round(at0.smtpMs)} → ${Math.round(atDelay.smtpMs)} ms)`);
    console.log(`  naive baseline  ${rt.baseline.toFixed(1)}  (${Math.round(at0.baselineMs)} → ${Math.round(atDelay.baselineMs)} ms)`);
    console.log(`  full / slower part: ${(rt.full / Math.max(rt.imap, rt.smtp)).toFixed(2)}`);

    // One check alone, against the peers directly.
    for (let i = 0; i < 3; i++) await timeCheck(runMailCheck, direct);
    const single = await medianOf(9, () => timeCheck(runMailCheck, direct));

    // Many at once.
    const cpuBefore = process.cpuUsage();
    const peersCpuBefore = await peers.cpuUsage();
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 5);
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, i) => {
        try {
          const report = await runMailCheck({ address: concurrentAddress(i), code: CODE, endpoints: direct });
          return { ok: report.ok, ms: performance.now() - started, report };
        } catch (err) {
          return { ok: false, ms: performance.now() - started, report: String(err) };
        }
      }),
    );
    clearInterval(sampler);
    const loadMs = performance.now() - started;
    const clientCpu = process.cpuUsage(cpuBefore);
    const peersCpuAfter = await peers.cpuUsage();
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const failures = outcomes.filter((o) => !o.ok);
    const times = outcomes.map((o) => o.ms);
    const concurrent = {
      count: CONCURRENT,
      failures: failures.length,
      p50Ms: Math.round(percentile(times, 0.5)),
      p95Ms: Math.round(percentile(times, 0.95)),
      singleMs: Math.round(single.fullMs),
      peakRssMb: Math.round(peakRss / (1024 * 1024)),
    };
    console.log(`${CONCURRENT} checks at once, no delay:`);
    console.log(`  failures ${concurrent.failures}, p50 ${concurrent.p50Ms} ms, p95 ${concurrent.p95Ms} ms, one check alone ${concurrent.singleMs} ms (p95 / single ${(concurrent.p95Ms / concurrent.singleMs).toFixed(2)}), peak RSS ${concurrent.peakRssMb} MB`);
    const parts = outcomes.flatMap((o) => (typeof o.report === 'string' ? [] : [o.report]));
    const partTimes = (pick: (r: (typeof parts)[number]) => number) =>
      `p50 ${percentile(parts.map(pick), 0.5)} ms, p95 ${percentile(parts.map(pick), 0.95)} ms`;
    console.log(`  IMAP part ${partTimes((r) => r.imap.durationMs)}; SMTP part ${partTimes((r) => r.smtp.durationMs)}`);
    const cpuMs = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);
    const peersCpuMs = cpuMs({ user: peersCpuAfter.user - peersCpuBefore.user, system: peersCpuAfter.system - peersCpuBefore.system });
    console.log(
      `  CPU used during the ${Math.round(loadMs)} ms of load: checks ${cpuMs(clientCpu)} ms (${(cpuMs(clientCpu) / CONCURRENT).toFixed(1)} ms per check), peers ${peersCpuMs} ms`,
    );
    if (failures.length) console.log(`  first failure: ${JSON.stringify(failures[0]?.report).slice(0, 500)}`);

    console.log(
      JSON.stringify({
        fullRoundTrips: rt.full,
        imapRoundTrips: rt.imap,
        smtpRoundTrips: rt.smtp,
        baselineRoundTrips: rt.baseline,
        concurrent,
      }),
    );
  } finally {
    await peers.stop();
  }
}

// ---- entry -------------------------------------------------------------------------------------

if (process.argv.includes('--peers')) {
  void runPeers();
} else if (!isRelaunched(CHILD_FLAG)) {
  relaunchWithTestCa(SCRIPT, CHILD_FLAG);
} else {
  runBenchmark().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
