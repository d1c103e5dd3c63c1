// The app's HTTP server: `npm run serve` (the production build), `npm start` (after building),
// `npm run dev` (--dev) and the browser tests all serve through it. It is Next's documented custom
// server with one job added: it holds the socket, so it alone decides who the client is
// (lib/net/client-address.mjs, TRUSTED_PROXIES) and rewrites the forwarding headers before Next,
// better-auth or the app read them. `next start` would pass a client's X-Forwarded-For through.
//
//   PORT      the port (default 3000)
//   HOSTNAME  the address to listen on (default 127.0.0.1: this machine only). HOSTNAME=0.0.0.0
//             (or ::) listens on every interface; do that behind a proxy or on a trusted network.
//   TRUSTED_PROXIES  addresses/CIDRs whose X-Forwarded-For / X-Real-IP / X-Forwarded-Proto count
//             (and, from them, X-Request-Id).
//   LOG_LEVEL, INSTANCE_ID  the log's level and the instance's name in it (lib/log/logger.mjs).
//
// It writes one log line per request (the path without its query, the status, the time taken,
// the request's id) and opens a request context around each request, so that every line the app
// logs while handling it carries the same id (lib/log/logger.mjs).
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { createLogger, defaultInstanceId, installProcessLogger, parseLogLevel, runWithRequestContext } from '../lib/log/logger.mjs';
import { loggablePath, REQUEST_ID_HEADER, settleRequestId } from '../lib/log/request.mjs';
import { parseTrustedProxies, settleForwardingHeaders } from '../lib/net/client-address.mjs';
import { builtDeploymentId } from './build-identity.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');

/** What the app may ask of the server it runs in (lib/net/server-context.ts reads it). */
const SERVER_KEY = Symbol.for('mailbox-onboarding.server');

const portText = process.env.PORT || '3000';
const port = Number(portText);
// The process's logger, before anything else can log: the app's modules write through it too.
let levelProblem;
let level = 'info';
try {
  level = parseLogLevel(process.env.LOG_LEVEL);
} catch (error) {
  levelProblem = error.message;
}
const log = installProcessLogger(
  createLogger({ level, instance: process.env.INSTANCE_ID?.trim() || defaultInstanceId(/^\d+$/.test(portText) ? portText : undefined) }),
).child({ component: 'serve' });

function fail(message) {
  log.fatal(message);
  process.exit(1);
}

if (levelProblem) fail(levelProblem);
if (!/^\d+$/.test(portText) || port < 1 || port > 65535) fail(`PORT must be a port number (1-65535), not "${portText}".`);
const hostname = process.env.HOSTNAME || '127.0.0.1';
let trusted;
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  fail(error.message);
}
// The app derives its own origin from PORT (lib/auth/origin.ts); it must be the one served on.
process.env.PORT = String(port);
process.env.NODE_ENV ??= dev ? 'development' : 'production';

/** Work to finish before the process exits (the health scheduler registers its stop here). */
const shutdownTasks = [];
globalThis[SERVER_KEY] = {
  trustedProxies: trusted.entries,
  onShutdown: (task, options) => shutdownTasks.push({ task, withinMs: options?.withinMs ?? 0 }),
};
/** Where the instance is in its life, shared with the app (lib/net/server-context.ts, /api/ready). */
const READINESS_KEY = Symbol.for('mailbox-onboarding.readiness');
globalThis[READINESS_KEY] ??= { started: false, stopping: false };
const readiness = globalThis[READINESS_KEY];

// The version this instance serves (scripts/build-identity.mjs). A page of another version posting
// a Server Action here is told to reload (below): its actions' ids may name nothing in this build.
const deploymentId = dev ? undefined : builtDeploymentId(path.join(root, '.next'));
// Next reads its config again when it starts, and takes the deployment id it marks pages and
// assets with from this variable: the build's, whatever the environment says now.
if (deploymentId) process.env.NEXT_DEPLOYMENT_ID = deploymentId;
else delete process.env.NEXT_DEPLOYMENT_ID;

const server = http.createServer();
const app = next({ dev, dir: root, hostname, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

server.on('request', (request, response) => {
  const started = performance.now();
  const { client, peerTrusted } = settleForwardingHeaders(request, trusted);
  const requestId = settleRequestId(request, peerTrusted);
  response.setHeader(REQUEST_ID_HEADER, requestId);
  // The answer keeps this request's id. A Server Action that redirects has Next fetch the target
  // from this instance (a request of its own, with an id of its own) and copy that answer's
  // headers onto this one, X-Request-Id among them, which would name a request the proxy never saw.
  const setHeader = response.setHeader;
  response.setHeader = function setHeaderKeepingId(name, value) {
    if (String(name).toLowerCase() === REQUEST_ID_HEADER) return this;
    return setHeader.call(this, name, value);
  };
  // One line per request once it is over, answered or abandoned by the client. The path only:
  // a query string can carry what a person typed.
  response.once('close', () => {
    log.info(
      {
        reqId: requestId,
        method: request.method,
        path: loggablePath(request.url),
        status: response.statusCode,
        durationMs: Math.round(performance.now() - started),
        client,
        ...(response.writableFinished ? {} : { aborted: true }),
      },
      'request',
    );
  });
  if (stopping) response.setHeader('connection', 'close');
  if (deploymentId && isActionOfAnotherVersion(request)) {
    log.info({ reqId: requestId, pageVersion: String(request.headers['x-deployment-id'] ?? 'none'), version: deploymentId }, 'a page of another version posted an action; telling it to reload');
    answerWithReload(request, response);
    return;
  }
  // Next holds every request until the app's start-up (lib/startup.ts: the database opened and
  // migrated) is done; a readiness probe is answered "not yet" at once instead of waiting.
  if (!readiness.started && loggablePath(request.url) === '/api/ready') {
    response.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ ready: false, phase: readiness.stopping ? 'stopping' : 'starting', reason: readiness.stopping ? 'stopping' : 'starting' }));
    return;
  }
  runWithRequestContext({ requestId }, () =>
    handle(request, response).catch((error) => {
      // Next answers its own errors; this is only for one that escaped it. No detail to the client.
      log.error({ err: error }, 'a request failed outside Next');
      if (!response.headersSent) {
        response.statusCode = 500;
        response.setHeader('content-type', 'text/plain; charset=utf-8');
      }
      response.end('Internal Server Error');
    }),
  );
});

/** A Server Action (Next's fetch, with its `next-action` header) from a page of another deployment. */
function isActionOfAnotherVersion(request) {
  return request.method === 'POST' && typeof request.headers['next-action'] === 'string' && request.headers['x-deployment-id'] !== deploymentId;
}

/**
 * Next's client treats an action answer that redirects and carries no page data as a full
 * navigation: the page loads again, from this version, at the same address. Nothing ran.
 */
function answerWithReload(request, response) {
  const target = new URL(request.url ?? '/', 'http://app.invalid');
  response.writeHead(200, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-action-redirect': `${target.pathname}${target.search};replace`,
  });
  response.end();
}

server.on('error', (error) => fail(`cannot listen on ${hostname}:${port}: ${error.message}`));
server.listen(port, hostname, () => {
  const shown = hostname.includes(':') ? `[${hostname}]` : hostname;
  const proxies = trusted.entries.length ? `; trusting forwarded addresses from ${trusted.entries.join(', ')}` : '';
  // Tests and scripts wait for this line (its msg starts "production server on").
  log.info({ url: `http://${shown}:${port}`, trustedProxies: trusted.entries }, `${dev ? 'development' : 'production'} server on http://${shown}:${port}${proxies}`);
});

// On SIGINT/SIGTERM: stop taking connections, let the requests in flight finish and the
// registered work stop (the health scheduler lets its checks in flight finish within their
// budget), then exit. Ten seconds at most, or as long as the slowest task said it may take.
const STOP_CAP_MS = 10_000;
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  // The readiness probe fails from now on, so a balancer sends no new work here.
  readiness.stopping = true;
  log.info(`${signal}: finishing the requests in flight, then exiting`);
  const capMs = Math.max(STOP_CAP_MS, ...shutdownTasks.map(({ withinMs }) => withinMs + 1_000));
  setTimeout(() => {
    log.warn(`still busy after ${capMs / 1000} s; exiting anyway`);
    process.exit(1);
  }, capMs).unref();
  const closed = new Promise((resolve) => server.close(resolve));
  // A browser keeps its connection open between requests (the help panel asks every 1.5 s), and
  // close() waits for every connection: each one is closed as soon as it is idle, and every
  // answer from now on says `connection: close`.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 200);
  idleSweep.unref();
  await Promise.allSettled(shutdownTasks.map(({ task }) => Promise.resolve().then(task)));
  await closed;
  await app.close?.().catch(() => {});
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(signal));
