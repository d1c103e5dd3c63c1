// Debian's nginx (scripts/system-packages.mjs installs it) running deploy/nginx.conf, the file an
// operator copies, in front of the test's instances. Nothing of the system's nginx is used: the
// process has its own prefix, configuration, pid file, logs and temporary folders in a new
// folder, stays in the foreground (`daemon off;`) as a child of the test, and listens on a free
// loopback port. A system nginx on port 80, if one runs, is neither needed nor touched.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { freeLoopbackPort } from './app-server';

export const NGINX_BINARY = '/usr/sbin/nginx';
const DEPLOY_CONFIG = path.join(process.cwd(), 'deploy/nginx.conf');

export interface Nginx {
  url: string;
  port: number;
  /** The access log so far (deploy/nginx.conf's format: rid=, upstream=, upstream_status=). */
  accessLog(): string;
  /** nginx's error log so far: an upstream it could not reach is logged there. */
  errorLog(): string;
  /** SIGTERM, SIGKILL after 5 s; removes its folder. */
  stop(): Promise<void>;
}

export interface NginxOptions {
  /** host:port of each instance, in place of the two `server` lines of deploy/nginx.conf. */
  upstreams: [string, string];
  /**
   * The address nginx connects to the instances from (`proxy_bind`). Another loopback address
   * than the browser's 127.0.0.1, so that an instance can tell nginx from the client behind it.
   */
  bindFrom: string;
  /** The port to listen on, on 127.0.0.1 (default: a free one). */
  listenPort?: number;
}

/**
 * deploy/nginx.conf with the test's addresses in place of the example's: each example value must
 * stand in the file exactly once, so the file the test runs is the committed one, line for line
 * otherwise.
 */
export function renderDeployConfig(template: string, values: { listen: string; upstreams: [string, string]; accessLog: string }): string {
  const replacements: [string, string][] = [
    ['listen 80;', `listen ${values.listen};`],
    ['server 127.0.0.1:3001 ', `server ${values.upstreams[0]} `],
    ['server 127.0.0.1:3002 ', `server ${values.upstreams[1]} `],
    ['/var/log/nginx/mailbox-onboarding.access.log', values.accessLog],
  ];
  let text = template;
  for (const [from, to] of replacements) {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`deploy/nginx.conf: expected "${from}" once, found it ${count} times`);
    text = text.replace(from, to);
  }
  return text;
}

export async function startNginx({ upstreams, bindFrom, listenPort }: NginxOptions): Promise<Nginx> {
  if (!existsSync(NGINX_BINARY)) throw new Error(`${NGINX_BINARY} is missing: install the Debian package nginx (npm test does)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-nginx-'));
  const port = listenPort ?? (await freeLoopbackPort());
  const accessLogPath = path.join(dir, 'access.log');
  const errorLogPath = path.join(dir, 'error.log');
  writeFileSync(
    path.join(dir, 'mailbox-onboarding.conf'),
    renderDeployConfig(readFileSync(DEPLOY_CONFIG, 'utf8'), { listen: `127.0.0.1:${port}`, upstreams, accessLog: accessLogPath }),
  );
  const isRoot = process.getuid?.() === 0;
  // The main configuration Debian's /etc/nginx/nginx.conf would be, with everything in `dir`.
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      // As root, nginx's workers would otherwise run as nobody, who cannot enter `dir` (0700).
      ...(isRoot ? ['user root;'] : []),
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${errorLogPath} info;`,
      'events { worker_connections 256; }',
      'http {',
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      `  access_log off;`,
      `  proxy_bind ${bindFrom};`,
      `  include ${dir}/mailbox-onboarding.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  let output = '';
  // -e: the error log before the configuration is read (Debian's default is /var/log/nginx).
  const child = spawn(NGINX_BINARY, ['-p', `${dir}/`, '-c', path.join(dir, 'nginx.conf'), '-e', errorLogPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${output}\n${read(errorLogPath)}`);
          const response = await fetch(`${url}/api/health`).catch(() => undefined);
          return response?.status;
        },
        { message: 'nginx answers /api/health from an instance', timeout: 15_000, intervals: [100, 250, 500] },
      )
      .toBe(200);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, accessLog: () => read(accessLogPath), errorLog: () => read(errorLogPath), stop };
}
