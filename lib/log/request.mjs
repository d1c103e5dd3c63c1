// What the server (scripts/serve.mjs) logs of a request and how it names it. Plain JavaScript:
// the server runs it before anything is compiled.
import { randomUUID } from 'node:crypto';

/** The request header that carries a request's id to the app, and the response header that returns it. */
export const REQUEST_ID_HEADER = 'x-request-id';

// What a proxy's id may look like: nginx's $request_id (32 hex digits), a UUID, a trace id.
// Anything else (too long, spaces, quotes) is replaced rather than written into every line.
const PROXY_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the X-Request-Id a trusted proxy sent (it names the request in the proxy's log
 * too), otherwise a new one. The header a client sent is removed, from `headers` and `rawHeaders`
 * alike, and replaced by the id decided here, so the app reads one value no client can choose.
 * `peerTrusted` is what settleForwardingHeaders (lib/net/client-address.mjs) decided.
 */
export function settleRequestId(request, peerTrusted) {
  const sent = request.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(sent) ? sent[0] : sent;
  const requestId = peerTrusted && typeof value === 'string' && PROXY_REQUEST_ID.test(value.trim()) ? value.trim() : randomUUID();
  if (Array.isArray(request.rawHeaders)) {
    const kept = [];
    for (let i = 0; i < request.rawHeaders.length; i += 2) {
      if (String(request.rawHeaders[i]).toLowerCase() !== REQUEST_ID_HEADER) kept.push(request.rawHeaders[i], request.rawHeaders[i + 1]);
    }
    request.rawHeaders.splice(0, request.rawHeaders.length, ...kept, REQUEST_ID_HEADER, requestId);
  }
  request.headers[REQUEST_ID_HEADER] = requestId;
  return requestId;
}

const MAX_LOGGED_PATH = 256;

/**
 * The part of a request's target that is logged: the path, without the query string (search
 * words, return addresses and, in other apps' links, tokens live there) and without the fragment.
 * Under /api/auth/ a segment that is not a short lower-case word becomes `:param`: the sign-in
 * library carries tokens as path segments (/api/auth/reset-password/<token>), and its route
 * names are such words (sign-in, email). Cut at 256 characters.
 */
export function loggablePath(target) {
  let path = String(target ?? '');
  const end = path.search(/[?#]/);
  if (end !== -1) path = path.slice(0, end);
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.startsWith('/api/auth/')) {
    const segments = path.slice('/api/auth/'.length).split('/');
    path = `/api/auth/${segments.map((segment) => (segment === '' || /^[a-z-]{1,24}$/.test(segment) ? segment : ':param')).join('/')}`;
  }
  return path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path;
}
