import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { signUp } from './support/accounts';
import { freeLoopbackPort, startAppServer, type AppServer } from './support/app-server';
import { PRACTICE_ADDRESS, PracticePage } from './support/practice-page';
import { requestFrom } from './support/raw-http';
import { serverLogLines } from './support/server-log';
import { WizardPage } from './support/wizard-page';

// Issue 16, items 3 and 4, on an instance of its own: the JSON log (a line per request and per
// check, joined by the request's id), /metrics for the addresses METRICS_ALLOW lists only (the
// client address decided by the server, never a header a client wrote), readiness, and a second
// instance on the same embedded data folder stopping at once with DatabaseLockedError.
//
// The instance trusts 127.0.0.2 as its proxy and lets 127.0.0.1 read the metrics. Linux answers
// on all of 127.0.0.0/8, so each loopback address below is another client.

const PROXY = '127.0.0.2';
const STRANGER = '127.0.0.3';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test.describe.configure({ mode: 'serial' });

let app: AppServer;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-logs-metrics-'));
  app = await startAppServer({
    name: 'logs-metrics',
    env: { DATA_DIR: dataDir, TRUSTED_PROXIES: PROXY, METRICS_ALLOW: '127.0.0.1', PRACTICE_MODE: 'on', HEALTH_CHECKS_ENABLED: '0', INSTANCE_ID: 'e2e-one' },
  });
});

test.afterAll(async () => {
  await app?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a check’s log line carries its request’s id, and /metrics counts it for the allowed address only', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: app.url, locale: 'zh-CN' });
  const page = await context.newPage();
  await signUp(page, '/practice');
  const code = await new PracticePage(page).code();
  const wizard = new WizardPage(page);
  await wizard.open('configure-in-client');
  await wizard.formAddressInput.fill(PRACTICE_ADDRESS);
  await wizard.codeInput.fill(code);
  await wizard.submitButton.click();
  await wizard.expectStep('result');
  await expect(wizard.currentPanel.getByText('连接成功，邮箱状态「正常」')).toBeVisible();

  // The check's line, and the line of the request (the server action's POST) it ran in.
  await expect.poll(() => serverLogLines(app.output()).filter((line) => line.component === 'check').length).toBe(1);
  const lines = serverLogLines(app.output());
  const check = lines.find((line) => line.component === 'check')!;
  expect(check).toMatchObject({ level: 'info', instance: 'e2e-one', msg: 'check', provider: 'practice', kind: 'wizard', health: false, outcome: 'ok', stage: 'none', mailbox: 'zh***@lianxi.test' });
  expect(check.ownerId).toEqual(expect.any(String));
  expect(check.durationMs).toEqual(expect.any(Number));
  expect(check.reqId).toMatch(UUID);
  await expect.poll(() => serverLogLines(app.output()).filter((line) => line.msg === 'request' && line.reqId === check.reqId).length).toBe(1);
  const request = serverLogLines(app.output()).find((line) => line.msg === 'request' && line.reqId === check.reqId)!;
  expect(request).toMatchObject({ component: 'serve', instance: 'e2e-one', method: 'POST', status: 200, client: '127.0.0.1' });
  expect(request.path).not.toContain('?');
  expect(request.durationMs).toBeGreaterThanOrEqual(check.durationMs as number);
  // Every request got its own line and its own id.
  const requests = serverLogLines(app.output()).filter((line) => line.msg === 'request');
  expect(requests.length).toBeGreaterThan(3);
  expect(new Set(requests.map((line) => line.reqId)).size).toBe(requests.length);
  // Nothing secret: not the code, not the session cookie, not the password.
  const cookies = await context.cookies();
  expect(cookies.length).toBeGreaterThan(0);
  for (const secret of [code, 'correct horse battery staple', ...cookies.map((cookie) => cookie.value).filter((value) => value.length > 8)]) {
    expect(app.output()).not.toContain(secret);
  }
  await context.close();

  // This machine (127.0.0.1, the one METRICS_ALLOW address) reads the metrics...
  const allowed = await fetch(`${app.url}/metrics`);
  expect(allowed.status).toBe(200);
  expect(allowed.headers.get('content-type')).toContain('text/plain');
  const metrics = await allowed.text();
  expect(metrics).toContain('mailbox_checks_total{provider="practice",kind="wizard",outcome="ok",stage="none"} 1');
  expect(metrics).toContain('mailbox_check_duration_seconds_count{provider="practice"} 1');
  expect(metrics).toContain('mailbox_metrics_database_up 1');
  expect(metrics).toContain('mailbox_provider_budget_used{provider="practice"} 0');
  expect(metrics).toContain('mailbox_health_round_lag_seconds 0');
  expect(metrics).toContain('mailbox_help_sessions_live{state="waiting"} 0');
  expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m);

  // ...and so does a client the trusted proxy says is 127.0.0.1.
  expect((await requestFrom(`${app.url}/metrics`, { from: PROXY, headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(200);
  // Not a client the proxy forwards from elsewhere.
  const forwarded = await requestFrom(`${app.url}/metrics`, { from: PROXY, headers: { 'x-forwarded-for': '203.0.113.9' } });
  expect(forwarded.status).toBe(404);
  expect(forwarded.body).not.toContain('mailbox_checks_total');
  // Nor a client that is no proxy and writes the allowed address into the header itself.
  const forged = await requestFrom(`${app.url}/metrics`, { from: STRANGER, headers: { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1' } });
  expect(forged.status).toBe(404);
  expect(forged.body).not.toContain('mailbox_checks_total');
});

test('a trusted proxy’s X-Request-Id names the request; a client’s is replaced', async () => {
  const proxied = await requestFrom(`${app.url}/api/health`, { from: PROXY, headers: { 'x-request-id': 'nginx-3f2a9c' } });
  expect(proxied.status).toBe(200);
  expect(proxied.headers.get('x-request-id')).toEqual(['nginx-3f2a9c']);
  const chosen = await requestFrom(`${app.url}/api/health`, { from: STRANGER, headers: { 'x-request-id': 'chosen-by-client' } });
  const [replaced] = chosen.headers.get('x-request-id') ?? [];
  expect(replaced).toMatch(UUID);
  await expect.poll(() => serverLogLines(app.output()).some((line) => line.msg === 'request' && line.reqId === replaced)).toBe(true);
  const lines = serverLogLines(app.output()).filter((line) => line.msg === 'request');
  expect(lines.find((line) => line.reqId === 'nginx-3f2a9c')).toMatchObject({ path: '/api/health', status: 200, method: 'GET' });
  expect(lines.some((line) => line.reqId === 'chosen-by-client')).toBe(false);
});

test('readiness passes on a started instance with its database; liveness too', async () => {
  const ready = await fetch(`${app.url}/api/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ ready: true, phase: 'ready', database: 'pglite' });
  expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
});

/** One more app server (scripts/serve.mjs) on a free port with `env`, watched from its first moment. */
async function spawnInstance(env: Record<string, string>) {
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, [path.join(process.cwd(), 'scripts/serve.mjs')], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATABASE_URL: undefined,
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      PRACTICE_MODE: 'off',
      HEALTH_CHECKS_ENABLED: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { port, child, exited, output: () => output };
}

test('readiness answers 503 "starting" while a new instance opens and migrates its database, then 200', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'e2e-ready-'));
  const instance = await spawnInstance({ DATA_DIR: folder });
  try {
    const answers: string[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const response = await fetch(`http://127.0.0.1:${instance.port}/api/ready`, { signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
      if (response) {
        const body = (await response.json()) as { phase: string };
        answers.push(`${response.status} ${body.phase}`);
        if (response.status === 200) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(answers.at(-1)).toBe('200 ready');
    // Every answer before it said "starting", at once (the server answers for the app until it has started).
    expect(answers.length, instance.output()).toBeGreaterThan(1);
    expect(new Set(answers.slice(0, -1))).toEqual(new Set(['503 starting']));
  } finally {
    instance.child.kill('SIGTERM');
    await instance.exited;
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a second instance on the same embedded data folder stops at once, saying DatabaseLockedError', async () => {
  const second = await spawnInstance({ DATA_DIR: dataDir });
  const exitCode = await Promise.race([second.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 60_000))]);
  if (exitCode === 'still running') second.child.kill('SIGKILL');
  const output = second.output();
  expect(exitCode, output).toBe(1);
  const fatal = serverLogLines(output).find((line) => line.level === 'fatal');
  expect(fatal?.msg).toMatch(/^cannot open the database: DatabaseLockedError: The PGlite data folder .* is already in use: it is held by process \d+/);
  expect(fatal).toMatchObject({ component: 'startup', err: { type: 'DatabaseLockedError' } });
  // Next runs the start-up work (lib/startup.ts) just after the server starts listening: the
  // instance may have said it listens, but it answers nothing now, and the first is untouched.
  expect(await fetch(`http://127.0.0.1:${second.port}/api/health`).then((response) => response.status, () => 'refused')).toBe('refused');
  expect((await fetch(`${app.url}/api/ready`)).status).toBe(200);
});
