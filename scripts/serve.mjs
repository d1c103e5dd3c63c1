// The app's HTTP server: `npm run serve` (the production build), `npm start` (after building),
// `npm run dev` (--dev) and the browser tests all serve through it. It is Next's documented custom
// server with one job added: it holds the socket, so it alone decides who the client is
// (lib/net/client-address.mjs, TRUSTED_PROXIES) and rewrites the forwarding headers before Next,
// better-auth or the app read them. `next start` would pass a client's X-Forwarded-For through.
//
//   PORT      the port (default 3000)
//   HOSTNAME  the address to listen on (default 127.0.0.1: this machine only). HOSTNAME=0.0.0.0
//             (or ::) listens on every interface; do that behind a proxy or on a trusted network.
//   TRUSTED_PROXIES  addresses/CIDRs whose X-Forwarded-For / X-Real-IP / X-Forwarded-Proto count.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { parseTrustedProxies, settleForwardingHeaders } from '../lib/net/client-address.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');

/** What the app may ask of the server it runs in (lib/net/server-context.ts reads it). */
const SERVER_KEY = Symbol.for('mailbox-onboarding.server');

function fail(message) {
  console.error(`\n[serve] ${message}\n`);
  process.exit(1);
}

const portText = process.env.PORT || '3000';
const port = Number(portText);
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
globalThis[SERVER_KEY] = { trustedProxies: trusted.entries, onShutdown: (task) => shutdownTasks.push(task) };

const server = http.createServer();
const app = next({ dev, dir: root, hostname, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

server.on('request', (request, response) => {
  settleForwardingHeaders(request, trusted);
  handle(request, response).catch((error) => {
    // Next answers its own errors; this is only for one that escaped it. No detail to the client.
    console.error('[serve] a request failed outside Next:', error);
    if (!response.headersSent) {
      response.statusCode = 500;
      response.setHeader('content-type', 'text/plain; charset=utf-8');
    }
    response.end('Internal Server Error');
  });
});

server.on('error', (error) => fail(`cannot listen on ${hostname}:${port}: ${error.message}`));
server.listen(port, hostname, () => {
  const shown = hostname.includes(':') ? `[${hostname}]` : hostname;
  const proxies = trusted.entries.length ? `; trusting forwarded addresses from ${trusted.entries.join(', ')}` : '';
  console.log(`[serve] ${dev ? 'development' : 'production'} server on http://${shown}:${port}${proxies}`);
});

// On SIGINT/SIGTERM: stop taking connections, let the requests in flight finish and the
// registered work stop (the health scheduler cuts its checks short), then exit. Ten seconds at most.
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[serve] ${signal}: finishing the requests in flight, then exiting`);
  setTimeout(() => {
    console.warn('[serve] still busy after 10 s; exiting anyway');
    process.exit(1);
  }, 10_000).unref();
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  await Promise.allSettled(shutdownTasks.map((task) => Promise.resolve().then(task)));
  await closed;
  await app.close?.().catch(() => {});
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(signal));
