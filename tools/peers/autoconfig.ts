import https from 'node:https';
import { LOOPBACK, listenOnLoopback, trackSockets } from './server-lifecycle';
import { ensureTestPki, issueTestCert, type TestPki } from './pki';

// An HTTPS server on loopback (random port) answering as the autoconfig servers of test domains
// (autoconfig.<domain>, <domain>/.well-known/...), with a certificate from the test CA for the
// names it serves. Point a loopback DNS server (dns.ts) at 127.0.0.1 for those names, let them
// through the address guard (its allow-list) and fetch with the test CA and this port.

export interface AutoconfigRoute {
  /** 200 unless given. */
  status?: number;
  /** The body; a function is called per request. */
  body?: string | (() => string);
  headers?: Readonly<Record<string, string>>;
  /** Answers only after this many milliseconds: a slow server. */
  delayMs?: number;
  /** Sends `Location: <redirect>` with status 302 (unless `status` says otherwise). */
  redirect?: string;
  /** Streams this many bytes of filler without a Content-Length: a body that never stops growing. */
  streamBytes?: number;
}

/** `host/path` (host lower-case, without port) → what to answer; anything else is a 404. */
export type AutoconfigRoutes = Readonly<Record<string, AutoconfigRoute>>;

export interface AutoconfigPeer {
  host: typeof LOOPBACK;
  port: number;
  /** Requests received so far, as `host/path`. */
  requests: readonly string[];
  /** Replaces the routes (the certificate keeps its names). */
  setRoutes(routes: AutoconfigRoutes): void;
  stop(): Promise<void>;
}

export interface AutoconfigPeerOptions {
  /** Names the certificate covers; default: every host the routes name. */
  names?: readonly string[];
  pki?: TestPki;
}

export async function startAutoconfigServer(routes: AutoconfigRoutes, options: AutoconfigPeerOptions = {}): Promise<AutoconfigPeer> {
  const pki = options.pki ?? ensureTestPki();
  const names = options.names ?? [...new Set(Object.keys(routes).map((key) => key.slice(0, key.indexOf('/'))))];
  const leaf = issueTestCert(pki, names);
  let current = routes;
  const requests: string[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = https.createServer({ cert: leaf.cert, key: leaf.key }, (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const key = `${host}${(request.url ?? '/').split('?')[0]}`;
    requests.push(key);
    const route = current[key];
    const answer = () => {
      if (!route) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if (route.redirect !== undefined) {
        response.writeHead(route.status ?? 302, { location: route.redirect, ...route.headers }).end();
        return;
      }
      if (route.streamBytes !== undefined) {
        response.writeHead(route.status ?? 200, { 'content-type': 'application/xml', ...route.headers });
        const chunk = Buffer.alloc(16 * 1024, 'x');
        let left = route.streamBytes;
        const pump = () => {
          while (left > 0) {
            const piece = chunk.subarray(0, Math.min(chunk.length, left));
            left -= piece.length;
            if (!response.write(piece)) {
              response.once('drain', pump);
              return;
            }
          }
          response.end();
        };
        pump();
        return;
      }
      const body = typeof route.body === 'function' ? route.body() : (route.body ?? '');
      response
        .writeHead(route.status ?? 200, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body)), ...route.headers })
        .end(body);
    };
    if (route?.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, route.delayMs);
      timers.add(timer);
    } else {
      answer();
    }
  });
  // A client that gives up mid-answer is no concern of the peer's.
  server.on('clientError', (_err, socket) => socket.destroy());
  const sockets = trackSockets(server);
  const port = await listenOnLoopback(server);
  return {
    host: LOOPBACK,
    port,
    requests,
    setRoutes: (next) => {
      current = next;
    },
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await sockets.closeNow();
      leaf.dispose();
    },
  };
}

/** A config file with these servers inside <emailProvider>. */
export const autoconfigXml = (servers: string, head = '<?xml version="1.0" encoding="UTF-8"?>') => `${head}
<clientConfig version="1.1">
  <emailProvider id="example.test">
    <domain>example.test</domain>
    <displayName>Example mail</displayName>
    ${servers}
  </emailProvider>
</clientConfig>`;

/** One server element of such a file. */
export const autoconfigServer = (
  kind: 'incomingServer' | 'outgoingServer',
  type: string,
  host: string,
  port: number,
  socketType: string,
  auth: string[] = ['password-cleartext'],
  username = '%EMAILADDRESS%',
) =>
  `<${kind} type="${type}"><hostname>${host}</hostname><port>${port}</port><socketType>${socketType}</socketType>${auth
    .map((a) => `<authentication>${a}</authentication>`)
    .join('')}<username>${username}</username></${kind}>`;
