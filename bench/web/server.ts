import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { spawnGroup, stopGroup } from './processes';
import type { Cleanup } from './cleanup';

const READY_TIMEOUT_MS = 60_000;

export interface RunningServer {
  origin: string;
  /** The server's output so far, to show when something goes wrong. */
  log(): string;
}

/** The app's own server (scripts/serve.mjs) on loopback, stopped (with its whole process group) by the cleanup. */
export async function startServer(
  sourceDir: string,
  port: number,
  env: NodeJS.ProcessEnv,
  cleanup: Cleanup,
): Promise<RunningServer> {
  const server: ChildProcess = spawnGroup(
    process.execPath,
    [path.join(sourceDir, 'scripts/serve.mjs')],
    { cwd: sourceDir, env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cleanup.defer('the app server', () => stopGroup(server));
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;

  // Ready when the health route answers: the database is open and migrated by then.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the app server exited (${server.exitCode ?? server.signalCode}) before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return { origin, log: () => output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app server did not answer ${origin}/api/health within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
}
