// One more instance of the app for a test that needs its own settings (its own limits, a second
// instance on the same database): the app's server (scripts/serve.mjs) on the build the browser
// tests' web server already made, on a free loopback port, stopped with SIGTERM as a deployment
// would stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

export async function freeLoopbackPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface AppServer {
  url: string;
  port: number;
  server: ChildProcess;
  /** Everything the instance printed so far. */
  output(): string;
  /** SIGTERM, then SIGKILL after 30 s (an instance waits up to 26 s for a health check in flight); removes the data folder it made. */
  stop(): Promise<void>;
}

export interface AppServerOptions {
  /** For messages: which instance this is. */
  name: string;
  /**
   * Settings on top of this process's environment. PORT, HOSTNAME and DATA_DIR are chosen here;
   * BETTER_AUTH_URL is the instance's own address unless given; DATABASE_URL only when given
   * (otherwise the embedded database in DATA_DIR).
   */
  env: Record<string, string | undefined>;
  /** A file that receives a copy of the output. */
  logPath?: string;
  /** Work to undo when the instance stops (its peers). */
  onStop?: () => Promise<unknown>;
  /** The folder of the build to serve (default: this one's). */
  root?: string;
  /** A port of its own (default: a free one). */
  port?: number;
  /** A data folder to use and keep (default: a new one, removed on stop). */
  dataDir?: string;
}

/**
 * This process's environment with `settings` on top, undefined settings removed. The database
 * is the embedded one in the instance's own data folder unless `settings` names one: the test
 * runner's own DATABASE_URL (CI sets it, for the tests that need a PostgreSQL server) must not
 * reach an instance, or its rows (the per-address limits, say) would outlive the run in the
 * shared database and refuse the next run's requests.
 */
function instanceEnv(settings: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: Record<string, string | undefined> = { ...process.env, DATABASE_URL: undefined, ...settings };
  // NODE_ENV is among the settings every caller's spread ends with.
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined)) as NodeJS.ProcessEnv;
}

/** Starts an instance and waits until /api/health answers 200 (its database is open by then). */
export async function startAppServer({ name, env, logPath, onStop, ...where }: AppServerOptions): Promise<AppServer> {
  const root = where.root ?? process.cwd();
  const port = where.port ?? (await freeLoopbackPort());
  const url = `http://127.0.0.1:${port}`;
  const dataDir = where.dataDir ?? mkdtempSync(path.join(os.tmpdir(), `e2e-app-${name}-`));
  let output = '';
  const log = logPath ? createWriteStream(logPath) : undefined;
  // The app's server itself, not through npm, so SIGTERM reaches it.
  const server = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], {
    cwd: root,
    env: instanceEnv({ DATA_DIR: dataDir, BETTER_AUTH_URL: url, ...env, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [server.stdout, server.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      log?.write(chunk);
    });
  }
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      const killed = setTimeout(() => server.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killed);
    }
    await onStop?.();
    log?.end();
    if (!where.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await expect
      .poll(
        async () => {
          if (server.exitCode !== null) throw new Error(`instance ${name} exited (${server.exitCode}):\n${output}`);
          const response = await fetch(`${url}/api/health`).catch(() => undefined);
          return response?.status;
        },
        { message: `instance ${name} answers /api/health`, timeout: 90_000, intervals: [250, 500, 1000] },
      )
      .toBe(200);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, server, output: () => output, stop };
}
